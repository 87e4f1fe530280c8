//! The interface language: taken from the browser, switched by the candidate, remembered in
//! this browser.

use leptos::prelude::*;

use super::i18n::{t_string, td, use_i18n, I18nLocaleTrait as _, Locale};
use crate::browser;

/// Where the chosen language is remembered (the library's cookie would cost about 40 KB).
pub const LANGUAGE_KEY: &str = "fitcheck.language";

/// Restores the language chosen before. The provider starts from `navigator.languages`; its
/// own first effect would undo a choice set while rendering, so this sets it from an effect
/// created after the provider's (effects run in creation order, before the first paint).
#[component]
pub fn RememberLanguage() -> impl IntoView {
    let i18n = use_i18n();
    if let Some(locale) = browser::load(LANGUAGE_KEY).and_then(|tag| tag.parse::<Locale>().ok()) {
        Effect::new(move |_| i18n.set_locale(locale));
    }
}

/// The two languages, each named in itself; the current one is pressed.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let choice = |locale: Locale| {
        view! {
            <button
                type="button"
                class="link-button"
                lang=locale.as_str()
                data-language=locale.as_str()
                aria-pressed=move || (i18n.get_locale() == locale).to_string()
                on:click=move |_| {
                    i18n.set_locale(locale);
                    // Without storage the choice lasts as long as the tab.
                    let _ = browser::save(LANGUAGE_KEY, locale.as_str());
                }
            >
                {td!(locale, language.name_self)}
            </button>
        }
    };
    view! {
        <nav class="language-switch no-print" id="language-switch" aria-label=move || t_string!(i18n, language.switch_label)>
            {choice(Locale::en)}
            {choice(Locale::de)}
        </nav>
    }
}

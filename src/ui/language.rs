//! The interface language: taken from the browser, switched by the candidate, remembered in
//! this browser.

use leptos::prelude::*;

use super::i18n::{t, td_string, use_i18n, Locale};
use crate::browser;

/// Where the chosen language is remembered (public/boot.js reads it too).
pub const LANGUAGE_KEY: &str = "fitcheck.language";

/// The language the interface starts in: the one chosen before in this browser, else the first
/// of the browser's languages it speaks, else English (as public/boot.js decides before the app
/// runs, for its own words and the start page drawn at build time).
pub fn starting_language() -> Locale {
    browser::load(LANGUAGE_KEY)
        .and_then(|tag| tag.parse().ok())
        .unwrap_or_else(|| Locale::preferred(&browser::languages()))
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
                {td_string!(locale, language.name_self)}
            </button>
        }
    };
    view! {
        <nav class="language-switch no-print" id="language-switch" aria-label=t!(i18n, language.switch_label)>
            {choice(Locale::En)}
            {choice(Locale::De)}
        </nav>
    }
}

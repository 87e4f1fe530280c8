//! Saving and opening progress files, and whether the browser keeps the answers.

use leptos::html;
use leptos::prelude::*;

use crate::browser;
use crate::domain::candidate::transfer::{export_file_name, export_progress, import_progress};
use crate::ui::components::*;
use crate::ui::i18n::{t, td_string, use_i18n};
use crate::ui::{text, Persistence, Session};

/// Whether the browser keeps the saved answers, and what that means for the candidate. A single
/// file's answers are kept for that file, which matters more than any promise of the browser's.
#[component]
pub fn StorageStatus() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let single_file = matches!(browser::edition(), browser::Edition::SingleFile { .. });
    let sentence = move || {
        let locale = i18n.get_locale();
        let available = browser::storage_available().is_ok();
        if single_file && available {
            return td_string!(locale, single_file.storage).to_string();
        }
        text::storage_status(locale, available, session.persistence.get())
    };
    let state = move || match session.persistence.get() {
        Persistence::Granted => "granted",
        Persistence::NotGranted => "not-granted",
        Persistence::Unsupported => "unsupported",
        Persistence::Unknown => "unknown",
    };
    view! { <p class="storage-status" id="storage-status" data-persistence=state>{sentence}</p> }
}

/// Export to and import from a progress file, to continue on another device.
#[component]
pub fn ProgressFile() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let outcome: Outcome = RwSignal::new(None);
    let export = move |_| {
        let profile = session.profile();
        let locale = i18n.get_locale_untracked();
        let text = session
            .progress
            .with_untracked(|p| export_progress(&profile, p));
        outcome.set(Some(
            browser::download(&export_file_name(&profile), "application/json", &text)
                .map(|()| td_string!(locale, file.saved).to_string())
                .map_err(|e| text::as_sentence(&text::browser_error(locale, &e))),
        ));
    };
    let chooser = NodeRef::<html::Input>::new();
    let import = move |_| {
        let Some(chooser) = chooser.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let locale = i18n.get_locale_untracked();
            let checked = browser::read_chosen_file(&chooser)
                .await
                .map_err(|e| text::browser_error(locale, &e))
                .and_then(|text| {
                    import_progress(&text, &session.profile())
                        .map_err(|e| text::import_error(locale, &e))
                });
            let result = checked
                .and_then(|progress| {
                    session
                        .import(progress)
                        .map_err(|_| text::backup_failed(locale))
                })
                .map(|done| text::imported(locale, &done))
                .map_err(|why| td_string!(locale, file.nothing_changed, why));
            outcome.set(Some(result));
        });
    };
    view! {
        <section aria-labelledby="progress-file" class="progress-file no-print">
            <h2 id="progress-file">{t!(i18n, file.heading)}</h2>
            <p>{t!(i18n, file.intro)}</p>
            <div class="actions">
                <button class="secondary" id="export" on:click=export>{t!(i18n, file.save)}</button>
                <input
                    type="file"
                    id="import-file"
                    node_ref=chooser
                    class="visually-hidden"
                    accept="application/json,.json"
                    on:change=import
                />
                <label class="button secondary file-button" for="import-file">{t!(i18n, file.open)}</label>
            </div>
            <OutcomeMessage outcome id="transfer-outcome" />
            <StorageStatus />
        </section>
    }
}

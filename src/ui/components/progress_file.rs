//! Saving and opening progress files, and whether the browser keeps the answers.

use leptos::prelude::*;

use crate::browser;
use crate::domain::transfer::{export_file_name, export_progress, import_progress};
use crate::ui::components::*;
use crate::ui::text::{self, capitalised};
use crate::ui::{Persistence, Session};

/// Whether the browser keeps the saved answers, and what that means for the candidate.
#[component]
pub fn StorageStatus() -> impl IntoView {
    let session = expect_context::<Session>();
    let sentence = move || {
        text::storage_status(
            browser::storage_available().is_ok(),
            session.persistence.get(),
        )
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
    let outcome: Outcome = RwSignal::new(None);
    let export = move |_| {
        let profile = session.profile();
        let text = session
            .progress
            .with_untracked(|p| export_progress(&profile, p));
        outcome.set(Some(
            browser::download(&export_file_name(&profile), "application/json", &text)
                .map(|()| "Your progress file was downloaded.".to_owned())
                .map_err(|e| format!("{}.", capitalised(&text::browser_error(&e)))),
        ));
    };
    let chooser = NodeRef::<leptos::html::Input>::new();
    let import = move |_| {
        leptos::task::spawn_local(async move {
            let Some(input) = chooser.get_untracked() else {
                return;
            };
            let checked = browser::read_chosen_file(&input)
                .await
                .map_err(|e| text::browser_error(&e))
                .and_then(|text| {
                    import_progress(&text, &session.profile()).map_err(|e| e.to_string())
                });
            let result = checked
                .and_then(|progress| {
                    session
                        .import(progress)
                        .map_err(|_| text::BACKUP_FAILED.to_owned())
                })
                .map(|done| text::imported(&done))
                .map_err(|why| format!("Nothing was changed: {why}."));
            outcome.set(Some(result));
        });
    };
    view! {
        <section aria-labelledby="progress-file" class="progress-file no-print">
            <h2 id="progress-file">"Continue on another device"</h2>
            <p>
                "Save your progress as a file, then open it in Fitcheck on another device. "
                "The file stays with you; nothing is uploaded."
            </p>
            <div class="actions">
                <button class="secondary" id="export" on:click=export>"Save progress file"</button>
                <input
                    type="file"
                    id="import-file"
                    node_ref=chooser
                    class="visually-hidden"
                    accept="application/json,.json"
                    on:change=import
                />
                <label class="button secondary file-button" for="import-file">"Open progress file\u{2026}"</label>
            </div>
            <OutcomeMessage outcome id="transfer-outcome" />
            <StorageStatus />
        </section>
    }
}

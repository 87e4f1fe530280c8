//! The candidate's data leaving and entering the app, all within the browser: the progress file
//! (export, import), the Markdown summary, printing, and the share link with its read-only page.

use leptos::prelude::*;
use leptos_router::components::A;

use super::common::{AreaRowView, AreasTable};
use super::text::{self, capitalised};
use super::{Persistence, Session};
use crate::browser;
use crate::domain::report::{markdown_summary, summary_file_name, AreaRow};
use crate::domain::scoring::Assessment;
use crate::domain::share::SharedSummary;
use crate::domain::transfer::{export_file_name, export_progress, import_progress};

/// A message after an action: `Ok` is announced politely, `Err` as an alert.
type Outcome = RwSignal<Option<Result<String, String>>>;

#[component]
fn OutcomeMessage(outcome: Outcome, id: &'static str) -> impl IntoView {
    move || {
        outcome.get().map(|o| match o {
            Ok(text) => view! { <p class="outcome ok" id=id role="status">{text}</p> }.into_any(),
            Err(text) => {
                view! { <p class="outcome error" id=id role="alert">{text}</p> }.into_any()
            }
        })
    }
}

/// Whether the browser keeps the saved answers, and what that means for the candidate.
#[component]
fn StorageStatus() -> impl IntoView {
    let session = expect_context::<Session>();
    let text = move || match (browser::storage_available(), session.persistence.get()) {
        (Err(_), _) => {
            "Your answers are not saved in this browser: it blocks storage for this \
            site. Save a progress file before you leave."
        }
        (Ok(()), Persistence::Granted) => {
            "Your answers are saved in this browser, which has \
            promised to keep them until you delete them."
        }
        (Ok(()), Persistence::NotGranted) => {
            "Your answers are saved in this browser, which has \
            not promised to keep them: it may clear them when space runs low, and Safari clears \
            the data of sites not visited for 7 days unless Fitcheck is added to the home screen. \
            Save a progress file to be safe."
        }
        (Ok(()), Persistence::Unsupported) => {
            "Your answers are saved in this browser. It cannot \
            say whether it will keep them, so save a progress file to be safe."
        }
        (Ok(()), Persistence::Unknown) => {
            "Your answers are saved in this browser. After your \
            first answer Fitcheck asks it to keep them."
        }
    };
    let state = move || match session.persistence.get() {
        Persistence::Granted => "granted",
        Persistence::NotGranted => "not-granted",
        Persistence::Unsupported => "unsupported",
        Persistence::Unknown => "unknown",
    };
    view! { <p class="storage-status" id="storage-status" data-persistence=state>{text}</p> }
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

/// Download, print and share the results.
#[component]
pub fn KeepResults(#[prop(into)] assessment: Signal<Assessment>) -> impl IntoView {
    let session = expect_context::<Session>();
    let outcome: Outcome = RwSignal::new(None);
    let link = RwSignal::new(None::<String>);
    let download = move |_| {
        let profile = session.profile();
        let text = assessment.with_untracked(|a| markdown_summary(&profile, a));
        outcome.set(Some(
            browser::download(&summary_file_name(&profile), "text/markdown", &text)
                .map(|()| "The summary was downloaded.".to_owned())
                .map_err(|e| format!("{}.", capitalised(&text::browser_error(&e)))),
        ));
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let share = move |_| {
        let profile = session.profile();
        let fragment =
            assessment.with_untracked(|a| SharedSummary::from_assessment(&profile.id, a).encode());
        link.set(Some(format!(
            "{}?profile={}#{fragment}",
            browser::app_url("shared"),
            profile.id
        )));
    };
    view! {
        <section aria-labelledby="keep" class="keep no-print">
            <h2 id="keep">"Keep or share your results"</h2>
            <div class="actions">
                <button class="secondary" id="download-summary" on:click=download>"Download summary (Markdown)"</button>
                <button class="secondary" id="print" on:click=print>"Print or save as PDF"</button>
                <button class="secondary" id="share" on:click=share>"Share my results"</button>
            </div>
            <OutcomeMessage outcome id="keep-outcome" />
            {move || link.get().map(|href| view! {
                <div class="share-link">
                    <label for="share-link">"Your results link"</label>
                    <input id="share-link" type="text" readonly value=href.clone() on:focus=|e| {
                        use wasm_bindgen::JsCast;
                        if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    } />
                    <p class="muted">
                        "Copy this link to share your levels and gaps (not your answers). The "
                        "results travel inside the link itself: nothing is uploaded anywhere."
                    </p>
                </div>
            })}
        </section>
    }
}

/// A results summary someone shared: read-only, from the link alone.
#[component]
pub fn SharedPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let profile = session.profile();
    let decoded = SharedSummary::decode(&browser::location_hash());
    let body = match decoded {
        Err(e) => view! {
            <h1>"This results link can\u{2019}t be read"</h1>
            <p role="alert" id="shared-error">{as_sentence(&e.to_string())}</p>
        }
        .into_any(),
        Ok(summary) if summary.profile_id != profile.id => view! {
            <h1>"This results link is for another role"</h1>
            <p role="alert" id="shared-error">
                "The link holds results for the role \u{201c}" {summary.profile_id} "\u{201d}, which this "
                "site does not offer."
            </p>
        }
        .into_any(),
        Ok(summary) => {
            let rows = AreaRow::from_shared(&profile, &summary)
                .into_iter()
                .map(|row| view! { <AreaRowView row self_rating=false /> })
                .collect_view();
            view! {
                <p class="eyebrow">"Shared results \u{b7} read-only"</p>
                <h1>{profile.role.title.clone()}</h1>
                <p class="readiness" id="shared-readiness">
                    {match (summary.readiness, summary.readiness_range) {
                        (Some(_), Some((low, high))) if low != high => format!("{low}\u{2013}{high}% ready for this role\u{2019}s requirements (95% range)."),
                        (Some(r), _) => format!("{r}% ready for this role\u{2019}s requirements."),
                        (None, _) => "Not enough answers yet for a readiness figure.".to_owned(),
                    }}
                </p>
                <AreasTable label="Shared results by area" id="shared-table" self_rating=false>
                    {rows}
                </AreasTable>
                <p class="muted">
                    "These figures came inside the link; no answers are included and nothing was "
                    "sent to a server."
                </p>
            }
            .into_any()
        }
    };
    view! {
        <main class="page shared">
            {body}
            <p><A href="/">"Take the check yourself"</A></p>
        </main>
    }
}

/// A message that starts in lower case (to follow other words) as a sentence of its own.
fn as_sentence(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
    format!("{}{}.", first.unwrap_or_default(), chars.as_str())
}

//! Download, print and share the results.

use leptos::prelude::*;

use crate::browser;
use crate::domain::report::{markdown_summary, summary_file_name};
use crate::domain::scoring::Assessment;
use crate::domain::share::SharedSummary;
use crate::ui::components::*;
use crate::ui::text::{self, capitalised};
use crate::ui::Session;

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

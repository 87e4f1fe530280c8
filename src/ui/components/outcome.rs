//! The message after an action on the candidate's files.

use leptos::prelude::*;

/// A message after an action: `Ok` is announced politely, `Err` as an alert.
pub type Outcome = RwSignal<Option<Result<String, String>>>;

#[component]
pub fn OutcomeMessage(outcome: Outcome, id: &'static str) -> impl IntoView {
    move || {
        outcome.get().map(|o| match o {
            Ok(text) => view! { <p class="outcome ok" id=id role="status">{text}</p> }.into_any(),
            Err(text) => {
                view! { <p class="outcome error" id=id role="alert">{text}</p> }.into_any()
            }
        })
    }
}

//! A labelled progress bar.

use leptos::prelude::*;

use crate::domain::walk::Count;

/// A labelled progress bar; `count` is read reactively.
#[component]
pub fn ProgressBar(
    label: String,
    #[prop(into)] count: Signal<Count>,
    #[prop(optional)] id: &'static str,
) -> impl IntoView {
    view! {
        <div class="progress" id=id>
            <span class="progress-label">
                {label.clone()} ": "
                <span class="progress-figures">
                    {move || { let c = count.get(); format!("{} of {}", c.done, c.total) }}
                </span>
            </span>
            <progress
                max=move || count.get().total
                value=move || count.get().done
                aria-label=label
            ></progress>
        </div>
    }
}

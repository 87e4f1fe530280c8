//! A labelled progress bar.

use leptos::prelude::*;

use crate::domain::candidate::walk::Count;
use crate::ui::i18n::{t_string, use_i18n};

/// A labelled progress bar; `count` is read reactively.
#[component]
pub fn ProgressBar(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] count: Signal<Count>,
    #[prop(optional)] id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="progress" id=id>
            <span class="progress-label">
                {move || label.get()} ": "
                <span class="progress-figures">
                    {move || {
                        let c = count.get();
                        t_string!(i18n, progress_figures, done = c.done, total = c.total)
                    }}
                </span>
            </span>
            <progress
                max=move || count.get().total
                value=move || count.get().done
                aria-label=move || label.get()
            ></progress>
        </div>
    }
}

//! Looking back at the answers: each question answered, what was chosen, the right answer, and
//! every option's own explanation; filterable to what was missed.

use leptos::prelude::*;

use crate::domain::report::review::review;
use crate::ui::components::*;
use crate::ui::i18n::{t_string, td_string, use_i18n};
use crate::ui::route::A;
use crate::ui::{follow, tr, CollectAny, Session};

#[component]
pub fn ReviewPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let only_missed = RwSignal::new(false);
    let entries = Memo::new(move |_| {
        let profile = session.profile();
        session
            .progress
            .with(|p| review(&profile, &p.answers, only_missed.get()))
    });
    let list = follow(move || {
        let shown = entries.get();
        if shown.is_empty() {
            return view! { <p id="review-empty">{tr(i18n, |l| td_string!(l, review.empty))}</p> }
                .into_any();
        }
        let items = shown
            .into_iter()
            .map(|entry| view! { <ReviewItem entry /> })
            .collect_any();
        view! { <ol class="review" id="review">{items}</ol> }.into_any()
    });
    view! {
        <main class="page review-page">
            <PageHeading>{tr(i18n, |l| td_string!(l, review.title))}</PageHeading>
            <p class="review-filter">
                <label>
                    <input
                        type="checkbox"
                        id="only-missed"
                        prop:checked=move || only_missed.get()
                        on:change=move |_| only_missed.update(|m| *m = !*m)
                    />
                    " " {tr(i18n, |l| td_string!(l, review.only_missed))}
                </label>
                " "
                <span class="muted" id="review-count" role="status">
                    {move || {
                        let count = entries.with(Vec::len);
                        t_string!(i18n, review.count, count)
                    }}
                </span>
            </p>
            {list}
            <p><A href="/results">{tr(i18n, |l| td_string!(l, review.back))}</A></p>
        </main>
    }
}

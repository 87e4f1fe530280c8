//! Looking back at the answers: each question answered, what was chosen, the right answer, and
//! every option's own explanation; filterable to what was missed.

use leptos::prelude::*;

use crate::domain::report::review::review;
use crate::ui::components::*;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::route::A;
use crate::ui::Session;

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
    view! {
        <main class="page review-page">
            <PageHeading>{t!(i18n, review.title)}</PageHeading>
            <p class="review-filter">
                <label>
                    <input
                        type="checkbox"
                        id="only-missed"
                        prop:checked=move || only_missed.get()
                        on:change=move |event| only_missed.set(event_target_checked(&event))
                    />
                    " " {t!(i18n, review.only_missed)}
                </label>
                " "
                <span class="muted" id="review-count" role="status">
                    {move || {
                        let count = entries.with(Vec::len);
                        t_string!(i18n, review.count, count)
                    }}
                </span>
            </p>
            <Show
                when=move || entries.with(|e| !e.is_empty())
                fallback=move || view! { <p id="review-empty">{t!(i18n, review.empty)}</p> }
            >
                <ol class="review" id="review">
                    // Kept while the filter changes; drawn anew if another tab changes the answer.
                    <For
                        each=move || entries.get()
                        key=|entry| (entry.question_id.clone(), entry.chosen.clone(), entry.skipped)
                        let(entry)
                    >
                        <ReviewItem entry />
                    </For>
                </ol>
            </Show>
            <p><A href="/results">{t!(i18n, review.back)}</A></p>
        </main>
    }
}

//! Looking back at the answers: each question answered, what was chosen, the right answer, and
//! every option's own explanation; filterable to what was missed.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::answer::shown_order;
use crate::domain::review::{review, ReviewEntry};
use crate::ui::components::*;
use crate::ui::i18n::{t_string, td_string, use_i18n};
use crate::ui::{tr, Session};

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
    let list = move || {
        let shown = entries.get();
        if shown.is_empty() {
            return view! { <p id="review-empty">{tr(i18n, |l| td_string!(l, review.empty))}</p> }
                .into_any();
        }
        let items = shown
            .into_iter()
            .map(|entry| view! { <ReviewItem entry /> })
            .collect_view();
        view! { <ol class="review" id="review">{items}</ol> }.into_any()
    };
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
                        t_string!(i18n, review.count, count).to_string()
                    }}
                </span>
            </p>
            {list}
            <p><A href="/results">{tr(i18n, |l| td_string!(l, review.back))}</A></p>
        </main>
    }
}

/// One question: its prompt (and code), every option in the order the candidate saw them, each
/// marked as their choice and as the right answer, with its own explanation.
#[component]
fn ReviewItem(entry: ReviewEntry) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let profile = session.profile();
    let Some(question) = profile.question(&entry.question_id).cloned() else {
        return ().into_any();
    };
    let language = profile.language.clone();
    let options = shown_order(session.option_seed(), &question)
        .into_iter()
        .map(|index| {
            let option = question.options[index].clone();
            let chosen = entry.chosen.contains(&index);
            let marks = move || {
                let mut marks = Vec::new();
                if chosen {
                    marks.push(t_string!(i18n, review.your_choice).to_string());
                }
                if option.correct {
                    marks.push(t_string!(i18n, review.right).to_string());
                }
                marks.join(" \u{b7} ")
            };
            view! {
                <li
                    class="review-option"
                    data-chosen=chosen.to_string()
                    data-correct=option.correct.to_string()
                >
                    <span class="review-option-text" lang=language.clone()>{option.text.clone()}</span>
                    " "
                    <span class="review-marks">{marks}</span>
                    {option.explanation.clone().map(|e| view! {
                        <span class="review-explanation muted" lang=language.clone()>{e}</span>
                    })}
                </li>
            }
        })
        .collect_view();
    let code = question.code.clone().map(|code| {
        view! { <pre class="code" tabindex="0"><code>{code.source}</code></pre> }
    });
    view! {
        <li class="review-item" data-question=entry.question_id.clone() data-missed=entry.missed.to_string()>
            <p class="review-prompt" lang=language.clone()><strong>{question.prompt.clone()}</strong></p>
            {code}
            {entry.skipped.then(|| view! { <p class="muted">{tr(i18n, |l| td_string!(l, review.skipped))}</p> })}
            <ul class="review-options">{options}</ul>
            <p class="muted" lang=language.clone()>{question.explanation.clone()}</p>
        </li>
    }
    .into_any()
}

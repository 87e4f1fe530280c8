//! One question looked back at: every option in the order the candidate saw them, their choice
//! and the right answer marked, each option with its own explanation.

use leptos::prelude::*;

use crate::domain::candidate::answer::shown_order;
use crate::domain::report::review::ReviewEntry;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::Session;

/// One question: its prompt (and code), every option in the order the candidate saw them, each
/// marked as their choice and as the right answer, with its own explanation.
#[component]
pub fn ReviewItem(entry: ReviewEntry) -> impl IntoView {
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
            let correct = option.correct;
            let marks = move || {
                let mut marks = Vec::new();
                if chosen {
                    marks.push(t_string!(i18n, review.your_choice));
                }
                if correct {
                    marks.push(t_string!(i18n, review.right));
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
            {entry.skipped.then(|| view! { <p class="muted">{t!(i18n, review.skipped)}</p> })}
            <ul class="review-options">{options}</ul>
            <p class="muted" lang=language.clone()>{question.explanation.clone()}</p>
        </li>
    }
    .into_any()
}

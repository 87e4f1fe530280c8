//! One step of the learning plan.

use leptos::prelude::*;

use crate::domain::candidate::answer::Answer;
use crate::domain::profile::Profile;
use crate::domain::report::scoring::Gap;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::{text, Session};

#[component]
pub fn PlanStep(gap: Gap, profile: std::sync::Arc<Profile>) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let language = profile.language.clone();
    let (text, area) = profile.requirement_and_area(&gap.requirement_id);
    let missed = gap
        .missed
        .iter()
        .filter_map(|id| profile.question(id))
        .map(|q| {
            let links = q
                .references
                .iter()
                .map(|r| view! { <li><a href=r.url.clone() rel="noopener noreferrer" target="_blank">{r.title.clone()}</a></li> })
                .collect_view();
            let correct = q
                .options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.text.clone())
                .collect::<Vec<_>>()
                .join(" \u{00b7} ");
            // What the candidate chose, each with its own explanation: why it was tempting and
            // why it is wrong (or, for a right part of a partly right answer, why it is right).
            let answer = session
                .progress
                .with_untracked(|p| p.answers.get(&q.id).cloned());
            let chosen = match answer {
                Some(Answer::Choice { selected }) => {
                    let chosen = selected
                        .iter()
                        .filter_map(|&i| q.options.get(i))
                        .map(|o| {
                            view! {
                                <li lang=language.clone()>
                                    <span class="chosen-text">{o.text.clone()}</span>
                                    {o.explanation.clone().map(|e| view! { <span class="muted">" \u{2014} " {e}</span> })}
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <p class="chosen-answer">
                            <strong>{t!(i18n, plan.your_answer)}</strong>
                        </p>
                        <ul class="chosen">{chosen}</ul>
                    }
                    .into_any()
                }
                _ => view! { <p class="chosen-answer">{t!(i18n, plan.skipped)}</p> }
                    .into_any(),
            };
            view! {
                <li data-question=q.id.clone()>
                    <details>
                        <summary lang=language.clone()>{q.prompt.clone()}</summary>
                        {chosen}
                        <p><strong>{t!(i18n, plan.answer)}</strong>" "<span lang=language.clone()>{correct}</span></p>
                        <p lang=language.clone()>{q.explanation.clone()}</p>
                        <ul class="references" lang=language.clone()>{links}</ul>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="plan-step" data-requirement=gap.requirement_id.clone()>
            <p>
                <strong lang=language.clone()>{text}</strong>
                <span class="muted">" \u{2014} " {move || {
                    let locale = i18n.get_locale();
                    let size = text::decimal(locale, gap.size, 1);
                    t_string!(i18n, plan.gap, area, gap = size)
                }}</span>
            </p>
            <ul class="missed">{missed}</ul>
        </li>
    }
}

//! Practice: one question at a time, and after each answer the right answer with every
//! option's own explanation. Practice answers are kept under their own key and never enter the
//! check's progress, so they never change the results.

use leptos::prelude::*;

use crate::browser;
use crate::domain::candidate::answer::{credit, pick_option, shown_order, Answer};
use crate::domain::candidate::practice::{next_question, practice_key, record, Practice};
use crate::domain::profile::QuestionKind;
use crate::domain::report::review::ReviewEntry;
use crate::ui::components::*;
use crate::ui::i18n::{t_string, td_string, use_i18n};
use crate::ui::route::{use_item, A};
use crate::ui::{follow, shown, tr, CollectAny, Session};

#[component]
pub fn PracticePage() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let item_id = use_item();
    let profile = session.profile();
    let key = practice_key(&profile.id);
    let practice = RwSignal::new(Practice::decode(browser::load(&key).as_deref()));
    // The choice on screen, and whether it was checked; both start afresh on every question.
    let picked = RwSignal::new(Vec::<usize>::new());
    let checked = RwSignal::new(false);
    let hint = RwSignal::new(false);
    Effect::new(move || {
        item_id.track();
        picked.set(Vec::new());
        checked.set(false);
        hint.set(false);
    });
    let total = profile.questions.len();

    follow(move || {
        let id = item_id.get();
        let profile = session.profile();
        let Some(question) = profile.question(&id).cloned() else {
            let (right, of) = practice.with(|p| p.score(&profile));
            return view! {
                <main class="page practice-page">
                    <PageHeading>{tr(i18n, |l| td_string!(l, practice.title))}</PageHeading>
                    <p id="practice-done">
                        {move || t_string!(i18n, practice.done, right, total = of)}
                    </p>
                    <p><A href="/">{tr(i18n, |l| td_string!(l, practice.start))}</A></p>
                </main>
            }
            .into_any();
        };
        let language = profile.language.clone();
        let multiple = question.kind == QuestionKind::MultipleSelect;
        let position = profile
            .questions
            .iter()
            .position(|q| q.id == id)
            .unwrap_or(0)
            + 1;
        let options = shown_order(session.option_seed(), &question)
            .into_iter()
            .map(|index| {
                let text = question.options[index].text.clone();
                let q = question.clone();
                view! {
                    <label class="option">
                        <input
                            type=if multiple { "checkbox" } else { "radio" }
                            name="practice-answer"
                            value=index
                            prop:checked=move || picked.with(|p| p.contains(&index))
                            on:change=move |_| {
                                let previous = Answer::Choice { selected: picked.get_untracked() };
                                if let Some(answer) = pick_option(&q, Some(&previous), index) {
                                    picked.set(answer.selected().to_vec());
                                }
                            }
                        />
                        <span class="option-text" lang=language.clone()>{text}</span>
                    </label>
                }
            })
            .collect_any();
        let check = {
            let (id, key) = (id.clone(), key.clone());
            move |_| {
                let selected = picked.get_untracked();
                if selected.is_empty() {
                    hint.set(true);
                    return;
                }
                let profile = session.profile();
                practice.update(|p| {
                    record(p, &profile, &id, Answer::Choice { selected });
                });
                // Without storage, practice lasts as long as the tab; it is never scored.
                let _ = browser::save(&key, &practice.with_untracked(Practice::encode));
                checked.set(true);
                // The feedback is read next.
                browser::focus_after_render(FEEDBACK_ID, false);
            }
        };
        let feedback =
            {
                let (id, question) = (id.clone(), question.clone());
                move || {
                    checked.get().then(|| {
                    let chosen = picked.get();
                    let answer = Answer::Choice { selected: chosen.clone() };
                    let missed = credit(&question, &answer).is_none_or(|c| c < 1.0);
                    let entry = ReviewEntry {
                        question_id: id.clone(),
                        chosen,
                        skipped: false,
                        missed,
                    };
                    view! { <ol class="review" id="practice-feedback"><ReviewItem entry /></ol> }
                })
                }
            };
        let next_href = format!(
            "/practice/{}",
            next_question(&profile, Some(&id)).unwrap_or("done")
        );
        let code = question.code.clone().map(|code| {
            view! { <pre class="code" tabindex="0"><code>{code.source}</code></pre> }.into_any()
        });
        view! {
            <main class="page practice-page">
                <p class="eyebrow">
                    {tr(i18n, |l| td_string!(l, practice.title))} " \u{b7} "
                    {move || t_string!(i18n, practice.position, position, total)}
                </p>
                <PageHeading lang=language.clone()>{question.prompt.clone()}</PageHeading>
                {code}
                <fieldset disabled=move || checked.get()>
                    <legend class="visually-hidden">
                        {if multiple {
                            tr(i18n, |l| td_string!(l, question.legend_multiple)).into_any()
                        } else {
                            tr(i18n, |l| td_string!(l, question.legend_single)).into_any()
                        }}
                    </legend>
                    {options}
                </fieldset>
                <p class="hint" role="status" aria-live="polite">
                    {move || hint.get().then(|| tr(i18n, |l| td_string!(l, practice.choose_first)).into_any())}
                </p>
                {shown(move || !checked.get(), {
                    let check = check.clone();
                    move || view! {
                        <button class="primary" id="practice-check" on:click=check.clone()>
                            {tr(i18n, |l| td_string!(l, practice.check))}
                        </button>
                    }.into_any()
                })}
                // Focus moves here once the answer is checked, so the feedback is read next.
                <div class="practice-feedback" id=FEEDBACK_ID tabindex="-1">{feedback.clone()}</div>
                {shown(move || checked.get(), {
                    let next_href = next_href.clone();
                    move || view! {
                        <A href=next_href.clone() attr:class="button primary" attr:id="practice-next">
                            {tr(i18n, |l| td_string!(l, practice.next))}
                        </A>
                    }.into_any()
                })}
                <p class="muted">{tr(i18n, |l| td_string!(l, practice.note))}</p>
                <p><A href="/">{tr(i18n, |l| td_string!(l, practice.start))}</A></p>
            </main>
        }
        .into_any()
    })
}

/// The box that holds a checked answer's feedback, which takes focus.
const FEEDBACK_ID: &str = "practice-feedback-box";

//! Practice: one question at a time, and after each answer the right answer with every
//! option's own explanation. Practice answers are kept under their own key and never enter the
//! check's progress, so they never change the results.

use leptos::html;
use leptos::prelude::*;

use crate::browser;
use crate::domain::candidate::answer::{credit, pick_option, shown_order, Answer};
use crate::domain::candidate::practice::{next_question, practice_key, record, Practice};
use crate::domain::profile::{Question, QuestionKind};
use crate::domain::report::review::ReviewEntry;
use crate::ui::components::*;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::route::{use_item, A};
use crate::ui::Session;

/// The question the address names, or the score once every question was practised.
#[component]
pub fn PracticePage() -> impl IntoView {
    let session = expect_context::<Session>();
    let item_id = use_item();
    let key = practice_key(&session.profile().id);
    let practice = RwSignal::new(Practice::decode(browser::load(&key).as_deref()));
    // Each question is drawn anew, with its own choice and check.
    move || {
        let id = item_id.get();
        match session.profile().question(&id).cloned() {
            Some(question) => view! { <PracticeQuestion question practice /> }.into_any(),
            None => view! { <PracticeDone practice /> }.into_any(),
        }
    }
}

/// The end of practice: how many questions were answered right.
#[component]
fn PracticeDone(practice: RwSignal<Practice>) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let (right, of) = practice.with_untracked(|p| p.score(&session.profile()));
    view! {
        <main class="page practice-page">
            <PageHeading>{t!(i18n, practice.title)}</PageHeading>
            <p id="practice-done">{t!(i18n, practice.done, right, total = of)}</p>
            <p><A href="/">{t!(i18n, practice.start)}</A></p>
        </main>
    }
}

/// One practice question: choose, check, and read the feedback; the answer is kept in `practice`.
#[component]
fn PracticeQuestion(question: Question, practice: RwSignal<Practice>) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let profile = session.profile();
    let id = question.id.clone();
    // The choice on screen, and whether it was checked.
    let picked = RwSignal::new(Vec::<usize>::new());
    let checked = RwSignal::new(false);
    let hint = RwSignal::new(false);
    let feedback_box = NodeRef::<html::Div>::new();
    // The feedback is read next: focus moves to it once it is drawn (an effect runs after the
    // view it changes is on the page).
    Effect::new(move || {
        if checked.get() {
            if let Some(feedback_box) = feedback_box.get_untracked() {
                let _ = feedback_box.focus();
            }
        }
    });

    let language = profile.language.clone();
    let multiple = question.kind == QuestionKind::MultipleSelect;
    let total = profile.questions.len();
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
        .collect_view();
    let check = {
        let (id, key) = (id.clone(), practice_key(&profile.id));
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
        }
    };
    let feedback = {
        let (id, question) = (id.clone(), question.clone());
        move || {
            let chosen = picked.get();
            let answer = Answer::Choice {
                selected: chosen.clone(),
            };
            let missed = credit(&question, &answer).is_none_or(|c| c < 1.0);
            let entry = ReviewEntry {
                question_id: id.clone(),
                chosen,
                skipped: false,
                missed,
            };
            view! { <ol class="review" id="practice-feedback"><ReviewItem entry /></ol> }
        }
    };
    let next_href = format!(
        "/practice/{}",
        next_question(&profile, Some(&id)).unwrap_or("done")
    );
    let code = question.code.clone().map(|code| {
        view! { <pre class="code" tabindex="0"><code>{code.source}</code></pre> }
    });
    view! {
        <main class="page practice-page">
            <p class="eyebrow">
                {t!(i18n, practice.title)} " \u{b7} " {t!(i18n, practice.position, position, total)}
            </p>
            <PageHeading lang=language.clone()>{question.prompt.clone()}</PageHeading>
            {code}
            <fieldset disabled=move || checked.get()>
                <legend class="visually-hidden">
                    {if multiple {
                        t!(i18n, question.legend_multiple).into_any()
                    } else {
                        t!(i18n, question.legend_single).into_any()
                    }}
                </legend>
                {options}
            </fieldset>
            <p class="hint" role="status" aria-live="polite">
                <Show when=move || hint.get()>{t!(i18n, practice.choose_first)}</Show>
            </p>
            <Show when=move || !checked.get()>
                <button class="primary" id="practice-check" on:click=check.clone()>
                    {t!(i18n, practice.check)}
                </button>
            </Show>
            // Focus moves here once the answer is checked, so the feedback is read next.
            <div class="practice-feedback" tabindex="-1" node_ref=feedback_box>
                <Show when=move || checked.get()>{feedback.clone()}</Show>
            </div>
            <Show when=move || checked.get()>
                <A href=next_href.clone() attr:class="button primary" attr:id="practice-next">
                    {t!(i18n, practice.next)}
                </A>
            </Show>
            <p class="muted">{t!(i18n, practice.note)}</p>
            <p><A href="/">{t!(i18n, practice.start)}</A></p>
        </main>
    }
}

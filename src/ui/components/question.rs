//! A knowledge question with its options.

use leptos::prelude::*;

use crate::domain::candidate::answer::shown_order;
use crate::domain::profile::{Question, QuestionKind};
use crate::ui::components::*;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::Session;

#[component]
pub fn QuestionView(question: Question) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let language = session.profile().language.clone();
    let id = question.id.clone();
    let multiple = question.kind == QuestionKind::MultipleSelect;
    let selected = {
        let id = id.clone();
        move || {
            session
                .progress
                .with(|p| p.answers.get(&id).map(|a| a.selected().to_vec()))
        }
    };
    let options = shown_order(session.option_seed(), &question)
        .into_iter()
        .enumerate()
        .map(|(shown, index)| {
            let option = &question.options[index];
            let id = id.clone();
            let selected = selected.clone();
            view! {
                <label class="option">
                    <input
                        type=if multiple { "checkbox" } else { "radio" }
                        name=format!("answer-{id}")
                        value=index
                        prop:checked=move || selected().is_some_and(|s| s.contains(&index))
                        on:change=move |_| session.pick(&id, index)
                    />
                    <kbd aria-hidden="true">{shown + 1}</kbd>
                    <span class="option-text" lang=language.clone()>{option.text.clone()}</span>
                </label>
            }
        })
        .collect_view();
    let code = question.code.clone().map(|code| {
        let named = code.language.clone();
        view! {
            <pre
                class="code"
                tabindex="0"
                aria-label=t!(i18n, question.code_label, language = named)
            >
                <code class=format!("language-{}", code.language)>{code.source}</code>
            </pre>
        }
    });
    view! {
        <section class="item question" aria-labelledby=PROMPT_ID>
            <p class="item-kind">
                {if multiple { t!(i18n, question.kind_multiple).into_any() } else { t!(i18n, question.kind_single).into_any() }}
            </p>
            <ItemPrompt lang=language.clone()>{question.prompt.clone()}</ItemPrompt>
            {code}
            <fieldset>
                <legend class="visually-hidden">
                    {if multiple { t!(i18n, question.legend_multiple).into_any() } else { t!(i18n, question.legend_single).into_any() }}
                </legend>
                {options}
            </fieldset>
        </section>
    }
}

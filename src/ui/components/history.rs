//! The attempt history on the results: what changed since the last attempt, the attempts kept,
//! and "Retake my gaps".

use leptos::prelude::*;

use crate::domain::candidate::history::{Attempt, SinceThen};
use crate::domain::report::rows::AreaRow;
use crate::ui::components::AreaGlance;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::route::use_navigate;
use crate::ui::{text, Session};

/// What changed since the attempt before these answers; nothing before a second attempt.
#[component]
pub fn SinceLastTime(#[prop(into)] since_then: Signal<Option<SinceThen>>) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let profile = session.profile();
    move || {
        let since = since_then.get()?;
        let locale = i18n.get_locale();
        let date = since.date.clone();
        let lines = if since.changes.is_empty() {
            view! { <li>{t!(i18n, history.no_change)}</li> }.into_any()
        } else {
            since
                .changes
                .iter()
                .map(|c| {
                    view! { <li data-area=c.area_id.clone() data-after=c.after.kind()>{text::change(locale, &profile, c)}</li> }
                })
                .collect_view()
                .into_any()
        };
        Some(view! {
            <section aria-labelledby="since-heading" class="since no-print" id="since">
                <h2 id="since-heading">{t_string!(i18n, history.since_heading, date)}</h2>
                {text::since_readiness(locale, &since).map(|line| view! { <p>{line}</p> })}
                <ul class="changes">{lines}</ul>
            </section>
        })
    }
}

/// The attempts kept, newest first, each with its kind, readiness and per-area verdicts.
#[component]
pub fn AttemptList(#[prop(into)] attempts: Signal<Vec<Attempt>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || attempts.with(|a| !a.is_empty())>
            <details class="fold no-print" id="fold-attempts">
                <summary>
                    <h2 id="attempts-heading">
                        {move || t_string!(i18n, history.attempts, count = attempts.with(Vec::len))}
                    </h2>
                </summary>
                <ol class="attempts" reversed>
                    <For
                        each=move || attempts.get().into_iter().rev()
                        key=|attempt| attempt.number
                        let(attempt)
                    >
                        <AttemptSummary attempt />
                    </For>
                </ol>
            </details>
        </Show>
    }
}

/// One attempt: its number, day and kind, its readiness, and its verdict per area.
#[component]
fn AttemptSummary(attempt: Attempt) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let profile = session.profile();
    let rows = AreaRow::from_shared(&profile, &attempt.summary)
        .into_iter()
        .filter(|row| attempt.areas.is_empty() || attempt.areas.contains(&row.area_id))
        .collect();
    let number = attempt.number;
    let heading = {
        let attempt = attempt.clone();
        move || {
            let locale = i18n.get_locale();
            td_string!(
                locale,
                history.attempt,
                number = attempt.number,
                date = attempt.date,
                mode = text::attempt_kind(locale, &attempt)
            )
        }
    };
    let range = attempt
        .summary
        .readiness_range
        .or(attempt.summary.readiness.map(|r| (r, r)));
    let readiness = move || {
        let locale = i18n.get_locale();
        match range {
            Some((low, high)) => td_string!(
                locale,
                history.readiness_line,
                range = text::percent_range(locale, f64::from(low), f64::from(high))
            ),
            None => td_string!(locale, history.no_readiness).to_string(),
        }
    };
    view! {
        <li data-attempt=number>
            <p><strong>{heading}</strong>" \u{b7} "{readiness}</p>
            <AreaGlance rows />
        </li>
    }
}

/// "Retake my gaps": offered once the check is finished and some areas are below or not clear.
#[component]
pub fn RetakeGaps(#[prop(into)] areas: Signal<Vec<String>>) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let retake = move |_| {
        if let Some(first) = session.retake(areas.get_untracked()) {
            navigate(&format!("/check/{first}"));
        }
    };
    view! {
        <Show when=move || areas.with(|a| !a.is_empty())>
            <section class="retake no-print" aria-labelledby="retake-heading">
                <h2 id="retake-heading">{t!(i18n, history.retake_heading)}</h2>
                <p>{move || t_string!(i18n, history.retake_text, count = areas.with(Vec::len))}</p>
                <button class="secondary" id="retake-gaps" on:click=retake.clone()>
                    {t!(i18n, history.retake_button)}
                </button>
            </section>
        </Show>
    }
}

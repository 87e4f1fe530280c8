//! The attempt history on the results: what changed since the last attempt, the attempts kept,
//! and "Retake my gaps".

use leptos::prelude::*;

use crate::domain::candidate::history::{Attempt, SinceThen};
use crate::domain::report::rows::AreaRow;
use crate::ui::components::AreaGlance;
use crate::ui::i18n::{t_string, td_string, use_i18n};
use crate::ui::route::use_navigate;
use crate::ui::{follow, text, tr, CollectAny, Session};

/// What changed since the attempt before these answers; nothing before a second attempt.
#[component]
pub fn SinceLastTime(#[prop(into)] since_then: Signal<Option<SinceThen>>) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let profile = session.profile();
    follow(move || {
        let since = since_then.get()?;
        let locale = i18n.get_locale();
        let date = since.date.clone();
        let lines = if since.changes.is_empty() {
            view! { <li>{tr(i18n, |l| td_string!(l, history.no_change))}</li> }.into_any()
        } else {
            since
                .changes
                .iter()
                .map(|c| {
                    view! { <li data-area=c.area_id.clone() data-after=c.after.kind()>{text::change(locale, &profile, c)}</li> }
                })
                .collect_any()
                .into_any()
        };
        Some(view! {
            <section aria-labelledby="since-heading" class="since no-print" id="since">
                <h2 id="since-heading">{t_string!(i18n, history.since_heading, date)}</h2>
                {text::since_readiness(locale, &since).map(|line| view! { <p>{line}</p> }.into_any())}
                <ul class="changes">{lines}</ul>
            </section>
        }.into_any())
    })
}

/// The attempts kept, newest first, each with its kind, readiness and per-area verdicts.
#[component]
pub fn AttemptList(#[prop(into)] attempts: Signal<Vec<Attempt>>) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let profile = session.profile();
    follow(move || {
        let attempts = attempts.get();
        if attempts.is_empty() {
            return None;
        }
        let count = attempts.len();
        let locale = i18n.get_locale();
        let items = attempts
            .iter()
            .rev()
            .map(|a| {
                let heading = td_string!(
                    locale,
                    history.attempt,
                    number = a.number,
                    date = a.date,
                    mode = text::attempt_kind(locale, a)
                );
                let readiness = match a
                    .summary
                    .readiness_range
                    .or(a.summary.readiness.map(|r| (r, r)))
                {
                    Some((low, high)) => td_string!(
                        locale,
                        history.readiness_line,
                        range = text::percent_range(locale, f64::from(low), f64::from(high))
                    ),
                    None => td_string!(locale, history.no_readiness).to_string(),
                };
                let rows = AreaRow::from_shared(&profile, &a.summary)
                    .into_iter()
                    .filter(|row| a.areas.is_empty() || a.areas.contains(&row.area_id))
                    .collect();
                view! {
                    <li data-attempt=a.number>
                        <p><strong>{heading}</strong>" \u{b7} "{readiness}</p>
                        <AreaGlance rows />
                    </li>
                }
            })
            .collect_any();
        Some(
            view! {
                <details class="fold no-print" id="fold-attempts">
                    <summary>
                        <h2 id="attempts-heading">{t_string!(i18n, history.attempts, count)}</h2>
                    </summary>
                    <ol class="attempts" reversed>{items}</ol>
                </details>
            }
            .into_any(),
        )
    })
}

/// "Retake my gaps": offered once the check is finished and some areas are below or not clear.
#[component]
pub fn RetakeGaps(#[prop(into)] areas: Signal<Vec<String>>) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let navigate = use_navigate();
    follow(move || {
        let areas = areas.get();
        if areas.is_empty() {
            return None;
        }
        let count = areas.len();
        let navigate = navigate.clone();
        Some(view! {
            <section class="retake no-print" aria-labelledby="retake-heading">
                <h2 id="retake-heading">{tr(i18n, |l| td_string!(l, history.retake_heading))}</h2>
                <p>{move || t_string!(i18n, history.retake_text, count)}</p>
                <button
                    class="secondary"
                    id="retake-gaps"
                    on:click=move |_| {
                        if let Some(first) = session.retake(areas.clone()) {
                            navigate(&format!("/check/{first}"));
                        }
                    }
                >
                    {tr(i18n, |l| td_string!(l, history.retake_button))}
                </button>
            </section>
        }.into_any())
    })
}

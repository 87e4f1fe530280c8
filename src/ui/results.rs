//! Where the candidate stands: per area the level shown against the level asked, the gaps, a
//! readiness figure, and an ordered list of what to learn next.

use leptos::prelude::*;
use leptos_router::components::A;

use super::common::{Notices, StartOver};
use super::Session;
use crate::domain::profile::{level_name, Profile};
use crate::domain::scoring::{assess, Gap};

#[component]
pub fn ResultsPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let profile = session.profile();
    let assessment = {
        let profile = profile.clone();
        Memo::new(move |_| session.progress.with(|p| assess(&profile, &p.answers)))
    };
    let title = profile.role.title.clone();
    let review_href = move || format!("/check/{}", session.resume_item().unwrap_or_default());

    let readiness = move || match assessment.read().readiness {
        Some(r) => view! {
            <p class="readiness">
                <span class="readiness-figure" id="readiness">{format!("{r:.0}%")}</span>
                " ready for this role's requirements, over what you answered."
            </p>
        }
        .into_any(),
        None => view! {
            <p class="readiness" id="readiness-none">
                "Answer at least one knowledge question to see where you stand."
            </p>
        }
        .into_any(),
    };

    let rows = move || {
        assessment
            .read()
            .areas
            .iter()
            .map(|area| {
                let knowledge = area.knowledge;
                let gap_text = match area.gap {
                    Some(g) if g > 0.0 => format!("{g:.1}"),
                    Some(_) => "none".to_owned(),
                    None => "not assessed".to_owned(),
                };
                view! {
                    <tr data-area=area.area_id.clone()>
                        <th scope="row">{area.title.clone()}</th>
                        <td>{format!("{:.1}", area.required)}</td>
                        <td class="level-cell">
                            {match knowledge {
                                Some(k) => format!("{k:.1} ({})", level_name(k.round() as u8)),
                                None => "\u{2014}".to_owned(),
                            }}
                            <LevelBar required=area.required shown=knowledge />
                        </td>
                        <td>{area.self_rating.map(|s| format!("{s:.1}")).unwrap_or_else(|| "\u{2014}".to_owned())}</td>
                        <td class="gap" data-gap=area.gap.map(|g| format!("{g:.2}")).unwrap_or_default()>
                            {gap_text}
                        </td>
                        <td>{format!("{} of {}", area.answered, area.questions)}</td>
                    </tr>
                }
            })
            .collect_view()
    };

    let plan = {
        let profile = profile.clone();
        move || {
            let steps = assessment.read().plan.steps.clone();
            if steps.is_empty() {
                return view! {
                    <p id="plan-empty">
                        "No gaps found in what you answered. Keep your skills fresh, and check the "
                        "areas you haven\u{2019}t answered yet."
                    </p>
                }
                .into_any();
            }
            let items = steps
                .into_iter()
                .map(|gap| view! { <PlanStep gap profile=profile.clone() /> })
                .collect_view();
            view! { <ol class="plan" id="plan">{items}</ol> }.into_any()
        }
    };

    view! {
        <main class="page results">
            <Notices />
            <p class="eyebrow">"Your results"</p>
            <h1>{title}</h1>
            {readiness}
            <section aria-labelledby="by-area">
                <h2 id="by-area">"By area"</h2>
                <p class="muted">
                    "Levels run from 0 (none) to 4 (could teach it). \u{201c}Asked\u{201d} is what "
                    "the posting asks for; \u{201c}Shown\u{201d} is what your answers to the knowledge "
                    "questions show; your self-rating is shown beside it, not mixed in."
                </p>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Results by area, scrolls sideways on small screens">
                    <table class="areas-table">
                        <thead>
                            <tr>
                                <th scope="col">"Area"</th>
                                <th scope="col">"Asked"</th>
                                <th scope="col">"Shown"</th>
                                <th scope="col">"Self-rating"</th>
                                <th scope="col">"Gap"</th>
                                <th scope="col">"Answered"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
            <section aria-labelledby="next-steps">
                <h2 id="next-steps">"What to learn next"</h2>
                {plan}
            </section>
            <div class="actions no-print">
                <A href=review_href attr:class="button secondary">"Review your answers"</A>
                <A href="/" attr:class="button secondary">"Start page"</A>
                <StartOver />
            </div>
        </main>
    }
}

/// A bar from 0 to 4 with the shown level filled and the asked level marked.
#[component]
fn LevelBar(required: f64, shown: Option<f64>) -> impl IntoView {
    let pct = |level: f64| format!("{:.0}%", 100.0 * level.clamp(0.0, 4.0) / 4.0);
    view! {
        <span class="level-bar" aria-hidden="true">
            <span class="level-fill" style:width=pct(shown.unwrap_or(0.0))></span>
            <span class="level-mark" style:left=pct(required)></span>
        </span>
    }
}

#[component]
fn PlanStep(gap: Gap, profile: std::sync::Arc<Profile>) -> impl IntoView {
    let requirement = profile.requirement(&gap.requirement_id).cloned();
    let text = requirement
        .as_ref()
        .map(|r| r.text.clone())
        .unwrap_or_default();
    let area = requirement
        .as_ref()
        .and_then(|r| profile.area(&r.area))
        .map(|a| a.title.clone())
        .unwrap_or_default();
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
            view! {
                <li>
                    <details>
                        <summary>{q.prompt.clone()}</summary>
                        <p><strong>"Answer: "</strong>{correct}</p>
                        <p>{q.explanation.clone()}</p>
                        <ul class="references">{links}</ul>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="plan-step" data-requirement=gap.requirement_id.clone()>
            <p>
                <strong>{text}</strong>
                <span class="muted">{format!(" \u{2014} {area}, gap {:.1}", gap.size)}</span>
            </p>
            <ul class="missed">{missed}</ul>
        </li>
    }
}

//! Where the candidate stands: per area the level shown against the level asked, the gaps, a
//! readiness figure, and an ordered list of what to learn next.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::measure::MIN_ANSWERS;
use crate::domain::progress::Mode;
use crate::domain::report::{shown_guessing, shown_readiness, AreaRow};
use crate::domain::scoring::assess;
use crate::ui::components::*;
use crate::ui::Session;

#[component]
pub fn ResultsPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let profile = session.profile();
    let assessment = {
        let profile = profile.clone();
        Memo::new(move |_| {
            session
                .progress
                .with(|p| assess(&profile, &p.answers, p.option_seed))
        })
    };
    let title = profile.role.title.clone();
    let review_href = move || format!("/check/{}", session.resume_item().unwrap_or_default());

    let readiness = move || match assessment.read().readiness {
        Some(r) => view! {
            <p class="readiness">
                <span class="readiness-figure" id="readiness" data-mean=format!("{:.0}", r.mean)>
                    {shown_readiness(&r)}
                </span>
                " ready for this role\u{2019}s requirements. The range is where your readiness "
                "lies with 95% certainty; more answers narrow it."
            </p>
        }
        .into_any(),
        None if assessment.read().guessing.is_some() => view! {
            <p class="readiness" id="readiness-withheld">
                "No readiness figure: it would rest on guesses."
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
            .map(|area| view! { <AreaRowView row=AreaRow::from_result(area) self_rating=true /> })
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

    let guessing = move || {
        assessment.read().guessing.map(|sign| {
            view! {
                <p class="notice guessing" id="guessing-notice" role="status">
                    {shown_guessing(&sign)}
                </p>
            }
        })
    };

    // After a quick check, the areas whose verdict is not clear yet can be continued.
    let navigate = leptos_router::hooks::use_navigate();
    let unclear = move || -> Vec<String> {
        assessment
            .read()
            .areas
            .iter()
            .filter(|a| !a.verdict.is_clear() && a.answered < a.questions)
            .map(|a| a.area_id.clone())
            .collect()
    };
    let continue_unclear = move || {
        let areas = unclear();
        (session.mode() == Mode::Quick && !areas.is_empty()).then(|| {
            let navigate = navigate.clone();
            let count = areas.len();
            view! {
                <section class="continue no-print" aria-labelledby="continue-title">
                    <h2 id="continue-title">"Settle what is not clear yet"</h2>
                    <p>
                        {format!(
                            "{count} area(s) have no clear verdict yet. Answer a few more questions \
                             in just those areas; the rest stays as it is."
                        )}
                    </p>
                    <button
                        class="primary"
                        id="continue-unclear"
                        on:click=move |_| {
                            if let Some(item) = session.continue_areas(areas.clone()) {
                                navigate(&format!("/check/{item}"), Default::default());
                            }
                        }
                    >
                        "Continue the unclear areas"
                    </button>
                </section>
            }
        })
    };

    view! {
        <main class="page results">
            <Notices />
            <p class="eyebrow">"Your results"</p>
            <h1>{title}</h1>
            {guessing}
            {readiness}
            {continue_unclear}
            <section aria-labelledby="by-area">
                <h2 id="by-area">"By area"</h2>
                <p class="muted">
                    "Levels run from 0 (none) to 4 (could teach it). \u{201c}Asked\u{201d} is what "
                    "the posting asks for; \u{201c}Shown\u{201d} is what your answers to the knowledge "
                    "questions show, \u{b1} its uncertainty; your self-rating is shown beside it, "
                    "never mixed in. The verdict is \u{201c}meets\u{201d} or \u{201c}below\u{201d} "
                    "only when your level is on that side of the level asked with 97.5% certainty; "
                    "otherwise it is \u{201c}not clear yet\u{201d}. An area needs " {MIN_ANSWERS}
                    " answered questions before it shows a level."
                </p>
                {move || view! { <LevelChart areas=assessment.read().areas.clone() /> }}
                <AreasTable label="Results by area, scrolls sideways on small screens" self_rating=true>
                    {rows}
                </AreasTable>
            </section>
            <section aria-labelledby="next-steps">
                <h2 id="next-steps">"What to learn next"</h2>
                {plan}
                <p class="print-only muted">
                    "The questions behind each gap, with explanations and links, are in the "
                    "downloadable summary and on the results page."
                </p>
            </section>
            <KeepResults assessment />
            <div class="actions no-print">
                <A href=review_href attr:class="button secondary">"Review your answers"</A>
                <A href="/" attr:class="button secondary">"Start page"</A>
                <StartOver />
            </div>
        </main>
    }
}

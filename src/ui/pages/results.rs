//! Where the candidate stands: per area the level shown against the level asked, the gaps, a
//! readiness figure, and an ordered list of what to learn next.

use leptos::prelude::*;

use crate::browser;
use crate::domain::candidate::check::Mode;
use crate::domain::candidate::history::gap_areas;
use crate::domain::measure::posterior::MIN_ANSWERS;
use crate::domain::report::rows::AreaRow;
use crate::domain::report::scoring::{assess, Assessment};
use crate::domain::report::share::SharedSummary;
use crate::ui::components::*;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::route::{use_navigate, A};
use crate::ui::{text, Session};

/// The results of the answers given so far. One phone screen: the verdict per area and what to
/// learn first; the detail is folded below, opened on demand (and for printing).
#[component]
pub fn ResultsPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let profile = session.profile();
    let assessment = {
        let profile = profile.clone();
        Memo::new(move |_| {
            session
                .progress
                .with(|p| assess(&profile, &p.answers, p.option_seed))
        })
    };
    // The history: what changed since the attempt before, the attempts kept, and the retake
    // once this check is finished.
    let since_then = {
        let profile = profile.clone();
        Signal::derive(move || {
            let now = SharedSummary::from_assessment(&profile.id, &assessment.read());
            session.progress.with(|p| p.since_previous(&now))
        })
    };
    let attempts = Signal::derive(move || session.progress.with(|p| p.attempts.clone()));
    let retake_areas = Signal::derive(move || {
        let finished = session
            .progress
            .with(|p| p.finished && p.this_attempt().is_some());
        if finished {
            gap_areas(&assessment.read())
        } else {
            Vec::new()
        }
    });
    // A print shows the folded detail too (the browser's own print command included).
    let before_print =
        window_event_listener_untyped("beforeprint", |_| browser::open_all_details());
    on_cleanup(move || before_print.remove());

    view! {
        <main class="page results">
            <Notices />
            <p class="eyebrow">{t!(i18n, results.eyebrow)}</p>
            <PageHeading lang=profile.language.clone()>{profile.role.title.clone()}</PageHeading>
            <GuessingNotice assessment />
            <ReadinessLine assessment />
            // Printed, the table and the plan (unfolded before printing) say the same at length.
            <section aria-labelledby="glance" class="no-print">
                <h2 id="glance">{t!(i18n, results.glance_heading)}</h2>
                {move || {
                    let rows = assessment.read().areas.iter().map(AreaRow::from_result).collect();
                    view! { <AreaGlance rows id="area-glance" /> }
                }}
            </section>
            <SinceLastTime since_then />
            <LearnFirst assessment />
            <ContinueUnclear assessment />
            <RetakeGaps areas=retake_areas />
            <AreasInDetail assessment />
            <WholePlan assessment />
            <EvidenceFold />
            <AttemptList attempts />
            <p class="print-only muted">{t!(i18n, results.print_note)}</p>
            <KeepResults assessment />
            <ResultsActions />
        </main>
    }
}

/// Said first when the answers look like guessing.
#[component]
fn GuessingNotice(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        assessment.read().guessing.map(|sign| {
            view! {
                <p class="notice guessing" id="guessing-notice" role="status">
                    {move || text::guessing(i18n.get_locale(), &sign)}
                </p>
            }
        })
    }
}

/// How ready the candidate is, with its range; or why there is no figure.
#[component]
fn ReadinessLine(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    move || match assessment.read().readiness {
        Some(r) => {
            let sentence = move || {
                let sentence = td_string!(i18n.get_locale(), results.readiness);
                view! {
                    {sentence.before}
                    <span class="readiness-figure" id="readiness" data-mean=text::figure(r.mean, 0)>
                        {move || text::readiness(i18n.get_locale(), &r)}
                    </span>
                    {sentence.after}
                }
            };
            view! { <p class="readiness">{sentence}</p> }.into_any()
        }
        None if assessment.read().guessing.is_some() => view! {
            <p class="readiness" id="readiness-withheld">{t!(i18n, results.readiness_withheld)}</p>
        }
        .into_any(),
        None => view! {
            <p class="readiness" id="readiness-none">{t!(i18n, results.readiness_none)}</p>
        }
        .into_any(),
    }
}

/// What to learn first: the plan's top three, or that there is nothing to learn.
#[component]
fn LearnFirst(assessment: Memo<Assessment>) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let steps = move || {
        assessment
            .read()
            .plan
            .steps
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
    };
    view! {
        <Show
            when=move || !assessment.read().plan.steps.is_empty()
            fallback=move || view! { <p id="plan-empty">{t!(i18n, results.plan_empty)}</p> }
        >
            <section aria-labelledby="top-heading" class="no-print">
                <h2 id="top-heading">{t!(i18n, results.top_heading)}</h2>
                {move || view! { <TopSteps steps=steps() profile=session.profile() /> }}
            </section>
        </Show>
    }
}

/// After a quick check, the areas whose verdict is not clear yet, to continue.
#[component]
fn ContinueUnclear(assessment: Memo<Assessment>) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let unclear = Memo::new(move |_| -> Vec<String> {
        assessment
            .read()
            .areas
            .iter()
            .filter(|a| !a.verdict.is_clear() && a.answered < a.questions)
            .filter(|a| session.progress.with(|p| p.covers(&a.area_id)))
            .map(|a| a.area_id.clone())
            .collect()
    });
    let continue_them = move |_| {
        if let Some(item) = session.continue_areas(unclear.get_untracked()) {
            navigate(&format!("/check/{item}"));
        }
    };
    view! {
        <Show when=move || session.mode() == Mode::Quick && unclear.with(|u| !u.is_empty())>
            <section class="continue no-print" aria-labelledby="continue-title">
                <h2 id="continue-title">{t!(i18n, results.unclear_heading)}</h2>
                <p>{move || t_string!(i18n, results.unclear, count = unclear.with(Vec::len))}</p>
                <button class="primary" id="continue-unclear" on:click=continue_them.clone()>
                    {t!(i18n, results.unclear_button)}
                </button>
            </section>
        </Show>
    }
}

/// Every area at length, folded: the legend, the chart and the table.
#[component]
fn AreasInDetail(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = move || {
        assessment
            .read()
            .areas
            .iter()
            .map(|area| view! { <AreaRowView row=AreaRow::from_result(area) self_rating=true /> })
            .collect_view()
    };
    view! {
        <details class="fold" id="fold-areas">
            <summary>
                <h2 id="by-area">{t!(i18n, results.more_areas)}</h2>
            </summary>
            <p class="muted">{t!(i18n, results.legend, min = MIN_ANSWERS)}</p>
            {move || view! { <LevelChart areas=assessment.read().areas.clone() /> }}
            <AreasTable of=TableOf::Own>{rows}</AreasTable>
        </details>
    }
}

/// The whole learning plan, folded: each step with the questions missed.
#[component]
fn WholePlan(assessment: Memo<Assessment>) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let steps = move || assessment.read().plan.steps.clone();
    view! {
        <details class="fold" id="fold-plan">
            <summary>
                <h2 id="next-steps">
                    {move || {
                        let count = assessment.read().plan.steps.len();
                        t_string!(i18n, results.full_plan, count)
                    }}
                </h2>
            </summary>
            <Show when=move || !assessment.read().plan.steps.is_empty()>
                <ol class="plan" id="plan">
                    {move || {
                        steps()
                            .into_iter()
                            .map(|gap| view! { <PlanStep gap profile=session.profile() /> })
                            .collect_view()
                    }}
                </ol>
            </Show>
        </details>
    }
}

/// The candidate's evidence links, folded, once there are any.
#[component]
fn EvidenceFold() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let groups = Memo::new(move |_| session.evidence());
    let count = move || groups.with(|g| g.iter().map(|g| g.links.len()).sum::<usize>());
    view! {
        <Show when=move || groups.with(|g| !g.is_empty())>
            <details class="fold" id="fold-evidence">
                <summary>
                    <h2 id="evidence-heading">
                        {move || t_string!(i18n, evidence.results_heading, count = count())}
                    </h2>
                </summary>
                <EvidenceList groups lang=session.profile().language.clone() />
                <p><A href="/evidence" attr:id="edit-evidence">{t!(i18n, evidence.edit)}</A></p>
            </details>
        </Show>
    }
}

/// Where to go from the results: the review, the evidence page, the start page, or over.
#[component]
fn ResultsActions() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let has_evidence = move || session.progress.with(|p| !p.evidence.is_empty());
    view! {
        <div class="actions no-print">
            <A href="/review" attr:class="button secondary" attr:id="review-answers">{t!(i18n, results.review)}</A>
            <Show when=move || !has_evidence()>
                <A href="/evidence" attr:class="button secondary" attr:id="add-evidence">{t!(i18n, evidence.add_first)}</A>
            </Show>
            <A href="/" attr:class="button secondary">{t!(i18n, results.start_page)}</A>
            <StartOver />
        </div>
    }
}

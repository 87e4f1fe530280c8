//! Where the candidate stands: per area the level shown against the level asked, the gaps, a
//! readiness figure, and an ordered list of what to learn next.

use leptos::prelude::*;

use crate::domain::candidate::check::Mode;
use crate::domain::candidate::history::gap_areas;
use crate::domain::measure::posterior::MIN_ANSWERS;
use crate::domain::report::rows::AreaRow;
use crate::domain::report::scoring::assess;
use crate::domain::report::share::SharedSummary;
use crate::ui::components::*;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::route::A;
use crate::ui::{follow, shown, text, tr, CollectAny, Session};

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
    let title = profile.role.title.clone();
    let language = profile.language.clone();

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
    let evidence = {
        let profile = profile.clone();
        follow(move || {
            let groups = session.evidence();
            if groups.is_empty() {
                return None;
            }
            let count: usize = groups.iter().map(|g| g.links.len()).sum();
            Some(view! {
                <details class="fold" id="fold-evidence">
                    <summary>
                        <h2 id="evidence-heading">{move || t_string!(i18n, evidence.results_heading, count)}</h2>
                    </summary>
                    <EvidenceList groups lang=profile.language.clone() />
                    <p><A href="/evidence" attr:id="edit-evidence">{tr(i18n, |l| td_string!(l, evidence.edit))}</A></p>
                </details>
            }.into_any())
        })
    };
    let has_evidence = move || session.progress.with(|p| !p.evidence.is_empty());

    let readiness = follow(move || {
        match assessment.read().readiness {
        Some(r) => {
            let figure = move || {
                view! {
                    <span class="readiness-figure" id="readiness" data-mean=text::figure(r.mean, 0)>
                        {move || text::readiness(i18n.get_locale(), &r)}
                    </span>
                }
            };
            let sentence = follow(move || {
                let sentence = td_string!(i18n.get_locale(), results.readiness);
                view! { {sentence.before}{figure()}{sentence.after} }
            });
            view! { <p class="readiness">{sentence}</p> }.into_any()
        }
        None if assessment.read().guessing.is_some() => view! {
            <p class="readiness" id="readiness-withheld">{tr(i18n, |l| td_string!(l, results.readiness_withheld))}</p>
        }
        .into_any(),
        None => view! {
            <p class="readiness" id="readiness-none">{tr(i18n, |l| td_string!(l, results.readiness_none))}</p>
        }
        .into_any(),
    }
    });

    let rows = follow(move || {
        assessment
            .read()
            .areas
            .iter()
            .map(|area| view! { <AreaRowView row=AreaRow::from_result(area) self_rating=true /> })
            .collect_any()
    });

    let plan = {
        let profile = profile.clone();
        follow(move || {
            let steps = assessment.read().plan.steps.clone();
            if steps.is_empty() {
                return ().into_any();
            }
            let items = steps
                .into_iter()
                .map(|gap| view! { <PlanStep gap profile=profile.clone() /> })
                .collect_any();
            view! { <ol class="plan" id="plan">{items}</ol> }.into_any()
        })
    };

    // A print shows the folded detail too (the browser's own print command included).
    let before_print =
        window_event_listener_untyped("beforeprint", |_| crate::browser::open_all_details());
    on_cleanup(move || before_print.remove());

    // What to learn first: the plan's top three, or that there is nothing to learn.
    let top_steps = {
        let profile = profile.clone();
        follow(move || {
            let steps: Vec<_> = assessment
                .read()
                .plan
                .steps
                .iter()
                .take(3)
                .cloned()
                .collect();
            if steps.is_empty() {
                return view! {
                    <p id="plan-empty">{tr(i18n, |l| td_string!(l, results.plan_empty))}</p>
                }
                .into_any();
            }
            view! {
                <section aria-labelledby="top-heading" class="no-print">
                    <h2 id="top-heading">{tr(i18n, |l| td_string!(l, results.top_heading))}</h2>
                    <TopSteps steps profile=profile.clone() />
                </section>
            }
            .into_any()
        })
    };

    let guessing = follow(move || {
        assessment.read().guessing.map(|sign| {
            view! {
                <p class="notice guessing" id="guessing-notice" role="status">
                    {move || text::guessing(i18n.get_locale(), &sign)}
                </p>
            }
        })
    });

    // After a quick check, the areas whose verdict is not clear yet can be continued.
    let navigate = crate::ui::route::use_navigate();
    let unclear = move || -> Vec<String> {
        assessment
            .read()
            .areas
            .iter()
            .filter(|a| !a.verdict.is_clear() && a.answered < a.questions)
            .filter(|a| session.progress.with(|p| p.covers(&a.area_id)))
            .map(|a| a.area_id.clone())
            .collect()
    };
    let continue_unclear = follow(move || {
        let areas = unclear();
        (session.mode() == Mode::Quick && !areas.is_empty()).then(|| {
            let navigate = navigate.clone();
            let count = areas.len();
            view! {
                <section class="continue no-print" aria-labelledby="continue-title">
                    <h2 id="continue-title">{tr(i18n, |l| td_string!(l, results.unclear_heading))}</h2>
                    <p>{move || t_string!(i18n, results.unclear, count = count)}</p>
                    <button
                        class="primary"
                        id="continue-unclear"
                        on:click=move |_| {
                            if let Some(item) = session.continue_areas(areas.clone()) {
                                navigate(&format!("/check/{item}"));
                            }
                        }
                    >
                        {tr(i18n, |l| td_string!(l, results.unclear_button))}
                    </button>
                </section>
            }
        })
    });

    view! {
        <main class="page results">
            <Notices />
            <p class="eyebrow">{tr(i18n, |l| td_string!(l, results.eyebrow))}</p>
            <PageHeading lang=language>{title}</PageHeading>
            {guessing}
            {readiness}
            // One phone screen: the verdict per area and what to learn first; the detail is
            // folded below, opened on demand (and for printing).
            // Printed, the table and the plan (unfolded before printing) say the same at length.
            <section aria-labelledby="glance" class="no-print">
                <h2 id="glance">{tr(i18n, |l| td_string!(l, results.glance_heading))}</h2>
                {move || {
                    let rows = assessment.read().areas.iter().map(AreaRow::from_result).collect();
                    view! { <AreaGlance rows id="area-glance" /> }
                }}
            </section>
            <SinceLastTime since_then />
            {top_steps}
            {continue_unclear}
            <RetakeGaps areas=retake_areas />
            <details class="fold" id="fold-areas">
                <summary>
                    <h2 id="by-area">{tr(i18n, |l| td_string!(l, results.more_areas))}</h2>
                </summary>
                <p class="muted">{t!(i18n, results.legend, min = MIN_ANSWERS)}</p>
                {move || view! { <LevelChart areas=assessment.read().areas.clone() /> }}
                <AreasTable of=TableOf::Own>
                    {rows}
                </AreasTable>
            </details>
            <details class="fold" id="fold-plan">
                <summary>
                    <h2 id="next-steps">
                        {move || {
                            let count = assessment.read().plan.steps.len();
                            t_string!(i18n, results.full_plan, count)
                        }}
                    </h2>
                </summary>
                {plan}
            </details>
            {evidence}
            <AttemptList attempts />
            <p class="print-only muted">{tr(i18n, |l| td_string!(l, results.print_note))}</p>
            <KeepResults assessment />
            <div class="actions no-print">
                <A href="/review" attr:class="button secondary" attr:id="review-answers">{tr(i18n, |l| td_string!(l, results.review))}</A>
                {shown(move || !has_evidence(), move || view! {
                    <A href="/evidence" attr:class="button secondary" attr:id="add-evidence">{tr(i18n, |l| td_string!(l, evidence.add_first))}</A>
                }.into_any())}
                <A href="/" attr:class="button secondary">{tr(i18n, |l| td_string!(l, results.start_page))}</A>
                <StartOver />
            </div>
        </main>
    }
}

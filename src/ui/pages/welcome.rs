//! The start page: the role, what the check covers, how long it takes, and the privacy promise.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::domain::progress::Mode;
use crate::domain::walk::{quick_limit, Walk};
use crate::ui::components::*;
use crate::ui::Session;

#[component]
pub fn WelcomePage() -> impl IntoView {
    let session = expect_context::<Session>();
    let profile = session.profile();
    let walk = Walk::full(&profile);
    let minutes = Walk::estimated_minutes(&profile, Mode::Full);
    let quick_minutes = Walk::estimated_minutes(&profile, Mode::Quick);
    let total = walk.len();
    let quick_total = Walk::quick(&profile, &Default::default(), &[], 0).planned();
    let started = move || session.progress.with(|p| !p.is_empty());
    let progress = Signal::derive(move || {
        session
            .progress
            .with(|p| session.walk().overall(&p.answers))
    });
    let navigate = use_navigate();
    let begin = move |mode: Mode| {
        if let Some(first) = session.begin(mode) {
            navigate(&format!("/check/{first}"), Default::default());
        }
    };
    let begin_quick = begin.clone();
    let resume_href = move || {
        let item = session.resume_item().unwrap_or_default();
        format!("/check/{item}")
    };
    let role = profile.role.clone();

    let areas = profile
        .areas
        .iter()
        .map(|area| {
            let questions = profile
                .questions
                .iter()
                .filter(|q| q.area == area.id)
                .count();
            let ratings = profile
                .self_ratings
                .iter()
                .filter(|r| r.area == area.id)
                .count();
            let quick = quick_limit(questions, false);
            view! {
                <li>
                    <strong>{area.title.clone()}</strong>
                    " \u{2014} " {area.summary.clone()}
                    <span class="muted">
                        " (" {ratings} " self-ratings on one screen and " {questions}
                        " knowledge questions; a quick check asks one self-rating and at most "
                        {quick} " questions)"
                    </span>
                </li>
            }
        })
        .collect_view();

    view! {
        <main class="page welcome">
            <Notices />
            <p class="eyebrow">"Fitcheck \u{00b7} a private skills check"</p>
            <h1>{role.title.clone()}</h1>
            <p class="role-meta">
                {role.company.clone()} " \u{00b7} " {role.location.clone()}
                {role.employment.clone().map(|e| format!(" \u{00b7} {e}"))}
            </p>
            <p class="muted">"Source: " {role.source.clone()}</p>
            <p>{role.summary.clone()}</p>

            <section aria-labelledby="covers">
                <h2 id="covers">"What the check covers"</h2>
                <p>
                    "Area by area, you first rate your own experience, then answer knowledge "
                    "questions. Skip anything you don\u{2019}t know: a skipped question is never "
                    "counted as wrong."
                </p>
                <ol class="areas">{areas}</ol>
                <p>
                    "Choose a " <strong>"full check"</strong> " (all " {total} " screens, about "
                    {minutes} " minutes) for the most precise picture, or a " <strong>"quick check"</strong>
                    " (at most " {quick_total} " screens, about " {quick_minutes} " minutes): it picks each next "
                    "question by your answers so far and moves on once an area\u{2019}s verdict is clear, "
                    "or would need more questions than a quick check asks. Times are estimated from "
                    "what each screen asks you to read. You can stop at any time and continue later "
                    "in this browser."
                </p>
            </section>

            <section aria-labelledby="privacy" class="privacy">
                <h2 id="privacy">"Your answers stay on this device"</h2>
                <p>
                    "Fitcheck runs entirely in your browser. Nothing you answer is sent anywhere: "
                    "there is no account and no server. Progress is kept in this browser\u{2019}s "
                    "storage until you start over."
                </p>
            </section>

            <div class="actions">
                <Show
                    when=started
                    fallback=move || {
                        let (full, quick) = (begin.clone(), begin_quick.clone());
                        view! {
                            <button class="primary" id="start" on:click=move |_| full(Mode::Full)>
                                {format!("Full check \u{b7} about {minutes} min")}
                            </button>
                            <button class="secondary" id="start-quick" on:click=move |_| quick(Mode::Quick)>
                                {format!("Quick check \u{b7} about {quick_minutes} min")}
                            </button>
                        }
                    }
                >
                    <A href=resume_href attr:class="button primary" attr:id="continue">
                        {move || {
                            let c = progress.get();
                            let kind = match session.mode() {
                                Mode::Full => "full check",
                                Mode::Quick => "quick check",
                            };
                            format!("Continue the {kind} ({} of {} done)", c.done, c.total)
                        }}
                    </A>
                    <A href="/results" attr:class="button secondary" attr:id="see-results">
                        "See results so far"
                    </A>
                    <StartOver />
                </Show>
            </div>
            <ProgressFile />
        </main>
    }
}

//! The start page: the role, what the check covers, how long it takes, and the privacy promise.

use leptos::prelude::*;
use leptos_router::components::A;

use super::common::{Notices, StartOver};
use super::Session;

#[component]
pub fn WelcomePage() -> impl IntoView {
    let session = expect_context::<Session>();
    let profile = session.profile();
    let walk = session.walk();
    let minutes = walk.estimated_minutes(&profile);
    let total = walk.len();
    let started = move || session.progress.with(|p| !p.is_empty());
    let done = {
        let walk = walk.clone();
        Signal::derive(move || session.progress.with(|p| walk.overall(&p.answers).done))
    };
    let resume_href = move || {
        let item = session.resume_item().unwrap_or_default();
        format!("/check/{item}")
    };
    let role = profile.role.clone();

    let areas = profile
        .areas
        .iter()
        .enumerate()
        .map(|(i, area)| {
            let questions = profile
                .questions
                .iter()
                .filter(|q| q.area == area.id)
                .count();
            let count = walk.in_area(i, &Default::default()).total;
            view! {
                <li>
                    <strong>{area.title.clone()}</strong>
                    " \u{2014} " {area.summary.clone()}
                    <span class="muted">
                        " (" {count} " items, " {questions} " of them knowledge questions)"
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
                    <strong>{format!("About {minutes} minutes")}</strong>
                    {format!(" for all {total} items. You can stop at any time and continue later in this browser.")}
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
                    fallback=move || view! {
                        <A href=resume_href attr:class="button primary" attr:id="start">
                            "Start the check"
                        </A>
                    }
                >
                    <A href=resume_href attr:class="button primary" attr:id="continue">
                        {move || format!("Continue ({} of {total} done)", done.get())}
                    </A>
                    <A href="/results" attr:class="button secondary" attr:id="see-results">
                        "See results so far"
                    </A>
                    <StartOver />
                </Show>
            </div>
        </main>
    }
}

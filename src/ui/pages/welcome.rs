//! The start page: the role, what the check covers, how long it takes, and the privacy promise.

use leptos::prelude::*;

use crate::domain::candidate::check::Mode;
use crate::domain::candidate::walk::{quick_limit, Walk};
use crate::ui::components::*;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::route::{use_navigate, A};
use crate::ui::{text, Session};

#[component]
pub fn WelcomePage() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let profile = session.profile();
    let language = profile.language.clone();
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
    let begin = Callback::new(move |mode: Mode| {
        if let Some(first) = session.begin(mode) {
            navigate(&format!("/check/{first}"));
        }
    });
    // A start button pressed in the start page drawn at build time, before the app ran: the
    // check starts now, once this page is drawn.
    let pressed = crate::browser::take_pending_start().and_then(|pressed| Mode::named(&pressed));
    if let Some(mode) = pressed.filter(|_| session.progress.with_untracked(|p| p.is_empty())) {
        queue_microtask(move || begin.run(mode));
    }
    let resume_href = Signal::derive(move || {
        let item = session.resume_item().unwrap_or_default();
        format!("/check/{item}")
    });
    let role = profile.role.clone();
    let practice_href = format!(
        "/practice/{}",
        crate::domain::candidate::practice::next_question(&profile, None).unwrap_or("done")
    );
    // Said once, where the candidate decides to start: the questions' language, when it is not
    // the interface's.
    let questions_language = {
        let language = language.clone();
        move || {
            let locale = i18n.get_locale();
            let same = language.split('-').next() == Some(locale.as_str());
            (!same).then(|| {
                let name = text::language_name(locale, &language);
                view! {
                    <p class="questions-language" id="questions-language">
                        {t_string!(i18n, language.questions_in, language = name)}
                    </p>
                }
            })
        }
    };

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
            let counts = move || {
                t_string!(
                    i18n,
                    welcome.area_counts,
                    ratings = t_string!(i18n, welcome.ratings, count = ratings),
                    questions = t_string!(i18n, welcome.questions, count = questions),
                    quick = t_string!(i18n, welcome.quick_questions, count = quick)
                )
            };
            view! {
                <li>
                    <span lang=language.clone()>
                        <strong>{area.title.clone()}</strong>
                        " \u{2014} " {area.summary.clone()}
                    </span>
                    " "
                    <span class="muted">{counts}</span>
                </li>
            }
        })
        .collect_view();

    view! {
        <main class="page welcome">
            <Notices />
            <p class="eyebrow">{t!(i18n, welcome.eyebrow)}</p>
            <PageHeading lang=language.clone()>{role.title.clone()}</PageHeading>
            <p class="role-meta" lang=language.clone()>
                {role.company.clone()} " \u{00b7} " {role.location.clone()}
                {role.employment.clone().map(|e| format!(" \u{00b7} {e}"))}
            </p>
            {questions_language}
            // On a phone the role, the time each check takes and the start are the first screen;
            // what the check covers follows.
            <div class="actions">
                <Show when=started fallback=move || view! { <StartButtons on_start=begin minutes quick_minutes /> }>
                    <A href=resume_href attr:class="button primary" attr:id="continue">
                        {move || {
                            let c = progress.get();
                            match session.mode() {
                                Mode::Full => t_string!(i18n, welcome.continue_full, done = c.done, total = c.total),
                                Mode::Quick => t_string!(i18n, welcome.continue_quick, done = c.done, total = c.total),
                            }
                        }}
                    </A>
                    <A href="/results" attr:class="button secondary" attr:id="see-results">
                        {t!(i18n, welcome.see_results)}
                    </A>
                    <StartOver />
                </Show>
            </div>
            <p class="muted">{t!(i18n, welcome.source, source = role.source.clone())}</p>
            <p lang=language.clone()>{role.summary.clone()}</p>

            <section aria-labelledby="covers">
                <h2 id="covers">{t!(i18n, welcome.covers_heading)}</h2>
                <p>{t!(i18n, welcome.covers)}</p>
                <ol class="areas">{areas}</ol>
                <p>
                    {t!(i18n, welcome.modes, total, minutes, quick_total, quick_minutes)}
                </p>
            </section>

            <section aria-labelledby="privacy" class="privacy">
                <h2 id="privacy">{t!(i18n, welcome.privacy_heading)}</h2>
                <p>{t!(i18n, welcome.privacy)}</p>
            </section>

            <p class="practice-link">
                <A href=practice_href attr:id="practice">{t!(i18n, practice.link)}</A>
            </p>
            <ProgressFile />
        </main>
    }
}

/// The two ways to begin, each with the time it takes: the whole check and the quick one.
#[component]
fn StartButtons(on_start: Callback<Mode>, minutes: u32, quick_minutes: u32) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button class="primary" id="start" on:click=move |_| on_start.run(Mode::Full)>
            {t!(i18n, welcome.start_full, minutes)}
        </button>
        <button class="secondary" id="start-quick" on:click=move |_| on_start.run(Mode::Quick)>
            {t!(i18n, welcome.start_quick, minutes = quick_minutes)}
        </button>
    }
}

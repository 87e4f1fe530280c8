//! One screen at a time: an area's self-ratings together, or one knowledge question, with
//! progress and navigation.
//!
//! Keyboard: digit keys pick options (1-9 for questions; 0-4 for self-ratings, applied to the
//! rating that has focus, else the first one not rated yet), arrow keys move within a group,
//! Enter goes on.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::linked_to_start;
use crate::domain::candidate::answer::{level_for_key, option_for_key, shown_order, Answer};
use crate::domain::candidate::check::ratings_step_area;
use crate::domain::candidate::check::Mode;
use crate::domain::profile::SelfRating;
use crate::ui::components::*;
use crate::ui::i18n::{t_string, td_string, use_i18n};
use crate::ui::route::{use_item, use_navigate};
use crate::ui::{follow, tr, Session};

#[component]
pub fn ItemPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let item_id = use_item();
    let hint = RwSignal::new(None::<Hint>);
    let navigate = use_navigate();

    // Where to go from the current item; `None` as the target means the results page.
    let go = {
        let navigate = navigate.clone();
        move |target: Option<String>| {
            hint.set(None);
            match target {
                Some(id) => navigate(&format!("/check/{id}")),
                None => {
                    session.finish();
                    navigate("/results");
                }
            }
        }
    };
    let next = {
        let go = go.clone();
        move || {
            let id = item_id.get_untracked();
            let walk = session.walk_now();
            let answered = session
                .progress
                .with_untracked(|p| walk.step(&id).is_some_and(|step| step.is_done(&p.answers)));
            if !answered {
                hint.set(Some(if ratings_step_area(&id).is_some() {
                    Hint::RateFirst
                } else {
                    Hint::ChooseFirst
                }));
                return;
            }
            go(session.next_step(&id));
        }
    };
    let skip = {
        let go = go.clone();
        move || {
            let id = item_id.get_untracked();
            let members = session
                .walk_now()
                .step(&id)
                .map(|s| s.members.clone())
                .unwrap_or_default();
            for member in members {
                // A rating already given stays; only what is open is skipped.
                if session
                    .progress
                    .with_untracked(|p| !p.answers.contains_key(&member))
                {
                    session.answer(&member, Answer::Skipped);
                }
            }
            session.visit(&id);
            go(session.next_step(&id));
        }
    };
    let back = {
        let go = go.clone();
        move || {
            let id = item_id.get_untracked();
            if let Some(previous) = session.walk_now().previous(&id) {
                go(Some(previous.to_owned()));
            }
        }
    };

    // Remember the item and announce it: focus moves to its prompt on every change, a frame
    // later, when the next item is drawn (its prompt is found by id then).
    Effect::new(move || {
        let id = item_id.get();
        if session.walk_now().step(&id).is_some() {
            session.visit(&id);
            crate::browser::focus_after_render(PROMPT_ID, true);
        }
    });

    let keys = {
        let next = next.clone();
        window_event_listener(ev::keydown, move |event| {
            if event.ctrl_key() || event.alt_key() || event.meta_key() || event.default_prevented()
            {
                return;
            }
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let tag = target
                .as_ref()
                .map(|e| e.tag_name().to_ascii_lowercase())
                .unwrap_or_default();
            if matches!(tag.as_str(), "textarea" | "select") {
                return;
            }
            let key = event.key();
            let id = item_id.get_untracked();
            if key == "Enter" {
                // Buttons and links handle Enter themselves.
                if !matches!(tag.as_str(), "button" | "a") {
                    event.prevent_default();
                    next();
                }
                return;
            }
            let profile = session.profile();
            if let Some(question) = profile.question(&id) {
                // The digit names the option's place on screen, which the shuffle maps back.
                let order = shown_order(session.option_seed(), question);
                if let Some(&index) = option_for_key(&key).and_then(|shown| order.get(shown)) {
                    event.prevent_default();
                    session.pick(&id, index);
                    // When focus is in the options, it follows the pick, so arrow keys and Tab
                    // go on from the option just chosen.
                    if let Some(option) = target
                        .and_then(|t| t.closest("fieldset").ok().flatten())
                        .and_then(|f| {
                            f.query_selector(&format!("input[value=\"{index}\"]"))
                                .ok()
                                .flatten()
                        })
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = option.focus();
                    }
                }
            } else if let Some(level) = level_for_key(&key) {
                // The rating whose group has focus, else the first one not rated yet.
                let focused = target
                    .and_then(|t| t.closest("fieldset[data-rating]").ok().flatten())
                    .and_then(|f| f.get_attribute("data-rating"));
                let members = session
                    .walk_now()
                    .step(&id)
                    .filter(|s| !s.is_question)
                    .map(|s| s.members.clone())
                    .unwrap_or_default();
                let open = session.progress.with_untracked(|p| {
                    members
                        .iter()
                        .find(|m| !matches!(p.answers.get(*m), Some(Answer::Rating { .. })))
                        .cloned()
                });
                if let Some(rating) = focused.filter(|f| members.contains(f)).or(open) {
                    event.prevent_default();
                    session.answer(&rating, Answer::Rating { level });
                    session.visit(&id);
                }
            }
        })
    };
    on_cleanup(move || keys.remove());

    // The page's frame (header, navigation, hints) is built once and stays from item to item:
    // only what names the item follows `item_id`, and only the item itself is redrawn. Redrawing
    // the whole `<main>` for each item rewrote every attribute of the frame on every answer.
    // The item's area, or `None` where the walk has no such step. `found` follows only whether
    // there is one, so moving to another area does not rebuild the frame.
    let step_area = Memo::new(move |_| {
        session
            .walk_now()
            .step(&item_id.get())
            .map(|step| step.area_index)
    });
    let found = Memo::new(move |_| step_area.get().is_some());
    let area_index = move || step_area.get().unwrap_or(0);
    let area_title = move || session.profile().areas[area_index()].title.clone();
    let overall = Signal::derive(move || {
        session
            .progress
            .with(|p| session.walk().overall(&p.answers))
    });
    let in_area = Signal::derive(move || {
        session
            .progress
            .with(|p| session.walk().in_area(area_index(), &p.answers))
    });
    let position = move || session.walk_now().position(&item_id.get()).unwrap_or(0) + 1;
    let is_first = move || session.walk_now().previous(&item_id.get()).is_none();
    // In a quick check the walk grows as questions are answered, so this follows it.
    let is_last = move || {
        // Follow the walk and the answers; `has_next` reads them untracked.
        session.walk();
        session.progress.track();
        !session.has_next(&item_id.get())
    };
    let body = move |id: String| {
        let profile = session.profile();
        match profile.question(&id) {
            Some(q) => view! { <QuestionView question=q.clone() /> }.into_any(),
            None => {
                let ratings: Vec<SelfRating> = session
                    .walk_now()
                    .step(&id)
                    .map(|step| {
                        step.members
                            .iter()
                            .filter_map(|m| profile.self_rating(m).cloned())
                            .collect()
                    })
                    .unwrap_or_default();
                view! { <SelfRatingsView area=area_title() ratings /> }.into_any()
            }
        }
    };

    follow(move || {
        if !found.get() {
            return view! {
                <main class="page">
                    <h1>{tr(i18n, |l| td_string!(l, item.missing_title))}</h1>
                    <p>{linked_to_start(i18n, |l| td_string!(l, item.missing))}</p>
                </main>
            }
            .into_any();
        }
        let area_count = session.profile().areas.len();
        let (next, skip, back) = (next.clone(), skip.clone(), back.clone());
        view! {
            <main class="page check">
                <Notices />
                <header class="check-header">
                    <p class="eyebrow">
                        {move || t_string!(i18n, item.area_of, number = area_index() + 1, total = area_count, title = area_title())}
                    </p>
                    <ProgressBar
                        label=Signal::derive(move || t_string!(i18n, item.progress_overall).to_string())
                        count=overall
                        id="progress-overall"
                    />
                    <ProgressBar
                        label=Signal::derive(move || t_string!(i18n, item.progress_area, title = area_title()))
                        count=in_area
                        id="progress-area"
                    />
                    <p class="muted item-position">
                        {move || {
                            let (position, total) = (position(), overall.get().total);
                            match session.mode() {
                                Mode::Quick => t_string!(i18n, item.position_quick, position, total),
                                Mode::Full => t_string!(i18n, item.position, position, total),
                            }
                        }}
                    </p>
                </header>
                {move || body(item_id.get())}
                <p class="hint" role="status" aria-live="polite">
                    {move || match hint.get() {
                        Some(Hint::RateFirst) => tr(i18n, |l| td_string!(l, item.hint_ratings)).into_any(),
                        Some(Hint::ChooseFirst) => tr(i18n, |l| td_string!(l, item.hint_question)).into_any(),
                        None => ().into_any(),
                    }}
                </p>
                <nav class="item-nav" aria-label=move || t_string!(i18n, item.nav_label)>
                    <button class="secondary" id="back" disabled=is_first on:click=move |_| back()>
                        {tr(i18n, |l| td_string!(l, item.back))}
                    </button>
                    <button class="secondary" id="skip" on:click=move |_| skip()>
                        {tr(i18n, |l| td_string!(l, item.skip))}
                    </button>
                    <button class="primary" id="next" on:click=move |_| next()>
                        {move || if is_last() { tr(i18n, |l| td_string!(l, item.see_results)).into_any() } else { tr(i18n, |l| td_string!(l, item.next)).into_any() }}
                    </button>
                </nav>
                <p class="muted keyboard-hint">{tr(i18n, |l| td_string!(l, item.keyboard_hint))}</p>
            </main>
        }
        .into_any()
    })
}

/// What the candidate is asked to do before going on.
#[derive(Clone, Copy)]
enum Hint {
    RateFirst,
    ChooseFirst,
}

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
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::route::{use_item, use_navigator, Navigator};
use crate::ui::Session;

/// The item the address names: its screen in the page's frame, or a page saying there is none.
#[component]
pub fn ItemPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let item_id = use_item();
    // The item's area, or `None` where the walk has no such step.
    let step_area = Memo::new(move |_| {
        session
            .walk_now()
            .step(&item_id.get())
            .map(|step| step.area_index)
    });
    // Remember the item, so that "continue" comes back to it.
    Effect::new(move || {
        let id = item_id.get();
        if session.walk_now().step(&id).is_some() {
            session.visit(&id);
        }
    });
    let moves = Moves {
        session,
        item_id,
        hint: RwSignal::new(None),
        navigator: use_navigator(),
    };
    answer_by_keyboard(moves);
    let area_index = Signal::derive(move || step_area.get().unwrap_or(0));
    // The page's frame (header, navigation, hints) stays from item to item, and only the item
    // itself is drawn anew; `<Show>` follows only whether there is an item, so moving to another
    // area keeps the frame.
    view! {
        <Show when=move || step_area.get().is_some() fallback=|| view! { <MissingItem /> }>
            <main class="page check">
                <Notices />
                <CheckHeader area_index item_id />
                {move || view! { <ItemScreen item_id=item_id.get() area_index /> }}
                <HintLine hint=moves.hint />
                <ItemNav moves />
                <p class="muted keyboard-hint">{t!(i18n, item.keyboard_hint)}</p>
            </main>
        </Show>
    }
}

/// The address names no item of this check.
#[component]
fn MissingItem() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main class="page">
            <h1>{t!(i18n, item.missing_title)}</h1>
            <p>{linked_to_start(i18n, |l| td_string!(l, item.missing))}</p>
        </main>
    }
}

/// Where the candidate is: the area, the progress overall and in the area, the item's place.
#[component]
fn CheckHeader(area_index: Signal<usize>, item_id: Memo<String>) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let area_count = session.profile().areas.len();
    let area_title = move || session.profile().areas[area_index.get()].title.clone();
    let overall = Signal::derive(move || {
        session
            .progress
            .with(|p| session.walk().overall(&p.answers))
    });
    let in_area = Signal::derive(move || {
        session
            .progress
            .with(|p| session.walk().in_area(area_index.get(), &p.answers))
    });
    let position = move || session.walk_now().position(&item_id.get()).unwrap_or(0) + 1;
    view! {
        <header class="check-header">
            <p class="eyebrow">
                {move || t_string!(i18n, item.area_of, number = area_index.get() + 1, total = area_count, title = area_title())}
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
    }
}

/// The item itself: its question, or its area's self-ratings.
#[component]
fn ItemScreen(item_id: String, area_index: Signal<usize>) -> impl IntoView {
    let session = expect_context::<Session>();
    let profile = session.profile();
    if let Some(question) = profile.question(&item_id) {
        return view! { <QuestionView question=question.clone() /> }.into_any();
    }
    let ratings: Vec<SelfRating> = session
        .walk_now()
        .step(&item_id)
        .map(|step| {
            step.members
                .iter()
                .filter_map(|m| profile.self_rating(m).cloned())
                .collect()
        })
        .unwrap_or_default();
    let area = profile.areas[area_index.get_untracked()].title.clone();
    view! { <SelfRatingsView area ratings /> }.into_any()
}

/// What the candidate is asked to do before going on.
#[derive(Clone, Copy)]
enum Hint {
    RateFirst,
    ChooseFirst,
}

/// The hint, announced politely when it appears.
#[component]
fn HintLine(hint: RwSignal<Option<Hint>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="hint" role="status" aria-live="polite">
            {move || hint.get().map(|hint| match hint {
                Hint::RateFirst => t!(i18n, item.hint_ratings).into_any(),
                Hint::ChooseFirst => t!(i18n, item.hint_question).into_any(),
            })}
        </p>
    }
}

/// Back, skip, and next (or "see results" on the last item).
#[component]
fn ItemNav(moves: Moves) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let item_id = moves.item_id;
    let is_first = move || session.walk_now().previous(&item_id.get()).is_none();
    // In a quick check the walk grows as questions are answered, so this follows it.
    let is_last = move || {
        // Follow the walk and the answers; `has_next` reads them untracked.
        session.walk();
        session.progress.track();
        !session.has_next(&item_id.get())
    };
    view! {
        <nav class="item-nav" aria-label=t!(i18n, item.nav_label)>
            <button class="secondary" id="back" disabled=is_first on:click=move |_| moves.back()>
                {t!(i18n, item.back)}
            </button>
            <button class="secondary" id="skip" on:click=move |_| moves.skip()>
                {t!(i18n, item.skip)}
            </button>
            <button class="primary" id="next" on:click=move |_| moves.next()>
                <Show when=is_last fallback=move || t!(i18n, item.next)>{t!(i18n, item.see_results)}</Show>
            </button>
        </nav>
    }
}

/// Going on, skipping and going back from the current item: what the buttons and the keys do.
#[derive(Clone, Copy)]
struct Moves {
    session: Session,
    item_id: Memo<String>,
    hint: RwSignal<Option<Hint>>,
    navigator: Navigator,
}

impl Moves {
    /// To the next item once this one is answered; else a hint says what is missing.
    fn next(self) {
        let id = self.item_id.get_untracked();
        let answered = self.session.progress.with_untracked(|p| {
            self.session
                .walk_now()
                .step(&id)
                .is_some_and(|step| step.is_done(&p.answers))
        });
        if !answered {
            self.hint.set(Some(if ratings_step_area(&id).is_some() {
                Hint::RateFirst
            } else {
                Hint::ChooseFirst
            }));
            return;
        }
        self.go(self.session.next_step(&id));
    }

    /// Skips what is open on this item (a rating already given stays) and goes on.
    fn skip(self) {
        let session = self.session;
        let id = self.item_id.get_untracked();
        let members = session
            .walk_now()
            .step(&id)
            .map(|s| s.members.clone())
            .unwrap_or_default();
        for member in members {
            if session
                .progress
                .with_untracked(|p| !p.answers.contains_key(&member))
            {
                session.answer(&member, Answer::Skipped);
            }
        }
        session.visit(&id);
        self.go(session.next_step(&id));
    }

    /// To the item before this one, if there is one.
    fn back(self) {
        let id = self.item_id.get_untracked();
        if let Some(previous) = self.session.walk_now().previous(&id) {
            self.go(Some(previous.to_owned()));
        }
    }

    /// To the item `target`, or with `None` to the results, the check finished.
    fn go(self, target: Option<String>) {
        self.hint.set(None);
        match target {
            Some(id) => self.navigator.go(&format!("/check/{id}")),
            None => {
                self.session.finish();
                self.navigator.go("/results");
            }
        }
    }
}

/// The keys of the item page (see the module's comment), listened to on the window while the
/// page is open.
fn answer_by_keyboard(moves: Moves) {
    let session = moves.session;
    let keys = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.alt_key() || event.meta_key() || event.default_prevented() {
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
        let id = moves.item_id.get_untracked();
        if key == "Enter" {
            // Buttons and links handle Enter themselves.
            if !matches!(tag.as_str(), "button" | "a") {
                event.prevent_default();
                moves.next();
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
    });
    on_cleanup(move || keys.remove());
}

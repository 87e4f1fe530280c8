//! An area's self-ratings on one screen.

use leptos::prelude::*;

use crate::domain::candidate::answer::Answer;
use crate::domain::profile::SelfRating;
use crate::ui::components::*;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::{text, Session};

/// All self-ratings of an area on one screen: per rating a group of five levels, named, with
/// what the chosen level means for that rating shown beneath it.
#[component]
pub fn SelfRatingsView(area: String, ratings: Vec<SelfRating>) -> impl IntoView {
    let i18n = use_i18n();
    let groups = ratings
        .into_iter()
        .map(|rating| view! { <RatingGroup rating /> })
        .collect_view();
    view! {
        <section class="item self-rating" aria-labelledby=PROMPT_ID>
            <p class="item-kind">{t!(i18n, ratings.kind)}</p>
            <ItemPrompt>{t!(i18n, ratings.title, area)}</ItemPrompt>
            <p class="muted rating-legend">{t!(i18n, ratings.legend)}</p>
            {groups}
        </section>
    }
}

#[component]
pub fn RatingGroup(rating: SelfRating) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let language = session.profile().language.clone();
    let id = rating.id.clone();
    let chosen = {
        let id = id.clone();
        move || {
            session.progress.with(|p| match p.answers.get(&id) {
                Some(Answer::Rating { level }) => Some(*level),
                _ => None,
            })
        }
    };
    let meaning_id = format!("meaning-{id}");
    let rating_language = language.clone();
    let levels = (0..rating.anchors.len().min(5))
        .map(|level| {
            let level = level as u8;
            let id = id.clone();
            let chosen = chosen.clone();
            view! {
                <label class="level">
                    <input
                        type="radio"
                        name=format!("answer-{id}")
                        value=level
                        prop:checked=move || chosen() == Some(level)
                        on:change=move |_| session.answer(&id, Answer::Rating { level })
                    />
                    <span class="level-number">{level}</span>
                    <span class="level-name">{move || text::level_name(i18n.get_locale(), level)}</span>
                </label>
            }
        })
        .collect_view();
    let anchors = rating.anchors.clone();
    let meaning = move || match chosen().and_then(|l| anchors.get(usize::from(l)).cloned()) {
        Some(anchor) => view! { <span lang=language.clone()>{anchor}</span> }.into_any(),
        None => t!(i18n, ratings.not_rated).into_any(),
    };
    view! {
        <fieldset class="rating" data-rating=rating.id.clone() aria-describedby=meaning_id.clone()>
            <legend lang=rating_language>{rating.prompt.clone()}</legend>
            <div class="levels">{levels}</div>
            <p class="rating-meaning muted" id=meaning_id.clone() aria-live="polite">{meaning}</p>
        </fieldset>
    }
}

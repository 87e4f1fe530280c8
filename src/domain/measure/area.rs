//! An area's answers as the measurement reads them: each answered question a scored response,
//! the area's posterior from them, and the level the area asks for.

use crate::domain::candidate::answer::{credit, Answers};
use crate::domain::profile::{Profile, Question};

use super::model::ItemModel;
use super::posterior::{Posterior, Response};

/// The scored response to `question`, if it was answered; `None` when skipped or unanswered.
pub fn response(question: &Question, answers: &Answers) -> Option<Response> {
    let credit = credit(question, answers.get(&question.id)?)?;
    Some(Response {
        item: ItemModel::of(question),
        credit,
    })
}

/// Scored responses to the questions `keep` selects; skipped and unanswered ones are left out.
pub fn responses(
    profile: &Profile,
    answers: &Answers,
    keep: impl Fn(&Question) -> bool,
) -> Vec<Response> {
    profile
        .questions
        .iter()
        .filter(|q| keep(q))
        .filter_map(|q| response(q, answers))
        .collect()
}

/// The posterior for one area from the answers given so far.
pub fn area_posterior(profile: &Profile, area_id: &str, answers: &Answers) -> Posterior {
    Posterior::from_responses(&responses(profile, answers, |q| q.area == area_id))
}

/// The level an area asks for: the weighted mean of its requirements' levels (0 without any).
pub fn area_required(profile: &Profile, area_id: &str) -> f64 {
    let (sum, weights) = profile
        .requirements
        .iter()
        .filter(|r| r.area == area_id)
        .fold((0.0, 0.0), |(s, w), r| {
            (
                s + f64::from(r.level) * f64::from(r.weight),
                w + f64::from(r.weight),
            )
        });
    if weights > 0.0 {
        sum / weights
    } else {
        0.0
    }
}

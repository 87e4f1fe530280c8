//! The measurement, in one place: what an answer says about a candidate's level in an area, and
//! what the check may conclude from the answers it has.
//!
//! - [`model`]: the item model (three-parameter logistic on the level scale, guessing included);
//! - [`posterior`]: the ability estimate (a grid posterior: level, sd, 90 % interval);
//! - [`select`]: the next question of a quick check and when an area stops;
//! - [`verdict`]: meets / below / not clear yet against a required level, and readiness;
//! - [`guessing`]: the rule that tells a candidate their answers look like guessing.
//!
//! The model is one-dimensional per area: a requirement's level is read from its area's
//! posterior, against the requirement's own required level.

pub mod guessing;
pub mod model;
pub mod posterior;
pub mod select;
pub mod verdict;

pub use model::ItemModel;
pub use posterior::{Estimate, Likelihoods, Posterior, Response};
pub use verdict::Verdict;

use super::answer::{credit, Answers};
use super::profile::{Profile, Question};

/// Fewer answered questions than this and an area shows no level and no verdict.
pub const MIN_ANSWERS: usize = 3;

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

//! What the check may conclude: per area and per requirement **meets**, **below** (with the gap)
//! or **not clear yet** (with how many more questions would likely settle it), and a readiness
//! figure with its range.
//!
//! **The rule.** A verdict is clear when the 95 % credible interval of the level lies wholly on
//! one side of the required level: *meets* when the level is at least the required one with
//! probability ≥ 97.5 %, *below* when that probability is ≤ 2.5 %. This is the
//! confidence-interval classification that licensing exams use for adaptive pass/fail decisions
//! (Kingsbury & Weiss, 1983; Eggen & Straetmans, 2000). Why 95 % and not 90 %: a quick check looks
//! at the interval after every answer and its items are never quite as the model says, so the
//! error of a clear verdict runs above the nominal one-sided rate; `tests/scoring_model.rs`
//! measures it under models harsher than this one and holds it to 5 %.

use serde::{Deserialize, Serialize};

use super::model::ItemModel;
use super::posterior::MIN_ANSWERS;
use super::posterior::{Posterior, INTERVAL_TAIL};

/// Where an area stands, as far as a comparison between attempts cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Meets,
    Below,
    NotClear,
}

impl Standing {
    /// For styling and tests: `meets`, `below` or `not-clear`, as `AreaRow::verdict_kind`.
    pub fn kind(self) -> &'static str {
        match self {
            Standing::Meets => "meets",
            Standing::Below => "below",
            Standing::NotClear => "not-clear",
        }
    }

    pub fn of_verdict(verdict: &Verdict) -> Standing {
        match verdict {
            Verdict::Meets => Standing::Meets,
            Verdict::Below { .. } => Standing::Below,
            Verdict::NotClear { .. } => Standing::NotClear,
        }
    }
}

/// The z of the one-sided [`INTERVAL_TAIL`] (97.5 %), for the "more questions" projection and
/// the readiness range.
const Z: f64 = 1.96;

/// Kept in the attempt history (`domain::history`) as `{"verdict": "below", "gap": 0.5}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case", deny_unknown_fields)]
pub enum Verdict {
    /// The level is at or above the required one (probability ≥ 97.5 %).
    Meets,
    /// The level is below the required one (probability ≥ 97.5 %), by about `gap` levels.
    Below { gap: f64 },
    /// Neither is clear yet; `more` is how many more of the remaining questions would likely
    /// settle it, `None` when even all of them likely would not.
    NotClear { more: Option<usize> },
}

impl Verdict {
    pub fn is_clear(&self) -> bool {
        !matches!(self, Verdict::NotClear { .. })
    }
}

/// The verdict for a level read from `posterior` against `required`. `remaining` are the
/// questions not yet asked, for the projection of how many more would settle it.
pub fn verdict(posterior: &Posterior, required: f64, remaining: &[ItemModel]) -> Verdict {
    let estimate = posterior.estimate();
    let at_least = posterior.prob_at_least(required);
    if estimate.answers >= MIN_ANSWERS {
        if at_least >= 1.0 - INTERVAL_TAIL {
            return Verdict::Meets;
        }
        if at_least <= INTERVAL_TAIL {
            return Verdict::Below {
                gap: (required - estimate.level).max(0.0),
            };
        }
    }
    Verdict::NotClear {
        more: more_to_settle(
            estimate.level,
            estimate.se,
            required,
            estimate.answers,
            remaining,
        ),
    }
}

/// How many of the most informative `remaining` questions would likely make the interval clear
/// of `required`, if the level stayed where it is: information adds up, and the interval
/// `level ± Z / √(information)` must leave the required level out.
fn more_to_settle(
    level: f64,
    se: f64,
    required: f64,
    answers: usize,
    remaining: &[ItemModel],
) -> Option<usize> {
    let distance = (level - required).abs();
    let mut information = 1.0 / se.max(1e-6).powi(2);
    let mut gains: Vec<f64> = remaining.iter().map(|q| q.information(level)).collect();
    gains.sort_by(|a, b| b.total_cmp(a));
    let mut n = 0;
    loop {
        if n + answers >= MIN_ANSWERS && distance >= Z / information.sqrt() {
            return Some(n.max(1));
        }
        let gain = *gains.get(n)?;
        information += gain;
        n += 1;
    }
}

/// Readiness: the share of the posting's weighted required level that the candidate shows,
/// `100 · (1 − Σ weight · max(0, required − level) / Σ weight · required)`, with its range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readiness {
    /// The posterior mean, 0 to 100.
    pub mean: f64,
    /// The 95 % range (mean ± 1.96 sd, cut to 0..=100).
    pub low: f64,
    pub high: f64,
}

/// Readiness over areas, each given as its posterior and its requirements' (level, weight).
/// The sum's mean and variance are exact over each area's posterior; areas are independent, so
/// they add. `None` when nothing is required.
pub fn readiness(areas: &[(&Posterior, Vec<(f64, f64)>)]) -> Option<Readiness> {
    let total: f64 = areas
        .iter()
        .flat_map(|(_, reqs)| reqs.iter().map(|(level, weight)| level * weight))
        .sum();
    if total <= 0.0 {
        return None;
    }
    let (mut missing, mut variance) = (0.0, 0.0);
    for (posterior, reqs) in areas {
        let short = |level: f64| -> f64 {
            reqs.iter()
                .map(|(required, weight)| weight * (required - level).max(0.0))
                .sum()
        };
        let mean = posterior.expect(short);
        missing += mean;
        variance += posterior.expect(|l| (short(l) - mean).powi(2)).max(0.0);
    }
    let mean = 100.0 * (1.0 - missing / total);
    let sd = 100.0 * variance.sqrt() / total;
    Some(Readiness {
        mean,
        low: (mean - Z * sd).clamp(0.0, 100.0),
        high: (mean + Z * sd).clamp(0.0, 100.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::measure::model::DEFAULT_SLOPE;
    use crate::domain::measure::posterior::Response;

    fn item(location: f64) -> ItemModel {
        ItemModel {
            location,
            slope: DEFAULT_SLOPE,
            guessing: 0.25,
        }
    }

    fn posterior(answers: &[(f64, f64)]) -> Posterior {
        let r: Vec<Response> = answers
            .iter()
            .map(|&(location, credit)| Response {
                item: item(location),
                credit,
            })
            .collect();
        Posterior::from_responses(&r)
    }

    #[test]
    fn many_right_answers_meet_a_basic_requirement_and_many_wrong_fall_below_it() {
        let right = posterior(&[
            (1.0, 1.0),
            (2.0, 1.0),
            (3.0, 1.0),
            (2.0, 1.0),
            (3.0, 1.0),
            (3.0, 1.0),
        ]);
        assert_eq!(verdict(&right, 1.0, &[]), Verdict::Meets);
        let wrong = posterior(&[
            (1.0, 0.0),
            (1.0, 0.0),
            (2.0, 0.0),
            (1.0, 0.0),
            (2.0, 0.0),
            (1.0, 0.0),
        ]);
        match verdict(&wrong, 3.0, &[]) {
            Verdict::Below { gap } => assert!(gap > 1.5, "{gap}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn one_answer_settles_nothing() {
        let one = posterior(&[(1.0, 0.0)]);
        assert!(matches!(
            verdict(&one, 3.0, &[item(2.0)]),
            Verdict::NotClear { .. }
        ));
        assert!(matches!(
            verdict(&Posterior::prior(), 0.5, &[]),
            Verdict::NotClear { more: None }
        ));
    }

    #[test]
    fn mixed_answers_near_the_required_level_are_not_clear_and_say_how_many_more() {
        let mixed = posterior(&[(2.0, 1.0), (2.0, 0.0), (1.0, 1.0), (3.0, 0.0)]);
        let remaining: Vec<ItemModel> = (0..40).map(|i| item(f64::from(i % 3 + 1))).collect();
        // Far from the cut, a few more settle it; at the cut, no number likely does.
        match verdict(&mixed, mixed.mean() + 0.9, &remaining) {
            Verdict::NotClear { more: Some(n) } => assert!((1..=40).contains(&n), "{n}"),
            other => panic!("{other:?}"),
        }
        let level = mixed.mean();
        assert_eq!(
            verdict(&mixed, level, &remaining[..3]),
            Verdict::NotClear { more: None }
        );
    }

    #[test]
    fn readiness_has_a_range_that_narrows_with_answers() {
        let few = posterior(&[(2.0, 1.0), (2.0, 0.0)]);
        let many: Vec<(f64, f64)> = (0..60).map(|i| (2.0, f64::from(i % 2))).collect();
        let many = posterior(&many);
        let reqs = vec![(2.0, 3.0), (3.0, 1.0)];
        let a = readiness(&[(&few, reqs.clone())]).unwrap();
        let b = readiness(&[(&many, reqs)]).unwrap();
        assert!(a.low <= a.mean && a.mean <= a.high);
        assert!(b.high - b.low < a.high - a.low, "{a:?} vs {b:?}");
        assert_eq!(readiness(&[(&few, vec![])]), None);
    }
}

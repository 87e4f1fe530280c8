//! The ability estimate: a posterior over the 0-4 level scale, held on a grid.
//!
//! Prior: normal with mean [`PRIOR_MEAN`] ("working knowledge") and sd [`PRIOR_SD`] level, cut
//! to 0..=4. The shown level is the posterior mean (EAP), its "±" the posterior sd, and its range
//! the central 95 % credible interval. A grid keeps every estimate finite and on the scale for
//! any pattern of answers, including none, and lets the verdict ask exact questions of it
//! ("how likely is the level at least 2?") instead of assuming a normal shape.

use super::model::ItemModel;
use crate::domain::profile::MAX_LEVEL;

/// Fewer answered questions than this and an area shows no level and no verdict.
pub const MIN_ANSWERS: usize = 3;

pub const PRIOR_MEAN: f64 = 2.0;
pub const PRIOR_SD: f64 = 1.0;
/// The credible interval shown and used for verdicts (95 %): its lower and upper tail probability.
pub const INTERVAL_TAIL: f64 = 0.025;

const GRID_STEPS: usize = 160;

/// One scored answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Response {
    pub item: ItemModel,
    /// 0 to 1.
    pub credit: f64,
}

/// The log-likelihood of each distinct answer (question model and credit) at every grid level,
/// worked out once and shared by the posteriors built with it.
///
/// Answers with the same model and credit (most of them, with authored parameters: the model
/// depends only on the difficulty, the slope and the guessing floor) have the same term at every
/// level, in any area. The terms are still added per answer in the given order, so a posterior
/// is the same to the last bit as one that works out each answer's own.
#[derive(Default)]
pub struct Likelihoods {
    distinct: Vec<Response>,
    /// `terms[k][i]`: the term of `distinct[k]` at grid level `i`.
    terms: Vec<Vec<f64>>,
}

impl Likelihoods {
    pub fn new() -> Likelihoods {
        Likelihoods::default()
    }

    /// The posterior after `responses`.
    pub fn posterior(&mut self, responses: &[Response]) -> Posterior {
        Posterior::normalised(&self.log_posterior(responses), responses.len())
    }

    /// Where the terms of `r` are, worked out if they are new.
    fn column(&mut self, r: &Response) -> usize {
        let same = |d: &Response| d.item == r.item && d.credit.to_bits() == r.credit.to_bits();
        if let Some(k) = self.distinct.iter().position(same) {
            return k;
        }
        let credit = r.credit.clamp(0.0, 1.0);
        let terms = (0..=GRID_STEPS)
            .map(|i| {
                let p = r.item.p_right(grid_level(i)).clamp(1e-12, 1.0 - 1e-12);
                log_likelihood(p, credit)
            })
            .collect();
        self.distinct.push(*r);
        self.terms.push(terms);
        self.distinct.len() - 1
    }

    /// The log prior plus the log-likelihood of `responses` at each grid level.
    fn log_posterior(&mut self, responses: &[Response]) -> Vec<f64> {
        let columns: Vec<usize> = responses.iter().map(|r| self.column(r)).collect();
        (0..=GRID_STEPS)
            .map(|i| {
                let z = (grid_level(i) - PRIOR_MEAN) / PRIOR_SD;
                let likelihood: f64 = columns.iter().map(|&k| self.terms[k][i]).sum();
                -0.5 * z * z + likelihood
            })
            .collect()
    }
}

/// `x ln p + (1 − x) ln(1 − p)`. Full and no credit (most answers) need one logarithm, not
/// two: the other term is exactly zero, so the sum is the same to the last bit.
fn log_likelihood(p: f64, x: f64) -> f64 {
    if x == 1.0 {
        p.ln()
    } else if x == 0.0 {
        (1.0 - p).ln()
    } else {
        x * p.ln() + (1.0 - x) * (1.0 - p).ln()
    }
}

/// Level `i` of the grid.
fn grid_level(i: usize) -> f64 {
    f64::from(MAX_LEVEL) * i as f64 / GRID_STEPS as f64
}

/// A distribution over the level scale, normalised, with its summary worked out once.
#[derive(Debug, Clone, PartialEq)]
pub struct Posterior {
    weights: Vec<f64>,
    estimate: Estimate,
}

impl Posterior {
    /// The prior alone.
    pub fn prior() -> Posterior {
        Posterior::from_responses(&[])
    }

    /// The posterior after `responses`. Several posteriors over the same questions share their
    /// work through [`Likelihoods::posterior`].
    pub fn from_responses(responses: &[Response]) -> Posterior {
        Likelihoods::new().posterior(responses)
    }

    /// The posterior from its logarithm on the grid (up to a constant), normalised with
    /// log-sum-exp so that long runs of right or wrong answers cannot underflow.
    fn normalised(log: &[f64], answers: usize) -> Posterior {
        let top = log.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        // Trapezoid rule: the two end points stand for half a cell each.
        let weights: Vec<f64> = log
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let edge = if i == 0 || i == GRID_STEPS { 0.5 } else { 1.0 };
                edge * (l - top).exp()
            })
            .collect();
        let total: f64 = weights.iter().sum();
        let weights: Vec<f64> = weights.iter().map(|w| w / total).collect();
        // Verdicts, gaps and the results page each ask for the summary; it is the same every time.
        let level = expect(&weights, |l| l).clamp(0.0, f64::from(MAX_LEVEL));
        let estimate = Estimate {
            level,
            se: expect(&weights, |l| (l - level).powi(2)).max(0.0).sqrt(),
            low: quantile(&weights, INTERVAL_TAIL),
            high: quantile(&weights, 1.0 - INTERVAL_TAIL),
            answers,
        };
        Posterior { weights, estimate }
    }

    /// The expectation of `f(level)`.
    pub fn expect(&self, f: impl Fn(f64) -> f64) -> f64 {
        expect(&self.weights, f)
    }

    /// The posterior mean.
    pub fn mean(&self) -> f64 {
        self.estimate.level
    }

    /// How likely the level is at least `cut`, with the grid cell at the cut counted by the
    /// share of it that lies above (so the answer moves smoothly with `cut`).
    pub fn prob_at_least(&self, cut: f64) -> f64 {
        if cut <= 0.0 {
            return 1.0;
        }
        let step = f64::from(MAX_LEVEL) / GRID_STEPS as f64;
        self.weights
            .iter()
            .enumerate()
            .map(|(i, w)| w * ((grid_level(i) + step / 2.0 - cut) / step).clamp(0.0, 1.0))
            .sum::<f64>()
            .clamp(0.0, 1.0)
    }

    pub fn estimate(&self) -> Estimate {
        self.estimate
    }
}

/// The expectation of `f(level)` under the grid `weights`.
fn expect(weights: &[f64], f: impl Fn(f64) -> f64) -> f64 {
    weights
        .iter()
        .enumerate()
        .map(|(i, w)| w * f(grid_level(i)))
        .sum()
}

/// The level below which lies probability `p` under the grid `weights`.
fn quantile(weights: &[f64], p: f64) -> f64 {
    let mut below = 0.0;
    for (i, w) in weights.iter().enumerate() {
        if below + w >= p {
            // Interpolate inside the cell.
            let step = f64::from(MAX_LEVEL) / GRID_STEPS as f64;
            let inside = if *w > 0.0 { (p - below) / w } else { 0.0 };
            return (grid_level(i) - step / 2.0 + inside * step).clamp(0.0, f64::from(MAX_LEVEL));
        }
        below += w;
    }
    f64::from(MAX_LEVEL)
}

/// An ability estimate on the 0-4 level scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// The posterior mean.
    pub level: f64,
    /// The posterior sd, in levels.
    pub se: f64,
    /// The 95 % credible interval.
    pub low: f64,
    pub high: f64,
    /// How many answered questions it rests on.
    pub answers: usize,
}

impl Estimate {
    /// True when it rests on enough answers to be shown as a level at all.
    pub fn is_enough(&self) -> bool {
        self.answers >= MIN_ANSWERS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::measure::model::DEFAULT_SLOPE;

    fn at(location: f64, credit: f64) -> Response {
        Response {
            item: ItemModel {
                location,
                slope: DEFAULT_SLOPE,
                guessing: 0.25,
            },
            credit,
        }
    }

    fn estimate(responses: &[Response]) -> Estimate {
        Posterior::from_responses(responses).estimate()
    }

    /// The posterior as the model writes it: both terms of every answer's log-likelihood, each
    /// answer worked out on its own.
    fn reference(responses: &[Response]) -> Vec<f64> {
        let log: Vec<f64> = (0..=GRID_STEPS)
            .map(|i| {
                let level = grid_level(i);
                let z = (level - PRIOR_MEAN) / PRIOR_SD;
                let likelihood: f64 = responses
                    .iter()
                    .map(|r| {
                        let p = r.item.p_right(level).clamp(1e-12, 1.0 - 1e-12);
                        let x = r.credit.clamp(0.0, 1.0);
                        x * p.ln() + (1.0 - x) * (1.0 - p).ln()
                    })
                    .sum();
                -0.5 * z * z + likelihood
            })
            .collect();
        Posterior::normalised(&log, responses.len()).weights
    }

    fn assert_same_bits(fast: &Posterior, reference: &[f64], what: &str) {
        assert_eq!(fast.weights.len(), reference.len());
        for (a, b) in fast.weights.iter().zip(reference) {
            assert_eq!(a.to_bits(), b.to_bits(), "{what}");
        }
    }

    /// Answers with repeats: the same question model with the same credit, and with another.
    fn mixed() -> Vec<Response> {
        [
            (0.5, 1.0),
            (1.5, 0.0),
            (2.5, 0.5),
            (3.5, 1.0),
            (2.0, 0.0),
            (1.5, 0.0),
        ]
        .iter()
        .chain(&[(1.0, 0.25), (3.0, 1.0), (0.0, 0.0), (2.0, 1.0), (4.0, 1.0)])
        .chain(&[(2.0, 0.0), (3.5, 1.0), (1.0, 0.25)])
        .map(|&(level, credit)| at(level, credit))
        .collect()
    }

    #[test]
    fn one_logarithm_per_distinct_answer_gives_the_same_posterior_to_the_last_bit() {
        let mixed = mixed();
        for n in 0..=mixed.len() {
            let fast = Posterior::from_responses(&mixed[..n]);
            assert_same_bits(&fast, &reference(&mixed[..n]), &format!("{n} answers"));
        }
    }

    #[test]
    fn shared_likelihoods_give_each_posterior_to_the_last_bit() {
        let mixed = mixed();
        let mut shared = Likelihoods::new();
        // Areas in turn, each with some answers an earlier one already worked out.
        for (from, to) in [(0, 5), (3, 9), (0, 14), (9, 14), (5, 5)] {
            let fast = shared.posterior(&mixed[from..to]);
            assert_same_bits(
                &fast,
                &reference(&mixed[from..to]),
                &format!("{from}..{to}"),
            );
        }
    }

    #[test]
    fn no_answers_give_the_prior() {
        let e = Posterior::prior().estimate();
        assert!((e.level - PRIOR_MEAN).abs() < 1e-6, "{e:?}");
        assert!(
            e.se > 0.8 && e.se < 1.0,
            "the prior cut to 0..4 is a little narrower: {e:?}"
        );
        assert!(e.low < 0.5 && e.high > 3.5, "{e:?}");
        assert!(!e.is_enough());
    }

    #[test]
    fn right_answers_raise_and_wrong_answers_lower_the_level() {
        let right: Vec<Response> = [1.0, 2.0, 3.0, 2.0, 3.0, 3.0].map(|l| at(l, 1.0)).to_vec();
        let wrong: Vec<Response> = [1.0, 2.0, 3.0, 2.0, 1.0, 1.0].map(|l| at(l, 0.0)).to_vec();
        let (high, low) = (estimate(&right), estimate(&wrong));
        assert!(high.level > 2.8, "{high:?}");
        assert!(low.level < 1.0, "{low:?}");
        assert!(high.low < high.level && high.level < high.high);
    }

    #[test]
    fn a_handful_of_answers_leaves_an_honest_spread() {
        // Six answers to guessable questions cannot pin a level to a tenth.
        let mixed: Vec<Response> = (0..6).map(|i| at(2.0, f64::from(i % 2))).collect();
        let e = estimate(&mixed);
        assert!(e.se > 0.5, "{e:?}");
        let many: Vec<Response> = (0..60).map(|i| at(2.0, f64::from(i % 2))).collect();
        assert!(estimate(&many).se < e.se);
    }

    #[test]
    fn probabilities_and_quantiles_agree() {
        let p = Posterior::from_responses(&[at(2.0, 1.0), at(3.0, 0.0), at(1.0, 1.0)]);
        let e = p.estimate();
        assert!(
            (p.prob_at_least(e.low) - 0.975).abs() < 0.01,
            "{}",
            p.prob_at_least(e.low)
        );
        assert!((p.prob_at_least(e.high) - 0.025).abs() < 0.01);
        assert!((p.prob_at_least(0.0) - 1.0).abs() < 1e-9);
        assert!(p.prob_at_least(4.1) < 1e-9);
        let mut last = 1.0;
        for i in 0..=40 {
            let q = p.prob_at_least(f64::from(i) / 10.0);
            assert!(q <= last + 1e-12, "P(level ≥ cut) never rises with the cut");
            last = q;
        }
    }

    #[test]
    fn half_credit_lands_between_right_and_wrong() {
        let base = vec![at(2.0, 1.0), at(1.0, 1.0), at(3.0, 0.0)];
        let with = |c: f64| {
            let mut r = base.clone();
            r.push(at(2.0, c));
            estimate(&r).level
        };
        assert!(with(0.0) < with(0.5) && with(0.5) < with(1.0));
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        fn response() -> impl Strategy<Value = Response> {
            (
                0.0..=4.0f64,
                prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0f64],
                0.2..=4.0f64,
                0.0..0.95f64,
            )
                .prop_map(|(location, credit, slope, guessing)| Response {
                    item: ItemModel {
                        location,
                        slope,
                        guessing,
                    },
                    credit,
                })
        }

        proptest! {
            #[test]
            fn one_more_right_answer_never_lowers_the_estimate(
                answers in prop::collection::vec(response(), 0..40),
                extra in response(),
            ) {
                let before = Posterior::from_responses(&answers);
                let mut more = answers.clone();
                more.push(Response { credit: 1.0, ..extra });
                let after = Posterior::from_responses(&more);
                prop_assert!(after.mean() >= before.mean() - 1e-9);
                prop_assert!(after.prob_at_least(2.0) >= before.prob_at_least(2.0) - 1e-9);
            }

            #[test]
            fn one_more_wrong_answer_never_raises_the_estimate(
                answers in prop::collection::vec(response(), 0..40),
                extra in response(),
            ) {
                let before = Posterior::from_responses(&answers);
                let mut more = answers.clone();
                more.push(Response { credit: 0.0, ..extra });
                prop_assert!(Posterior::from_responses(&more).mean() <= before.mean() + 1e-9);
            }

            #[test]
            fn estimates_stay_finite_and_in_range(answers in prop::collection::vec(response(), 0..200)) {
                let e = Posterior::from_responses(&answers).estimate();
                prop_assert!(e.level.is_finite() && e.se.is_finite());
                prop_assert!((0.0..=4.0).contains(&e.level));
                prop_assert!(e.low <= e.level + 1e-9 && e.level <= e.high + 1e-9);
                prop_assert!((0.0..=4.0).contains(&e.low) && (0.0..=4.0).contains(&e.high));
                prop_assert!(e.se >= 0.0 && e.se <= 2.0);
                prop_assert_eq!(e.answers, answers.len());
            }
        }

        #[test]
        fn extreme_patterns_stay_finite() {
            for credit in [0.0, 1.0] {
                let all: Vec<Response> = (0..500)
                    .map(|i| Response {
                        item: ItemModel {
                            location: f64::from(i % 3 + 1),
                            slope: 4.0,
                            guessing: 0.0,
                        },
                        credit,
                    })
                    .collect();
                let e = Posterior::from_responses(&all).estimate();
                assert!(e.level.is_finite() && e.se.is_finite(), "{e:?}");
                assert!((0.0..=4.0).contains(&e.level), "{e:?}");
            }
        }
    }
}

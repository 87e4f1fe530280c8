//! The item model: how likely a candidate at a given level is to answer a question right.
//!
//! A three-parameter logistic model on the 0-4 level scale:
//! `P(right | level L) = c + (1 − c) · σ(a · (L − b))`, with `b` the question's location (its
//! difficulty level), `a` its slope in logits per level and `c` its lower asymptote, the chance
//! of getting it right without knowing.
//!
//! **Defaults, for questions with no fitted parameters.**
//! - Slope [`DEFAULT_SLOPE`] = 1.0 logit per level. One level is about one standard deviation of
//!   the candidate population (the prior below has sd 1), so this is a logistic discrimination of
//!   1.0 per sd: the middle of the range Baker calls "moderate" (0.65–1.34) in *The Basics of Item
//!   Response Theory* (2nd ed., 2001, ch. 2), and the usual starting value of IRT packages
//!   (mirt's `a1 = 1`). It is deliberately not tuned to the simulation.
//! - Location: the authored difficulty (1, 2 or 3), which an author sets by judgement and may
//!   miss by about half a level. That uncertainty ([`AUTHORED_DIFFICULTY_SD`]) is integrated
//!   out, which flattens the curve a little (see [`ItemModel::of`]).
//! - Lower asymptote: a blind guess. Single choice: one over the number of options. Multiple
//!   select: the expected right-minus-wrong credit of ticking each box at random (see
//!   [`chance_credit`]).
//!
//! **Multiple select.** An answer earns credit `x` in 0..=1 (right minus wrong, see
//! `answer::credit`) and enters the likelihood as a fractional Bernoulli response,
//! `P^x · (1 − P)^(1 − x)`: the ordinary likelihood for 0 and 1, rising with `x`.
//!
//! Fitted values in a profile (`discrimination`, `guessing`, `fitted_difficulty`) replace the
//! defaults; a fitted difficulty is trusted as measured, so no authoring uncertainty is added.

use std::f64::consts::PI;

use crate::domain::profile::{Question, QuestionKind};

/// Logits per level for a question with no fitted discrimination; see the module documentation.
pub const DEFAULT_SLOPE: f64 = 1.0;
/// How far, in levels (one standard deviation), an authored difficulty may be off.
pub const AUTHORED_DIFFICULTY_SD: f64 = 0.5;

/// One question as the measurement sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemModel {
    /// Where the question sits on the level scale.
    pub location: f64,
    /// Logits per level, after any location uncertainty is integrated out.
    pub slope: f64,
    /// The chance of a right answer (or the expected credit) without knowing.
    pub guessing: f64,
}

impl ItemModel {
    /// The model of `question`: fitted parameters where the profile gives them, else defaults.
    ///
    /// An authored location `b ~ N(difficulty, 0.5²)` is integrated out with the logistic-normal
    /// approximation `E σ(a(L − b)) ≈ σ(a(L − b̄) / √(1 + π a² s² / 8))`, so the slope shrinks
    /// by that factor (about 5 % at the defaults).
    pub fn of(question: &Question) -> ItemModel {
        let (location, location_sd) = match question.fitted_difficulty {
            Some(d) => (d, 0.0),
            None => (f64::from(question.difficulty), AUTHORED_DIFFICULTY_SD),
        };
        let slope = question.discrimination.unwrap_or(DEFAULT_SLOPE);
        let slope = slope / (1.0 + PI * (slope * location_sd).powi(2) / 8.0).sqrt();
        let guessing = question.guessing.unwrap_or_else(|| chance_credit(question));
        ItemModel {
            location,
            slope,
            guessing,
        }
    }

    /// Probability of a right answer (expected credit) at `level`.
    pub fn p_right(&self, level: f64) -> f64 {
        let logistic = 1.0 / (1.0 + (-self.slope * (level - self.location)).exp());
        self.guessing + (1.0 - self.guessing) * logistic
    }

    /// Fisher information at `level`: how much one answer narrows the estimate there. The
    /// three-parameter form, `a² (P − c)² (1 − P) / ((1 − c)² P)`, so a question that can be
    /// guessed tells less, and least below its location.
    pub fn information(&self, level: f64) -> f64 {
        let p = self.p_right(level).clamp(1e-12, 1.0 - 1e-12);
        let c = self.guessing;
        self.slope.powi(2) * (p - c).powi(2) * (1.0 - p) / ((1.0 - c).powi(2) * p)
    }
}

/// The expected credit of a blind answer to `question`.
///
/// Single choice: one over the number of options. Multiple select: every non-empty set of ticked
/// boxes equally likely (each box ticked or not by a coin flip, asked again if none is), scored
/// right minus wrong with the floor at 0, as `answer::credit` scores it.
pub fn chance_credit(question: &Question) -> f64 {
    let n = question.options.len();
    if n == 0 {
        return 0.0;
    }
    match question.kind {
        QuestionKind::SingleChoice => 1.0 / n as f64,
        QuestionKind::MultipleSelect => {
            let correct: Vec<bool> = question.options.iter().map(|o| o.correct).collect();
            let k = correct.iter().filter(|c| **c).count();
            if k == 0 || n > 16 {
                return 0.0;
            }
            let subsets = (1u32 << n) - 1;
            let total: f64 = (1..=subsets)
                .map(|set| {
                    let (hits, misses) =
                        (0..n)
                            .filter(|i| set & (1 << i) != 0)
                            .fold((0.0, 0.0), |(h, m), i| {
                                if correct[i] {
                                    (h + 1.0, m)
                                } else {
                                    (h, m + 1.0)
                                }
                            });
                    ((hits - misses) / k as f64).max(0.0)
                })
                .sum();
            total / f64::from(subsets)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::sample_profile;

    fn item(location: f64, guessing: f64) -> ItemModel {
        ItemModel {
            location,
            slope: DEFAULT_SLOPE,
            guessing,
        }
    }

    #[test]
    fn the_curve_runs_from_the_guessing_floor_to_certainty() {
        let q = item(2.0, 0.25);
        assert!(
            (q.p_right(2.0) - 0.625).abs() < 1e-12,
            "halfway above the floor at b"
        );
        assert!(q.p_right(-20.0) - 0.25 < 1e-6);
        assert!(q.p_right(20.0) > 0.999_999);
        // One level above a question, with the default slope: 0.25 + 0.75 σ(1) ≈ 0.80.
        assert!((q.p_right(3.0) - 0.798).abs() < 1e-3);
    }

    #[test]
    fn guessing_lowers_information_most_below_the_question() {
        let plain = item(2.0, 0.0);
        let guessable = item(2.0, 0.25);
        for level in [1.0, 2.0, 3.0] {
            assert!(guessable.information(level) < plain.information(level));
        }
        let below = guessable.information(1.0) / plain.information(1.0);
        let above = guessable.information(3.0) / plain.information(3.0);
        assert!(below < above, "{below} vs {above}");
    }

    #[test]
    fn blind_guessing_earns_one_in_the_number_of_options_or_the_multiple_select_expectation() {
        let p = sample_profile();
        let single = p.question("py-q2").unwrap(); // 3 options
        assert!((chance_credit(single) - 1.0 / 3.0).abs() < 1e-12);
        // py-q3: 2 of 4 options correct. Of the 15 non-empty sets, by credit:
        // {both right} 1; {one right} 0.5 twice; {both right, one wrong} 0.5 twice;
        // every other set earns 0. (1 + 0.5·4) / 15 = 0.2.
        let multi = p.question("py-q3").unwrap();
        assert!(
            (chance_credit(multi) - 0.2).abs() < 1e-12,
            "{}",
            chance_credit(multi)
        );
    }

    #[test]
    fn fitted_parameters_replace_the_defaults() {
        let mut q = sample_profile().question("py-q2").unwrap().clone();
        let authored = ItemModel::of(&q);
        assert_eq!(authored.location, 2.0);
        assert!(authored.slope < DEFAULT_SLOPE && authored.slope > 0.9 * DEFAULT_SLOPE);
        assert!((authored.guessing - 1.0 / 3.0).abs() < 1e-12);
        q.discrimination = Some(1.7);
        q.guessing = Some(0.1);
        q.fitted_difficulty = Some(2.4);
        let fitted = ItemModel::of(&q);
        assert_eq!(
            fitted,
            ItemModel {
                location: 2.4,
                slope: 1.7,
                guessing: 0.1
            },
            "a fitted difficulty carries no authoring uncertainty"
        );
    }
}

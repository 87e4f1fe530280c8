//! Telling a candidate that their answers look like guessing.
//!
//! Two documented rules, over the knowledge questions answered (skips left out), once at least
//! [`MIN_ANSWERS_FOR_GUESSING`] are answered:
//! - **No better than chance.** The credit earned is compared with what blind guessing earns on
//!   the same questions (each question's guessing floor `c`, see [`super::model`]): with
//!   `z = (earned − Σc) / √(Σ c(1 − c))`, answers look like guessing while `|z|` < 2.326: a test
//!   at 1 % either way cannot tell them from chance. The strict level keeps a lucky clicker from
//!   passing; a candidate who knows something clears it within a few questions; and answers
//!   far *below* chance are not guessing but firm misconceptions, which the levels do show.
//! - **One position.** Options are shown in a shuffled order, so the right option's position is
//!   random; choosing the option at the same screen position in at least
//!   [`SAME_POSITION_SHARE`] of single-choice answers is a habit, not knowledge.

use super::posterior::Response;

pub const MIN_ANSWERS_FOR_GUESSING: usize = 8;
pub const SAME_POSITION_SHARE: f64 = 0.7;
const Z: f64 = 2.326;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GuessingSign {
    /// Earned `earned` credit in `answered` questions, where blind guessing earns `chance`.
    NoBetterThanChance {
        earned: f64,
        chance: f64,
        answered: usize,
    },
    /// Chose the option shown at `position` (0-based) in `count` of `answered` single-choice
    /// questions.
    SamePosition {
        position: usize,
        count: usize,
        answered: usize,
    },
}

/// The sign of guessing in `responses`, if any. `positions` are the screen positions (0-based)
/// of the options chosen in single-choice answers.
pub fn guessing_sign(responses: &[Response], positions: &[usize]) -> Option<GuessingSign> {
    if positions.len() >= MIN_ANSWERS_FOR_GUESSING {
        let most = (0..10)
            .map(|p| (p, positions.iter().filter(|&&x| x == p).count()))
            .max_by_key(|&(p, n)| (n, std::cmp::Reverse(p)))
            .unwrap_or((0, 0));
        if most.1 as f64 >= SAME_POSITION_SHARE * positions.len() as f64 {
            return Some(GuessingSign::SamePosition {
                position: most.0,
                count: most.1,
                answered: positions.len(),
            });
        }
    }
    if responses.len() < MIN_ANSWERS_FOR_GUESSING {
        return None;
    }
    let earned: f64 = responses.iter().map(|r| r.credit).sum();
    let chance: f64 = responses.iter().map(|r| r.item.guessing).sum();
    let variance: f64 = responses
        .iter()
        .map(|r| r.item.guessing * (1.0 - r.item.guessing))
        .sum();
    let z = (earned - chance) / variance.max(1e-9).sqrt();
    (z.abs() < Z).then_some(GuessingSign::NoBetterThanChance {
        earned,
        chance,
        answered: responses.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::measure::model::ItemModel;

    fn answered(rights: usize, total: usize) -> Vec<Response> {
        (0..total)
            .map(|i| Response {
                item: ItemModel {
                    location: 2.0,
                    slope: 1.0,
                    guessing: 0.25,
                },
                credit: if i < rights { 1.0 } else { 0.0 },
            })
            .collect()
    }

    #[test]
    fn chance_level_answers_look_like_guessing_and_knowledge_does_not() {
        assert!(matches!(
            guessing_sign(&answered(6, 24), &[]),
            Some(GuessingSign::NoBetterThanChance { answered: 24, .. })
        ));
        assert_eq!(guessing_sign(&answered(14, 24), &[]), None);
        assert_eq!(
            guessing_sign(&answered(0, 24), &[]),
            None,
            "far below chance is no guess"
        );
        assert_eq!(
            guessing_sign(&answered(1, 7), &[]),
            None,
            "too few answers to tell"
        );
    }

    #[test]
    fn one_position_chosen_again_and_again_is_a_habit() {
        let positions = [0, 0, 0, 1, 0, 0, 0, 0, 0, 2];
        assert_eq!(
            guessing_sign(&answered(10, 10), &positions),
            Some(GuessingSign::SamePosition {
                position: 0,
                count: 8,
                answered: 10
            })
        );
        let spread = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1];
        assert_eq!(guessing_sign(&answered(10, 10), &spread), None);
    }
}

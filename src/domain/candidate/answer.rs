//! What a candidate answered, and the pure operations the item page dispatches.

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use crate::domain::candidate::seed::{fnv1a, json_safe, splitmix};
use crate::domain::profile::{Question, QuestionKind, MAX_LEVEL};

/// One item's answer. Stored as it is in saved progress and in exports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Answer {
    /// A self-rating, 0 to 4.
    Rating { level: u8 },
    /// Option indices chosen for a question, ascending.
    Choice { selected: Vec<usize> },
    /// Passed over on purpose; counts as done but never as wrong.
    Skipped,
}

/// Answers by item id.
pub type Answers = BTreeMap<String, Answer>;

impl Answer {
    pub fn selected(&self) -> &[usize] {
        match self {
            Answer::Choice { selected } => selected,
            _ => &[],
        }
    }
}

/// A fingerprint of what `question` offers to choose from (its kind and its options' texts, in
/// order), kept with each answer so that an answer whose options were since edited, reordered or
/// replaced is recognised and kept aside rather than read as a choice the candidate never made.
/// The key and the explanations are not part of it: fixing which option is right does not change
/// what the candidate chose.
pub fn options_print(question: &Question) -> u64 {
    let mut text = String::from(match question.kind {
        QuestionKind::SingleChoice => "single",
        QuestionKind::MultipleSelect => "multiple",
    });
    for option in &question.options {
        text.push('\u{1f}');
        text.push_str(&option.text);
    }
    json_safe(fnv1a(text.as_bytes()))
}

/// The answer after the candidate picks option `index` of `question`: single choice replaces
/// the choice; multiple select toggles the option in or out.
pub fn pick_option(question: &Question, previous: Option<&Answer>, index: usize) -> Option<Answer> {
    if index >= question.options.len() {
        return None;
    }
    let mut selected = match question.kind {
        QuestionKind::SingleChoice => Vec::new(),
        QuestionKind::MultipleSelect => previous.map(|a| a.selected().to_vec()).unwrap_or_default(),
    };
    if let Some(at) = selected.iter().position(|&i| i == index) {
        selected.remove(at);
    } else {
        selected.push(index);
        selected.sort_unstable();
    }
    Some(Answer::Choice { selected })
}

/// The order in which one candidate sees the options of `question`: `order[shown position]` is
/// the option's index in the profile. A permutation fixed by the candidate's `seed` (kept with
/// their progress) and the question's id, so it is the same on every visit, differs between
/// questions and candidates, and a habit of picking one position cannot score. Answers store
/// the profile's indices, so they keep their meaning whatever the order shown.
pub fn shown_order(seed: u64, question: &Question) -> Vec<usize> {
    // The id's hash, mixed with the seed, drives a Fisher-Yates shuffle.
    let mut state = fnv1a(question.id.as_bytes()) ^ seed;
    let mut next = move || splitmix(&mut state);
    let mut order: Vec<usize> = (0..question.options.len()).collect();
    for i in (1..order.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// The option index a pressed key stands for: digits 1 to 9 pick options 1 to 9.
pub fn option_for_key(key: &str) -> Option<usize> {
    match key.parse::<usize>() {
        Ok(d @ 1..=9) if key.len() == 1 => Some(d - 1),
        _ => None,
    }
}

/// The self-rating level a pressed key stands for: digits 0 to 4 are the levels themselves.
pub fn level_for_key(key: &str) -> Option<u8> {
    match key.parse::<u8>() {
        Ok(d) if key.len() == 1 && d <= MAX_LEVEL => Some(d),
        _ => None,
    }
}

/// Credit for an answer to `question`, from 0 to 1; `None` when it was skipped or is no choice.
///
/// Single choice: 1 for the right option, else 0. Multiple select uses the "right minus wrong"
/// rule: each correct option chosen earns 1/k (k = number of correct options) and each wrong
/// option chosen costs 1/k, floored at 0, so ticking every box earns nothing.
pub fn credit(question: &Question, answer: &Answer) -> Option<f64> {
    let Answer::Choice { selected } = answer else {
        return None;
    };
    if selected.is_empty() {
        return None;
    }
    let correct = question.correct_options();
    if correct.is_empty() {
        return None;
    }
    let hits = selected.iter().filter(|i| correct.contains(i)).count() as f64;
    let misses = selected.len() as f64 - hits;
    match question.kind {
        QuestionKind::SingleChoice => Some(if hits >= 1.0 && misses == 0.0 {
            1.0
        } else {
            0.0
        }),
        QuestionKind::MultipleSelect => Some(((hits - misses) / correct.len() as f64).max(0.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::sample_profile;

    #[test]
    fn single_choice_replaces_and_multiple_select_toggles() {
        let p = sample_profile();
        let single = p.question("py-q2").unwrap();
        let a = pick_option(single, None, 0).unwrap();
        let b = pick_option(single, Some(&a), 2).unwrap();
        assert_eq!(b, Answer::Choice { selected: vec![2] });

        let multi = p.question("py-q3").unwrap();
        let a = pick_option(multi, None, 2).unwrap();
        let b = pick_option(multi, Some(&a), 0).unwrap();
        assert_eq!(
            b,
            Answer::Choice {
                selected: vec![0, 2]
            }
        );
        let c = pick_option(multi, Some(&b), 2).unwrap();
        assert_eq!(c, Answer::Choice { selected: vec![0] });
        assert_eq!(
            pick_option(multi, Some(&c), 4),
            None,
            "there is no fifth option"
        );
    }

    #[test]
    fn the_shown_order_is_a_fixed_permutation_per_candidate_and_question() {
        let p = sample_profile();
        let q = p.question("py-q3").unwrap();
        let order = shown_order(42, q);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, [0, 1, 2, 3], "every option once");
        assert_eq!(shown_order(42, q), order, "the same on every visit");
        // Over many candidates, the right option of a question lands at every position.
        let mut at = [0usize; 3];
        for seed in 0..300u64 {
            let order = shown_order(seed, p.question("py-q2").unwrap());
            let right = order.iter().position(|&i| i == 1).unwrap();
            at[right] += 1;
        }
        assert!(at.iter().all(|&n| (70..=130).contains(&n)), "{at:?}");
    }

    #[test]
    fn digit_keys_map_to_options_and_levels() {
        assert_eq!(option_for_key("1"), Some(0));
        assert_eq!(option_for_key("9"), Some(8));
        assert_eq!(option_for_key("0"), None);
        assert_eq!(option_for_key("12"), None);
        assert_eq!(option_for_key("Enter"), None);
        assert_eq!(level_for_key("0"), Some(0));
        assert_eq!(level_for_key("4"), Some(4));
        assert_eq!(level_for_key("5"), None);
    }

    #[test]
    fn single_choice_credit_is_all_or_nothing() {
        let p = sample_profile();
        let q = p.question("py-q2").unwrap();
        assert_eq!(credit(q, &Answer::Choice { selected: vec![1] }), Some(1.0));
        assert_eq!(credit(q, &Answer::Choice { selected: vec![0] }), Some(0.0));
        assert_eq!(credit(q, &Answer::Skipped), None);
    }

    #[test]
    fn multiple_select_credit_is_right_minus_wrong() {
        let p = sample_profile();
        let q = p.question("py-q3").unwrap(); // correct: 0 and 2 of 4
        let c = |s: Vec<usize>| credit(q, &Answer::Choice { selected: s });
        assert_eq!(c(vec![0, 2]), Some(1.0));
        assert_eq!(c(vec![0]), Some(0.5));
        assert_eq!(c(vec![0, 1]), Some(0.0));
        assert_eq!(
            c(vec![0, 1, 2, 3]),
            Some(0.0),
            "ticking every box earns nothing"
        );
        assert_eq!(c(vec![0, 1, 2]), Some(0.5));
        assert_eq!(c(vec![]), None);
    }
}

//! Quick mode: per area, ask the question that tells the most at the current estimate, and stop
//! once the estimate is precise enough or half the area's questions have been asked.

use super::answer::{credit, Answers};
use super::irt::{estimate, information, location, Estimate, Response};
use super::profile::{Profile, Question};

/// Stop an area once its standard error is below this (in levels)…
pub const QUICK_TARGET_SE: f64 = 0.3;
/// …but never before this many answered questions.
pub const QUICK_MIN_ANSWERS: usize = 3;

/// The most questions quick mode asks in an area with `questions` questions: half, at least one.
pub fn quick_max(questions: usize) -> usize {
    (questions / 2).max(1.min(questions))
}

/// The knowledge estimate for an area from the answers given so far.
pub fn area_estimate(profile: &Profile, area_id: &str, answers: &Answers) -> Estimate {
    estimate(&responses(profile, answers, |q| q.area == area_id))
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
        .filter_map(|q| {
            let c = credit(q, answers.get(&q.id)?)?;
            Some(Response::new(q, c))
        })
        .collect()
}

/// The next question quick mode asks in `area_id`, or `None` when the area is done.
pub fn next_quick_question<'a>(
    profile: &'a Profile,
    area_id: &str,
    answers: &Answers,
) -> Option<&'a Question> {
    let in_area: Vec<&Question> = profile
        .questions
        .iter()
        .filter(|q| q.area == area_id)
        .collect();
    let asked = in_area
        .iter()
        .filter(|q| answers.contains_key(&q.id))
        .count();
    if asked >= quick_max(in_area.len()) {
        return None;
    }
    let current = area_estimate(profile, area_id, answers);
    if current.answers >= QUICK_MIN_ANSWERS && current.se < QUICK_TARGET_SE {
        return None;
    }
    // Most information first; among equals the profile's order, so the choice is reproducible.
    in_area
        .into_iter()
        .filter(|q| !answers.contains_key(&q.id))
        .map(|q| {
            (
                information(current.level, location(q), q.discrimination.unwrap_or(1.0)),
                q,
            )
        })
        .fold(
            None,
            |best: Option<(f64, &Question)>, (info, q)| match best {
                Some((b, _)) if b >= info => best,
                _ => Some((info, q)),
            },
        )
        .map(|(_, q)| q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::Answer;
    use crate::domain::testing::sample_profile;

    #[test]
    fn quick_mode_starts_at_the_middle_and_asks_at_most_half() {
        let p = sample_profile();
        // Python has 3 questions at difficulty 1, 2, 3; the prior centre is level 2.
        let first = next_quick_question(&p, "python", &Answers::new()).unwrap();
        assert_eq!(first.id, "py-q2");
        let mut answers = Answers::new();
        answers.insert(first.id.clone(), Answer::Choice { selected: vec![1] });
        assert_eq!(quick_max(3), 1);
        assert_eq!(next_quick_question(&p, "python", &answers), None);
    }

    #[test]
    fn a_skipped_question_counts_towards_the_maximum() {
        let p = sample_profile();
        let mut answers = Answers::new();
        answers.insert("infra-q2".into(), Answer::Skipped);
        assert_eq!(next_quick_question(&p, "infra", &answers), None);
    }

    #[test]
    fn quick_max_is_half_and_at_least_one() {
        assert_eq!(quick_max(14), 7);
        assert_eq!(quick_max(15), 7);
        assert_eq!(quick_max(1), 1);
        assert_eq!(quick_max(0), 0);
    }
}

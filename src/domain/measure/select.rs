//! The quick check's adaptive walk through an area: ask the question that tells the most at the
//! current estimate, until the verdict against the area's required level is clear (confidence-
//! interval stopping, see [`super::verdict`]), the area's maximum is reached, or the verdict
//! would likely stay unclear even with the questions the maximum still allows (futility
//! stopping, as in stochastically curtailed classification tests).

use super::verdict::{verdict, Verdict};
use super::{area_posterior, area_required, ItemModel};
use crate::domain::answer::Answers;
use crate::domain::profile::{Profile, Question};

/// The most questions a quick check asks in an area before it leaves the verdict "not clear yet".
pub const QUICK_MAX_PER_AREA: usize = 8;
/// Futility stopping is considered from this many answers in an area on: two answers say too
/// little to give up on a verdict.
pub const FUTILITY_AFTER: usize = 3;
/// How many questions a quick check typically asks in an area, for the time estimate: at least
/// the median the simulation in `tests/scoring_model.rs` measures (it asserts so).
pub const QUICK_TYPICAL_PER_AREA: usize = 4;

/// The next question to ask in `area_id`, or `None` when the area is done: its verdict is clear,
/// `max_asked` questions were asked (skips count), none is left, or the rest of the budget would
/// likely not make the verdict clear.
pub fn next_question<'a>(
    profile: &'a Profile,
    area_id: &str,
    answers: &Answers,
    max_asked: usize,
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
    if asked >= max_asked {
        return None;
    }
    let posterior = area_posterior(profile, area_id, answers);
    let open: Vec<&Question> = in_area
        .into_iter()
        .filter(|q| !answers.contains_key(&q.id))
        .collect();
    let left = max_asked - asked;
    let models: Vec<ItemModel> = open.iter().map(|q| ItemModel::of(q)).collect();
    match verdict(&posterior, area_required(profile, area_id), &models) {
        Verdict::Meets | Verdict::Below { .. } => return None,
        // Futility: once the level sits so near the required one that even the best questions
        // left in the budget would likely not settle it, more questions only cost time.
        Verdict::NotClear { more } if posterior.estimate().answers >= FUTILITY_AFTER => {
            if more.is_none_or(|n| n > left) {
                return None;
            }
        }
        Verdict::NotClear { .. } => {}
    }
    let level = posterior.mean();
    // Most information first; among equals the profile's order, so a walk replays the same.
    open.into_iter()
        .map(|q| (ItemModel::of(q).information(level), q))
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

    fn right(p: &Profile, id: &str) -> Answer {
        Answer::Choice {
            selected: p.question(id).unwrap().correct_options(),
        }
    }

    #[test]
    fn the_first_question_sits_near_the_prior_and_answers_move_the_next() {
        let p = sample_profile();
        let first = next_question(&p, "python", &Answers::new(), 6).unwrap();
        assert_eq!(
            first.id, "py-q2",
            "difficulty 2 is most informative at the prior's centre"
        );
        let mut answers = Answers::new();
        answers.insert(first.id.clone(), Answer::Skipped);
        let second = next_question(&p, "python", &answers, 6).unwrap();
        assert_ne!(second.id, "py-q2", "a skipped question is not asked again");
    }

    #[test]
    fn an_area_stops_at_its_maximum_or_when_nothing_is_left() {
        let p = sample_profile();
        let mut answers = Answers::new();
        answers.insert("infra-q2".into(), Answer::Skipped);
        assert_eq!(next_question(&p, "infra", &answers, 1), None);
        for id in ["infra-q1", "infra-q3"] {
            answers.insert(id.into(), Answer::Skipped);
        }
        assert_eq!(next_question(&p, "infra", &answers, 99), None);
    }

    #[test]
    fn an_area_stops_once_its_verdict_is_clear() {
        // Many three-option questions in the infra area (level 1 asked), all answered right.
        let mut p = sample_profile();
        let template = p.question("py-q2").unwrap().clone();
        for i in 0..12 {
            let mut q = template.clone();
            q.id = format!("infra-extra-{i}");
            q.area = "infra".into();
            q.requirements = vec!["docker".into()];
            q.difficulty = 2 + (i % 2) as u8;
            p.questions.push(q);
        }
        let mut answers = Answers::new();
        let mut asked = 0;
        while let Some(q) = next_question(&p, "infra", &answers, 99) {
            answers.insert(q.id.clone(), right(&p, &q.id.clone()));
            asked += 1;
        }
        assert!(
            asked < 15,
            "stopped after {asked} of 15 once clearly above level 1"
        );
        let posterior = area_posterior(&p, "infra", &answers);
        assert!(verdict(&posterior, area_required(&p, "infra"), &[]).is_clear());
    }
}

//! The quick check's adaptive walk through an area: ask the question that tells the most per
//! second of the candidate's time at the current estimate (Fisher information over the reading
//! time of `domain::timing`, as in van der Linden's time-aware item selection), until the
//! verdict against the area's required level is clear (confidence-interval stopping, see
//! [`super::verdict`]), the area's maximum is reached, or the verdict would likely stay unclear
//! even with the questions the maximum still allows (futility stopping, as in stochastically
//! curtailed classification tests).

use super::area::{area_posterior, area_required};
use super::model::ItemModel;
use super::posterior::Posterior;
use super::verdict::{verdict, Verdict};
use crate::domain::candidate::answer::Answers;
use crate::domain::candidate::seed::{fnv1a, mix};
use crate::domain::profile::timing::question_seconds;
use crate::domain::profile::{Profile, Question};
use std::collections::BTreeSet;

/// The most questions a quick check asks in an area before it leaves the verdict "not clear yet".
pub const QUICK_MAX_PER_AREA: usize = 6;
/// Futility stopping is considered from this many answers in an area on: two answers say too
/// little to give up on a verdict.
pub const FUTILITY_AFTER: usize = 3;
/// How many questions a quick check typically asks in an area, for the time estimate. The
/// simulation in `tests/scoring_model.rs` asserts that the median per area, rounded, is at most
/// this and that the estimate is within a minute of the simulated checks' median time.
pub const QUICK_TYPICAL_PER_AREA: usize = 3;

/// The questions a quick check of `area_id` typically draws from, for its time estimate: at a
/// fixed level, [`QUICK_TYPICAL_PER_AREA`] draws, each among the best [`RANDOMESQUE`] left, can
/// reach only the best `RANDOMESQUE + QUICK_TYPICAL_PER_AREA − 1` by information per second;
/// those at the prior's level.
pub fn quick_pool<'a>(profile: &'a Profile, area_id: &str) -> Vec<&'a Question> {
    let in_area = profile.questions.iter().filter(|q| q.area == area_id);
    let mut ranked = by_information_per_second(in_area, Posterior::prior().mean());
    ranked.truncate(RANDOMESQUE + QUICK_TYPICAL_PER_AREA - 1);
    ranked
}

/// `questions` with the most information per second of reading at `level` first; among equals
/// in the order given (a stable sort), so a walk replays the same.
fn by_information_per_second<'a>(
    questions: impl Iterator<Item = &'a Question>,
    level: f64,
) -> Vec<&'a Question> {
    let value = |q: &Question| ItemModel::of(q).information(level) / question_seconds(q);
    let mut ranked: Vec<&Question> = questions.collect();
    // Stable: equally good questions keep the profile's order.
    ranked.sort_by(|a, b| value(b).total_cmp(&value(a)));
    ranked
}

/// How many of the best questions the next one is drawn from (randomesque selection, as jsCAT
/// does): no question is asked of everyone, so one question whose authored difficulty is off
/// cannot mislead every candidate the same way.
pub const RANDOMESQUE: usize = 3;

/// The next question to ask in `area_id`, or `None` when the area is done: its verdict is clear,
/// `max_asked` questions were asked (skips count), none is left, or the rest of a budget smaller
/// than the area would likely not make the verdict clear. The draw among the best
/// [`RANDOMESQUE`] is fixed by the candidate's `seed`, so a walk replays the same from the same
/// answers.
pub fn next_question<'a>(
    profile: &'a Profile,
    area_id: &str,
    answers: &Answers,
    max_asked: usize,
    seed: u64,
) -> Option<&'a Question> {
    next_question_unseen_first(profile, area_id, answers, max_asked, seed, &BTreeSet::new())
}

/// [`next_question`] for a retake: the draw is among the questions not in `seen` (answered in
/// an earlier attempt) while any is left in the area, so a retake measures with questions the
/// candidate has not met, and only then among all. Stopping is the same.
pub fn next_question_unseen_first<'a>(
    profile: &'a Profile,
    area_id: &str,
    answers: &Answers,
    max_asked: usize,
    seed: u64,
    seen: &BTreeSet<String>,
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
        // left in the quick budget would likely not settle it, more questions only cost time.
        // An area the candidate chose to continue (budget = every question) goes on regardless.
        Verdict::NotClear { more }
            if posterior.estimate().answers >= FUTILITY_AFTER && max_asked < asked + open.len() =>
        {
            if more.is_none_or(|n| n > left) {
                return None;
            }
        }
        Verdict::NotClear { .. } => {}
    }
    let unseen = open.iter().any(|q| !seen.contains(&q.id));
    let candidates = open
        .into_iter()
        .filter(|q| !unseen || !seen.contains(&q.id));
    let ranked = by_information_per_second(candidates, posterior.mean());
    let pool = ranked.len().min(RANDOMESQUE);
    if pool == 0 {
        return None;
    }
    let area_hash = fnv1a(area_id.as_bytes());
    let draw = mix(seed ^ mix(asked as u64 + 1) ^ area_hash);
    Some(ranked[(draw % pool as u64) as usize])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::candidate::answer::Answer;
    use crate::domain::testing::sample_profile;

    fn right(p: &Profile, id: &str) -> Answer {
        Answer::Choice {
            selected: p.question(id).unwrap().correct_options(),
        }
    }

    #[test]
    fn a_retake_draws_from_questions_not_seen_before_while_there_are_any() {
        let p = sample_profile();
        let all: Vec<String> = p
            .questions
            .iter()
            .filter(|q| q.area == "infra")
            .map(|q| q.id.clone())
            .collect();
        for seed in 0..20 {
            for fresh in &all {
                let seen: BTreeSet<String> =
                    all.iter().filter(|id| *id != fresh).cloned().collect();
                let q = next_question_unseen_first(&p, "infra", &Answers::new(), 6, seed, &seen);
                assert_eq!(q.map(|q| &q.id), Some(fresh), "seed {seed}");
            }
            // Every question seen: the draw is as without history.
            let seen: BTreeSet<String> = all.iter().cloned().collect();
            assert_eq!(
                next_question_unseen_first(&p, "infra", &Answers::new(), 6, seed, &seen)
                    .map(|q| &q.id),
                next_question(&p, "infra", &Answers::new(), 6, seed).map(|q| &q.id)
            );
        }
    }

    #[test]
    fn the_first_question_sits_near_the_prior_and_answers_move_the_next() {
        let p = sample_profile();
        let first = next_question(&p, "python", &Answers::new(), 6, 1).unwrap();
        assert_eq!(
            next_question(&p, "python", &Answers::new(), 6, 1)
                .unwrap()
                .id,
            first.id,
            "the same seed, the same choice"
        );
        let mut answers = Answers::new();
        answers.insert(first.id.clone(), Answer::Skipped);
        let second = next_question(&p, "python", &answers, 6, 1).unwrap();
        assert_ne!(second.id, first.id, "a skipped question is not asked again");
        // Over candidates, the first question is drawn from the best three, not always one.
        let firsts: std::collections::BTreeSet<String> = (0..50)
            .map(|seed| {
                next_question(&p, "python", &Answers::new(), 6, seed)
                    .unwrap()
                    .id
                    .clone()
            })
            .collect();
        assert_eq!(firsts.len(), 3, "{firsts:?}");
    }

    #[test]
    fn an_area_stops_at_its_maximum_or_when_nothing_is_left() {
        let p = sample_profile();
        let mut answers = Answers::new();
        answers.insert("infra-q2".into(), Answer::Skipped);
        assert_eq!(next_question(&p, "infra", &answers, 1, 0), None);
        for id in ["infra-q1", "infra-q3"] {
            answers.insert(id.into(), Answer::Skipped);
        }
        assert_eq!(next_question(&p, "infra", &answers, 99, 0), None);
    }

    #[test]
    fn a_continued_area_is_not_given_up_on() {
        // Answers that sit at the required level: under a quick budget the area stops for
        // futility; with every question allowed, it goes on.
        let p = sample_profile();
        let mut answers = Answers::new();
        for id in ["py-q1", "py-q2"] {
            answers.insert(id.into(), right(&p, id));
        }
        let wrong = p.question("py-q3").unwrap();
        let w = (0..wrong.options.len())
            .find(|i| !wrong.options[*i].correct)
            .unwrap();
        answers.insert("py-q3".into(), Answer::Choice { selected: vec![w] });
        let mut more = p.clone();
        for i in 0..3 {
            let mut q = p.question("py-q2").unwrap().clone();
            q.id = format!("py-extra-{i}");
            more.questions.push(q);
        }
        assert_eq!(
            next_question(&more, "python", &answers, 4, 0),
            None,
            "futile in a budget of 4"
        );
        assert!(
            next_question(&more, "python", &answers, 6, 0).is_some(),
            "continued: all 6"
        );
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
        while let Some(q) = next_question(&p, "infra", &answers, 99, 0) {
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

//! Content quality of a valid profile: what a careful reviewer of a question bank checks.
//! `validate` decides whether the app can use a profile; `lint` whether it is a fair test.
//! Every shipped profile must lint clean (see `tests/profiles.rs`).

use std::collections::{BTreeMap, HashSet};

use super::problem::Problem;
use super::profile::{Profile, QuestionKind};

/// Knowledge questions an area needs before it can claim a level.
pub const MIN_QUESTIONS_PER_AREA: usize = 12;
/// Questions at each difficulty level an area needs.
pub const MIN_PER_DIFFICULTY: usize = 3;
/// Knowledge questions that must evidence each requirement.
pub const MIN_EVIDENCE: usize = 2;
/// Largest share of single-choice questions whose correct option may be the longest one.
pub const MAX_LONGEST_CORRECT: f64 = 0.40;
/// Largest share of single-choice questions whose correct option may sit at one position.
pub const MAX_SAME_POSITION: f64 = 0.40;

pub fn lint(profile: &Profile) -> Vec<Problem> {
    let mut problems = Vec::new();

    for (i, req) in profile.requirements.iter().enumerate() {
        let evidence = profile
            .questions
            .iter()
            .filter(|q| q.requirements.contains(&req.id))
            .count();
        if evidence < MIN_EVIDENCE {
            problems.push(Problem::new(
                format!("requirements[{i}] ({})", req.id),
                format!("is evidenced by {evidence} question(s), needs at least {MIN_EVIDENCE}"),
            ));
        }
    }

    for (i, area) in profile.areas.iter().enumerate() {
        let at = format!("areas[{i}] ({})", area.id);
        let questions: Vec<_> = profile
            .questions
            .iter()
            .filter(|q| q.area == area.id)
            .collect();
        if questions.len() < MIN_QUESTIONS_PER_AREA {
            problems.push(Problem::new(
                at.clone(),
                format!(
                    "has {} knowledge questions, needs at least {MIN_QUESTIONS_PER_AREA}",
                    questions.len()
                ),
            ));
        }
        for difficulty in 1..=3u8 {
            let n = questions
                .iter()
                .filter(|q| q.difficulty == difficulty)
                .count();
            if n < MIN_PER_DIFFICULTY {
                problems.push(Problem::new(
                    at.clone(),
                    format!("has {n} question(s) of difficulty {difficulty}, needs at least {MIN_PER_DIFFICULTY}"),
                ));
            }
        }
        if !profile.self_ratings.iter().any(|s| s.area == area.id) {
            problems.push(Problem::new(at, "has no self-rating item"));
        }
    }

    let mut prompts = HashSet::new();
    for (i, q) in profile.questions.iter().enumerate() {
        let code = q.code.as_ref().map(|c| c.source.trim()).unwrap_or("");
        if !prompts.insert((q.prompt.trim().to_lowercase(), code)) {
            problems.push(Problem::new(
                format!("questions[{i}] ({})", q.id),
                "repeats the prompt (and code) of an earlier question",
            ));
        }
    }

    let single: Vec<_> = profile
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::SingleChoice)
        .collect();
    if !single.is_empty() {
        let longest_correct = single
            .iter()
            .filter(|q| {
                let lengths: Vec<usize> =
                    q.options.iter().map(|o| o.text.chars().count()).collect();
                let max = lengths.iter().copied().max().unwrap_or(0);
                let longest: Vec<usize> =
                    (0..lengths.len()).filter(|&i| lengths[i] == max).collect();
                longest.len() == 1 && q.options[longest[0]].correct
            })
            .count();
        problems.extend(too_many(
            longest_correct,
            single.len(),
            MAX_LONGEST_CORRECT,
            "have their longest option correct",
        ));
        let mut positions: BTreeMap<usize, usize> = BTreeMap::new();
        for q in &single {
            for i in q.correct_options() {
                *positions.entry(i).or_default() += 1;
            }
        }
        for (position, n) in positions {
            problems.extend(too_many(
                n,
                single.len(),
                MAX_SAME_POSITION,
                &format!("have option {} correct", position + 1),
            ));
        }
    }
    problems
}

/// A problem when more than the share `max` of the `total` single-choice questions `what`.
fn too_many(n: usize, total: usize, max: f64, what: &str) -> Option<Problem> {
    (n as f64 / total as f64 > max).then(|| {
        Problem::new(
            "questions",
            format!(
                "{n} of {total} single-choice questions {what}; at most {:.0}% may",
                max * 100.0
            ),
        )
    })
}

/// Counts of questions by area and by one attribute, for the bank's report.
pub fn tally<K: Ord + Clone>(
    profile: &Profile,
    key: impl Fn(&super::profile::Question) -> K,
) -> BTreeMap<(String, K), usize> {
    let mut counts = BTreeMap::new();
    for q in &profile.questions {
        *counts.entry((q.area.clone(), key(q))).or_default() += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::sample_profile;

    fn messages(p: &Profile) -> Vec<String> {
        lint(p).iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn a_small_bank_is_reported_per_area_and_requirement() {
        let found = messages(&sample_profile());
        assert!(
            found.contains(
                &"areas[0] (python): has 3 knowledge questions, needs at least 12".to_owned()
            ),
            "{found:#?}"
        );
        assert!(
            found.contains(
                &"areas[1] (infra): has 1 question(s) of difficulty 3, needs at least 3".to_owned()
            ),
            "{found:#?}"
        );
        assert!(
            found.contains(
                &"requirements[1] (python-apis): is evidenced by 1 question(s), needs at least 2"
                    .to_owned()
            ),
            "{found:#?}"
        );
    }

    #[test]
    fn the_longest_option_being_right_too_often_is_caught() {
        let mut p = sample_profile();
        for q in p
            .questions
            .iter_mut()
            .filter(|q| q.kind == QuestionKind::SingleChoice)
        {
            let right = q.correct_options()[0];
            q.options[right].text = format!(
                "{} and this is the long right answer",
                q.options[right].text
            );
        }
        let found = messages(&p);
        assert!(
            found.iter().any(|m| m.starts_with(
                "questions: 5 of 5 single-choice questions have their longest option correct"
            )),
            "{found:#?}"
        );
    }

    #[test]
    fn the_correct_option_always_in_one_position_is_caught() {
        let found = messages(&sample_profile());
        // The sample has option 1 right in 3 of its 5 single-choice questions.
        assert!(
            found.iter().any(|m| m
                .starts_with("questions: 3 of 5 single-choice questions have option 1 correct")),
            "{found:#?}"
        );
    }

    #[test]
    fn repeated_prompts_are_caught() {
        let mut p = sample_profile();
        p.questions[2].prompt = p.questions[1].prompt.to_uppercase();
        let found = messages(&p);
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("questions[2] (py-q3): repeats the prompt")),
            "{found:#?}"
        );
    }
}

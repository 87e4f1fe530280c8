//! Looking back at the answers: every knowledge question the candidate answered or skipped, in
//! the order of the profile, with what they chose and whether they missed it.

use crate::domain::candidate::answer::{credit, Answer, Answers};
use crate::domain::profile::Profile;

/// One question looked back at.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewEntry {
    pub question_id: String,
    /// The options chosen (indices into the profile's options); empty when skipped.
    pub chosen: Vec<usize>,
    pub skipped: bool,
    /// Wrong, partly right or skipped: what "only what I missed" keeps.
    pub missed: bool,
}

/// The knowledge questions answered or skipped, in profile order; only the missed ones when
/// `only_missed`.
pub fn review(profile: &Profile, answers: &Answers, only_missed: bool) -> Vec<ReviewEntry> {
    profile
        .questions
        .iter()
        .filter_map(|q| {
            let answer = answers.get(&q.id)?;
            let skipped = matches!(answer, Answer::Skipped);
            let missed = skipped || credit(q, answer).is_some_and(|c| c < 1.0);
            Some(ReviewEntry {
                question_id: q.id.clone(),
                chosen: answer.selected().to_vec(),
                skipped,
                missed,
            })
        })
        .filter(|e| !only_missed || e.missed)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::sample_profile;

    #[test]
    fn the_review_keeps_what_was_answered_and_filters_what_was_missed() {
        let profile = sample_profile();
        let q = &profile.questions;
        let mut answers = Answers::new();
        answers.insert(
            q[0].id.clone(),
            Answer::Choice {
                selected: q[0].correct_options(),
            },
        );
        let wrong = (0..q[1].options.len())
            .find(|&i| !q[1].options[i].correct)
            .unwrap();
        answers.insert(
            q[1].id.clone(),
            Answer::Choice {
                selected: vec![wrong],
            },
        );
        answers.insert(q[2].id.clone(), Answer::Skipped);
        answers.insert("python-self".into(), Answer::Rating { level: 2 });
        let all = review(&profile, &answers, false);
        let ids: Vec<&str> = all.iter().map(|e| e.question_id.as_str()).collect();
        assert_eq!(ids, [q[0].id.as_str(), q[1].id.as_str(), q[2].id.as_str()]);
        assert_eq!(all[1].chosen, [wrong]);
        assert!(!all[0].missed && all[1].missed && all[2].missed && all[2].skipped);
        let missed = review(&profile, &answers, true);
        assert_eq!(missed, all[1..]);
    }
}

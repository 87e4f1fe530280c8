//! Practice: questions answered with the right answer and every option's explanation shown at
//! once. Practice answers live under their own storage key and never enter the check's progress,
//! so they never change a level, a verdict or the plan.

use serde::{Deserialize, Serialize};

use crate::domain::candidate::answer::{credit, Answer, Answers};
use crate::domain::profile::Profile;

/// Where a role's practice answers are kept, apart from its progress.
pub fn practice_key(profile_id: &str) -> String {
    format!("fitcheck.practice.v1.{profile_id}")
}

/// The practice answers of one role.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Practice {
    pub answers: Answers,
}

impl Practice {
    /// Reads saved practice; anything unreadable starts afresh (practice is never scored, so
    /// nothing of value is lost). Fields other than `answers` are passed over.
    pub fn decode(text: Option<&str>) -> Practice {
        // Read as a JSON value first, as saved progress is, so the app reads stored text one way.
        text.and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
            .and_then(|value| Practice::deserialize(&value).ok())
            .unwrap_or_default()
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("practice is plain data with string keys")
    }

    /// How many practised questions were answered fully right, of how many practised.
    pub fn score(&self, profile: &Profile) -> (usize, usize) {
        let practised: Vec<f64> = profile
            .questions
            .iter()
            .filter_map(|q| self.answers.get(&q.id).and_then(|a| credit(q, a)))
            .collect();
        let right = practised.iter().filter(|&&c| c >= 1.0).count();
        (right, practised.len())
    }
}

/// The question to practise after `current` (profile order), or the first; `None` after the last.
pub fn next_question<'a>(profile: &'a Profile, current: Option<&str>) -> Option<&'a str> {
    let questions = &profile.questions;
    let start = match current {
        Some(id) => questions.iter().position(|q| q.id == id)? + 1,
        None => 0,
    };
    questions.get(start).map(|q| q.id.as_str())
}

/// Records a practice answer of question `id`, if it is one of the profile's questions.
pub fn record(practice: &mut Practice, profile: &Profile, id: &str, answer: Answer) -> bool {
    if profile.question(id).is_none() {
        return false;
    }
    practice.answers.insert(id.to_owned(), answer);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::candidate::progress::storage_key;
    use crate::domain::report::scoring::assess;
    use crate::domain::testing::sample_profile;

    #[test]
    fn practice_is_kept_apart_and_never_scored() {
        let profile = sample_profile();
        assert_ne!(practice_key(&profile.id), storage_key(&profile.id));
        let mut practice = Practice::default();
        for q in &profile.questions {
            let right = Answer::Choice {
                selected: q.correct_options(),
            };
            assert!(record(&mut practice, &profile, &q.id, right));
        }
        assert!(!record(
            &mut practice,
            &profile,
            "python-self",
            Answer::Skipped
        ));
        assert_eq!(
            practice.score(&profile),
            (profile.questions.len(), profile.questions.len())
        );
        // The check's assessment reads only the check's answers: practice leaves it empty.
        let check = assess(&profile, &Answers::new(), 1);
        assert!(check.readiness.is_none());
        assert!(check.areas.iter().all(|a| a.answered == 0));
        let again = Practice::decode(Some(&practice.encode()));
        assert_eq!(again, practice);
        assert_eq!(Practice::decode(Some("{ not json")), Practice::default());
        assert_eq!(Practice::decode(None), Practice::default());
    }

    #[test]
    fn practice_goes_through_the_questions_in_order() {
        let profile = sample_profile();
        let ids: Vec<&str> = profile.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(next_question(&profile, None), Some(ids[0]));
        assert_eq!(next_question(&profile, Some(ids[0])), Some(ids[1]));
        assert_eq!(next_question(&profile, ids.last().copied()), None);
        assert_eq!(next_question(&profile, Some("nowhere")), None);
    }
}

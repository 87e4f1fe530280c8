//! Fixtures shared by the domain's unit tests.

use super::candidate::answer::{Answer, Answers};
use super::profile::{parse_profile, Profile};

/// A small valid profile: two areas, three requirements, two self-ratings, six questions.
pub fn sample_profile() -> Profile {
    parse_profile(include_str!("fixtures/sample-profile.json"))
        .expect("the sample fixture is a valid profile")
}

/// Every question of `profile` answered right, or wrong (its first wrong option).
pub fn every_question(profile: &Profile, right: bool) -> Answers {
    profile
        .questions
        .iter()
        .map(|q| {
            let selected = if right {
                q.correct_options()
            } else {
                let wrong = (0..q.options.len()).find(|&i| !q.options[i].correct);
                vec![wrong.expect("every question has a wrong option")]
            };
            (q.id.clone(), Answer::Choice { selected })
        })
        .collect()
}

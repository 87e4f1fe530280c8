//! Fixtures shared by the domain's unit tests.

use super::profile::{parse_profile, Profile};

/// A small valid profile: two areas, three requirements, two self-ratings, six questions.
pub fn sample_profile() -> Profile {
    parse_profile(include_str!("fixtures/sample-profile.json"))
        .expect("the sample fixture is a valid profile")
}

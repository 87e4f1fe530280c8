//! The pure model of Fitcheck: profile format and validation, the walk through the items,
//! answers, scoring and the saved-progress schema. No web dependency; tested with `cargo test`.

pub mod candidate;
pub mod measure;
pub mod profile;
pub mod report;

#[cfg(test)]
pub(crate) mod testing;

use profile::problem::Problem;
use profile::validate::validate;
use profile::{parse_profile, Profile};

/// Parses and validates a profile file: the whole check the app runs before using it.
pub fn load_profile(text: &str) -> Result<Profile, Vec<Problem>> {
    let profile = parse_profile(text)?;
    let problems = validate(&profile);
    if problems.is_empty() {
        Ok(profile)
    } else {
        Err(problems)
    }
}

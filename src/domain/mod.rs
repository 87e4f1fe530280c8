//! The pure model of Fitcheck: profile format and validation, the walk through the items,
//! answers, scoring and the saved-progress schema. No web dependency; tested with `cargo test`.

pub mod answer;
pub mod evidence;
pub mod history;
pub mod lint;
pub mod measure;
pub mod notice;
pub mod practice;
pub mod problem;
pub mod profile;
pub mod progress;
pub mod report;
pub mod review;
pub mod scoring;
pub mod seed;
pub mod share;
pub mod timing;
pub mod transfer;
pub mod validate;
pub mod walk;

#[cfg(test)]
pub(crate) mod testing;

pub use answer::{Answer, Answers};
pub use problem::Problem;
pub use profile::{parse_profile, Profile};
pub use validate::validate;

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

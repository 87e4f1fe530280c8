//! Why saved progress could not be read, and why an answer in it was kept aside.

use std::fmt;

use crate::domain::profile::problem::{readable, shown};

use super::PROGRESS_SCHEMA_VERSION;

/// Why saved progress could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ProgressError {
    NotJson(String),
    NoVersion,
    FromTheFuture(u64),
    OtherProfile(String),
    Malformed(String),
}

impl fmt::Display for ProgressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgressError::NotJson(e) => write!(f, "it is not valid JSON ({})", readable(e)),
            ProgressError::NoVersion => write!(f, "it has no `schema_version`, so it is not Fitcheck progress"),
            ProgressError::FromTheFuture(v) => write!(
                f,
                "it was saved by a newer version of Fitcheck (schema {v}; this version reads up to {PROGRESS_SCHEMA_VERSION}); reload to get the newest version"
            ),
            ProgressError::OtherProfile(id) => write!(f, "it belongs to another role profile (`{}`)", shown(id)),
            ProgressError::Malformed(e) => write!(f, "its contents are damaged ({})", readable(e)),
        }
    }
}

impl std::error::Error for ProgressError {}

/// An answer kept aside because it does not fit the profile as it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    /// The item answered.
    pub id: String,
    pub why: Misfit,
}

/// Why an answer does not fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Misfit {
    /// The item is gone, or the answer is not one it can have (an option it lacks).
    NoLongerFits,
    /// The question's options changed after it was answered.
    OptionsChanged,
}

/// In English, for logs and messages outside the interface (which words it in its language).
impl fmt::Display for SetAside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.why {
            Misfit::NoLongerFits => {
                write!(
                    f,
                    "the answer to `{}` no longer fits this profile",
                    shown(&self.id)
                )
            }
            Misfit::OptionsChanged => write!(
                f,
                "the options of `{}` changed after it was answered",
                shown(&self.id)
            ),
        }
    }
}

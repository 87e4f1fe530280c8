//! A problem found in outside data: where it is and what is wrong, in one sentence.

use std::fmt;

/// One problem with a location such as `questions[12] (py-gil-1)`.
///
/// Readers collect every problem they find, so a profile author fixes a file in one pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub location: String,
    pub message: String,
}

impl Problem {
    pub fn new(location: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            location: location.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

//! A problem found in outside data: where it is and what is wrong, in one sentence; and how a
//! message quotes outside data ([`shown`], [`readable`]).

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

/// The most characters of a name or value from outside data that a message shows.
pub const SHOWN_CHARS: usize = 80;
/// The longest message made from outside data before its middle is cut.
pub const READABLE_CHARS: usize = 300;

/// A name or value from outside data as a message shows it: control characters escaped (`\n`,
/// `\u{1b}`) and cut after [`SHOWN_CHARS`] characters with an ellipsis, so that whatever a file
/// holds, the message stays one readable line and never repeats a huge value whole.
pub fn shown(text: &str) -> String {
    let mut out = escape_controls(&text.chars().take(SHOWN_CHARS).collect::<String>());
    if text.chars().nth(SHOWN_CHARS).is_some() {
        out.push('\u{2026}');
    }
    out
}

/// A message that may quote outside data (a serde error names an unknown field or variant as
/// it is): control characters escaped, and when it is longer than [`READABLE_CHARS`], its middle
/// (where the quoted data is) cut, keeping the start and what was expected at the end.
pub fn readable(message: &str) -> String {
    let escaped = escape_controls(message);
    let count = escaped.chars().count();
    if count <= READABLE_CHARS {
        return escaped;
    }
    let keep = READABLE_CHARS / 2;
    let head: String = escaped.chars().take(keep).collect();
    let tail: String = escaped.chars().skip(count - keep).collect();
    format!("{head}\u{2026}{tail}")
}

fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

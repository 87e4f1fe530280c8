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

/// A number from outside data as a message shows it: a whole number without a fraction (`1`,
/// as a profile writes it), others in their shortest form (`0.25`, `1e300`), and `NaN` or `inf`.
pub fn shown_number(value: f64) -> String {
    if value.is_nan() {
        "NaN".to_owned()
    } else if value.is_infinite() {
        if value > 0.0 { "inf" } else { "-inf" }.to_owned()
    } else if value.fract() == 0.0 && value.abs() < 1e15 {
        (value as i64).to_string()
    } else {
        // Debug is the shortest text that reads back as the same float, in scientific
        // notation where that is shorter (`1e300`, `1e-7`).
        format!("{value:?}")
    }
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

#[cfg(test)]
mod tests {
    use super::shown_number;

    #[test]
    fn a_number_reads_back_as_itself_and_as_rust_writes_it_in_the_ordinary_range() {
        let mut values = vec![
            0.0,
            1.0,
            -1.0,
            0.25,
            -0.1,
            4.5,
            0.2,
            1.0 / 3.0,
            2.0f64.sqrt(),
            123456.789,
        ];
        // A spread of magnitudes and digits: x_{n+1} = frac(x_n * 997.13) scaled.
        let mut x = 0.123_456_789_f64;
        for i in 0..2_000 {
            x = (x * 997.13).fract();
            values.push((x - 0.5) * 10f64.powi(i % 12 - 4));
        }
        for value in values {
            let shown = shown_number(value);
            assert_eq!(
                shown.parse::<f64>().ok(),
                Some(value),
                "{value:?} shown as {shown}"
            );
            if value == 0.0 || (1e-4..1e15).contains(&value.abs()) {
                assert_eq!(shown, format!("{value}"), "{value:?}");
            }
        }
        assert_eq!(shown_number(1e300).parse::<f64>().ok(), Some(1e300));
        assert_eq!(shown_number(f64::NAN), "NaN");
        assert_eq!(shown_number(f64::NEG_INFINITY), "-inf");
    }
}

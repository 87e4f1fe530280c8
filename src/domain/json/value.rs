//! A JSON value and the parser that reads one from text.
//!
//! The parser takes what serde_json takes and refuses what it refuses, in its words and at its
//! line and column ("expected `,` or `}` at line 3 column 5"), and reads numbers to the same
//! values: a whole number as an unsigned or a negative integer while it fits in 64 bits, any
//! other as a float, the significand times an exactly rounded power of ten. `tests/
//! decoders_fuzz.rs` holds it to that on every case it generates, and the tests below on the
//! edges (escapes, surrogates, nesting, number overflow). An object keeps its keys in key order
//! and a repeated key its last value, as serde_json's `Value` does.

use std::fmt;

use crate::domain::keyed::Keyed;

/// A JSON object: values by key, in key order.
pub type Map = Keyed<Value>;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number as it was read: a whole number that fits in a `u64` or an `i64`, or a float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Unsigned(u64),
    Negative(i64),
    Float(f64),
}

impl Number {
    pub fn as_u64(self) -> Option<u64> {
        match self {
            Number::Unsigned(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_i64(self) -> Option<i64> {
        match self {
            Number::Unsigned(n) => i64::try_from(n).ok(),
            Number::Negative(n) => Some(n),
            Number::Float(_) => None,
        }
    }

    pub fn as_f64(self) -> f64 {
        match self {
            Number::Unsigned(n) => n as f64,
            Number::Negative(n) => n as f64,
            Number::Float(f) => f,
        }
    }
}

/// The shortest text that reads back as `f` (`0.1`, `1e-7`, `2.0`), as JSON writes it; empty
/// for NaN and the infinities, which JSON has no numbers for.
pub fn float_text(f: f64) -> String {
    if f.is_finite() {
        zmij::Buffer::new().format_finite(f).to_owned()
    } else {
        String::new()
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Number::Unsigned(n) => write!(f, "{n}"),
            Number::Negative(n) => write!(f, "{n}"),
            Number::Float(x) => f.write_str(&float_text(x)),
        }
    }
}

impl Value {
    /// A whole number as a value.
    pub fn whole(n: u64) -> Value {
        Value::Number(Number::Unsigned(n))
    }

    /// The field `key` of an object; `None` for a missing field or any other kind of value.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(map) => map.get(key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

/// Why a text is not JSON, and where: the line (from 1) and the column (the bytes of that line
/// read up to and including the one refused; 0 when the text ends before a line has any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    reason: &'static str,
    line: usize,
    column: usize,
}

impl SyntaxError {
    pub fn reason(&self) -> &'static str {
        self.reason
    }

    pub fn line(&self) -> usize {
        self.line
    }

    pub fn column(&self) -> usize {
        self.column
    }
}

/// As serde_json shows its errors: `expected value at line 1 column 1`.
impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.reason, self.line, self.column
        )
    }
}

const EOF_IN_LIST: &str = "EOF while parsing a list";
const EOF_IN_OBJECT: &str = "EOF while parsing an object";
const EOF_IN_STRING: &str = "EOF while parsing a string";
const EOF_IN_VALUE: &str = "EOF while parsing a value";
const COLON: &str = "expected `:`";
const LIST_COMMA_OR_END: &str = "expected `,` or `]`";
const OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
const IDENT: &str = "expected ident";
const VALUE: &str = "expected value";
const ESCAPE: &str = "invalid escape";
const NUMBER: &str = "invalid number";
const OUT_OF_RANGE: &str = "number out of range";
const CONTROL: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_STRING: &str = "key must be a string";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING: &str = "trailing characters";
const HEX_END: &str = "unexpected end of hex escape";
const DEPTH: &str = "recursion limit exceeded";

/// How deep lists and objects may nest: 127 levels, as in serde_json.
const MAX_DEPTH: u32 = 128;

type Parsed<T> = Result<T, SyntaxError>;

/// Reads `text` as one JSON value, with nothing but whitespace after it.
pub fn parse(text: &str) -> Parsed<Value> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: MAX_DEPTH,
    };
    let value = parser.value()?;
    match parser.skip_space() {
        Some(_) => Err(parser.next_error(TRAILING)),
        None => Ok(value),
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    at: usize,
    /// How many more levels may open.
    depth: u32,
}

impl Parser<'_> {
    /// An error at the byte last read.
    fn error(&self, reason: &'static str) -> SyntaxError {
        self.error_at(self.at, reason)
    }

    /// An error at the next byte, which was looked at but not read.
    fn next_error(&self, reason: &'static str) -> SyntaxError {
        self.error_at((self.at + 1).min(self.bytes.len()), reason)
    }

    fn error_at(&self, end: usize, reason: &'static str) -> SyntaxError {
        let read = &self.bytes[..end];
        let line_start = read.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        SyntaxError {
            reason,
            line: 1 + read[..line_start].iter().filter(|&&b| b == b'\n').count(),
            column: end - line_start,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    /// The next byte that is not whitespace, not read.
    fn skip_space(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Parsed<Value> {
        let Some(first) = self.skip_space() else {
            return Err(self.next_error(EOF_IN_VALUE));
        };
        Ok(match first {
            b'n' => self.word(b"null", Value::Null)?,
            b't' => self.word(b"true", Value::Bool(true))?,
            b'f' => self.word(b"false", Value::Bool(false))?,
            b'-' => {
                self.at += 1;
                Value::Number(self.number(false)?)
            }
            b'0'..=b'9' => Value::Number(self.number(true)?),
            b'"' => {
                self.at += 1;
                Value::String(self.string()?)
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.next_error(DEPTH));
                }
                self.at += 1;
                let value = if first == b'[' {
                    self.list()?
                } else {
                    self.object()?
                };
                self.depth += 1;
                // `list` and `object` stop at their closing bracket.
                self.at += 1;
                value
            }
            _ => return Err(self.next_error(VALUE)),
        })
    }

    fn word(&mut self, word: &[u8], value: Value) -> Parsed<Value> {
        self.at += 1;
        for &expected in &word[1..] {
            match self.next() {
                None => return Err(self.error(EOF_IN_VALUE)),
                Some(b) if b != expected => return Err(self.error(IDENT)),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// Whether another element follows in a list or object (`close` not next), having read the
    /// comma before it; `key` for an object, whose elements start with a string.
    fn more(&mut self, first: bool, close: u8, key: bool) -> Parsed<bool> {
        let eof = if key { EOF_IN_OBJECT } else { EOF_IN_LIST };
        let Some(next) = self.skip_space() else {
            return Err(self.next_error(eof));
        };
        if next == close {
            return Ok(false);
        }
        if first {
            return if key && next != b'"' {
                Err(self.next_error(KEY_STRING))
            } else {
                Ok(true)
            };
        }
        if next != b',' {
            return Err(self.next_error(if key {
                OBJECT_COMMA_OR_END
            } else {
                LIST_COMMA_OR_END
            }));
        }
        self.at += 1;
        match self.skip_space() {
            None => Err(self.next_error(EOF_IN_VALUE)),
            Some(b) if b == close => Err(self.next_error(TRAILING_COMMA)),
            Some(b) if key && b != b'"' => Err(self.next_error(KEY_STRING)),
            Some(_) => Ok(true),
        }
    }

    fn list(&mut self) -> Parsed<Value> {
        let mut items = Vec::new();
        while self.more(items.is_empty(), b']', false)? {
            items.push(self.value()?);
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Parsed<Value> {
        let mut map = Map::new();
        let mut first = true;
        while self.more(first, b'}', true)? {
            first = false;
            self.at += 1;
            let key = self.string()?;
            match self.skip_space() {
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.next_error(COLON)),
                None => return Err(self.next_error(EOF_IN_OBJECT)),
            }
            let value = self.value()?;
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }

    /// The rest of a string whose opening quote was read.
    fn string(&mut self) -> Parsed<String> {
        let mut text = String::new();
        loop {
            let start = self.at;
            let rest = &self.bytes[start..];
            self.at += rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            // Only ever cut before an ASCII byte, so each piece is whole UTF-8.
            text.push_str(self.text.get(start..self.at).unwrap_or_default());
            match self.next() {
                None => return Err(self.error(EOF_IN_STRING)),
                Some(b'"') => return Ok(text),
                Some(b'\\') => self.escape(&mut text)?,
                Some(_) => return Err(self.error(CONTROL)),
            }
        }
    }

    fn escape(&mut self, text: &mut String) -> Parsed<()> {
        let c = match self.next() {
            None => return Err(self.error(EOF_IN_STRING)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => self.unicode_escape()?,
            Some(_) => return Err(self.error(ESCAPE)),
        };
        text.push(c);
        Ok(())
    }

    /// The character of a `\u` escape (and of the second one of a surrogate pair).
    fn unicode_escape(&mut self) -> Parsed<char> {
        let unit = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&unit) {
            return Err(self.error(LONE_SURROGATE));
        }
        if !(0xD800..=0xDBFF).contains(&unit) {
            return Ok(char::from_u32(u32::from(unit)).unwrap_or_default());
        }
        for expected in [b'\\', b'u'] {
            match self.next() {
                None => return Err(self.error(EOF_IN_STRING)),
                Some(b) if b != expected => return Err(self.error(HEX_END)),
                Some(_) => {}
            }
        }
        let low = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&low) {
            return Err(self.error(LONE_SURROGATE));
        }
        let code = 0x1_0000 + ((u32::from(unit) - 0xD800) << 10 | (u32::from(low) - 0xDC00));
        Ok(char::from_u32(code).unwrap_or_default())
    }

    fn hex4(&mut self) -> Parsed<u16> {
        let Some(digits) = self.bytes.get(self.at..self.at + 4) else {
            self.at = self.bytes.len();
            return Err(self.error(EOF_IN_STRING));
        };
        self.at += 4;
        let mut unit = 0u16;
        for &d in digits {
            let Some(v) = (d as char).to_digit(16) else {
                return Err(self.error(ESCAPE));
            };
            unit = unit << 4 | v as u16;
        }
        Ok(unit)
    }

    /// A number, after its minus sign when `positive` is false.
    fn number(&mut self, positive: bool) -> Parsed<Number> {
        let significand = match self.next() {
            None => return Err(self.error(EOF_IN_VALUE)),
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.next_error(NUMBER));
                }
                0
            }
            Some(d @ b'1'..=b'9') => {
                let mut significand = u64::from(d - b'0');
                while let Some(d @ b'0'..=b'9') = self.peek() {
                    match significand
                        .checked_mul(10)
                        .and_then(|s| s.checked_add(u64::from(d - b'0')))
                    {
                        Some(s) => significand = s,
                        // Too long for 64 bits: a float of its first digits, scaled.
                        None => return self.fraction(positive, significand, 0).map(Number::Float),
                    }
                    self.at += 1;
                }
                significand
            }
            Some(_) => return Err(self.error(NUMBER)),
        };
        Ok(match self.peek() {
            Some(b'.' | b'e' | b'E') => Number::Float(self.fraction(positive, significand, 0)?),
            _ if positive => Number::Unsigned(significand),
            _ => {
                let negative = (significand as i64).wrapping_neg();
                if negative >= 0 {
                    // `-0`, or below `i64::MIN`.
                    Number::Float(-(significand as f64))
                } else {
                    Number::Negative(negative)
                }
            }
        })
    }

    /// The rest of a float whose first digits make `significand` times ten to `exponent`:
    /// integer digits past 64 bits, a fraction, an exponent.
    fn fraction(&mut self, positive: bool, mut significand: u64, mut exponent: i32) -> Parsed<f64> {
        // Integer digits that did not fit: each only scales.
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
            exponent += 1;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            let mut digits = 0;
            let mut full = false;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                digits += 1;
                let more = significand
                    .checked_mul(10)
                    .and_then(|s| s.checked_add(u64::from(d - b'0')));
                match more {
                    Some(s) if !full => {
                        significand = s;
                        exponent -= 1;
                    }
                    // Past 64 bits the digits are passed over.
                    _ => full = true,
                }
                self.at += 1;
            }
            if digits == 0 {
                return Err(match self.peek() {
                    Some(_) => self.next_error(NUMBER),
                    None => self.next_error(EOF_IN_VALUE),
                });
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            let up = match self.peek() {
                Some(b'+') => {
                    self.at += 1;
                    true
                }
                Some(b'-') => {
                    self.at += 1;
                    false
                }
                _ => true,
            };
            let mut power: i32 = match self.next() {
                None => return Err(self.error(EOF_IN_VALUE)),
                Some(d @ b'0'..=b'9') => i32::from(d - b'0'),
                Some(_) => return Err(self.error(NUMBER)),
            };
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.at += 1;
                match power
                    .checked_mul(10)
                    .and_then(|p| p.checked_add(i32::from(d - b'0')))
                {
                    Some(p) => power = p,
                    None => {
                        if significand != 0 && up {
                            return Err(self.error(OUT_OF_RANGE));
                        }
                        while let Some(b'0'..=b'9') = self.peek() {
                            self.at += 1;
                        }
                        return Ok(if positive { 0.0 } else { -0.0 });
                    }
                }
            }
            exponent = if up {
                exponent.saturating_add(power)
            } else {
                exponent.saturating_sub(power)
            };
        }
        let f = scaled(significand, exponent).ok_or_else(|| self.error(OUT_OF_RANGE))?;
        Ok(if positive { f } else { -f })
    }
}

/// `significand` times ten to `exponent` as a float: one multiplication or division by an
/// exactly rounded power of ten, then by 1e308 for as long as the power is beyond it. `None`
/// when it is too large for a float.
fn scaled(significand: u64, mut exponent: i32) -> Option<f64> {
    let mut f = significand as f64;
    loop {
        let power = exponent.unsigned_abs();
        if power <= MAX_POWER {
            if exponent >= 0 {
                f *= power_of_ten(power);
                return f.is_finite().then_some(f);
            }
            return Some(f / power_of_ten(power));
        }
        if f == 0.0 {
            return Some(f);
        }
        if exponent >= 0 {
            return None;
        }
        f /= power_of_ten(MAX_POWER);
        exponent += MAX_POWER as i32;
    }
}

/// The largest power of ten a float holds.
const MAX_POWER: u32 = 308;

/// Ten to `power` (at most [`MAX_POWER`]), rounded to the nearest float (ties to even), as the
/// literal `1e{power}` is. Up to 1e22 the float is exact; above, five to the power is worked out
/// as a whole number and its leading 53 bits kept, rounded, which is the table of 309 floats
/// that parsers usually carry, in a few lines.
fn power_of_ten(power: u32) -> f64 {
    if power <= 22 {
        return (0..power).fold(1.0, |f, _| f * 10.0);
    }
    // 5^power, little-endian 32-bit limbs.
    let mut limbs: Vec<u32> = vec![1];
    for _ in 0..power {
        let mut carry = 0u64;
        for limb in &mut limbs {
            let v = u64::from(*limb) * 5 + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            limbs.push(carry as u32);
        }
    }
    let top = *limbs.last().expect("at least one limb");
    let bits = limbs.len() as u32 * 32 - top.leading_zeros();
    // The leading 64 bits, and whether any bit below them is set.
    let bit = |i: u32| limbs[(i / 32) as usize] >> (i % 32) & 1 == 1;
    let low = bits.saturating_sub(64);
    let leading = (low..bits)
        .rev()
        .fold(0u64, |v, i| v << 1 | u64::from(bit(i)))
        << (64 - (bits - low));
    let sticky = (0..low).any(bit);
    let mut mantissa = leading >> 11;
    let rest = leading & 0x7FF;
    if rest > 0x400 || (rest == 0x400 && (sticky || mantissa & 1 == 1)) {
        mantissa += 1;
    }
    // mantissa × 2^(bits − 53) × 2^power; mantissa may have rounded up to 2^53, still exact.
    let scale = (bits - 53 + power) as u64;
    mantissa as f64 * f64::from_bits((scale + 1023) << 52)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> String {
        parse(text).expect_err(text).to_string()
    }

    #[test]
    fn every_power_of_ten_is_the_float_of_its_literal() {
        for power in 0..=MAX_POWER {
            let literal: f64 = format!("1e{power}").parse().unwrap();
            assert_eq!(power_of_ten(power), literal, "1e{power}");
        }
    }

    #[test]
    fn values_are_read_with_their_kinds() {
        let v = parse(r#" {"b": [1, -2, 3.5, true, null], "a": "x\u00e9\ud83d\ude00\n", "b": 0} "#)
            .unwrap();
        let Value::Object(map) = &v else {
            panic!("{v:?}")
        };
        // Key order, and the repeated key's last value.
        assert_eq!(map.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(v.get("a").and_then(Value::as_str), Some("xé😀\n"));
        assert_eq!(v.get("b"), Some(&Value::Number(Number::Unsigned(0))));
        let list = parse("[1, -2, 3.5, -0, 18446744073709551616, -9223372036854775808]").unwrap();
        assert_eq!(
            list,
            Value::Array(vec![
                Value::Number(Number::Unsigned(1)),
                Value::Number(Number::Negative(-2)),
                Value::Number(Number::Float(3.5)),
                Value::Number(Number::Float(-0.0)),
                Value::Number(Number::Float(18446744073709551616.0)),
                Value::Number(Number::Negative(i64::MIN)),
            ])
        );
    }

    #[test]
    fn refusals_say_what_and_where() {
        assert_eq!(refused(""), "EOF while parsing a value at line 1 column 0");
        assert_eq!(
            refused("{\n  \"a\": 1\n  \"b\": 2}"),
            "expected `,` or `}` at line 3 column 3"
        );
        assert_eq!(refused("[1,]"), "trailing comma at line 1 column 4");
        assert_eq!(refused("[1 2]"), "expected `,` or `]` at line 1 column 4");
        assert_eq!(refused("{1: 2}"), "key must be a string at line 1 column 2");
        assert_eq!(refused("{\"a\" 2}"), "expected `:` at line 1 column 6");
        assert_eq!(
            refused("nul"),
            "EOF while parsing a value at line 1 column 3"
        );
        assert_eq!(refused("nulL"), "expected ident at line 1 column 4");
        assert_eq!(refused("01"), "invalid number at line 1 column 2");
        assert_eq!(
            refused("1."),
            "EOF while parsing a value at line 1 column 2"
        );
        assert_eq!(refused("1e400"), "number out of range at line 1 column 5");
        assert_eq!(
            refused("\"a\tb\""),
            "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3"
        );
        assert_eq!(refused("\"\\x\""), "invalid escape at line 1 column 3");
        assert_eq!(
            refused("\"\\ud800\""),
            "unexpected end of hex escape at line 1 column 8"
        );
        assert_eq!(
            refused("\"\\udc00\""),
            "lone leading surrogate in hex escape at line 1 column 7"
        );
        assert_eq!(refused("1 2"), "trailing characters at line 1 column 3");
        assert_eq!(
            refused(&"[".repeat(200)),
            "recursion limit exceeded at line 1 column 128"
        );
        assert!(parse(&format!("{}{}", "[".repeat(127), "]".repeat(127))).is_ok());
        assert_eq!(parse("1e-400").unwrap(), Value::Number(Number::Float(0.0)));
        assert_eq!(
            parse("-1e-99999999999").unwrap(),
            Value::Number(Number::Float(-0.0))
        );
        assert_eq!(
            refused("-1e99999999999"),
            "number out of range at line 1 column 13"
        );
    }
}

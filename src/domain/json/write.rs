//! Writing the domain's types as JSON, compact (stored progress) or indented (the export file),
//! byte for byte as serde_json writes their serde derives: fields in the order the type lists
//! them, strings escaped as serde_json escapes them, floats in their shortest form.
//! `tests/decoders_fuzz.rs` compares the two on every progress it reads.

use super::value::{float_text, Value};
use crate::domain::keyed::{KeySet, Keyed};

/// JSON text being written.
pub struct Writer {
    text: String,
    indented: bool,
    depth: usize,
    /// Whether the list or object being written has no element yet.
    empty: bool,
}

/// A value as JSON.
pub trait ToJson {
    fn write(&self, out: &mut Writer);
}

/// `value` as compact JSON (`{"a":[1,2]}`).
pub fn to_text<T: ToJson + ?Sized>(value: &T) -> String {
    write_with(value, false)
}

/// `value` as JSON indented by two spaces, one element per line.
pub fn to_indented_text<T: ToJson + ?Sized>(value: &T) -> String {
    write_with(value, true)
}

fn write_with<T: ToJson + ?Sized>(value: &T, indented: bool) -> String {
    let mut out = Writer {
        text: String::new(),
        indented,
        depth: 0,
        empty: true,
    };
    value.write(&mut out);
    out.text
}

impl Writer {
    fn new_line(&mut self) {
        if self.indented {
            self.text.push('\n');
            for _ in 0..self.depth {
                self.text.push_str("  ");
            }
        }
    }

    fn open(&mut self, bracket: char) {
        self.text.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.empty {
            self.new_line();
        }
        self.text.push(bracket);
        self.empty = false;
    }

    /// Before each element of a list or object.
    fn element(&mut self) {
        if !self.empty {
            self.text.push(',');
        }
        self.new_line();
        self.empty = false;
    }

    pub fn object(&mut self) {
        self.open('{');
    }

    pub fn end_object(&mut self) {
        self.close('}');
    }

    /// A field of the object being written: its key, then `value`.
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        value.write(self);
    }

    fn key(&mut self, key: &str) {
        self.element();
        self.string(key);
        self.text.push(':');
        if self.indented {
            self.text.push(' ');
        }
    }

    /// A list of `items`, each written by `write`.
    pub fn list<'a, T: 'a>(
        &mut self,
        items: impl IntoIterator<Item = &'a T>,
        write: impl Fn(&T, &mut Writer),
    ) {
        self.open('[');
        for item in items {
            self.element();
            write(item, self);
        }
        self.close(']');
    }

    pub fn null(&mut self) {
        self.text.push_str("null");
    }

    pub fn raw(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t` … or `\u001f`.
    pub fn string(&mut self, s: &str) {
        self.text.push('"');
        for c in s.chars() {
            match c {
                '"' => self.text.push_str("\\\""),
                '\\' => self.text.push_str("\\\\"),
                '\n' => self.text.push_str("\\n"),
                '\r' => self.text.push_str("\\r"),
                '\t' => self.text.push_str("\\t"),
                '\u{8}' => self.text.push_str("\\b"),
                '\u{c}' => self.text.push_str("\\f"),
                c if c < ' ' => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.text.push_str("\\u00");
                    self.text.push(HEX[c as usize >> 4] as char);
                    self.text.push(HEX[c as usize & 15] as char);
                }
                c => self.text.push(c),
            }
        }
        self.text.push('"');
    }
}

impl ToJson for str {
    fn write(&self, out: &mut Writer) {
        out.string(self);
    }
}

impl ToJson for String {
    fn write(&self, out: &mut Writer) {
        out.string(self);
    }
}

impl ToJson for bool {
    fn write(&self, out: &mut Writer) {
        out.raw(if *self { "true" } else { "false" });
    }
}

impl ToJson for u64 {
    fn write(&self, out: &mut Writer) {
        out.raw(&self.to_string());
    }
}

macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write(&self, out: &mut Writer) {
                (*self as u64).write(out);
            }
        }
    )*};
}
whole_numbers!(u8, u32, usize);

/// A float in its shortest form; NaN and the infinities, which JSON has no numbers for, as
/// `null`.
impl ToJson for f64 {
    fn write(&self, out: &mut Writer) {
        if self.is_finite() {
            out.raw(&float_text(*self));
        } else {
            out.null();
        }
    }
}

/// `null` for `None`.
impl<T: ToJson> ToJson for Option<T> {
    fn write(&self, out: &mut Writer) {
        match self {
            Some(value) => value.write(out),
            None => out.null(),
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write(&self, out: &mut Writer) {
        out.list(self, T::write);
    }
}

/// A pair as a list of two.
impl ToJson for (u8, u8) {
    fn write(&self, out: &mut Writer) {
        out.list(&[self.0, self.1], u8::write);
    }
}

/// An object, in key order.
impl<V: ToJson> ToJson for Keyed<V> {
    fn write(&self, out: &mut Writer) {
        out.object();
        for (key, value) in self.iter() {
            out.field(key, value);
        }
        out.end_object();
    }
}

/// A list of strings, in order.
impl ToJson for KeySet {
    fn write(&self, out: &mut Writer) {
        out.list(self, String::write);
    }
}

impl ToJson for Value {
    fn write(&self, out: &mut Writer) {
        match self {
            Value::Null => out.null(),
            Value::Bool(b) => b.write(out),
            // A number read is finite, and shows as JSON writes it.
            Value::Number(n) => out.raw(&n.to_string()),
            Value::String(s) => out.string(s),
            Value::Array(items) => items.write(out),
            Value::Object(map) => map.write(out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::value::parse;
    use super::*;

    #[test]
    fn floats_are_written_as_serde_json_writes_them() {
        for f in [
            0.0,
            -0.0,
            0.5,
            1e21,
            1e-7,
            123456.789,
            2.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
        ] {
            assert_eq!(to_text(&f), serde_json::to_string(&f).unwrap(), "{f}");
        }
    }

    #[test]
    fn values_are_written_compact_and_indented() {
        let v =
            parse(r#"{"b": [1, -2, 0.5, 1e21, true, null, [], {}], "a": "q\"\\\n\u001f\u007fé"}"#)
                .unwrap();
        assert_eq!(
            to_text(&v),
            r#"{"a":"q\"\\\n\u001féé","b":[1,-2,0.5,1e+21,true,null,[],{}]}"#
                .replace("éé", "\u{7f}é")
        );
        assert_eq!(
            to_indented_text(&v),
            "{\n  \"a\": \"q\\\"\\\\\\n\\u001f\u{7f}é\",\n  \"b\": [\n    1,\n    -2,\n    0.5,\n    1e+21,\n    true,\n    null,\n    [],\n    {}\n  ]\n}"
        );
        assert_eq!(to_text(&f64::NAN), "null");
        assert_eq!(to_text(&Some(2.0)), "2.0");
    }
}

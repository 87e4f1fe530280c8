//! JSON for the domain's types, by hand: the parser and value (`value.rs`), the writer
//! (`write.rs`), and here the readers of a value into the types, in serde's words when it is
//! refused. serde_json is not in the app: its parser, its `Value` and the serde machinery around
//! them were about 25 KB of the release wasm (9 KB brotli) that these replace.
//!
//! The profile's and saved progress's types are read with these, not with their serde
//! `Deserialize` derives. A derive compiles a visitor for each type and each container of it, and
//! serde's machinery for reading a `Value` and for internally tagged enums comes with them; these
//! readers are one small function per type over shared parts. Measured on the release wasm: the
//! profile's types 17.8 KB smaller (2.4 KB brotli), then saved progress's 38.0 KB (11.8 KB
//! brotli), when no derive was left to read anything. The derives stay as the reference that
//! `tests/decoders_fuzz.rs` compares these readers with, case by case, on a hundred thousand
//! mutated profiles, indexes, saved progress and exports each.
//!
//! A refusal reads as serde's does (`missing field `title``, `invalid type: string "hard",
//! expected u8`, `unknown field `colour`, expected one of …`), so that an author sees the same
//! messages whichever reads the file. Where serde would name the first problem in the order of
//! the object's keys, these name an unknown field first and then the fields in the order the type
//! lists them. serde also reads a struct, or a tagged variant, from a list of its values
//! (`["T", "https://…"]`); no file Fitcheck reads is written so, and these take objects only.

mod value;
mod write;

pub use value::{float_text, parse, Map, Number, SyntaxError, Value};
pub use write::{to_indented_text, to_text, ToJson, Writer};

use super::keyed::{KeySet, Keyed};
use super::problem::shown_number;

/// A refusal, as a clause (`missing field `id``).
pub type Refusal = String;

/// How serde names a JSON value that is not of the kind expected.
fn unexpected(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(Number::Float(f)) => format!("floating point `{}`", shown_float(*f)),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".to_owned(),
        Value::Object(_) => "map".to_owned(),
    }
}

/// A float as serde shows one: always with a decimal point (`1.0`, `0.25`).
fn shown_float(f: f64) -> String {
    let mut text = shown_number(f);
    if f.is_finite() && !text.contains(['.', 'e', 'E']) {
        text.push_str(".0");
    }
    text
}

/// `invalid type: <what value is>, expected <expected>`.
pub fn invalid_type(value: &Value, expected: &str) -> Refusal {
    format!("invalid type: {}, expected {expected}", unexpected(value))
}

/// serde's list of the names allowed: "expected `a`", "expected `a` or `b`", "expected one of
/// `a`, `b`, `c`".
fn one_of(names: &[&str]) -> String {
    match names {
        [] => "there are none".to_owned(),
        [one] => format!("expected `{one}`"),
        [a, b] => format!("expected `{a}` or `{b}`"),
        _ => {
            let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("expected one of {}", listed.join(", "))
        }
    }
}

/// A JSON object read as a struct with known fields.
pub struct Object<'a> {
    map: &'a Map,
}

impl<'a> Object<'a> {
    /// `value` as struct `name` (as serde names it: `struct Role`) whose fields are `fields`:
    /// refused when it is not an object or has a field that is not one of them.
    pub fn new(value: &'a Value, name: &str, fields: &[&str]) -> Result<Object<'a>, Refusal> {
        let Value::Object(map) = value else {
            return Err(invalid_type(value, name));
        };
        if let Some(key) = map.keys().find(|k| !fields.contains(&k.as_str())) {
            return Err(format!("unknown field `{key}`, {}", one_of(fields)));
        }
        Ok(Object { map })
    }

    /// `value` as a variant of the internally tagged enum `name` (`internally tagged enum
    /// Answer`): an object whose field `tag` names one of `variants`. The place of the variant,
    /// and the object, whose other fields
    /// must be the variant's `fields`; a variant without fields (`None`) takes any others, as
    /// serde's derive does.
    pub fn tagged(
        value: &'a Value,
        name: &str,
        tag: &str,
        variants: &[&str],
        fields: &[Option<&[&str]>],
    ) -> Result<(usize, Object<'a>), Refusal> {
        let Value::Object(map) = value else {
            return Err(invalid_type(value, name));
        };
        let place = match map.get(tag) {
            None => return Err(format!("missing field `{tag}`")),
            Some(Value::String(s)) => variants
                .iter()
                .position(|v| v == s)
                .ok_or_else(|| format!("unknown variant `{s}`, {}", one_of(variants)))?,
            Some(other) => return Err(invalid_type(other, "variant identifier")),
        };
        if let Some(own) = fields[place] {
            if let Some(key) = map.keys().find(|k| *k != tag && !own.contains(&k.as_str())) {
                return Err(format!("unknown field `{key}`, {}", one_of(own)));
            }
        }
        Ok((place, Object { map }))
    }

    /// A field that must be there.
    pub fn required<T>(
        &self,
        key: &str,
        read: fn(&Value) -> Result<T, Refusal>,
    ) -> Result<T, Refusal> {
        match self.map.get(key) {
            Some(value) => read(value),
            None => Err(format!("missing field `{key}`")),
        }
    }

    /// A field that may be missing or `null` (an `Option`).
    pub fn optional<T>(
        &self,
        key: &str,
        read: fn(&Value) -> Result<T, Refusal>,
    ) -> Result<Option<T>, Refusal> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(value).map(Some),
        }
    }

    /// A field that may be missing, then `default` (serde's `#[serde(default)]`).
    pub fn or<T>(
        &self,
        key: &str,
        read: fn(&Value) -> Result<T, Refusal>,
        default: T,
    ) -> Result<T, Refusal> {
        match self.map.get(key) {
            Some(value) => read(value),
            None => Ok(default),
        }
    }
}

pub fn string(value: &Value) -> Result<String, Refusal> {
    match value {
        Value::String(s) => Ok(s.clone()),
        _ => Err(invalid_type(value, "a string")),
    }
}

pub fn boolean(value: &Value) -> Result<bool, Refusal> {
    match value {
        Value::Bool(b) => Ok(*b),
        _ => Err(invalid_type(value, "a boolean")),
    }
}

/// A whole number from 0 to `max`, named `name` (`u8`) as serde names the type.
fn whole(value: &Value, max: u64, name: &str) -> Result<u64, Refusal> {
    let Value::Number(n) = value else {
        return Err(invalid_type(value, name));
    };
    match (n.as_u64(), n.as_i64()) {
        (Some(u), _) if u <= max => Ok(u),
        (Some(_), _) | (None, Some(_)) => {
            Err(format!("invalid value: integer `{n}`, expected {name}"))
        }
        (None, None) => Err(invalid_type(value, name)),
    }
}

pub fn u8(value: &Value) -> Result<u8, Refusal> {
    whole(value, u64::from(u8::MAX), "u8").map(|n| n as u8)
}

pub fn u32(value: &Value) -> Result<u32, Refusal> {
    whole(value, u64::from(u32::MAX), "u32").map(|n| n as u32)
}

pub fn u64(value: &Value) -> Result<u64, Refusal> {
    whole(value, u64::MAX, "u64")
}

pub fn usize(value: &Value) -> Result<usize, Refusal> {
    whole(value, usize::MAX as u64, "usize").map(|n| n as usize)
}

/// Two levels written as a JSON list of two (`[40, 55]`).
pub fn u8_pair(value: &Value) -> Result<(u8, u8), Refusal> {
    const NAME: &str = "a tuple of size 2";
    let Value::Array(items) = value else {
        return Err(invalid_type(value, NAME));
    };
    match items.as_slice() {
        [a, b] => Ok((u8(a)?, u8(b)?)),
        [a] => {
            u8(a)?;
            Err(format!("invalid length 1, expected {NAME}"))
        }
        [] => Err(format!("invalid length 0, expected {NAME}")),
        [a, b, ..] => {
            u8(a)?;
            u8(b)?;
            Err(format!(
                "invalid length {}, expected fewer elements in array",
                items.len()
            ))
        }
    }
}

/// A JSON object of values read by `read`, in key order.
pub fn keyed<T>(
    value: &Value,
    read: fn(&Value) -> Result<T, Refusal>,
) -> Result<Keyed<T>, Refusal> {
    match value {
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| read(v).map(|v| (k.clone(), v)))
            .collect(),
        _ => Err(invalid_type(value, "a map")),
    }
}

/// A JSON list of strings, as a set.
pub fn key_set(value: &Value) -> Result<KeySet, Refusal> {
    strings(value).map(|keys| keys.into_iter().collect())
}

/// Any JSON number.
pub fn f64(value: &Value) -> Result<f64, Refusal> {
    value.as_f64().ok_or_else(|| invalid_type(value, "f64"))
}

/// A JSON list, each element read by `read`.
pub fn list<T>(value: &Value, read: fn(&Value) -> Result<T, Refusal>) -> Result<Vec<T>, Refusal> {
    match value {
        Value::Array(items) => items.iter().map(read).collect(),
        _ => Err(invalid_type(value, "a sequence")),
    }
}

pub fn strings(value: &Value) -> Result<Vec<String>, Refusal> {
    list(value, string)
}

/// The place in `names` of the unit variant `value` names: a string, or (as serde also reads
/// one) an object whose one key is the name and whose value is `null`.
pub fn variant(value: &Value, names: &[&str]) -> Result<usize, Refusal> {
    let name = match value {
        Value::String(name) => name,
        Value::Object(map) if map.len() == 1 => {
            let (name, content) = map.iter().next().expect("one entry");
            if !content.is_null() {
                return Err(invalid_type(content, "unit"));
            }
            name
        }
        Value::Object(_) => {
            return Err("invalid value: map, expected map with a single key".to_owned())
        }
        _ => return Err(invalid_type(value, "string or map")),
    };
    names
        .iter()
        .position(|n| n == name)
        .ok_or_else(|| format!("unknown variant `{name}`, {}", one_of(names)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::{json, Value as Reference};

    /// The reference: what serde's own deserialiser says of the same value.
    fn serde_says<T: for<'de> Deserialize<'de>>(value: &Reference) -> Result<(), String> {
        T::deserialize(value).map(|_| ()).map_err(|e| e.to_string())
    }

    /// The same value as this module reads it.
    fn ours_of(value: &Reference) -> Value {
        parse(&value.to_string()).expect("serde_json writes JSON")
    }

    fn ours<T>(read: fn(&Value) -> Result<T, Refusal>, value: &Reference) -> Result<(), String> {
        read(&ours_of(value)).map(|_| ())
    }

    #[test]
    fn values_of_the_wrong_kind_are_refused_in_serdes_words() {
        let values = [
            json!(null),
            json!(true),
            json!(7),
            json!(-3),
            json!(300),
            json!(5_000_000_000u64),
            json!(-5_000_000_000i64),
            json!(1.5),
            json!(2.0),
            json!(1e300),
            json!("hard"),
            json!("quo\"te\n"),
            json!([1]),
            json!({"a": 1}),
        ];
        for v in &values {
            assert_eq!(ours(string, v), serde_says::<String>(v), "{v}");
            assert_eq!(ours(boolean, v), serde_says::<bool>(v), "{v}");
            assert_eq!(ours(u8, v), serde_says::<u8>(v), "{v}");
            assert_eq!(ours(u32, v), serde_says::<u32>(v), "{v}");
            assert_eq!(ours(f64, v), serde_says::<f64>(v), "{v}");
            assert_eq!(ours(strings, v), serde_says::<Vec<String>>(v), "{v}");
        }
    }

    #[derive(Deserialize, Debug, PartialEq, Clone, Copy)]
    #[serde(rename_all = "snake_case")]
    enum Count {
        One,
        Two,
        Three,
    }

    #[test]
    fn variants_are_read_and_refused_as_serde_does() {
        let names = ["one", "two", "three"];
        for v in [
            json!("two"),
            json!("four"),
            json!(3),
            json!(null),
            json!({"three": null}),
            json!({"three": 1}),
            json!({"four": null}),
            json!({"one": null, "two": null}),
            json!([]),
        ] {
            let reference = Count::deserialize(&v).map_err(|e| e.to_string());
            let read = variant(&ours_of(&v), &names);
            match (&reference, &read) {
                (Ok(r), Ok(i)) => assert_eq!(*r, [Count::One, Count::Two, Count::Three][*i], "{v}"),
                (Err(a), Err(b)) => assert_eq!(a, b, "{v}"),
                _ => panic!("{v}: serde {reference:?}, ours {read:?}"),
            }
        }
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
    enum Tagged {
        Rating { level: u8 },
        Skipped,
    }

    fn tagged(value: &Value) -> Result<Tagged, Refusal> {
        const LEVEL: &[&str] = &["level"];
        let (variant, o) = Object::tagged(
            value,
            "internally tagged enum Tagged",
            "kind",
            &["rating", "skipped"],
            &[Some(LEVEL), None],
        )?;
        Ok(match variant {
            0 => Tagged::Rating {
                level: o.required("level", u8)?,
            },
            _ => Tagged::Skipped,
        })
    }

    #[test]
    fn tagged_variants_pairs_and_maps_are_read_as_serde_reads_them() {
        for v in [
            json!({"kind": "rating", "level": 2}),
            json!({"kind": "rating"}),
            json!({"kind": "rating", "level": 2, "x": 1}),
            json!({"kind": "skipped", "level": 2}),
            json!({"kind": "other"}),
            json!({"kind": 1}),
            json!({"kind": null}),
            json!({"level": 2}),
            json!("rating"),
        ] {
            let reference = Tagged::deserialize(&v).map_err(|e| e.to_string());
            assert_eq!(tagged(&ours_of(&v)), reference, "{v}");
        }
        // serde also reads a list whose first element is the tag (`["rating", 2]`); progress is
        // never written so, and these readers take objects only.
        for v in [json!(["rating", 2]), json!(["skipped"])] {
            assert!(
                Tagged::deserialize(&v).is_ok() && tagged(&ours_of(&v)).is_err(),
                "{v}"
            );
        }
        for v in [
            json!([1, 2]),
            json!([1]),
            json!([]),
            json!([1, 2, 3]),
            json!(["a", 2]),
            json!([1, 300, 3]),
            json!("x"),
        ] {
            let reference = <(u8, u8)>::deserialize(&v).map_err(|e| e.to_string());
            assert_eq!(u8_pair(&ours_of(&v)), reference, "{v}");
        }
        for v in [
            json!({"b": 1, "a": 2}),
            json!({"a": "x"}),
            json!([1]),
            json!(null),
        ] {
            let reference = std::collections::BTreeMap::<String, u64>::deserialize(&v)
                .map(|m| m.into_iter().collect::<Vec<_>>())
                .map_err(|e| e.to_string());
            let ours = keyed(&ours_of(&v), u64).map(|m| m.into_iter().collect::<Vec<_>>());
            assert_eq!(ours, reference, "{v}");
        }
    }

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Pair {
        title: String,
        url: String,
    }

    fn pair(value: &Value) -> Result<(String, String), Refusal> {
        let o = Object::new(value, "struct Pair", &["title", "url"])?;
        Ok((o.required("title", string)?, o.required("url", string)?))
    }

    #[test]
    fn objects_are_refused_as_serde_refuses_them() {
        for v in [
            json!({"title": "t", "url": "u"}),
            json!({"title": "t"}),
            json!({"title": "t", "url": "u", "colour": 1}),
            json!({"title": 1, "url": "u"}),
            json!("x"),
            json!(null),
        ] {
            assert_eq!(ours(pair, &v), serde_says::<Pair>(&v), "{v}");
        }
        let names = |n: &[&str]| one_of(n);
        assert_eq!(names(&["a"]), "expected `a`");
        assert_eq!(names(&["a", "b"]), "expected `a` or `b`");
        assert_eq!(names(&["a", "b", "c"]), "expected one of `a`, `b`, `c`");
    }
}

//! The decoders of outside data never panic, and every refusal is a readable clause, at scale.
//!
//! Five decoders read text Fitcheck does not control: the profile parser ([`load_profile`], which
//! is `parse_profile` then `validate`), the profile index parser ([`parse_index`]), the saved
//! progress decoder ([`decode_progress`]), the progress file import ([`import_progress`]) and the
//! share link decoder ([`SharedSummary::decode`]). Each one is fed at least [`MIN_CASES`] inputs:
//!
//! * arbitrary bytes (read as lossy UTF-8) and arbitrary Unicode strings;
//! * real valid documents (the sample fixture, slices of the shipped profiles, progress from
//!   `Progress::new(..).encode()` with answers, exports from `export_progress`, links from
//!   `SharedSummary::from_assessment(..).encode()`), both as they are and mutated with knowledge
//!   of their structure: fields deleted, duplicated, renamed, retyped; huge, negative, fractional
//!   and out-of-range numbers; very long, empty, control-character and non-ASCII strings; deep
//!   nesting; wrong schema versions; option indices out of range; and then, at the text level,
//!   truncation at any byte, bit flips, duplicated keys, `NaN`/`Infinity`/lone surrogates, …
//!   Share links are also mutated in their decoded bytes, with the check byte recomputed, so
//!   that the mutations reach the field checks behind it.
//!
//! Every case runs under `catch_unwind` with the panic message kept quiet; the test fails listing
//! the first inputs that panicked, that were refused with an unreadable message, or that were
//! accepted but misbehave: do not read back the same after being written out (a profile or index
//! through `serde_json::to_string`, progress through `Progress::encode`, practice answers through
//! `Practice::encode`, progress again through `export_progress` and the import), or hold values
//! the decoder promises to exclude (another profile's progress, an answer that does not fit, a
//! schema version other than this build's, an index whose default it does not list, a share
//! figure out of range). The decoders are the types' serde derives read through serde_json, so
//! the test checks what they promise, not how they read JSON. The counts are printed, straight to
//! stderr so that they show without `--nocapture`, as e.g.
//! `profile parser: 100000 cases, 0 panics, 73412 refusals, 26588 accepted, …`.
//!
//! Run: `cargo test --test decoders_fuzz`. Environment:
//! * `FITCHECK_FUZZ_CASES`: cases per decoder, default and minimum 100000;
//! * `FITCHECK_FUZZ_SEED`: the seed (decimal or `0x…` hex), or `random`; the default is fixed so
//!   that CI is reproducible;
//! * `FITCHECK_FUZZ_ONLY`: run one case number only, printing its whole input (to reproduce a
//!   reported case).

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::io::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use fitcheck::domain::candidate::answer::{Answer, Answers};
use fitcheck::domain::candidate::check::{ratings_step_id, Mode};
use fitcheck::domain::candidate::evidence::Evidence;
use fitcheck::domain::candidate::practice::Practice;
use fitcheck::domain::candidate::progress::restore::{decode_progress, fits};
use fitcheck::domain::candidate::progress::{Progress, PROGRESS_SCHEMA_VERSION};
use fitcheck::domain::candidate::transfer::{
    export_progress, import_progress, EXPORT_FORMAT, EXPORT_VERSION,
};
use fitcheck::domain::load_profile;
use fitcheck::domain::measure::verdict::Verdict;
use fitcheck::domain::profile::problem::Problem;
use fitcheck::domain::profile::validate::is_slug;
use fitcheck::domain::profile::{
    parse_index, Profile, QuestionKind, MAX_LEVEL, PROFILE_SCHEMA_VERSION,
};
use fitcheck::domain::report::scoring::assess;
use fitcheck::domain::report::share::{SharedSummary, SHARE_VERSION};
use serde_json::{json, Map, Value};

/// Cases per decoder that CI runs; `FITCHECK_FUZZ_CASES` may raise it, never lower it.
const MIN_CASES: usize = 100_000;
const DEFAULT_SEED: u64 = 0x00F1_7C4E_C4D3_C0DE;
/// How many findings of each kind a failure lists.
const LISTED: usize = 5;

// ---------------------------------------------------------------------------------------------
// The readability check
// ---------------------------------------------------------------------------------------------

/// The longest refusal a person should be shown. The longest real ones (a serde "unknown field"
/// listing every field of a question, after a location) are about 300 characters, so a message
/// near this length has copied a piece of the input whole.
const MAX_MESSAGE_CHARS: usize = 1000;
/// The longest location of a profile problem (`questions[12] (py-gil-1)`, `role.title`).
const MAX_LOCATION_CHARS: usize = 200;

/// Text that only reaches a message through a `{:?}` of an error, an `Option` or a `Result`, or
/// from a panic. It is allowed when the input itself contains it (the message quotes the input).
const DEBUG_LEAKS: &[&str] = &[
    "Some(",
    "None",
    "Ok(",
    "Err(",
    "Error(",
    "Problem {",
    "ProgressError",
    "ImportError",
    "ShareError",
    "NotJson",
    "NoVersion",
    "FromTheFuture",
    "OtherProfile",
    "Malformed",
    "UnknownVersion",
    "Damaged",
    "Unreadable",
    "DoesNotFit",
    "Empty",
    "panicked",
    "unwrap()",
    "RUST_BACKTRACE",
];

/// Why `message` is not a readable refusal, or `None` when it is one.
///
/// The codebase's convention: a decoder's refusal is a *clause* that the UI completes. The UI
/// writes "Your saved progress could not be read: {error}." and "Nothing was changed: {error}.",
/// capitalises share errors and adds the full stop (`as_sentence`), and lists profile problems
/// as `location: message`; the messages themselves start in lower case ("it is not valid JSON
/// (…)", "the link is damaged: …", "3 answer(s) in the file do not fit …", "is missing",
/// "`Bad Id` must be lower-case …"). So a readable refusal
/// 1. is not empty, and neither starts nor ends with whitespace;
/// 2. starts like a clause: a lower-case letter, a digit, or a backtick quoting a name;
/// 3. does not end with a full stop (the UI adds one; it would read "..");
/// 4. is at most [`MAX_MESSAGE_CHARS`] characters, so a huge input is never echoed whole;
/// 5. is printable: no control characters (a raw newline, tab, NUL or escape from the input);
/// 6. shows no Rust internals: none of [`DEBUG_LEAKS`] unless the input contains it.
fn unreadable(message: &str, input: &str) -> Option<String> {
    let Some(first) = message.chars().next() else {
        return Some("it is empty".into());
    };
    if message.trim() != message {
        return Some("it starts or ends with whitespace".into());
    }
    if !(first.is_lowercase() || first.is_ascii_digit() || first == '`') {
        return Some(format!(
            "it starts with {first:?}, not like a clause (lower case, digit or backtick)"
        ));
    }
    if message.ends_with('.') {
        return Some("it ends with a full stop, and the UI adds another".into());
    }
    let length = message.chars().count();
    if length > MAX_MESSAGE_CHARS {
        return Some(format!(
            "it is {length} characters long (at most {MAX_MESSAGE_CHARS})"
        ));
    }
    if let Some(c) = message.chars().find(|c| c.is_control()) {
        return Some(format!("it contains the control character {c:?}"));
    }
    if let Some(leak) = leak_in(message).filter(|leak| !input.contains(leak)) {
        return Some(format!("it shows Rust internals ({leak:?})"));
    }
    None
}

/// The first of [`DEBUG_LEAKS`] in `message`. (`str::contains` for each of them is slow in a
/// debug build, and this runs for every refusal; the leaks are looked for only where one starts.)
fn leak_in(message: &str) -> Option<&'static str> {
    const STARTS: [bool; 256] = {
        let mut starts = [false; 256];
        let mut i = 0;
        while i < DEBUG_LEAKS.len() {
            starts[DEBUG_LEAKS[i].as_bytes()[0] as usize] = true;
            i += 1;
        }
        starts
    };
    let bytes = message.as_bytes();
    (0..bytes.len())
        .filter(|&i| STARTS[bytes[i] as usize])
        .find_map(|i| {
            DEBUG_LEAKS
                .iter()
                .find(|leak| bytes[i..].starts_with(leak.as_bytes()))
                .copied()
        })
}

/// Why a profile problem is not readable: its location must name a place (non-empty, trimmed,
/// printable, at most [`MAX_LOCATION_CHARS`]), its message must pass [`unreadable`], and so must
/// the length of the whole `location: message` line.
fn problem_unreadable(problem: &Problem, input: &str) -> Option<String> {
    let location = &problem.location;
    if location.is_empty() || location.trim() != location {
        return Some(format!("its location {location:?} names no place"));
    }
    if location.chars().count() > MAX_LOCATION_CHARS {
        return Some(format!(
            "its location is {} characters long (at most {MAX_LOCATION_CHARS})",
            location.chars().count()
        ));
    }
    if let Some(c) = location.chars().find(|c| c.is_control()) {
        return Some(format!("its location contains the control character {c:?}"));
    }
    if let Some(why) = unreadable(&problem.message, input) {
        return Some(format!("its message: {why}"));
    }
    let whole = problem.to_string().chars().count();
    (whole > MAX_MESSAGE_CHARS)
        .then(|| format!("the whole line is {whole} characters long (at most {MAX_MESSAGE_CHARS})"))
}

#[test]
fn the_readability_check_refuses_bad_messages() {
    let bad = [
        "",
        " it is not valid JSON",
        "It is not valid JSON",
        "it is not valid JSON.",
        "it is\nnot valid JSON",
        "it is not valid JSON (Error(\"EOF\", line: 1, column: 0))",
        "its contents are damaged (Some(\"x\"))",
        "Malformed(\"missing field\")",
        "NotJson",
        "{ location: \"file\" }",
        "thread 'main' panicked at src/domain/share.rs:1:1",
    ];
    for message in bad {
        assert!(
            unreadable(message, "{}").is_some(),
            "{message:?} passed the check"
        );
    }
    let long = format!(
        "it belongs to another role profile (`{}`)",
        "x".repeat(5000)
    );
    assert!(unreadable(&long, &long).is_some(), "a giant echo passed");
    let good = [
        "it is not valid JSON (EOF while parsing a value at line 1 column 0)",
        "it has no `schema_version`, so it is not Fitcheck progress",
        "the link is damaged: it is cut off. Ask for the link again, copied whole",
        "3 answer(s) in the file do not fit this role's questions (first: …)",
        "`Bad Id` must be lower-case letters, digits and dashes",
    ];
    for message in good {
        assert_eq!(unreadable(message, "{}"), None, "{message:?}");
    }
    // Quoting the input is fine even when the input looks like Rust.
    assert_eq!(
        unreadable(
            "it belongs to another role profile (`Some(x)`)",
            r#"{"profile_id":"Some(x)"}"#
        ),
        None
    );
    assert!(problem_unreadable(&Problem::new("", "is missing"), "{}").is_some());
    assert!(problem_unreadable(&Problem::new("file", ""), "{}").is_some());
    assert!(problem_unreadable(&Problem::new("a\nb", "is missing"), "{}").is_some());
    assert!(problem_unreadable(&Problem::new("x".repeat(300), "is missing"), "{}").is_some());
    assert_eq!(
        problem_unreadable(&Problem::new("questions[3] (py-q1)", "is missing"), "{}"),
        None
    );
}

// ---------------------------------------------------------------------------------------------
// Panics caught quietly
// ---------------------------------------------------------------------------------------------

thread_local! {
    /// True while this thread runs a case: its panics are recorded instead of printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs, once per process, a panic hook that records the message of a panic on a thread
/// running a case and hands every other panic to the hook it replaced. The tests of this file run
/// in parallel, so swapping the process-wide hook in and out around each case would race (one
/// test could restore a silent hook while another's assertion fails); a hook that is quiet only
/// for the cases of the thread that asked is the same as silencing and restoring, without the
/// race.
fn quiet_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) {
                LAST_PANIC.with(|last| *last.borrow_mut() = Some(info.to_string()));
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `f`, turning a panic into `Err(its message and location)`.
fn guarded<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    quiet_panics();
    QUIET.with(|q| q.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    result.map_err(|_| {
        LAST_PANIC
            .with(|last| last.borrow_mut().take())
            .unwrap_or_else(|| "a panic without a message".into())
    })
}

#[test]
fn the_guard_catches_a_panic_with_its_message() {
    let caught = guarded(|| -> u8 { panic!("boom {}", 7) });
    let message = caught.expect_err("the panic is caught");
    assert!(message.contains("boom 7"), "{message}");
    assert_eq!(guarded(|| 5), Ok(5));
}

// ---------------------------------------------------------------------------------------------
// A seeded generator
// ---------------------------------------------------------------------------------------------

/// splitmix64: small, fast, and every case is reproducible from the seed and its number.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// A number in `low..=high`.
    fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A length: mostly short, sometimes long, now and then huge.
    fn length(&mut self) -> usize {
        match self.below(100) {
            0..=59 => self.below(33),
            60..=89 => self.below(513),
            90..=98 => self.below(4097),
            _ => self.below(20_001),
        }
    }
}

fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    let text = text.trim();
    let parsed = match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => text.parse(),
    };
    Some(parsed.unwrap_or_else(|_| panic!("{name}={text:?} is not a number")))
}

fn case_count() -> usize {
    env_number("FITCHECK_FUZZ_CASES").map_or(MIN_CASES, |n| n as usize)
}

fn base_seed() -> u64 {
    if std::env::var("FITCHECK_FUZZ_SEED").is_ok_and(|s| s.trim() == "random") {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
        return now.as_nanos() as u64 ^ u64::from(std::process::id());
    }
    env_number("FITCHECK_FUZZ_SEED").unwrap_or(DEFAULT_SEED)
}

// ---------------------------------------------------------------------------------------------
// Inputs: arbitrary text
// ---------------------------------------------------------------------------------------------

/// Bytes that JSON and base64 are made of, so that random text gets past the first character.
const JSONISH: &[u8] = b"{}[]\",:0123456789-+.eE truefalsnul\\/\n\t_#=AZaz";
const SPECIAL_CHARS: &[char] = &[
    '\u{feff}',
    '\u{202e}',
    '\u{2028}',
    '\u{fffd}',
    '\u{301}',
    '\u{200b}',
    '\u{1f600}',
    'é',
    'ß',
    'İ',
    '\u{0}',
    '\u{10ffff}',
    'ﬃ',
    '\u{1b}',
    '\u{7f}',
    '\u{85}',
    '`',
    '\u{2014}',
];

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let len = rng.length();
    let mode = rng.below(3);
    (0..len)
        .map(|_| match mode {
            0 => rng.next() as u8,
            1 => *rng.pick(JSONISH),
            _ if rng.chance(80) => *rng.pick(JSONISH),
            _ => rng.next() as u8,
        })
        .collect()
}

/// A case of arbitrary bytes, read as UTF-8 the lossy way, as a browser reads a file.
fn arbitrary_bytes(rng: &mut Rng) -> (&'static str, String) {
    (
        "arbitrary bytes",
        String::from_utf8_lossy(&random_bytes(rng)).into_owned(),
    )
}

/// A case of arbitrary valid Unicode.
fn arbitrary_unicode(rng: &mut Rng) -> (&'static str, String) {
    let len = rng.length();
    ("arbitrary unicode", random_unicode(rng, len))
}

fn random_char(rng: &mut Rng) -> char {
    match rng.below(20) {
        0..=7 => char::from(*rng.pick(JSONISH)),
        8..=10 => char::from(0x20 + rng.below(0x5f) as u8),
        11 => char::from(rng.below(0x20) as u8),
        12 => char::from_u32(0x7f + rng.below(0x21) as u32).unwrap(),
        13..=15 => loop {
            if let Some(c) = char::from_u32(rng.below(0x1_0000) as u32) {
                break c;
            }
        },
        16 | 17 => char::from_u32(0x1_0000 + rng.below(0x10_0000) as u32).unwrap(),
        _ => *rng.pick(SPECIAL_CHARS),
    }
}

fn random_unicode(rng: &mut Rng, len: usize) -> String {
    (0..len).map(|_| random_char(rng)).collect()
}

/// A name: empty, a slug, odd characters or noise, and now and then a huge one.
fn random_name(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => String::new(),
        // Huge names are rare: they are slow to carry around, and a few thousand are enough.
        3 if rng.chance(5) => "x".repeat(rng.range(1_001, 12_000)),
        1 | 3 => {
            let len = rng.range(1, 12);
            (0..len)
                .map(|_| char::from(*rng.pick(b"abcdefghijklmnopqrstuvwxyz0123456789-")))
                .collect()
        }
        2 => format!("{}{}", random_unicode(rng, 3), rng.below(100)),
        _ => {
            let len = rng.range(1, 16);
            random_unicode(rng, len)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Inputs: structure-aware mutation of JSON documents
// ---------------------------------------------------------------------------------------------

/// Field names and short strings seen in the valid documents, so that mutations move real names
/// and ids to places where they do not belong.
#[derive(Default)]
struct Dict {
    keys: Vec<String>,
    strings: Vec<String>,
}

impl Dict {
    fn harvest(&mut self, value: &Value) {
        let mut keys = BTreeSet::from_iter(self.keys.drain(..));
        let mut strings = BTreeSet::from_iter(self.strings.drain(..));
        fn walk(v: &Value, keys: &mut BTreeSet<String>, strings: &mut BTreeSet<String>) {
            match v {
                Value::Object(map) => {
                    for (k, v) in map {
                        keys.insert(k.clone());
                        walk(v, keys, strings);
                    }
                }
                Value::Array(items) => items.iter().for_each(|v| walk(v, keys, strings)),
                Value::String(s) if s.len() <= 64 => {
                    strings.insert(s.clone());
                }
                _ => {}
            }
        }
        walk(value, &mut keys, &mut strings);
        self.keys = keys.into_iter().collect();
        self.strings = strings.into_iter().collect();
    }

    fn key(&self, rng: &mut Rng) -> String {
        rng.pick(&self.keys).clone()
    }

    fn string(&self, rng: &mut Rng) -> String {
        rng.pick(&self.strings).clone()
    }
}

const UNSIGNED: &[u64] = &[
    0,
    1,
    2,
    3,
    4,
    5,
    9,
    10,
    40,
    41,
    100,
    101,
    127,
    128,
    254,
    255,
    256,
    1000,
    65_535,
    65_536,
    u32::MAX as u64,
    u32::MAX as u64 + 1,
    1 << 53,
    (1 << 53) + 1,
    i64::MAX as u64,
    u64::MAX,
];
const SIGNED: &[i64] = &[-1, -2, -128, -255, -256, i32::MIN as i64, i64::MIN];
const FLOATS: &[f64] = &[
    0.5,
    -0.0,
    1.0,
    3.0,
    4.0,
    4.5,
    -0.1,
    0.999_999_999,
    1e-300,
    5e-324,
    1e300,
    -1e300,
    f64::MAX,
    f64::MIN,
    f64::EPSILON,
    2.35,
];

fn interesting_number(rng: &mut Rng) -> Value {
    match rng.below(5) {
        0 | 1 => json!(*rng.pick(UNSIGNED)),
        2 => json!(*rng.pick(SIGNED)),
        3 => json!(*rng.pick(FLOATS)),
        _ => {
            // Any finite float, from its bits.
            let f = f64::from_bits(rng.next());
            if f.is_finite() {
                json!(f)
            } else {
                json!(rng.next() as f64 / 7.0)
            }
        }
    }
}

/// A value of any type, often one a real document has somewhere else.
fn interesting_value(rng: &mut Rng, dict: &Dict, depth: u32) -> Value {
    match rng.below(17) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2 => json!(rng.below(12) as i64 - 2),
        3 | 4 => interesting_number(rng),
        5 | 6 => Value::String(dict.string(rng)),
        7 => {
            let len = rng.range(1, 24);
            Value::String(random_unicode(rng, len))
        }
        8 if rng.chance(10) => {
            let unit = if rng.chance(50) {
                "x".to_owned()
            } else {
                dict.string(rng)
            };
            let times = rng.range(100, (12_000 / unit.len().max(1)).max(100));
            Value::String(unit.repeat(times))
        }
        9 => Value::String(rng.pick(&["", " ", "\t", "\n", "  x  "]).to_string()),
        10 if depth < 3 => Value::Array(
            (0..rng.below(4))
                .map(|_| interesting_value(rng, dict, depth + 1))
                .collect(),
        ),
        11 if depth < 3 => Value::Object(
            (0..rng.below(4))
                .map(|_| (dict.key(rng), interesting_value(rng, dict, depth + 1)))
                .collect(),
        ),
        12 => nested(rng, Value::Null),
        13 => Value::String(dict.string(rng).to_uppercase()),
        14 => Value::String(
            rng.pick(&["3", "1.0", "-1", "true", "null", "1e999"])
                .to_string(),
        ),
        15 => {
            let mut s = dict.string(rng);
            let at = s.char_indices().map(|(i, _)| i).nth(rng.below(s.len() + 1));
            s.insert(
                at.unwrap_or(s.len()),
                *rng.pick(&['\n', '\0', '\u{1b}', '\t', '\u{7f}']),
            );
            Value::String(s)
        }
        _ => Value::String(random_name(rng)),
    }
}

/// An object of `fields` (`json!` would serialise each value again, which is slow for big ones).
fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// `inner` wrapped in arrays and objects, up to a few hundred deep (serde_json refuses text
/// nested deeper than 128; a `Value` this deep is still written and dropped without trouble).
fn nested(rng: &mut Rng, inner: Value) -> Value {
    let depth = *rng.pick(&[1, 2, 10, 100, 127, 128, 129, 300]);
    (0..depth).fold(inner, |v, i| {
        if i % 2 == 0 {
            Value::Array(vec![v])
        } else {
            object([("id", v)])
        }
    })
}

/// A node anywhere in `root`, more often near the top.
fn random_node<'a>(rng: &mut Rng, mut node: &'a mut Value) -> &'a mut Value {
    loop {
        let children = match node {
            Value::Array(items) => items.len(),
            Value::Object(map) => map.len(),
            _ => 0,
        };
        if children == 0 || rng.chance(30) {
            return node;
        }
        let i = rng.below(children);
        node = match node {
            Value::Array(items) => &mut items[i],
            Value::Object(map) => map.values_mut().nth(i).expect("i < len"),
            _ => unreachable!("only containers have children"),
        };
    }
}

/// A value of the same kind as `current`, but wrong: for a string an empty, huge, garbled or
/// foreign one; for a number its neighbours, negatives, floats and text.
fn replacement(rng: &mut Rng, current: &Value, dict: &Dict) -> Value {
    if rng.chance(10) {
        return match rng.below(3) {
            0 => Value::Array(vec![current.clone()]),
            1 => object([("value", current.clone())]),
            _ => nested(rng, current.clone()),
        };
    }
    match current {
        Value::String(s) if rng.chance(50) => Value::String(match rng.below(7) {
            0 => String::new(),
            1 if rng.chance(10) => s.repeat(rng.range(2, (12_000 / s.len().max(1)).max(2))),
            1 => s.repeat(2),
            2 => format!("{s}{}", random_unicode(rng, 3)),
            3 => s.to_uppercase(),
            4 => s.chars().take(rng.below(s.chars().count() + 1)).collect(),
            5 => format!("{s}\n"),
            _ => dict.string(rng),
        }),
        Value::Number(n) if rng.chance(50) => {
            if let Some(i) = n.as_i64() {
                match rng.below(6) {
                    0 => json!(i.saturating_add(1)),
                    1 => json!(i.saturating_sub(1)),
                    2 => json!(i.saturating_neg()),
                    3 => json!(i.saturating_mul(1000)),
                    4 => json!(i as f64 + 0.5),
                    _ => json!(i.to_string()),
                }
            } else if let Some(u) = n.as_u64() {
                json!(u.wrapping_add(1))
            } else {
                json!(n.as_f64().unwrap_or(0.0) * -3.0)
            }
        }
        _ => interesting_value(rng, dict, 0),
    }
}

/// About how many bytes `value` takes as JSON, without writing it out.
fn size(value: &Value) -> usize {
    match value {
        Value::String(s) => s.len() + 2,
        Value::Array(items) => items.iter().map(size).sum::<usize>() + 2,
        Value::Object(map) => {
            map.iter()
                .map(|(k, v)| k.len() + 4 + size(v))
                .sum::<usize>()
                + 2
        }
        _ => 8,
    }
}

/// One structural change somewhere in `root`.
fn mutate_value(rng: &mut Rng, root: &mut Value, dict: &Dict) {
    let node = random_node(rng, root);
    match node {
        Value::Object(map) if !map.is_empty() && rng.chance(60) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let key = rng.pick(&keys).clone();
            match rng.below(6) {
                0 | 1 => {
                    map.remove(&key);
                }
                2 => {
                    let name = match rng.below(4) {
                        0 => dict.key(rng),
                        1 => key.to_uppercase(),
                        2 => format!("{key} "),
                        _ => random_name(rng),
                    };
                    let value = map.remove(&key).expect("the key is in the map");
                    map.insert(name, value);
                }
                3 => {
                    let other = rng.pick(&keys).clone();
                    let value = map[&other].clone();
                    map.insert(key, value);
                }
                4 => {
                    let value = interesting_value(rng, dict, 0);
                    map.insert(random_name(rng), value);
                }
                _ => {
                    let value = interesting_value(rng, dict, 0);
                    map.insert(dict.key(rng), value);
                }
            }
        }
        Value::Array(items) if !items.is_empty() && rng.chance(60) => {
            let i = rng.below(items.len());
            match rng.below(7) {
                0 | 1 => {
                    items.remove(i);
                }
                2 => {
                    let copy = items[i].clone();
                    let at = rng.below(items.len() + 1);
                    items.insert(at, copy);
                }
                3 => items.clear(),
                4 => {
                    let j = rng.below(items.len());
                    items.swap(i, j);
                }
                5 => items.push(interesting_value(rng, dict, 0)),
                _ => {
                    // Many copies of a small element (no more than about 20 KB in all).
                    let copy = items[i].clone();
                    let times = rng.range(2, 60).min(20_000 / size(&copy).max(1));
                    items.extend(std::iter::repeat_n(copy, times));
                }
            }
        }
        _ => *node = replacement(rng, node, dict),
    }
}

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "true",
    "NaN",
    "-NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "-1e999",
    "-0",
    "01",
    "1.",
    ".5",
    "+1",
    "0x10",
    "1_000",
    "\"\\ud800\"",
    "\"\\udfff\"",
    "\"\\u0000\"",
    "\"\\uD83D\\uDE00\"",
    "\\u0041",
    "/* c */",
    "//",
    "\u{feff}",
    "\u{0}",
    "\"\"",
    "[]",
    "{}",
    "\n",
    "  ",
];
const NUMERALS: &[&str] = &[
    "0",
    "-1",
    "255",
    "256",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775809",
    "1e308",
    "1e309",
    "2.5",
    "-0.0",
    "1E2",
    "0.0000001",
    "99999999999999999999999999999",
];

/// One change to the text of a document, blind to its structure: truncation, bit flips,
/// deleted or repeated runs, stray tokens, duplicated keys, odd numbers, deep nesting.
fn mutate_text(rng: &mut Rng, text: &str, dict: &Dict) -> String {
    let mut b = text.as_bytes().to_vec();
    let len = b.len();
    match rng.below(11) {
        0 | 1 => b.truncate(rng.below(len + 1)),
        2 => {
            for _ in 0..rng.range(1, 3) {
                if !b.is_empty() {
                    let i = rng.below(b.len());
                    b[i] ^= 1 << rng.below(8);
                }
            }
        }
        3 => {
            let i = rng.below(len + 1);
            let j = i + rng.below((len - i).min(64) + 1);
            b.drain(i..j);
        }
        4 => {
            let i = rng.below(len + 1);
            let j = i + rng.below((len - i).min(256) + 1);
            let run = b[i..j].to_vec();
            let at = rng.below(len + 1);
            b.splice(at..at, run);
        }
        5 => {
            let at = rng.below(len + 1);
            let token = rng.pick(TOKENS).as_bytes();
            b.splice(at..at, token.iter().copied());
        }
        6 => {
            // A duplicated or unknown key right after an opening brace.
            let braces: Vec<usize> = (0..len).filter(|&i| b[i] == b'{').collect();
            if !braces.is_empty() {
                let at = rng.pick(&braces) + 1;
                let key = if rng.chance(70) {
                    dict.key(rng)
                } else {
                    random_name(rng)
                };
                let value = interesting_value(rng, dict, 1);
                let field = format!("{}:{},", json!(key), value);
                b.splice(at..at, field.into_bytes());
            }
        }
        7 => {
            let digits: Vec<usize> = (0..len).filter(|&i| b[i].is_ascii_digit()).collect();
            if !digits.is_empty() {
                let start = *rng.pick(&digits);
                let end = (start..len)
                    .find(|&i| !b[i].is_ascii_digit())
                    .unwrap_or(len);
                let numeral = rng.pick(NUMERALS).as_bytes();
                b.splice(start..end, numeral.iter().copied());
            }
        }
        8 => {
            let depth = *rng.pick(&[64, 127, 128, 129, 1000, 5000]);
            let at = rng.below(len + 1);
            let open = if rng.chance(50) { "[" } else { "{\"a\":" };
            let mut deep = open.repeat(depth);
            if rng.chance(50) {
                deep.push_str(&(if open == "[" { "]" } else { "}" }).repeat(depth));
            }
            b.splice(at..at, deep.into_bytes());
        }
        9 => match rng.below(5) {
            0 => b.splice(0..0, "\u{feff}".bytes()).for_each(drop),
            1 => b.splice(0..0, *b" \n\t").for_each(drop),
            2 => b.extend_from_slice(b",}"),
            3 => b.extend_from_slice(b"{}"),
            _ => b.push(0),
        },
        _ => {
            let at = rng.below(len + 1);
            let count = rng.range(1, 8);
            let noise = random_unicode(rng, count);
            b.splice(at..at, noise.into_bytes());
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// A valid document after `1..=4` structural changes (in `sub` only, when given and present),
/// written compact or pretty, then now and then changed as text too.
fn mutated(rng: &mut Rng, mut doc: Value, dict: &Dict, sub: Option<&str>) -> String {
    let changes = *rng.pick(&[1, 1, 1, 2, 2, 3, 4]);
    for _ in 0..changes {
        let target = match sub {
            Some(key) if rng.chance(60) && doc.get(key).is_some() => &mut doc[key],
            _ => &mut doc,
        };
        mutate_value(rng, target, dict);
    }
    let mut text = if rng.chance(90) {
        json_text(&doc)
    } else {
        format!("{doc:#}")
    };
    if rng.chance(25) {
        for _ in 0..rng.range(1, 2) {
            text = mutate_text(rng, &text, dict);
        }
    }
    text
}

/// `value` as compact JSON, through its `Display`: that is compiled in serde_json, which the test
/// profile optimises (see Cargo.toml), while `serde_json::to_string::<Value>` would be compiled
/// here, unoptimised.
fn json_text(value: &Value) -> String {
    value.to_string()
}

/// A valid document changed as text only, `1..=3` times.
fn text_mutated(rng: &mut Rng, text: &str, dict: &Dict) -> String {
    let mut text = text.to_owned();
    for _ in 0..rng.range(1, 3) {
        text = mutate_text(rng, &text, dict);
    }
    text
}

// ---------------------------------------------------------------------------------------------
// The valid documents
// ---------------------------------------------------------------------------------------------

/// How many valid documents each pool holds. They are made once, before the cases, since making
/// one (writing and reading JSON) costs as much as decoding it in a debug build.
const POOL: usize = 300;

/// Valid documents, each as a value to mutate and as its text.
struct Pool(Vec<(Value, String)>);

impl Pool {
    fn new(rng: &mut Rng, mut make: impl FnMut(&mut Rng) -> Value) -> Pool {
        Pool(
            (0..POOL)
                .map(|_| {
                    let doc = make(rng);
                    let text = json_text(&doc);
                    (doc, text)
                })
                .collect(),
        )
    }

    fn pick(&self, rng: &mut Rng) -> &(Value, String) {
        rng.pick(&self.0)
    }
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const SAMPLE: &str = include_str!("../src/domain/fixtures/sample-profile.json");

/// The profiles the mutations start from: the sample fixture and every shipped profile that
/// currently loads (they are big, so most cases use a slice of one; see [`Slicer`]).
struct Profiles {
    texts: Vec<String>,
    profiles: Vec<Profile>,
    values: Vec<Value>,
    index_text: String,
    dict: Dict,
}

fn profiles() -> Profiles {
    let mut texts = vec![SAMPLE.to_owned()];
    let dir = repo().join("public/profiles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("public/profiles is a folder")
        .map(|e| e.expect("a readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.ends_with("index.json"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a readable profile");
        if load_profile(&text).is_ok() {
            texts.push(text);
        } else {
            note(&format!(
                "{} does not load now; the fuzz cases do not start from it",
                file.display()
            ));
        }
    }
    let profiles: Vec<Profile> = texts
        .iter()
        .map(|t| load_profile(t).expect("the sample fixture loads"))
        .collect();
    let values: Vec<Value> = texts
        .iter()
        .map(|t| serde_json::from_str(t).expect("a loaded profile is JSON"))
        .collect();
    let index_text =
        std::fs::read_to_string(dir.join("index.json")).expect("public/profiles/index.json");
    let mut dict = Dict::default();
    values.iter().for_each(|v| dict.harvest(v));
    if let Ok(index) = serde_json::from_str::<Value>(&index_text) {
        dict.harvest(&index);
    }
    Profiles {
        texts,
        profiles,
        values,
        index_text,
        dict,
    }
}

/// Small valid profiles cut from a real one: one or two of its areas with their requirements, a
/// self-rating and a question. A shipped profile is 200 KB; a slice is 2-4 KB, so a
/// hundred thousand of them parse in seconds and still carry real content.
struct Slicer {
    head: Map<String, Value>,
    areas: Vec<Value>,
    requirements: Vec<Value>,
    self_ratings: Vec<Value>,
    questions: Vec<Value>,
}

impl Slicer {
    fn new(profile: &Value) -> Slicer {
        let list = |key: &str| profile[key].as_array().cloned().unwrap_or_default();
        let mut head = profile.as_object().cloned().unwrap_or_default();
        for key in ["areas", "requirements", "self_ratings", "questions"] {
            head.remove(key);
        }
        Slicer {
            head,
            areas: list("areas"),
            requirements: list("requirements"),
            self_ratings: list("self_ratings"),
            questions: list("questions"),
        }
    }

    fn slice(&self, rng: &mut Rng) -> Value {
        let mut chosen: Vec<usize> = (0..self.areas.len()).collect();
        for i in (1..chosen.len()).rev() {
            let j = rng.below(i + 1);
            chosen.swap(i, j);
        }
        chosen.truncate(if rng.chance(25) { 2 } else { 1 });
        chosen.sort_unstable();
        let areas: Vec<Value> = chosen.iter().map(|&i| self.areas[i].clone()).collect();
        let area_ids: BTreeSet<&str> = areas.iter().filter_map(|a| a["id"].as_str()).collect();
        let in_areas = |item: &&Value| item["area"].as_str().is_some_and(|a| area_ids.contains(a));
        let requirements: Vec<Value> = self.requirements.iter().filter(in_areas).cloned().collect();
        let requirement_ids: BTreeSet<&str> = requirements
            .iter()
            .filter_map(|r| r["id"].as_str())
            .collect();
        let fits = |item: &&Value| {
            in_areas(item)
                && item["requirements"].as_array().is_some_and(|ids| {
                    ids.iter()
                        .all(|id| id.as_str().is_some_and(|id| requirement_ids.contains(id)))
                })
        };
        // Per area one self-rating (mostly) and up to two questions, at least one item each, so
        // that the slice is a valid profile.
        let (mut self_ratings, mut questions) = (Vec::new(), Vec::new());
        for area in &area_ids {
            let of_area = |item: &&Value| fits(item) && item["area"].as_str() == Some(area);
            let ratings: Vec<&Value> = self.self_ratings.iter().filter(of_area).collect();
            let asked: Vec<&Value> = self.questions.iter().filter(of_area).collect();
            let mut rated = false;
            if !ratings.is_empty() && (asked.is_empty() || rng.chance(70)) {
                self_ratings.push((*rng.pick(&ratings)).clone());
                rated = true;
            }
            let wanted = rng.below(2).max(usize::from(!rated));
            questions.extend(some_of(rng, &asked, wanted).into_iter().cloned());
        }
        let mut doc = self.head.clone();
        doc.insert("areas".into(), Value::Array(areas));
        doc.insert("requirements".into(), Value::Array(requirements));
        doc.insert("self_ratings".into(), Value::Array(self_ratings));
        doc.insert("questions".into(), Value::Array(questions));
        Value::Object(doc)
    }
}

/// `count` different items of `items` (all when there are fewer), in their order.
fn some_of<'a>(rng: &mut Rng, items: &[&'a Value], count: usize) -> Vec<&'a Value> {
    let mut chosen: Vec<usize> = (0..items.len()).collect();
    for i in (1..chosen.len()).rev() {
        let j = rng.below(i + 1);
        chosen.swap(i, j);
    }
    chosen.truncate(count);
    chosen.sort_unstable();
    chosen.into_iter().map(|i| items[i]).collect()
}

/// Valid progress for `profile`: some of its items answered (choices within range, ratings
/// 0-4, skips), a current item, a mode, maybe finished.
fn valid_progress(rng: &mut Rng, profile: &Profile) -> Progress {
    let mut p = Progress::new(&profile.id, rng.next());
    if rng.chance(40) {
        p.mode = Mode::Quick;
    }
    // Mostly a few answers: a full check of a shipped profile is 10 KB of JSON, slow to
    // read a hundred thousand times in a debug build.
    let rate = if rng.chance(5) {
        100
    } else {
        *rng.pick(&[0, 5, 15, 40])
    };
    for q in &profile.questions {
        if rng.chance(rate) {
            p.answers
                .insert(q.id.clone(), random_answer(rng, q.kind, q.options.len()));
        }
    }
    for s in &profile.self_ratings {
        if rng.chance(rate) {
            let answer = if rng.chance(85) {
                Answer::Rating {
                    level: rng.below(usize::from(MAX_LEVEL) + 1) as u8,
                }
            } else {
                Answer::Skipped
            };
            p.answers.insert(s.id.clone(), answer);
        }
    }
    p.current = match rng.below(4) {
        0 => None,
        1 => Some(rng.pick(&profile.questions).id.clone()),
        2 => Some(ratings_step_id(&rng.pick(&profile.areas).id)),
        _ => p.answers.keys().next_back().cloned(),
    };
    p.finished = rng.chance(20);
    if rng.chance(30) {
        p.continued = profile
            .areas
            .iter()
            .filter(|_| rng.chance(50))
            .map(|a| a.id.clone())
            .collect();
    }
    // The history and the evidence: a finished check kept as an attempt, a retake of some
    // areas after it, links to requirements.
    if rng.chance(15) {
        let date = rng.pick(&["2026-12-01", "2027-02-28"]).to_string();
        p.finish(profile, &date);
        if rng.chance(50) {
            let areas = profile
                .areas
                .iter()
                .filter(|_| rng.chance(50))
                .map(|a| a.id.clone())
                .collect();
            p.retake(profile, areas);
        }
    }
    if rng.chance(10) {
        for n in 0..rng.range(1, 4) {
            let requirement = &rng.pick(&profile.requirements).id;
            let url = format!("https://github.com/{}/{n}", random_name(rng));
            if let Ok(link) = Evidence::new(&url, "a note") {
                let _ = p.add_evidence(profile, requirement, link);
            }
        }
    }
    p
}

fn random_answer(rng: &mut Rng, kind: QuestionKind, options: usize) -> Answer {
    if rng.chance(15) {
        return Answer::Skipped;
    }
    let selected = match kind {
        QuestionKind::SingleChoice => vec![rng.below(options)],
        QuestionKind::MultipleSelect => {
            let mut chosen: Vec<usize> = (0..options).filter(|_| rng.chance(50)).collect();
            if chosen.is_empty() {
                chosen.push(rng.below(options));
            }
            chosen
        }
    };
    Answer::Choice { selected }
}

/// Valid progress as JSON, now and then as an older schema version would have stored it.
fn valid_progress_value(rng: &mut Rng, profile: &Profile) -> Value {
    let progress = valid_progress(rng, profile);
    let mut doc: Value = serde_json::from_str(&progress.encode()).expect("progress is JSON");
    if rng.chance(25) {
        let version = rng.range(1, PROGRESS_SCHEMA_VERSION as usize);
        let map = doc.as_object_mut().expect("progress is an object");
        map.insert("schema_version".into(), json!(version));
        // Each version's fields are added by the migration to the next one.
        if version < 5 {
            for field in ["run", "attempts", "focus", "seen", "evidence"] {
                map.remove(field);
            }
        }
        if version < 4 {
            map.remove("options");
            map.remove("kept_aside");
        }
        if version < 3 {
            map.remove("option_seed");
            map.remove("continued");
        }
        if version < 2 {
            map.remove("mode");
        }
    }
    doc
}

/// An answer object that is nearly right: a real kind with out-of-range or wrongly typed parts.
fn odd_answer(rng: &mut Rng, dict: &Dict) -> Value {
    match rng.below(8) {
        0 => json!({"kind": "choice", "selected": [*rng.pick(UNSIGNED)]}),
        1 => json!({"kind": "choice", "selected": []}),
        2 => json!({"kind": "choice", "selected": [0, 0, 1]}),
        3 => json!({"kind": "choice", "selected": [-1]}),
        4 => json!({"kind": "rating", "level": *rng.pick(UNSIGNED)}),
        5 => json!({"kind": "skipped", "extra": 1}),
        6 => json!({"kind": dict.string(rng)}),
        _ => json!({"kind": "choice", "selected": interesting_value(rng, dict, 1)}),
    }
}

/// One targeted change to a progress document: the fields the decoder decides on.
fn mutate_progress(rng: &mut Rng, doc: &mut Value, dict: &Dict) {
    let Some(map) = doc.as_object_mut() else {
        return;
    };
    match rng.below(6) {
        0 => {
            let version = match rng.below(3) {
                0 => json!(rng.below(PROGRESS_SCHEMA_VERSION as usize + 4)),
                1 => interesting_number(rng),
                _ => interesting_value(rng, dict, 0),
            };
            map.insert("schema_version".into(), version);
        }
        1 => {
            let id = if rng.chance(50) {
                Value::String(random_name(rng))
            } else {
                interesting_value(rng, dict, 0)
            };
            map.insert("profile_id".into(), id);
        }
        2 => {
            let id = if rng.chance(60) {
                dict.string(rng)
            } else {
                random_name(rng)
            };
            let answer = odd_answer(rng, dict);
            if let Some(Value::Object(answers)) = map.get_mut("answers") {
                answers.insert(id, answer);
            }
        }
        3 => {
            let current = if rng.chance(50) {
                Value::String(format!("self-ratings_{}", random_name(rng)))
            } else {
                interesting_value(rng, dict, 0)
            };
            map.insert("current".into(), current);
        }
        4 => {
            map.insert("option_seed".into(), interesting_number(rng));
        }
        5 if rng.chance(50) => {
            // A link or an attempt nearly right: an odd address, date or figure.
            let odd = interesting_value(rng, dict, 0);
            match rng.below(3) {
                0 => {
                    let link = json!({"url": odd, "note": "n"});
                    let requirement = dict.string(rng);
                    map.insert("evidence".into(), json!({ requirement: [link] }));
                }
                1 => {
                    if let Some(Value::Array(attempts)) = map.get_mut("attempts") {
                        if let Some(Value::Object(attempt)) = attempts.first_mut() {
                            let key = rng.pick(&["date", "number", "mode", "areas", "summary"]);
                            attempt.insert(key.to_string(), odd);
                        }
                    }
                }
                _ => {
                    let link = json!({"url": format!("https://{}", random_name(rng)), "note": odd});
                    map.insert("evidence".into(), json!({ "python-skills": [link] }));
                }
            }
        }
        _ => {
            let key = rng.pick(&[
                "mode",
                "finished",
                "continued",
                "options",
                "kept_aside",
                "run",
                "attempts",
                "focus",
                "seen",
                "evidence",
            ]);
            map.insert(key.to_string(), interesting_value(rng, dict, 0));
        }
    }
}

/// CRC-8 with polynomial 0x07, the share link's check byte (checked against real links in
/// [`shares`]), so byte-level mutations can get past it to the field checks.
fn crc8(bytes: &[u8]) -> u8 {
    // By table: bit by bit is slow in a debug build, and every made-up payload needs one.
    const TABLE: [u8; 256] = {
        let mut table = [0u8; 256];
        let mut i = 0;
        while i < 256 {
            let mut crc = i as u8;
            let mut bit = 0;
            while bit < 8 {
                crc = if crc & 0x80 != 0 {
                    (crc << 1) ^ 0x07
                } else {
                    crc << 1
                };
                bit += 1;
            }
            table[i] = crc;
            i += 1;
        }
        table
    };
    bytes
        .iter()
        .fold(0u8, |crc, &b| TABLE[usize::from(crc ^ b)])
}

/// Real share links: summaries of assessments of random answers to each profile.
fn shares(world: &Profiles, rng: &mut Rng) -> Vec<String> {
    let mut links = Vec::new();
    for profile in &world.profiles {
        for round in 0..8 {
            let mut answers = Answers::new();
            let rate = [0, 5, 30, 100][round % 4];
            for q in &profile.questions {
                if rng.chance(rate) {
                    let answer = if rng.chance(70) {
                        Answer::Choice {
                            selected: q.correct_options(),
                        }
                    } else {
                        random_answer(rng, q.kind, q.options.len())
                    };
                    answers.insert(q.id.clone(), answer);
                }
            }
            for s in &profile.self_ratings {
                if rng.chance(rate) {
                    let level = rng.below(usize::from(MAX_LEVEL) + 1) as u8;
                    answers.insert(s.id.clone(), Answer::Rating { level });
                }
            }
            let assessment = assess(profile, &answers, rng.next());
            let summary = SharedSummary::from_assessment(&profile.id, &assessment);
            // Every other link carries evidence links, so mutations reach their checks too.
            let evidence: Vec<(String, Evidence)> = (0..rng.below(4)
                * usize::from(links.len() % 2 == 1))
                .filter_map(|n| {
                    let url = format!("https://example.com/{}/{n}", random_name(rng));
                    let link = Evidence::new(&url, &random_name(rng)).ok()?;
                    Some((rng.pick(&profile.requirements).id.clone(), link))
                })
                .collect();
            let (summary, _) = summary.with_evidence(evidence.iter().map(|(r, e)| (r.as_str(), e)));
            let link = summary.encode();
            let bytes = URL_SAFE_NO_PAD.decode(&link).expect("a link is base64");
            let (&check, body) = bytes.split_last().expect("a link is not empty");
            assert_eq!(
                check,
                crc8(body),
                "the test's CRC-8 is the link's check byte"
            );
            links.push(link);
        }
    }
    links
}

/// A share payload made up field by field, mostly within range: version 1 or 2 (or another),
/// a profile id, readiness and its range, areas with levels and verdicts, and the check byte.
fn random_payload(rng: &mut Rng, dict: &Dict) -> Vec<u8> {
    let version = *rng.pick(&[1, 2, 2, 2, 0, 3, 255]);
    let mut b = vec![version];
    let push_id = |b: &mut Vec<u8>, rng: &mut Rng| {
        let id = match rng.below(4) {
            0 => random_name(rng),
            _ => dict.string(rng),
        };
        let bytes = id.as_bytes();
        let len = bytes.len().min(255);
        b.push(len as u8);
        b.extend_from_slice(&bytes[..len]);
    };
    let small = |rng: &mut Rng, max: usize| -> u8 {
        if rng.chance(92) {
            rng.below(max + 1) as u8
        } else {
            rng.next() as u8
        }
    };
    push_id(&mut b, rng);
    if rng.chance(20) {
        b.push(255);
    } else {
        b.push(small(rng, 100));
        if version != 1 {
            b.push(small(rng, 100));
            b.push(small(rng, 100));
        }
    }
    let count = if rng.chance(95) {
        rng.below(6)
    } else {
        *rng.pick(&[32, 33, 255])
    };
    b.push(count as u8);
    for _ in 0..count {
        push_id(&mut b, rng);
        b.push(small(rng, 40));
        b.push(if rng.chance(20) { 255 } else { small(rng, 40) });
        b.push(small(rng, 40));
        b.push(rng.next() as u8);
        b.push(if rng.chance(20) { 255 } else { small(rng, 40) });
        if version != 1 {
            let verdict = match rng.below(5) {
                0 => [0, 0],
                1 => [1, small(rng, 40)],
                2 => [2, 255],
                3 => [2, rng.next() as u8],
                _ => [rng.next() as u8, rng.next() as u8],
            };
            b.extend(verdict);
        }
    }
    b.push(crc8(&b));
    b
}

/// One change to a share payload's bytes; the check byte is recomputed most of the time.
fn mutate_payload(rng: &mut Rng, mut b: Vec<u8>) -> Vec<u8> {
    b.pop();
    for _ in 0..rng.range(1, 3) {
        let len = b.len();
        match rng.below(6) {
            0 | 1 if len > 0 => {
                let i = rng.below(len);
                b[i] = *rng.pick(&[0, 1, 2, 3, 4, 5, 39, 40, 41, 100, 101, 127, 200, 254, 255]);
            }
            2 => b.truncate(rng.below(len + 1)),
            3 => {
                let at = rng.below(len + 1);
                b.insert(at, rng.next() as u8);
            }
            4 if len > 0 => {
                b.remove(rng.below(len));
            }
            _ => {
                let i = rng.below(len + 1);
                let j = i + rng.below((len - i).min(16) + 1);
                let run = b[i..j].to_vec();
                b.extend(run);
            }
        }
    }
    let check = if rng.chance(85) {
        crc8(&b)
    } else {
        rng.next() as u8
    };
    b.push(check);
    b
}

const BASE64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// One change to a link's text: characters replaced, inserted, removed; cut; odd prefixes.
fn mutate_link(rng: &mut Rng, link: &str) -> String {
    let mut chars: Vec<char> = link.chars().collect();
    let len = chars.len();
    match rng.below(9) {
        0 | 1 if len > 0 => {
            let i = rng.below(len);
            chars[i] = char::from(*rng.pick(BASE64URL));
        }
        2 if len > 0 => {
            let i = rng.below(len);
            chars[i] = random_char(rng);
        }
        3 => chars.truncate(rng.below(len + 1)),
        4 => {
            let at = rng.below(len + 1);
            chars.insert(
                at,
                *rng.pick(&['=', '+', '/', '#', '%', ' ', '\n', 'A', 'é']),
            );
        }
        5 if len > 0 => {
            chars.remove(rng.below(len));
        }
        6 => {
            let prefix = rng.pick(&["#", "##", "#!", " ", "%23"]);
            chars.splice(0..0, prefix.chars());
        }
        7 => chars.extend(rng.pick(&["=", "==", "A", "AA", "AAA", "\u{0}"]).chars()),
        _ => {
            // Around and far past the longest fragment the decoder reads.
            let target = *rng.pick(&[4095, 4096, 4097, 4098, 10_000]);
            let unit = if chars.is_empty() {
                vec!['A']
            } else {
                chars.clone()
            };
            chars = unit.iter().copied().cycle().take(target).collect();
        }
    }
    chars.into_iter().collect()
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

/// One input and where it came from (for the per-source counts and the failure listing).
struct Case {
    source: &'static str,
    text: String,
    /// Which of [`Profiles::profiles`] to decode against, for progress and import.
    profile: usize,
}

/// What checking one decoded case found.
#[derive(Default)]
struct Checked {
    accepted: bool,
    /// The message as shown (shortened) and why it is not readable.
    unreadable: Vec<(String, String)>,
    misbehaved: Vec<String>,
}

impl Checked {
    fn refusal(message: &str, input: &str) -> Checked {
        let mut checked = Checked::default();
        if let Some(why) = unreadable(message, input) {
            checked.unreadable.push((shorten(message), why));
        }
        checked
    }
}

struct Finding {
    case: usize,
    source: &'static str,
    input: String,
    detail: String,
}

/// The kind of a reason from [`unreadable`]: its words before any number or quoted part.
fn kind_of(why: &str) -> String {
    let end = why
        .find(|c: char| c.is_ascii_digit() || matches!(c, '\'' | '"' | '('))
        .unwrap_or(why.len());
    why[..end].trim_end().to_owned()
}

/// `s` shortened for a report: the start, escaped, and its full length.
fn shorten(s: &str) -> String {
    const KEEP: usize = 160;
    let head: String = s.chars().take(KEEP).collect();
    if head.len() < s.len() {
        format!("{head:?}… ({} bytes)", s.len())
    } else {
        format!("{head:?}")
    }
}

fn note(line: &str) {
    // Straight to stderr: the test harness captures `println!`, not this.
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Runs `cases` inputs from `generate` through `check` and fails on any panic, unreadable
/// refusal or misbehaving acceptance, after printing the counts.
fn fuzz(name: &str, mut generate: impl FnMut(&mut Rng) -> Case, check: impl Fn(&Case) -> Checked) {
    let cases = case_count();
    let seed = base_seed();
    let only = env_number("FITCHECK_FUZZ_ONLY").map(|n| n as usize);
    let started = Instant::now();
    let (mut accepted, mut refused) = (0usize, 0usize);
    let mut sources: Vec<(&'static str, usize)> = Vec::new();
    let mut panics = Vec::new();
    let mut unreadables = Vec::new();
    let mut misbehaviours = Vec::new();
    let (mut unreadable_count, mut misbehaved_count) = (0usize, 0usize);
    let mut unreadable_kinds = std::collections::BTreeMap::new();
    let mut ran = 0usize;
    for number in 0..cases {
        if only.is_some_and(|only| only != number) {
            continue;
        }
        let mut rng = Rng(seed ^ (number as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next();
        let case = generate(&mut rng);
        if only.is_some() {
            note(&format!(
                "case {number} ({}), input {:?}",
                case.source, case.text
            ));
        }
        ran += 1;
        match sources.iter_mut().find(|(s, _)| *s == case.source) {
            Some((_, n)) => *n += 1,
            None => sources.push((case.source, 1)),
        }
        let finding = |detail: String| Finding {
            case: number,
            source: case.source,
            input: shorten(&case.text),
            detail,
        };
        let checked = guarded(|| check(&case));
        match checked {
            Err(panic) => panics.push(finding(panic)),
            Ok(checked) => {
                if checked.accepted {
                    accepted += 1;
                } else {
                    refused += 1;
                }
                if !checked.unreadable.is_empty() {
                    unreadable_count += 1;
                    for (_, why) in &checked.unreadable {
                        *unreadable_kinds.entry(kind_of(why)).or_insert(0usize) += 1;
                    }
                    if unreadables.len() < LISTED {
                        let lines: Vec<String> = checked
                            .unreadable
                            .iter()
                            .map(|(message, why)| format!("{message}: {why}"))
                            .collect();
                        unreadables.push(finding(lines.join("\n      ")));
                    }
                }
                if !checked.misbehaved.is_empty() {
                    misbehaved_count += 1;
                    if misbehaviours.len() < LISTED {
                        misbehaviours.push(finding(checked.misbehaved.join("\n      ")));
                    }
                }
            }
        }
    }
    let sources: Vec<String> = sources.iter().map(|(s, n)| format!("{n} {s}")).collect();
    note(&format!(
        "{name}: {ran} cases, {} panics, {refused} refusals, {accepted} accepted, \
         {unreadable_count} with an unreadable message, {misbehaved_count} misbehaving \
         ({:.1} s, seed {seed:#x}; inputs: {})",
        panics.len(),
        started.elapsed().as_secs_f64(),
        sources.join(", ")
    ));
    let mut failures = String::new();
    let mut list = |title: String, findings: &[Finding]| {
        if findings.is_empty() {
            return;
        }
        failures.push_str(&format!("\n{title}:\n"));
        for f in findings.iter().take(LISTED) {
            failures.push_str(&format!(
                "  case {} ({}), input {}\n      {}\n",
                f.case, f.source, f.input, f.detail
            ));
        }
    };
    list(format!("{} inputs panicked", panics.len()), &panics);
    let kinds: Vec<String> = unreadable_kinds
        .iter()
        .map(|(kind, n)| format!("{n} × {kind}…"))
        .collect();
    list(
        format!(
            "{unreadable_count} inputs got an unreadable message ({})",
            kinds.join("; ")
        ),
        &unreadables,
    );
    list(
        format!("{misbehaved_count} inputs misbehave"),
        &misbehaviours,
    );
    if !failures.is_empty() {
        panic!(
            "{name} (seed {seed:#x}; rerun one case with FITCHECK_FUZZ_SEED={seed:#x} \
             FITCHECK_FUZZ_ONLY=<case>):{failures}"
        );
    }
    if only.is_none() {
        assert!(
            ran >= MIN_CASES,
            "{name}: {ran} cases, fewer than the {MIN_CASES} CI requires"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The decoders
// ---------------------------------------------------------------------------------------------

/// A parser's refusal of `text`: at least one problem, and the first unreadable one, if any.
fn refusal_checked(problems: &[Problem], text: &str) -> Checked {
    let mut checked = Checked::default();
    if problems.is_empty() {
        checked
            .unreadable
            .push(("no problem".into(), "refused without a problem".into()));
    }
    if let Some((p, why)) = problems
        .iter()
        .find_map(|p| problem_unreadable(p, text).map(|why| (p, why)))
    {
        checked.unreadable.push((shorten(&p.to_string()), why));
    }
    checked
}

#[test]
fn the_profile_parser_never_panics_and_explains_every_refusal() {
    let world = profiles();
    let slicers: Vec<Slicer> = world.values.iter().map(Slicer::new).collect();
    let dict = &world.dict;
    let pool = Pool::new(&mut Rng(base_seed()), |rng| {
        if rng.chance(20) {
            world.values[0].clone()
        } else {
            rng.pick(&slicers).slice(rng)
        }
    });
    fuzz(
        "profile parser",
        |rng| {
            let (source, text) = match rng.below(100) {
                0..=9 => arbitrary_bytes(rng),
                10..=19 => arbitrary_unicode(rng),
                20..=24 => ("valid", pool.pick(rng).1.clone()),
                // A whole shipped profile now and then, cut or flipped as text.
                25 if rng.chance(10) => {
                    let whole = &world.texts[rng.below(world.texts.len())];
                    ("whole profile as text", text_mutated(rng, whole, dict))
                }
                25..=39 => {
                    let text = &pool.pick(rng).1;
                    ("valid as text", text_mutated(rng, text, dict))
                }
                _ => {
                    let doc = pool.pick(rng).0.clone();
                    ("valid mutated", mutated(rng, doc, dict, None))
                }
            };
            Case {
                source,
                text,
                profile: 0,
            }
        },
        |case| match load_profile(&case.text) {
            Ok(profile) => {
                let mut checked = Checked {
                    accepted: true,
                    ..Checked::default()
                };
                if profile.schema_version != PROFILE_SCHEMA_VERSION {
                    checked.misbehaved.push(format!(
                        "it was accepted at schema version {}",
                        profile.schema_version
                    ));
                }
                let written = serde_json::to_string(&profile).expect("a profile serialises");
                if load_profile(&written).as_ref() != Ok(&profile) {
                    checked
                        .misbehaved
                        .push("it does not read back the same after writing it out".into());
                }
                checked
            }
            Err(problems) => refusal_checked(&problems, &case.text),
        },
    );
}

#[test]
fn the_profile_index_parser_never_panics_and_explains_every_refusal() {
    let world = profiles();
    let dict = &world.dict;
    let index: Value = serde_json::from_str(&world.index_text).unwrap_or_else(|_| {
        json!({"default": "a", "profiles": [{"id": "a", "title": "T", "company": "C", "file": "a.json"}]})
    });
    // Made-up indexes too: several entries from the real ids, one of them the default.
    let made_up = |rng: &mut Rng| -> Value {
        let entries: Vec<Value> = (0..rng.range(1, 5))
            .map(|_| {
                json!({"id": dict.string(rng), "title": dict.string(rng),
                       "company": dict.string(rng), "file": format!("{}.json", dict.string(rng))})
            })
            .collect();
        let default = rng.pick(&entries)["id"].clone();
        json!({"default": default, "profiles": entries})
    };
    let pool = Pool::new(&mut Rng(base_seed()), |rng| {
        if rng.chance(20) {
            index.clone()
        } else {
            made_up(rng)
        }
    });
    fuzz(
        "profile index parser",
        |rng| {
            let (base, base_text) = pool.pick(rng);
            let (source, text) = match rng.below(100) {
                0..=9 => arbitrary_bytes(rng),
                10..=19 => arbitrary_unicode(rng),
                20..=29 => ("valid", base_text.clone()),
                30..=44 => ("valid as text", text_mutated(rng, base_text, dict)),
                _ => ("valid mutated", mutated(rng, base.clone(), dict, None)),
            };
            Case {
                source,
                text,
                profile: 0,
            }
        },
        |case| match parse_index(&case.text) {
            Ok(index) => {
                let mut checked = Checked {
                    accepted: true,
                    ..Checked::default()
                };
                if !index.profiles.iter().any(|p| p.id == index.default) {
                    checked
                        .misbehaved
                        .push("its default is not one of its profiles".into());
                }
                let written = serde_json::to_string(&index).expect("an index serialises");
                if parse_index(&written).as_ref() != Ok(&index) {
                    checked
                        .misbehaved
                        .push("it does not read back the same after writing it out".into());
                }
                checked
            }
            Err(problems) => refusal_checked(&problems, &case.text),
        },
    );
}

/// The cases for progress and import: arbitrary text, and valid documents for one of the
/// profiles, mutated, decoded against that profile (or now and then another one).
fn progress_like_case(
    rng: &mut Rng,
    pools: &[Pool],
    dict: &Dict,
    targeted: &dyn Fn(&mut Rng, &mut Value, &Dict),
    sub: Option<&str>,
) -> Case {
    // The sample profile three times in four: decoding against a shipped profile is slower (its
    // questions are looked up one by one), and a quarter of the cases is still 25000.
    let pick = |rng: &mut Rng| match pools.len() {
        1 => 0,
        _ if rng.chance(75) => 0,
        n => rng.range(1, n - 1),
    };
    let made_for = pick(rng);
    let profile = if rng.chance(3) { pick(rng) } else { made_for };
    let pool = &pools[made_for];
    let (source, text) = match rng.below(100) {
        0..=9 => arbitrary_bytes(rng),
        10..=19 => arbitrary_unicode(rng),
        20..=29 => ("valid", pool.pick(rng).1.clone()),
        30..=44 => {
            let text = &pool.pick(rng).1;
            ("valid as text", text_mutated(rng, text, dict))
        }
        45..=69 => {
            let mut doc = pool.pick(rng).0.clone();
            for _ in 0..rng.range(1, 3) {
                targeted(rng, &mut doc, dict);
            }
            let text = json_text(&doc);
            let text = if rng.chance(20) {
                mutate_text(rng, &text, dict)
            } else {
                text
            };
            ("valid with fields changed", text)
        }
        _ => {
            let doc = pool.pick(rng).0.clone();
            ("valid mutated", mutated(rng, doc, dict, sub))
        }
    };
    Case {
        source,
        text,
        profile,
    }
}

/// A dictionary with the progress field names and the item ids of every profile.
fn progress_dict(world: &Profiles) -> Dict {
    let mut dict = Dict::default();
    world.values.iter().for_each(|v| dict.harvest(v));
    let mut rng = Rng(1);
    for profile in &world.profiles {
        let p: Value = serde_json::from_str(&valid_progress(&mut rng, profile).encode()).unwrap();
        dict.harvest(&p);
        dict.harvest(
            &serde_json::from_str(&export_progress(
                profile,
                &valid_progress(&mut rng, profile),
            ))
            .unwrap(),
        );
    }
    dict.harvest(&json!({"options": {}, "kept_aside": {}, "answer": {}, "kind": ["choice", "rating", "skipped", "quick", "full"], "selected": [], "level": 0,
        "run": 1, "attempts": [], "focus": [], "seen": [], "evidence": {}, "url": "https://example.com/", "note": "",
        "verdict": ["meets", "below", "not_clear"], "date": "2026-12-06", "summary": {}}));
    dict
}

#[test]
fn the_progress_decoder_never_panics_and_explains_every_refusal() {
    let world = profiles();
    let dict = progress_dict(&world);
    let mut rng = Rng(base_seed());
    let pools: Vec<Pool> = world
        .profiles
        .iter()
        .map(|profile| Pool::new(&mut rng, |rng| valid_progress_value(rng, profile)))
        .collect();
    fuzz(
        "progress decoder",
        |rng| progress_like_case(rng, &pools, &dict, &mutate_progress, None),
        |case| {
            let profile = &world.profiles[case.profile];
            let mut checked = match decode_progress(&case.text, profile) {
                Err(e) => Checked::refusal(&e.to_string(), &case.text),
                Ok(restored) => {
                    let mut checked = Checked {
                        accepted: true,
                        ..Checked::default()
                    };
                    // "A sentence for every answer that had to be set aside": the import quotes
                    // the first one, so they follow the same rule as refusals.
                    if let Some((s, why)) = restored
                        .set_aside
                        .iter()
                        .map(ToString::to_string)
                        .find_map(|s| unreadable(&s, &case.text).map(|why| (s, why)))
                    {
                        checked
                            .unreadable
                            .push((format!("set aside {}", shorten(&s)), why));
                    }
                    let p = &restored.progress;
                    if p.profile_id != profile.id {
                        checked.misbehaved.push(format!(
                            "it was accepted for another profile ({:?})",
                            p.profile_id
                        ));
                    }
                    if p.schema_version != PROGRESS_SCHEMA_VERSION {
                        checked.misbehaved.push(format!(
                            "it was left at schema version {}",
                            p.schema_version
                        ));
                    }
                    if let Some((id, a)) = p.answers.iter().find(|(id, a)| !fits(profile, id, a)) {
                        checked.misbehaved.push(format!(
                            "it kept the answer {a:?} to {id:?}, which does not fit"
                        ));
                    }
                    match decode_progress(&p.encode(), profile) {
                        Ok(again) if again.progress == *p && again.set_aside.is_empty() => {}
                        Ok(again) => checked.misbehaved.push(format!(
                            "its re-encoding reads back differently: {} set aside, {:?} vs {:?}",
                            again.set_aside.len(),
                            shorten(&again.progress.encode()),
                            shorten(&p.encode())
                        )),
                        Err(e) => checked
                            .misbehaved
                            .push(format!("its re-encoding is refused: {e}")),
                    }
                    checked.misbehaved.extend(export_misbehaves(profile, p));
                    checked
                }
            };
            checked.misbehaved.extend(practice_misbehaves(&case.text));
            checked
        },
    );
}

/// Where the export of accepted progress misbehaves: it must be a Fitcheck progress file of this
/// build's version, naming the role, holding the progress as `Progress::encode` writes it, and
/// it must import back as the same progress.
fn export_misbehaves(profile: &Profile, p: &Progress) -> Option<String> {
    let export = export_progress(profile, p);
    let Ok(value) = serde_json::from_str::<Value>(&export) else {
        return Some(format!("export: it is not JSON: {}", shorten(&export)));
    };
    // Exactly the envelope's four fields, the progress as it is saved inside.
    let saved: Value = serde_json::from_str(&p.encode()).expect("progress is written as JSON");
    let expected = json!({
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "role": format!("{} \u{2014} {}", profile.role.title, profile.role.company),
        "progress": saved,
    });
    if value != expected {
        return Some(format!(
            "export: it is not the envelope around the saved progress: {}",
            shorten(&export)
        ));
    }
    match import_progress(&export, profile) {
        Ok(again) if again == *p => None,
        Ok(_) => Some("export: it imports as different progress".into()),
        Err(e) => Some(format!("export: it is refused: {e}")),
    }
}

/// Where practice (which reads the same answers as progress, and starts afresh from anything it
/// cannot read) misbehaves on `text`: what it reads must be written out and read back the same.
fn practice_misbehaves(text: &str) -> Option<String> {
    let practice = Practice::decode(Some(text));
    let written = practice.encode();
    (Practice::decode(Some(&written)) != practice).then(|| {
        format!(
            "practice: read as {}, it does not read back the same",
            shorten(&written)
        )
    })
}

/// A valid export of valid progress, as JSON.
fn valid_export_value(rng: &mut Rng, profile: &Profile) -> Value {
    let progress = valid_progress(rng, profile);
    serde_json::from_str(&export_progress(profile, &progress)).expect("an export is JSON")
}

/// One targeted change to an export: its envelope, or the progress inside.
fn mutate_export(rng: &mut Rng, doc: &mut Value, dict: &Dict) {
    if rng.chance(50) {
        if let Some(progress) = doc.get_mut("progress") {
            mutate_progress(rng, progress, dict);
            return;
        }
    }
    let Some(map) = doc.as_object_mut() else {
        return;
    };
    match rng.below(4) {
        0 => {
            let format = match rng.below(3) {
                0 => json!("FITCHECK-PROGRESS"),
                1 => json!("fitcheck-progress "),
                _ => interesting_value(rng, dict, 0),
            };
            map.insert("format".into(), format);
        }
        1 => {
            let version = match rng.below(3) {
                0 => json!(rng.below(EXPORT_VERSION as usize + 3)),
                1 => interesting_number(rng),
                _ => interesting_value(rng, dict, 0),
            };
            map.insert("version".into(), version);
        }
        2 => {
            map.insert("role".into(), interesting_value(rng, dict, 0));
        }
        _ => {
            let key = rng.pick(&["format", "version", "role", "progress"]);
            map.remove(*key);
        }
    }
}

#[test]
fn the_import_never_panics_and_explains_every_refusal() {
    let world = profiles();
    let dict = progress_dict(&world);
    let mut rng = Rng(base_seed());
    let pools: Vec<Pool> = world
        .profiles
        .iter()
        .map(|profile| Pool::new(&mut rng, |rng| valid_export_value(rng, profile)))
        .collect();
    fuzz(
        "progress import",
        |rng| progress_like_case(rng, &pools, &dict, &mutate_export, Some("progress")),
        |case| {
            let profile = &world.profiles[case.profile];
            match import_progress(&case.text, profile) {
                Err(e) => Checked::refusal(&e.to_string(), &case.text),
                Ok(p) => {
                    let mut checked = Checked {
                        accepted: true,
                        ..Checked::default()
                    };
                    if p.profile_id != profile.id {
                        checked.misbehaved.push(format!(
                            "it was imported into another profile ({:?})",
                            p.profile_id
                        ));
                    }
                    if let Some((id, a)) = p.answers.iter().find(|(id, a)| !fits(profile, id, a)) {
                        checked.misbehaved.push(format!(
                            "it imported the answer {a:?} to {id:?}, which does not fit"
                        ));
                    }
                    match import_progress(&export_progress(profile, &p), profile) {
                        Ok(again) if again == p => {}
                        Ok(_) => checked
                            .misbehaved
                            .push("its export imports as different progress".into()),
                        Err(e) => checked
                            .misbehaved
                            .push(format!("its export is refused: {e}")),
                    }
                    checked
                }
            }
        },
    );
}

/// Why an accepted summary breaks what the decoder promises ("checks every field").
fn summary_out_of_range(s: &SharedSummary) -> Option<String> {
    let tenths = |t: u8| t <= 40;
    if !is_slug(&s.profile_id) {
        return Some(format!("its profile id {:?} is not a slug", s.profile_id));
    }
    if s.readiness.is_some_and(|r| r > 100)
        || s.readiness_range.is_some_and(|(l, h)| l > 100 || h > 100)
    {
        return Some("a readiness figure is above 100 %".into());
    }
    if s.areas.len() > 32 {
        return Some(format!("it has {} areas", s.areas.len()));
    }
    for a in &s.areas {
        let fine = is_slug(&a.area_id)
            && tenths(a.required)
            && a.level.is_none_or(tenths)
            && tenths(a.se)
            && a.gap.is_none_or(tenths)
            && match a.verdict {
                Some(Verdict::Below { gap }) => (0.0..=4.0).contains(&gap),
                Some(Verdict::NotClear { more }) => more.is_none_or(|m| m <= 254),
                _ => true,
            };
        if !fine {
            return Some(format!("area {:?} has a figure out of range", a.area_id));
        }
    }
    None
}

#[test]
fn the_share_link_decoder_never_panics_and_explains_every_refusal() {
    let world = profiles();
    let dict = &world.dict;
    let links = shares(&world, &mut Rng(base_seed()));
    fuzz(
        "share link decoder",
        |rng| {
            let (source, text) = match rng.below(100) {
                0..=7 => arbitrary_bytes(rng),
                8..=15 => arbitrary_unicode(rng),
                16..=23 => {
                    let len = rng.length().min(6000);
                    let text: String = (0..len).map(|_| char::from(*rng.pick(BASE64URL))).collect();
                    ("arbitrary base64", text)
                }
                24..=31 => {
                    let link = rng.pick(&links).clone();
                    let text = if rng.chance(50) {
                        format!("#{link}")
                    } else {
                        link
                    };
                    ("valid", text)
                }
                32..=55 => {
                    let mut payload = random_payload(rng, dict);
                    if rng.chance(50) {
                        payload = mutate_payload(rng, payload);
                    }
                    ("made-up payload", URL_SAFE_NO_PAD.encode(payload))
                }
                56..=79 => {
                    let bytes = URL_SAFE_NO_PAD
                        .decode(rng.pick(&links))
                        .expect("a link is base64");
                    (
                        "valid payload mutated",
                        URL_SAFE_NO_PAD.encode(mutate_payload(rng, bytes)),
                    )
                }
                _ => {
                    let link = if rng.chance(70) {
                        rng.pick(&links).clone()
                    } else {
                        URL_SAFE_NO_PAD.encode(random_payload(rng, dict))
                    };
                    let mut text = mutate_link(rng, &link);
                    if rng.chance(30) {
                        text = mutate_link(rng, &text);
                    }
                    ("valid as text", text)
                }
            };
            Case {
                source,
                text,
                profile: 0,
            }
        },
        |case| match SharedSummary::decode(&case.text) {
            Err(e) => Checked::refusal(&e.to_string(), &case.text),
            Ok(summary) => {
                let mut checked = Checked {
                    accepted: true,
                    ..Checked::default()
                };
                if let Some(why) = summary_out_of_range(&summary) {
                    checked.misbehaved.push(why);
                }
                let fragment = case.text.strip_prefix('#').unwrap_or(&case.text);
                let version = URL_SAFE_NO_PAD
                    .decode(fragment)
                    .ok()
                    .and_then(|b| b.first().copied());
                let link = summary.encode();
                match SharedSummary::decode(&link) {
                    Err(e) => checked
                        .misbehaved
                        .push(format!("its re-encoding is refused: {e}")),
                    Ok(again) if version == Some(SHARE_VERSION) => {
                        if link != fragment {
                            checked
                                .misbehaved
                                .push(format!("it re-encodes to another link: {link}"));
                        }
                        if again != summary {
                            checked.misbehaved.push(format!(
                                "its re-encoding decodes to {again:?}, not {summary:?}"
                            ));
                        }
                    }
                    Ok(again) => {
                        // A format-1 link has no range and no verdicts; written again it is a
                        // format-2 link with the same figures, and stays so.
                        let same_figures = again.profile_id == summary.profile_id
                            && again.readiness == summary.readiness
                            && again.areas.len() == summary.areas.len()
                            && again.areas.iter().zip(&summary.areas).all(|(a, b)| {
                                (&a.area_id, a.required, a.level, a.se, a.answers, a.gap)
                                    == (&b.area_id, b.required, b.level, b.se, b.answers, b.gap)
                            });
                        if !same_figures
                            || SharedSummary::decode(&again.encode()) != Ok(again.clone())
                        {
                            checked.misbehaved.push(format!(
                                "its re-encoding decodes to {again:?}, not {summary:?}"
                            ));
                        }
                    }
                }
                checked
            }
        },
    );
}

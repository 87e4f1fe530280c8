//! The interface's texts: build.rs turns `locales/*.json` into Rust and fails the build on a key
//! one language lacks (or has in another shape) and on a text it does not understand; these
//! tests run the same code (build/locales.rs) and show that the check itself can fail.

use std::path::{Path, PathBuf};

include!("../build/locales.rs");

/// What build.rs would refuse in the locale files under `root`.
fn key_problems(root: &Path, locales_dir: &str) -> Vec<String> {
    match read_locales(root, locales_dir).and_then(|catalogues| rust_source(&catalogues)) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

#[test]
fn every_key_is_in_both_languages() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let problems = key_problems(&root, "locales");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Writes `en` and `de` as the locale files of a scratch crate root and checks them.
fn check(name: &str, en: &str, de: &str) -> Vec<String> {
    let root = std::env::temp_dir().join(format!("fitcheck-locales-{name}-{}", std::process::id()));
    let dir = root.join("locales");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("en.json"), en).unwrap();
    std::fs::write(dir.join("de.json"), de).unwrap();
    let mut problems = key_problems(Path::new(&root), "locales");
    std::fs::remove_dir_all(&root).unwrap();
    problems.sort();
    problems
}

#[test]
fn the_check_finds_a_missing_and_a_surplus_key() {
    let en = r#"{ "a": "A", "nested": { "b": "B", "c": "C" },
                  "n_one": "{{ count }} thing", "n_other": "{{ count }} things" }"#;
    // German lacks nested.c, has nested.x, and gives the plural only one form, which makes
    // "n_other" a plain key of its own and leaves "n" missing.
    let de = r#"{ "a": "A", "nested": { "b": "B", "x": "X" }, "n_other": "{{ count }} Dinge" }"#;
    assert_eq!(
        check("broken", en, de),
        [
            r#"Key "n_other" is in locale "de" but not in "en""#,
            r#"Key "nested.x" is in locale "de" but not in "en""#,
            r#"Missing key "n" in locale "de""#,
            r#"Missing key "nested.c" in locale "de""#,
        ]
    );
}

#[test]
fn the_check_finds_a_key_shaped_differently() {
    let en = r#"{ "n_one": "{{ count }} thing", "n_other": "{{ count }} things",
                  "link": "Go <a>home</a>.", "figure": "<figure /> ready", "plain": "P" }"#;
    let de = r#"{ "n": "{{ count }} Dinge", "link": "Zur <b>Startseite</b>.",
                  "figure": "<figure /> bereit", "plain": "<a>P</a>" }"#;
    assert_eq!(
        check("shapes", en, de),
        [
            r#"Key "link" has the tag <a>…</a> in locale "en" but the tag <b>…</b> in "de""#,
            r#"Key "n" is a plural (n_one, n_other) in locale "en" but not in "de""#,
            r#"Key "plain" has no tag in locale "en" but the tag <a>…</a> in "de""#,
        ]
    );
}

#[test]
fn the_check_refuses_what_it_does_not_understand() {
    let en = r#"{ "a": "{{ n, number }}", "b": "{{ open", "c": "x < y", "d": "<a>one</b>",
                  "e": "<a class=\"x\">A</a>", "f": 3, "g": "two <a>A</a> <b />", "type": "T",
                  "h": "{ braces } and }} are text" }"#;
    let problems = check("syntax", en, en);
    let about = |key: &str| {
        problems
            .iter()
            .filter(|p| p.contains(&format!("key \"{key}\"")))
            .count()
    };
    // Each once per language.
    for key in ["a", "b", "c", "d", "e", "f", "g", "type"] {
        assert_eq!(about(key), 2, "{key}: {problems:#?}");
    }
    assert_eq!(about("h"), 0, "{problems:#?}");
    assert_eq!(problems.len(), 16, "{problems:#?}");
}

#[test]
fn the_real_files_fail_the_check_when_german_loses_a_key() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let en = std::fs::read_to_string(root.join("locales/en.json")).unwrap();
    let de = std::fs::read_to_string(root.join("locales/de.json")).unwrap();
    assert_eq!(check("same", &en, &de), Vec::<String>::new());
    let cut = de.replacen("\"reload\": \"Neu laden\",", "", 1);
    assert_ne!(cut, de, "the German file has the key this test removes");
    assert_eq!(
        check("cut", &en, &cut),
        [r#"Missing key "notice.reload" in locale "de""#]
    );
}

/// The Rust written for a text: a value's place and the tag's edges are marked in the tables.
#[test]
fn a_text_becomes_a_function_of_the_language_and_its_values() {
    let catalogue = |json: &str| read_catalogue(json, "test.json");
    let (en, problems) = catalogue(
        r#"{ "g": { "found_one": "{{ count }} problem in <code>{{ file }}</code>:",
                    "found_other": "{{ count }} problems in <code>{{ file }}</code>:" } }"#,
    );
    assert_eq!(problems, Vec::<String>::new());
    let (de, _) = catalogue(
        r#"{ "g": { "found_one": "{{ count }} Problem in <code>{{ file }}</code>:",
                    "found_other": "{{ count }} Probleme in <code>{{ file }}</code>:" } }"#,
    );
    let rust = rust_source(&[en, de]).unwrap();
    assert!(rust.contains("pub mod g {"), "{rust}");
    assert!(
        rust.contains(r#"pub struct found<'a> { pub count: &'a dyn crate::ui::i18n::Count, pub file: &'a dyn ::std::fmt::Display }"#),
        "{rust}"
    );
    assert!(
        rust.contains(
            r#"["\u{1}0 problem in \u{2}\u{1}1\u{2}:", "\u{1}0 problems in \u{2}\u{1}1\u{2}:"]"#
        ),
        "{rust}"
    );
    assert!(
        rust.contains("-> crate::ui::i18n::Tagged<String>"),
        "{rust}"
    );
}

/// The words of the plain-JavaScript parts (public/boot.js, which runs before and without the
/// app; public/offline.js, the update banner): the same keys in both languages, none empty.
#[test]
fn the_plain_script_pages_speak_both_languages() {
    for (script, at_least) in [("public/boot.js", 10), ("public/offline.js", 2)] {
        script_words(script, at_least);
    }
}

fn script_words(name: &str, at_least: usize) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let script = std::fs::read_to_string(root.join(name)).unwrap();
    let start = script
        .find("/* words */")
        .expect("the script marks its words")
        + "/* words */".len();
    let end = script
        .find("/* end words */")
        .expect("the script marks the end of its words");
    let words: serde_json::Value =
        serde_json::from_str(&script[start..end]).expect("the words are JSON");
    let keys = |language: &str| -> Vec<String> {
        let table = words[language]
            .as_object()
            .unwrap_or_else(|| panic!("no {language} words"));
        for (key, text) in table {
            assert!(
                text.as_str().is_some_and(|t| !t.trim().is_empty()),
                "{language}.{key}"
            );
        }
        table.keys().cloned().collect()
    };
    let (en, de) = (keys("en"), keys("de"));
    assert!(en.len() >= at_least, "{name}: {en:?}");
    assert_eq!(en, de);
    assert_ne!(words["en"], words["de"]);
}

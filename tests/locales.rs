//! The interface's two languages have the same keys. leptos_i18n only warns about a key one
//! language lacks (and shows the English text in the German interface); build.rs runs this same
//! check and fails the build, and these tests show the check itself can fail.

use std::path::{Path, PathBuf};

include!("../build/locale_check.rs");

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
            r#"Key "n_other" is present in locale "de" but not in default locale, it is ignored"#,
            r#"Key "nested.x" is present in locale "de" but not in default locale, it is ignored"#,
            r#"Missing key "n" in locale "de""#,
            r#"Missing key "nested.c" in locale "de""#,
        ]
    );
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

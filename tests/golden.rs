//! Golden files: what a candidate saved, exported, practised or shared must read the same after
//! any change to the code. `tests/golden/` holds files written by earlier builds (inputs) and,
//! next to each, `<name>.read.txt`: what that build read from it, in the build's own words.
//!
//! The inputs never change. To add a new format or version, add its file and write its
//! `.read.txt` once with `FITCHECK_BLESS=1 cargo test --test golden`, on the build that wrote it,
//! and commit both; a later build that reads it differently fails here.

use std::fs;
use std::path::PathBuf;

use fitcheck::domain::candidate::practice::Practice;
use fitcheck::domain::candidate::progress::restore::decode_progress;
use fitcheck::domain::candidate::transfer::{export_progress, import_progress};
use fitcheck::domain::profile::parse_index;
use fitcheck::domain::profile::{parse_profile, Profile};
use fitcheck::domain::report::share::SharedSummary;

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

fn input(name: &str) -> String {
    fs::read_to_string(path(name)).unwrap_or_else(|e| panic!("golden input {name}: {e}"))
}

/// Compares `read` with the `.read.txt` beside `name`, or writes it there when blessing.
fn matches_golden(name: &str, read: &str) {
    let golden = path(&format!("{name}.read.txt"));
    if std::env::var_os("FITCHECK_BLESS").is_some() {
        fs::write(&golden, read).expect("writes the golden reading");
        return;
    }
    let expected = fs::read_to_string(&golden)
        .unwrap_or_else(|e| panic!("{}: {e} (write it with FITCHECK_BLESS=1)", golden.display()));
    assert!(
        expected == read,
        "{name} no longer reads as it did.\n--- before\n{expected}\n--- now\n{read}"
    );
}

fn profile() -> Profile {
    parse_profile(&input("profile.json")).expect("the golden profile parses")
}

#[test]
fn the_profile_and_the_index_read_as_before() {
    let profile = serde_json::to_string_pretty(&profile()).expect("a profile serializes");
    matches_golden("profile.json", &(profile + "\n"));
    let index = parse_index(&input("index.json")).expect("the golden index parses");
    matches_golden("index.json", &format!("{index:#?}\n"));
}

/// Saved progress of every schema version reads to the same values, with the same answers kept
/// aside and brought back.
#[test]
fn saved_progress_of_every_version_reads_as_before() {
    let profile = profile();
    for version in 1..=5 {
        let name = format!("progress-v{version}.json");
        let restored = decode_progress(&input(&name), &profile)
            .unwrap_or_else(|e| panic!("{name} is refused: {e}"));
        let read = format!(
            "{}\nset aside: {:?}\ncame back: {:?}\nnotices: {:?}\n",
            restored.progress.encode(),
            restored.set_aside,
            restored.came_back,
            restored.notices()
        );
        matches_golden(&name, &read);
    }
}

/// Progress of the current schema is written back byte for byte as the earlier build wrote it,
/// so that build reads what this one saves.
#[test]
fn current_progress_is_written_as_before() {
    let saved = input("progress-v5.json");
    let restored = decode_progress(&saved, &profile()).expect("reads");
    assert!(restored.set_aside.is_empty() && restored.came_back.is_empty());
    assert_eq!(restored.progress.encode(), saved);
}

#[test]
fn an_export_imports_as_before_and_exports_the_same_file() {
    let profile = profile();
    let file = input("export.json");
    let progress = import_progress(&file, &profile).expect("the golden export imports");
    matches_golden("export.json", &(progress.encode() + "\n"));
    assert_eq!(export_progress(&profile, &progress), file);
}

#[test]
fn practice_reads_as_before() {
    let saved = input("practice.json");
    let practice = Practice::decode(Some(&saved));
    assert_eq!(practice.answers.len(), 3);
    assert_eq!(practice.encode(), saved);
    matches_golden("practice.json", &format!("{practice:#?}\n"));
}

/// Share links of every format made by earlier builds open, to the same summary.
#[test]
fn share_links_of_every_format_open_as_before() {
    for version in 1..=3 {
        let name = format!("share-link-v{version}.txt");
        let link = input(&name);
        let summary = SharedSummary::decode(link.trim())
            .unwrap_or_else(|e| panic!("{name} does not open: {e}"));
        matches_golden(&name, &format!("{summary:#?}\n"));
        if version == 3 {
            assert_eq!(summary.encode(), link.trim(), "the link is made as before");
        }
    }
}

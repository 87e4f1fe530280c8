//! Every shipped role profile is valid, lints clean, and its "what does this print" questions are
//! proven by running them.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use fitcheck::domain::load_profile;
use fitcheck::domain::profile::lint::{lint, tally};
use fitcheck::domain::profile::{parse_index, Profile};

fn profiles_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public/profiles")
}

fn shipped_profiles() -> Vec<(String, Profile)> {
    let dir = profiles_dir();
    let index_text =
        fs::read_to_string(dir.join("index.json")).expect("public/profiles/index.json exists");
    let index = parse_index(&index_text).unwrap_or_else(|p| panic!("index.json: {p:?}"));
    index
        .profiles
        .iter()
        .map(|entry| {
            let text = fs::read_to_string(dir.join(&entry.file))
                .unwrap_or_else(|e| panic!("{} is listed but cannot be read: {e}", entry.file));
            let profile = load_profile(&text).unwrap_or_else(|problems| {
                let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                panic!("{} has problems:\n{}", entry.file, list.join("\n"))
            });
            assert_eq!(
                profile.id, entry.id,
                "{}: the index and the file agree on the id",
                entry.file
            );
            (entry.file.clone(), profile)
        })
        .collect()
}

#[test]
fn every_profile_file_is_listed_in_the_index() {
    let listed: Vec<String> = shipped_profiles()
        .into_iter()
        .map(|(file, _)| file)
        .collect();
    for entry in fs::read_dir(profiles_dir()).expect("public/profiles is a folder") {
        let name = entry
            .expect("readable entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name != "index.json" {
            assert!(
                listed.contains(&name),
                "{name} is in public/profiles but not in index.json"
            );
        }
    }
}

#[test]
fn every_shipped_profile_lints_clean() {
    for (file, profile) in shipped_profiles() {
        let problems: Vec<String> = lint(&profile).iter().map(|p| p.to_string()).collect();
        assert!(problems.is_empty(), "{file}:\n{}", problems.join("\n"));
        println!(
            "{file}: {} questions, {} self-ratings",
            profile.questions.len(),
            profile.self_ratings.len()
        );
        for ((area, difficulty), n) in tally(&profile, |q| q.difficulty) {
            println!("  {area:<12} difficulty {difficulty}: {n}");
        }
    }
}

/// Runs a snippet and returns what it printed, without the final newline.
fn run(language: &str, source: &str) -> String {
    const SQLITE: &str = "import sqlite3, sys\n\
        db = sqlite3.connect(':memory:')\n\
        rows = []\n\
        for statement in sys.stdin.read().split(';'):\n\
        \x20   if statement.strip():\n\
        \x20       rows = db.execute(statement).fetchall()\n\
        print('\\n'.join('|'.join(str(v) for v in row) for row in rows))\n";
    let (program, stdin) = match language {
        "python" => ("-", source.to_owned()),
        "sql" => (SQLITE, source.to_owned()),
        other => panic!("no runner for `{other}` snippets; remove `prints` or add a runner"),
    };
    let mut child = Command::new("python3")
        .args(if program == "-" {
            vec!["-"]
        } else {
            vec!["-c", program]
        })
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 is installed");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("python3 reads the snippet");
    let out = child.wait_with_output().expect("python3 finishes");
    assert!(
        out.status.success(),
        "snippet failed:\n{source}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .trim_end_matches('\n')
        .to_owned()
}

#[test]
fn every_what_does_this_print_answer_is_what_the_code_prints() {
    let mut checked = 0;
    for (file, profile) in shipped_profiles() {
        for q in &profile.questions {
            let Some(code) = q.code.as_ref().filter(|c| c.prints) else {
                continue;
            };
            let printed = run(&code.language, &code.source);
            let correct: Vec<&str> = q
                .options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.text.as_str())
                .collect();
            assert_eq!(
                correct,
                [printed.as_str()],
                "{file}: {} — the marked answer is not what the code prints",
                q.id
            );
            let wrong_but_printed = q.options.iter().any(|o| !o.correct && o.text == printed);
            assert!(!wrong_but_printed, "{file}: {}", q.id);
            checked += 1;
        }
    }
    println!("ran {checked} snippets");
    assert!(
        checked > 0,
        "the shipped profiles have no runnable snippets to check"
    );
}

#[test]
fn the_runner_catches_a_wrong_answer() {
    assert_eq!(run("python", "print(sum([1, 2, 3]))"), "6");
    assert_ne!(run("python", "print(sum([1, 2, 3]))"), "5");
    assert_eq!(
        run("sql", "CREATE TABLE t (a INT, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, NULL); SELECT a, b FROM t ORDER BY a"),
        "1|x\n2|None"
    );
}

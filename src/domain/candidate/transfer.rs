//! Moving progress between devices as a file: export writes a versioned JSON document, import
//! checks all of it before anything changes.
//!
//! An imported file must be Fitcheck progress of a version this build reads, for the profile that
//! is open, and every answer in it must fit that profile. Anything less is refused as a whole,
//! with one sentence saying why, so a bad file never half-replaces what the candidate has.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::candidate::progress::error::{ProgressError, SetAside};
use crate::domain::candidate::progress::restore::restore;
use crate::domain::candidate::progress::Progress;
use crate::domain::profile::problem::{readable, shown};
use crate::domain::profile::Profile;

/// Names the kind of file, so that any other JSON is recognised as foreign.
pub const EXPORT_FORMAT: &str = "fitcheck-progress";
/// The export document version this build writes and the newest it reads.
pub const EXPORT_VERSION: u64 = 1;

/// The export file: the progress as it is saved, wrapped with what it is.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Export {
    format: String,
    version: u64,
    /// For people reading the file; import checks the progress's own profile id.
    role: String,
    /// Read as JSON first: saved progress of any schema version migrates (`progress::restore`).
    progress: Value,
}

/// The export file's contents for `progress` of `profile`.
pub fn export_progress(profile: &Profile, progress: &Progress) -> String {
    let export = Export {
        format: EXPORT_FORMAT.to_owned(),
        version: EXPORT_VERSION,
        role: format!("{} \u{2014} {}", profile.role.title, profile.role.company),
        // The saved text read back as JSON: the value is what storage holds, and the app reads
        // JSON one way (text to `Value`) rather than also serialising into a `Value`.
        progress: serde_json::from_str(&progress.encode())
            .expect("progress is written as JSON and reads back"),
    };
    serde_json::to_string_pretty(&export).expect("an export is plain data")
}

/// A suggested file name for the export of `profile`.
pub fn export_file_name(profile: &Profile) -> String {
    format!("fitcheck-progress-{}.json", profile.id)
}

/// Why an import was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    NotJson,
    Foreign,
    FromTheFuture(u64),
    Unreadable(ProgressError),
    DoesNotFit(Vec<SetAside>),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson => write!(f, "the file is not a Fitcheck progress file (it is not JSON)"),
            ImportError::Foreign => write!(f, "the file is not a Fitcheck progress file"),
            ImportError::FromTheFuture(v) => write!(
                f,
                "the file was exported by a newer version of Fitcheck (format {v}; this version reads up to {EXPORT_VERSION}); reload to get the newest version, then import again"
            ),
            ImportError::Unreadable(ProgressError::OtherProfile(id)) => {
                write!(f, "the file holds progress for another role (`{}`)", shown(id))
            }
            // The progress's own messages quote the file; `readable` keeps them one short line.
            ImportError::Unreadable(e) => write!(
                f,
                "the progress in the file cannot be used: {}",
                readable(&e.to_string())
            ),
            ImportError::DoesNotFit(why) => write!(
                f,
                "{} answer(s) in the file do not fit this role's questions (first: {})",
                why.len(),
                readable(&why.first().map(ToString::to_string).unwrap_or_default())
            ),
        }
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Unreadable(cause) => Some(cause),
            _ => None,
        }
    }
}

/// Reads an exported file for `profile`, checking all of it; `Ok` only when every part fits.
pub fn import_progress(text: &str, profile: &Profile) -> Result<Progress, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    if value.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return Err(ImportError::Foreign);
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > EXPORT_VERSION => return Err(ImportError::FromTheFuture(v)),
        Some(_) => {}
        None => return Err(ImportError::Foreign),
    }
    let export = Export::deserialize(&value).map_err(|_| ImportError::Foreign)?;
    let restored = restore(export.progress, profile).map_err(ImportError::Unreadable)?;
    if !restored.set_aside.is_empty() {
        return Err(ImportError::DoesNotFit(restored.set_aside));
    }
    Ok(restored.progress)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::candidate::answer::Answer;
    use crate::domain::candidate::check::Mode;
    use crate::domain::testing::sample_profile;
    // The tests build and edit documents with serde_json's value, the reference parser's.
    use serde_json::Value;

    fn some_progress() -> Progress {
        let profile = sample_profile();
        let mut p = Progress::new("sample-role", 3);
        p.mode = Mode::Quick;
        p.record(&profile, "py-q1", Answer::Choice { selected: vec![0] });
        p.record(&profile, "python-self", Answer::Rating { level: 3 });
        p.record(&profile, "infra-q1", Answer::Skipped);
        p
    }

    /// The import of `some_progress`'s export, edited by `edit` first.
    fn import_edited(edit: &dyn Fn(&mut Value)) -> Result<Progress, ImportError> {
        let profile = sample_profile();
        let mut v: Value =
            serde_json::from_str(&export_progress(&profile, &some_progress())).unwrap();
        edit(&mut v);
        import_progress(&v.to_string(), &profile)
    }

    #[test]
    fn an_export_imports_to_the_same_progress() {
        let profile = sample_profile();
        let file = export_progress(&profile, &some_progress());
        assert_eq!(import_progress(&file, &profile), Ok(some_progress()));
    }

    #[test]
    fn the_history_and_the_evidence_travel_in_the_file() {
        use crate::domain::candidate::evidence::Evidence;
        let profile = sample_profile();
        let mut progress = some_progress();
        progress.finish(&profile, "2026-12-01");
        progress.retake(&profile, vec!["infra".into()]);
        progress
            .add_evidence(
                &profile,
                "docker",
                Evidence::new("https://github.com/jane/compose", "a Compose file").unwrap(),
            )
            .unwrap();
        let file = export_progress(&profile, &progress);
        assert!(file.contains("\"attempts\"") && file.contains("https://github.com/jane/compose"));
        let back = import_progress(&file, &profile).expect("imports");
        assert_eq!(back, progress);
        assert_eq!(back.attempts.len(), 1);
        assert_eq!(back.focus, ["infra"]);
    }

    #[test]
    fn foreign_future_damaged_and_misfitting_files_are_refused() {
        let profile = sample_profile();
        let with = |f: &dyn Fn(&mut Value)| import_edited(f);
        assert_eq!(
            import_progress("{ nope", &profile),
            Err(ImportError::NotJson)
        );
        assert_eq!(
            import_progress("[1, 2]", &profile),
            Err(ImportError::Foreign)
        );
        assert_eq!(
            with(&|v| v["format"] = "something-else".into()),
            Err(ImportError::Foreign)
        );
        assert_eq!(
            with(&|v| v["version"] = 2.into()),
            Err(ImportError::FromTheFuture(2))
        );
        assert!(matches!(
            with(&|v| v["progress"]["schema_version"] = 9.into()),
            Err(ImportError::Unreadable(ProgressError::FromTheFuture(9)))
        ));
        assert!(matches!(
            with(&|v| v["progress"]["profile_id"] = "another-role".into()),
            Err(ImportError::Unreadable(ProgressError::OtherProfile(_)))
        ));
        assert!(matches!(
            with(&|v| v["progress"]["answers"]["py-q1"] =
                serde_json::json!({"kind": "choice", "selected": [7]})),
            Err(ImportError::DoesNotFit(_))
        ));
        assert!(matches!(
            with(&|v| v["progress"]["answers"] = "all of them".into()),
            Err(ImportError::Unreadable(ProgressError::Malformed(_)))
        ));
        assert_eq!(with(&|v| v["extra"] = 1.into()), Err(ImportError::Foreign));
    }

    #[test]
    fn names_from_the_file_are_shown_escaped_and_cut_short() {
        let with = |f: &dyn Fn(&mut Value)| import_edited(f).unwrap_err().to_string();
        assert_eq!(
            with(&|v| v["progress"]["profile_id"] = "other\nrole".into()),
            "the file holds progress for another role (`other\\nrole`)"
        );
        let long = with(&|v| v["progress"]["profile_id"] = "x".repeat(5000).into());
        assert!(long.chars().count() < 200, "{long}");
        let odd = with(&|v| v["progress"]["mode"] = format!("\u{1b}{}", "q".repeat(5000)).into());
        assert!(
            odd.starts_with("the progress in the file cannot be used: its contents are damaged (unknown variant `\\u{1b}qqq"),
            "{odd}"
        );
        assert!(
            odd.chars().count() <= 400 && !odd.chars().any(char::is_control),
            "{odd}"
        );
    }

    #[test]
    fn an_unreadable_progress_is_kept_as_the_cause() {
        use std::error::Error as _;
        let error = import_edited(&|v| v["progress"]["schema_version"] = 99.into()).unwrap_err();
        let cause = error.source().expect("the progress error is the cause");
        assert_eq!(
            cause.to_string(),
            ProgressError::FromTheFuture(99).to_string()
        );
        assert!(ImportError::NotJson.source().is_none());
    }

    #[test]
    fn every_refusal_reads_as_a_sentence() {
        let e = ImportError::FromTheFuture(3).to_string();
        assert!(e.contains("newer version"), "{e}");
        let e = ImportError::Unreadable(ProgressError::OtherProfile("x".into())).to_string();
        assert_eq!(e, "the file holds progress for another role (`x`)");
    }
}

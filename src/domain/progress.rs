//! The saved-progress schema: what is kept in browser storage between visits.
//!
//! Stored as JSON under a versioned key per profile ([`storage_key`]). Reading goes through
//! [`decode_progress`], which upgrades older schema versions step by step, refuses newer ones,
//! and sets aside answers that no longer fit the profile instead of failing on them.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::answer::{Answer, Answers};
use super::profile::{Profile, QuestionKind, MAX_LEVEL};
use super::seed::fnv1a;
use super::walk::ratings_step_area;

/// The saved-progress schema version this build writes.
pub const PROGRESS_SCHEMA_VERSION: u32 = 3;

/// Where a profile's progress lives in localStorage. The `v1` names the key layout; the document
/// under it carries its own `schema_version` and is migrated in place.
pub fn storage_key(profile_id: &str) -> String {
    format!("fitcheck.progress.v1.{profile_id}")
}

/// How the candidate goes through the items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Every item of the profile.
    #[default]
    Full,
    /// Self-ratings, then per area the most informative questions until the estimate is precise
    /// enough (see `domain::adaptive`).
    Quick,
}

/// Where unreadable progress is kept so that nothing the candidate did is overwritten.
pub fn backup_key(profile_id: &str, timestamp_ms: u64) -> String {
    format!("{}.unreadable.{timestamp_ms}", storage_key(profile_id))
}

/// A candidate's progress through one profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub schema_version: u32,
    pub profile_id: String,
    pub mode: Mode,
    pub answers: Answers,
    /// The item the candidate was on, by id.
    #[serde(default)]
    pub current: Option<String>,
    /// True once the candidate has reached the results page.
    #[serde(default)]
    pub finished: bool,
    /// Fixes the order in which this candidate sees each question's options
    /// (`answer::shown_order`), so it stays the same across visits.
    pub option_seed: u64,
    /// Areas a quick check was continued in, past its quick maximum, by the candidate's choice.
    #[serde(default)]
    pub continued: Vec<String>,
}

impl Progress {
    /// New progress; `option_seed` should be random (the browser glue draws it).
    pub fn new(profile_id: &str, option_seed: u64) -> Progress {
        Progress {
            schema_version: PROGRESS_SCHEMA_VERSION,
            profile_id: profile_id.to_owned(),
            mode: Mode::Full,
            answers: Answers::new(),
            current: None,
            finished: false,
            option_seed,
            continued: Vec::new(),
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("progress is plain data and always serialises")
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }
}

/// Why saved progress could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ProgressError {
    NotJson(String),
    NoVersion,
    FromTheFuture(u64),
    OtherProfile(String),
    Malformed(String),
}

impl fmt::Display for ProgressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgressError::NotJson(e) => write!(f, "it is not valid JSON ({e})"),
            ProgressError::NoVersion => write!(f, "it has no `schema_version`, so it is not Fitcheck progress"),
            ProgressError::FromTheFuture(v) => write!(
                f,
                "it was saved by a newer version of Fitcheck (schema {v}; this version reads up to {PROGRESS_SCHEMA_VERSION}); reload to get the newest version"
            ),
            ProgressError::OtherProfile(id) => write!(f, "it belongs to another role profile (`{id}`)"),
            ProgressError::Malformed(e) => write!(f, "its contents are damaged ({e})"),
        }
    }
}

/// Progress that was read, with a sentence for every answer that had to be set aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub progress: Progress,
    pub set_aside: Vec<String>,
}

/// Reads saved progress for `profile`.
pub fn decode_progress(raw: &str, profile: &Profile) -> Result<Restored, ProgressError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| ProgressError::NotJson(e.to_string()))?;
    let value = migrate(value)?;
    let progress: Progress =
        serde_json::from_value(value).map_err(|e| ProgressError::Malformed(e.to_string()))?;
    if progress.profile_id != profile.id {
        return Err(ProgressError::OtherProfile(progress.profile_id));
    }
    Ok(reconcile(progress, profile))
}

/// Brings an older saved value up to [`PROGRESS_SCHEMA_VERSION`], one version at a time.
fn migrate(mut value: Value) -> Result<Value, ProgressError> {
    loop {
        let version = value
            .get("schema_version")
            .and_then(Value::as_u64)
            .ok_or(ProgressError::NoVersion)?;
        match version {
            v if v == u64::from(PROGRESS_SCHEMA_VERSION) => return Ok(value),
            v if v > u64::from(PROGRESS_SCHEMA_VERSION) => {
                return Err(ProgressError::FromTheFuture(v))
            }
            // Version 2 added the mode; everything saved before it was a full check.
            1 => {
                let Value::Object(map) = &mut value else {
                    return Err(ProgressError::Malformed("not an object".into()));
                };
                map.insert("mode".into(), Value::from("full"));
                map.insert("schema_version".into(), Value::from(2));
            }
            // Version 3 shuffles options per candidate. Answers always stored the profile's
            // option indices, so they keep their meaning; the seed is drawn from the saved text
            // itself, so it differs between candidates and stays put once written.
            2 => {
                let seed = fnv1a(value.to_string().as_bytes());
                let Value::Object(map) = &mut value else {
                    return Err(ProgressError::Malformed("not an object".into()));
                };
                map.insert("option_seed".into(), Value::from(seed));
                map.insert("continued".into(), Value::Array(Vec::new()));
                map.insert("schema_version".into(), Value::from(3));
            }
            v => {
                return Err(ProgressError::Malformed(format!(
                    "schema version {v} never existed"
                )))
            }
        }
    }
}

/// Drops answers that do not fit the profile (edited since they were given), so that the rest of
/// the app can trust every stored answer.
fn reconcile(mut progress: Progress, profile: &Profile) -> Restored {
    let mut set_aside = Vec::new();
    progress.answers.retain(|id, answer| {
        let fits = match (profile.question(id), profile.self_rating(id), &*answer) {
            (_, _, Answer::Skipped) => {
                profile.question(id).is_some() || profile.self_rating(id).is_some()
            }
            (Some(q), _, Answer::Choice { selected }) => {
                !selected.is_empty()
                    && selected.iter().all(|&i| i < q.options.len())
                    && (q.kind == QuestionKind::MultipleSelect || selected.len() == 1)
            }
            (_, Some(_), Answer::Rating { level }) => *level <= MAX_LEVEL,
            _ => false,
        };
        if !fits {
            set_aside.push(format!("the answer to `{id}` no longer fits this profile"));
        }
        fits
    });
    let current_is_known = progress.current.as_deref().is_none_or(|id| {
        profile.question(id).is_some()
            || ratings_step_area(id).is_some_and(|area| profile.area(area).is_some())
    });
    if !current_is_known {
        progress.current = None;
    }
    Restored {
        progress,
        set_aside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::sample_profile;

    fn saved(json: &str) -> Result<Restored, ProgressError> {
        decode_progress(json, &sample_profile())
    }

    #[test]
    fn progress_round_trips() {
        let mut p = Progress::new("sample-role", 99);
        p.continued.push("python".into());
        p.answers.insert(
            "py-q3".into(),
            Answer::Choice {
                selected: vec![0, 2],
            },
        );
        p.answers
            .insert("python-self".into(), Answer::Rating { level: 3 });
        p.answers.insert("py-q1".into(), Answer::Skipped);
        p.current = Some("py-q2".into());
        let restored = saved(&p.encode()).expect("own output reads back");
        assert_eq!(restored.progress, p);
        assert!(restored.set_aside.is_empty());
    }

    #[test]
    fn the_stored_form_is_stable() {
        let mut p = Progress::new("sample-role", 5);
        p.answers
            .insert("py-q1".into(), Answer::Choice { selected: vec![0] });
        p.answers
            .insert("python-self".into(), Answer::Rating { level: 2 });
        assert_eq!(
            p.encode(),
            r#"{"schema_version":3,"profile_id":"sample-role","mode":"full","answers":{"py-q1":{"kind":"choice","selected":[0]},"python-self":{"kind":"rating","level":2}},"current":null,"finished":false,"option_seed":5,"continued":[]}"#
        );
    }

    #[test]
    fn unreadable_progress_says_why() {
        assert!(matches!(saved("{not json"), Err(ProgressError::NotJson(_))));
        assert_eq!(saved("[1,2]"), Err(ProgressError::NoVersion));
        assert_eq!(
            saved(r#"{"schema_version":9,"profile_id":"sample-role","answers":{}}"#),
            Err(ProgressError::FromTheFuture(9))
        );
        assert_eq!(
            saved(r#"{"schema_version":1,"profile_id":"another","answers":{}}"#),
            Err(ProgressError::OtherProfile("another".into()))
        );
        let damaged = saved(
            r#"{"schema_version":1,"profile_id":"sample-role","answers":{"py-q1":{"kind":"choice"}}}"#,
        );
        assert!(
            matches!(damaged, Err(ProgressError::Malformed(ref e)) if e.contains("missing field `selected`"))
        );
        let text = ProgressError::FromTheFuture(9).to_string();
        assert!(text.contains("newer version of Fitcheck"), "{text}");
    }

    #[test]
    fn answers_that_no_longer_fit_are_set_aside() {
        let json = r#"{"schema_version":1,"profile_id":"sample-role","current":"gone-item","answers":{
            "py-q1":{"kind":"choice","selected":[7]},
            "py-q2":{"kind":"choice","selected":[0,1]},
            "python-self":{"kind":"rating","level":9},
            "gone-item":{"kind":"skipped"},
            "py-q3":{"kind":"rating","level":1},
            "infra-q1":{"kind":"choice","selected":[0]}}}"#;
        let restored = saved(json).expect("reads with answers set aside");
        assert_eq!(restored.progress.answers.len(), 1);
        assert!(restored.progress.answers.contains_key("infra-q1"));
        assert_eq!(restored.set_aside.len(), 5);
        assert_eq!(restored.progress.current, None);
    }

    #[test]
    fn version_1_progress_is_upgraded_to_a_full_check() {
        let v1 = r#"{"schema_version":1,"profile_id":"sample-role","answers":{"py-q1":{"kind":"choice","selected":[0]}},"current":"py-q2","finished":false}"#;
        let restored = saved(v1).expect("version 1 is read");
        assert_eq!(restored.progress.schema_version, 3);
        assert_eq!(restored.progress.mode, Mode::Full);
        assert_eq!(restored.progress.current.as_deref(), Some("py-q2"));
        assert_eq!(restored.progress.answers.len(), 1);
        assert!(matches!(
            saved(r#"{"schema_version":0,"profile_id":"sample-role","answers":{}}"#),
            Err(ProgressError::Malformed(_))
        ));
    }

    #[test]
    fn version_2_progress_gets_an_option_order_and_keeps_its_answers() {
        let v2 = r#"{"schema_version":2,"profile_id":"sample-role","mode":"quick","answers":{"py-q3":{"kind":"choice","selected":[0,2]}},"current":"py-q2","finished":false}"#;
        let restored = saved(v2).expect("version 2 is read").progress;
        assert_eq!(restored.schema_version, PROGRESS_SCHEMA_VERSION);
        assert_eq!(restored.mode, Mode::Quick);
        assert!(restored.continued.is_empty());
        // The answer still names the profile's options 0 and 2 (GET and POST), whatever order
        // the options are now shown in.
        assert_eq!(
            restored.answers["py-q3"],
            Answer::Choice {
                selected: vec![0, 2]
            }
        );
        let again = saved(v2).unwrap().progress;
        assert_eq!(
            again.option_seed, restored.option_seed,
            "the same text, the same order"
        );
        let other = v2.replace("py-q2", "py-q1");
        assert_ne!(
            saved(&other).unwrap().progress.option_seed,
            restored.option_seed
        );
        // Once written in the new schema, the seed is kept as it is.
        assert_eq!(
            saved(&restored.encode()).unwrap().progress.option_seed,
            restored.option_seed
        );
    }

    #[test]
    fn keys_are_versioned_per_profile() {
        assert_eq!(storage_key("sumup"), "fitcheck.progress.v1.sumup");
        assert_eq!(
            backup_key("sumup", 42),
            "fitcheck.progress.v1.sumup.unreadable.42"
        );
    }
}

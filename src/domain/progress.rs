//! The saved-progress schema: what is kept in browser storage between visits.
//!
//! Stored as JSON under a versioned key per profile ([`storage_key`]). Reading goes through
//! [`decode_progress`], which upgrades older schema versions step by step, refuses newer ones,
//! and keeps aside answers that no longer fit the profile instead of failing on them: they stay in
//! storage (and in exports) and come back if the profile offers their question again.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::answer::{options_print, Answer, Answers};
use super::notice::Notice;
use super::problem::{readable, shown};
use super::profile::{Profile, QuestionKind, MAX_LEVEL};
use super::seed::{fnv1a, json_safe};
use super::walk::ratings_step_area;

/// The saved-progress schema version this build writes.
pub const PROGRESS_SCHEMA_VERSION: u32 = 4;

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
    /// For each answered question, a fingerprint of the options it offered when it was answered
    /// ([`options_print`]), so an answer whose options changed since is recognised.
    #[serde(default)]
    pub options: BTreeMap<String, u64>,
    /// Answers to items the profile no longer has in the form they were answered (the item was
    /// dropped, or its options changed). Kept, never deleted: one comes back when the profile
    /// offers its item again as it was.
    #[serde(default)]
    pub kept_aside: BTreeMap<String, KeptAnswer>,
}

/// An answer kept aside, with the fingerprint of the options it was given to, if known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptAnswer {
    pub answer: Answer,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<u64>,
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
            options: BTreeMap::new(),
            kept_aside: BTreeMap::new(),
        }
    }

    /// Records `answer` to item `id` of `profile`, with the fingerprint of a question's options,
    /// and makes it the current item.
    pub fn record(&mut self, profile: &Profile, id: &str, answer: Answer) {
        match profile.question(id) {
            Some(question) => self.options.insert(id.to_owned(), options_print(question)),
            None => self.options.remove(id),
        };
        self.kept_aside.remove(id);
        self.answers.insert(id.to_owned(), answer);
        self.current = Some(id.to_owned());
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
            ProgressError::NotJson(e) => write!(f, "it is not valid JSON ({})", readable(e)),
            ProgressError::NoVersion => write!(f, "it has no `schema_version`, so it is not Fitcheck progress"),
            ProgressError::FromTheFuture(v) => write!(
                f,
                "it was saved by a newer version of Fitcheck (schema {v}; this version reads up to {PROGRESS_SCHEMA_VERSION}); reload to get the newest version"
            ),
            ProgressError::OtherProfile(id) => write!(f, "it belongs to another role profile (`{}`)", shown(id)),
            ProgressError::Malformed(e) => write!(f, "its contents are damaged ({})", readable(e)),
        }
    }
}

impl std::error::Error for ProgressError {}

/// An answer kept aside because it does not fit the profile as it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    /// The item answered.
    pub id: String,
    pub why: Misfit,
}

/// Why an answer does not fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Misfit {
    /// The item is gone, or the answer is not one it can have (an option it lacks).
    NoLongerFits,
    /// The question's options changed after it was answered.
    OptionsChanged,
}

/// In English, for logs and messages outside the interface (which words it in its language).
impl fmt::Display for SetAside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.why {
            Misfit::NoLongerFits => {
                write!(
                    f,
                    "the answer to `{}` no longer fits this profile",
                    shown(&self.id)
                )
            }
            Misfit::OptionsChanged => write!(
                f,
                "the options of `{}` changed after it was answered",
                shown(&self.id)
            ),
        }
    }
}

/// Progress that was read, with a sentence for every answer that had to be kept aside now, and
/// the ids of answers kept aside earlier that came back.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub progress: Progress,
    pub set_aside: Vec<SetAside>,
    pub came_back: Vec<String>,
}

impl Restored {
    /// What the candidate is told about answers kept aside now and answers that came back.
    pub fn notices(&self) -> Vec<Notice> {
        let mut notices = Vec::new();
        if !self.set_aside.is_empty() {
            notices.push(Notice::KeptAside {
                count: self.set_aside.len(),
            });
        }
        if !self.came_back.is_empty() {
            notices.push(Notice::CameBack {
                count: self.came_back.len(),
            });
        }
        notices
    }
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
            // Version 4 keeps answers aside instead of dropping them, and fingerprints the options
            // each question was answered with; reconcile fills those in for the answers there.
            3 => {
                let Value::Object(map) = &mut value else {
                    return Err(ProgressError::Malformed("not an object".into()));
                };
                map.insert("options".into(), Value::Object(Default::default()));
                map.insert("kept_aside".into(), Value::Object(Default::default()));
                map.insert("schema_version".into(), Value::from(4));
            }
            // Version 3 shuffles options per candidate. Answers always stored the profile's
            // option indices, so they keep their meaning; the seed is drawn from the saved text
            // itself, so it differs between candidates and stays put once written.
            2 => {
                let seed = json_safe(fnv1a(value.to_string().as_bytes()));
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

/// Whether `answer` can be an answer to item `id` of `profile` as it is now: every answer in
/// decoded progress does (the rest of the app relies on it).
pub fn fits(profile: &Profile, id: &str, answer: &Answer) -> bool {
    match (profile.question(id), profile.self_rating(id), answer) {
        (q, r, Answer::Skipped) => q.is_some() || r.is_some(),
        (Some(q), _, Answer::Choice { selected }) => {
            !selected.is_empty()
                && selected.iter().all(|&i| i < q.options.len())
                && (q.kind == QuestionKind::MultipleSelect || selected.len() == 1)
        }
        (_, Some(_), Answer::Rating { level }) => *level <= MAX_LEVEL,
        _ => false,
    }
}

/// Whether a question's options are still those fingerprinted as `print` (unknown counts as the
/// same: progress saved before fingerprints existed).
fn same_options(profile: &Profile, id: &str, print: Option<u64>) -> bool {
    match (profile.question(id), print) {
        (Some(question), Some(print)) => options_print(question) == print,
        _ => true,
    }
}

/// Moves answers that do not fit the profile as it is now into `kept_aside`, and brings back
/// kept answers that fit again, so that the rest of the app can trust every answer in `answers`
/// and nothing the candidate did is lost to a profile edit.
fn reconcile(mut progress: Progress, profile: &Profile) -> Restored {
    let mut set_aside = Vec::new();
    let answers = std::mem::take(&mut progress.answers);
    for (id, answer) in answers {
        let print = progress.options.get(&id).copied();
        if !fits(profile, &id, &answer) {
            set_aside.push(SetAside {
                id: id.clone(),
                why: Misfit::NoLongerFits,
            });
        } else if !same_options(profile, &id, print) {
            set_aside.push(SetAside {
                id: id.clone(),
                why: Misfit::OptionsChanged,
            });
        } else {
            progress.answers.insert(id, answer);
            continue;
        }
        progress.options.remove(&id);
        progress.kept_aside.insert(
            id,
            KeptAnswer {
                answer,
                options: print,
            },
        );
    }
    let mut came_back = Vec::new();
    let kept = std::mem::take(&mut progress.kept_aside);
    for (id, kept) in kept {
        // An answer kept aside just now fails the same checks again and stays.
        let returns = !progress.answers.contains_key(&id)
            && fits(profile, &id, &kept.answer)
            && same_options(profile, &id, kept.options);
        if returns {
            progress.answers.insert(id.clone(), kept.answer);
            came_back.push(id);
        } else {
            progress.kept_aside.insert(id, kept);
        }
    }
    // Every answered question carries the fingerprint of its options from here on, and no
    // fingerprint outlives its answer.
    progress
        .options
        .retain(|id, _| progress.answers.contains_key(id));
    for id in progress.answers.keys() {
        if let Some(question) = profile.question(id) {
            progress
                .options
                .entry(id.clone())
                .or_insert_with(|| options_print(question));
        }
    }
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
        came_back,
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
        let profile = sample_profile();
        let mut p = Progress::new("sample-role", 99);
        p.continued.push("python".into());
        p.record(
            &profile,
            "py-q3",
            Answer::Choice {
                selected: vec![0, 2],
            },
        );
        p.record(&profile, "python-self", Answer::Rating { level: 3 });
        p.record(&profile, "py-q1", Answer::Skipped);
        p.current = Some("py-q2".into());
        p.kept_aside.insert(
            "gone-item".into(),
            KeptAnswer {
                answer: Answer::Skipped,
                options: Some(1),
            },
        );
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
            r#"{"schema_version":4,"profile_id":"sample-role","mode":"full","answers":{"py-q1":{"kind":"choice","selected":[0]},"python-self":{"kind":"rating","level":2}},"current":null,"finished":false,"option_seed":5,"continued":[],"options":{},"kept_aside":{}}"#
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

    /// The sample profile with `edit` applied.
    fn edited(edit: impl FnOnce(&mut Profile)) -> Profile {
        let mut profile = sample_profile();
        edit(&mut profile);
        profile
    }

    fn answered(profile: &Profile) -> Progress {
        let mut p = Progress::new("sample-role", 7);
        p.record(profile, "py-q1", Answer::Choice { selected: vec![1] });
        p.record(profile, "py-q2", Answer::Choice { selected: vec![0] });
        p.record(profile, "python-self", Answer::Rating { level: 2 });
        p
    }

    #[test]
    fn an_answer_to_a_dropped_question_is_kept_aside_and_comes_back_with_it() {
        let full = sample_profile();
        let without = edited(|p| p.questions.retain(|q| q.id != "py-q2"));
        let saved = answered(&full).encode();

        let on_fewer = decode_progress(&saved, &without).expect("reads");
        assert!(!on_fewer.progress.answers.contains_key("py-q2"));
        assert_eq!(on_fewer.progress.answers.len(), 2);
        assert_eq!(on_fewer.set_aside.len(), 1, "{:?}", on_fewer.set_aside);
        assert!(on_fewer.came_back.is_empty());
        let kept = &on_fewer.progress.kept_aside["py-q2"];
        assert_eq!(kept.answer, Answer::Choice { selected: vec![0] });
        assert_eq!(on_fewer.notices(), vec![Notice::KeptAside { count: 1 }]);

        // Saved while the question is gone (this is what the app writes back), then read with
        // the question restored: the answer is there again, and nothing is left aside.
        let back = decode_progress(&on_fewer.progress.encode(), &full).expect("reads");
        assert_eq!(
            back.progress.answers["py-q2"],
            Answer::Choice { selected: vec![0] }
        );
        assert_eq!(back.came_back, vec!["py-q2".to_owned()]);
        assert!(back.set_aside.is_empty());
        assert!(back.progress.kept_aside.is_empty());
        assert_eq!(back.progress.answers, answered(&full).answers);
        assert_eq!(back.notices(), vec![Notice::CameBack { count: 1 }]);
    }

    #[test]
    fn an_answer_whose_options_changed_is_kept_aside_until_they_are_as_they_were() {
        let full = sample_profile();
        let reworded = edited(|p| {
            let q = p.questions.iter_mut().find(|q| q.id == "py-q1").unwrap();
            q.options.swap(0, 1);
        });
        let saved = answered(&full).encode();
        let on_reworded = decode_progress(&saved, &reworded).expect("reads");
        assert!(!on_reworded.progress.answers.contains_key("py-q1"));
        assert_eq!(
            on_reworded.set_aside,
            [SetAside {
                id: "py-q1".into(),
                why: Misfit::OptionsChanged
            }]
        );
        assert_eq!(
            on_reworded.set_aside[0].to_string(),
            "the options of `py-q1` changed after it was answered"
        );
        assert!(on_reworded.progress.kept_aside.contains_key("py-q1"));
        // The candidate answers the reworded question: that answer is theirs now.
        let mut p = on_reworded.progress.clone();
        p.record(&reworded, "py-q1", Answer::Choice { selected: vec![0] });
        assert!(!p.kept_aside.contains_key("py-q1"));
        assert_eq!(decode_progress(&p.encode(), &reworded).unwrap().progress, p);
        // Not answered again, and the options are restored: the old answer comes back.
        let back = decode_progress(&on_reworded.progress.encode(), &full).expect("reads");
        assert_eq!(
            back.progress.answers["py-q1"],
            Answer::Choice { selected: vec![1] }
        );
        assert_eq!(back.came_back, vec!["py-q1".to_owned()]);
        // A fixed key is not a change of options: the answer stays where it is.
        let rekeyed = edited(|p| {
            let q = p.questions.iter_mut().find(|q| q.id == "py-q1").unwrap();
            for o in &mut q.options {
                o.correct = !o.correct;
            }
        });
        assert!(decode_progress(&saved, &rekeyed)
            .unwrap()
            .set_aside
            .is_empty());
    }

    #[test]
    fn version_3_progress_gains_fingerprints_for_its_answers() {
        let v3 = r#"{"schema_version":3,"profile_id":"sample-role","mode":"full","answers":{"py-q1":{"kind":"choice","selected":[0]}},"current":null,"finished":false,"option_seed":5,"continued":[]}"#;
        let restored = saved(v3).expect("version 3 is read").progress;
        assert_eq!(restored.schema_version, 4);
        assert_eq!(
            restored.options["py-q1"],
            options_print(sample_profile().question("py-q1").unwrap())
        );
        assert!(restored.kept_aside.is_empty());
    }

    #[test]
    fn version_1_progress_is_upgraded_to_a_full_check() {
        let v1 = r#"{"schema_version":1,"profile_id":"sample-role","answers":{"py-q1":{"kind":"choice","selected":[0]}},"current":"py-q2","finished":false}"#;
        let restored = saved(v1).expect("version 1 is read");
        assert_eq!(restored.progress.schema_version, PROGRESS_SCHEMA_VERSION);
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

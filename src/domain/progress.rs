//! The saved-progress schema: what is kept in browser storage between visits.
//!
//! Stored as JSON under a versioned key per profile ([`storage_key`]). Reading goes through
//! [`decode_progress`], which upgrades older schema versions step by step, refuses newer ones,
//! and keeps aside answers that no longer fit the profile instead of failing on them: they stay in
//! storage (and in exports) and come back if the profile offers their question again.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::answer::{options_print, Answer, Answers};
use super::evidence::{self, Evidence, EvidenceError, MAX_PER_REQUIREMENT};
use super::history::{self, Attempt};
use super::notice::Notice;
use super::problem::{readable, shown};
use super::profile::{Profile, QuestionKind, MAX_LEVEL};
use super::scoring::assess;
use super::seed::{fnv1a, json_safe};
use super::share::SharedSummary;
use super::validate::is_slug;
use super::walk::{covers, ratings_step_area};

/// The saved-progress schema version this build writes.
pub const PROGRESS_SCHEMA_VERSION: u32 = 5;

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

impl Mode {
    /// The mode of this name, as progress stores it ("full", "quick").
    pub fn named(name: &str) -> Option<Mode> {
        Mode::deserialize(serde_json::Value::from(name)).ok()
    }
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
    /// The number the answers here will have as an attempt (see [`Progress::finish`]).
    #[serde(default = "first_run")]
    pub run: u32,
    /// The finished checks, oldest first (`domain::history`).
    #[serde(default)]
    pub attempts: Vec<Attempt>,
    /// The areas a retake covers; empty for a check of every area.
    #[serde(default)]
    pub focus: Vec<String>,
    /// Questions answered in earlier attempts, which a retake asks only once the others are
    /// used up.
    #[serde(default)]
    pub seen: BTreeSet<String>,
    /// Links to the candidate's work, per requirement id (`domain::evidence`).
    #[serde(default)]
    pub evidence: BTreeMap<String, Vec<Evidence>>,
}

fn first_run() -> u32 {
    1
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
            run: first_run(),
            attempts: Vec::new(),
            focus: Vec::new(),
            seen: BTreeSet::new(),
            evidence: BTreeMap::new(),
        }
    }

    /// The check's results were reached: it is finished, and kept as an attempt dated `date`
    /// (`YYYY-MM-DD`), in place of the one kept before for the same answers, if any.
    pub fn finish(&mut self, profile: &Profile, date: &str) {
        self.finished = true;
        let assessment = assess(profile, &self.answers, self.option_seed);
        let attempt = Attempt {
            number: self.run,
            date: date.to_owned(),
            mode: self.mode,
            areas: self.focus.clone(),
            summary: SharedSummary::from_assessment(&profile.id, &assessment),
        };
        history::record(&mut self.attempts, attempt);
    }

    /// Whether the check asks in `area_id`: every area, or for a retake only its own.
    pub fn covers(&self, area_id: &str) -> bool {
        covers(&self.focus, area_id)
    }

    /// The attempt before the answers here: the newest kept with a lower number.
    pub fn previous_attempt(&self) -> Option<&Attempt> {
        self.attempts.iter().rev().find(|a| a.number < self.run)
    }

    /// What changed between the attempt before the answers here and `now`, their summary.
    pub fn since_previous(&self, now: &SharedSummary) -> Option<history::SinceThen> {
        self.previous_attempt()
            .map(|then| history::since(then, now))
    }

    /// The attempt the answers here were kept as, once finished.
    pub fn this_attempt(&self) -> Option<&Attempt> {
        self.attempts.iter().rev().find(|a| a.number == self.run)
    }

    /// The number the next check gets: after every attempt kept, and after these answers if
    /// they were kept as one.
    fn next_run(&self) -> u32 {
        let last = self.attempts.iter().map(|a| a.number).max().unwrap_or(0);
        last.max(self.run - u32::from(self.this_attempt().is_none())) + 1
    }

    /// Deletes every answer and starts a new check with `option_seed`; the attempts and the
    /// evidence stay.
    pub fn start_over(&mut self, option_seed: u64) {
        let mut fresh = Progress::new(&self.profile_id, option_seed);
        fresh.run = self.next_run();
        fresh.attempts = std::mem::take(&mut self.attempts);
        fresh.evidence = std::mem::take(&mut self.evidence);
        fresh.kept_aside = std::mem::take(&mut self.kept_aside);
        *self = fresh;
    }

    /// "Retake my gaps": a new quick check of `areas` only. Their answers start afresh; the
    /// rest stay, so the results still cover every area. The questions answered so far are
    /// asked again only when an area has no others left.
    pub fn retake(&mut self, profile: &Profile, areas: Vec<String>) {
        if areas.is_empty() {
            return;
        }
        self.seen.extend(
            self.answers
                .keys()
                .filter(|id| profile.question(id).is_some())
                .cloned(),
        );
        let in_focus = |id: &str| {
            let area = profile
                .question(id)
                .map(|q| &q.area)
                .or_else(|| profile.self_rating(id).map(|r| &r.area));
            area.is_some_and(|a| areas.contains(a))
        };
        self.answers.retain(|id, _| !in_focus(id));
        let answers = &self.answers;
        self.options.retain(|id, _| answers.contains_key(id));
        self.run = self.next_run();
        self.mode = Mode::Quick;
        self.focus = areas;
        self.continued.clear();
        self.finished = false;
        self.current = None;
    }

    /// Adds a link to requirement `requirement_id` of `profile`.
    pub fn add_evidence(
        &mut self,
        profile: &Profile,
        requirement_id: &str,
        link: Evidence,
    ) -> Result<(), EvidenceError> {
        if !profile.requirements.iter().any(|r| r.id == requirement_id) {
            return Err(EvidenceError::UnknownRequirement);
        }
        // A refused link leaves no empty list behind: only a list with links refuses one.
        evidence::add_to(
            self.evidence.entry(requirement_id.to_owned()).or_default(),
            link,
        )
    }

    /// Removes the link to `url` from requirement `requirement_id`.
    pub fn remove_evidence(&mut self, requirement_id: &str, url: &str) {
        if let Some(list) = self.evidence.get_mut(requirement_id) {
            list.retain(|e| e.url != url);
            if list.is_empty() {
                self.evidence.remove(requirement_id);
            }
        }
    }

    /// Every evidence link with its requirement, in the profile's order of requirements (links
    /// to requirements the profile no longer has are kept but not listed).
    pub fn evidence_in_order<'a>(
        &'a self,
        profile: &'a Profile,
    ) -> impl Iterator<Item = (&'a str, &'a Evidence)> + 'a {
        profile.requirements.iter().flat_map(move |r| {
            self.evidence
                .get(&r.id)
                .into_iter()
                .flatten()
                .map(move |e| (r.id.as_str(), e))
        })
    }

    /// Whether the history and evidence are as this build writes them: what serde cannot check.
    fn check_extras(&self) -> Result<(), String> {
        if self.run == 0 {
            return Err("its attempt number is 0".into());
        }
        if let Some(a) = self.attempts.iter().find(|a| !a.is_sound()) {
            return Err(format!("attempt {} in its history is damaged", a.number));
        }
        if self.attempts.windows(2).any(|w| w[0].number >= w[1].number) {
            return Err("its attempts are out of order".into());
        }
        let bad_id = |id: &String| !is_slug(id);
        if self.focus.iter().any(bad_id) || self.seen.iter().any(bad_id) {
            return Err("it names an area or question with a garbled id".into());
        }
        for (requirement, links) in &self.evidence {
            if bad_id(requirement) || links.is_empty() || links.len() > MAX_PER_REQUIREMENT {
                return Err(format!(
                    "its evidence for `{}` is damaged",
                    shown(requirement)
                ));
            }
            if links.iter().any(|e| !e.is_sound()) {
                return Err(format!(
                    "its evidence for `{}` has a link that is not a valid https address",
                    shown(requirement)
                ));
            }
        }
        Ok(())
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
        serde_json::to_string(self).expect("progress is plain data with string keys")
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
    restore(value, profile)
}

/// Reads progress for `profile` from its JSON value (as saved, or inside an export).
pub fn restore(value: Value, profile: &Profile) -> Result<Restored, ProgressError> {
    let value = migrate(value)?;
    let progress =
        Progress::deserialize(value).map_err(|e| ProgressError::Malformed(e.to_string()))?;
    progress.check_extras().map_err(ProgressError::Malformed)?;
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
                map.insert("mode".into(), json!("full"));
                map.insert("schema_version".into(), json!(2));
            }
            // Version 4 keeps answers aside instead of dropping them, and fingerprints the options
            // each question was answered with; reconcile fills those in for the answers there.
            3 => {
                let Value::Object(map) = &mut value else {
                    return Err(ProgressError::Malformed("not an object".into()));
                };
                map.insert("options".into(), json!({}));
                map.insert("kept_aside".into(), json!({}));
                map.insert("schema_version".into(), json!(4));
            }
            // Version 5 keeps the history of attempts, retakes and evidence links; progress
            // before it is the first attempt, with no history and no links.
            4 => {
                let Value::Object(map) = &mut value else {
                    return Err(ProgressError::Malformed("not an object".into()));
                };
                map.insert("run".into(), json!(1));
                map.insert("attempts".into(), json!([]));
                map.insert("focus".into(), json!([]));
                map.insert("seen".into(), json!([]));
                map.insert("evidence".into(), json!({}));
                map.insert("schema_version".into(), json!(5));
            }
            // Version 3 shuffles options per candidate. Answers always stored the profile's
            // option indices, so they keep their meaning; the seed is drawn from the saved text
            // itself, so it differs between candidates and stays put once written.
            2 => {
                let seed = json_safe(fnv1a(value.to_string().as_bytes()));
                let Value::Object(map) = &mut value else {
                    return Err(ProgressError::Malformed("not an object".into()));
                };
                map.insert("option_seed".into(), json!(seed));
                map.insert("continued".into(), json!([]));
                map.insert("schema_version".into(), json!(3));
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
    // A retake of areas the profile no longer has covers the ones it still has.
    progress.focus.retain(|id| profile.area(id).is_some());
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
    use crate::domain::testing::{every_question, sample_profile};

    fn saved(json: &str) -> Result<Restored, ProgressError> {
        decode_progress(json, &sample_profile())
    }

    #[test]
    fn a_mode_is_named_as_progress_stores_it() {
        for mode in [Mode::Full, Mode::Quick] {
            let stored = serde_json::to_value(mode).unwrap();
            assert_eq!(Mode::named(stored.as_str().unwrap()), Some(mode));
        }
        assert_eq!(Mode::named("quick"), Some(Mode::Quick));
        assert_eq!(Mode::named("Full"), None);
        assert_eq!(Mode::named(""), None);
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
            r#"{"schema_version":5,"profile_id":"sample-role","mode":"full","answers":{"py-q1":{"kind":"choice","selected":[0]},"python-self":{"kind":"rating","level":2}},"current":null,"finished":false,"option_seed":5,"continued":[],"options":{},"kept_aside":{},"run":1,"attempts":[],"focus":[],"seen":[],"evidence":{}}"#
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
        assert_eq!(restored.schema_version, PROGRESS_SCHEMA_VERSION);
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
    fn version_4_progress_becomes_the_first_attempt_with_no_history() {
        let v4 = r#"{"schema_version":4,"profile_id":"sample-role","mode":"quick","answers":{"py-q1":{"kind":"choice","selected":[0]}},"current":"py-q2","finished":true,"option_seed":5,"continued":[],"options":{},"kept_aside":{}}"#;
        let restored = saved(v4).expect("version 4 is read").progress;
        assert_eq!(restored.schema_version, PROGRESS_SCHEMA_VERSION);
        assert_eq!(restored.run, 1);
        assert!(restored.attempts.is_empty() && restored.evidence.is_empty());
        assert!(restored.focus.is_empty() && restored.seen.is_empty());
        assert_eq!(restored.answers.len(), 1);
        assert!(restored.finished);
        // Written back in version 5, it reads the same.
        assert_eq!(saved(&restored.encode()).unwrap().progress, restored);
    }

    fn all_answered(profile: &Profile, right: bool) -> Progress {
        let mut p = Progress::new("sample-role", 3);
        for (id, answer) in every_question(profile, right) {
            p.record(profile, &id, answer);
        }
        p
    }

    #[test]
    fn finishing_keeps_an_attempt_once_per_check_and_starting_over_keeps_the_history() {
        let profile = sample_profile();
        let mut p = all_answered(&profile, false);
        p.finish(&profile, "2026-12-01");
        assert_eq!(p.attempts.len(), 1);
        assert_eq!(
            p.this_attempt().map(|a| a.date.as_str()),
            Some("2026-12-01")
        );
        assert_eq!(p.previous_attempt(), None);
        // Finished again (after continuing): the same attempt, updated.
        p.finish(&profile, "2026-12-02");
        assert_eq!(p.attempts.len(), 1);
        assert_eq!(p.attempts[0].date, "2026-12-02");

        p.evidence.insert(
            "python-programming".into(),
            vec![Evidence::new("https://github.com/jane/x", "").unwrap()],
        );
        p.start_over(11);
        assert!(p.answers.is_empty() && !p.finished);
        assert_eq!(p.option_seed, 11);
        assert_eq!(p.run, 2);
        assert_eq!(p.attempts.len(), 1, "the history stays");
        assert_eq!(p.evidence.len(), 1, "the evidence stays");
        assert_eq!(p.previous_attempt().map(|a| a.number), Some(1));
        // Starting over before finishing keeps the number: no attempt was kept for it.
        p.start_over(12);
        assert_eq!(p.run, 2);

        let mut right = all_answered(&profile, true);
        right.run = p.run;
        right.attempts = p.attempts.clone();
        right.finish(&profile, "2026-12-06");
        assert_eq!(right.attempts.len(), 2);
        let before = right.previous_attempt().unwrap();
        let changes = history::since(before, &right.this_attempt().unwrap().summary).changes;
        assert!(!changes.is_empty());
        // The whole history survives storage.
        assert_eq!(saved(&right.encode()).unwrap().progress, right);
    }

    #[test]
    fn a_retake_asks_only_the_gap_areas_again_and_keeps_the_rest() {
        let profile = sample_profile();
        let mut p = all_answered(&profile, true);
        p.record(&profile, "python-self", Answer::Rating { level: 2 });
        p.record(&profile, "infra-self", Answer::Rating { level: 1 });
        p.finish(&profile, "2026-12-01");
        let answered_before: Vec<String> = p.answers.keys().cloned().collect();
        p.retake(&profile, vec!["python".into()]);
        assert_eq!(p.mode, Mode::Quick);
        assert_eq!(p.focus, ["python"]);
        assert_eq!(p.run, 2);
        assert!(!p.finished && p.current.is_none());
        for id in &answered_before {
            let in_python = profile.question(id).map(|q| q.area.as_str()) == Some("python")
                || id == "python-self";
            assert_eq!(p.answers.contains_key(id), !in_python, "{id}");
        }
        assert!(p.options.keys().all(|id| p.answers.contains_key(id)));
        // Every question answered before is remembered as seen; self-ratings are not questions.
        let questions: BTreeSet<String> = profile.questions.iter().map(|q| q.id.clone()).collect();
        assert_eq!(p.seen, questions);
        // No gaps, no retake.
        let before = p.clone();
        p.retake(&profile, Vec::new());
        assert_eq!(p, before);
    }

    #[test]
    fn evidence_is_added_checked_and_removed_per_requirement() {
        let profile = sample_profile();
        let requirement = profile.requirements[0].id.clone();
        let mut p = Progress::new("sample-role", 1);
        let link = |n: u32| Evidence::new(&format!("https://github.com/jane/{n}"), "").unwrap();
        assert_eq!(
            p.add_evidence(&profile, "no-such-requirement", link(0)),
            Err(EvidenceError::UnknownRequirement)
        );
        assert!(p.evidence.is_empty());
        for n in 0..3 {
            p.add_evidence(&profile, &requirement, link(n)).unwrap();
        }
        assert_eq!(
            p.add_evidence(&profile, &requirement, link(3)),
            Err(EvidenceError::Full)
        );
        let listed: Vec<&str> = p.evidence_in_order(&profile).map(|(r, _)| r).collect();
        assert_eq!(listed, [requirement.as_str(); 3]);
        p.remove_evidence(&requirement, &link(1).url);
        assert_eq!(p.evidence[requirement.as_str()].len(), 2);
        assert_eq!(saved(&p.encode()).unwrap().progress, p);
        p.remove_evidence(&requirement, &link(0).url);
        p.remove_evidence(&requirement, &link(2).url);
        assert!(p.evidence.is_empty(), "no empty list is left behind");
    }

    #[test]
    fn a_damaged_history_or_link_is_refused_as_damaged_progress() {
        let profile = sample_profile();
        let mut good = all_answered(&profile, true);
        good.finish(&profile, "2026-12-01");
        good.evidence.insert(
            profile.requirements[0].id.clone(),
            vec![Evidence::new("https://example.com/a", "").unwrap()],
        );
        assert!(saved(&good.encode()).is_ok());
        let damaged: [fn(&mut Progress); 6] = [
            |p| p.attempts[0].date = "soon".into(),
            |p| p.attempts[0].summary.readiness = Some(250),
            |p| p.attempts.push(p.attempts[0].clone()),
            |p| p.evidence.values_mut().next().unwrap()[0].url = "javascript:alert(1)".into(),
            |p| p.evidence.values_mut().next().unwrap().clear(),
            |p| p.run = 0,
        ];
        for (n, damage) in damaged.iter().enumerate() {
            let mut p = good.clone();
            damage(&mut p);
            assert!(
                matches!(saved(&p.encode()), Err(ProgressError::Malformed(_))),
                "case {n}"
            );
        }
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

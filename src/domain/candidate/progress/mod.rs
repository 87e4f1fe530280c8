//! The saved-progress schema: what is kept in browser storage between visits.
//!
//! Stored as JSON under a versioned key per profile ([`storage_key`]). Reading goes through
//! [`decode_progress`], which upgrades older schema versions step by step, refuses newer ones,
//! and keeps aside answers that no longer fit the profile instead of failing on them: they stay in
//! storage (and in exports) and come back if the profile offers their question again.

pub mod error;
pub mod migrate;
pub mod restore;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::domain::candidate::answer::{options_print, Answer, Answers};
use crate::domain::candidate::check::{covers, Mode};
use crate::domain::candidate::evidence::{self, Evidence, EvidenceError};
use crate::domain::candidate::history::{self, Attempt};
use crate::domain::profile::Profile;
use crate::domain::report::scoring::assess;
use crate::domain::report::share::SharedSummary;

/// The saved-progress schema version this build writes.
pub const PROGRESS_SCHEMA_VERSION: u32 = 5;

/// Where a profile's progress lives in localStorage. The `v1` names the key layout; the document
/// under it carries its own `schema_version` and is migrated in place.
pub fn storage_key(profile_id: &str) -> String {
    format!("fitcheck.progress.v1.{profile_id}")
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

#[cfg(test)]
mod tests {
    use super::error::ProgressError;
    use super::restore::{decode_progress, Restored};
    use super::*;
    use crate::domain::testing::{every_question, sample_profile};

    fn saved(json: &str) -> Result<Restored, ProgressError> {
        decode_progress(json, &sample_profile())
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
    fn keys_are_versioned_per_profile() {
        assert_eq!(storage_key("sumup"), "fitcheck.progress.v1.sumup");
        assert_eq!(
            backup_key("sumup", 42),
            "fitcheck.progress.v1.sumup.unreadable.42"
        );
    }
}

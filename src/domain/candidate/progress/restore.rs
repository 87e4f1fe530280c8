//! Reading saved progress: migrate an older version ([`super::migrate`]), read it with its serde
//! derive, check what the types cannot say, and reconcile it with the profile as it is now:
//! answers that no longer fit are kept aside, never deleted, and come back when they fit again.

use serde::Deserialize;
use serde_json::Value;

use crate::domain::candidate::answer::{options_print, Answer};
use crate::domain::candidate::check::ratings_step_area;
use crate::domain::candidate::evidence::MAX_PER_REQUIREMENT;
use crate::domain::profile::problem::shown;
use crate::domain::profile::validate::is_slug;
use crate::domain::profile::{Profile, QuestionKind, MAX_LEVEL};

use super::error::{Misfit, ProgressError, SetAside};
use super::migrate::migrate;
use super::{KeptAnswer, Progress};

/// Progress that was read, with a sentence for every answer that had to be kept aside now, and
/// the ids of answers kept aside earlier that came back.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub progress: Progress,
    pub set_aside: Vec<SetAside>,
    pub came_back: Vec<String>,
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
        Progress::deserialize(&value).map_err(|e| ProgressError::Malformed(e.to_string()))?;
    check_extras(&progress).map_err(ProgressError::Malformed)?;
    if progress.profile_id != profile.id {
        return Err(ProgressError::OtherProfile(progress.profile_id));
    }
    Ok(reconcile(progress, profile))
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

/// Whether the history and evidence are as this build writes them: what serde cannot check.
fn check_extras(progress: &Progress) -> Result<(), String> {
    if progress.run == 0 {
        return Err("its attempt number is 0".into());
    }
    if let Some(a) = progress.attempts.iter().find(|a| !a.is_sound()) {
        return Err(format!("attempt {} in its history is damaged", a.number));
    }
    if progress
        .attempts
        .windows(2)
        .any(|w| w[0].number >= w[1].number)
    {
        return Err("its attempts are out of order".into());
    }
    let bad_id = |id: &String| !is_slug(id);
    if progress.focus.iter().any(bad_id) || progress.seen.iter().any(bad_id) {
        return Err("it names an area or question with a garbled id".into());
    }
    for (requirement, links) in &progress.evidence {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::candidate::check::Mode;
    use crate::domain::candidate::evidence::Evidence;
    use crate::domain::candidate::notice::Notice;
    use crate::domain::candidate::progress::PROGRESS_SCHEMA_VERSION;
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

    fn all_answered(profile: &Profile, right: bool) -> Progress {
        let mut p = Progress::new("sample-role", 3);
        for (id, answer) in every_question(profile, right) {
            p.record(profile, &id, answer);
        }
        p
    }
}

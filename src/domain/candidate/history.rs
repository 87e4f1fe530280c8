//! The candidate's attempts: each finished check kept as it stood (its day, mode, per area the
//! level with its uncertainty and the verdict, the readiness range), what changed since the one
//! before, and which areas "Retake my gaps" covers.
//!
//! An attempt keeps the same summary a share link carries ([`SharedSummary`]), so a past
//! attempt reads exactly as a shared one would, and the comparison works on the figures the
//! candidate was shown (levels to a tenth).

use serde::{Deserialize, Serialize};

use crate::domain::candidate::check::Mode;
use crate::domain::measure::verdict::Standing;
use crate::domain::measure::verdict::Verdict;
use crate::domain::report::scoring::Assessment;
use crate::domain::report::share::{SharedArea, SharedSummary};

/// How many attempts are kept; when a new one would pass it, the oldest goes.
pub const MAX_ATTEMPTS: usize = 50;
/// A level change smaller than this (in levels) is within the noise of one check and is not
/// called a change unless the verdict changed too.
pub const LEVEL_CHANGE: f64 = 0.5;

/// One finished check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attempt {
    /// The check's number, counting from 1 for this profile in this browser.
    pub number: u32,
    /// The day its results were reached, in the candidate's time zone: `YYYY-MM-DD`.
    pub date: String,
    pub mode: Mode,
    /// The areas it covered, for a retake of some; empty when it covered every area.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    pub summary: SharedSummary,
}

impl Attempt {
    /// Whether it is one this build would have written: a real date and a sound summary.
    pub fn is_sound(&self) -> bool {
        is_date(&self.date) && self.number > 0 && self.summary.is_sound()
    }
}

/// Whether `text` is a day as `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize, range: std::ops::RangeInclusive<u32>| {
        s.len() == len
            && s.chars().all(|c| c.is_ascii_digit())
            && s.parse().is_ok_and(|n| range.contains(&n))
    };
    matches!(parts[..], [y, m, d] if number(y, 4, 1970..=9999) && number(m, 2, 1..=12) && number(d, 2, 1..=31))
}

/// An area's standing; a link of format 1 carried no verdict, which is not clear.
fn standing_of(area: &SharedArea) -> Standing {
    area.verdict
        .as_ref()
        .map_or(Standing::NotClear, Standing::of_verdict)
}

/// What changed in one area between two attempts.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub area_id: String,
    pub before: Standing,
    pub after: Standing,
    /// The levels shown, when both attempts showed one.
    pub levels: Option<(f64, f64)>,
}

/// What changed since an earlier attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct SinceThen {
    pub number: u32,
    pub date: String,
    /// The readiness figure then and now, in percent, where both had one.
    pub readiness: Option<(u8, u8)>,
    /// Areas whose verdict changed, or whose level moved by at least [`LEVEL_CHANGE`]; in the
    /// order of `now`'s areas.
    pub changes: Vec<Change>,
}

/// Compares `now` with the attempt `then`. Areas the earlier attempt did not cover (a retake of
/// other areas, or an area the profile added since) are left out.
pub fn since(then: &Attempt, now: &SharedSummary) -> SinceThen {
    let changes = now
        .areas
        .iter()
        .filter_map(|after| {
            let before = then
                .summary
                .areas
                .iter()
                .find(|a| a.area_id == after.area_id)?;
            let levels = before
                .level
                .zip(after.level)
                .map(|(b, a)| (f64::from(b) / 10.0, f64::from(a) / 10.0));
            let change = Change {
                area_id: after.area_id.clone(),
                before: standing_of(before),
                after: standing_of(after),
                levels,
            };
            let moved = levels.is_some_and(|(b, a)| (a - b).abs() >= LEVEL_CHANGE - 1e-9);
            (change.before != change.after || moved).then_some(change)
        })
        .collect();
    SinceThen {
        number: then.number,
        date: then.date.clone(),
        readiness: then.summary.readiness.zip(now.readiness),
        changes,
    }
}

/// The areas "Retake my gaps" covers: those whose verdict is below or not clear yet, among the
/// areas that have questions.
pub fn gap_areas(assessment: &Assessment) -> Vec<String> {
    assessment
        .areas
        .iter()
        .filter(|a| a.questions > 0 && a.verdict != Verdict::Meets)
        .map(|a| a.area_id.clone())
        .collect()
}

/// `attempts` with `attempt` recorded: in place of one with the same number (a check finished
/// again after continuing it), else added last; the oldest go past [`MAX_ATTEMPTS`].
pub fn record(attempts: &mut Vec<Attempt>, attempt: Attempt) {
    match attempts.iter_mut().find(|a| a.number == attempt.number) {
        Some(same) => *same = attempt,
        None => attempts.push(attempt),
    }
    let excess = attempts.len().saturating_sub(MAX_ATTEMPTS);
    attempts.drain(..excess);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::candidate::answer::Answers;
    use crate::domain::report::scoring::assess;
    use crate::domain::testing::{every_question, sample_profile};

    /// Every question of the sample answered right, or wrong.
    fn all(right: bool) -> Answers {
        every_question(&sample_profile(), right)
    }

    fn attempt(number: u32, answers: &Answers) -> Attempt {
        let profile = sample_profile();
        Attempt {
            number,
            date: "2026-12-01".into(),
            mode: Mode::Full,
            areas: Vec::new(),
            summary: SharedSummary::from_assessment(&profile.id, &assess(&profile, answers, 1)),
        }
    }

    #[test]
    fn an_area_that_went_from_below_to_meets_is_named_with_both_levels() {
        let then = attempt(1, &all(false));
        let now = attempt(2, &all(true)).summary;
        let since = since(&then, &now);
        assert_eq!((since.number, since.date.as_str()), (1, "2026-12-01"));
        assert_eq!(since.changes.len(), now.areas.len(), "{since:?}");
        for change in &since.changes {
            let (before, after) = change.levels.expect("both showed a level");
            assert!(after - before >= LEVEL_CHANGE, "{change:?}");
        }
        // Where the verdict changed, it is named.
        let mut then_below = then.clone();
        then_below.summary.areas[0].verdict = Some(Verdict::Below { gap: 1.0 });
        let mut now_meets = now.clone();
        now_meets.areas[0].verdict = Some(Verdict::Meets);
        let first = &super::since(&then_below, &now_meets).changes[0];
        assert_eq!(
            (first.before, first.after),
            (Standing::Below, Standing::Meets)
        );
        let (before, after) = since.readiness.expect("both had a readiness");
        assert!(after > before);
    }

    #[test]
    fn the_same_answers_again_change_nothing() {
        let then = attempt(1, &all(true));
        let now = attempt(2, &all(true)).summary;
        assert!(since(&then, &now).changes.is_empty());
    }

    #[test]
    fn a_level_that_moved_far_counts_even_with_the_same_verdict() {
        let then = attempt(1, &all(true));
        let mut now = then.summary.clone();
        let area = &mut now.areas[0];
        let level = area.level.expect("a level");
        area.level = Some(level - 5);
        let changes = since(&then, &now).changes;
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].before, changes[0].after);
        area_moved_by(&changes[0], -0.5);
        // A smaller move is noise.
        now.areas[0].level = Some(level - 4);
        assert!(since(&then, &now).changes.is_empty());
    }

    fn area_moved_by(change: &Change, by: f64) {
        let (before, after) = change.levels.unwrap();
        assert!((after - before - by).abs() < 1e-9, "{change:?}");
    }

    #[test]
    fn areas_the_earlier_attempt_lacked_are_left_out() {
        let mut then = attempt(1, &all(false));
        then.summary.areas.truncate(1);
        let now = attempt(2, &all(true)).summary;
        let changes = since(&then, &now).changes;
        assert!(changes.iter().all(|c| c.area_id == now.areas[0].area_id));
    }

    #[test]
    fn gaps_are_the_areas_not_met() {
        let profile = sample_profile();
        let mut assessment = assess(&profile, &all(true), 1);
        assessment.areas[0].verdict = Verdict::Meets;
        assessment.areas[1].verdict = Verdict::Below { gap: 1.0 };
        assert_eq!(gap_areas(&assessment), ["infra"]);
        assessment.areas[1].verdict = Verdict::NotClear { more: None };
        assert_eq!(gap_areas(&assessment), ["infra"]);
        assessment.areas[0].verdict = Verdict::NotClear { more: Some(2) };
        assert_eq!(gap_areas(&assessment), ["python", "infra"]);
        // An area without questions has nothing to retake.
        assessment.areas[0].questions = 0;
        assert_eq!(gap_areas(&assessment), ["infra"]);
    }

    #[test]
    fn recording_replaces_the_same_number_and_keeps_the_newest() {
        let mut attempts = Vec::new();
        record(&mut attempts, attempt(1, &all(false)));
        record(&mut attempts, attempt(1, &all(true)));
        assert_eq!(attempts.len(), 1);
        assert_eq!(attempts[0], attempt(1, &all(true)));
        for n in 2..=(MAX_ATTEMPTS as u32 + 5) {
            record(&mut attempts, attempt(n, &all(true)));
        }
        assert_eq!(attempts.len(), MAX_ATTEMPTS);
        assert_eq!(attempts[0].number, 6);
        assert_eq!(attempts.last().unwrap().number, MAX_ATTEMPTS as u32 + 5);
    }

    #[test]
    fn dates_are_days() {
        for good in ["2026-12-06", "1970-01-01", "2027-02-28"] {
            assert!(is_date(good), "{good}");
        }
        for bad in [
            "",
            "2026-13-01",
            "2026-1-01",
            "26-12-06",
            "2026-12-06T10:00",
            "2026/12/06",
            "2026-12-00",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
        assert!(attempt(1, &all(true)).is_sound());
        let mut odd = attempt(1, &all(true));
        odd.date = "yesterday".into();
        assert!(!odd.is_sound());
    }

    #[test]
    fn an_attempt_reads_back_from_json() {
        let a = attempt(3, &all(false));
        let json = serde_json::to_string(&a).unwrap();
        assert!(
            json.contains(r#""verdict":"below""#) || json.contains(r#""verdict":"not_clear""#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Attempt>(&json).unwrap(), a);
    }
}

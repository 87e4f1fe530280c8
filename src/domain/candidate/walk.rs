//! The order in which a candidate meets the items, and how far along they are.
//!
//! Area by area, in the profile's order; inside an area first one screen with all its
//! self-ratings (so the candidate says what they think they know before being tested on it),
//! then the knowledge questions one at a time: all of them in a full check, or in a quick check
//! the ones `measure::select` picks one after another until the area's verdict is clear.

use crate::domain::candidate::answer::Answers;
use crate::domain::candidate::check::{covers, ratings_step_id, Mode};
use crate::domain::candidate::progress::Progress;
use crate::domain::measure::select::{
    next_question_unseen_first, quick_pool, QUICK_MAX_PER_AREA, QUICK_TYPICAL_PER_AREA,
};
use crate::domain::profile::timing::{question_seconds, rating_seconds};
use crate::domain::profile::{Profile, SelfRating};
use std::collections::BTreeSet;

/// One screen on the way through a profile, referred to by a stable id: a knowledge question
/// (its item id) or an area's self-ratings ([`ratings_step_id`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub item_id: String,
    pub area_index: usize,
    pub is_question: bool,
    /// The items this step answers: the question, or each self-rating of the area.
    pub members: Vec<String>,
}

impl Step {
    /// Done when every item on it is answered or skipped.
    pub fn is_done(&self, answers: &Answers) -> bool {
        self.members.iter().all(|id| answers.contains_key(id))
    }
}

/// The sequence of steps for a profile: all of them in a full check; in a quick check the steps
/// asked so far and the one to answer next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    steps: Vec<Step>,
    /// How many steps each area will have at most, for progress.
    area_totals: Vec<usize>,
}

/// How many steps are done (answered or skipped) out of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub done: usize,
    pub total: usize,
}

impl Count {
    pub fn percent(self) -> u32 {
        if self.total == 0 {
            return 0;
        }
        (self.done * 100 / self.total) as u32
    }
}

/// The most questions a quick check asks in an area of `questions` questions; all of them once
/// the candidate continues the area.
pub fn quick_limit(questions: usize, continued: bool) -> usize {
    if continued {
        questions
    } else {
        questions.min(QUICK_MAX_PER_AREA)
    }
}

/// The self-ratings a check of `mode` asks in `area_id`: all of them in a full check; in a quick
/// check only the area's first (the author's lead question for the area), which keeps a
/// self-rating beside every area's level for a quarter of the time.
pub fn asked_ratings<'a>(profile: &'a Profile, area_id: &str, mode: Mode) -> Vec<&'a SelfRating> {
    let all = profile.self_ratings.iter().filter(|s| s.area == area_id);
    match mode {
        Mode::Full => all.collect(),
        Mode::Quick => all.take(1).collect(),
    }
}

/// The self-rating screen of an area, if it has self-ratings_
fn ratings_step(profile: &Profile, area_index: usize, mode: Mode) -> Option<Step> {
    let area = &profile.areas[area_index];
    let members: Vec<String> = asked_ratings(profile, &area.id, mode)
        .into_iter()
        .map(|s| s.id.clone())
        .collect();
    (!members.is_empty()).then(|| Step {
        item_id: ratings_step_id(&area.id),
        area_index,
        is_question: false,
        members,
    })
}

fn question_step(id: &str, area_index: usize) -> Step {
    Step {
        item_id: id.to_owned(),
        area_index,
        is_question: true,
        members: vec![id.to_owned()],
    }
}

impl Walk {
    /// The walk of `progress`'s check: its mode and, for a retake, only its areas, preferring
    /// questions not seen before. In a quick check, the areas in `progress.continued` go on
    /// past the quick maximum (the candidate asked to settle them) until their verdict is
    /// clear; the option seed also fixes the quick check's draws.
    pub fn of(profile: &Profile, progress: &Progress) -> Walk {
        Walk::of_with(profile, progress, &progress.answers)
    }

    /// The walk of `progress`'s check had the answers been `answers`.
    fn of_with(profile: &Profile, progress: &Progress, answers: &Answers) -> Walk {
        match progress.mode {
            Mode::Full => Walk::full_in(profile, &progress.focus),
            Mode::Quick => Walk::quick_in(
                profile,
                answers,
                &progress.continued,
                progress.option_seed,
                &progress.focus,
                &progress.seen,
            ),
        }
    }

    /// A quick check of every area, with nothing seen before (see [`Walk::quick_in`]).
    pub fn quick(profile: &Profile, answers: &Answers, continued: &[String], seed: u64) -> Walk {
        Walk::quick_in(profile, answers, continued, seed, &[], &BTreeSet::new())
    }

    /// A quick check of the areas in `focus` (empty: all), replayed from the answers: at each
    /// point the adaptive choice depends only on the answers before it (and the fixed `seen`),
    /// so replaying them gives the same sequence the candidate saw, ending with the step to
    /// answer next.
    pub fn quick_in(
        profile: &Profile,
        answers: &Answers,
        continued: &[String],
        seed: u64,
        focus: &[String],
        seen: &BTreeSet<String>,
    ) -> Walk {
        let mut steps = Vec::new();
        let mut area_totals = Vec::new();
        let mut known = Answers::new();
        let mut open = false;
        for (area_index, area) in profile.areas.iter().enumerate() {
            if !covers(focus, &area.id) {
                area_totals.push(0);
                continue;
            }
            let ratings = ratings_step(profile, area_index, Mode::Quick);
            let questions = profile
                .questions
                .iter()
                .filter(|q| q.area == area.id)
                .count();
            let max = quick_limit(questions, continued.contains(&area.id));
            area_totals.push(usize::from(ratings.is_some()) + max);
            if open {
                continue;
            }
            if let Some(step) = ratings {
                for id in &step.members {
                    if let Some(a) = answers.get(id) {
                        known.insert(id.clone(), a.clone());
                    }
                }
                open = !step.is_done(answers);
                steps.push(step);
            }
            while !open {
                let Some(q) =
                    next_question_unseen_first(profile, &area.id, &known, max, seed, seen)
                else {
                    break;
                };
                steps.push(question_step(&q.id, area_index));
                match answers.get(&q.id) {
                    Some(a) => _ = known.insert(q.id.clone(), a.clone()),
                    None => open = true,
                }
            }
        }
        Walk { steps, area_totals }
    }

    /// Every screen of the profile in check order.
    pub fn full(profile: &Profile) -> Walk {
        Walk::full_in(profile, &[])
    }

    /// Every screen of the areas in `focus` (empty: all) in check order.
    pub fn full_in(profile: &Profile, focus: &[String]) -> Walk {
        let mut steps = Vec::new();
        for (area_index, area) in profile.areas.iter().enumerate() {
            if !covers(focus, &area.id) {
                continue;
            }
            steps.extend(ratings_step(profile, area_index, Mode::Full));
            let questions = profile.questions.iter().filter(|q| q.area == area.id);
            steps.extend(questions.map(|q| question_step(&q.id, area_index)));
        }
        let area_totals = (0..profile.areas.len())
            .map(|i| steps.iter().filter(|s| s.area_index == i).count())
            .collect();
        Walk { steps, area_totals }
    }

    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    pub fn position(&self, step_id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.item_id == step_id)
    }

    pub fn step(&self, step_id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.item_id == step_id)
    }

    pub fn first(&self) -> Option<&str> {
        self.steps.first().map(|s| s.item_id.as_str())
    }

    /// The step after `step_id`, or `None` at the end.
    pub fn next(&self, step_id: &str) -> Option<&str> {
        let i = self.position(step_id)?;
        self.steps.get(i + 1).map(|s| s.item_id.as_str())
    }

    /// Where "Next" leads from `step_id`: the following step; but once the candidate has
    /// continued areas after a quick check (`skip_done`), the next step not done yet, so they go
    /// from one open question to the next instead of through screens they finished before.
    pub fn next_for(&self, step_id: &str, answers: &Answers, skip_done: bool) -> Option<&str> {
        let i = self.position(step_id)?;
        self.steps
            .iter()
            .skip(i + 1)
            .find(|s| !skip_done || !s.is_done(answers))
            .map(|s| s.item_id.as_str())
    }

    /// Whether "Next" on `step_id` leads to another step rather than to the results: there is a
    /// step after it now, or, in a quick check (which picks its next question only once this
    /// one is passed), there would be one after passing it. Passing is taken as a skip, which
    /// never ends an area sooner than an answer would; an answer that settles the last open
    /// area still ends the check there.
    /// `self` is the walk of `progress`; only a walk after passing is built anew.
    pub fn has_next(&self, profile: &Profile, progress: &Progress, step_id: &str) -> bool {
        let skip_done = !progress.continued.is_empty();
        let answers = &progress.answers;
        if self.next_for(step_id, answers, skip_done).is_some() {
            return true;
        }
        let Some(step) = self.step(step_id).filter(|s| !s.is_done(answers)) else {
            return false;
        };
        // Only the answers change: the history and evidence need no copy on every item shown.
        let mut passed = answers.clone();
        for member in &step.members {
            passed
                .entry(member.clone())
                .or_insert(crate::domain::candidate::answer::Answer::Skipped);
        }
        Walk::of_with(profile, progress, &passed)
            .next_for(step_id, &passed, skip_done)
            .is_some()
    }

    /// The step before `step_id`, or `None` at the start.
    pub fn previous(&self, step_id: &str) -> Option<&str> {
        let i = self.position(step_id)?;
        i.checked_sub(1)
            .and_then(|j| self.steps.get(j))
            .map(|s| s.item_id.as_str())
    }

    /// Where to resume: the first step not done, or `None` when every step is done.
    pub fn first_open(&self, answers: &Answers) -> Option<&str> {
        self.steps
            .iter()
            .find(|s| !s.is_done(answers))
            .map(|s| s.item_id.as_str())
    }

    /// Done steps out of the most the check will have (in a quick check, an area ends early
    /// once its verdict is clear, so the total is an upper bound).
    pub fn overall(&self, answers: &Answers) -> Count {
        Count {
            done: self.done(answers, |_| true),
            total: self.area_totals.iter().sum(),
        }
    }

    pub fn in_area(&self, area_index: usize, answers: &Answers) -> Count {
        Count {
            done: self.done(answers, |s| s.area_index == area_index),
            total: self.area_totals.get(area_index).copied().unwrap_or(0),
        }
    }

    fn done(&self, answers: &Answers, keep: impl Fn(&Step) -> bool) -> usize {
        self.steps
            .iter()
            .filter(|s| keep(s) && s.is_done(answers))
            .count()
    }

    /// Estimated minutes for the whole check, rounded up (see `domain::timing`): every screen
    /// in a full check; in a quick one each area's self-rating and, per area, the typical number
    /// of questions a quick check asks ([`QUICK_TYPICAL_PER_AREA`]) at the mean time of the
    /// questions it draws from (`measure::select::quick_pool`). The simulation checks the result
    /// against the median time of simulated quick checks (within a minute).
    pub fn estimated_minutes(profile: &Profile, mode: Mode) -> u32 {
        let seconds: f64 = profile
            .areas
            .iter()
            .map(|a| {
                let ratings: f64 = asked_ratings(profile, &a.id, mode)
                    .into_iter()
                    .map(rating_seconds)
                    .sum();
                let questions = match mode {
                    Mode::Full => profile
                        .questions
                        .iter()
                        .filter(|q| q.area == a.id)
                        .map(question_seconds)
                        .sum(),
                    Mode::Quick => {
                        let pool = quick_pool(profile, &a.id);
                        let mean = pool.iter().map(|q| question_seconds(q)).sum::<f64>()
                            / pool.len().max(1) as f64;
                        mean * pool.len().min(QUICK_TYPICAL_PER_AREA) as f64
                    }
                };
                ratings + questions
            })
            .sum();
        (seconds / 60.0).ceil() as u32
    }

    /// How many steps the check has at most.
    pub fn planned(&self) -> usize {
        self.area_totals.iter().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::candidate::answer::Answer;
    use crate::domain::candidate::check::ratings_step_area;
    use crate::domain::profile::timing::{question_seconds, rating_seconds};
    use crate::domain::testing::sample_profile;

    #[test]
    fn goes_area_by_area_with_self_ratings_first() {
        let walk = Walk::full(&sample_profile());
        let ids: Vec<&str> = walk.steps().iter().map(|s| s.item_id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "self-ratings_python",
                "py-q1",
                "py-q2",
                "py-q3",
                "self-ratings_infra",
                "infra-q1",
                "infra-q2",
                "infra-q3"
            ]
        );
        assert_eq!(walk.steps()[0].members, ["python-self"]);
        assert_eq!(ratings_step_area("self-ratings_infra"), Some("infra"));
        assert_eq!(ratings_step_area("infra-q1"), None);
        assert_eq!(walk.step("infra-q1").map(|s| s.area_index), Some(1));
    }

    #[test]
    fn next_leads_on_wherever_another_step_will_come() {
        let profile = sample_profile();
        let has_next = |mode, answers: &Answers, id: &str| {
            let mut progress = Progress::new(&profile.id, 7);
            progress.mode = mode;
            progress.answers = answers.clone();
            Walk::of(&profile, &progress).has_next(&profile, &progress, id)
        };
        let none = Answers::new();
        // A quick check picks its next question only once this one is passed: not there yet,
        // but coming.
        let quick = Walk::quick(&profile, &none, &[], 7);
        let first = quick.first().unwrap().to_owned();
        assert_eq!(quick.next_for(&first, &none, false), None);
        assert!(has_next(Mode::Quick, &none, &first));
        // Walk the quick check to its end, answering every question right: "Next" on every
        // step but the last.
        let mut answers = Answers::new();
        let mut seen = 0;
        while let Some(id) = Walk::quick(&profile, &answers, &[], 7)
            .first_open(&answers)
            .map(str::to_owned)
        {
            let walk = Walk::quick(&profile, &answers, &[], 7);
            let step = walk.step(&id).unwrap().clone();
            let more = has_next(Mode::Quick, &answers, &id);
            for member in &step.members {
                let answer = match profile.question(member) {
                    Some(q) => Answer::Choice {
                        selected: q.correct_options(),
                    },
                    None => Answer::Rating { level: 3 },
                };
                answers.insert(member.clone(), answer);
            }
            let after = Walk::quick(&profile, &answers, &[], 7);
            let last = after.next_for(&id, &answers, false).is_none();
            assert!(
                more || last,
                "{id}: the button said results, but the walk went on"
            );
            seen += 1;
        }
        assert!(seen > 2);
        // A full check: the last screen leads to the results.
        let full = Walk::full(&profile);
        let last = full.steps().last().unwrap().item_id.clone();
        assert!(!has_next(Mode::Full, &none, &last));
        assert!(has_next(Mode::Full, &none, &full.steps()[0].item_id));
    }

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        let walk = Walk::full(&sample_profile());
        assert_eq!(walk.next("py-q3"), Some("self-ratings_infra"));
        assert_eq!(walk.previous("self-ratings_infra"), Some("py-q3"));
        assert_eq!(walk.previous("self-ratings_python"), None);
        assert_eq!(walk.next("infra-q3"), None);
        assert_eq!(walk.next("no-such-item"), None);
    }

    #[test]
    fn progress_counts_answered_and_skipped_items_per_area() {
        let walk = Walk::full(&sample_profile());
        let mut answers = Answers::new();
        answers.insert("py-q1".into(), Answer::Choice { selected: vec![0] });
        answers.insert("py-q2".into(), Answer::Skipped);
        answers.insert("infra-self".into(), Answer::Rating { level: 2 });
        assert_eq!(walk.overall(&answers), Count { done: 3, total: 8 });
        assert_eq!(walk.in_area(0, &answers), Count { done: 2, total: 4 });
        assert_eq!(walk.in_area(1, &answers).percent(), 25);
        assert_eq!(walk.first_open(&answers), Some("self-ratings_python"));
    }

    #[test]
    fn the_time_estimate_adds_up_what_each_screen_shows() {
        let profile = sample_profile();
        let ratings: f64 = profile.self_ratings.iter().map(rating_seconds).sum();
        let questions: f64 = profile.questions.iter().map(question_seconds).sum();
        let full = Walk::estimated_minutes(&profile, Mode::Full);
        assert_eq!(full, ((ratings + questions) / 60.0).ceil() as u32);
        // Each sample area has 3 questions, fewer than the typical 4 a quick check asks.
        assert!(Walk::estimated_minutes(&profile, Mode::Quick) <= full);
    }

    #[test]
    fn a_quick_walk_is_replayed_from_the_answers() {
        let profile = sample_profile();
        let mut answers = Answers::new();
        let ids = |w: &Walk| {
            w.steps()
                .iter()
                .map(|s| s.item_id.clone())
                .collect::<Vec<_>>()
        };
        let walk = Walk::quick(&profile, &answers, &[], 0);
        assert_eq!(
            ids(&walk),
            ["self-ratings_python"],
            "only the first step is open"
        );
        assert_eq!(walk.overall(&answers), Count { done: 0, total: 8 });

        answers.insert("python-self".into(), Answer::Rating { level: 2 });
        let walk = Walk::quick(&profile, &answers, &[], 0);
        assert_eq!(
            walk.len(),
            2,
            "the ratings screen, then a first python question"
        );
        assert!(walk.steps()[1].is_question && walk.steps()[1].area_index == 0);
        // Answering step by step, each walk extends the one before it by exactly one step.
        let mut before = ids(&Walk::quick(&profile, &answers, &[], 0));
        loop {
            let walk = Walk::quick(&profile, &answers, &[], 0);
            let Some(open) = walk.first_open(&answers).map(str::to_owned) else {
                break;
            };
            assert_eq!(
                ids(&walk)[..before.len()],
                before[..],
                "earlier steps never change"
            );
            before = ids(&walk);
            let step = walk.step(&open).unwrap().clone();
            for id in step.members {
                answers.insert(id, Answer::Skipped);
            }
        }
        let done = Walk::quick(&profile, &answers, &[], 0);
        assert_eq!(
            done.first_open(&answers),
            None,
            "every quick step is answered"
        );
        assert!(ids(&done).contains(&"self-ratings_infra".to_owned()));
        // Skips tell nothing, so each area asks all 3 of its questions.
        assert_eq!(done.overall(&answers), Count { done: 8, total: 8 });
    }

    #[test]
    fn after_continuing_next_skips_what_is_done() {
        let walk = Walk::full(&sample_profile());
        let mut answers = Answers::new();
        answers.insert("py-q2".into(), Answer::Skipped);
        answers.insert("py-q3".into(), Answer::Skipped);
        answers.insert("infra-self".into(), Answer::Rating { level: 1 });
        assert_eq!(walk.next_for("py-q1", &answers, false), Some("py-q2"));
        assert_eq!(walk.next_for("py-q1", &answers, true), Some("infra-q1"));
        answers.insert("infra-q1".into(), Answer::Skipped);
        answers.insert("infra-q2".into(), Answer::Skipped);
        answers.insert("infra-q3".into(), Answer::Skipped);
        assert_eq!(
            walk.next_for("py-q1", &answers, true),
            None,
            "then the results"
        );
    }

    #[test]
    fn a_continued_area_goes_past_the_quick_maximum() {
        let mut profile = sample_profile();
        let template = profile.question("py-q2").unwrap().clone();
        for i in 0..10 {
            let mut q = template.clone();
            q.id = format!("py-extra-{i}");
            profile.questions.push(q);
        }
        let skip_all = |continued: &[String]| {
            let mut answers = Answers::new();
            loop {
                let walk = Walk::quick(&profile, &answers, continued, 0);
                let Some(open) = walk.first_open(&answers) else {
                    break;
                };
                for id in walk.step(open).unwrap().members.clone() {
                    answers.insert(id, Answer::Skipped);
                }
            }
            let walk = Walk::quick(&profile, &answers, continued, 0);
            walk.steps()
                .iter()
                .filter(|s| s.is_question && s.area_index == 0)
                .count()
        };
        assert_eq!(skip_all(&[]), QUICK_MAX_PER_AREA);
        assert_eq!(
            skip_all(&["python".to_owned()]),
            13,
            "every python question"
        );
    }
    #[test]
    fn a_retake_walks_only_its_areas_and_meets_unseen_questions_first() {
        let profile = sample_profile();
        let mut progress = Progress::new(&profile.id, 7);
        progress.mode = Mode::Quick;
        progress.focus = vec!["infra".into()];
        progress.seen = ["infra-q1", "infra-q2"].map(String::from).into();
        let walk = Walk::of(&profile, &progress);
        let ids: Vec<&str> = walk.steps().iter().map(|s| s.item_id.as_str()).collect();
        assert_eq!(ids, ["self-ratings_infra"]);
        assert_eq!(
            walk.in_area(0, &progress.answers).total,
            0,
            "python is not asked"
        );
        progress
            .answers
            .insert("infra-self".into(), Answer::Rating { level: 2 });
        let walk = Walk::of(&profile, &progress);
        assert_eq!(
            walk.steps()[1].item_id,
            "infra-q3",
            "the one not seen before"
        );
        assert_eq!(walk.overall(&progress.answers).done, 1);
        // A full check of the same focus: every screen of infra, none of python.
        progress.mode = Mode::Full;
        let full = Walk::of(&profile, &progress);
        assert!(full.steps().iter().all(|s| s.area_index == 1));
        assert_eq!(full.len(), 4);
    }
}

//! The order in which a candidate meets the items, and how far along they are.
//!
//! Area by area, in the profile's order; inside an area the self-ratings first (so the candidate
//! says what they think they know before being tested on it), then the knowledge questions: all
//! of them in a full check, or in a quick check the ones `measure::select` picks one after
//! another until the area's verdict is clear.

use super::answer::Answers;
use super::measure::select::{next_question, QUICK_MAX_PER_AREA, QUICK_TYPICAL_PER_AREA};
use super::profile::Profile;
use super::progress::Mode;

/// One item on the way through a profile, referred to by its stable id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub item_id: String,
    pub area_index: usize,
    pub is_question: bool,
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

/// Seconds a candidate takes, on average, for one item of each sort; used for the time estimate.
const SECONDS_PER_SELF_RATING: u32 = 15;
const SECONDS_PER_QUESTION: u32 = 40;
const SECONDS_PER_CODE_QUESTION: u32 = 70;

/// The most questions a quick check asks in an area of `questions` questions; all of them once
/// the candidate continues the area.
pub fn quick_limit(questions: usize, continued: bool) -> usize {
    if continued {
        questions
    } else {
        questions.min(QUICK_MAX_PER_AREA)
    }
}

impl Walk {
    /// The walk for `mode`; in a quick check, the areas in `continued` go on past the quick
    /// maximum (the candidate asked to settle them) until their verdict is clear.
    pub fn new(profile: &Profile, mode: Mode, answers: &Answers, continued: &[String]) -> Walk {
        match mode {
            Mode::Full => Walk::full(profile),
            Mode::Quick => Walk::quick(profile, answers, continued),
        }
    }

    /// A quick check, replayed from the answers: at each point the adaptive choice depends only
    /// on the answers before it, so replaying them gives the same sequence the candidate saw,
    /// ending with the step to answer next.
    pub fn quick(profile: &Profile, answers: &Answers, continued: &[String]) -> Walk {
        let mut steps = Vec::new();
        let mut area_totals = Vec::new();
        let mut known = Answers::new();
        let mut open = false;
        for (area_index, area) in profile.areas.iter().enumerate() {
            let ratings: Vec<&str> = profile
                .self_ratings
                .iter()
                .filter(|s| s.area == area.id)
                .map(|s| s.id.as_str())
                .collect();
            let questions = profile
                .questions
                .iter()
                .filter(|q| q.area == area.id)
                .count();
            let max = quick_limit(questions, continued.contains(&area.id));
            area_totals.push(ratings.len() + max);
            if open {
                continue;
            }
            for id in ratings {
                steps.push(Step {
                    item_id: id.to_owned(),
                    area_index,
                    is_question: false,
                });
                match answers.get(id) {
                    Some(a) => _ = known.insert(id.to_owned(), a.clone()),
                    None => open = true,
                }
                if open {
                    break;
                }
            }
            while !open {
                let Some(q) = next_question(profile, &area.id, &known, max) else {
                    break;
                };
                steps.push(Step {
                    item_id: q.id.clone(),
                    area_index,
                    is_question: true,
                });
                match answers.get(&q.id) {
                    Some(a) => _ = known.insert(q.id.clone(), a.clone()),
                    None => open = true,
                }
            }
        }
        Walk { steps, area_totals }
    }

    /// Every item of the profile in check order.
    pub fn full(profile: &Profile) -> Walk {
        let mut steps = Vec::new();
        for (area_index, area) in profile.areas.iter().enumerate() {
            let ratings = profile.self_ratings.iter().filter(|s| s.area == area.id);
            steps.extend(ratings.map(|s| Step {
                item_id: s.id.clone(),
                area_index,
                is_question: false,
            }));
            let questions = profile.questions.iter().filter(|q| q.area == area.id);
            steps.extend(questions.map(|q| Step {
                item_id: q.id.clone(),
                area_index,
                is_question: true,
            }));
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

    pub fn position(&self, item_id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.item_id == item_id)
    }

    pub fn step(&self, item_id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.item_id == item_id)
    }

    pub fn first(&self) -> Option<&str> {
        self.steps.first().map(|s| s.item_id.as_str())
    }

    /// The item after `item_id`, or `None` at the end.
    pub fn next(&self, item_id: &str) -> Option<&str> {
        let i = self.position(item_id)?;
        self.steps.get(i + 1).map(|s| s.item_id.as_str())
    }

    /// The item before `item_id`, or `None` at the start.
    pub fn previous(&self, item_id: &str) -> Option<&str> {
        let i = self.position(item_id)?;
        i.checked_sub(1)
            .and_then(|j| self.steps.get(j))
            .map(|s| s.item_id.as_str())
    }

    /// Where to resume: the first item with no answer, or `None` when every item is done.
    pub fn first_open(&self, answers: &Answers) -> Option<&str> {
        self.steps
            .iter()
            .find(|s| !answers.contains_key(&s.item_id))
            .map(|s| s.item_id.as_str())
    }

    /// Done steps out of the most the check will have (in a quick check, an area ends early
    /// once its estimate is precise, so the total is an upper bound).
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
            .filter(|s| keep(s) && answers.contains_key(&s.item_id))
            .count()
    }

    /// Estimated minutes for the whole check, rounded up: every item in a full check; in a quick
    /// one every self-rating and the typical number of questions per area (the simulation's
    /// median, see `measure::select`), at the average pace.
    pub fn estimated_minutes(profile: &Profile, mode: Mode) -> u32 {
        let seconds = |id: &str| match profile.question(id) {
            None => SECONDS_PER_SELF_RATING,
            Some(q) if q.code.is_some() => SECONDS_PER_CODE_QUESTION,
            Some(_) => SECONDS_PER_QUESTION,
        };
        let full = Walk::full(profile);
        let all: u32 = full.steps.iter().map(|s| seconds(&s.item_id)).sum();
        let total = match mode {
            Mode::Full => all,
            Mode::Quick => {
                let questions: Vec<u32> = full
                    .steps
                    .iter()
                    .filter(|s| s.is_question)
                    .map(|s| seconds(&s.item_id))
                    .collect();
                let question_seconds: u32 = questions.iter().sum();
                let mean = question_seconds / (questions.len().max(1) as u32);
                let asked: usize = profile
                    .areas
                    .iter()
                    .map(|a| {
                        let n = profile.questions.iter().filter(|q| q.area == a.id).count();
                        n.min(QUICK_TYPICAL_PER_AREA)
                    })
                    .sum();
                (all - question_seconds) + mean * asked as u32
            }
        };
        total.div_ceil(60)
    }

    /// How many steps the check has at most.
    pub fn planned(&self) -> usize {
        self.area_totals.iter().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::Answer;
    use crate::domain::testing::sample_profile;

    #[test]
    fn goes_area_by_area_with_self_ratings_first() {
        let walk = Walk::full(&sample_profile());
        let ids: Vec<&str> = walk.steps().iter().map(|s| s.item_id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "python-self",
                "py-q1",
                "py-q2",
                "py-q3",
                "infra-self",
                "infra-q1",
                "infra-q2",
                "infra-q3"
            ]
        );
        assert_eq!(walk.step("infra-q1").map(|s| s.area_index), Some(1));
    }

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        let walk = Walk::full(&sample_profile());
        assert_eq!(walk.next("py-q3"), Some("infra-self"));
        assert_eq!(walk.previous("infra-self"), Some("py-q3"));
        assert_eq!(walk.previous("python-self"), None);
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
        assert_eq!(walk.first_open(&answers), Some("python-self"));
    }

    #[test]
    fn the_time_estimate_weighs_code_reading_higher() {
        let profile = sample_profile();
        // 2 ratings x 15 s + 1 code question x 70 s + 5 questions x 40 s = 300 s -> 5 min.
        assert_eq!(Walk::estimated_minutes(&profile, Mode::Full), 5);
        // 2 ratings x 15 s + (3 + 3) questions (all there are, below the typical 4 per area)
        // x the mean 45 s = 300 s -> 5 min.
        assert_eq!(Walk::estimated_minutes(&profile, Mode::Quick), 5);
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
        let walk = Walk::quick(&profile, &answers, &[]);
        assert_eq!(ids(&walk), ["python-self"], "only the first step is open");
        assert_eq!(walk.overall(&answers), Count { done: 0, total: 8 });

        answers.insert("python-self".into(), Answer::Rating { level: 2 });
        assert_eq!(
            ids(&Walk::quick(&profile, &answers, &[])),
            ["python-self", "py-q2"]
        );
        // Answering step by step, each walk extends the one before it by exactly one step.
        let mut before = ids(&Walk::quick(&profile, &answers, &[]));
        loop {
            let walk = Walk::quick(&profile, &answers, &[]);
            let Some(open) = walk.first_open(&answers).map(str::to_owned) else {
                break;
            };
            assert_eq!(
                ids(&walk)[..before.len()],
                before[..],
                "earlier steps never change"
            );
            before = ids(&walk);
            answers.insert(open, Answer::Skipped);
        }
        let done = Walk::quick(&profile, &answers, &[]);
        assert_eq!(
            done.first_open(&answers),
            None,
            "every quick step is answered"
        );
        assert!(ids(&done).contains(&"infra-self".to_owned()));
        // Skips tell nothing, so each area asks all 3 of its questions.
        assert_eq!(done.overall(&answers), Count { done: 8, total: 8 });
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
            while let Some(open) = Walk::quick(&profile, &answers, continued)
                .first_open(&answers)
                .map(str::to_owned)
            {
                answers.insert(open, Answer::Skipped);
            }
            let walk = Walk::quick(&profile, &answers, continued);
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
}

//! The order in which a candidate meets the items, and how far along they are.
//!
//! Area by area, in the profile's order; inside an area the self-ratings first (so the candidate
//! says what they think they know before being tested on it), then the knowledge questions.

use super::answer::Answers;
use super::profile::Profile;

/// One item on the way through a profile, referred to by its stable id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub item_id: String,
    pub area_index: usize,
    pub is_question: bool,
}

/// The whole sequence of steps for a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    steps: Vec<Step>,
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

impl Walk {
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
        Walk { steps }
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

    pub fn overall(&self, answers: &Answers) -> Count {
        self.count(answers, |_| true)
    }

    pub fn in_area(&self, area_index: usize, answers: &Answers) -> Count {
        self.count(answers, |s| s.area_index == area_index)
    }

    fn count(&self, answers: &Answers, keep: impl Fn(&Step) -> bool) -> Count {
        let steps = self.steps.iter().filter(|s| keep(s));
        let (done, total) = steps.fold((0, 0), |(done, total), s| {
            (
                done + usize::from(answers.contains_key(&s.item_id)),
                total + 1,
            )
        });
        Count { done, total }
    }

    /// Estimated minutes to go through every step, rounded up.
    pub fn estimated_minutes(&self, profile: &Profile) -> u32 {
        let seconds: u32 = self
            .steps
            .iter()
            .map(|s| match profile.question(&s.item_id) {
                None => SECONDS_PER_SELF_RATING,
                Some(q) if q.code.is_some() => SECONDS_PER_CODE_QUESTION,
                Some(_) => SECONDS_PER_QUESTION,
            })
            .sum();
        seconds.div_ceil(60)
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
        assert_eq!(Walk::full(&profile).estimated_minutes(&profile), 5);
    }
}

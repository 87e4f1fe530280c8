//! From answers to where the candidate stands: a level per area and per requirement, the gaps
//! against what the posting asks, a readiness figure, and what to learn next.
//!
//! The knowledge level is the mean credit of the answered questions (see
//! [`crate::domain::answer::credit`]) scaled onto the 0-4 level scale. Skipped questions are left
//! out, never counted as wrong. Self-ratings are reported beside the knowledge level and never
//! mixed into it.

use super::answer::{credit, Answer, Answers};
use super::profile::{Profile, Question, Requirement, MAX_LEVEL};

/// The whole picture for one candidate and one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub areas: Vec<AreaResult>,
    pub requirements: Vec<RequirementResult>,
    /// 0 to 100: how much of the weighted required level the candidate shows, over the
    /// requirements that could be assessed. `None` until any question is answered.
    pub readiness: Option<f64>,
    pub plan: LearningPlan,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaResult {
    pub area_id: String,
    pub title: String,
    /// Weighted mean of the area's requirement levels.
    pub required: f64,
    /// Knowledge level 0-4 from the answered questions; `None` when none were answered.
    pub knowledge: Option<f64>,
    /// Mean self-rating 0-4; `None` when no self-rating was given.
    pub self_rating: Option<f64>,
    /// Weighted mean of the area's requirement gaps; `None` when the area was not assessed.
    pub gap: Option<f64>,
    pub answered: usize,
    pub questions: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RequirementResult {
    pub requirement_id: String,
    pub area_id: String,
    pub required: u8,
    pub weight: u8,
    /// Level shown by the questions that evidence this requirement, or by the area's questions
    /// when none of those were answered.
    pub estimate: Option<f64>,
    /// `required - estimate`, never below 0.
    pub gap: Option<f64>,
}

/// What to learn next, most important first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LearningPlan {
    pub steps: Vec<Gap>,
}

/// One requirement the candidate falls short of, with the questions that showed it.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub requirement_id: String,
    pub size: f64,
    /// `weight * size`; the plan is ordered by it.
    pub priority: f64,
    /// Questions answered wrongly (or only partly right) or skipped, in profile order.
    pub missed: Vec<String>,
}

/// Scores `answers` against `profile`.
pub fn assess(profile: &Profile, answers: &Answers) -> Assessment {
    let credits = |filter: &dyn Fn(&Question) -> bool| -> Vec<f64> {
        profile
            .questions
            .iter()
            .filter(|q| filter(q))
            .filter_map(|q| answers.get(&q.id).and_then(|a| credit(q, a)))
            .collect()
    };
    let level = |credits: &[f64]| -> Option<f64> {
        (!credits.is_empty())
            .then(|| f64::from(MAX_LEVEL) * credits.iter().sum::<f64>() / credits.len() as f64)
    };

    let requirements: Vec<RequirementResult> = profile
        .requirements
        .iter()
        .map(|req| {
            let own = credits(&|q| q.requirements.contains(&req.id));
            let estimate = level(&own).or_else(|| level(&credits(&|q| q.area == req.area)));
            RequirementResult {
                requirement_id: req.id.clone(),
                area_id: req.area.clone(),
                required: req.level,
                weight: req.weight,
                estimate,
                gap: estimate.map(|e| (f64::from(req.level) - e).max(0.0)),
            }
        })
        .collect();

    let areas = profile
        .areas
        .iter()
        .map(|area| {
            let in_area: Vec<&RequirementResult> = requirements
                .iter()
                .filter(|r| r.area_id == area.id)
                .collect();
            let answered = credits(&|q| q.area == area.id);
            let ratings: Vec<f64> = profile
                .self_ratings
                .iter()
                .filter(|s| s.area == area.id)
                .filter_map(|s| match answers.get(&s.id) {
                    Some(Answer::Rating { level }) => Some(f64::from(*level)),
                    _ => None,
                })
                .collect();
            AreaResult {
                area_id: area.id.clone(),
                title: area.title.clone(),
                required: weighted_mean(in_area.iter().map(|r| (f64::from(r.required), r.weight)))
                    .unwrap_or(0.0),
                knowledge: level(&answered),
                self_rating: (!ratings.is_empty())
                    .then(|| ratings.iter().sum::<f64>() / ratings.len() as f64),
                gap: weighted_mean(in_area.iter().filter_map(|r| r.gap.map(|g| (g, r.weight)))),
                answered: answered.len(),
                questions: profile
                    .questions
                    .iter()
                    .filter(|q| q.area == area.id)
                    .count(),
            }
        })
        .collect();

    let assessed: Vec<&RequirementResult> =
        requirements.iter().filter(|r| r.gap.is_some()).collect();
    let required: f64 = assessed
        .iter()
        .map(|r| f64::from(r.weight) * f64::from(r.required))
        .sum();
    let missing: f64 = assessed
        .iter()
        .map(|r| f64::from(r.weight) * r.gap.unwrap_or(0.0))
        .sum();
    let readiness = (required > 0.0).then(|| 100.0 * (1.0 - missing / required));

    let plan = learning_plan(profile, answers, &requirements);
    Assessment {
        areas,
        requirements,
        readiness,
        plan,
    }
}

fn weighted_mean(values: impl Iterator<Item = (f64, u8)>) -> Option<f64> {
    let (sum, weights) = values.fold((0.0, 0.0), |(sum, weights), (value, weight)| {
        (sum + value * f64::from(weight), weights + f64::from(weight))
    });
    (weights > 0.0).then(|| sum / weights)
}

fn learning_plan(
    profile: &Profile,
    answers: &Answers,
    results: &[RequirementResult],
) -> LearningPlan {
    let mut steps: Vec<(usize, Gap)> = results
        .iter()
        .enumerate()
        .filter_map(|(order, r)| {
            let size = r.gap.filter(|g| *g > 0.0)?;
            let missed = profile
                .questions
                .iter()
                .filter(|q| q.requirements.contains(&r.requirement_id))
                .filter(|q| match answers.get(&q.id) {
                    Some(Answer::Skipped) => true,
                    Some(a) => credit(q, a).is_some_and(|c| c < 1.0),
                    None => false,
                })
                .map(|q| q.id.clone())
                .collect();
            let gap = Gap {
                requirement_id: r.requirement_id.clone(),
                size,
                priority: f64::from(r.weight) * size,
                missed,
            };
            Some((order, gap))
        })
        .collect();
    // Highest priority first; ties keep the profile's order.
    steps.sort_by(|(ao, a), (bo, b)| b.priority.total_cmp(&a.priority).then(ao.cmp(bo)));
    LearningPlan {
        steps: steps.into_iter().map(|(_, gap)| gap).collect(),
    }
}

impl Assessment {
    pub fn requirement(&self, id: &str) -> Option<&RequirementResult> {
        self.requirements.iter().find(|r| r.requirement_id == id)
    }
}

/// The requirement a plan step is about, for display.
pub fn requirement_of<'a>(profile: &'a Profile, gap: &Gap) -> Option<&'a Requirement> {
    profile.requirement(&gap.requirement_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::sample_profile;

    fn answer_all(profile: &Profile, right: bool) -> Answers {
        profile
            .questions
            .iter()
            .map(|q| {
                let selected = if right {
                    q.correct_options()
                } else {
                    let wrong = (0..q.options.len()).find(|i| !q.options[*i].correct);
                    vec![wrong.expect("every question has a wrong option")]
                };
                (q.id.clone(), Answer::Choice { selected })
            })
            .collect()
    }

    #[test]
    fn all_right_leaves_no_gap_and_full_readiness() {
        let p = sample_profile();
        let a = assess(&p, &answer_all(&p, true));
        assert!(a
            .areas
            .iter()
            .all(|r| r.gap == Some(0.0) && r.knowledge == Some(4.0)));
        assert_eq!(a.readiness, Some(100.0));
        assert!(a.plan.steps.is_empty());
    }

    #[test]
    fn all_wrong_leaves_a_gap_in_every_area() {
        let p = sample_profile();
        let a = assess(&p, &answer_all(&p, false));
        assert!(
            a.areas.iter().all(|r| r.gap.is_some_and(|g| g > 0.0)),
            "{:#?}",
            a.areas
        );
        assert_eq!(a.readiness, Some(0.0));
        // python-skills (weight 3, gap 3) before python-apis (weight 2, gap 2) before docker (1, 1).
        let order: Vec<&str> = a
            .plan
            .steps
            .iter()
            .map(|g| g.requirement_id.as_str())
            .collect();
        assert_eq!(order, ["python-skills", "python-apis", "docker"]);
        assert_eq!(a.plan.steps[0].missed, ["py-q1", "py-q2"]);
    }

    #[test]
    fn nothing_answered_claims_nothing() {
        let p = sample_profile();
        let a = assess(&p, &Answers::new());
        assert_eq!(a.readiness, None);
        assert!(a
            .areas
            .iter()
            .all(|r| r.knowledge.is_none() && r.gap.is_none()));
        assert!(a.plan.steps.is_empty());
    }

    #[test]
    fn skipped_questions_are_not_counted_as_wrong() {
        let p = sample_profile();
        let mut answers = Answers::new();
        answers.insert("py-q1".into(), Answer::Choice { selected: vec![0] }); // right
        answers.insert("py-q2".into(), Answer::Skipped);
        let a = assess(&p, &answers);
        assert_eq!(a.areas[0].knowledge, Some(4.0));
        assert_eq!(a.areas[0].answered, 1);
    }

    #[test]
    fn self_ratings_are_reported_beside_knowledge_not_mixed_in() {
        let p = sample_profile();
        let mut answers = Answers::new();
        answers.insert("python-self".into(), Answer::Rating { level: 4 });
        answers.insert("py-q1".into(), Answer::Choice { selected: vec![1] }); // wrong
        let a = assess(&p, &answers);
        assert_eq!(a.areas[0].self_rating, Some(4.0));
        assert_eq!(a.areas[0].knowledge, Some(0.0));
    }

    #[test]
    fn a_requirement_without_own_answers_falls_back_to_its_area() {
        let p = sample_profile();
        let mut answers = Answers::new();
        answers.insert("py-q1".into(), Answer::Choice { selected: vec![0] }); // python-skills, right
        let a = assess(&p, &answers);
        let apis = a.requirement("python-apis").unwrap();
        assert_eq!(apis.estimate, Some(4.0));
        assert_eq!(apis.gap, Some(0.0));
        // Readiness only counts what could be assessed: the python requirements, both met.
        assert_eq!(a.readiness, Some(100.0));
    }
}

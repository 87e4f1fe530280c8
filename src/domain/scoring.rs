//! From answers to where the candidate stands: a level with its uncertainty per area and per
//! requirement, the gaps against what the posting asks, a readiness figure, how well the
//! candidate's self-ratings match their answers, and what to learn next.
//!
//! Knowledge levels come from the item response model in [`super::irt`]. Skipped questions are
//! left out, never counted as wrong. Self-ratings are reported beside the knowledge level and
//! compared with it ([`Calibration`]), never mixed into it.

use super::adaptive::responses;
use super::answer::{credit, Answer, Answers};
use super::irt::{estimate, estimate_with_prior, Estimate, PRIOR_SD};
use super::profile::{Profile, Question};

/// A self-rating within this many levels of the knowledge estimate (plus the estimate's own
/// standard error) counts as calibrated.
pub const CALIBRATION_TOLERANCE: f64 = 0.75;

/// The whole picture for one candidate and one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub areas: Vec<AreaResult>,
    pub requirements: Vec<RequirementResult>,
    /// 0 to 100: how much of the weighted required level the candidate shows, over the
    /// requirements of areas with enough answers. `None` until an area has enough.
    pub readiness: Option<f64>,
    pub plan: LearningPlan,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaResult {
    pub area_id: String,
    pub title: String,
    /// Weighted mean of the area's requirement levels.
    pub required: f64,
    /// Knowledge estimate from the answered questions (the prior when none were answered; check
    /// [`Estimate::is_enough`] before showing it as a level).
    pub knowledge: Estimate,
    /// Mean self-rating 0-4; `None` when no self-rating was given.
    pub self_rating: Option<f64>,
    pub calibration: Option<Calibration>,
    /// Weighted mean of the area's requirement gaps; `None` without enough answers.
    pub gap: Option<f64>,
    pub answered: usize,
    pub questions: usize,
}

/// How a self-rating compares with the knowledge estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calibration {
    /// The self-rating is above the estimate by more than the tolerance.
    OverConfident,
    /// Within [`CALIBRATION_TOLERANCE`] + the estimate's standard error.
    Calibrated,
    /// The self-rating is below the estimate by more than the tolerance.
    UnderConfident,
}

/// The rule: compare the self-rating with the knowledge level, allowing
/// [`CALIBRATION_TOLERANCE`] plus the estimate's standard error either way.
pub fn calibration(self_rating: f64, knowledge: &Estimate) -> Calibration {
    let allowed = CALIBRATION_TOLERANCE + knowledge.se;
    let difference = self_rating - knowledge.level;
    if difference > allowed {
        Calibration::OverConfident
    } else if difference < -allowed {
        Calibration::UnderConfident
    } else {
        Calibration::Calibrated
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RequirementResult {
    pub requirement_id: String,
    pub area_id: String,
    pub required: u8,
    pub weight: u8,
    /// From the questions that evidence this requirement, with the estimate from the area's
    /// other questions as prior (so no answer counts twice);
    /// `None` while the area has too few answers.
    pub estimate: Option<Estimate>,
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
    let area_estimates: Vec<Estimate> = profile
        .areas
        .iter()
        .map(|area| estimate(&responses(profile, answers, |q| q.area == area.id)))
        .collect();

    let requirements: Vec<RequirementResult> = profile
        .requirements
        .iter()
        .map(|req| {
            let area = profile.areas.iter().position(|a| a.id == req.area);
            let estimate = area
                .map(|i| area_estimates[i])
                .filter(Estimate::is_enough)
                .map(|_| {
                    // The area's other questions set the prior, so no answer counts twice.
                    let evidences = |q: &Question| q.requirements.contains(&req.id);
                    let own = responses(profile, answers, evidences);
                    let others = estimate(&responses(profile, answers, |q| {
                        q.area == req.area && !evidences(q)
                    }));
                    let mut e = estimate_with_prior(&own, others.level, PRIOR_SD);
                    e.answers = own.len();
                    e
                });
            RequirementResult {
                requirement_id: req.id.clone(),
                area_id: req.area.clone(),
                required: req.level,
                weight: req.weight,
                estimate,
                gap: estimate.map(|e| (f64::from(req.level) - e.level).max(0.0)),
            }
        })
        .collect();

    let areas = profile
        .areas
        .iter()
        .zip(&area_estimates)
        .map(|(area, knowledge)| {
            let in_area: Vec<&RequirementResult> = requirements
                .iter()
                .filter(|r| r.area_id == area.id)
                .collect();
            let ratings: Vec<f64> = profile
                .self_ratings
                .iter()
                .filter(|s| s.area == area.id)
                .filter_map(|s| match answers.get(&s.id) {
                    Some(Answer::Rating { level }) => Some(f64::from(*level)),
                    _ => None,
                })
                .collect();
            let self_rating =
                (!ratings.is_empty()).then(|| ratings.iter().sum::<f64>() / ratings.len() as f64);
            AreaResult {
                area_id: area.id.clone(),
                title: area.title.clone(),
                required: weighted_mean(in_area.iter().map(|r| (f64::from(r.required), r.weight)))
                    .unwrap_or(0.0),
                knowledge: *knowledge,
                self_rating,
                calibration: self_rating
                    .filter(|_| knowledge.is_enough())
                    .map(|s| calibration(s, knowledge)),
                gap: weighted_mean(in_area.iter().filter_map(|r| r.gap.map(|g| (g, r.weight)))),
                answered: knowledge.answers,
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

/// Gaps below this many levels are within the estimate's noise and not worth a plan step.
const MIN_PLAN_GAP: f64 = 0.05;

fn learning_plan(
    profile: &Profile,
    answers: &Answers,
    results: &[RequirementResult],
) -> LearningPlan {
    let mut steps: Vec<(usize, Gap)> = results
        .iter()
        .enumerate()
        .filter_map(|(order, r)| {
            let size = r.gap.filter(|g| *g >= MIN_PLAN_GAP)?;
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
        for area in &a.areas {
            assert_eq!(area.gap, Some(0.0), "{area:?}");
            assert!(area.knowledge.level > 3.0, "{area:?}");
        }
        assert_eq!(a.readiness, Some(100.0));
        assert!(a.plan.steps.is_empty());
    }

    #[test]
    fn all_wrong_leaves_a_gap_in_every_area() {
        let p = sample_profile();
        let a = assess(&p, &answer_all(&p, false));
        for area in &a.areas {
            assert!(area.gap.is_some_and(|g| g > 0.0), "{area:?}");
            assert!(area.knowledge.level < 1.0, "{area:?}");
        }
        // Three wrong answers leave the estimate above 0 (the prior still counts), so not 0 %.
        assert!(a.readiness.is_some_and(|r| r < 50.0), "{:?}", a.readiness);
        // python-skills (weight 3) before python-apis (weight 2) before docker (weight 1).
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
    fn too_few_answers_claim_no_level() {
        let p = sample_profile();
        let a = assess(&p, &Answers::new());
        assert_eq!(a.readiness, None);
        assert!(a
            .areas
            .iter()
            .all(|r| !r.knowledge.is_enough() && r.gap.is_none()));
        assert!(a.plan.steps.is_empty());

        let mut two = Answers::new();
        two.insert("py-q1".into(), Answer::Choice { selected: vec![0] });
        two.insert("py-q2".into(), Answer::Choice { selected: vec![1] });
        let a = assess(&p, &two);
        assert_eq!(a.areas[0].answered, 2);
        assert_eq!(
            a.areas[0].gap, None,
            "two answers are not enough for a level"
        );
    }

    #[test]
    fn skipped_questions_are_not_counted_as_wrong() {
        let p = sample_profile();
        let mut answers = answer_all(&p, true);
        let all_right = assess(&p, &answers).areas[0].knowledge;
        answers.insert("py-q4-missing".into(), Answer::Skipped);
        answers.insert("py-q3".into(), Answer::Skipped);
        let with_skip = assess(&p, &answers).areas[0].knowledge;
        assert_eq!(with_skip.answers, 2);
        assert!(
            with_skip.level > 2.5,
            "a skip is not a wrong answer: {with_skip:?} vs {all_right:?}"
        );
    }

    #[test]
    fn self_ratings_are_reported_beside_knowledge_not_mixed_in() {
        let p = sample_profile();
        let mut answers = answer_all(&p, false);
        let knowledge = assess(&p, &answers).areas[0].knowledge;
        answers.insert("python-self".into(), Answer::Rating { level: 4 });
        let a = assess(&p, &answers);
        assert_eq!(a.areas[0].self_rating, Some(4.0));
        assert_eq!(
            a.areas[0].knowledge, knowledge,
            "the self-rating does not move the estimate"
        );
        assert_eq!(a.areas[0].calibration, Some(Calibration::OverConfident));
    }

    #[test]
    fn the_calibration_rule_allows_the_tolerance_plus_the_error() {
        let e = Estimate {
            level: 2.0,
            se: 0.25,
            answers: 10,
        };
        assert_eq!(calibration(3.0, &e), Calibration::Calibrated); // 1.0 <= 0.75 + 0.25
        assert_eq!(calibration(3.1, &e), Calibration::OverConfident);
        assert_eq!(calibration(1.0, &e), Calibration::Calibrated);
        assert_eq!(calibration(0.9, &e), Calibration::UnderConfident);
    }

    #[test]
    fn a_requirement_without_own_answers_follows_its_area() {
        let p = sample_profile();
        let mut answers = answer_all(&p, true);
        answers.remove("py-q3"); // the only python-apis question
        answers.insert("py-q1b".into(), Answer::Skipped);
        let a = assess(&p, &answers);
        // Python now has 2 answers: not enough, so neither requirement claims a level.
        assert_eq!(a.requirement("python-apis").unwrap().estimate, None);
        let all = assess(&p, &answer_all(&p, true));
        let apis = all.requirement("python-apis").unwrap().estimate.unwrap();
        assert_eq!(apis.answers, 1);
        assert!(apis.level > 3.0);
    }

    #[test]
    fn a_requirement_that_is_its_areas_only_evidence_gets_the_areas_estimate() {
        // Docker is the infra area's only requirement: counting its answers once for the area
        // and again for the requirement would make the requirement look surer than the area.
        let p = sample_profile();
        for right in [true, false] {
            let a = assess(&p, &answer_all(&p, right));
            let area = a
                .areas
                .iter()
                .find(|r| r.area_id == "infra")
                .unwrap()
                .knowledge;
            let docker = a.requirement("docker").unwrap().estimate.unwrap();
            assert!(
                (docker.level - area.level).abs() < 1e-9,
                "{docker:?} vs {area:?}"
            );
            assert!((docker.se - area.se).abs() < 1e-9);
        }
    }
}

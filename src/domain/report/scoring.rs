//! From answers to where the candidate stands: per area and per requirement a level with its
//! uncertainty and a verdict against what the posting asks, a readiness figure with its range,
//! how well the candidate's self-ratings match their answers, a word when the answers look like
//! guessing, and what to learn next.
//!
//! Every measurement decision lives in [`crate::domain::measure`]; this module only gathers its results
//! per area and requirement. Skipped questions are left out, never counted as wrong.
//! Self-ratings are reported beside the knowledge level and compared with it
//! ([`Calibration`]), never mixed into it.

use crate::domain::candidate::answer::{credit, shown_order, Answer, Answers};
use crate::domain::measure::area::{area_required, response};
use crate::domain::measure::guessing::{guessing_sign, GuessingSign};
use crate::domain::measure::model::ItemModel;
use crate::domain::measure::posterior::{Estimate, Likelihoods, Posterior, Response};
use crate::domain::measure::verdict::Verdict;
use crate::domain::measure::verdict::{readiness, verdict, Readiness};
use crate::domain::profile::{Profile, QuestionKind};

/// A self-rating within this many levels of the knowledge estimate (plus the estimate's own
/// standard error) counts as calibrated.
pub const CALIBRATION_TOLERANCE: f64 = 0.75;

/// The whole picture for one candidate and one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub areas: Vec<AreaResult>,
    pub requirements: Vec<RequirementResult>,
    /// How much of the weighted required level the candidate shows, with its range. `None`
    /// until a knowledge question is answered.
    pub readiness: Option<Readiness>,
    /// Set when the answers look like guessing (see `measure::guessing`).
    pub guessing: Option<GuessingSign>,
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
    /// Against [`AreaResult::required`].
    pub verdict: Verdict,
    /// True when the answers look like guessing: no level is shown and no verdict is given.
    pub withheld: bool,
    /// Mean self-rating 0-4; `None` when no self-rating was given.
    pub self_rating: Option<f64>,
    pub calibration: Option<Calibration>,
    /// Weighted mean of the area's requirement gaps; `None` without enough answers.
    pub gap: Option<f64>,
    pub answered: usize,
    pub questions: usize,
}

impl AreaResult {
    /// The estimate to show as a level: `None` with too few answers, or when the answers look
    /// like guessing.
    pub fn shown(&self) -> Option<Estimate> {
        Some(self.knowledge).filter(|k| k.is_enough() && !self.withheld)
    }
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
    /// The area's level against this requirement's level (one ability per area).
    pub verdict: Verdict,
    /// `required - level`, never below 0; `None` while the area has too few answers.
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
    /// Questions answered wrongly (or only partly right) or skipped, in profile order; each
    /// question is under one step only, the highest in the plan of those it evidences.
    pub missed: Vec<String>,
}

/// Scores `answers` against `profile`. `option_seed` is the candidate's option order (see
/// [`shown_order`]), which the guessing rule needs to see position habits.
pub fn assess(profile: &Profile, answers: &Answers, option_seed: u64) -> Assessment {
    // One pass over the questions: per area, its scored answers, the questions not asked yet
    // (for the "how many more" projection) and how many it has.
    let mut by_area: Vec<AreaQuestions> = profile
        .areas
        .iter()
        .map(|_| AreaQuestions::default())
        .collect();
    let mut answered = Vec::new();
    for q in &profile.questions {
        let area = profile
            .areas
            .iter()
            .position(|a| a.id == q.area)
            .map(|i| &mut by_area[i]);
        let response = response(q, answers);
        if let Some(area) = area {
            area.questions += 1;
            match response {
                Some(r) => area.responses.push(r),
                None if !answers.contains_key(&q.id) => area.remaining.push(ItemModel::of(q)),
                None => {}
            }
        }
        answered.extend(response);
    }
    let positions: Vec<usize> = profile
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::SingleChoice)
        .filter_map(|q| {
            let chosen = *answers.get(&q.id)?.selected().first()?;
            shown_order(option_seed, q)
                .iter()
                .position(|&i| i == chosen)
        })
        .collect();
    let guessing = guessing_sign(&answered, &positions);
    // Guessed answers say nothing about what a candidate knows: no verdict rests on them.
    let withheld = guessing.is_some();
    let judge = |posterior: &Posterior, required: f64, remaining: &[ItemModel]| {
        if withheld {
            Verdict::NotClear { more: None }
        } else {
            verdict(posterior, required, remaining)
        }
    };
    let mut likelihoods = Likelihoods::new();
    let posteriors: Vec<Posterior> = by_area
        .iter()
        .map(|area| likelihoods.posterior(&area.responses))
        .collect();

    let requirements: Vec<RequirementResult> = profile
        .requirements
        .iter()
        .map(|req| {
            let at = profile.areas.iter().position(|a| a.id == req.area);
            let posterior = at.map(|i| &posteriors[i]);
            let required = f64::from(req.level);
            let verdict = at.map_or(Verdict::NotClear { more: None }, |i| {
                judge(&posteriors[i], required, &by_area[i].remaining)
            });
            let gap = posterior
                .map(|p| p.estimate())
                .filter(|e| e.is_enough() && !withheld)
                .map(|e| (required - e.level).max(0.0));
            RequirementResult {
                requirement_id: req.id.clone(),
                area_id: req.area.clone(),
                required: req.level,
                weight: req.weight,
                verdict,
                gap,
            }
        })
        .collect();

    let areas = profile
        .areas
        .iter()
        .zip(posteriors.iter().zip(&by_area))
        .map(|(area, (posterior, questions))| {
            let knowledge = posterior.estimate();
            let required = area_required(profile, &area.id);
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
                required,
                knowledge,
                verdict: judge(posterior, required, &questions.remaining),
                withheld,
                self_rating,
                calibration: self_rating
                    .filter(|_| knowledge.is_enough() && !withheld)
                    .map(|s| calibration(s, &knowledge)),
                gap: weighted_mean(in_area.iter().filter_map(|r| r.gap.map(|g| (g, r.weight)))),
                answered: knowledge.answers,
                questions: questions.questions,
            }
        })
        .collect();

    let readiness = (!answered.is_empty() && !withheld)
        .then(|| {
            let by_area: Vec<_> = profile
                .areas
                .iter()
                .zip(&posteriors)
                .map(|(area, posterior)| {
                    let reqs = profile
                        .requirements
                        .iter()
                        .filter(|r| r.area == area.id)
                        .map(|r| (f64::from(r.level), f64::from(r.weight)))
                        .collect();
                    (posterior, reqs)
                })
                .collect();
            readiness(&by_area)
        })
        .flatten();

    let plan = learning_plan(profile, answers, &requirements);
    Assessment {
        areas,
        requirements,
        readiness,
        guessing,
        plan,
    }
}

/// An area's questions, as `assess` gathers them.
#[derive(Default)]
struct AreaQuestions {
    responses: Vec<Response>,
    remaining: Vec<ItemModel>,
    questions: usize,
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
            if r.verdict == Verdict::Meets {
                return None;
            }
            let size = r.gap.filter(|g| *g >= MIN_PLAN_GAP)?;
            let gap = Gap {
                requirement_id: r.requirement_id.clone(),
                size,
                priority: f64::from(r.weight) * size,
                missed: Vec::new(),
            };
            Some((order, gap))
        })
        .collect();
    // Highest priority first; ties keep the profile's order.
    steps.sort_by(|(_, a), (_, b)| b.priority.total_cmp(&a.priority));
    // Each missed question once, in profile order, under the most important requirement it
    // evidences (the first step that lists it); a requirement whose questions all sit higher up
    // keeps its line.
    for q in &profile.questions {
        let missed = match answers.get(&q.id) {
            Some(Answer::Skipped) => true,
            Some(a) => credit(q, a).is_some_and(|c| c < 1.0),
            None => false,
        };
        if !missed {
            continue;
        }
        let step = steps
            .iter_mut()
            .find(|(_, gap)| q.requirements.contains(&gap.requirement_id));
        if let Some((_, gap)) = step {
            gap.missed.push(q.id.clone());
        }
    }
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
    use crate::domain::testing::{every_question, sample_profile};

    #[test]
    fn the_plan_lists_each_missed_question_once_under_its_most_important_requirement() {
        // Every question evidences every requirement of its area.
        let mut profile = sample_profile();
        let by_area: Vec<(String, String)> = profile
            .requirements
            .iter()
            .map(|r| (r.area.clone(), r.id.clone()))
            .collect();
        for q in &mut profile.questions {
            for (area, id) in &by_area {
                if *area == q.area && !q.requirements.contains(id) {
                    q.requirements.push(id.clone());
                }
            }
        }
        let answers = every_question(&profile, false);
        let plan = assess(&profile, &answers, 1).plan;
        let listed: Vec<&String> = plan.steps.iter().flat_map(|s| &s.missed).collect();
        let unique: std::collections::HashSet<&&String> = listed.iter().collect();
        assert_eq!(listed.len(), unique.len(), "{listed:?}");
        // Every question that evidences several planned requirements sits under the first.
        let mut shared = 0;
        for q in &profile.questions {
            let under: Vec<usize> = plan
                .steps
                .iter()
                .enumerate()
                .filter(|(_, s)| q.requirements.contains(&s.requirement_id))
                .map(|(i, _)| i)
                .collect();
            if let Some(&first) = under.first() {
                assert!(plan.steps[first].missed.contains(&q.id), "{}", q.id);
                shared += usize::from(under.len() > 1);
            }
        }
        assert!(
            shared > 0,
            "the sample has questions that evidence two planned requirements"
        );
        // Priority order is kept.
        assert!(plan
            .steps
            .windows(2)
            .all(|w| w[0].priority >= w[1].priority));
    }

    /// The sample with every question copied `times` times, so areas have enough questions for
    /// clear verdicts.
    fn larger_sample(times: usize) -> Profile {
        let mut p = sample_profile();
        let originals = p.questions.clone();
        for n in 1..times {
            for q in &originals {
                let mut copy = q.clone();
                copy.id = format!("{}-copy{n}", q.id);
                p.questions.push(copy);
            }
        }
        p
    }

    fn area<'a>(a: &'a Assessment, id: &str) -> &'a AreaResult {
        a.areas.iter().find(|r| r.area_id == id).unwrap()
    }

    #[test]
    fn right_answers_score_above_wrong_answers_everywhere() {
        let p = sample_profile();
        let right = assess(&p, &every_question(&p, true), 1);
        let wrong = assess(&p, &every_question(&p, false), 1);
        for (r, w) in right.areas.iter().zip(&wrong.areas) {
            assert!(
                r.knowledge.level > w.knowledge.level + 1.0,
                "{r:?} vs {w:?}"
            );
            assert!(r.gap.unwrap() <= w.gap.unwrap());
        }
        let (r, w) = (right.readiness.unwrap(), wrong.readiness.unwrap());
        assert!(r.mean > w.mean + 20.0, "{r:?} vs {w:?}");
        for x in [r, w] {
            assert!(x.low <= x.mean && x.mean <= x.high && x.low >= 0.0 && x.high <= 100.0);
        }
    }

    #[test]
    fn many_answers_give_clear_verdicts_per_area_and_requirement() {
        let p = larger_sample(5);
        let right = assess(&p, &every_question(&p, true), 1);
        assert_eq!(area(&right, "infra").verdict, Verdict::Meets, "{right:#?}");
        assert_eq!(right.requirement("docker").unwrap().verdict, Verdict::Meets);
        let wrong = assess(&p, &every_question(&p, false), 1);
        assert!(matches!(area(&wrong, "python").verdict, Verdict::Below { gap } if gap > 1.0));
        assert!(matches!(
            wrong.requirement("python-skills").unwrap().verdict,
            Verdict::Below { .. }
        ));
        // python-skills (weight 3) before python-apis (weight 2) before docker (weight 1).
        let order: Vec<&str> = wrong
            .plan
            .steps
            .iter()
            .map(|g| g.requirement_id.as_str())
            .collect();
        assert_eq!(order, ["python-skills", "python-apis", "docker"]);
        assert!(wrong.plan.steps[0].missed.contains(&"py-q1".to_owned()));
        assert!(
            right.plan.steps.is_empty(),
            "nothing to learn where every verdict is met"
        );
    }

    #[test]
    fn a_requirement_is_judged_against_its_own_level() {
        // Right on the basic and intermediate copies, wrong on the advanced ones: a level near
        // 2 meets python-apis (2) more surely than python-skills (3).
        let p = larger_sample(5);
        let mut answers = every_question(&p, true);
        for q in p.questions.iter().filter(|q| q.difficulty == 3) {
            let wrong = (0..q.options.len())
                .find(|i| !q.options[*i].correct)
                .unwrap();
            answers.insert(
                q.id.clone(),
                Answer::Choice {
                    selected: vec![wrong],
                },
            );
        }
        let a = assess(&p, &answers, 1);
        let skills = a.requirement("python-skills").unwrap();
        let apis = a.requirement("python-apis").unwrap();
        assert!(
            skills.gap.unwrap() > apis.gap.unwrap(),
            "{skills:?} vs {apis:?}"
        );
        assert_ne!(skills.verdict, Verdict::Meets);
    }

    #[test]
    fn too_few_answers_claim_no_level_and_no_verdict() {
        let p = sample_profile();
        let a = assess(&p, &Answers::new(), 1);
        assert_eq!(a.readiness, None);
        assert!(a
            .areas
            .iter()
            .all(|r| r.shown().is_none() && r.gap.is_none()));
        assert!(a.areas.iter().all(|r| !r.verdict.is_clear()));
        assert!(a.plan.steps.is_empty());

        let mut two = Answers::new();
        two.insert("py-q1".into(), Answer::Choice { selected: vec![0] });
        two.insert("py-q2".into(), Answer::Choice { selected: vec![1] });
        let a = assess(&p, &two, 1);
        assert_eq!(a.areas[0].answered, 2);
        assert_eq!(
            a.areas[0].gap, None,
            "two answers are not enough for a level"
        );
        assert!(!a.areas[0].verdict.is_clear());
    }

    #[test]
    fn skipped_questions_are_not_counted_as_wrong() {
        let p = sample_profile();
        let mut answers = every_question(&p, true);
        let all_right = assess(&p, &answers, 1).areas[0].knowledge;
        answers.insert("py-q3".into(), Answer::Skipped);
        let with_skip = assess(&p, &answers, 1).areas[0].knowledge;
        assert_eq!(with_skip.answers, 2);
        let mut wrong = answers.clone();
        wrong.insert("py-q3".into(), every_question(&p, false)["py-q3"].clone());
        let with_wrong = assess(&p, &wrong, 1).areas[0].knowledge;
        assert!(
            with_skip.level > with_wrong.level,
            "a skip is not a wrong answer: {with_skip:?} vs {with_wrong:?} (all right {all_right:?})"
        );
    }

    #[test]
    fn self_ratings_are_reported_beside_knowledge_not_mixed_in() {
        let p = sample_profile();
        let mut answers = every_question(&p, false);
        let knowledge = assess(&p, &answers, 1).areas[0].knowledge;
        answers.insert("python-self".into(), Answer::Rating { level: 4 });
        let a = assess(&p, &answers, 1);
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
            low: 1.5,
            high: 2.5,
            answers: 10,
        };
        assert_eq!(calibration(3.0, &e), Calibration::Calibrated); // 1.0 <= 0.75 + 0.25
        assert_eq!(calibration(3.1, &e), Calibration::OverConfident);
        assert_eq!(calibration(1.0, &e), Calibration::Calibrated);
        assert_eq!(calibration(0.9, &e), Calibration::UnderConfident);
    }

    #[test]
    fn answers_that_look_like_guessing_show_no_level_and_no_verdict() {
        let p = larger_sample(4);
        let seed = 11;
        // Always the option shown first.
        let answers: Answers = p
            .questions
            .iter()
            .map(|q| {
                let first = shown_order(seed, q)[0];
                (
                    q.id.clone(),
                    Answer::Choice {
                        selected: vec![first],
                    },
                )
            })
            .collect();
        let a = assess(&p, &answers, seed);
        assert!(
            matches!(
                a.guessing,
                Some(GuessingSign::SamePosition { position: 0, .. })
            ),
            "{:?}",
            a.guessing
        );
        assert!(a
            .areas
            .iter()
            .all(|r| r.shown().is_none() && !r.verdict.is_clear()));
        assert!(a.requirements.iter().all(|r| r.gap.is_none()));
        assert_eq!(a.readiness, None);
        // The same answers read with the options in their authored order are knowledge-blind
        // too, but a candidate who answers right is never told they guess.
        let right = assess(&p, &every_question(&p, true), seed);
        assert_eq!(right.guessing, None);
        assert!(right.areas.iter().all(|r| r.shown().is_some()));
    }
}

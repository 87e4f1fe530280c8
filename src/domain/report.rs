//! How results read: one view model per area ([`AreaRow`]) for every place results are shown
//! (the results page, the shared page, the Markdown summary), the wording of levels, verdicts
//! and readiness, and the Markdown document the candidate can download and keep.

use std::fmt::Write;

use super::measure::guessing::GuessingSign;
use super::measure::verdict::Readiness;
use super::measure::{Verdict, MIN_ANSWERS};
use super::profile::{level_name, Profile};
use super::scoring::{AreaResult, Assessment, Calibration};
use super::share::SharedSummary;

/// One area as every view of the results shows it, built from the candidate's own assessment or
/// from a share link.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaRow {
    pub area_id: String,
    pub title: String,
    /// The level the role asks.
    pub asked: f64,
    pub shown: ShownLevel,
    /// The candidate's own rating and how it compares with their answers; only on their own
    /// results, and only when they rated themselves.
    pub self_rating: Option<(f64, Option<Calibration>)>,
    /// `None` on share links of format 1, which carried only the gap.
    pub verdict: Option<Verdict>,
    pub gap: Option<f64>,
    pub answered: usize,
    /// How many questions the area has; unknown on a shared page.
    pub questions: Option<usize>,
}

/// What the answers show of an area's level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ShownLevel {
    Level {
        level: f64,
        se: f64,
    },
    /// Fewer answers than a level needs.
    TooFew {
        answers: usize,
    },
    /// Not shown: the answers look like guessing.
    Withheld,
}

impl AreaRow {
    /// The row for one area of the candidate's own assessment.
    pub fn from_result(area: &AreaResult) -> AreaRow {
        let shown = match area.shown() {
            Some(k) => ShownLevel::Level {
                level: k.level,
                se: k.se,
            },
            None if area.withheld => ShownLevel::Withheld,
            None => ShownLevel::TooFew {
                answers: area.knowledge.answers,
            },
        };
        AreaRow {
            area_id: area.area_id.clone(),
            title: area.title.clone(),
            asked: area.required,
            shown,
            self_rating: area.self_rating.map(|s| (s, area.calibration)),
            verdict: Some(area.verdict),
            gap: area.gap,
            answered: area.answered,
            questions: Some(area.questions),
        }
    }

    /// The rows a share link carries, titled from `profile` (an area it lacks keeps its id).
    pub fn from_shared(profile: &Profile, summary: &SharedSummary) -> Vec<AreaRow> {
        let tenths = |t: u8| f64::from(t) / 10.0;
        summary
            .areas
            .iter()
            .map(|a| {
                let answers = usize::from(a.answers);
                let shown = match a.level {
                    Some(level) => ShownLevel::Level {
                        level: tenths(level),
                        se: tenths(a.se),
                    },
                    None if answers < MIN_ANSWERS => ShownLevel::TooFew { answers },
                    None => ShownLevel::Withheld,
                };
                AreaRow {
                    area_id: a.area_id.clone(),
                    title: profile
                        .area(&a.area_id)
                        .map_or_else(|| a.area_id.clone(), |x| x.title.clone()),
                    asked: tenths(a.required),
                    shown,
                    self_rating: None,
                    verdict: a.verdict,
                    gap: a.gap.map(tenths),
                    answered: answers,
                    questions: None,
                }
            })
            .collect()
    }

    /// The verdict's kind, for styling and tests: `meets`, `below`, `not-clear`, or empty.
    pub fn verdict_kind(&self) -> &'static str {
        match self.verdict {
            Some(Verdict::Meets) => "meets",
            Some(Verdict::Below { .. }) => "below",
            Some(Verdict::NotClear { .. }) => "not-clear",
            None => "",
        }
    }
}

/// What the answers show, as the candidate reads it: "2.4 ± 0.5 (working knowledge)", or why
/// there is no level.
pub fn shown_row_level(shown: &ShownLevel) -> String {
    match *shown {
        // Named from the figure shown, so that a level and the same level read from a link
        // (which carries tenths) are named alike.
        ShownLevel::Level { level, se } => format!(
            "{level:.1} \u{b1} {se:.1} ({})",
            level_name(((level * 10.0).round() / 10.0).round() as u8)
        ),
        ShownLevel::TooFew { answers } => {
            format!("too few answers ({answers} of at least {MIN_ANSWERS})")
        }
        ShownLevel::Withheld => "not shown: the answers look like guessing".to_owned(),
    }
}

/// A row's verdict as the reader reads it (links of format 1 carried only the gap).
pub fn shown_row_verdict(row: &AreaRow) -> String {
    match &row.verdict {
        Some(v) => shown_verdict(v),
        None => format!("gap {}", shown_gap(row.gap)),
    }
}

/// A row's self-rating with how it compares, or a dash.
pub fn shown_self_rating(row: &AreaRow) -> String {
    match row.self_rating {
        Some((s, Some(c))) => format!("{s:.1}, {}", calibration_words(c)),
        Some((s, None)) => format!("{s:.1}"),
        None => "\u{2014}".to_owned(),
    }
}

/// How many questions were answered: "3 of 15", or just "3" where the total is unknown.
pub fn shown_answered(row: &AreaRow) -> String {
    match row.questions {
        Some(total) => format!("{} of {total}", row.answered),
        None => row.answered.to_string(),
    }
}

/// A verdict as the candidate reads it.
pub fn shown_verdict(verdict: &Verdict) -> String {
    match verdict {
        Verdict::Meets => "meets".to_owned(),
        Verdict::Below { gap } => format!("below (gap of about {gap:.1})"),
        Verdict::NotClear { more: Some(1) } => {
            "not clear yet (about 1 more question would likely settle it)".to_owned()
        }
        Verdict::NotClear { more: Some(n) } => {
            format!("not clear yet (about {n} more questions would likely settle it)")
        }
        Verdict::NotClear { more: None } => {
            "not clear yet (more questions than are left would be needed)".to_owned()
        }
    }
}

/// Readiness as the candidate reads it: "55–70%", or one figure when the range is that narrow.
pub fn shown_readiness(r: &Readiness) -> String {
    let (low, high) = (r.low.round(), r.high.round());
    if low == high {
        format!("{low:.0}%")
    } else {
        format!("{low:.0}\u{2013}{high:.0}%")
    }
}

/// The notice for answers that look like guessing.
pub fn shown_guessing(sign: &GuessingSign) -> String {
    match sign {
        GuessingSign::NoBetterThanChance {
            earned,
            chance,
            answered,
        } => format!(
            "Your answers look like guessing: {earned:.1} right in {answered} questions, where picking at random gets about {chance:.1}. The levels below can\u{2019}t show what you know; answer what you know and skip the rest."
        ),
        GuessingSign::SamePosition {
            position,
            count,
            answered,
        } => format!(
            "Your answers look like guessing: you chose option {} in {count} of {answered} questions. Options are shuffled, so one position is right only by chance; answer what you know and skip the rest.",
            position + 1
        ),
    }
}

/// A gap as the candidate reads it; gaps within the estimate's noise read as "none".
pub fn shown_gap(gap: Option<f64>) -> String {
    match gap {
        Some(g) if g >= 0.05 => format!("{g:.1}"),
        Some(_) => "none".to_owned(),
        None => "not assessed".to_owned(),
    }
}

/// A suggested file name for the summary of `profile`.
pub fn summary_file_name(profile: &Profile) -> String {
    format!("fitcheck-results-{}.md", profile.id)
}

/// The results summary: readiness, the per-area table and the learning plan with its links.
pub fn markdown_summary(profile: &Profile, assessment: &Assessment) -> String {
    let mut md = String::new();
    let role = &profile.role;
    let _ = writeln!(md, "# Fitcheck results: {}", role.title);
    let _ = writeln!(
        md,
        "\n{} \u{b7} {} \u{b7} {}\n",
        role.company, role.location, role.source
    );
    if let Some(sign) = &assessment.guessing {
        let _ = writeln!(md, "> {}\n", shown_guessing(sign));
    }
    match &assessment.readiness {
        Some(r) => {
            let _ = writeln!(
                md,
                "**Readiness: {}** of what the posting asks (95% range).\n",
                shown_readiness(r)
            );
        }
        None => md.push_str("No area has enough answers for a readiness figure yet.\n\n"),
    }

    md.push_str("## By area\n\n");
    md.push_str("| Area | Asked | Shown by answers | Verdict | Self-rating | Answered |\n");
    md.push_str("| --- | ---: | --- | --- | --- | ---: |\n");
    for row in assessment.areas.iter().map(AreaRow::from_result) {
        let _ = writeln!(
            md,
            "| {} | {:.1} | {} | {} | {} | {} |",
            row.title,
            row.asked,
            shown_row_level(&row.shown),
            shown_row_verdict(&row),
            shown_self_rating(&row),
            shown_answered(&row)
        );
    }

    md.push_str("\n## What to learn next\n\n");
    if assessment.plan.steps.is_empty() {
        md.push_str("No gaps in what was answered.\n");
    }
    for (n, step) in assessment.plan.steps.iter().enumerate() {
        let Some(req) = profile
            .requirements
            .iter()
            .find(|r| r.id == step.requirement_id)
        else {
            continue;
        };
        let _ = writeln!(
            md,
            "{}. **{}** \u{2014} asks level {}, {}",
            n + 1,
            req.text,
            req.level,
            assessment
                .requirement(&req.id)
                .map_or_else(String::new, |r| shown_verdict(&r.verdict))
        );
        for q in step.missed.iter().filter_map(|id| profile.question(id)) {
            let _ = writeln!(md, "   - {}", one_line(&q.prompt));
            let _ = writeln!(md, "     {}", one_line(&q.explanation));
            for r in &q.references {
                let _ = writeln!(md, "     [{}]({})", r.title, r.url);
            }
        }
    }
    md.push_str(
        "\nMade with Fitcheck. Nothing was sent anywhere: this summary was made in your browser.\n",
    );
    md
}

/// How a self-rating compares with the answers.
pub fn calibration_words(c: Calibration) -> &'static str {
    match c {
        Calibration::OverConfident => "rated yourself higher than your answers show",
        Calibration::UnderConfident => "rated yourself lower than your answers show",
        Calibration::Calibrated => "matches your answers",
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::{Answer, Answers};
    use crate::domain::scoring::assess;
    use crate::domain::testing::sample_profile;

    #[test]
    fn the_summary_has_the_table_and_the_missed_questions_with_links() {
        let profile = sample_profile();
        let mut answers = Answers::new();
        for q in &profile.questions {
            let wrong = (0..q.options.len())
                .find(|&i| !q.options[i].correct)
                .unwrap();
            answers.insert(
                q.id.clone(),
                Answer::Choice {
                    selected: vec![wrong],
                },
            );
        }
        let md = markdown_summary(&profile, &assess(&profile, &answers, 1));
        assert!(md.starts_with(&format!("# Fitcheck results: {}", profile.role.title)));
        assert_eq!(md.matches("\n| ").count(), 2 + profile.areas.len(), "{md}");
        let a = assess(&profile, &answers, 1);
        assert!(!a.plan.steps.is_empty());
        for q in a.plan.steps.iter().flat_map(|s| &s.missed) {
            let q = profile.question(q).unwrap();
            assert!(md.contains(&one_line(&q.prompt)), "{} missing:\n{md}", q.id);
            assert!(md.contains(&format!("({})", q.references[0].url)));
        }
        assert!(
            md.contains("| below (gap of about") || md.contains("| not clear yet"),
            "{md}"
        );
    }

    /// Every question of the sample answered right, or with the first option (a clicker).
    fn answered(right: bool) -> Answers {
        let profile = sample_profile();
        profile
            .questions
            .iter()
            .map(|q| {
                let selected = if right { q.correct_options() } else { vec![0] };
                (q.id.clone(), Answer::Choice { selected })
            })
            .collect()
    }

    #[test]
    fn a_shared_row_reads_as_the_row_it_was_made_from() {
        let profile = sample_profile();
        let assessment = assess(&profile, &answered(true), 3);
        let own: Vec<AreaRow> = assessment.areas.iter().map(AreaRow::from_result).collect();
        let summary = SharedSummary::from_assessment(&profile.id, &assessment);
        let shared = AreaRow::from_shared(&profile, &summary);
        assert_eq!(own.len(), shared.len());
        for (mine, theirs) in own.iter().zip(&shared) {
            assert_eq!(
                (&theirs.area_id, &theirs.title),
                (&mine.area_id, &mine.title)
            );
            assert_eq!(shown_row_level(&theirs.shown), shown_row_level(&mine.shown));
            assert_eq!(shown_row_verdict(theirs), shown_row_verdict(mine));
            assert_eq!(format!("{:.1}", theirs.asked), format!("{:.1}", mine.asked));
            assert_eq!(theirs.self_rating, None);
            assert_eq!(
                shown_answered(theirs),
                mine.answered.to_string(),
                "no total on a link"
            );
        }
    }

    #[test]
    fn a_level_withheld_for_guessing_stays_withheld_on_a_shared_page() {
        let profile = sample_profile();
        let mut assessment = assess(&profile, &answered(false), 3);
        // Mark the areas withheld as the guessing rule would (the sample is too small to trip it).
        for area in &mut assessment.areas {
            area.withheld = true;
        }
        let rows = AreaRow::from_shared(
            &profile,
            &SharedSummary::from_assessment(&profile.id, &assessment),
        );
        for (row, area) in rows.iter().zip(&assessment.areas) {
            let expected = if area.knowledge.is_enough() {
                ShownLevel::Withheld
            } else {
                ShownLevel::TooFew {
                    answers: area.knowledge.answers,
                }
            };
            assert_eq!(row.shown, expected, "{}", row.area_id);
        }
        assert!(rows.iter().any(|r| r.shown == ShownLevel::Withheld));
        assert_eq!(
            shown_row_level(&ShownLevel::Withheld),
            "not shown: the answers look like guessing"
        );
    }

    #[test]
    fn without_answers_it_says_so() {
        let profile = sample_profile();
        let md = markdown_summary(&profile, &assess(&profile, &Answers::new(), 1));
        assert!(md.contains("No area has enough answers"));
        assert!(md.contains("No gaps in what was answered."));
    }
}

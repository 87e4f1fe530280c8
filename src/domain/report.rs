//! The results as a Markdown document the candidate can download and keep.

use std::fmt::Write;

use super::measure::guessing::GuessingSign;
use super::measure::verdict::Readiness;
use super::measure::{Estimate, Verdict, MIN_ANSWERS};
use super::profile::{level_name, Profile};
use super::scoring::{AreaResult, Assessment, Calibration};

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

/// A verdict carried by a share link as the reader reads it; links of format 1 carried none,
/// only the gap.
pub fn shown_shared_verdict(verdict: Option<&Verdict>, gap_tenths: Option<u8>) -> String {
    match verdict {
        Some(v) => shown_verdict(v),
        None => format!("gap {}", shown_gap(gap_tenths.map(|g| f64::from(g) / 10.0))),
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

/// A knowledge level as the candidate reads it: "2.4 ± 0.5 (working knowledge)", or why there
/// is none yet.
pub fn shown_level(k: &Estimate) -> String {
    if k.is_enough() {
        format!(
            "{:.1} \u{b1} {:.1} ({})",
            k.level,
            k.se,
            level_name(k.level.round() as u8)
        )
    } else {
        format!("too few answers ({} of at least {MIN_ANSWERS})", k.answers)
    }
}

/// An area's level as the candidate reads it: withheld when the answers look like guessing.
pub fn shown_area_level(area: &AreaResult) -> String {
    if area.withheld {
        "not shown: the answers look like guessing".to_owned()
    } else {
        shown_level(&area.knowledge)
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
    for a in &assessment.areas {
        let shown = shown_area_level(a);
        let rating = match (a.self_rating, a.calibration) {
            (Some(s), Some(c)) => format!("{s:.1}, {}", calibration_words(c)),
            (Some(s), None) => format!("{s:.1}"),
            (None, _) => "\u{2014}".to_owned(),
        };
        let _ = writeln!(
            md,
            "| {} | {:.1} | {shown} | {} | {rating} | {} of {} |",
            a.title,
            a.required,
            shown_verdict(&a.verdict),
            a.answered,
            a.questions
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

fn calibration_words(c: Calibration) -> &'static str {
    match c {
        Calibration::OverConfident => "above your answers",
        Calibration::UnderConfident => "below your answers",
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

    #[test]
    fn without_answers_it_says_so() {
        let profile = sample_profile();
        let md = markdown_summary(&profile, &assess(&profile, &Answers::new(), 1));
        assert!(md.contains("No area has enough answers"));
        assert!(md.contains("No gaps in what was answered."));
    }
}

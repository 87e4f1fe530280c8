//! The results as a Markdown document the candidate can download and keep.

use std::fmt::Write;

use super::irt::{Estimate, MIN_ANSWERS_FOR_LEVEL};
use super::profile::{level_name, Profile};
use super::scoring::{Assessment, Calibration};

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
        format!(
            "too few answers ({} of at least {MIN_ANSWERS_FOR_LEVEL})",
            k.answers
        )
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
    match assessment.readiness {
        Some(r) => {
            let _ = writeln!(
                md,
                "**Readiness: {r:.0}%** of what the posting asks, over the areas answered.\n"
            );
        }
        None => md.push_str("No area has enough answers for a readiness figure yet.\n\n"),
    }

    md.push_str("## By area\n\n");
    md.push_str("| Area | Asked | Shown by answers | Self-rating | Gap | Answered |\n");
    md.push_str("| --- | ---: | --- | --- | ---: | ---: |\n");
    for a in &assessment.areas {
        let shown = shown_level(&a.knowledge);
        let rating = match (a.self_rating, a.calibration) {
            (Some(s), Some(c)) => format!("{s:.1}, {}", calibration_words(c)),
            (Some(s), None) => format!("{s:.1}"),
            (None, _) => "\u{2014}".to_owned(),
        };
        let gap = shown_gap(a.gap);
        let _ = writeln!(
            md,
            "| {} | {:.1} | {shown} | {rating} | {gap} | {} of {} |",
            a.title, a.required, a.answered, a.questions
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
            "{}. **{}** \u{2014} asks level {}, gap {:.1}",
            n + 1,
            req.text,
            req.level,
            step.size
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
        let md = markdown_summary(&profile, &assess(&profile, &answers));
        assert!(md.starts_with(&format!("# Fitcheck results: {}", profile.role.title)));
        assert_eq!(md.matches("\n| ").count(), 2 + profile.areas.len(), "{md}");
        for q in &profile.questions {
            assert!(md.contains(&one_line(&q.prompt)), "{} missing:\n{md}", q.id);
            assert!(md.contains(&format!("({})", q.references[0].url)));
        }
    }

    #[test]
    fn without_answers_it_says_so() {
        let profile = sample_profile();
        let md = markdown_summary(&profile, &assess(&profile, &Answers::new()));
        assert!(md.contains("No area has enough answers"));
        assert!(md.contains("No gaps in what was answered."));
    }
}

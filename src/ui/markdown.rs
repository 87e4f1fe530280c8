//! The results summary the candidate downloads and keeps, in the interface's language. The
//! per-area table is built from the same rows ([`AreaRow`]) as the results and shared pages.

use std::fmt::Write;

use super::i18n::{td_string, Locale};
use super::text;
use crate::domain::profile::Profile;
use crate::domain::report::AreaRow;
use crate::domain::scoring::Assessment;

/// The results summary: readiness, the per-area table and the learning plan with its links.
pub fn markdown_summary(locale: Locale, profile: &Profile, assessment: &Assessment) -> String {
    let mut md = String::new();
    let role = &profile.role;
    let title = td_string!(locale, markdown.title, title = role.title.clone());
    let _ = writeln!(md, "# {title}");
    let _ = writeln!(
        md,
        "\n{} \u{b7} {} \u{b7} {}\n",
        role.company, role.location, role.source
    );
    if let Some(sign) = &assessment.guessing {
        let _ = writeln!(md, "> {}\n", text::guessing(locale, sign));
    }
    match &assessment.readiness {
        Some(r) => {
            let figure = text::readiness(locale, r);
            let _ = writeln!(md, "{}\n", td_string!(locale, markdown.readiness, figure));
        }
        None => {
            let _ = writeln!(md, "{}\n", td_string!(locale, markdown.no_readiness));
        }
    }

    let _ = writeln!(md, "## {}\n", td_string!(locale, markdown.by_area));
    let _ = writeln!(md, "{}", td_string!(locale, markdown.columns));
    md.push_str("| --- | ---: | --- | --- | --- | ---: |\n");
    for row in assessment.areas.iter().map(AreaRow::from_result) {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} |",
            row.title,
            text::decimal(locale, row.asked, 1),
            text::row_level(locale, &row.shown),
            text::row_verdict(locale, &row),
            text::self_rating(locale, &row),
            text::answered(locale, &row)
        );
    }

    let _ = writeln!(md, "\n## {}\n", td_string!(locale, markdown.next));
    if assessment.plan.steps.is_empty() {
        let _ = writeln!(md, "{}", td_string!(locale, markdown.no_gaps));
    }
    for (n, step) in assessment.plan.steps.iter().enumerate() {
        let Some(req) = profile
            .requirements
            .iter()
            .find(|r| r.id == step.requirement_id)
        else {
            continue;
        };
        let verdict = assessment
            .requirement(&req.id)
            .map_or_else(String::new, |r| text::verdict(locale, &r.verdict));
        let line = td_string!(
            locale,
            markdown.step,
            requirement = req.text.clone(),
            level = req.level,
            verdict
        );
        let _ = writeln!(md, "{}. {line}", n + 1);
        for q in step.missed.iter().filter_map(|id| profile.question(id)) {
            let _ = writeln!(md, "   - {}", one_line(&q.prompt));
            let _ = writeln!(md, "     {}", one_line(&q.explanation));
            for r in &q.references {
                let _ = writeln!(md, "     [{}]({})", r.title, r.url);
            }
        }
    }
    let _ = writeln!(md, "\n{}", td_string!(locale, markdown.footer));
    md
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

    fn all_wrong() -> Answers {
        let profile = sample_profile();
        profile
            .questions
            .iter()
            .map(|q| {
                let wrong = (0..q.options.len())
                    .find(|&i| !q.options[i].correct)
                    .unwrap();
                (
                    q.id.clone(),
                    Answer::Choice {
                        selected: vec![wrong],
                    },
                )
            })
            .collect()
    }

    #[test]
    fn the_summary_has_the_table_and_the_missed_questions_with_links() {
        crate::ui::install_icu_data();
        let profile = sample_profile();
        let a = assess(&profile, &all_wrong(), 1);
        let md = markdown_summary(Locale::en, &profile, &a);
        assert!(md.starts_with(&format!("# Fitcheck results: {}", profile.role.title)));
        assert_eq!(md.matches("\n| ").count(), 2 + profile.areas.len(), "{md}");
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
    fn the_summary_follows_the_language() {
        crate::ui::install_icu_data();
        let profile = sample_profile();
        let a = assess(&profile, &all_wrong(), 1);
        let (en, de) = (
            markdown_summary(Locale::en, &profile, &a),
            markdown_summary(Locale::de, &profile, &a),
        );
        assert!(de.starts_with(&format!("# Fitcheck-Ergebnisse: {}", profile.role.title)));
        assert!(de.contains("## Nach Bereich"), "{de}");
        assert!(de.contains("| Bereich | Gefordert |"), "{de}");
        assert!(
            de.contains("| darunter (Lücke von etwa") || de.contains("| noch unklar"),
            "{de}"
        );
        // The same table, row for row; German levels have a decimal comma.
        assert_eq!(en.lines().count(), de.lines().count());
        let asked = |md: &str| -> Vec<String> {
            md.lines()
                .filter(|l| l.starts_with("| ") && !l.starts_with("| ---"))
                .skip(1)
                .map(|l| l.split(" | ").nth(1).unwrap_or_default().to_owned())
                .collect()
        };
        let (en_asked, de_asked) = (asked(&en), asked(&de));
        assert!(!en_asked.is_empty());
        for (e, d) in en_asked.iter().zip(&de_asked) {
            assert!(e.contains('.') && !e.contains(','), "{e}");
            assert_eq!(&e.replace('.', ","), d);
        }
        // The profile's own texts stay as written.
        for q in a.plan.steps.iter().flat_map(|s| &s.missed) {
            let q = profile.question(q).unwrap();
            assert!(de.contains(&one_line(&q.prompt)));
        }
    }

    #[test]
    fn without_answers_it_says_so() {
        crate::ui::install_icu_data();
        let profile = sample_profile();
        let md = markdown_summary(Locale::en, &profile, &assess(&profile, &Answers::new(), 1));
        assert!(md.contains("No area has enough answers"));
        assert!(md.contains("No gaps in what was answered."));
        let md = markdown_summary(Locale::de, &profile, &assess(&profile, &Answers::new(), 1));
        assert!(md.contains("Noch kein Bereich hat genug Antworten"), "{md}");
        assert!(md.contains("Keine Lücken"), "{md}");
    }
}

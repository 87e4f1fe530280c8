//! The results summary the candidate downloads and keeps, in the interface's language. The
//! per-area table is built from the same rows ([`AreaRow`]) as the results and shared pages.

use std::fmt::Write;

use super::i18n::{td_string, Locale};
use super::text;
use crate::domain::candidate::progress::Progress;
use crate::domain::profile::Profile;
use crate::domain::report::rows::{evidence_groups, AreaRow};
use crate::domain::report::scoring::Assessment;
use crate::domain::report::share::SharedSummary;

/// The results summary: readiness, what changed since the last attempt, the per-area table,
/// the learning plan with its links, and the candidate's evidence links. `assessment` is
/// `progress`'s.
pub fn markdown_summary(
    locale: Locale,
    profile: &Profile,
    assessment: &Assessment,
    progress: &Progress,
) -> String {
    let mut md = String::new();
    let role = &profile.role;
    let title = td_string!(locale, markdown.title, title = role.title);
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

    let now = SharedSummary::from_assessment(&profile.id, assessment);
    if let Some(since) = progress.since_previous(&now) {
        let heading = td_string!(
            locale,
            markdown.since,
            number = since.number,
            date = since.date
        );
        let _ = writeln!(md, "## {heading}\n");
        if let Some(line) = text::since_readiness(locale, &since) {
            let _ = writeln!(md, "- {line}");
        }
        if since.changes.is_empty() {
            let _ = writeln!(md, "- {}", td_string!(locale, history.no_change));
        }
        for change in &since.changes {
            let _ = writeln!(md, "- {}", text::change(locale, profile, change));
        }
        md.push('\n');
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
            requirement = req.text,
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
    let groups = evidence_groups(profile, progress.evidence_in_order(profile));
    if !groups.is_empty() {
        let _ = writeln!(md, "\n## {}\n", td_string!(locale, markdown.evidence));
        for group in &groups {
            let _ = writeln!(md, "- **{}**", escaped(&group.requirement));
            for link in &group.links {
                // Checked addresses have no spaces or angle brackets: safe as an autolink.
                match link.note.as_str() {
                    "" => _ = writeln!(md, "  - <{}>", link.url),
                    note => _ = writeln!(md, "  - <{}> \u{2014} {}", link.url, escaped(note)),
                }
            }
        }
    }
    let _ = writeln!(md, "\n{}", td_string!(locale, markdown.footer));
    md
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The candidate's own text with the characters Markdown would read as formatting escaped, so
/// a note shows as typed (and never as a link or markup).
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        if "\\`*_{}[]<>()#+-.!|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::candidate::answer::Answers;
    use crate::domain::report::scoring::assess;
    use crate::domain::testing::{every_question, sample_profile};

    fn none() -> Progress {
        Progress::new("sample-role", 1)
    }

    fn all_wrong() -> Answers {
        every_question(&sample_profile(), false)
    }

    #[test]
    fn the_summary_has_the_table_and_the_missed_questions_with_links() {
        let profile = sample_profile();
        let a = assess(&profile, &all_wrong(), 1);
        let md = markdown_summary(Locale::En, &profile, &a, &none());
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
        let profile = sample_profile();
        let a = assess(&profile, &all_wrong(), 1);
        let (en, de) = (
            markdown_summary(Locale::En, &profile, &a, &none()),
            markdown_summary(Locale::De, &profile, &a, &none()),
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
    fn the_summary_carries_the_evidence_and_what_changed_since_the_last_attempt() {
        use crate::domain::candidate::evidence::Evidence;
        let profile = sample_profile();
        let mut progress = none();
        progress.answers = all_wrong();
        progress.finish(&profile, "2026-12-01");
        progress.start_over(2);
        progress.answers = every_question(&profile, true);
        let link = Evidence::new(
            "https://github.com/jane/api/pull/3",
            "My [first] PR *merged* <b>",
        )
        .unwrap();
        progress
            .add_evidence(&profile, "python-apis", link.clone())
            .unwrap();
        let a = assess(&profile, &progress.answers, 1);
        let md = markdown_summary(Locale::En, &profile, &a, &progress);
        assert!(md.contains("## Since attempt 1 (2026-12-01)\n"), "{md}");
        assert!(md.contains("- Python: "), "{md}");
        assert!(md.contains("(level "), "{md}");
        assert!(md.contains("## Evidence of my work\n"), "{md}");
        assert!(
            md.contains("- **Some exposure to building APIs**\n"),
            "{md}"
        );
        assert!(
            md.contains(
                "  - <https://github.com/jane/api/pull/3> \u{2014} My \\[first\\] PR \\*merged\\* \\<b\\>"
            ),
            "{md}"
        );
        let de = markdown_summary(Locale::De, &profile, &a, &progress);
        assert!(de.contains("## Seit Versuch 1 (2026-12-01)"), "{de}");
        assert!(de.contains("## Belege meiner Arbeit"), "{de}");
        // Without a link or an earlier attempt, neither section.
        let plain = markdown_summary(Locale::En, &profile, &a, &none());
        assert!(!plain.contains("## Evidence") && !plain.contains("## Since"));
    }

    #[test]
    fn without_answers_it_says_so() {
        let profile = sample_profile();
        let md = markdown_summary(
            Locale::En,
            &profile,
            &assess(&profile, &Answers::new(), 1),
            &none(),
        );
        assert!(md.contains("No area has enough answers"));
        assert!(md.contains("No gaps in what was answered."));
        let md = markdown_summary(
            Locale::De,
            &profile,
            &assess(&profile, &Answers::new(), 1),
            &none(),
        );
        assert!(md.contains("Noch kein Bereich hat genug Antworten"), "{md}");
        assert!(md.contains("Keine Lücken"), "{md}");
    }
}

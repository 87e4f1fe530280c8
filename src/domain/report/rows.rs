//! How results read: one view model per area ([`AreaRow`]) for every place results are shown
//! (the results page, the shared page, the Markdown summary). The interface words it
//! (`ui::text`, `ui::markdown`) in the chosen language.

use crate::domain::candidate::evidence::Evidence;
use crate::domain::measure::posterior::MIN_ANSWERS;
use crate::domain::measure::verdict::Standing;
use crate::domain::measure::verdict::Verdict;
use crate::domain::profile::Profile;
use crate::domain::report::scoring::{AreaResult, Calibration};
use crate::domain::report::share::SharedSummary;

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
        self.verdict
            .as_ref()
            .map_or("", |v| Standing::of_verdict(v).kind())
    }
}

/// One requirement's evidence links as every view shows them (the results, the evidence page,
/// the shared page, the Markdown summary).
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceGroup {
    pub requirement_id: String,
    /// The requirement's text from `profile`, or its id when the profile lacks it.
    pub requirement: String,
    pub links: Vec<Evidence>,
}

/// `links` (each with its requirement id) grouped by requirement, in the order given.
pub fn evidence_groups<'a>(
    profile: &Profile,
    links: impl IntoIterator<Item = (&'a str, &'a Evidence)>,
) -> Vec<EvidenceGroup> {
    let mut groups: Vec<EvidenceGroup> = Vec::new();
    for (requirement_id, link) in links {
        match groups
            .iter_mut()
            .find(|g| g.requirement_id == requirement_id)
        {
            Some(group) => group.links.push(link.clone()),
            None => groups.push(EvidenceGroup {
                requirement_id: requirement_id.to_owned(),
                requirement: profile
                    .requirements
                    .iter()
                    .find(|r| r.id == requirement_id)
                    .map_or_else(|| requirement_id.to_owned(), |r| r.text.clone()),
                links: vec![link.clone()],
            }),
        }
    }
    groups
}

/// A suggested file name for the summary of `profile`.
pub fn summary_file_name(profile: &Profile) -> String {
    format!("fitcheck-results-{}.md", profile.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::candidate::answer::{Answer, Answers};
    use crate::domain::report::scoring::assess;
    use crate::domain::testing::sample_profile;

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

    /// A level as a share link carries it: in tenths.
    fn tenths(shown: &ShownLevel) -> Option<(i64, i64)> {
        match *shown {
            ShownLevel::Level { level, se } => {
                Some(((level * 10.0).round() as i64, (se * 10.0).round() as i64))
            }
            _ => None,
        }
    }

    #[test]
    fn a_shared_row_reads_as_the_row_it_was_made_from() {
        let profile = sample_profile();
        let assessment = assess(&profile, &answered(true), 3);
        let own: Vec<AreaRow> = assessment.areas.iter().map(AreaRow::from_result).collect();
        let summary = SharedSummary::from_assessment(&profile.id, &assessment);
        let shared = AreaRow::from_shared(&profile, &summary);
        assert_eq!(own.len(), shared.len());
        assert!(own.iter().any(|r| tenths(&r.shown).is_some()));
        for (mine, theirs) in own.iter().zip(&shared) {
            assert_eq!(
                (&theirs.area_id, &theirs.title),
                (&mine.area_id, &mine.title)
            );
            assert_eq!(tenths(&theirs.shown), tenths(&mine.shown));
            assert_eq!(theirs.verdict_kind(), mine.verdict_kind());
            assert_eq!(format!("{:.1}", theirs.asked), format!("{:.1}", mine.asked));
            assert_eq!(theirs.self_rating, None);
            assert_eq!(theirs.answered, mine.answered);
            assert_eq!(theirs.questions, None, "no total on a link");
        }
    }

    #[test]
    fn evidence_is_grouped_by_requirement_and_named_by_its_text() {
        let profile = sample_profile();
        let link = |n: u32| Evidence::new(&format!("https://example.com/{n}"), "").unwrap();
        let links = [link(1), link(2), link(3)];
        let groups = evidence_groups(
            &profile,
            [
                ("python-skills", &links[0]),
                ("docker", &links[1]),
                ("python-skills", &links[2]),
                ("gone-requirement", &links[0]),
            ],
        );
        let named: Vec<(&str, usize)> = groups
            .iter()
            .map(|g| (g.requirement.as_str(), g.links.len()))
            .collect();
        assert_eq!(
            named,
            [
                ("Good programming skills in Python", 2),
                ("Curious about Docker", 1),
                ("gone-requirement", 1)
            ]
        );
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
    }
}

//! Rules a parsed profile must follow before the app can use it. Every broken rule is reported,
//! each with its location, so an author fixes a file in one pass.

use crate::domain::profile::problem::Problem;
use crate::domain::profile::problem::{shown, shown_number};
use crate::domain::profile::{Profile, QuestionKind, MAX_LEVEL, MIN_LEVEL};
use std::collections::BTreeSet;

/// A BCP 47 language tag of the simple kind profiles use: a two- or three-letter language,
/// optionally followed by subtags of letters and digits (`en`, `de`, `en-GB`, `zh-Hant`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The most options a question may have: each is picked with one digit key.
pub const MAX_OPTIONS: usize = 9;

/// Every problem that makes `profile` unusable; empty when it is fine.
pub fn validate(profile: &Profile) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report =
        |location: String, message: String| problems.push(Problem { location, message });

    if !is_slug(&profile.id) {
        report(
            "id".into(),
            format!(
                "`{}` must be lower-case letters, digits and dashes",
                shown(&profile.id)
            ),
        );
    }
    if !is_language_tag(&profile.language) {
        report(
            "language".into(),
            format!(
                "`{}` must be a language tag such as `en`, `de` or `en-GB`",
                shown(&profile.language)
            ),
        );
    }
    for (field, value) in [
        ("role.title", &profile.role.title),
        ("role.company", &profile.role.company),
        ("role.summary", &profile.role.summary),
    ] {
        if value.trim().is_empty() {
            report(field.into(), "is empty".into());
        }
    }
    if profile.areas.is_empty() {
        report(
            "areas".into(),
            "is empty; a profile needs at least one area".into(),
        );
    }

    let area_ids: BTreeSet<String> = profile.areas.iter().map(|a| a.id.clone()).collect();
    let requirement_ids: BTreeSet<String> =
        profile.requirements.iter().map(|r| r.id.clone()).collect();

    let mut seen = BTreeSet::new();
    for (i, area) in profile.areas.iter().enumerate() {
        let at = format!("areas[{i}] ({})", shown(&area.id));
        check_id(&mut report, &at, &area.id, &mut seen, "area");
        if area.title.trim().is_empty() {
            report(at.clone(), "has an empty title".into());
        }
        let has_items = profile.questions.iter().any(|q| q.area == area.id)
            || profile.self_ratings.iter().any(|s| s.area == area.id);
        if !has_items {
            report(at, "has no questions or self-ratings".into());
        }
    }

    let mut seen = BTreeSet::new();
    for (i, req) in profile.requirements.iter().enumerate() {
        let at = format!("requirements[{i}] ({})", shown(&req.id));
        check_id(&mut report, &at, &req.id, &mut seen, "requirement");
        if !area_ids.contains(&req.area) {
            report(
                at.clone(),
                format!("names area `{}`, which is not in `areas`", shown(&req.area)),
            );
        }
        if req.text.trim().is_empty() {
            report(at.clone(), "has empty text".into());
        }
        if !(1..=MAX_LEVEL).contains(&req.level) {
            report(
                at.clone(),
                format!("level is {}, must be 1 to {MAX_LEVEL}", req.level),
            );
        }
        if !(1..=3).contains(&req.weight) {
            report(at, format!("weight is {}, must be 1 to 3", req.weight));
        }
    }

    // Self-ratings and questions share one id space: saved answers are keyed by item id.
    let mut seen = BTreeSet::new();
    for (i, item) in profile.self_ratings.iter().enumerate() {
        let at = format!("self_ratings[{i}] ({})", shown(&item.id));
        check_id(&mut report, &at, &item.id, &mut seen, "item");
        check_links(
            &mut report,
            &at,
            &item.area,
            &item.requirements,
            &area_ids,
            &requirement_ids,
        );
        if item.prompt.trim().is_empty() {
            report(at.clone(), "has an empty prompt".into());
        }
        let levels = usize::from(MAX_LEVEL) + 1;
        if item.anchors.len() != levels {
            report(
                at.clone(),
                format!(
                    "has {} anchors, needs exactly {levels} (one for each level 0 to {MAX_LEVEL})",
                    item.anchors.len()
                ),
            );
        }
        if let Some(level) = item.anchors.iter().position(|a| a.trim().is_empty()) {
            report(at, format!("anchor for level {level} is empty"));
        }
    }
    for (i, q) in profile.questions.iter().enumerate() {
        let at = format!("questions[{i}] ({})", shown(&q.id));
        check_id(&mut report, &at, &q.id, &mut seen, "item");
        check_links(
            &mut report,
            &at,
            &q.area,
            &q.requirements,
            &area_ids,
            &requirement_ids,
        );
        if q.prompt.trim().is_empty() {
            report(at.clone(), "has an empty prompt".into());
        }
        if q.options.len() < 2 {
            report(
                at.clone(),
                format!("has {} option(s), needs at least 2", q.options.len()),
            );
        }
        let correct = q.correct_options().len();
        match q.kind {
            QuestionKind::SingleChoice if correct != 1 => report(
                at.clone(),
                format!("single-choice question has {correct} correct options, needs exactly 1"),
            ),
            QuestionKind::MultipleSelect if correct < 2 => report(
                at.clone(),
                format!(
                    "multiple-select question has {correct} correct option(s), needs at least 2"
                ),
            ),
            QuestionKind::MultipleSelect if correct == q.options.len() => report(
                at.clone(),
                "multiple-select question has every option correct, needs at least 1 wrong one"
                    .into(),
            ),
            _ => {}
        }
        let mut texts = BTreeSet::new();
        for (j, option) in q.options.iter().enumerate() {
            if option.text.trim().is_empty() {
                report(at.clone(), format!("option {} is empty", j + 1));
            } else if !texts.insert(option.text.trim().to_owned()) {
                report(
                    at.clone(),
                    format!("option {} repeats an earlier option", j + 1),
                );
            }
        }
        if !(1..=3).contains(&q.difficulty) {
            report(
                at.clone(),
                format!("difficulty is {}, must be 1 to 3", q.difficulty),
            );
        }
        if q.options.len() > MAX_OPTIONS {
            report(
                at.clone(),
                format!(
                    "has {} options, at most {MAX_OPTIONS} (one digit key each)",
                    q.options.len()
                ),
            );
        }
        if let Some(a) = q.discrimination {
            if !(a.is_finite() && a > 0.0 && a <= 4.0) {
                report(
                    at.clone(),
                    format!(
                        "discrimination is {}, must be above 0 and at most 4 (logits per level)",
                        shown_number(a)
                    ),
                );
            }
        }
        if let Some(c) = q.guessing {
            if !(c.is_finite() && (0.0..1.0).contains(&c)) {
                report(
                    at.clone(),
                    format!(
                        "guessing is {}, must be at least 0 and below 1",
                        shown_number(c)
                    ),
                );
            }
        }
        if let Some(d) = q.fitted_difficulty {
            if !(d.is_finite() && (f64::from(MIN_LEVEL)..=f64::from(MAX_LEVEL)).contains(&d)) {
                report(
                    at.clone(),
                    format!(
                        "fitted_difficulty is {}, must be on the level scale, {MIN_LEVEL} to {MAX_LEVEL}",
                        shown_number(d)
                    ),
                );
            }
        }
        if q.explanation.trim().is_empty() {
            report(at.clone(), "has an empty explanation".into());
        }
        if let Some(code) = &q.code {
            if code.source.trim().is_empty() {
                report(at.clone(), "has an empty code block".into());
            }
        }
        if q.references.is_empty() {
            report(
                at.clone(),
                "has no reference; add at least one documentation link".into(),
            );
        }
        for (j, reference) in q.references.iter().enumerate() {
            if !reference.url.starts_with("https://") || reference.url.len() <= "https://".len() {
                report(
                    at.clone(),
                    format!(
                        "reference {} `{}` must be an https:// link",
                        j + 1,
                        shown(&reference.url)
                    ),
                );
            }
            if reference.title.trim().is_empty() {
                report(
                    at.clone(),
                    format!("reference {} has an empty title", j + 1),
                );
            }
        }
    }
    problems
}

/// True for ids made of lower-case letters, digits and dashes.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn check_id(
    report: &mut impl FnMut(String, String),
    at: &str,
    id: &str,
    seen: &mut BTreeSet<String>,
    what: &str,
) {
    if !is_slug(id) {
        report(
            at.into(),
            format!(
                "id `{}` must be lower-case letters, digits and dashes",
                shown(id)
            ),
        );
    } else if !seen.insert(id.to_owned()) {
        report(at.into(), format!("duplicate {what} id `{}`", shown(id)));
    }
}

fn check_links(
    report: &mut impl FnMut(String, String),
    at: &str,
    area: &str,
    requirements: &[String],
    area_ids: &BTreeSet<String>,
    requirement_ids: &BTreeSet<String>,
) {
    if !area_ids.contains(area) {
        report(
            at.into(),
            format!("names area `{}`, which is not in `areas`", shown(area)),
        );
    }
    if requirements.is_empty() {
        report(
            at.into(),
            "names no requirement; list the requirement ids it evidences".into(),
        );
    }
    for id in requirements {
        if !requirement_ids.contains(id) {
            report(
                at.into(),
                format!(
                    "names requirement `{}`, which is not in `requirements`",
                    shown(id)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::parse_profile;
    use crate::domain::testing::sample_profile;

    fn messages(profile: &Profile) -> Vec<String> {
        validate(profile).iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn the_sample_profile_is_valid() {
        assert_eq!(messages(&sample_profile()), Vec::<String>::new());
    }

    #[test]
    fn a_profile_names_its_language_with_a_tag() {
        for good in ["en", "de", "en-GB", "zh-Hant", "gsw"] {
            let mut p = sample_profile();
            p.language = good.into();
            assert_eq!(messages(&p), Vec::<String>::new(), "{good}");
        }
        for bad in ["", "English", "EN", "e", "en_GB", "de-", "en-a"] {
            let mut p = sample_profile();
            p.language = bad.into();
            assert_eq!(
                messages(&p),
                vec![format!(
                    "language: `{bad}` must be a language tag such as `en`, `de` or `en-GB`"
                )],
                "{bad}"
            );
        }
    }

    #[test]
    fn a_file_without_a_language_is_english() {
        let mut json: serde_json::Value =
            serde_json::to_value(sample_profile()).expect("a profile serialises");
        json.as_object_mut().unwrap().remove("language");
        let text = json.to_string();
        assert_eq!(parse_profile(&text).expect("parses").language, "en");
    }

    #[test]
    fn a_single_choice_question_needs_exactly_one_correct_option() {
        let mut p = sample_profile();
        p.questions[1].options[0].correct = true;
        let id = p.questions[1].id.clone();
        assert_eq!(
            messages(&p),
            vec![format!(
                "questions[1] ({id}): single-choice question has 2 correct options, needs exactly 1"
            )]
        );
    }

    #[test]
    fn all_problems_are_collected_not_just_the_first() {
        let mut p = sample_profile();
        p.questions[0].area = "nowhere".into();
        p.questions[1].requirements.push("no-such-req".into());
        p.questions[2].id = p.questions[0].id.clone();
        p.self_ratings[0].anchors.pop();
        p.requirements[0].level = 9;
        let found = messages(&p);
        assert_eq!(found.len(), 5, "{found:#?}");
        assert!(
            found[0].starts_with("requirements[0]")
                && found[0].ends_with("level is 9, must be 1 to 4")
        );
        assert!(found
            .iter()
            .any(|m| m.ends_with("names area `nowhere`, which is not in `areas`")));
        assert!(found.iter().any(
            |m| m.ends_with("names requirement `no-such-req`, which is not in `requirements`")
        ));
        assert!(found.iter().any(|m| m.contains("duplicate item id")));
        assert!(found
            .iter()
            .any(|m| m.ends_with("has 4 anchors, needs exactly 5 (one for each level 0 to 4)")));
    }

    #[test]
    fn references_must_be_https() {
        let mut p = sample_profile();
        p.questions[0].references[0].url = "http://example.com".into();
        let found = messages(&p);
        assert_eq!(found.len(), 1);
        assert!(found[0].ends_with("reference 1 `http://example.com` must be an https:// link"));
    }

    #[test]
    fn a_multiple_select_question_needs_two_right_and_one_wrong() {
        let mut p = sample_profile();
        let i = p
            .questions
            .iter()
            .position(|q| q.kind == QuestionKind::MultipleSelect)
            .expect("sample has a multiple-select question");
        for o in &mut p.questions[i].options {
            o.correct = true;
        }
        assert!(messages(&p)[0].ends_with("has every option correct, needs at least 1 wrong one"));
        for o in &mut p.questions[i].options {
            o.correct = false;
        }
        p.questions[i].options[0].correct = true;
        assert!(messages(&p)[0].ends_with("has 1 correct option(s), needs at least 2"));
    }

    #[test]
    fn duplicate_options_and_bad_ids_are_reported() {
        let mut p = sample_profile();
        p.questions[0].options[1].text = p.questions[0].options[0].text.clone();
        p.areas[0].id = "Has Spaces".into();
        let found = messages(&p);
        assert!(
            found
                .iter()
                .any(|m| m.ends_with("option 2 repeats an earlier option")),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|m| m.contains("id `Has Spaces` must be lower-case")),
            "{found:#?}"
        );
    }

    #[test]
    fn the_sample_survives_a_round_trip_through_json() {
        let p = sample_profile();
        let text = serde_json::to_string(&p).expect("profile serialises");
        assert_eq!(parse_profile(&text).expect("and parses back"), p);
    }

    #[test]
    fn fitted_parameters_off_their_ranges_are_refused_with_their_location() {
        let mut p = sample_profile();
        p.questions[0].guessing = Some(1.0);
        p.questions[1].discrimination = Some(0.0);
        p.questions[2].fitted_difficulty = Some(4.5);
        p.questions[3].guessing = Some(-0.1);
        p.questions[4].discrimination = Some(f64::NAN);
        let found = messages(&p);
        assert_eq!(found.len(), 5, "{found:#?}");
        let id = |i: usize| p.questions[i].id.clone();
        assert_eq!(
            found[0],
            format!(
                "questions[0] ({}): guessing is 1, must be at least 0 and below 1",
                id(0)
            )
        );
        assert!(found[1].starts_with(&format!("questions[1] ({})", id(1))));
        assert!(found[1].contains("discrimination is 0, must be above 0"));
        assert!(found[2].ends_with("fitted_difficulty is 4.5, must be on the level scale, 0 to 4"));
        assert!(found[3].contains("guessing is -0.1"));
        assert!(found[4].contains("discrimination is NaN"));

        let mut fine = sample_profile();
        fine.questions[0].guessing = Some(0.2);
        fine.questions[0].discrimination = Some(1.4);
        fine.questions[0].fitted_difficulty = Some(2.35);
        assert_eq!(messages(&fine), Vec::<String>::new());
    }

    #[test]
    fn names_from_the_file_are_shown_escaped_and_cut_short() {
        let mut p = sample_profile();
        p.id = "a\nb".into();
        p.areas[0].id = "x".repeat(5000);
        p.questions[0].references[0].url = format!("http://{}", "y".repeat(5000));
        p.questions[1].requirements.push("bell\u{7}".into());
        let found = messages(&p);
        assert!(
            found.contains(&"id: `a\\nb` must be lower-case letters, digits and dashes".into()),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|m| m
                    .ends_with("names requirement `bell\\u{7}`, which is not in `requirements`")),
            "{found:#?}"
        );
        for m in &found {
            assert!(m.chars().count() <= 400, "{m}");
            assert!(!m.chars().any(char::is_control), "{m}");
        }
    }

    #[test]
    fn more_options_than_digit_keys_are_refused() {
        let mut p = sample_profile();
        let extra = p.questions[0].options[1].clone();
        for n in 0..8 {
            let mut o = extra.clone();
            o.text = format!("{} {n}", o.text);
            p.questions[0].options.push(o);
        }
        let found = messages(&p);
        assert!(
            found
                .iter()
                .any(|m| m.ends_with("options, at most 9 (one digit key each)")),
            "{found:#?}"
        );
    }
}

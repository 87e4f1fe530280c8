//! Rules a parsed profile must follow before the app can use it. Every broken rule is reported,
//! each with its location, so an author fixes a file in one pass.

use crate::domain::profile::problem::Problem;
use crate::domain::profile::problem::{shown, shown_number};
use crate::domain::profile::{
    Area, Profile, Question, QuestionKind, Reference, Requirement, SelfRating, MAX_LEVEL, MIN_LEVEL,
};
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
    let mut check = Checker {
        problems: Vec::new(),
        area_ids: profile.areas.iter().map(|a| a.id.clone()).collect(),
        requirement_ids: profile.requirements.iter().map(|r| r.id.clone()).collect(),
    };
    check.profile(profile);
    let mut seen = BTreeSet::new();
    for (i, area) in profile.areas.iter().enumerate() {
        check.area(
            profile,
            &format!("areas[{i}] ({})", shown(&area.id)),
            area,
            &mut seen,
        );
    }
    let mut seen = BTreeSet::new();
    for (i, requirement) in profile.requirements.iter().enumerate() {
        let at = format!("requirements[{i}] ({})", shown(&requirement.id));
        check.requirement(&at, requirement, &mut seen);
    }
    // Self-ratings and questions share one id space: saved answers are keyed by item id.
    let mut seen = BTreeSet::new();
    for (i, rating) in profile.self_ratings.iter().enumerate() {
        let at = format!("self_ratings[{i}] ({})", shown(&rating.id));
        check.self_rating(&at, rating, &mut seen);
    }
    for (i, question) in profile.questions.iter().enumerate() {
        let at = format!("questions[{i}] ({})", shown(&question.id));
        check.question(&at, question, &mut seen);
    }
    check.problems
}

/// The problems found so far, and the ids items may name.
struct Checker {
    problems: Vec<Problem>,
    area_ids: BTreeSet<String>,
    requirement_ids: BTreeSet<String>,
}

impl Checker {
    fn report(&mut self, location: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            location: location.to_owned(),
            message: message.into(),
        });
    }

    /// The profile's own fields.
    fn profile(&mut self, profile: &Profile) {
        if !is_slug(&profile.id) {
            self.report(
                "id",
                format!(
                    "`{}` must be lower-case letters, digits and dashes",
                    shown(&profile.id)
                ),
            );
        }
        if !is_language_tag(&profile.language) {
            self.report(
                "language",
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
                self.report(field, "is empty");
            }
        }
        if profile.areas.is_empty() {
            self.report("areas", "is empty; a profile needs at least one area");
        }
    }

    fn area(&mut self, profile: &Profile, at: &str, area: &Area, seen: &mut BTreeSet<String>) {
        self.id(at, &area.id, seen, "area");
        if area.title.trim().is_empty() {
            self.report(at, "has an empty title");
        }
        let has_items = profile.questions.iter().any(|q| q.area == area.id)
            || profile.self_ratings.iter().any(|s| s.area == area.id);
        if !has_items {
            self.report(at, "has no questions or self-ratings");
        }
    }

    fn requirement(&mut self, at: &str, req: &Requirement, seen: &mut BTreeSet<String>) {
        self.id(at, &req.id, seen, "requirement");
        if !self.area_ids.contains(&req.area) {
            self.report(
                at,
                format!("names area `{}`, which is not in `areas`", shown(&req.area)),
            );
        }
        if req.text.trim().is_empty() {
            self.report(at, "has empty text");
        }
        if !(1..=MAX_LEVEL).contains(&req.level) {
            self.report(
                at,
                format!("level is {}, must be 1 to {MAX_LEVEL}", req.level),
            );
        }
        if !(1..=3).contains(&req.weight) {
            self.report(at, format!("weight is {}, must be 1 to 3", req.weight));
        }
    }

    fn self_rating(&mut self, at: &str, item: &SelfRating, seen: &mut BTreeSet<String>) {
        self.id(at, &item.id, seen, "item");
        self.links(at, &item.area, &item.requirements);
        if item.prompt.trim().is_empty() {
            self.report(at, "has an empty prompt");
        }
        let levels = usize::from(MAX_LEVEL) + 1;
        if item.anchors.len() != levels {
            self.report(
                at,
                format!(
                    "has {} anchors, needs exactly {levels} (one for each level 0 to {MAX_LEVEL})",
                    item.anchors.len()
                ),
            );
        }
        if let Some(level) = item.anchors.iter().position(|a| a.trim().is_empty()) {
            self.report(at, format!("anchor for level {level} is empty"));
        }
    }

    fn question(&mut self, at: &str, q: &Question, seen: &mut BTreeSet<String>) {
        self.id(at, &q.id, seen, "item");
        self.links(at, &q.area, &q.requirements);
        if q.prompt.trim().is_empty() {
            self.report(at, "has an empty prompt");
        }
        self.options(at, q);
        if !(1..=3).contains(&q.difficulty) {
            self.report(
                at,
                format!("difficulty is {}, must be 1 to 3", q.difficulty),
            );
        }
        if q.options.len() > MAX_OPTIONS {
            self.report(
                at,
                format!(
                    "has {} options, at most {MAX_OPTIONS} (one digit key each)",
                    q.options.len()
                ),
            );
        }
        self.fitted_parameters(at, q);
        if q.explanation.trim().is_empty() {
            self.report(at, "has an empty explanation");
        }
        if q.code
            .as_ref()
            .is_some_and(|code| code.source.trim().is_empty())
        {
            self.report(at, "has an empty code block");
        }
        self.references(at, &q.references);
    }

    /// How many options a question has, how many are right, and that each says something new.
    fn options(&mut self, at: &str, q: &Question) {
        if q.options.len() < 2 {
            self.report(
                at,
                format!("has {} option(s), needs at least 2", q.options.len()),
            );
        }
        let correct = q.correct_options().len();
        match q.kind {
            QuestionKind::SingleChoice if correct != 1 => self.report(
                at,
                format!("single-choice question has {correct} correct options, needs exactly 1"),
            ),
            QuestionKind::MultipleSelect if correct < 2 => self.report(
                at,
                format!(
                    "multiple-select question has {correct} correct option(s), needs at least 2"
                ),
            ),
            QuestionKind::MultipleSelect if correct == q.options.len() => self.report(
                at,
                "multiple-select question has every option correct, needs at least 1 wrong one",
            ),
            _ => {}
        }
        let mut texts = BTreeSet::new();
        for (j, option) in q.options.iter().enumerate() {
            if option.text.trim().is_empty() {
                self.report(at, format!("option {} is empty", j + 1));
            } else if !texts.insert(option.text.trim().to_owned()) {
                self.report(at, format!("option {} repeats an earlier option", j + 1));
            }
        }
    }

    /// The item model's parameters a calibration wrote, each in its range.
    fn fitted_parameters(&mut self, at: &str, q: &Question) {
        if let Some(a) = q
            .discrimination
            .filter(|a| !(a.is_finite() && *a > 0.0 && *a <= 4.0))
        {
            self.report(
                at,
                format!(
                    "discrimination is {}, must be above 0 and at most 4 (logits per level)",
                    shown_number(a)
                ),
            );
        }
        if let Some(c) = q
            .guessing
            .filter(|c| !(c.is_finite() && (0.0..1.0).contains(c)))
        {
            self.report(
                at,
                format!(
                    "guessing is {}, must be at least 0 and below 1",
                    shown_number(c)
                ),
            );
        }
        let scale = f64::from(MIN_LEVEL)..=f64::from(MAX_LEVEL);
        if let Some(d) = q
            .fitted_difficulty
            .filter(|d| !(d.is_finite() && scale.contains(d)))
        {
            self.report(
                at,
                format!(
                    "fitted_difficulty is {}, must be on the level scale, {MIN_LEVEL} to {MAX_LEVEL}",
                    shown_number(d)
                ),
            );
        }
    }

    fn references(&mut self, at: &str, references: &[Reference]) {
        if references.is_empty() {
            self.report(at, "has no reference; add at least one documentation link");
        }
        for (j, reference) in references.iter().enumerate() {
            if !reference.url.starts_with("https://") || reference.url.len() <= "https://".len() {
                self.report(
                    at,
                    format!(
                        "reference {} `{}` must be an https:// link",
                        j + 1,
                        shown(&reference.url)
                    ),
                );
            }
            if reference.title.trim().is_empty() {
                self.report(at, format!("reference {} has an empty title", j + 1));
            }
        }
    }

    /// An id in its list: well formed and not seen before among `what`s.
    fn id(&mut self, at: &str, id: &str, seen: &mut BTreeSet<String>, what: &str) {
        if !is_slug(id) {
            self.report(
                at,
                format!(
                    "id `{}` must be lower-case letters, digits and dashes",
                    shown(id)
                ),
            );
        } else if !seen.insert(id.to_owned()) {
            self.report(at, format!("duplicate {what} id `{}`", shown(id)));
        }
    }

    /// The area and requirements an item names: each must exist, and it must name at least one
    /// requirement.
    fn links(&mut self, at: &str, area: &str, requirements: &[String]) {
        if !self.area_ids.contains(area) {
            self.report(
                at,
                format!("names area `{}`, which is not in `areas`", shown(area)),
            );
        }
        if requirements.is_empty() {
            self.report(
                at,
                "names no requirement; list the requirement ids it evidences",
            );
        }
        for id in requirements {
            if !self.requirement_ids.contains(id) {
                self.report(
                    at,
                    format!(
                        "names requirement `{}`, which is not in `requirements`",
                        shown(id)
                    ),
                );
            }
        }
    }
}

/// True for ids made of lower-case letters, digits and dashes.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
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

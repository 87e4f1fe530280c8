//! The role profile format: one JSON file per role under `public/profiles/`.
//!
//! Types here are plain data. Reading a file goes through [`parse_profile`], which reports every
//! structural problem it finds (with its location) instead of stopping at the first, and then
//! through [`validate`] for the rules that types alone cannot express.

pub mod lint;
pub mod problem;
pub mod timing;
pub mod validate;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::domain::profile::problem::{readable, shown, Problem};

/// The profile format version this build reads.
pub const PROFILE_SCHEMA_VERSION: u32 = 1;

/// The level scale shared by requirements, self-ratings and estimates.
pub const MIN_LEVEL: u8 = 0;
pub const MAX_LEVEL: u8 = 4;

fn english() -> String {
    "en".to_owned()
}

/// One role, its requirements and the items that assess them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub schema_version: u32,
    /// Stable id; also names the file and the saved-progress key.
    pub id: String,
    /// The language the profile's texts (role, areas, questions) are written in, as a BCP 47
    /// tag such as `en` or `de`; English when the file does not say.
    #[serde(default = "english")]
    pub language: String,
    pub role: Role,
    pub areas: Vec<Area>,
    pub requirements: Vec<Requirement>,
    pub self_ratings: Vec<SelfRating>,
    pub questions: Vec<Question>,
}

/// The job as it was posted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub title: String,
    pub company: String,
    pub location: String,
    /// Where the posting was published, in words (e.g. "Job board listing, seen 2026-11-22").
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<String>,
    /// Two or three sentences for the welcome page.
    pub summary: String,
}

/// A skill area; the check walks through areas in the order they are listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub summary: String,
}

/// Which part of the posting a requirement comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostingSection {
    Requirements,
    JobDescription,
    TechStack,
}

/// One thing the posting asks for, in its own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub id: String,
    /// The posting's own wording.
    pub text: String,
    pub area: String,
    pub section: PostingSection,
    /// The level the posting asks for, 1 (awareness) to 4 (could teach it).
    pub level: u8,
    /// How much it matters for the role, 1 (nice to have) to 3 (core).
    pub weight: u8,
}

/// A self-assessment with a behavioural anchor for every level 0..=4.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfRating {
    pub id: String,
    pub area: String,
    pub requirements: Vec<String>,
    pub prompt: String,
    /// `anchors[level]` describes what someone at that level has done.
    pub anchors: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    SingleChoice,
    MultipleSelect,
}

/// What a question asks the candidate to do; the answer mechanics are in [`QuestionKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionFormat {
    #[default]
    Concept,
    CodeReading,
    Scenario,
}

/// A code snippet shown in a monospace block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeBlock {
    /// `python`, `sql`, `dockerfile`, `yaml`, `bash`, `text`, …
    pub language: String,
    pub source: String,
    /// True when the question asks what running `source` prints, so the correct option is its
    /// output and the content tests run it to prove so.
    #[serde(default, skip_serializing_if = "is_false")]
    pub prints: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub correct: bool,
    /// Why this option is right, or the misconception that makes it tempting and why it is
    /// wrong; shown to a candidate who chose it. The lint requires one for every option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub title: String,
    pub url: String,
}

/// A knowledge question with a right answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub area: String,
    pub requirements: Vec<String>,
    pub kind: QuestionKind,
    #[serde(default)]
    pub format: QuestionFormat,
    pub prompt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeBlock>,
    pub options: Vec<AnswerOption>,
    /// 1 (basic) to 3 (advanced).
    pub difficulty: u8,
    /// Fitted slope, in logits per level; absent means
    /// [`crate::domain::measure::model::DEFAULT_SLOPE`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discrimination: Option<f64>,
    /// Fitted lower asymptote (the chance of a right answer by guessing), 0 to below 1; absent
    /// means the chance of a blind guess (see `domain::measure::model`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guessing: Option<f64>,
    /// Fitted difficulty on the 0-4 level scale; when present it replaces the authored
    /// `difficulty` in scoring and is trusted as measured (no authoring uncertainty is added).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fitted_difficulty: Option<f64>,
    pub explanation: String,
    pub references: Vec<Reference>,
}

impl Question {
    /// Indices of the options marked correct.
    pub fn correct_options(&self) -> Vec<usize> {
        self.options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.correct)
            .map(|(i, _)| i)
            .collect()
    }
}

impl Profile {
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// A requirement's own words and its area's title, as the learning plan names them (empty
    /// where the profile has no such requirement or area).
    pub fn requirement_and_area(&self, id: &str) -> (String, String) {
        let requirement = self.requirement(id);
        let area = requirement
            .and_then(|r| self.area(&r.area))
            .map(|a| a.title.clone());
        (
            requirement.map(|r| r.text.clone()).unwrap_or_default(),
            area.unwrap_or_default(),
        )
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn self_rating(&self, id: &str) -> Option<&SelfRating> {
        self.self_ratings.iter().find(|s| s.id == id)
    }
}

/// The list of shipped profiles, `public/profiles/index.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileIndex {
    /// The id opened when the link names no profile.
    pub default: String,
    pub profiles: Vec<ProfileIndexEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileIndexEntry {
    pub id: String,
    pub title: String,
    pub company: String,
    /// File name relative to the index.
    pub file: String,
}

/// Reads the profile index, reporting what is wrong with it.
pub fn parse_index(text: &str) -> Result<ProfileIndex, Vec<Problem>> {
    const FILE: &str = "profiles/index.json";
    let root: Value = serde_json::from_str(text)
        .map_err(|e| vec![Problem::new(FILE, json_error_sentence(&e))])?;
    let index: ProfileIndex = read(&root).map_err(|e| vec![Problem::new(FILE, e)])?;
    if !index.profiles.iter().any(|p| p.id == index.default) {
        return Err(vec![Problem::new(
            "default",
            format!(
                "names `{}`, which is not in `profiles`",
                shown(&index.default)
            ),
        )]);
    }
    Ok(index)
}

/// The fields of a profile, as a problem about the file lists them.
const PROFILE_FIELDS: &str = "`schema_version`, `id`, `language`, `role`, `areas`, `requirements`, `self_ratings`, `questions`";

/// Reads a profile file. On failure returns every problem found: a broken element does not hide
/// problems in the elements after it.
///
/// serde_json reads the text (a syntax error is located by line and column); then each part is
/// read with its type's serde derive on its own, and each top-level list element by element, so a
/// wrong type or unknown field in `questions[3]` and a missing field in `questions[9]` are both
/// reported, each at its location.
pub fn parse_profile(text: &str) -> Result<Profile, Vec<Problem>> {
    let root: Value = serde_json::from_str(text)
        .map_err(|e| vec![Problem::new("file", json_error_sentence(&e))])?;
    let Value::Object(map) = &root else {
        return Err(vec![Problem::new(
            "file",
            format!("must be a JSON object with {PROFILE_FIELDS}"),
        )]);
    };
    if let Some(version) = map.get("schema_version").and_then(Value::as_u64) {
        if version != u64::from(PROFILE_SCHEMA_VERSION) {
            return Err(vec![Problem::new(
                "schema_version",
                format!(
                    "is {version}, but this version of Fitcheck reads profiles of schema version {PROFILE_SCHEMA_VERSION}"
                ),
            )]);
        }
    }
    let problems = part_problems(map);
    if !problems.is_empty() {
        return Err(problems);
    }
    read(&root).map_err(|e| vec![Problem::new("file", e)])
}

/// Every problem of the profile's parts, each read on its own.
fn part_problems(map: &Map<String, Value>) -> Vec<Problem> {
    const LISTS: [&str; 4] = ["areas", "requirements", "self_ratings", "questions"];
    let mut problems = Vec::new();
    for key in map.keys() {
        let known = matches!(key.as_str(), "schema_version" | "id" | "language" | "role")
            || LISTS.contains(&key.as_str());
        if !known {
            problems.push(Problem::new(
                key_location(key),
                format!("is not a field of a profile (expected {PROFILE_FIELDS})"),
            ));
        }
    }
    if let Some(value) = map.get("language") {
        if let Err(message) = read::<String>(value) {
            problems.push(Problem::new("language", message));
        }
    }
    for key in ["schema_version", "id", "role"] {
        let Some(value) = map.get(key) else {
            problems.push(Problem::new(key, "is missing"));
            continue;
        };
        let result = match key {
            "schema_version" => read::<u32>(value).map(drop),
            "id" => read::<String>(value).map(drop),
            _ => read::<Role>(value).map(drop),
        };
        if let Err(e) = result {
            problems.push(Problem::new(key, e));
        }
    }
    for key in LISTS {
        let items = match map.get(key) {
            None => {
                problems.push(Problem::new(key, "is missing"));
                continue;
            }
            Some(Value::Array(items)) => items,
            Some(_) => {
                problems.push(Problem::new(key, "must be a list"));
                continue;
            }
        };
        for (i, item) in items.iter().enumerate() {
            let result = match key {
                "areas" => read::<Area>(item).map(drop),
                "requirements" => read::<Requirement>(item).map(drop),
                "self_ratings" => read::<SelfRating>(item).map(drop),
                _ => read::<Question>(item).map(drop),
            };
            if let Err(e) = result {
                problems.push(Problem::new(element_location(key, i, item), e));
            }
        }
    }
    problems
}

/// `value` read as a `T` by its serde derive; a refusal in serde's words, made readable.
fn read<T: DeserializeOwned>(value: &Value) -> Result<T, String> {
    T::deserialize(value).map_err(|e| readable(&e.to_string()))
}

/// `questions[12] (py-gil-1)`: the index, and the id when the element has one.
pub fn element_location(list: &str, index: usize, item: &Value) -> String {
    match item.get("id").and_then(Value::as_str) {
        Some(id) => format!("{list}[{index}] ({})", shown(id)),
        None => format!("{list}[{index}]"),
    }
}

/// A syntax error, with its line and column (serde_json's own message names them).
fn json_error_sentence(e: &serde_json::Error) -> String {
    readable(&format!("is not valid JSON: {e}"))
}

/// The location of an unknown top-level field: its name, quoted when it would not read as one
/// (empty, or with spaces around it).
fn key_location(key: &str) -> String {
    let name = shown(key);
    if name.is_empty() || name.trim() != name {
        format!("\"{name}\"")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    // The tests build and edit documents with serde_json's value, the reference parser's.
    use serde_json::Value;

    fn minimal() -> Value {
        serde_json::json!({
            "schema_version": 1,
            "id": "demo",
            "role": {"title": "T", "company": "C", "location": "L", "source": "S", "summary": "Sum"},
            "areas": [{"id": "py", "title": "Python", "summary": "s"}],
            "requirements": [{"id": "r1", "text": "Python", "area": "py", "section": "requirements", "level": 3, "weight": 3}],
            "self_ratings": [{"id": "s1", "area": "py", "requirements": ["r1"], "prompt": "p", "anchors": ["a","b","c","d","e"]}],
            "questions": [{
                "id": "q1", "area": "py", "requirements": ["r1"], "kind": "single_choice",
                "prompt": "p", "options": [{"text": "a", "correct": true}, {"text": "b"}],
                "difficulty": 1, "explanation": "e", "references": [{"title": "t", "url": "https://docs.python.org/3/"}]
            }]
        })
    }

    #[test]
    fn a_complete_profile_parses() {
        let profile = parse_profile(&minimal().to_string()).expect("minimal profile parses");
        assert_eq!(profile.questions[0].correct_options(), vec![0]);
        assert_eq!(profile.questions[0].format, QuestionFormat::Concept);
    }

    #[test]
    fn every_broken_element_is_reported_with_its_location() {
        let mut v = minimal();
        v["questions"][0]["colour"] = "red".into();
        v["requirements"][0]["level"] = "high".into();
        v["areas"][0].as_object_mut().unwrap().remove("title");
        v["extra"] = 1.into();
        let problems = parse_profile(&v.to_string()).unwrap_err();
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 4, "{text:#?}");
        assert!(
            text.iter()
                .any(|t| t.starts_with("questions[0] (q1): unknown field `colour`")),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("requirements[0] (r1): invalid type: string \"high\"")),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("areas[0] (py): missing field `title`")),
            "{text:#?}"
        );
        assert!(
            text.iter().any(|t| t.starts_with("extra: is not a field")),
            "{text:#?}"
        );
    }

    #[test]
    fn a_missing_list_and_a_non_list_are_reported() {
        let mut v = minimal();
        v.as_object_mut().unwrap().remove("questions");
        v["areas"] = "none".into();
        let text: Vec<String> = parse_profile(&v.to_string())
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(text, vec!["areas: must be a list", "questions: is missing"]);
    }

    #[test]
    fn invalid_json_says_where() {
        let problems = parse_profile("{\n  \"id\": ,\n}").unwrap_err();
        assert_eq!(problems.len(), 1);
        let text = problems[0].to_string();
        assert!(text.starts_with("file: is not valid JSON"), "{text}");
        assert!(text.contains("line 2"), "{text}");
    }

    #[test]
    fn a_future_schema_version_is_refused_plainly() {
        let mut v = minimal();
        v["schema_version"] = 7.into();
        let problems = parse_profile(&v.to_string()).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0]
            .to_string()
            .contains("is 7, but this version of Fitcheck reads profiles of schema version 1"));
    }

    #[test]
    fn names_from_the_file_are_shown_escaped_and_cut_short() {
        let mut v = minimal();
        v[""] = 1.into();
        v["role "] = 1.into();
        v["bell\u{7}"] = 1.into();
        v["areas"][0]["id"] = "x\n".repeat(500).into();
        v["areas"][0].as_object_mut().unwrap().remove("title");
        v["requirements"][0]["level"] = "y".repeat(5000).into();
        v["questions"][0][format!("colour{}", "z".repeat(5000))] = "red".into();
        let text: Vec<String> = parse_profile(&v.to_string())
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(text.len(), 6, "{text:#?}");
        assert!(
            text.iter().any(|t| t.starts_with("\"\": is not a field")),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("\"role \": is not a field")),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("bell\\u{7}: is not a field")),
            "{text:#?}"
        );
        assert!(
            text.iter().any(|t| t.starts_with("areas[0] (x\\nx\\n")
                && t.contains("\u{2026}): missing field `title`")),
            "{text:#?}"
        );
        for t in &text {
            assert!(t.chars().count() <= 400, "{t}");
            assert!(!t.chars().any(char::is_control), "{t}");
        }
        let index = r#"{"default":"b\u0000","profiles":[{"id":"a","title":"T","company":"C","file":"a.json"}]}"#;
        assert_eq!(
            parse_index(index).unwrap_err()[0].to_string(),
            "default: names `b\\u{0}`, which is not in `profiles`"
        );
    }

    #[test]
    fn the_index_must_name_a_listed_default() {
        let ok =
            r#"{"default":"a","profiles":[{"id":"a","title":"T","company":"C","file":"a.json"}]}"#;
        assert_eq!(parse_index(ok).unwrap().profiles[0].file, "a.json");
        // Valid JSON of another shape is named as that, not as broken JSON.
        let shape = r#"{"default":"a","profiles":[{"id":"a","title":"T","company":"C"}]}"#;
        assert_eq!(
            parse_index(shape).unwrap_err()[0].to_string(),
            "profiles/index.json: missing field `file`"
        );
        assert!(parse_index("{").unwrap_err()[0]
            .to_string()
            .starts_with("profiles/index.json: is not valid JSON: EOF while parsing an object"));
        let bad =
            r#"{"default":"b","profiles":[{"id":"a","title":"T","company":"C","file":"a.json"}]}"#;
        assert_eq!(
            parse_index(bad).unwrap_err()[0].to_string(),
            "default: names `b`, which is not in `profiles`"
        );
    }
}

//! Content quality of a valid profile: what a careful reviewer of a question bank checks.
//! `validate` decides whether the app can use a profile; `lint` whether it is a fair test.
//! Every shipped profile must lint clean (see `tests/profiles.rs`).

use std::collections::{BTreeMap, HashSet};

use crate::domain::profile::problem::{shown, Problem};
use crate::domain::profile::{Profile, QuestionKind};

/// Knowledge questions an area needs before it can claim a level.
pub const MIN_QUESTIONS_PER_AREA: usize = 12;
/// Questions at each difficulty level an area needs.
pub const MIN_PER_DIFFICULTY: usize = 3;
/// Knowledge questions that must evidence each requirement.
pub const MIN_EVIDENCE: usize = 2;
/// Largest share of single-choice questions whose correct option may be the longest one.
pub const MAX_LONGEST_CORRECT: f64 = 0.40;
/// Largest share of single-choice questions whose correct option may sit at one position.
pub const MAX_SAME_POSITION: f64 = 0.40;

pub fn lint(profile: &Profile) -> Vec<Problem> {
    let mut problems = Vec::new();

    for (i, req) in profile.requirements.iter().enumerate() {
        let evidence = profile
            .questions
            .iter()
            .filter(|q| q.requirements.contains(&req.id))
            .count();
        if evidence < MIN_EVIDENCE {
            problems.push(Problem::new(
                format!("requirements[{i}] ({})", req.id),
                format!("is evidenced by {evidence} question(s), needs at least {MIN_EVIDENCE}"),
            ));
        }
    }

    for (i, area) in profile.areas.iter().enumerate() {
        let at = format!("areas[{i}] ({})", area.id);
        let questions: Vec<_> = profile
            .questions
            .iter()
            .filter(|q| q.area == area.id)
            .collect();
        if questions.len() < MIN_QUESTIONS_PER_AREA {
            problems.push(Problem::new(
                at.clone(),
                format!(
                    "has {} knowledge questions, needs at least {MIN_QUESTIONS_PER_AREA}",
                    questions.len()
                ),
            ));
        }
        for difficulty in 1..=3u8 {
            let n = questions
                .iter()
                .filter(|q| q.difficulty == difficulty)
                .count();
            if n < MIN_PER_DIFFICULTY {
                problems.push(Problem::new(
                    at.clone(),
                    format!("has {n} question(s) of difficulty {difficulty}, needs at least {MIN_PER_DIFFICULTY}"),
                ));
            }
        }
        if !profile.self_ratings.iter().any(|s| s.area == area.id) {
            problems.push(Problem::new(at, "has no self-rating item"));
        }
    }

    let mut prompts = HashSet::new();
    for (i, q) in profile.questions.iter().enumerate() {
        let code = q.code.as_ref().map(|c| c.source.trim()).unwrap_or("");
        if !prompts.insert((q.prompt.trim().to_lowercase(), code)) {
            problems.push(Problem::new(
                format!("questions[{i}] ({})", q.id),
                "repeats the prompt (and code) of an earlier question",
            ));
        }
    }

    for (i, q) in profile.questions.iter().enumerate() {
        let options = q.options.iter().enumerate().map(|(j, o)| {
            let text = o.explanation.as_deref().unwrap_or_default();
            if text.trim().is_empty() {
                problems.push(Problem::new(
                    format!("questions[{i}] ({})", q.id),
                    format!(
                        "options[{j}] (\u{201c}{}\u{201d}) has no explanation: say why it is right, \
                         or what makes it tempting and why it is wrong",
                        shown(&o.text)
                    ),
                ));
            }
            (format!("options[{j}] explanation"), text)
        });
        let fields: Vec<(String, &str)> = [
            ("prompt".to_owned(), q.prompt.as_str()),
            ("explanation".to_owned(), q.explanation.as_str()),
        ]
        .into_iter()
        .chain(options.collect::<Vec<_>>())
        .collect();
        for (field, text) in fields {
            let phrases = positional_references(text);
            if !phrases.is_empty() {
                let quoted: Vec<String> = phrases.iter().map(|p| format!("\"{p}\"")).collect();
                problems.push(Problem::new(
                    format!("questions[{i}] ({})", q.id),
                    format!(
                        "its {field} refers to an answer option by position ({}), but options are \
                         shuffled for each candidate: name the option by its content instead",
                        quoted.join(", ")
                    ),
                ));
            }
        }
    }

    let single: Vec<_> = profile
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::SingleChoice)
        .collect();
    if !single.is_empty() {
        let longest_correct = single
            .iter()
            .filter(|q| {
                let lengths: Vec<usize> =
                    q.options.iter().map(|o| o.text.chars().count()).collect();
                let max = lengths.iter().copied().max().unwrap_or(0);
                let longest: Vec<usize> =
                    (0..lengths.len()).filter(|&i| lengths[i] == max).collect();
                longest.len() == 1 && q.options[longest[0]].correct
            })
            .count();
        problems.extend(too_many(
            longest_correct,
            single.len(),
            MAX_LONGEST_CORRECT,
            "have their longest option correct",
        ));
        let mut positions: BTreeMap<usize, usize> = BTreeMap::new();
        for q in &single {
            for i in q.correct_options() {
                *positions.entry(i).or_default() += 1;
            }
        }
        for (position, n) in positions {
            problems.extend(too_many(
                n,
                single.len(),
                MAX_SAME_POSITION,
                &format!("have option {} correct", position + 1),
            ));
        }
    }
    problems
}

/// A problem when more than the share `max` of the `total` single-choice questions `what`.
fn too_many(n: usize, total: usize, max: f64, what: &str) -> Option<Problem> {
    (n as f64 / total as f64 > max).then(|| {
        Problem::new(
            "questions",
            format!(
                "{n} of {total} single-choice questions {what}; at most {:.0}% may",
                max * 100.0
            ),
        )
    })
}

/// Words that place an answer option by its position in the list.
const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "1st",
    "2nd",
    "3rd",
    "4th",
    "5th",
    "6th",
    "last",
    "penultimate",
    "former",
    "latter",
];
/// Counts in "the first two options" or "the other three answers".
const COUNTS: &[&str] = &["two", "three", "four", "five", "2", "3", "4", "5"];
/// Words that join ordinals: "the first and third options", "the second-to-last answer".
const JOINERS: &[&str] = &["and", "or", "nor", "to", "through"];
/// Adjectives that may stand between a position and its noun: "the second wrong option".
const ADJECTIVES: &[&str] = &[
    "wrong",
    "right",
    "correct",
    "incorrect",
    "tempting",
    "plausible",
    "listed",
    "remaining",
    "true",
    "false",
];
/// Nouns that name an answer option.
const OPTION_NOUNS: &[&str] = &[
    "option",
    "options",
    "choice",
    "choices",
    "alternative",
    "alternatives",
    "answer",
    "answers",
];
/// Words that can begin the noun phrase "the second answer" (unlike the verb in "first answer it").
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "these", "those", "both", "either", "neither", "each",
];
/// Stands for an inline code span, so `first` and `option` around one are not adjacent.
const CODE: &str = "`";
/// Stands for the end of a sentence or clause.
const BREAK: &str = ".";

/// The phrases of `text` that refer to an answer option by its position, e.g. "the second
/// option", "option B", "(c)", "the other two answers" or "the option above". Answer options
/// are shuffled for each candidate, so such a reference points at the wrong option for most of
/// them. Subject matter such as "the first element" or "the second `sum`" is not a reference.
pub fn positional_references(text: &str) -> Vec<String> {
    let words = words(text);
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let is = |i: usize, set: &[&str]| lower.get(i).is_some_and(|w| set.contains(&w.as_str()));
    let phrase = |from: usize, to: usize| words[from..=to].join(" ");
    // The index of an option noun at `j`, or right after one adjective at `j`.
    let noun_at = |j: usize| {
        if is(j, OPTION_NOUNS) {
            Some(j)
        } else if is(j, ADJECTIVES) && is(j + 1, OPTION_NOUNS) {
            Some(j + 1)
        } else {
            None
        }
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = lower[i].as_str();
        let mut hit = None;
        if ORDINALS.contains(&w) {
            // "the first option", "the second and third options", "the last two answers".
            let mut j = i + 1;
            while is(j, ORDINALS) || is(j, COUNTS) || is(j, JOINERS) {
                j += 1;
            }
            if let Some(n) = noun_at(j) {
                // "answer" is also a verb ("the model should first answer ..."), so it needs a
                // determiner before the position, possibly with one adjective in between.
                let verb_like = lower[n].starts_with("answer");
                let determined = (1..=2).any(|back| i >= back && is(i - back, DETERMINERS));
                if !verb_like || determined {
                    hit = Some((i, n));
                }
            }
        } else if (w == "other" || w == "remaining") && is(i + 1, COUNTS) {
            // "the other two options", "the remaining three answers".
            hit = noun_at(i + 2).map(|n| (i, n));
        } else if matches!(w, "option" | "options" | "choice" | "choices" | "answer") {
            // "option B", "options 2 and 3", "option number one", "answer C".
            let mut j = i + 1;
            if is(j, &["number", "no", "nr"]) {
                j += 1;
            }
            if let Some(label) = words.get(j) {
                let letter =
                    label.len() == 1 && ('A'..='H').contains(&label.chars().next().unwrap());
                let digit =
                    label.len() == 1 && ('1'..='9').contains(&label.chars().next().unwrap());
                let word = is(j, &["one", "two", "three", "four", "five"]);
                let answer = w == "answer";
                if letter || (!answer && (digit || (word && w.starts_with("option")))) {
                    hit = Some((i, j));
                }
            }
            // "the option above", "the answer below".
            if hit.is_none()
                && matches!(w, "option" | "choice" | "answer")
                && is(i + 1, &["above", "below"])
            {
                hit = Some((i, i + 1));
            }
        } else if w == "above" || w == "below" {
            // "the above option", "none of the above".
            if is(i + 1, &["option", "choice", "answer"]) {
                hit = Some((i, i + 1));
            } else if w == "above"
                && i >= 3
                && is(i - 1, &["the"])
                && is(i - 2, &["of"])
                && is(i - 3, &["all", "none", "both", "any", "either", "neither"])
            {
                hit = Some((i - 3, i));
            }
        }
        match hit {
            Some((from, to)) => {
                found.push(phrase(from, to));
                i = to + 1;
            }
            None => i += 1,
        }
    }
    found.extend(letter_labels(text));
    found
}

/// The words of `text` as typed, with each inline code span as [`CODE`] and each end of a
/// sentence or clause as [`BREAK`].
fn words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = None;
    let mut in_code = false;
    for (at, c) in text.char_indices() {
        if !in_code && c.is_alphanumeric() {
            start.get_or_insert(at);
            continue;
        }
        if let Some(from) = start.take() {
            words.push(&text[from..at]);
        }
        if c == '`' {
            in_code = !in_code;
            if in_code {
                words.push(CODE);
            }
        } else if !in_code && matches!(c, '.' | ';' | ':' | '!' | '?' | '(' | ')') {
            words.push(BREAK);
        }
    }
    if let Some(from) = start {
        words.push(&text[from..]);
    }
    words
}

/// Letters used as option labels outside inline code: "(b)", "(C)", or "c)" as in "a) and c)".
/// A letter right after a word character is code such as `f(a)`, not a label.
fn letter_labels(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let is_label = |c: char| ('a'..='h').contains(&c.to_ascii_lowercase());
    let mut found = Vec::new();
    let mut in_code = false;
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '`' => in_code = !in_code,
            _ if in_code => {}
            '(' => {
                let after_word = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
                if !after_word
                    && chars.get(i + 1).is_some_and(|&l| is_label(l))
                    && chars.get(i + 2) == Some(&')')
                {
                    found.push(chars[i..i + 3].iter().collect());
                }
                depth += 1;
            }
            ')' => {
                if depth == 0
                    && i > 0
                    && is_label(chars[i - 1])
                    && (i == 1 || chars[i - 2].is_whitespace())
                {
                    found.push(chars[i - 1..=i].iter().collect());
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    found
}

/// Counts of questions by area and by one attribute, for the bank's report.
pub fn tally<K: Ord + Clone>(
    profile: &Profile,
    key: impl Fn(&crate::domain::profile::Question) -> K,
) -> BTreeMap<(String, K), usize> {
    let mut counts = BTreeMap::new();
    for q in &profile.questions {
        *counts.entry((q.area.clone(), key(q))).or_default() += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::sample_profile;

    fn messages(p: &Profile) -> Vec<String> {
        lint(p).iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn a_small_bank_is_reported_per_area_and_requirement() {
        let found = messages(&sample_profile());
        assert!(
            found.contains(
                &"areas[0] (python): has 3 knowledge questions, needs at least 12".to_owned()
            ),
            "{found:#?}"
        );
        assert!(
            found.contains(
                &"areas[1] (infra): has 1 question(s) of difficulty 3, needs at least 3".to_owned()
            ),
            "{found:#?}"
        );
        assert!(
            found.contains(
                &"requirements[1] (python-apis): is evidenced by 1 question(s), needs at least 2"
                    .to_owned()
            ),
            "{found:#?}"
        );
    }

    #[test]
    fn the_longest_option_being_right_too_often_is_caught() {
        let mut p = sample_profile();
        for q in p
            .questions
            .iter_mut()
            .filter(|q| q.kind == QuestionKind::SingleChoice)
        {
            let right = q.correct_options()[0];
            q.options[right].text = format!(
                "{} and this is the long right answer",
                q.options[right].text
            );
        }
        let found = messages(&p);
        assert!(
            found.iter().any(|m| m.starts_with(
                "questions: 5 of 5 single-choice questions have their longest option correct"
            )),
            "{found:#?}"
        );
    }

    #[test]
    fn the_correct_option_always_in_one_position_is_caught() {
        let found = messages(&sample_profile());
        // The sample has option 1 right in 3 of its 5 single-choice questions.
        assert!(
            found.iter().any(|m| m
                .starts_with("questions: 3 of 5 single-choice questions have option 1 correct")),
            "{found:#?}"
        );
    }

    #[test]
    fn repeated_prompts_are_caught() {
        let mut p = sample_profile();
        p.questions[2].prompt = p.questions[1].prompt.to_uppercase();
        let found = messages(&p);
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("questions[2] (py-q3): repeats the prompt")),
            "{found:#?}"
        );
    }

    #[test]
    fn an_option_named_by_its_position_is_caught() {
        let mut p = sample_profile();
        p.questions[1].explanation =
            "The second option is right: tuples cannot be changed after creation.".to_owned();
        p.questions[3].prompt = "Is option B what `docker build` makes?".to_owned();
        let found = messages(&p);
        assert!(
            found.contains(
                &"questions[1] (py-q2): its explanation refers to an answer option by position \
                  (\"second option\"), but options are shuffled for each candidate: name the \
                  option by its content instead"
                    .to_owned()
            ),
            "{found:#?}"
        );
        assert!(
            found.iter().any(|m| m.starts_with(
                "questions[3] (infra-q1): its prompt refers to an answer option by position \
                 (\"option B\")"
            )),
            "{found:#?}"
        );
    }

    #[test]
    fn every_option_needs_its_own_explanation_that_names_no_position() {
        let mut p = sample_profile();
        let found = messages(&p);
        assert!(
            found.contains(
                &"questions[0] (py-q1): options[2] (\u{201c}[1, 2, 3]\u{201d}) has no explanation: \
                  say why it is right, or what makes it tempting and why it is wrong"
                    .to_owned()
            ),
            "{found:#?}"
        );
        let options = p.questions.iter().map(|q| q.options.len()).sum::<usize>();
        assert_eq!(
            found
                .iter()
                .filter(|m| m.contains("has no explanation"))
                .count(),
            options
        );
        for q in &mut p.questions {
            for o in &mut q.options {
                o.explanation = Some(format!("`{}` is what the docs describe.", o.text));
            }
        }
        p.questions[1].options[2].explanation =
            Some("Tempting, but the third option is the one that cannot change.".to_owned());
        let found = messages(&p);
        assert!(
            !found.iter().any(|m| m.contains("has no explanation")),
            "{found:#?}"
        );
        assert!(
            found.iter().any(|m| m.starts_with(
                "questions[1] (py-q2): its options[2] explanation refers to an answer option by \
                 position (\"third option\")"
            )),
            "{found:#?}"
        );
    }

    #[test]
    fn an_option_named_by_its_content_passes() {
        let mut p = sample_profile();
        p.questions[1].explanation = "Tuples cannot be changed after creation. Answering `list` \
            is wrong: the first element of a list can be replaced, and the second call to \
            `append` grows it."
            .to_owned();
        let found = messages(&p);
        assert!(
            !found.iter().any(|m| m.contains("by position")),
            "{found:#?}"
        );
    }

    #[test]
    fn positional_references_are_told_from_subject_matter() {
        for text in [
            "The first option is right.",
            "The tempting second answer assumes a copy.",
            "Neither the second nor third options compile.",
            "The last two answers are wrong.",
            "The second-to-last option is a trap.",
            "The 3rd choice ignores the cache.",
            "Option B is tempting.",
            "Options 2 and 4 retry forever.",
            "Pick option number three.",
            "The other two options leak data.",
            "The remaining three wrong answers ignore the GIL.",
            "(a) is right.",
            "Answers a) and c) retry forever.",
            "The option above ignores the cache.",
            "None of the above is right.",
            "The latter option blocks the event loop.",
        ] {
            assert!(
                !positional_references(text).is_empty(),
                "not caught: {text}"
            );
        }
        for text in [
            "Index `-1` is the last element, and `-1` does not mean the first element.",
            "The second call returns 404.",
            "Page 2 repeats the last 3 rows of page 1.",
            "The first `sum` exhausts it, so the second `sum` sees no items.",
            "The first two requests succeed.",
            "FastAPI answers 422 with a detail list.",
            "The model should first answer the question, then cite a source.",
            "Pass the first `-p` option to `docker run`.",
            "Calling f(a) or `g(b)` raises, as question(s) say.",
            "A 90-second load would restart the Pod.",
            "Editing it invalidates the pip install step below.",
            "What do you do first? Options that roll back are safer.",
            "The other options ignore the GIL.",
            "Answering `.dict()` is wrong because it is the Pydantic v1 name.",
            "An option a user can pick is never the best one.",
        ] {
            assert_eq!(
                positional_references(text),
                Vec::<String>::new(),
                "wrongly caught: {text}"
            );
        }
    }
}

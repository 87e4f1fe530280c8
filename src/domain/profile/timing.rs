//! How long the check takes: seconds per step from what the candidate reads on it.
//!
//! A step's time is its words at a reading rate, plus its code at a rate per line, plus the time
//! to decide and answer. The reading rate is 200 words a minute: adults read English non-fiction
//! silently at about 238 (Brysbaert, 2019, *Journal of Memory and Language* 109), and these are
//! technical texts read on a phone, often in a second language. The browser tests count the
//! words and code lines each kind of step really shows and check them against these figures
//! (`tests/e2e/timing.test.mjs`).

use crate::domain::profile::{Question, SelfRating};

pub const WORDS_PER_MINUTE: f64 = 200.0;
/// Reading one line of code, slower than prose.
pub const SECONDS_PER_CODE_LINE: f64 = 3.0;
/// Weighing the options of a question and choosing.
pub const SECONDS_TO_ANSWER: f64 = 8.0;
/// Placing oneself on the level scale for one self-rating.
pub const SECONDS_TO_RATE: f64 = 5.0;

/// Words in `text`, as a reader counts them.
pub fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn reading(words: usize) -> f64 {
    words as f64 * 60.0 / WORDS_PER_MINUTE
}

/// Seconds for one knowledge question: its prompt and every option, its code, and answering.
pub fn question_seconds(question: &Question) -> f64 {
    let text = words(&question.prompt)
        + question
            .options
            .iter()
            .map(|o| words(&o.text))
            .sum::<usize>();
    let code = question.code.as_ref().map_or(0, |c| {
        c.source.lines().filter(|l| !l.trim().is_empty()).count()
    });
    reading(text) + code as f64 * SECONDS_PER_CODE_LINE + SECONDS_TO_ANSWER
}

/// Seconds for one self-rating on the compact screen: its prompt, the anchor of the level
/// chosen (shown once chosen), and placing oneself.
pub fn rating_seconds(rating: &SelfRating) -> f64 {
    let anchor =
        rating.anchors.iter().map(|a| words(a)).sum::<usize>() / rating.anchors.len().max(1);
    reading(words(&rating.prompt) + anchor) + SECONDS_TO_RATE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::sample_profile;

    #[test]
    fn code_and_words_take_time() {
        let p = sample_profile();
        let plain = p.question("py-q3").unwrap();
        // "Which are HTTP methods?" (4 words) + GET FETCH POST SEND (4): 8 words at 200 a
        // minute = 2.4 s, + 8 s to answer.
        assert!(
            (question_seconds(plain) - 10.4).abs() < 1e-9,
            "{}",
            question_seconds(plain)
        );
        let coded = p.questions.iter().find(|q| q.code.is_some()).unwrap();
        let lines = coded.code.as_ref().unwrap().source.lines().count() as f64;
        assert!(question_seconds(coded) >= SECONDS_TO_ANSWER + lines * SECONDS_PER_CODE_LINE - 3.0);
        assert!(rating_seconds(&p.self_ratings[0]) > SECONDS_TO_RATE);
    }
}

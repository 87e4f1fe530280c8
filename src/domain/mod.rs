//! The pure model of Fitcheck: profile format and validation, the walk through the items,
//! answers, scoring and the saved-progress schema. No web dependency; tested with `cargo test`.

pub mod answer;
pub mod evidence;
pub mod history;
pub mod json;
pub mod keyed;
pub mod lint;
pub mod measure;
pub mod notice;
pub mod practice;
pub mod problem;
pub mod profile;
pub mod progress;
pub mod report;
pub mod review;
pub mod scoring;
pub mod seed;
pub mod share;
pub mod timing;
pub mod transfer;
pub mod validate;
pub mod walk;

#[cfg(test)]
pub(crate) mod testing;

pub use answer::{Answer, Answers};
pub use problem::Problem;
pub use profile::{parse_profile, Profile};
pub use validate::validate;

/// Parses and validates a profile file: the whole check the app runs before using it.
pub fn load_profile(text: &str) -> Result<Profile, Vec<Problem>> {
    let profile = parse_profile(text)?;
    let problems = validate(&profile);
    if problems.is_empty() {
        Ok(profile)
    } else {
        Err(problems)
    }
}

/// `items` from the highest `key` to the lowest; equal keys keep their order (what a stable sort
/// by the key, highest first, gives). Every ranking in the app goes through the one sort in
/// [`places_highest_first`], so the wasm carries one sort, not one per element type.
pub fn highest_first<T>(items: Vec<T>, key: impl Fn(&T) -> f64) -> Vec<T> {
    let keys: Vec<f64> = items.iter().map(key).collect();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    places_highest_first(&keys)
        .into_iter()
        .filter_map(|i| slots[i].take())
        .collect()
}

/// The places of `keys` from the highest key to the lowest, equal keys by place: a bottom-up
/// merge sort, runs of one, two, four … merged, a few hundred bytes of wasm where the standard
/// library's pattern-defeating quicksort is about 3 KB.
fn places_highest_first(keys: &[f64]) -> Vec<usize> {
    let n = keys.len();
    let first = |a: usize, b: usize| keys[b].total_cmp(&keys[a]).then(a.cmp(&b)).is_lt();
    let mut places: Vec<usize> = (0..n).collect();
    let mut merged = places.clone();
    let mut run = 1;
    while run < n {
        for start in (0..n).step_by(2 * run) {
            let middle = (start + run).min(n);
            let end = (start + 2 * run).min(n);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                let take_left =
                    right == end || (left < middle && first(places[left], places[right]));
                if take_left {
                    *slot = places[left];
                    left += 1;
                } else {
                    *slot = places[right];
                    right += 1;
                }
            }
        }
        std::mem::swap(&mut places, &mut merged);
        run *= 2;
    }
    places
}

#[cfg(test)]
mod tests {
    use super::highest_first;
    use proptest::prelude::*;

    proptest! {
        // Few distinct keys, so ties are common; the reference is the standard library's stable sort.
        #[test]
        fn ranks_as_a_stable_sort_highest_first(keys in proptest::collection::vec(-3i8..3, 0..300)) {
            let items: Vec<(f64, usize)> = keys.iter().enumerate().map(|(i, &k)| (f64::from(k) / 2.0, i)).collect();
            let mut expected = items.clone();
            expected.sort_by(|a, b| b.0.total_cmp(&a.0));
            prop_assert_eq!(highest_first(items, |item| item.0), expected);
        }
    }
}

//! Speed of the scoring model on the shipped default profile, as Markdown table rows.
//! Run by `scripts/bench`: `cargo run --release --example bench_scoring`.

use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use fitcheck::domain::candidate::answer::{Answer, Answers};
use fitcheck::domain::load_profile;
use fitcheck::domain::measure::area::area_posterior;
use fitcheck::domain::measure::select::{next_question, QUICK_MAX_PER_AREA};
use fitcheck::domain::profile::parse_index;
use fitcheck::domain::report::scoring::assess;

/// Wall time of one call of `f`, in microseconds.
fn micros(f: &mut dyn FnMut()) -> f64 {
    let start = Instant::now();
    f();
    start.elapsed().as_secs_f64() * 1e6
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Median wall time of `f` over `runs` runs, in microseconds.
fn median_us(runs: usize, mut f: impl FnMut()) -> f64 {
    median((0..runs).map(|_| micros(&mut f)).collect())
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/profiles");
    let index = parse_index(&fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
    let entry = index
        .profiles
        .iter()
        .find(|p| p.id == index.default)
        .unwrap();
    let text = fs::read_to_string(dir.join(&entry.file)).unwrap();
    let profile = load_profile(&text).unwrap();
    let mut answers = Answers::new();
    for (i, q) in profile.questions.iter().enumerate() {
        let selected = if i % 3 == 0 {
            vec![usize::from(!q.options[0].correct)]
        } else {
            q.correct_options()
        };
        answers.insert(q.id.clone(), Answer::Choice { selected });
    }
    let first_area = &profile.areas[0].id;
    let three: Answers = profile
        .questions
        .iter()
        .filter(|q| &q.area == first_area)
        .take(3)
        .map(|q| (q.id.clone(), answers[&q.id].clone()))
        .collect();
    let runs = 201;
    let rows = [
        (
            "parse and validate the profile",
            median_us(runs, || {
                black_box(load_profile(black_box(&text)).unwrap());
            }),
        ),
        (
            "score every answer (assess, all questions answered)",
            median_us(runs, || {
                black_box(assess(&profile, black_box(&answers), 7));
            }),
        ),
        (
            "estimate one area (14 answers, grid posterior)",
            median_us(runs, || {
                black_box(area_posterior(
                    &profile,
                    &profile.areas[0].id,
                    black_box(&answers),
                ));
            }),
        ),
        (
            "estimate + choose the next quick-check question (3 answered in the area)",
            median_us(runs, || {
                black_box(next_question(
                    &profile,
                    &profile.areas[0].id,
                    black_box(&three),
                    QUICK_MAX_PER_AREA,
                    7,
                ));
            }),
        ),
    ];
    for (what, us) in rows {
        println!("| native | {what} | median of {runs} | {:.0} µs |", us);
    }
}

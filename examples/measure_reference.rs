//! Fitcheck's ability estimate for response patterns given as JSON, for the comparison with an
//! established IRT package in `tests/reference/compare_irt.py`.
//!
//! Reads `{"cases":[{"items":[{"a":..,"b":..,"c":..}, ...],"responses":[0, 1, ...]}, ...]}` on
//! stdin (`a` slope in logits per level, `b` location, `c` lower asymptote; a response is the
//! credit 0..=1) and prints `{"cases":[{"eap":..,"sd":..,"low":..,"high":..}, ...]}`: the
//! posterior mean, sd and 95 % credible interval of `Posterior::from_responses`.
//!
//! `cargo build --example measure_reference`, then
//! `target/debug/examples/measure_reference < cases.json`.

use std::io::{self, Read};
use std::process::exit;

use fitcheck::domain::measure::model::ItemModel;

use fitcheck::domain::measure::posterior::{Posterior, Response};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Input {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    items: Vec<Item>,
    responses: Vec<f64>,
}

#[derive(Deserialize)]
struct Item {
    a: f64,
    b: f64,
    c: f64,
}

#[derive(Serialize)]
struct Output {
    cases: Vec<Row>,
}

#[derive(Serialize)]
struct Row {
    eap: f64,
    sd: f64,
    low: f64,
    high: f64,
}

fn fail(message: &str) -> ! {
    eprintln!("measure_reference: {message}");
    exit(1);
}

fn main() {
    let mut text = String::new();
    if let Err(e) = io::stdin().read_to_string(&mut text) {
        fail(&format!("could not read stdin: {e}"));
    }
    let input: Input = serde_json::from_str(&text).unwrap_or_else(|e| {
        fail(&format!(
            "stdin is not {{\"cases\":[{{\"items\":[{{\"a\",\"b\",\"c\"}}],\"responses\":[..]}}]}}: {e}"
        ))
    });
    let cases = input
        .cases
        .iter()
        .enumerate()
        .map(|(n, case)| {
            if case.items.len() != case.responses.len() {
                fail(&format!(
                    "case {n} has {} items but {} responses",
                    case.items.len(),
                    case.responses.len()
                ));
            }
            let responses: Vec<Response> = case
                .items
                .iter()
                .zip(&case.responses)
                .map(|(item, &credit)| {
                    if !(0.0..=1.0).contains(&credit) {
                        fail(&format!("case {n}: response {credit} is outside 0..=1"));
                    }
                    Response {
                        item: ItemModel {
                            location: item.b,
                            slope: item.a,
                            guessing: item.c,
                        },
                        credit,
                    }
                })
                .collect();
            let e = Posterior::from_responses(&responses).estimate();
            Row {
                eap: e.level,
                sd: e.se,
                low: e.low,
                high: e.high,
            }
        })
        .collect();
    let output = serde_json::to_string(&Output { cases })
        .unwrap_or_else(|e| fail(&format!("could not write the result as JSON: {e}")));
    println!("{output}");
}

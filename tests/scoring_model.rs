//! Simulated candidates with a known level per area answer the shipped profile according to the
//! model; the estimates must find them again. Run with `--nocapture` to see the figures.

use std::fs;
use std::path::Path;

use fitcheck::domain::adaptive::next_quick_question;
use fitcheck::domain::answer::{Answer, Answers};
use fitcheck::domain::irt::{location, p_right, PRIOR_MEAN, PRIOR_SD};
use fitcheck::domain::profile::{parse_index, Profile, Question};
use fitcheck::domain::progress::Mode;
use fitcheck::domain::scoring::assess;
use fitcheck::domain::{load_profile, walk::Walk};

const CANDIDATES: usize = 300;
const TOLERANCE: f64 = 0.5;

fn default_profile() -> Profile {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/profiles");
    let index = parse_index(&fs::read_to_string(dir.join("index.json")).expect("index"))
        .expect("valid index");
    let entry = index
        .profiles
        .iter()
        .find(|p| p.id == index.default)
        .expect("default listed");
    load_profile(&fs::read_to_string(dir.join(&entry.file)).expect("profile"))
        .expect("valid profile")
}

/// splitmix64: a small deterministic generator, so the figures are the same on every run.
struct Rng(u64);

impl Rng {
    fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A level drawn from the model's prior, kept on the 0-4 scale.
    fn level(&mut self) -> f64 {
        let (u, v) = (self.next_f64().max(1e-12), self.next_f64());
        let normal = (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos();
        (PRIOR_MEAN + PRIOR_SD * normal).clamp(0.0, 4.0)
    }
}

/// A simulated candidate's answer: right with the model's probability, else a wrong option.
fn answer(q: &Question, level: f64, rng: &mut Rng) -> Answer {
    let right = rng.next_f64() < p_right(level, location(q), q.discrimination.unwrap_or(1.0));
    let selected = if right {
        q.correct_options()
    } else {
        let wrong = (0..q.options.len())
            .find(|&i| !q.options[i].correct)
            .expect("a wrong option");
        vec![wrong]
    };
    Answer::Choice { selected }
}

struct Figures {
    within: usize,
    total: usize,
    asked: usize,
}

impl Figures {
    fn share(&self) -> f64 {
        100.0 * self.within as f64 / self.total as f64
    }
}

fn simulate(profile: &Profile, mode: Mode) -> Figures {
    let mut rng = Rng(20261124);
    let mut figures = Figures {
        within: 0,
        total: 0,
        asked: 0,
    };
    for _ in 0..CANDIDATES {
        let truth: Vec<f64> = profile.areas.iter().map(|_| rng.level()).collect();
        let mut answers = Answers::new();
        for (area, &level) in profile.areas.iter().zip(&truth) {
            match mode {
                Mode::Full => {
                    for q in profile.questions.iter().filter(|q| q.area == area.id) {
                        answers.insert(q.id.clone(), answer(q, level, &mut rng));
                    }
                }
                Mode::Quick => {
                    while let Some(q) = next_quick_question(profile, &area.id, &answers) {
                        let a = answer(q, level, &mut rng);
                        answers.insert(q.id.clone(), a);
                    }
                }
            }
        }
        figures.asked += answers.len();
        let result = assess(profile, &answers);
        for (area, &level) in result.areas.iter().zip(&truth) {
            figures.total += 1;
            if (area.knowledge.level - level).abs() <= TOLERANCE {
                figures.within += 1;
            }
        }
    }
    figures
}

#[test]
fn simulated_candidates_are_found_again() {
    let profile = default_profile();
    let full = simulate(&profile, Mode::Full);
    let quick = simulate(&profile, Mode::Quick);
    let per_candidate = |f: &Figures| f.asked as f64 / CANDIDATES as f64;
    println!("| mode  | candidate-areas within {TOLERANCE} of the true level | questions asked per candidate |");
    println!("| ----- | ---: | ---: |");
    println!(
        "| full  | {:.1}% ({} of {}) | {:.1} |",
        full.share(),
        full.within,
        full.total,
        per_candidate(&full)
    );
    println!(
        "| quick | {:.1}% ({} of {}) | {:.1} |",
        quick.share(),
        quick.within,
        quick.total,
        per_candidate(&quick)
    );

    assert!(
        full.share() >= 90.0,
        "full mode finds {:.1}% of levels within {TOLERANCE}",
        full.share()
    );
    assert!(
        quick.asked * 2 <= full.asked,
        "quick mode asks {} questions, more than half of full mode's {}",
        quick.asked,
        full.asked
    );
    assert!(
        quick.share() >= full.share() - 10.0,
        "quick mode ({:.1}%) is more than 10 points worse than full mode ({:.1}%)",
        quick.share(),
        full.share()
    );
}

#[test]
fn a_quick_walk_replays_what_the_simulation_asks() {
    // The app's quick walk (replayed from answers) and the simulation's loop agree.
    let profile = default_profile();
    let mut rng = Rng(7);
    let mut answers = Answers::new();
    loop {
        let walk = Walk::quick(&profile, &answers);
        let Some(open) = walk.first_open(&answers).map(str::to_owned) else {
            break;
        };
        let a = match profile.question(&open) {
            Some(q) => answer(q, 2.5, &mut rng),
            None => Answer::Rating { level: 2 },
        };
        answers.insert(open, a);
    }
    let questions = answers
        .keys()
        .filter(|id| profile.question(id).is_some())
        .count();
    assert!(
        questions * 2 <= profile.questions.len(),
        "{questions} questions"
    );
    for area in &profile.areas {
        assert_eq!(
            next_quick_question(&profile, &area.id, &answers),
            None,
            "{} is finished",
            area.id
        );
    }
}

//! The measurement checked against candidates who answer from *other, harsher* models than the
//! one that scores them: real multiple-choice items guess, discriminate less and unevenly, and
//! sit away from their authored difficulty. Nothing here draws answers from the scoring model.
//!
//! Run with `cargo test --release --test scoring_model -- --nocapture` to see the tables.

use std::fs;
use std::path::Path;

use std::collections::BTreeSet;

use fitcheck::domain::candidate::answer::{shown_order, Answer, Answers};
use fitcheck::domain::candidate::history::gap_areas;
use fitcheck::domain::candidate::walk::{asked_ratings, Walk};
use fitcheck::domain::load_profile;
use fitcheck::domain::measure::model::{chance_credit, DEFAULT_SLOPE};
use fitcheck::domain::measure::select::{
    next_question, next_question_unseen_first, QUICK_MAX_PER_AREA, QUICK_TYPICAL_PER_AREA,
};
use fitcheck::domain::measure::verdict::Verdict;
use fitcheck::domain::profile::timing::{question_seconds, rating_seconds};
use fitcheck::domain::profile::{parse_index, Profile, Question, QuestionKind};
use fitcheck::domain::report::scoring::{assess, Assessment};

const CANDIDATES: usize = 400;
/// Item truths are drawn again for every this many candidates, so no single lucky bank decides.
const PER_BANK: usize = 50;
/// Retakes simulated per model (a quick check, then the retake): lean in the debug build that
/// `./scripts/test` runs, many in the release build that `./scripts/bench` runs.
const RETAKE_CANDIDATES: usize = if cfg!(debug_assertions) { 250 } else { 4000 };

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
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.uniform()
    }

    fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform().max(1e-12), self.uniform());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// The standard normal distribution function (Abramowitz & Stegun 7.1.26 through erf).
fn phi(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let erf = 1.0
        - t * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))))
            * (-z * z).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// How a question really behaves under one generating model.
#[derive(Clone, Copy)]
struct TrueItem {
    location: f64,
    slope: f64,
    guessing: f64,
    probit: bool,
}

impl TrueItem {
    fn p_right(&self, level: f64) -> f64 {
        let x = self.slope * (level - self.location);
        let curve = if self.probit {
            phi(x)
        } else {
            1.0 / (1.0 + (-x).exp())
        };
        self.guessing + (1.0 - self.guessing) * curve
    }
}

/// A generating model: how items really behave and how candidates skip.
struct Generator {
    name: &'static str,
    /// Draws one question's true behaviour, given the bank-wide shift of authored difficulty.
    item: fn(&Question, f64, &mut Rng) -> TrueItem,
    /// Draws the bank-wide shift: how far the authors' whole scale is off.
    shift: fn(&mut Rng) -> f64,
    /// Chance of skipping a question, given the chance of knowing it.
    skip: fn(f64, &mut Rng) -> bool,
}

fn authored(q: &Question) -> f64 {
    f64::from(q.difficulty)
}

fn generators() -> Vec<Generator> {
    vec![
        Generator {
            name: "A: uneven slopes, difficulty off by sd 0.5, blind guessing, 5% skips",
            item: |q, _, rng| TrueItem {
                location: authored(q) + 0.5 * rng.normal(),
                slope: DEFAULT_SLOPE * rng.between(0.4, 1.0),
                guessing: chance_credit(q),
                probit: false,
            },
            skip: |_, rng| rng.uniform() < 0.05,
            shift: |_| 0.0,
        },
        Generator {
            name: "B: weak items, whole bank off by up to 0.3 either way plus sd 0.5 each, lucky guesses, unsure skips",
            item: |q, shift, rng| TrueItem {
                location: authored(q) + shift + 0.5 * rng.normal(),
                slope: DEFAULT_SLOPE * rng.between(0.3, 0.8),
                guessing: (chance_credit(q) + rng.between(0.0, 0.1)).min(0.6),
                probit: false,
            },
            skip: |p_know, rng| rng.uniform() < if p_know < 0.5 { 0.2 } else { 0.03 },
            shift: |rng| rng.between(-0.3, 0.3),
        },
        Generator {
            name: "C: normal-ogive curves, easier than written (-0.2, sd 0.5), a giveaway distractor in half",
            item: |q, _, rng| {
                let options = q.options.len() as f64;
                let giveaway = q.kind == QuestionKind::SingleChoice && rng.uniform() < 0.5;
                TrueItem {
                    location: authored(q) - 0.2 + 0.5 * rng.normal(),
                    slope: rng.between(0.3, 0.6),
                    guessing: if giveaway {
                        1.0 / (options - 1.0)
                    } else {
                        chance_credit(q)
                    },
                    probit: true,
                }
            },
            skip: |_, rng| rng.uniform() < 0.08,
            shift: |_| 0.0,
        },
    ]
}

/// A true level from a realistic population for an early-career role: mostly awareness to
/// working knowledge, some none, a few proficient; kept on the scale.
fn true_level(rng: &mut Rng) -> f64 {
    loop {
        let level = 1.7 + 0.9 * rng.normal();
        if (0.0..=4.0).contains(&level) {
            return level;
        }
    }
}

/// A candidate's answer to `q` from its true behaviour `item`.
fn answer(q: &Question, item: &TrueItem, level: f64, g: &Generator, rng: &mut Rng) -> Answer {
    let p = item.p_right(level);
    // The chance of knowing (above guessing), which drives skipping.
    let know = (p - item.guessing) / (1.0 - item.guessing);
    if (g.skip)(know, rng) {
        return Answer::Skipped;
    }
    let correct = q.correct_options();
    let wrong: Vec<usize> = (0..q.options.len())
        .filter(|i| !correct.contains(i))
        .collect();
    match q.kind {
        QuestionKind::SingleChoice => {
            let selected = if rng.uniform() < p {
                correct
            } else {
                vec![wrong[rng.below(wrong.len())]]
            };
            Answer::Choice { selected }
        }
        QuestionKind::MultipleSelect => {
            // Each right box is found with the chance of knowing; wrong boxes tempt the unsure.
            let mut selected: Vec<usize> = Vec::new();
            for &i in &correct {
                if rng.uniform() < p {
                    selected.push(i);
                }
            }
            for &i in &wrong {
                if rng.uniform() < 0.5 * (1.0 - p) {
                    selected.push(i);
                }
            }
            if selected.is_empty() {
                selected.push(rng.below(q.options.len()));
            }
            selected.sort_unstable();
            Answer::Choice { selected }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Full,
    Quick,
}

#[derive(Default)]
struct Figures {
    areas: usize,
    within_se: usize,
    within_2se: usize,
    within_half: usize,
    se_sum: f64,
    clear: usize,
    clear_wrong: usize,
    questions: Vec<usize>,
    /// Seconds each simulated check takes by `domain::timing`.
    seconds: Vec<f64>,
}

impl Figures {
    fn share(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.areas.max(1) as f64
    }

    fn verdict_error(&self) -> f64 {
        100.0 * self.clear_wrong as f64 / self.clear.max(1) as f64
    }

    fn percentile(&self, p: f64) -> usize {
        let mut q = self.questions.clone();
        q.sort_unstable();
        q[((q.len() - 1) as f64 * p).round() as usize]
    }

    fn median_minutes(&self) -> f64 {
        let mut s = self.seconds.clone();
        s.sort_by(f64::total_cmp);
        s[s.len() / 2] / 60.0
    }

    fn record(&mut self, result: &Assessment, truth: &[f64], asked: usize, seconds: f64) {
        self.questions.push(asked);
        self.seconds.push(seconds);
        for (area, &level) in result.areas.iter().zip(truth) {
            let k = area.knowledge;
            let off = (k.level - level).abs();
            self.areas += 1;
            self.within_se += usize::from(off <= k.se);
            self.within_2se += usize::from(off <= 2.0 * k.se);
            self.within_half += usize::from(off <= 0.5);
            self.se_sum += k.se;
            let truly_meets = level >= area.required;
            match area.verdict {
                Verdict::Meets => {
                    self.clear += 1;
                    self.clear_wrong += usize::from(!truly_meets);
                }
                Verdict::Below { .. } => {
                    self.clear += 1;
                    self.clear_wrong += usize::from(truly_meets);
                }
                Verdict::NotClear { .. } => {}
            }
        }
    }
}

/// Every knowledge question of `area` a check asks, answered by `respond`.
fn take_area(
    profile: &Profile,
    area: &str,
    mode: Mode,
    seed: u64,
    answers: &mut Answers,
    mut respond: impl FnMut(&Question) -> Answer,
) {
    match mode {
        Mode::Full => {
            for q in profile.questions.iter().filter(|q| q.area == area) {
                answers.insert(q.id.clone(), respond(q));
            }
        }
        Mode::Quick => {
            while let Some(q) = next_question(profile, area, answers, QUICK_MAX_PER_AREA, seed) {
                let a = respond(q);
                answers.insert(q.id.clone(), a);
            }
        }
    }
}

/// The bank's true behaviour, drawn anew every [`PER_BANK`] candidates.
fn redraw_bank(
    profile: &Profile,
    g: &Generator,
    candidate: usize,
    bank: &mut Vec<TrueItem>,
    rng: &mut Rng,
) {
    if candidate.is_multiple_of(PER_BANK) {
        let shift = (g.shift)(rng);
        *bank = profile
            .questions
            .iter()
            .map(|q| (g.item)(q, shift, rng))
            .collect();
    }
}

/// A simulated candidate: the true level per area, their seed, and their answers to one check.
struct Candidate {
    truth: Vec<f64>,
    seed: u64,
    answers: Answers,
}

/// A new candidate, drawn from `rng`, takes a check of `mode` answering as `g` says.
fn take_check(
    profile: &Profile,
    g: &Generator,
    bank: &[TrueItem],
    mode: Mode,
    rng: &mut Rng,
) -> Candidate {
    let truth: Vec<f64> = profile.areas.iter().map(|_| true_level(rng)).collect();
    let seed = rng.next_u64();
    let mut answers = Answers::new();
    for (area, &level) in profile.areas.iter().zip(&truth) {
        take_area(profile, &area.id, mode, seed, &mut answers, |q| {
            let i = profile.questions.iter().position(|x| x.id == q.id).unwrap();
            answer(q, &bank[i], level, g, rng)
        });
    }
    Candidate {
        truth,
        seed,
        answers,
    }
}

fn simulate(profile: &Profile, g: &Generator, mode: Mode, seed: u64) -> Figures {
    let mut rng = Rng(seed);
    let mut figures = Figures::default();
    let mut bank: Vec<TrueItem> = Vec::new();
    for candidate in 0..CANDIDATES {
        redraw_bank(profile, g, candidate, &mut bank, &mut rng);
        let Candidate {
            truth,
            seed,
            answers,
        } = take_check(profile, g, &bank, mode, &mut rng);
        let result = assess(profile, &answers, seed);
        let seconds: f64 = profile
            .areas
            .iter()
            .flat_map(|a| {
                asked_ratings(
                    profile,
                    &a.id,
                    fitcheck::domain::candidate::check::Mode::Full,
                )
            })
            .filter(|_| mode == Mode::Full)
            .chain(
                profile
                    .areas
                    .iter()
                    .flat_map(|a| {
                        asked_ratings(
                            profile,
                            &a.id,
                            fitcheck::domain::candidate::check::Mode::Quick,
                        )
                    })
                    .filter(|_| mode == Mode::Quick),
            )
            .map(rating_seconds)
            .sum::<f64>()
            + answers
                .keys()
                .filter_map(|id| profile.question(id))
                .map(question_seconds)
                .sum::<f64>();
        figures.record(&result, &truth, answers.len(), seconds);
    }
    figures
}

#[test]
fn stated_uncertainty_is_honest_under_harsher_models() {
    let profile = default_profile();
    println!(
        "\n| generating model | mode | within ±1 se | within ±2 se | within 0.5 | mean se | clear verdicts | wrong clear verdicts | questions: median, 90th pct | minutes: median |"
    );
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let estimate =
        Walk::estimated_minutes(&profile, fitcheck::domain::candidate::check::Mode::Quick);
    let mut quick_seconds: Vec<f64> = Vec::new();
    let mut failures = Vec::new();
    for (i, g) in generators().iter().enumerate() {
        for mode in [Mode::Full, Mode::Quick] {
            let f = simulate(&profile, g, mode, 20261126 + i as u64);
            let name = if mode == Mode::Full { "full" } else { "quick" };
            println!(
                "| {} | {name} | {:.1}% | {:.1}% | {:.1}% | {:.2} | {:.1}% | {:.1}% ({} of {}) | {}, {} | {:.1} |",
                g.name,
                f.share(f.within_se),
                f.share(f.within_2se),
                f.share(f.within_half),
                f.se_sum / f.areas as f64,
                f.share(f.clear),
                f.verdict_error(),
                f.clear_wrong,
                f.clear,
                f.percentile(0.5),
                f.percentile(0.9),
                f.median_minutes(),
            );
            let one = f.share(f.within_se);
            if !(60.0..=80.0).contains(&one) {
                failures.push(format!(
                    "{name}, {}: ±1 se covers {one:.1}%, not 60-80%",
                    g.name
                ));
            }
            let two = f.share(f.within_2se);
            if two < 90.0 {
                failures.push(format!(
                    "{name}, {}: ±2 se covers {two:.1}%, below 90%",
                    g.name
                ));
            }
            if f.verdict_error() > 5.0 {
                failures.push(format!(
                    "{name}, {}: {:.1}% of clear verdicts are wrong, above 5%",
                    g.name,
                    f.verdict_error()
                ));
            }
            if mode == Mode::Quick {
                quick_seconds.extend(f.seconds.iter().copied());
                let median = f.percentile(0.5);
                if median > 25 {
                    failures.push(format!(
                        "quick, {}: median {median} questions, above 25",
                        g.name
                    ));
                }
                let per_area = (median as f64 / profile.areas.len() as f64).round() as usize;
                if per_area > QUICK_TYPICAL_PER_AREA {
                    failures.push(format!(
                        "quick, {}: median {per_area} questions per area, above the {QUICK_TYPICAL_PER_AREA} the time estimate assumes",
                        g.name
                    ));
                }
            }
        }
    }
    quick_seconds.sort_by(f64::total_cmp);
    let median = quick_seconds[quick_seconds.len() / 2] / 60.0;
    println!(
        "\nThe start page estimates the quick check at {estimate} min; simulated quick checks under all three models take {median:.1} min at the median."
    );
    assert!(
        (median - f64::from(estimate)).abs() <= 1.0,
        "the median quick check takes {median:.1} min, more than a minute off the {estimate} min the start page says"
    );
    assert!(
        estimate <= 15,
        "the quick check is estimated at {estimate} min, above 15"
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

/// How a clicker who does not read picks: by the position on screen.
#[derive(Clone, Copy)]
enum Clicker {
    Random,
    Position(usize),
}

#[test]
fn clickers_are_never_credited_with_knowledge() {
    let profile = default_profile();
    println!(
        "\n| clicker | mode | areas above level 1 | areas told \"meets\" | told their answers look like guessing |"
    );
    println!("| --- | --- | ---: | ---: | ---: |");
    let mut failures = Vec::new();
    for (name, clicker) in [
        ("random", Clicker::Random),
        ("always the first option", Clicker::Position(0)),
        ("always the second option", Clicker::Position(1)),
    ] {
        for mode in [Mode::Full, Mode::Quick] {
            let mut rng = Rng(77);
            let (mut areas, mut above, mut meets, mut told) = (0, 0, 0, 0);
            let runs = 200;
            for _ in 0..runs {
                let seed = rng.next_u64();
                let mut answers = Answers::new();
                for area in &profile.areas {
                    take_area(&profile, &area.id, mode, seed, &mut answers, |q| {
                        let order = shown_order(seed, q);
                        let shown = match clicker {
                            Clicker::Random => match q.kind {
                                QuestionKind::SingleChoice => vec![rng.below(order.len())],
                                QuestionKind::MultipleSelect => {
                                    let mut s: Vec<usize> =
                                        (0..order.len()).filter(|_| rng.uniform() < 0.5).collect();
                                    if s.is_empty() {
                                        s.push(rng.below(order.len()));
                                    }
                                    s
                                }
                            },
                            Clicker::Position(p) => vec![p.min(order.len() - 1)],
                        };
                        let mut selected: Vec<usize> = shown.iter().map(|&s| order[s]).collect();
                        selected.sort_unstable();
                        Answer::Choice { selected }
                    });
                }
                let result = assess(&profile, &answers, seed);
                told += usize::from(result.guessing.is_some());
                for area in &result.areas {
                    areas += 1;
                    above += usize::from(area.shown().is_some_and(|k| k.level > 1.0));
                    meets += usize::from(area.verdict == Verdict::Meets);
                }
            }
            let pct = |n: usize, of: usize| 100.0 * n as f64 / of as f64;
            let mode_name = if mode == Mode::Full { "full" } else { "quick" };
            println!(
                "| {name} | {mode_name} | {:.1}% | {:.1}% | {:.1}% |",
                pct(above, areas),
                pct(meets, areas),
                pct(told, runs)
            );
            // At most 1% of areas, judged with the sample's noise: 200 runs of 7 areas put the
            // rate's standard error near 0.25 points, and a random clicker's quick check sits
            // near 0.9% (0.0-1.9% over other draws, the same before and after a change of
            // distractor texts), so the raw rate crosses 1% by chance alone. It fails when
            // even the lower end of its 95% interval is above 1%.
            if lower_bound(above, areas) > 0.01 || lower_bound(meets, areas) > 0.01 {
                failures.push(format!(
                    "{name}, {mode_name}: {:.1}% above level 1, {:.1}% told meets",
                    pct(above, areas),
                    pct(meets, areas)
                ));
            }
            if mode == Mode::Full && pct(told, runs) < 90.0 {
                failures.push(format!("{name}, full: only {:.1}% told", pct(told, runs)));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The lower end of the 95% Wilson interval of the rate `hits / of`.
fn lower_bound(hits: usize, of: usize) -> f64 {
    let (n, p, z) = (of as f64, hits as f64 / of as f64, 1.96_f64);
    let centre = p + z * z / (2.0 * n);
    let spread = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt();
    ((centre - spread) / (1.0 + z * z / n)).max(0.0)
}

#[test]
fn the_lower_bound_is_below_the_rate_and_tightens_with_more_data() {
    assert!(lower_bound(20, 1400) < 20.0 / 1400.0);
    assert!(
        lower_bound(20, 1400) < 0.01,
        "1.4% of 1400 is not shown to exceed 1%"
    );
    assert!(lower_bound(200, 14000) > 0.01, "1.4% of 14000 is");
    assert_eq!(lower_bound(0, 1400), 0.0);
}

#[test]
fn a_consistent_candidate_is_not_told_they_guess() {
    // Candidates who know their stuff (level 2.5 to 3.5) under model A are almost never flagged.
    let profile = default_profile();
    let g = &generators()[0];
    let mut rng = Rng(5);
    let mut told = 0;
    let runs = 100;
    for _ in 0..runs {
        let bank: Vec<TrueItem> = profile
            .questions
            .iter()
            .map(|q| (g.item)(q, 0.0, &mut rng))
            .collect();
        let level = rng.between(2.5, 3.5);
        let seed = rng.next_u64();
        let mut answers = Answers::new();
        for area in &profile.areas {
            take_area(&profile, &area.id, Mode::Quick, seed, &mut answers, |q| {
                let i = profile.questions.iter().position(|x| x.id == q.id).unwrap();
                answer(q, &bank[i], level, g, &mut rng)
            });
        }
        told += usize::from(assess(&profile, &answers, seed).guessing.is_some());
    }
    assert!(
        told <= 2,
        "{told} of {runs} knowledgeable candidates told they guess"
    );
}

#[test]
fn a_quick_walk_replays_what_the_simulation_asks() {
    // The app's quick walk (replayed from answers) and the simulation's loop agree.
    let profile = default_profile();
    let g = &generators()[0];
    let mut rng = Rng(7);
    let bank: Vec<TrueItem> = profile
        .questions
        .iter()
        .map(|q| (g.item)(q, 0.0, &mut rng))
        .collect();
    let mut answers = Answers::new();
    loop {
        let walk = Walk::quick(&profile, &answers, &[], 99);
        let Some(open) = walk.first_open(&answers).map(str::to_owned) else {
            break;
        };
        match profile.question(&open) {
            Some(q) => {
                let i = profile.questions.iter().position(|x| x.id == q.id).unwrap();
                let a = answer(q, &bank[i], 2.0, g, &mut rng);
                answers.insert(open, a);
            }
            None => {
                for id in walk.step(&open).expect("an open step").members.clone() {
                    answers.insert(id, Answer::Rating { level: 2 });
                }
            }
        }
    }
    for area in &profile.areas {
        assert_eq!(
            next_question(&profile, &area.id, &answers, QUICK_MAX_PER_AREA, 99),
            None,
            "{} is finished",
            area.id
        );
    }
    let questions = answers
        .keys()
        .filter(|id| profile.question(id).is_some())
        .count();
    assert!(
        questions <= QUICK_MAX_PER_AREA * profile.areas.len(),
        "{questions} questions"
    );
}

/// "Retake my gaps" under the harsher models: a quick check, then, for the areas it left below or
/// not clear, a candidate who has learned since (their level up by a random 0 to 1) retakes just
/// those areas with questions not seen before while there are any. The retaken areas' stated
/// uncertainty must stay honest: the smaller pool must not make the ± claim more than it knows.
#[test]
fn a_retake_of_the_gaps_with_unseen_questions_states_honest_uncertainty() {
    let profile = default_profile();
    println!("\n| generating model | retake of the gap areas | within ±1 se | within ±2 se | mean se | clear verdicts | wrong clear verdicts | questions seen before |");
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut failures = Vec::new();
    for (i, g) in generators().iter().enumerate() {
        let mut rng = Rng(20261206 + i as u64);
        let mut figures = Figures::default();
        let (mut repeated, mut retaken_questions) = (0, 0);
        let mut bank: Vec<TrueItem> = Vec::new();
        for candidate in 0..RETAKE_CANDIDATES {
            redraw_bank(&profile, g, candidate, &mut bank, &mut rng);
            let Candidate {
                mut truth,
                seed,
                mut answers,
            } = take_check(&profile, g, &bank, Mode::Quick, &mut rng);
            let gaps = gap_areas(&assess(&profile, &answers, seed));
            let seen: BTreeSet<String> = answers.keys().cloned().collect();
            answers.retain(|id, _| {
                profile
                    .question(id)
                    .is_some_and(|q| !gaps.contains(&q.area))
            });
            for (a, area) in profile.areas.iter().enumerate() {
                if !gaps.contains(&area.id) {
                    continue;
                }
                truth[a] = (truth[a] + rng.between(0.0, 1.0)).min(4.0);
                let level = truth[a];
                while let Some(q) = next_question_unseen_first(
                    &profile,
                    &area.id,
                    &answers,
                    QUICK_MAX_PER_AREA,
                    seed,
                    &seen,
                ) {
                    retaken_questions += 1;
                    repeated += usize::from(seen.contains(&q.id));
                    let i = profile.questions.iter().position(|x| x.id == q.id).unwrap();
                    let a = answer(q, &bank[i], level, g, &mut rng);
                    answers.insert(q.id.clone(), a);
                }
            }
            let mut result = assess(&profile, &answers, seed);
            let keep: Vec<bool> = result
                .areas
                .iter()
                .map(|a| gaps.contains(&a.area_id))
                .collect();
            let truth: Vec<f64> = truth
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(t, _)| *t)
                .collect();
            let mut kept = keep.iter();
            result.areas.retain(|_| *kept.next().unwrap());
            figures.record(&result, &truth, answers.len(), 0.0);
        }
        println!(
            "| {} | {} areas | {:.1}% | {:.1}% | {:.2} | {:.1}% | {:.1}% ({} of {}) | {} of {} |",
            g.name,
            figures.areas,
            figures.share(figures.within_se),
            figures.share(figures.within_2se),
            figures.se_sum / figures.areas.max(1) as f64,
            figures.share(figures.clear),
            figures.verdict_error(),
            figures.clear_wrong,
            figures.clear,
            repeated,
            retaken_questions,
        );
        if figures.share(figures.within_2se) < 90.0 {
            failures.push(format!(
                "{}: ±2 se covers {:.1}% of retaken areas, below 90%",
                g.name,
                figures.share(figures.within_2se)
            ));
        }
        // Retaken areas sit near their required level (they were gaps, and the candidate has
        // learned since), where clear verdicts are hardest: the rate runs at 2-5% under these
        // models with or without the unseen-first draw. Judged with the sample's noise.
        if lower_bound(figures.clear_wrong, figures.clear.max(1)) > 0.05 {
            failures.push(format!(
                "{}: {:.1}% of the retake's clear verdicts are wrong ({} of {}), surely above 5%",
                g.name,
                figures.verdict_error(),
                figures.clear_wrong,
                figures.clear
            ));
        }
        if repeated * 10 > retaken_questions {
            failures.push(format!(
                "{}: {repeated} of {retaken_questions} retake questions were seen before",
                g.name
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

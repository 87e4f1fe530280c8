//! The interface's wording for what the domain, the session and the browser glue report as
//! data: notices, failures, levels, verdicts, and the outcome of file actions. One home for these
//! sentences, in every language the interface speaks (`locales/*.json`); numbers and plurals
//! follow the language.

use super::i18n::{td_string, Locale};
use super::{Imported, Persistence};
use crate::browser::{BrowserError, FetchFailure, FileFailure};
use crate::domain::candidate::check::Mode;
use crate::domain::candidate::evidence::{EvidenceError, MAX_NOTE_CHARS, MAX_URL_CHARS};
use crate::domain::candidate::history::{Attempt, Change, SinceThen};
use crate::domain::candidate::notice::Notice;
use crate::domain::candidate::progress::error::{Misfit, ProgressError, SetAside};
use crate::domain::candidate::progress::PROGRESS_SCHEMA_VERSION;
use crate::domain::candidate::transfer::{ImportError, EXPORT_VERSION};
use crate::domain::measure::guessing::GuessingSign;
use crate::domain::measure::posterior::MIN_ANSWERS;
use crate::domain::measure::verdict::Readiness;
use crate::domain::measure::verdict::Standing;
use crate::domain::measure::verdict::Verdict;
use crate::domain::profile::problem::{readable, shown};
use crate::domain::profile::Profile;
use crate::domain::report::rows::{AreaRow, ShownLevel};
use crate::domain::report::scoring::Calibration;
use crate::domain::report::share::{Damage, ShareError, SHARE_VERSION};

/// `value` with `places` digits after the decimal mark, as the language writes it ("2.5" and
/// "2,5"; "1,235" and "1.235"), rounded half away from zero.
pub fn decimal(locale: Locale, value: f64, places: u32) -> String {
    written(
        value,
        places,
        td_string!(locale, words.decimal_mark),
        td_string!(locale, words.group_mark),
    )
}

/// `value` with `places` digits after a decimal point and no grouping ("1234.50"), for the
/// page's data attributes, which programs read.
pub fn figure(value: f64, places: u32) -> String {
    written(value, places, ".", "")
}

/// `value` rounded half away from zero to `places` digits, written with `mark` and thousands
/// grouped by `group`. Integer arithmetic only: the app carries no float formatting.
fn written(value: f64, places: u32, mark: &str, group: &str) -> String {
    let scale = 10u64.pow(places);
    let scaled = (value.abs() * scale as f64).round();
    // A figure beyond any the app shows (or not a number) reads as 0 rather than stopping it.
    let scaled = if scaled.is_finite() && scaled < 1e15 {
        scaled as u64
    } else {
        0
    };
    let whole = (scaled / scale).to_string();
    let mut figure = String::with_capacity(whole.len() + places as usize + 4);
    if value < 0.0 && scaled > 0 {
        figure.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            figure.push_str(group);
        }
        figure.push(digit);
    }
    if places > 0 {
        let fraction = (scaled % scale).to_string();
        figure.push_str(mark);
        figure.extend(std::iter::repeat_n('0', places as usize - fraction.len()));
        figure.push_str(&fraction);
    }
    figure
}

/// A storage notice, as the candidate reads it.
pub fn notice(locale: Locale, notice: &Notice) -> String {
    match notice {
        Notice::StorageBlocked => td_string!(locale, notice.storage_blocked).to_string(),
        Notice::SaveRefused => td_string!(locale, notice.save_refused).to_string(),
        Notice::KeptAside { count } => {
            td_string!(locale, notice.kept_aside, count = *count)
        }
        Notice::CameBack { count } => {
            td_string!(locale, notice.came_back, count = *count)
        }
        Notice::UnreadableBackedUp { error, backup } => td_string!(
            locale,
            notice.unreadable_backed_up,
            why = progress_error(locale, error),
            key = backup
        ),
        Notice::UnreadableNotSaved { error } => td_string!(
            locale,
            notice.unreadable_not_saved,
            why = progress_error(locale, error)
        ),
        Notice::FromNewerBuild { error } => td_string!(
            locale,
            notice.from_newer_build,
            why = progress_error(locale, error)
        ),
    }
}

/// Why saved progress could not be read (a clause).
pub fn progress_error(locale: Locale, error: &ProgressError) -> String {
    match error {
        ProgressError::NotJson(e) => {
            td_string!(locale, saved_progress.not_json, detail = readable(e))
        }
        ProgressError::NoVersion => td_string!(locale, saved_progress.no_version).to_string(),
        ProgressError::FromTheFuture(v) => td_string!(
            locale,
            saved_progress.from_the_future,
            version = *v,
            supported = PROGRESS_SCHEMA_VERSION
        ),
        ProgressError::OtherProfile(id) => {
            td_string!(locale, saved_progress.other_role, id = shown(id))
        }
        ProgressError::Malformed(e) => {
            td_string!(locale, saved_progress.damaged, detail = readable(e))
        }
    }
}

/// Why a progress file was refused (a clause).
pub fn import_error(locale: Locale, error: &ImportError) -> String {
    match error {
        ImportError::NotJson => td_string!(locale, file.not_json).to_string(),
        ImportError::Foreign => td_string!(locale, file.foreign).to_string(),
        ImportError::FromTheFuture(v) => td_string!(
            locale,
            file.from_the_future,
            version = *v,
            supported = EXPORT_VERSION
        ),
        ImportError::Unreadable(ProgressError::OtherProfile(id)) => {
            td_string!(locale, file.other_role, id = shown(id))
        }
        ImportError::Unreadable(e) => td_string!(
            locale,
            file.unusable,
            why = readable(&progress_error(locale, e))
        ),
        ImportError::DoesNotFit(why) => td_string!(
            locale,
            file.does_not_fit,
            count = why.len(),
            first = why
                .first()
                .map(|s| set_aside(locale, s))
                .unwrap_or_default()
        ),
    }
}

/// Why a share link could not be read (a clause).
pub fn share_error(locale: Locale, error: &ShareError) -> String {
    match error {
        ShareError::Empty => td_string!(locale, shared.empty).to_string(),
        ShareError::UnknownVersion(v) => td_string!(
            locale,
            shared.unknown_version,
            version = *v,
            supported = SHARE_VERSION
        ),
        ShareError::Damaged(why) => {
            td_string!(locale, shared.damaged, why = damage(locale, *why))
        }
    }
}

/// What is wrong with a damaged share link (a clause).
pub fn damage(locale: Locale, damage: Damage) -> String {
    match damage {
        Damage::TooLong => td_string!(locale, shared.damage.too_long),
        Damage::StrangeCharacters => td_string!(locale, shared.damage.strange_characters),
        Damage::Empty => td_string!(locale, shared.damage.empty),
        Damage::Changed => td_string!(locale, shared.damage.changed),
        Damage::RangeUpsideDown => td_string!(locale, shared.damage.range_upside_down),
        Damage::TooManyAreas => td_string!(locale, shared.damage.too_many_areas),
        Damage::UnknownVerdict => td_string!(locale, shared.damage.unknown_verdict),
        Damage::TrailingData => td_string!(locale, shared.damage.trailing_data),
        Damage::CutOff => td_string!(locale, shared.damage.cut_off),
        Damage::GarbledName => td_string!(locale, shared.damage.garbled_name),
        Damage::LevelOutOfRange => td_string!(locale, shared.damage.level_out_of_range),
        Damage::FigureOutOfRange => td_string!(locale, shared.damage.figure_out_of_range),
        Damage::BadLink => td_string!(locale, shared.damage.bad_link),
    }
    .to_string()
}

/// Why an answer was kept aside (a clause).
pub fn set_aside(locale: Locale, answer: &SetAside) -> String {
    let id = shown(&answer.id);
    match answer.why {
        Misfit::NoLongerFits => td_string!(locale, file.misfit_answer, id),
        Misfit::OptionsChanged => td_string!(locale, file.misfit_options, id),
    }
}

/// Why an import changed nothing when the answers it would replace could not be backed up.
pub fn backup_failed(locale: Locale) -> String {
    td_string!(locale, file.backup_failed).to_string()
}

/// What an import did.
pub fn imported(locale: Locale, done: &Imported) -> String {
    let mut text = td_string!(locale, file.imported, count = done.count);
    if let Some((count, key)) = &done.previous {
        text.push(' ');
        text.push_str(&td_string!(locale, file.previous, count = *count, key));
    }
    text
}

/// Whether the browser keeps the saved answers, and what that means for the candidate.
pub fn storage_status(locale: Locale, available: bool, persistence: Persistence) -> String {
    match (available, persistence) {
        (false, _) => td_string!(locale, storage.blocked),
        (true, Persistence::Granted) => td_string!(locale, storage.granted),
        (true, Persistence::NotGranted) => td_string!(locale, storage.not_granted),
        (true, Persistence::Unsupported) => td_string!(locale, storage.unsupported),
        (true, Persistence::Unknown) => td_string!(locale, storage.unknown),
    }
    .to_string()
}

/// `clause` with its first letter in capitals, to stand as a sentence. The clauses are the
/// interface's own, in English and German, so the letters of Latin-1 are enough (`a`-`z`,
/// `à`-`þ`); any other first letter stays as it is. (Unicode's whole case table would be about
/// 5 KB of wasm for this one use.)
pub fn capitalised(clause: &str) -> String {
    let mut chars = clause.chars();
    chars
        .next()
        .map(|first| {
            let capital = match first {
                'a'..='z' | 'à'..='þ' if first != '÷' => {
                    char::from_u32(u32::from(first) - 0x20).unwrap_or(first)
                }
                _ => first,
            };
            std::iter::once(capital).chain(chars).collect()
        })
        .unwrap_or_default()
}

/// A clause as a sentence of its own: capitalised, with a full stop.
pub fn as_sentence(clause: &str) -> String {
    format!("{}.", capitalised(clause))
}

/// A browser failure, as the candidate reads it (a clause: the caller may embed it).
pub fn browser_error(locale: Locale, error: &BrowserError) -> String {
    match error {
        BrowserError::StorageBlocked => notice(locale, &Notice::StorageBlocked),
        BrowserError::SaveRefused => notice(locale, &Notice::SaveRefused),
        BrowserError::DownloadRefused => td_string!(locale, failure.download_refused).to_string(),
        BrowserError::Fetch { path, failure } => {
            let why = match failure {
                FetchFailure::NoWindow => td_string!(locale, failure.no_window).to_string(),
                FetchFailure::Network => td_string!(locale, failure.network).to_string(),
                FetchFailure::NoResponse => td_string!(locale, failure.no_response).to_string(),
                FetchFailure::Status { code, text } => {
                    td_string!(locale, failure.status, code = *code, text)
                }
                FetchFailure::Interrupted => td_string!(locale, failure.interrupted).to_string(),
                FetchFailure::NotText => td_string!(locale, failure.not_text).to_string(),
            };
            td_string!(locale, failure.fetch, path, why = why)
        }
        BrowserError::File(failure) => match failure {
            FileFailure::NoneChosen => td_string!(locale, failure.no_file),
            FileFailure::TooLarge => td_string!(locale, failure.file_too_large),
            FileFailure::Unreadable => td_string!(locale, failure.file_unreadable),
            FileFailure::NotText => td_string!(locale, failure.file_not_text),
        }
        .to_string(),
    }
}

/// The name of a level from 0 to 4.
pub fn level_name(locale: Locale, level: u8) -> String {
    match level {
        0 => td_string!(locale, level.none),
        1 => td_string!(locale, level.awareness),
        2 => td_string!(locale, level.working),
        3 => td_string!(locale, level.proficient),
        _ => td_string!(locale, level.expert),
    }
    .to_string()
}

/// The name of a profile's language, in the interface's language (the tag itself for one the
/// interface does not name).
pub fn language_name(locale: Locale, tag: &str) -> String {
    match tag.split('-').next().unwrap_or_default() {
        "en" => td_string!(locale, language.name_en).to_string(),
        "de" => td_string!(locale, language.name_de).to_string(),
        _ => tag.to_owned(),
    }
}

/// What the answers show, as the candidate reads it: "2.4 ± 0.5 (working knowledge)", or why
/// there is no level.
pub fn row_level(locale: Locale, shown: &ShownLevel) -> String {
    match *shown {
        // Named from the figure shown, so that a level and the same level read from a link
        // (which carries tenths) are named alike.
        ShownLevel::Level { level, se } => td_string!(
            locale,
            words.level,
            level = decimal(locale, level, 1),
            se = decimal(locale, se, 1),
            name = level_name(locale, ((level * 10.0).round() / 10.0).round() as u8)
        ),
        ShownLevel::TooFew { answers } => {
            td_string!(locale, words.too_few, answers = answers, min = MIN_ANSWERS)
        }
        ShownLevel::Withheld => td_string!(locale, words.withheld).to_string(),
    }
}

/// A row's verdict as the reader reads it (links of format 1 carried only the gap).
pub fn row_verdict(locale: Locale, row: &AreaRow) -> String {
    match &row.verdict {
        Some(v) => verdict(locale, v),
        None => td_string!(locale, words.gap, gap = gap(locale, row.gap)),
    }
}

/// A row's verdict in a word or two: "meets", "below", "not clear yet".
pub fn verdict_short(locale: Locale, row: &AreaRow) -> String {
    match &row.verdict {
        Some(Verdict::Meets) => td_string!(locale, words.meets).to_string(),
        Some(Verdict::Below { .. }) => td_string!(locale, words.below_short).to_string(),
        Some(Verdict::NotClear { .. }) => td_string!(locale, words.unclear_short).to_string(),
        None => td_string!(locale, words.gap, gap = gap(locale, row.gap)),
    }
}

/// The level shown, as a figure ("2.4"), or that there is none yet.
pub fn glance_level(locale: Locale, shown: &ShownLevel) -> String {
    match *shown {
        ShownLevel::Level { level, .. } => decimal(locale, level, 1),
        ShownLevel::TooFew { .. } => td_string!(locale, words.no_level).to_string(),
        ShownLevel::Withheld => td_string!(locale, words.not_shown).to_string(),
    }
}

/// A row's self-rating with how it compares, or a dash.
pub fn self_rating(locale: Locale, row: &AreaRow) -> String {
    match row.self_rating {
        Some((s, Some(c))) => format!("{}, {}", decimal(locale, s, 1), calibration(locale, c)),
        Some((s, None)) => decimal(locale, s, 1),
        None => "\u{2014}".to_owned(),
    }
}

/// How many questions were answered: "3 of 15", or just "3" where the total is unknown.
pub fn answered(locale: Locale, row: &AreaRow) -> String {
    match row.questions {
        Some(total) => td_string!(
            locale,
            words.answered,
            answered = row.answered,
            total = total
        ),
        None => row.answered.to_string(),
    }
}

/// A verdict as the candidate reads it.
pub fn verdict(locale: Locale, verdict: &Verdict) -> String {
    match verdict {
        Verdict::Meets => td_string!(locale, words.meets).to_string(),
        Verdict::Below { gap } => {
            td_string!(locale, words.below, gap = decimal(locale, *gap, 1))
        }
        Verdict::NotClear { more: Some(n) } => {
            td_string!(locale, words.unclear, count = *n)
        }
        Verdict::NotClear { more: None } => td_string!(locale, words.unclear_too_many).to_string(),
    }
}

/// A whole percentage, as the language writes it ("55%", "55 %").
pub fn percent(locale: Locale, value: f64) -> String {
    td_string!(locale, words.percent, value = decimal(locale, value, 0))
}

/// Readiness as the candidate reads it: "55–70%", or one figure when the range is that narrow.
pub fn readiness(locale: Locale, r: &Readiness) -> String {
    percent_range(locale, r.low.round(), r.high.round())
}

/// "55–70%", or "55%" when both ends are the same.
pub fn percent_range(locale: Locale, low: f64, high: f64) -> String {
    if low == high {
        percent(locale, low)
    } else {
        td_string!(
            locale,
            words.percent_range,
            low = decimal(locale, low, 0),
            high = decimal(locale, high, 0)
        )
    }
}

/// The notice for answers that look like guessing.
pub fn guessing(locale: Locale, sign: &GuessingSign) -> String {
    match *sign {
        GuessingSign::NoBetterThanChance {
            earned,
            chance,
            answered,
        } => td_string!(
            locale,
            words.guessing_chance,
            earned = decimal(locale, earned, 1),
            answered = answered,
            chance = decimal(locale, chance, 1)
        ),
        GuessingSign::SamePosition {
            position,
            count,
            answered,
        } => td_string!(
            locale,
            words.guessing_position,
            position = position + 1,
            count = count,
            answered = answered
        ),
    }
}

/// A gap as the candidate reads it; gaps within the estimate's noise read as "none".
pub fn gap(locale: Locale, gap: Option<f64>) -> String {
    match gap {
        Some(g) if g >= 0.05 => decimal(locale, g, 1),
        Some(_) => td_string!(locale, words.no_gap).to_string(),
        None => td_string!(locale, words.not_assessed).to_string(),
    }
}

/// How a self-rating compares with the answers.
pub fn calibration(locale: Locale, c: Calibration) -> String {
    match c {
        Calibration::OverConfident => td_string!(locale, words.over_confident),
        Calibration::UnderConfident => td_string!(locale, words.under_confident),
        Calibration::Calibrated => td_string!(locale, words.calibrated),
    }
    .to_string()
}

/// Why an evidence link was not taken, as a sentence that says what to do.
pub fn evidence_error(locale: Locale, error: EvidenceError) -> String {
    match error {
        EvidenceError::Empty => td_string!(locale, evidence.error.empty).to_string(),
        EvidenceError::NoScheme => td_string!(locale, evidence.error.no_scheme).to_string(),
        EvidenceError::NotHttps => td_string!(locale, evidence.error.not_https).to_string(),
        EvidenceError::StrangeCharacters => {
            td_string!(locale, evidence.error.strange_characters).to_string()
        }
        EvidenceError::HasLogin => td_string!(locale, evidence.error.has_login).to_string(),
        EvidenceError::BadHost => td_string!(locale, evidence.error.bad_host).to_string(),
        EvidenceError::UrlTooLong => {
            td_string!(locale, evidence.error.url_too_long, max = MAX_URL_CHARS)
        }
        EvidenceError::NoteTooLong => {
            td_string!(locale, evidence.error.note_too_long, max = MAX_NOTE_CHARS)
        }
        EvidenceError::Full => td_string!(locale, evidence.error.full).to_string(),
        EvidenceError::AlreadyThere => td_string!(locale, evidence.error.already_there).to_string(),
        EvidenceError::UnknownRequirement => {
            td_string!(locale, evidence.error.unknown_requirement).to_string()
        }
    }
}

/// Where an area stands, in a word or two.
pub fn standing(locale: Locale, standing: Standing) -> String {
    match standing {
        Standing::Meets => td_string!(locale, words.meets),
        Standing::Below => td_string!(locale, words.below_short),
        Standing::NotClear => td_string!(locale, words.unclear_short),
    }
    .to_string()
}

/// What kind of check an attempt was: full, quick, or a retake of some areas.
pub fn attempt_kind(locale: Locale, attempt: &Attempt) -> String {
    match (attempt.mode, attempt.areas.len()) {
        (_, count @ 1..) => td_string!(locale, history.retake, count),
        (Mode::Full, _) => td_string!(locale, history.full).to_string(),
        (Mode::Quick, _) => td_string!(locale, history.quick).to_string(),
    }
}

/// An area's title, or its id when the profile no longer has it.
fn area_title(profile: &Profile, area_id: &str) -> String {
    profile
        .area(area_id)
        .map_or_else(|| area_id.to_owned(), |a| a.title.clone())
}

/// One change as a line: "APIs: below → meets (level 1.2 → 2.6)".
pub fn change(locale: Locale, profile: &Profile, change: &Change) -> String {
    let line = td_string!(
        locale,
        history.change,
        area = area_title(profile, &change.area_id),
        before = standing(locale, change.before),
        after = standing(locale, change.after)
    );
    match change.levels {
        Some((before, after)) => {
            let levels = td_string!(
                locale,
                history.levels,
                before = decimal(locale, before, 1),
                after = decimal(locale, after, 1)
            );
            format!("{line} {levels}")
        }
        None => line,
    }
}

/// The readiness then and now: "Readiness: 40% → 65%".
pub fn since_readiness(locale: Locale, since: &SinceThen) -> Option<String> {
    since.readiness.map(|(before, after)| {
        td_string!(
            locale,
            history.readiness,
            before = percent(locale, f64::from(before)),
            after = percent(locale, f64::from(after))
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::candidate::progress::error::ProgressError;

    /// The reference: Unicode's capital of the first letter, as `char::to_uppercase` gives it.
    fn unicode_capitalised(clause: &str) -> String {
        let mut chars = clause.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_clause_is_capitalised_as_unicode_would_for_every_latin_1_letter_and_every_text() {
        for c in '\0'..='\u{ff}' {
            let clause = format!("{c}x");
            let unicode = unicode_capitalised(&clause);
            let capital: Vec<char> = unicode.chars().collect();
            // Latin-1 letters whose capital is one Latin-1 letter change; the others (`ß`,
            // `ÿ`, `µ`) stay.
            let expected = if capital.len() == 2 && u32::from(capital[0]) <= 0xff {
                unicode
            } else {
                clause.clone()
            };
            assert_eq!(capitalised(&clause), expected, "{c:?}");
        }
        for file in [
            include_str!("../../locales/en.json"),
            include_str!("../../locales/de.json"),
        ] {
            fn walk(value: &serde_json::Value, texts: &mut Vec<String>) {
                match value {
                    serde_json::Value::String(s) => texts.push(s.clone()),
                    serde_json::Value::Object(m) => m.values().for_each(|v| walk(v, texts)),
                    serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, texts)),
                    _ => {}
                }
            }
            let mut texts = Vec::new();
            walk(
                &serde_json::from_str(file).expect("a locale is JSON"),
                &mut texts,
            );
            assert!(texts.len() > 100);
            for text in texts {
                assert_eq!(capitalised(&text), unicode_capitalised(&text), "{text}");
            }
        }
        assert_eq!(capitalised("überall"), "Überall");
        assert_eq!(capitalised(""), "");
    }

    fn both(word: impl Fn(Locale) -> String) -> (String, String) {
        (word(Locale::En), word(Locale::De))
    }

    #[test]
    fn numbers_take_the_language_s_decimal_mark_and_a_fixed_number_of_places() {
        assert_eq!(both(|l| decimal(l, 2.0, 1)), ("2.0".into(), "2,0".into()));
        assert_eq!(both(|l| decimal(l, 2.46, 1)), ("2.5".into(), "2,5".into()));
        assert_eq!(both(|l| decimal(l, 0.04, 1)), ("0.0".into(), "0,0".into()));
        assert_eq!(
            both(|l| decimal(l, 1234.6, 0)),
            ("1,235".into(), "1.235".into())
        );
        assert_eq!(
            both(|l| decimal(l, 1234567.25, 2)),
            ("1,234,567.25".into(), "1.234.567,25".into())
        );
        assert_eq!(
            both(|l| decimal(l, 0.05, 2)),
            ("0.05".into(), "0,05".into())
        );
        assert_eq!(
            both(|l| decimal(l, -1.25, 1)),
            ("-1.3".into(), "-1,3".into())
        );
        assert_eq!(both(|l| decimal(l, -0.01, 1)), ("0.0".into(), "0,0".into()));
        assert_eq!(
            both(|l| decimal(l, f64::NAN, 1)),
            ("0.0".into(), "0,0".into())
        );
        assert_eq!(both(|l| decimal(l, 99.5, 0)), ("100".into(), "100".into()));
        assert_eq!(figure(1234.5, 2), "1234.50");
        assert_eq!(figure(0.125, 2), "0.13");
        assert_eq!(figure(71.4, 0), "71");
        assert_eq!(
            both(|l| percent(l, 55.0)),
            ("55%".into(), "55\u{a0}%".into())
        );
        assert_eq!(
            both(|l| percent_range(l, 55.0, 70.0)),
            ("55\u{2013}70%".into(), "55\u{2013}70\u{a0}%".into())
        );
    }

    #[test]
    fn counts_take_the_language_s_plural() {
        let kept = |n| both(move |l| notice(l, &Notice::KeptAside { count: n }));
        assert!(kept(1)
            .0
            .starts_with("1 of your earlier answers belongs to a question "));
        assert!(kept(2)
            .0
            .starts_with("2 of your earlier answers belong to questions "));
        assert!(kept(1)
            .1
            .starts_with("1 deiner früheren Antworten gehört zu einer Frage"));
        assert!(kept(3)
            .1
            .starts_with("3 deiner früheren Antworten gehören zu Fragen"));
        let unclear = |n| both(move |l| verdict(l, &Verdict::NotClear { more: Some(n) }));
        assert_eq!(
            unclear(1).1,
            "noch unklar (etwa 1 weitere Frage würde es wahrscheinlich klären)"
        );
        assert_eq!(
            unclear(4).0,
            "not clear yet (about 4 more questions would likely settle it)"
        );
    }

    #[test]
    fn a_level_reads_with_its_name_in_each_language() {
        let level = ShownLevel::Level {
            level: 2.44,
            se: 0.5,
        };
        assert_eq!(
            both(|l| row_level(l, &level)),
            (
                "2.4 \u{b1} 0.5 (working knowledge)".into(),
                "2,4 \u{b1} 0,5 (Arbeitswissen)".into()
            )
        );
        assert_eq!(
            both(|l| row_level(l, &ShownLevel::Withheld)).0,
            "not shown: the answers look like guessing"
        );
    }

    #[test]
    fn every_failure_is_worded_in_both_languages() {
        let errors = [
            BrowserError::StorageBlocked,
            BrowserError::SaveRefused,
            BrowserError::DownloadRefused,
            BrowserError::Fetch {
                path: "profiles/x.json".into(),
                failure: FetchFailure::Status {
                    code: 404,
                    text: "Not Found".into(),
                },
            },
            BrowserError::File(FileFailure::TooLarge),
        ];
        for error in &errors {
            let (en, de) = both(|l| browser_error(l, error));
            assert!(!en.is_empty() && en != de, "{en} / {de}");
        }
        let (en, de) = both(|l| browser_error(l, &errors[3]));
        assert_eq!(
            en,
            "could not download `profiles/x.json`: the server answered 404 Not Found"
        );
        assert_eq!(
            de,
            "`profiles/x.json` konnte nicht geladen werden: Der Server antwortete 404 Not Found"
        );
        let progress = ProgressError::FromTheFuture(9);
        let (en, de) = both(|l| import_error(l, &ImportError::Unreadable(progress.clone())));
        assert!(en.starts_with("the progress in the file cannot be used: it was saved by a newer"));
        assert!(de.starts_with("Der Fortschritt in der Datei ist nicht verwendbar: Er wurde"));
        let (en, de) = both(|l| share_error(l, &ShareError::Damaged(Damage::CutOff)));
        assert_eq!(
            en,
            "the link is damaged: it is cut off. Ask for the link again, copied whole"
        );
        assert!(
            de.starts_with("Der Link ist beschädigt: Er ist abgeschnitten."),
            "{de}"
        );
        // The English wording is the same as the errors' own (for logs).
        assert_eq!(en, ShareError::Damaged(Damage::CutOff).to_string());
        let misfit = ImportError::DoesNotFit(vec![SetAside {
            id: "py-q1".into(),
            why: Misfit::OptionsChanged,
        }]);
        let (en, de) = both(|l| import_error(l, &misfit));
        assert_eq!(
            en,
            "1 answer in the file does not fit this role\u{2019}s questions (the options of `py-q1` changed after it was answered)"
        );
        assert!(
            de.contains("(Die Optionen von `py-q1` haben sich geändert"),
            "{de}"
        );
        let (en, de) = both(|l| share_error(l, &ShareError::UnknownVersion(7)));
        assert!(
            en.contains("format 7") && de.contains("Format 7"),
            "{en} / {de}"
        );
    }
}

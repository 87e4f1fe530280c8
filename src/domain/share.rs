//! "Share my results" without a server: the results summary (role, readiness, per area the
//! level asked, the level shown with its uncertainty, the gap) packed into a URL fragment.
//! Individual answers are never part of it, and a fragment never leaves the browser.
//!
//! Format, version 2: bytes, then base64url without padding.
//! `[2][profile id: len, bytes][readiness %, low %, high % or 255][area count]`, per area
//! `[id: len, bytes][required ×10][level ×10 or 255][standard error ×10][answers][gap ×10 or 255]
//! [verdict: 0 meets, 1 below, 2 not clear][gap ×10 when below, questions to settle it or 255
//! when not clear, else 0]`, then one check byte. Version 1 (no range, no
//! verdicts) is still read, so links shared before keep opening. Decoding checks every field and the check byte, so a damaged or
//! hand-made fragment is refused with a sentence, never a panic.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::measure::Verdict;
use super::profile::MAX_LEVEL;
use super::scoring::Assessment;
use super::validate::is_slug;

pub const SHARE_VERSION: u8 = 2;
const NONE: u8 = 255;
const MAX_AREAS: usize = 32;
/// Longer fragments are refused before decoding: a real summary is a few hundred characters.
const MAX_FRAGMENT: usize = 4096;

/// What a shared link shows.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedSummary {
    pub profile_id: String,
    /// Percent; `None` before any area had enough answers.
    pub readiness: Option<u8>,
    /// The readiness range in percent; `None` in links of format 1.
    pub readiness_range: Option<(u8, u8)>,
    pub areas: Vec<SharedArea>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SharedArea {
    pub area_id: String,
    /// Levels in tenths, 0-40.
    pub required: u8,
    /// `None` when the area had too few answers to claim a level.
    pub level: Option<u8>,
    pub se: u8,
    pub answers: u8,
    pub gap: Option<u8>,
    /// The verdict as the link carries it (a gap in tenths); `None` in links of format 1.
    pub verdict: Option<Verdict>,
}

/// `verdict` as a link carries it: the gap to a tenth, the count of questions below 255.
fn carried(verdict: &Verdict) -> Verdict {
    match *verdict {
        Verdict::Below { gap } => Verdict::Below {
            gap: f64::from(tenths(gap)) / 10.0,
        },
        Verdict::NotClear { more } => Verdict::NotClear {
            more: more.map(|n| n.min(254)),
        },
        Verdict::Meets => Verdict::Meets,
    }
}

fn tenths(x: f64) -> u8 {
    (x * 10.0).round().clamp(0.0, f64::from(MAX_LEVEL) * 10.0) as u8
}

impl SharedSummary {
    /// The summary of `assessment` for the profile `profile_id`.
    pub fn from_assessment(profile_id: &str, assessment: &Assessment) -> SharedSummary {
        SharedSummary {
            profile_id: profile_id.to_owned(),
            readiness: assessment.readiness.map(|r| percent(r.mean)),
            readiness_range: assessment
                .readiness
                .map(|r| (percent(r.low), percent(r.high))),
            areas: assessment
                .areas
                .iter()
                .map(|a| SharedArea {
                    area_id: a.area_id.clone(),
                    required: tenths(a.required),
                    level: a.shown().map(|k| tenths(k.level)),
                    se: tenths(a.knowledge.se),
                    answers: a.answered.min(254) as u8,
                    gap: a.gap.map(tenths),
                    verdict: Some(carried(&a.verdict)),
                })
                .collect(),
        }
    }

    /// The URL fragment (without `#`).
    pub fn encode(&self) -> String {
        let mut bytes = vec![SHARE_VERSION];
        push_id(&mut bytes, &self.profile_id);
        match (self.readiness, self.readiness_range) {
            (Some(r), Some((low, high))) => bytes.extend([r, low, high]),
            (Some(r), None) => bytes.extend([r, r, r]),
            (None, _) => bytes.push(NONE),
        }
        bytes.push(self.areas.len() as u8);
        for a in &self.areas {
            push_id(&mut bytes, &a.area_id);
            bytes.extend([
                a.required,
                a.level.unwrap_or(NONE),
                a.se,
                a.answers,
                a.gap.unwrap_or(NONE),
            ]);
            bytes.extend(match a.verdict {
                Some(Verdict::Meets) => [0, 0],
                Some(Verdict::Below { gap }) => [1, tenths(gap)],
                Some(Verdict::NotClear { more }) => [2, more.map_or(NONE, |n| n.min(254) as u8)],
                None => [2, NONE],
            });
        }
        bytes.push(check_byte(&bytes));
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// Reads a fragment (with or without the leading `#`).
    pub fn decode(fragment: &str) -> Result<SharedSummary, ShareError> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if fragment.is_empty() {
            return Err(ShareError::Empty);
        }
        if fragment.len() > MAX_FRAGMENT {
            return Err(ShareError::Damaged(Damage::TooLong));
        }
        let bytes = URL_SAFE_NO_PAD
            .decode(fragment)
            .map_err(|_| ShareError::Damaged(Damage::StrangeCharacters))?;
        let (&check, body) = bytes
            .split_last()
            .ok_or(ShareError::Damaged(Damage::Empty))?;
        let mut r = Reader { bytes: body, at: 0 };
        let version = r.byte()?;
        if version != SHARE_VERSION && version != 1 {
            return Err(ShareError::UnknownVersion(version));
        }
        if check != check_byte(body) {
            return Err(ShareError::Damaged(Damage::Changed));
        }
        let profile_id = r.id()?;
        let readiness = r.optional(100)?;
        let readiness_range = match (version, readiness) {
            (1, _) | (_, None) => None,
            _ => {
                let (low, high) = (r.percent()?, r.percent()?);
                if low > high {
                    return Err(ShareError::Damaged(Damage::RangeUpsideDown));
                }
                Some((low, high))
            }
        };
        let count = usize::from(r.byte()?);
        if count > MAX_AREAS {
            return Err(ShareError::Damaged(Damage::TooManyAreas));
        }
        let mut areas = Vec::with_capacity(count);
        for _ in 0..count {
            areas.push(SharedArea {
                area_id: r.id()?,
                required: r.tenths()?,
                level: r.optional(40)?,
                se: r.tenths()?,
                answers: r.byte()?,
                gap: r.optional(40)?,
                verdict: match version {
                    1 => None,
                    _ => Some(match (r.byte()?, r.byte()?) {
                        (0, 0) => Verdict::Meets,
                        (1, gap) if gap <= 40 => Verdict::Below {
                            gap: f64::from(gap) / 10.0,
                        },
                        (2, NONE) => Verdict::NotClear { more: None },
                        (2, more) => Verdict::NotClear {
                            more: Some(usize::from(more)),
                        },
                        _ => return Err(ShareError::Damaged(Damage::UnknownVerdict)),
                    }),
                },
            });
        }
        if r.at != body.len() {
            return Err(ShareError::Damaged(Damage::TrailingData));
        }
        Ok(SharedSummary {
            profile_id,
            readiness,
            readiness_range,
            areas,
        })
    }
}

/// Why a shared link could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ShareError {
    Empty,
    UnknownVersion(u8),
    Damaged(Damage),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => write!(f, "the link carries no results: the part after \u{201c}#\u{201d} is missing"),
            ShareError::UnknownVersion(v) => write!(
                f,
                "the link was made by another version of Fitcheck (format {v}; this version reads format {SHARE_VERSION})"
            ),
            ShareError::Damaged(why) => write!(f, "the link is damaged: {why}. Ask for the link again, copied whole"),
        }
    }
}

impl std::error::Error for ShareError {}

/// What is wrong with a damaged link.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Damage {
    TooLong,
    StrangeCharacters,
    Empty,
    Changed,
    RangeUpsideDown,
    TooManyAreas,
    UnknownVerdict,
    TrailingData,
    CutOff,
    GarbledName,
    LevelOutOfRange,
    FigureOutOfRange,
}

/// In English, for logs and messages outside the interface (which words it in its language).
impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Damage::TooLong => "it is far too long",
            Damage::StrangeCharacters => "it contains characters a results link never has",
            Damage::Empty => "it is empty",
            Damage::Changed => "part of it was changed or cut off",
            Damage::RangeUpsideDown => "its readiness range is upside down",
            Damage::TooManyAreas => "it lists too many areas",
            Damage::UnknownVerdict => "a verdict in it is unknown",
            Damage::TrailingData => "it has data after the summary",
            Damage::CutOff => "it is cut off",
            Damage::GarbledName => "a name in it is garbled",
            Damage::LevelOutOfRange => "a level in it is out of range",
            Damage::FigureOutOfRange => "a figure in it is out of range",
        })
    }
}

fn percent(x: f64) -> u8 {
    x.round().clamp(0.0, 100.0) as u8
}

fn push_id(bytes: &mut Vec<u8>, id: &str) {
    bytes.push(id.len().min(255) as u8);
    bytes.extend(id.bytes().take(255));
}

/// CRC-8 (polynomial 0x07): catches every change of up to 8 neighbouring bits, so any one
/// changed character of the fragment (6 bits) is noticed.
fn check_byte(bytes: &[u8]) -> u8 {
    bytes.iter().fold(0u8, |mut crc, &b| {
        crc ^= b;
        for _ in 0..8 {
            crc = if crc & 0x80 != 0 {
                (crc << 1) ^ 0x07
            } else {
                crc << 1
            };
        }
        crc
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, ShareError> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or(ShareError::Damaged(Damage::CutOff))?;
        self.at += 1;
        Ok(b)
    }

    fn id(&mut self) -> Result<String, ShareError> {
        let len = usize::from(self.byte()?);
        let end = self.at + len;
        let raw = self
            .bytes
            .get(self.at..end)
            .ok_or(ShareError::Damaged(Damage::CutOff))?;
        self.at = end;
        let id = std::str::from_utf8(raw).map_err(|_| ShareError::Damaged(Damage::GarbledName))?;
        if !is_slug(id) {
            return Err(ShareError::Damaged(Damage::GarbledName));
        }
        Ok(id.to_owned())
    }

    fn tenths(&mut self) -> Result<u8, ShareError> {
        match self.byte()? {
            b if b <= 40 => Ok(b),
            _ => Err(ShareError::Damaged(Damage::LevelOutOfRange)),
        }
    }

    fn percent(&mut self) -> Result<u8, ShareError> {
        match self.byte()? {
            b if b <= 100 => Ok(b),
            _ => Err(ShareError::Damaged(Damage::FigureOutOfRange)),
        }
    }

    fn optional(&mut self, max: u8) -> Result<Option<u8>, ShareError> {
        match self.byte()? {
            NONE => Ok(None),
            b if b <= max => Ok(Some(b)),
            _ => Err(ShareError::Damaged(Damage::FigureOutOfRange)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::{Answer, Answers};
    use crate::domain::scoring::assess;
    use crate::domain::testing::sample_profile;
    use proptest::prelude::*;

    fn summary() -> SharedSummary {
        let profile = sample_profile();
        let mut answers = Answers::new();
        for q in &profile.questions {
            answers.insert(
                q.id.clone(),
                Answer::Choice {
                    selected: q.correct_options(),
                },
            );
        }
        answers.insert("py-q2".into(), Answer::Skipped);
        SharedSummary::from_assessment(&profile.id, &assess(&profile, &answers, 7))
    }

    #[test]
    fn a_summary_survives_the_link() {
        let s = summary();
        let fragment = s.encode();
        assert!(fragment.len() < 120, "{fragment}");
        assert_eq!(SharedSummary::decode(&fragment), Ok(s.clone()));
        assert_eq!(SharedSummary::decode(&format!("#{fragment}")), Ok(s));
    }

    #[test]
    fn damaged_and_foreign_links_are_refused_with_a_reason() {
        let fragment = summary().encode();
        assert_eq!(SharedSummary::decode(""), Err(ShareError::Empty));
        assert!(matches!(
            SharedSummary::decode("not base64!"),
            Err(ShareError::Damaged(_))
        ));
        assert!(matches!(
            SharedSummary::decode(&fragment[..fragment.len() - 3]),
            Err(ShareError::Damaged(_))
        ));
        // One changed character anywhere is noticed.
        for i in 0..fragment.len() {
            let mut bytes = fragment.clone().into_bytes();
            bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
            let changed = String::from_utf8(bytes).unwrap();
            assert!(
                SharedSummary::decode(&changed).is_err(),
                "change at {i} went unnoticed"
            );
        }
        let mut future = URL_SAFE_NO_PAD.decode(&fragment).unwrap();
        future[0] = 3;
        assert_eq!(
            SharedSummary::decode(&URL_SAFE_NO_PAD.encode(future)),
            Err(ShareError::UnknownVersion(3))
        );
    }

    #[test]
    fn an_upside_down_readiness_range_is_refused() {
        let s = summary();
        let (low, high) = s.readiness_range.expect("a range");
        let mut bytes = URL_SAFE_NO_PAD.decode(s.encode()).unwrap();
        // After the version, the id (length, bytes) and the readiness come low and high.
        let at = 2 + s.profile_id.len() + 1;
        assert_eq!((bytes[at], bytes[at + 1]), (low, high));
        bytes[at] = 90;
        bytes[at + 1] = 10;
        let last = bytes.len() - 1;
        bytes[last] = check_byte(&bytes[..last]);
        assert_eq!(
            SharedSummary::decode(&URL_SAFE_NO_PAD.encode(bytes)),
            Err(ShareError::Damaged(Damage::RangeUpsideDown))
        );
    }

    #[test]
    fn a_link_of_format_1_still_opens_without_verdicts() {
        // Format 1: id "sample", readiness 80, one area "python" required 2.0, level 2.5,
        // se 0.3, 4 answers, gap 0.
        let mut bytes = vec![1, 6];
        bytes.extend(b"sample");
        bytes.extend([80, 1, 6]);
        bytes.extend(b"python");
        bytes.extend([20, 25, 3, 4, 0]);
        bytes.push(check_byte(&bytes));
        let old = SharedSummary::decode(&URL_SAFE_NO_PAD.encode(bytes)).expect("format 1 reads");
        assert_eq!(old.readiness, Some(80));
        assert_eq!(old.readiness_range, None);
        assert_eq!(old.areas[0].verdict, None);
        assert_eq!(old.areas[0].level, Some(25));
    }

    #[test]
    fn the_link_carries_each_areas_verdict_and_the_readiness_range() {
        let s = summary();
        assert!(s.areas.iter().all(|a| a.verdict.is_some()));
        let (low, high) = s.readiness_range.expect("a range");
        assert!(low <= s.readiness.unwrap() && s.readiness.unwrap() <= high);
    }

    proptest! {
        #[test]
        fn any_fragment_decodes_or_is_refused_without_panicking(s in ".{0,300}") {
            let _ = SharedSummary::decode(&s);
        }

        #[test]
        fn any_bytes_decode_or_are_refused_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = SharedSummary::decode(&URL_SAFE_NO_PAD.encode(bytes));
        }
    }
}

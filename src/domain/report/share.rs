//! "Share my results" without a server: the results summary (role, readiness, per area the
//! level asked, the level shown with its uncertainty, the gap) packed into a URL fragment.
//! Individual answers are never part of it, and a fragment never leaves the browser.
//!
//! The candidate's evidence links go with it as far as [`MAX_FRAGMENT`] allows
//! ([`SharedSummary::with_evidence`]); the same summary, without links, is what the attempt
//! history keeps of each finished check (`domain::history`).
//!
//! Format, version 3: bytes, then base64url without padding.
//! `[3][profile id: len, bytes][readiness %, low %, high % or 255][area count]`, per area
//! `[id: len, bytes][required ×10][level ×10 or 255][standard error ×10][answers][gap ×10 or 255]
//! [verdict: 0 meets, 1 below, 2 not clear][gap ×10 when below, questions to settle it or 255
//! when not clear, else 0]`, then `[link count]` and per link `[requirement id: len, bytes]
//! [address: len (2 bytes, big-endian), bytes][note: len (2 bytes), bytes]`, then one check byte.
//! Versions 1 (no range, no verdicts) and 2 (no links) are still read, so links shared before
//! keep opening. Decoding checks every field (each address as `domain::evidence` checks a typed
//! one) and the check byte, so a damaged or hand-made fragment is refused with a sentence, never
//! a panic.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::domain::candidate::evidence::Evidence;
use crate::domain::measure::verdict::Verdict;
use crate::domain::profile::validate::is_slug;
use crate::domain::profile::MAX_LEVEL;
use crate::domain::report::scoring::Assessment;

pub const SHARE_VERSION: u8 = 3;
const NONE: u8 = 255;
const MAX_AREAS: usize = 32;
/// The longest fragment, in characters: a summary is a few hundred, and evidence links fill it
/// up to this, which keeps a whole link (address and fragment) within what chat apps, mail
/// clients and browsers pass on whole. Longer fragments are refused before decoding.
pub const MAX_FRAGMENT: usize = 4096;

/// What a shared link shows. Kept in the attempt history as JSON, too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedSummary {
    pub profile_id: String,
    /// Percent; `None` before any area had enough answers.
    pub readiness: Option<u8>,
    /// The readiness range in percent; `None` in links of format 1.
    pub readiness_range: Option<(u8, u8)>,
    pub areas: Vec<SharedArea>,
    /// Evidence links, each with the requirement it shows; none in links before format 3 and
    /// in the attempt history.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<SharedEvidence>,
}

/// One evidence link as a share link carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedEvidence {
    pub requirement_id: String,
    pub link: Evidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
            evidence: Vec::new(),
        }
    }

    /// The summary with as many of `links` (in the order given) as fit within
    /// [`MAX_FRAGMENT`], and how many did not fit.
    pub fn with_evidence<'a>(
        mut self,
        links: impl IntoIterator<Item = (&'a str, &'a Evidence)>,
    ) -> (SharedSummary, usize) {
        // Base64 turns every 3 bytes into 4 characters.
        let budget = MAX_FRAGMENT / 4 * 3;
        let mut size = self.encoded_bytes().len() + 1;
        let mut left_out = 0;
        for (requirement_id, link) in links {
            let item = SharedEvidence {
                requirement_id: requirement_id.to_owned(),
                link: link.clone(),
            };
            let grows = evidence_bytes(&item).len();
            if self.evidence.len() < usize::from(u8::MAX) && size + grows <= budget {
                size += grows;
                self.evidence.push(item);
            } else {
                left_out += 1;
            }
        }
        (self, left_out)
    }

    /// Whether every figure is in its range and every name and link is well formed: what
    /// [`SharedSummary::decode`] checks of a link, for a summary read from storage.
    pub fn is_sound(&self) -> bool {
        let level = |t: u8| t <= 40;
        let readiness_ok = match (self.readiness, self.readiness_range) {
            (None, None) => true,
            (Some(r), None) => r <= 100,
            (Some(r), Some((low, high))) => r <= 100 && low <= high && high <= 100,
            (None, Some(_)) => false,
        };
        let verdict_ok = |v: &Option<Verdict>| match *v {
            Some(Verdict::Below { gap }) => (0.0..=4.0).contains(&gap),
            Some(Verdict::NotClear { more }) => more.is_none_or(|n| n < usize::from(NONE)),
            Some(Verdict::Meets) | None => true,
        };
        readiness_ok
            && is_slug(&self.profile_id)
            && self.areas.len() <= MAX_AREAS
            && self.areas.iter().all(|a| {
                is_slug(&a.area_id)
                    && level(a.required)
                    && a.level.is_none_or(level)
                    && level(a.se)
                    && a.answers < NONE
                    && a.gap.is_none_or(level)
                    && verdict_ok(&a.verdict)
            })
            && self
                .evidence
                .iter()
                .all(|e| is_slug(&e.requirement_id) && e.link.is_sound())
    }

    /// The URL fragment (without `#`).
    pub fn encode(&self) -> String {
        let mut bytes = self.encoded_bytes();
        bytes.push(check_byte(&bytes));
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// The fragment's bytes before the check byte.
    fn encoded_bytes(&self) -> Vec<u8> {
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
        bytes.push(self.evidence.len().min(255) as u8);
        for item in self.evidence.iter().take(255) {
            bytes.extend(evidence_bytes(item));
        }
        bytes
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
        if !(1..=SHARE_VERSION).contains(&version) {
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
        let mut evidence = Vec::new();
        if version >= 3 {
            for _ in 0..r.byte()? {
                let requirement_id = r.id()?;
                let (url, note) = (r.text()?, r.text()?);
                let link = Evidence { url, note };
                if !link.is_sound() {
                    return Err(ShareError::Damaged(Damage::BadLink));
                }
                evidence.push(SharedEvidence {
                    requirement_id,
                    link,
                });
            }
        }
        if r.at != body.len() {
            return Err(ShareError::Damaged(Damage::TrailingData));
        }
        Ok(SharedSummary {
            profile_id,
            readiness,
            readiness_range,
            areas,
            evidence,
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
    BadLink,
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
            Damage::BadLink => "a link in it is not a valid https address",
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

/// A text of up to 65,535 bytes: its length in two bytes, then the bytes.
fn push_text(bytes: &mut Vec<u8>, text: &str) {
    let len = text.len().min(usize::from(u16::MAX));
    bytes.extend((len as u16).to_be_bytes());
    bytes.extend(&text.as_bytes()[..len]);
}

fn evidence_bytes(item: &SharedEvidence) -> Vec<u8> {
    let mut bytes = Vec::new();
    push_id(&mut bytes, &item.requirement_id);
    push_text(&mut bytes, &item.link.url);
    push_text(&mut bytes, &item.link.note);
    bytes
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

    /// The next `len` bytes.
    fn take(&mut self, len: usize) -> Result<&[u8], ShareError> {
        let end = self.at + len;
        let raw = self
            .bytes
            .get(self.at..end)
            .ok_or(ShareError::Damaged(Damage::CutOff))?;
        self.at = end;
        Ok(raw)
    }

    fn id(&mut self) -> Result<String, ShareError> {
        let len = usize::from(self.byte()?);
        let raw = self.take(len)?;
        let id = std::str::from_utf8(raw).map_err(|_| ShareError::Damaged(Damage::GarbledName))?;
        if !is_slug(id) {
            return Err(ShareError::Damaged(Damage::GarbledName));
        }
        Ok(id.to_owned())
    }

    fn text(&mut self) -> Result<String, ShareError> {
        let len = usize::from(u16::from_be_bytes([self.byte()?, self.byte()?]));
        let raw = self.take(len)?;
        String::from_utf8(raw.to_vec()).map_err(|_| ShareError::Damaged(Damage::BadLink))
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
    use crate::domain::candidate::answer::{Answer, Answers};
    use crate::domain::report::scoring::assess;
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
        future[0] = 4;
        assert_eq!(
            SharedSummary::decode(&URL_SAFE_NO_PAD.encode(future)),
            Err(ShareError::UnknownVersion(4))
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

    fn link(n: usize, path_chars: usize) -> Evidence {
        let path = "p".repeat(path_chars);
        Evidence::new(
            &format!("https://github.com/jane/{n}/{path}"),
            &format!("Pull request {n}: a FastAPI endpoint with tests, reviewed and merged"),
        )
        .unwrap()
    }

    #[test]
    fn evidence_links_travel_with_the_summary() {
        let links = [link(1, 0), link(2, 10)];
        let (s, left_out) =
            summary().with_evidence([("python-programming", &links[0]), ("apis", &links[1])]);
        assert_eq!(left_out, 0);
        let back = SharedSummary::decode(&s.encode()).expect("reads back");
        assert_eq!(back, s);
        assert_eq!(back.evidence.len(), 2);
        assert_eq!(back.evidence[1].requirement_id, "apis");
        assert_eq!(back.evidence[1].link, links[1]);
    }

    #[test]
    fn the_most_evidence_a_profile_can_hold_stays_within_the_limit_and_round_trips() {
        use crate::domain::candidate::evidence::{
            MAX_NOTE_CHARS, MAX_PER_REQUIREMENT, MAX_URL_CHARS,
        };
        // 22 requirements (the default profile's count) with three of the longest links each,
        // notes of the longest in two-byte letters.
        let note = "ä".repeat(MAX_NOTE_CHARS);
        let longest: Vec<(String, Evidence)> = (0..22 * MAX_PER_REQUIREMENT)
            .map(|n| {
                let start = format!("https://example.com/{n:02}/");
                let url = format!("{start}{}", "x".repeat(MAX_URL_CHARS - start.len()));
                (
                    format!("requirement-{}", n / 3),
                    Evidence::new(&url, &note).unwrap(),
                )
            })
            .collect();
        let (s, left_out) = summary().with_evidence(longest.iter().map(|(id, e)| (id.as_str(), e)));
        let fragment = s.encode();
        assert!(fragment.len() <= MAX_FRAGMENT, "{}", fragment.len());
        assert!(!s.evidence.is_empty() && left_out > 0);
        assert_eq!(s.evidence.len() + left_out, longest.len());
        // Kept in the order given: the first links, not a scattering.
        assert_eq!(s.evidence[0].link, longest[0].1);
        assert_eq!(SharedSummary::decode(&fragment), Ok(s.clone()));
        // One more link of the kept ones' size would not have fitted.
        let one_more = s.evidence.len() + 1;
        let (bigger, _) = summary().with_evidence(
            longest
                .iter()
                .take(one_more)
                .map(|(id, e)| (id.as_str(), e)),
        );
        assert_eq!(bigger.evidence.len(), s.evidence.len());
    }

    #[test]
    fn a_link_that_is_not_https_is_refused_in_a_fragment() {
        let (mut s, _) = summary().with_evidence([("apis", &link(1, 0))]);
        s.evidence[0].link.url = "javascript:alert(1)".into();
        assert_eq!(
            SharedSummary::decode(&s.encode()),
            Err(ShareError::Damaged(Damage::BadLink))
        );
        assert!(!s.is_sound());
    }

    #[test]
    fn a_link_of_format_2_still_opens_without_evidence() {
        // Format 2 is format 3 without the link count.
        let s = summary();
        let mut bytes = s.encoded_bytes();
        assert_eq!(bytes.pop(), Some(0), "no links");
        bytes[0] = 2;
        bytes.push(check_byte(&bytes));
        let old = SharedSummary::decode(&URL_SAFE_NO_PAD.encode(bytes)).expect("format 2 reads");
        assert_eq!(old, s);
    }

    #[test]
    fn a_summary_is_sound_only_with_its_figures_in_range() {
        let s = summary();
        assert!(s.is_sound());
        let broken: [fn(&mut SharedSummary); 6] = [
            |s| s.readiness = Some(101),
            |s| s.readiness_range = Some((60, 40)),
            |s| s.areas[0].level = Some(41),
            |s| s.areas[0].area_id = "Not a slug".into(),
            |s| s.areas[0].verdict = Some(Verdict::Below { gap: 9.0 }),
            |s| s.profile_id = String::new(),
        ];
        for (n, breaks) in broken.iter().enumerate() {
            let mut s = s.clone();
            breaks(&mut s);
            assert!(!s.is_sound(), "case {n}");
        }
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

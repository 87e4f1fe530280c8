//! Evidence: links a candidate adds to a requirement to show their work (a repository, a pull
//! request, a certificate), each with a short note. They are the candidate's own words and
//! addresses, so every one is checked here before it is kept, shown as a link or put into a
//! share link: a web address over `https`, with a host, of a bounded length.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The most links one requirement takes.
pub const MAX_PER_REQUIREMENT: usize = 3;
/// The longest address kept, in characters: real repository, pull-request and certificate
/// addresses are well below it, and it bounds what a share link carries.
pub const MAX_URL_CHARS: usize = 300;
/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 140;

/// One link with its note, as checked by [`Evidence::new`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub url: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Why a link was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceError {
    /// No address was given.
    Empty,
    /// It does not start with a scheme at all (`github.com/…`).
    NoScheme,
    /// Another scheme than `https` (`http:`, `javascript:`, `ftp:` …).
    NotHttps,
    /// Spaces, quotes, angle brackets or other characters a web address never has.
    StrangeCharacters,
    /// A user name or password before the host (`https://user@host`).
    HasLogin,
    /// No host, or one that is not a domain name (`https://localhost`, `https://exa mple`).
    BadHost,
    UrlTooLong,
    NoteTooLong,
    /// The requirement has [`MAX_PER_REQUIREMENT`] links already.
    Full,
    /// The requirement has this address already.
    AlreadyThere,
    /// The profile has no such requirement.
    UnknownRequirement,
}

/// In English, for logs and tests (the interface words it in its language).
impl fmt::Display for EvidenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EvidenceError::Empty => "no address was given",
            EvidenceError::NoScheme => "the address must start with https://",
            EvidenceError::NotHttps => "only https:// addresses are taken",
            EvidenceError::StrangeCharacters => {
                "the address has spaces or characters a web address never has"
            }
            EvidenceError::HasLogin => "the address has a user name or password in it",
            EvidenceError::BadHost => "the address has no valid host name",
            EvidenceError::UrlTooLong => "the address is too long",
            EvidenceError::NoteTooLong => "the note is too long",
            EvidenceError::Full => "this requirement has three links already",
            EvidenceError::AlreadyThere => "this requirement has that address already",
            EvidenceError::UnknownRequirement => "the role has no such requirement",
        })
    }
}

impl std::error::Error for EvidenceError {}

impl Evidence {
    /// A link as typed or pasted: the address trimmed, its scheme and host in lower case; the
    /// note with runs of white space (and control characters) made one space.
    pub fn new(url: &str, note: &str) -> Result<Evidence, EvidenceError> {
        let url = web_address(url.trim())?;
        let note = one_line(note);
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(EvidenceError::NoteTooLong);
        }
        Ok(Evidence { url, note })
    }

    /// Whether a link read from storage, a file or a share link is one [`Evidence::new`] would
    /// have made.
    pub fn is_sound(&self) -> bool {
        Evidence::new(&self.url, &self.note).as_ref() == Ok(self)
    }

    /// The host, for showing a link compactly (`github.com`).
    pub fn host(&self) -> &str {
        let rest = &self.url["https://".len()..];
        let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
        &rest[..end]
    }
}

/// Characters no web address has unencoded: the WHATWG URL standard percent-encodes them or
/// refuses them, and a browser's address bar never copies them raw.
const NEVER_IN_ADDRESS: &[char] = &['"', '<', '>', '`', '{', '}', '|', '\\', '^'];

/// `text` checked as an `https` address, its scheme and host lowered.
fn web_address(text: &str) -> Result<String, EvidenceError> {
    if text.is_empty() {
        return Err(EvidenceError::Empty);
    }
    if text.chars().count() > MAX_URL_CHARS {
        return Err(EvidenceError::UrlTooLong);
    }
    if text
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || NEVER_IN_ADDRESS.contains(&c))
    {
        return Err(EvidenceError::StrangeCharacters);
    }
    let Some((scheme, rest)) = text.split_once(':') else {
        return Err(EvidenceError::NoScheme);
    };
    let is_scheme = !scheme.is_empty()
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    // `github.com/x` has no scheme; `github.com:443/x` reads as one called `github.com`.
    if !is_scheme || scheme.contains('.') {
        return Err(EvidenceError::NoScheme);
    }
    if !scheme.eq_ignore_ascii_case("https") {
        return Err(EvidenceError::NotHttps);
    }
    let Some(rest) = rest.strip_prefix("//") else {
        return Err(EvidenceError::BadHost);
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if authority.contains('@') {
        return Err(EvidenceError::HasLogin);
    }
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    if !is_domain_name(host) || port.is_some_and(|p| !is_port(p)) {
        return Err(EvidenceError::BadHost);
    }
    let port = port.map_or_else(String::new, |p| format!(":{p}"));
    Ok(format!("https://{}{port}{tail}", host.to_ascii_lowercase()))
}

/// A public domain name: dot-separated labels of ASCII letters, digits and inner hyphens, with
/// an alphabetic top-level label (no bare `localhost`, no IP address).
fn is_domain_name(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.len())
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    host.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(label_ok)
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

fn is_port(port: &str) -> bool {
    !port.is_empty()
        && port.len() <= 5
        && port.chars().all(|c| c.is_ascii_digit())
        && port.parse::<u32>().is_ok_and(|p| p <= 65535)
}

fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Adds `evidence` to `list` (one requirement's links), unless it is full or has the address.
pub fn add_to(list: &mut Vec<Evidence>, evidence: Evidence) -> Result<(), EvidenceError> {
    if list.iter().any(|e| e.url == evidence.url) {
        return Err(EvidenceError::AlreadyThere);
    }
    if list.len() >= MAX_PER_REQUIREMENT {
        return Err(EvidenceError::Full);
    }
    list.push(evidence);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_addresses_are_taken_and_tidied() {
        let e = Evidence::new(
            "  HTTPS://GitHub.com/jane/churn-model/pull/12?tab=files#diff ",
            "  my   PR\n adding  a FastAPI endpoint ",
        )
        .unwrap();
        assert_eq!(
            e.url,
            "https://github.com/jane/churn-model/pull/12?tab=files#diff"
        );
        assert_eq!(e.note, "my PR adding a FastAPI endpoint");
        assert_eq!(e.host(), "github.com");
        assert!(e.is_sound());
        let with_port = Evidence::new("https://ci.example.org:8443/build/7", "").unwrap();
        assert_eq!(with_port.host(), "ci.example.org");
        assert_eq!(with_port.note, "");
        // Non-ASCII in the path is what a browser shows; it stays.
        assert!(Evidence::new("https://de.wikipedia.org/wiki/Überanpassung", "").is_ok());
    }

    #[test]
    fn every_wrong_address_says_why() {
        let cases = [
            ("", EvidenceError::Empty),
            ("   ", EvidenceError::Empty),
            ("github.com/jane", EvidenceError::NoScheme),
            ("www.example.com:443/x", EvidenceError::NoScheme),
            ("http://example.com", EvidenceError::NotHttps),
            ("javascript:alert(1)", EvidenceError::NotHttps),
            (
                "JavaScript://example.com/%0aalert(1)",
                EvidenceError::NotHttps,
            ),
            ("data:text/html,hi", EvidenceError::NotHttps),
            ("https://exa mple.com", EvidenceError::StrangeCharacters),
            (
                "https://example.com/\"onmouseover=x",
                EvidenceError::StrangeCharacters,
            ),
            (
                "https://example.com/<script>",
                EvidenceError::StrangeCharacters,
            ),
            ("https://jane:secret@example.com/", EvidenceError::HasLogin),
            ("https://example.com@evil.com/", EvidenceError::HasLogin),
            ("https:example.com", EvidenceError::BadHost),
            ("https://", EvidenceError::BadHost),
            ("https://localhost/x", EvidenceError::BadHost),
            ("https://127.0.0.1/x", EvidenceError::BadHost),
            ("https://-bad-.com/", EvidenceError::BadHost),
            ("https://example.com:99999/", EvidenceError::BadHost),
            ("https://example.com:/", EvidenceError::BadHost),
            ("https://ex_ample.com/", EvidenceError::BadHost),
        ];
        for (input, expected) in cases {
            assert_eq!(Evidence::new(input, ""), Err(expected), "{input:?}");
        }
        let long = format!("https://example.com/{}", "a".repeat(MAX_URL_CHARS));
        assert_eq!(Evidence::new(&long, ""), Err(EvidenceError::UrlTooLong));
        let note = "x".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(
            Evidence::new("https://example.com", &note),
            Err(EvidenceError::NoteTooLong)
        );
        assert!(Evidence::new("https://example.com", &note[1..]).is_ok());
    }

    #[test]
    fn a_requirement_takes_three_different_links() {
        let mut list = Vec::new();
        for n in 0..MAX_PER_REQUIREMENT {
            let e = Evidence::new(&format!("https://example.com/{n}"), "").unwrap();
            add_to(&mut list, e).unwrap();
        }
        let again = Evidence::new("https://example.com/0", "other note").unwrap();
        assert_eq!(add_to(&mut list, again), Err(EvidenceError::AlreadyThere));
        let fourth = Evidence::new("https://example.com/3", "").unwrap();
        assert_eq!(add_to(&mut list, fourth), Err(EvidenceError::Full));
        assert_eq!(list.len(), MAX_PER_REQUIREMENT);
    }

    #[test]
    fn stored_links_are_checked_like_typed_ones() {
        let sound = Evidence {
            url: "https://example.com/a".into(),
            note: "fine".into(),
        };
        assert!(sound.is_sound());
        for url in [
            "javascript:alert(1)",
            "https://EXAMPLE.com/a",
            " https://example.com",
        ] {
            let e = Evidence {
                url: url.into(),
                note: String::new(),
            };
            assert!(!e.is_sound(), "{url}");
        }
        let untidy_note = Evidence {
            url: "https://example.com/a".into(),
            note: "two  spaces".into(),
        };
        assert!(!untidy_note.is_sound());
    }
}

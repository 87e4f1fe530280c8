//! The interface's wording for what the domain, the session and the browser glue report as
//! data: notices, browser failures and the outcome of file actions. One home for these
//! sentences, so that each exists once and in every language the interface speaks.

use super::{Imported, Persistence};
use crate::browser::{BrowserError, FetchFailure, FileFailure};
use crate::domain::notice::Notice;

/// A storage notice, as the candidate reads it.
pub fn notice(notice: &Notice) -> String {
    match notice {
        Notice::StorageBlocked => "This browser blocks storage for this site, so your answers \
            are kept only while this tab stays open. Allow site data (cookies and site storage) \
            for this site and reload, or use \u{201c}Save progress file\u{201d} on the start page \
            before you leave."
            .to_owned(),
        Notice::SaveRefused => "Your browser refused to save progress. Private browsing or a \
            full storage quota can cause this; answers given from now on may be lost on reload."
            .to_owned(),
        Notice::KeptAside { count } => format!(
            "{count} of your earlier answers belong to questions this role profile no longer \
             asks in the same form (the role was edited since). They are kept in this browser, \
             not deleted, and come back if those questions return."
        ),
        Notice::CameBack { count } => format!(
            "{count} answer(s) kept aside earlier came back: their questions are in this role \
             profile again."
        ),
        Notice::UnreadableBackedUp { error, backup } => format!(
            "Your saved progress could not be read: {error}. It was kept unchanged in this \
             browser's storage under the key \u{201c}{backup}\u{201d}, and a new check was started."
        ),
        Notice::UnreadableNotSaved { error } => format!(
            "Your saved progress could not be read: {error}. It was left as it is, and answers \
             given now will not be saved until storage works again."
        ),
        Notice::FromNewerBuild { error } => {
            format!("Your saved progress could not be read: {error}. It was left as it is.")
        }
    }
}

/// Why an import changed nothing when the answers it would replace could not be backed up.
pub const BACKUP_FAILED: &str =
    "your current answers could not be backed up first, so they were left as they are";

/// What an import did.
pub fn imported(done: &Imported) -> String {
    let mut text = format!("Imported {} answer(s).", done.count);
    if let Some((count, key)) = &done.previous {
        text.push_str(&format!(
            " Your previous {count} answer(s) were kept in this browser under \u{201c}{key}\u{201d}."
        ));
    }
    text
}

/// Whether the browser keeps the saved answers, and what that means for the candidate.
pub fn storage_status(available: bool, persistence: Persistence) -> &'static str {
    match (available, persistence) {
        (false, _) => {
            "Your answers are not saved in this browser: it blocks storage for this \
            site. Save a progress file before you leave."
        }
        (true, Persistence::Granted) => {
            "Your answers are saved in this browser, which has \
            promised to keep them until you delete them."
        }
        (true, Persistence::NotGranted) => {
            "Your answers are saved in this browser, which has \
            not promised to keep them: it may clear them when space runs low, and Safari clears \
            the data of sites not visited for 7 days unless Fitcheck is added to the home screen. \
            Save a progress file to be safe."
        }
        (true, Persistence::Unsupported) => {
            "Your answers are saved in this browser. It cannot \
            say whether it will keep them, so save a progress file to be safe."
        }
        (true, Persistence::Unknown) => {
            "Your answers are saved in this browser. After your \
            first answer Fitcheck asks it to keep them."
        }
    }
}

/// `clause` with its first letter in capitals, to stand as a sentence.
pub fn capitalised(clause: &str) -> String {
    let mut chars = clause.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A browser failure, as the candidate reads it (a clause: the caller may embed it).
pub fn browser_error(error: &BrowserError) -> String {
    match error {
        BrowserError::StorageBlocked => notice(&Notice::StorageBlocked),
        BrowserError::SaveRefused => notice(&Notice::SaveRefused),
        BrowserError::DownloadRefused => "your browser did not allow the download".to_owned(),
        BrowserError::Fetch { path, failure } => {
            let why = match failure {
                FetchFailure::NoWindow => "no browser window is available".to_owned(),
                FetchFailure::Network => "the network request failed".to_owned(),
                FetchFailure::NoResponse => "the browser returned no response".to_owned(),
                FetchFailure::Status { code, text } => format!("the server answered {code} {text}"),
                FetchFailure::Interrupted => "the download was interrupted".to_owned(),
                FetchFailure::NotText => "it is not a text file".to_owned(),
            };
            format!("could not download `{path}`: {why}")
        }
        BrowserError::File(failure) => match failure {
            FileFailure::NoneChosen => "no file was chosen",
            FileFailure::TooLarge => "the file is far too large to be a Fitcheck progress file",
            FileFailure::Unreadable => "the file could not be read",
            FileFailure::NotText => "the file is not a text file",
        }
        .to_owned(),
    }
}

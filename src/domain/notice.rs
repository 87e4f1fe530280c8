//! What the candidate is told about their saved progress, as data. The domain, the session and
//! the browser glue say *what* happened; the interface (`ui::text`) words it in the candidate's
//! language. Nothing here is a sentence.

use super::progress::ProgressError;

/// A message about storage, shown until the candidate dismisses it.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The browser gives the app no storage: answers live only as long as this tab.
    StorageBlocked,
    /// The browser refused a write (a full quota, private browsing): later answers may be lost.
    SaveRefused,
    /// Earlier answers to items the profile no longer has in the same form, kept aside.
    KeptAside { count: usize },
    /// Answers kept aside earlier whose items are back.
    CameBack { count: usize },
    /// Saved progress could not be read; it was copied under `backup` and a new check began.
    UnreadableBackedUp {
        error: ProgressError,
        backup: String,
    },
    /// Saved progress could not be read nor backed up; it is left as it is and nothing is saved.
    UnreadableNotSaved { error: ProgressError },
    /// Saved progress was written by a newer build; it is left as it is and nothing is saved.
    FromNewerBuild { error: ProgressError },
}

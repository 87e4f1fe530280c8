//! What the candidate is told about their saved progress, as data. The domain, the session and
//! the browser glue say *what* happened; the interface (`ui::text`) words it in the candidate's
//! language. Nothing here is a sentence.

use crate::domain::candidate::progress::error::ProgressError;
use crate::domain::candidate::progress::restore::Restored;

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

impl Restored {
    /// What the candidate is told about answers kept aside now and answers that came back.
    pub fn notices(&self) -> Vec<Notice> {
        let mut notices = Vec::new();
        if !self.set_aside.is_empty() {
            notices.push(Notice::KeptAside {
                count: self.set_aside.len(),
            });
        }
        if !self.came_back.is_empty() {
            notices.push(Notice::CameBack {
                count: self.came_back.len(),
            });
        }
        notices
    }
}

//! The candidate's session: the loaded profile and their progress, shared through context.
//!
//! Every change goes through a method here, which updates the signal and saves at once, so an
//! answer is in storage before the next frame is drawn. The progress can be read anywhere and
//! written only here.
//!
//! Two tabs of the app share one storage key. A tab follows what another tab writes as long as it
//! can read all of it; when it cannot (a newer build wrote it, it holds answers to items this
//! tab's profile lacks, or the storage was cleared), the tab is out of date: it keeps what it has
//! in memory, never saves over what it could not read, and asks to be reloaded.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::{self, BrowserError};
use crate::domain::candidate::answer::{pick_option, Answer};
use crate::domain::candidate::check::Mode;
use crate::domain::candidate::evidence::{Evidence, EvidenceError};
use crate::domain::candidate::notice::Notice;
use crate::domain::candidate::progress::error::ProgressError;
use crate::domain::candidate::progress::restore::decode_progress;
use crate::domain::candidate::progress::{backup_key, storage_key, Progress};
use crate::domain::candidate::walk::Walk;
use crate::domain::profile::Profile;
use crate::domain::report::rows::{evidence_groups, EvidenceGroup};

#[derive(Clone, Copy)]
pub struct Session {
    profile: StoredValue<Arc<Profile>>,
    /// The steps for the current mode, recomputed as answers change (a quick check picks its
    /// next question from them).
    walk: Memo<Arc<Walk>>,
    state: RwSignal<Progress>,
    /// The candidate's progress, for reading; [`Session`]'s methods are the only writers.
    pub progress: ReadSignal<Progress>,
    /// Messages about storage for the candidate, shown until dismissed, each with the number it
    /// was raised under (its view's key).
    pub notices: ReadSignal<Vec<(usize, Notice)>>,
    set_notices: WriteSignal<Vec<(usize, Notice)>>,
    /// Whether this tab saves; once it stops, it never starts again until reloaded.
    saving: RwSignal<Saving>,
    /// Whether the browser promised to keep the saved progress.
    pub persistence: ReadSignal<Persistence>,
    set_persistence: WriteSignal<Persistence>,
}

/// What an import did: how many answers it brought, and where the answers it replaced were kept
/// (how many, under which key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub count: usize,
    pub previous: Option<(usize, String)>,
}

/// What the browser said about keeping this site's storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    /// Not asked yet, or the answer is pending.
    Unknown,
    Granted,
    NotGranted,
    /// The browser has no storage manager (older browsers, pages not served over HTTPS).
    Unsupported,
}

impl Persistence {
    fn from_answer(answer: Option<bool>) -> Persistence {
        match answer {
            Some(true) => Persistence::Granted,
            Some(false) => Persistence::NotGranted,
            None => Persistence::Unsupported,
        }
    }
}

impl Session {
    /// Opens `profile` with the progress saved for it, keeping unreadable progress under a
    /// backup key rather than overwriting it. Call it under the reactive owner the session should
    /// live in: its storage listener is removed when that owner is cleaned up.
    pub fn open(profile: Profile) -> Session {
        let mut notices = Vec::new();
        if browser::storage_available().is_err() {
            notices.push(Notice::StorageBlocked);
        }
        let (progress, saving) = restore(&profile, &mut notices);
        let profile = Arc::new(profile);
        let state = RwSignal::new(progress);
        let progress = state.read_only();
        let (persistence, set_persistence) = signal(Persistence::Unknown);
        let (notices, set_notices) = signal(notices.into_iter().enumerate().collect());
        let walk = {
            let profile = profile.clone();
            Memo::new(move |_| progress.with(|p| Arc::new(Walk::of(&profile, p))))
        };
        let session = Session {
            profile: StoredValue::new(profile),
            walk,
            state,
            progress,
            notices,
            set_notices,
            saving: RwSignal::new(saving),
            persistence,
            set_persistence,
        };
        leptos::task::spawn_local(async move {
            let granted = browser::storage_persisted().await;
            set_persistence.try_set(Persistence::from_answer(granted));
        });
        session.follow_other_tabs();
        session
    }

    pub fn profile(&self) -> Arc<Profile> {
        self.profile.get_value()
    }

    /// The walk, tracked: a view that reads it follows answers and mode.
    pub fn walk(&self) -> Arc<Walk> {
        self.walk.get()
    }

    /// The walk without subscribing, for event handlers.
    pub fn walk_now(&self) -> Arc<Walk> {
        self.walk.get_untracked()
    }

    pub fn mode(&self) -> Mode {
        self.progress.with(|p| p.mode)
    }

    /// Begins a check in `mode` and returns the first item. Only an empty run changes mode.
    pub fn begin(&self, mode: Mode) -> Option<String> {
        if self
            .progress
            .with_untracked(|p| p.is_empty() && p.mode != mode)
        {
            self.change(|p| p.mode = mode);
        }
        self.walk_now().first().map(str::to_owned)
    }

    /// The candidate picked option `index` of question `item_id`.
    pub fn pick(&self, item_id: &str, index: usize) {
        let profile = self.profile();
        let Some(question) = profile.question(item_id) else {
            return;
        };
        let previous = self
            .progress
            .with_untracked(|p| p.answers.get(item_id).cloned());
        if let Some(answer) = pick_option(question, previous.as_ref(), index) {
            self.answer(item_id, answer);
        }
    }

    pub fn answer(&self, item_id: &str, answer: Answer) {
        let profile = self.profile();
        let first = self.progress.with_untracked(Progress::is_empty);
        self.change(|p| p.record(&profile, item_id, answer));
        if first {
            self.ask_to_keep_storage();
        }
    }

    /// After the first answer there is something worth keeping: ask the browser not to clear it
    /// (Safari, for one, clears the storage of sites not visited for seven days otherwise).
    fn ask_to_keep_storage(&self) {
        if self.persistence.get_untracked() == Persistence::Granted {
            return;
        }
        let set = self.set_persistence;
        leptos::task::spawn_local(async move {
            let granted = browser::request_persistent_storage().await;
            set.try_set(Persistence::from_answer(granted));
        });
    }

    /// Remembers where the candidate is, so a reload or a later visit resumes there.
    pub fn visit(&self, item_id: &str) {
        if self
            .progress
            .with_untracked(|p| p.current.as_deref() != Some(item_id))
        {
            self.change(|p| p.current = Some(item_id.to_owned()));
        }
    }

    /// The check's results were reached: kept as an attempt dated today (once per check;
    /// finishing it again after continuing updates that attempt).
    pub fn finish(&self) {
        let profile = self.profile();
        let today = browser::today();
        self.change(|p| p.finish(&profile, &today));
    }

    /// "Retake my gaps": a new quick check of `areas` (see `Progress::retake`). Returns its
    /// first step.
    pub fn retake(&self, areas: Vec<String>) -> Option<String> {
        let profile = self.profile();
        self.change(|p| p.retake(&profile, areas));
        self.walk_now().first().map(str::to_owned)
    }

    /// Adds an evidence link to a requirement.
    pub fn add_evidence(&self, requirement_id: &str, link: Evidence) -> Result<(), EvidenceError> {
        let profile = self.profile();
        let mut outcome = Ok(());
        self.change(|p| outcome = p.add_evidence(&profile, requirement_id, link));
        outcome
    }

    /// The evidence links by requirement, in the profile's order (tracked).
    pub fn evidence(&self) -> Vec<EvidenceGroup> {
        let profile = self.profile();
        self.progress
            .with(|p| evidence_groups(&profile, p.evidence_in_order(&profile)))
    }

    pub fn remove_evidence(&self, requirement_id: &str, url: &str) {
        self.change(|p| p.remove_evidence(requirement_id, url));
    }

    /// Where "Next" leads from `step_id` (see `Walk::next_for`); `None` means the results.
    pub fn next_step(&self, step_id: &str) -> Option<String> {
        let walk = self.walk_now();
        self.progress.with_untracked(|p| {
            walk.next_for(step_id, &p.answers, !p.continued.is_empty())
                .map(str::to_owned)
        })
    }

    /// Whether "Next" on `step_id` leads to another step rather than the results (see
    /// [`Walk::has_next`]); reads the progress untracked.
    pub fn has_next(&self, step_id: &str) -> bool {
        let profile = self.profile();
        self.progress
            .with_untracked(|p| self.walk_now().has_next(&profile, p, step_id))
    }

    /// The seed of this candidate's option order.
    pub fn option_seed(&self) -> u64 {
        self.progress.with_untracked(|p| p.option_seed)
    }

    /// After a quick check: go on in the areas whose verdict is not clear yet. Returns the
    /// first item to answer, if any is left.
    pub fn continue_areas(&self, area_ids: Vec<String>) -> Option<String> {
        self.change(|p| {
            for id in area_ids {
                if !p.continued.contains(&id) {
                    p.continued.push(id);
                }
            }
            p.finished = false;
        });
        let walk = self.walk_now();
        self.progress
            .with_untracked(|p| walk.first_open(&p.answers).map(str::to_owned))
    }

    /// Deletes every answer for this profile; the attempts and evidence stay.
    pub fn restart(&self) {
        self.change(|p| p.start_over(browser::random_seed()));
    }

    /// Replaces the progress with `imported` (already checked in full). Progress that was here
    /// is kept under a backup key first, so an import never destroys answers; if that backup
    /// cannot be written, nothing changes (`Err`).
    pub fn import(&self, imported: Progress) -> Result<Imported, BrowserError> {
        let profile = self.profile();
        let current = self.progress.get_untracked();
        let mut previous = None;
        if !current.is_empty() {
            let backup = backup_key(&profile.id, browser::now_ms());
            browser::save(&backup, &current.encode())?;
            previous = Some((current.answers.len(), backup));
        }
        let count = imported.answers.len();
        self.change(|p| *p = imported);
        Ok(Imported { count, previous })
    }

    /// Where "continue" takes the candidate: the item they were on, else the first open one.
    pub fn resume_item(&self) -> Option<String> {
        let walk = self.walk.get();
        self.progress.with(|p| {
            p.current
                .clone()
                .or_else(|| walk.first_open(&p.answers).map(str::to_owned))
                .or_else(|| walk.first().map(str::to_owned))
        })
    }

    /// Whether another tab wrote progress this tab cannot fully read (tracked).
    pub fn out_of_date(&self) -> bool {
        self.saving.get() == Saving::OutOfDate
    }

    fn change(&self, f: impl FnOnce(&mut Progress)) {
        self.state.update(f);
        if self.saving.get_untracked() != Saving::On {
            return;
        }
        let encoded = self.progress.with_untracked(Progress::encode);
        let key = storage_key(&self.profile().id);
        if let Err(error) = browser::save(&key, &encoded) {
            let notice = match error {
                BrowserError::StorageBlocked => Notice::StorageBlocked,
                _ => Notice::SaveRefused,
            };
            self.raise(notice);
        }
    }

    /// Shows `notice`, unless it is shown already.
    fn raise(&self, notice: Notice) {
        self.set_notices.update(|shown| {
            if !shown.iter().any(|(_, n)| *n == notice) {
                // One more than the newest shown, so no two notices shown share a number.
                let number = shown.last().map_or(0, |(last, _)| last + 1);
                shown.push((number, notice));
            }
        });
    }

    /// Hides the notice raised under `number`.
    pub fn dismiss(&self, number: usize) {
        self.set_notices
            .update(|shown| shown.retain(|(n, _)| *n != number));
    }

    /// Another tab of the same app wrote: follow it when all of it can be read here, else stop
    /// writing (see the module's comment).
    fn follow_other_tabs(&self) {
        let session = *self;
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let profile = session.profile();
            let ours = storage_key(&profile.id);
            // A null key is `clear()`, which removed ours too (if it was localStorage's).
            if !browser::is_local_storage(event.storage_area())
                || event.key().is_some_and(|key| key != ours)
            {
                return;
            }
            let readable = event
                .new_value()
                .and_then(|raw| decode_progress(&raw, &profile).ok())
                .filter(|restored| restored.set_aside.is_empty());
            match readable {
                Some(restored) => session.state.set(restored.progress),
                None => session.saving.set(Saving::OutOfDate),
            }
        });
        on_cleanup(move || handle.remove());
    }
}

/// Whether a tab saves its progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Saving {
    /// As usual: what was stored was read (or there was none, or it was unreadable and is kept
    /// under a backup key).
    On,
    /// What is stored was written by a newer build or another tab in a form this tab cannot
    /// read: it is left as it is, and the tab asks to be reloaded.
    OutOfDate,
    /// What is stored is unreadable and could not be backed up: it is left as it is.
    LeftAlone,
}

fn restore(profile: &Profile, notices: &mut Vec<Notice>) -> (Progress, Saving) {
    let key = storage_key(&profile.id);
    let fresh = || Progress::new(&profile.id, browser::random_seed());
    let Some(raw) = browser::load(&key) else {
        return (fresh(), Saving::On);
    };
    match decode_progress(&raw, profile) {
        Ok(restored) => {
            notices.extend(restored.notices());
            // Kept-aside answers are written back at once with the reconciled progress.
            if !restored.set_aside.is_empty() || !restored.came_back.is_empty() {
                let _ = browser::save(&key, &restored.progress.encode());
            }
            (restored.progress, Saving::On)
        }
        Err(error @ ProgressError::FromTheFuture(_)) => {
            notices.push(Notice::FromNewerBuild { error });
            (fresh(), Saving::OutOfDate)
        }
        Err(error) => {
            let backup = backup_key(&profile.id, browser::now_ms());
            // The backup must exist before the broken value is replaced.
            if browser::save(&backup, &raw).is_ok() {
                let fresh = fresh();
                let _ = browser::save(&key, &fresh.encode());
                notices.push(Notice::UnreadableBackedUp { error, backup });
                (fresh, Saving::On)
            } else {
                notices.push(Notice::UnreadableNotSaved { error });
                (fresh(), Saving::LeftAlone)
            }
        }
    }
}

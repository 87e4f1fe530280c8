//! The candidate's session: the loaded profile and their progress, shared through context.
//!
//! Every change goes through a method here, which updates the signal and saves at once, so an
//! answer is in storage before the next frame is drawn.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser;
use crate::domain::answer::{pick_option, Answer};
use crate::domain::progress::{backup_key, decode_progress, storage_key, Mode, Progress};
use crate::domain::walk::Walk;
use crate::domain::Profile;

#[derive(Clone, Copy)]
pub struct Session {
    profile: StoredValue<Arc<Profile>>,
    /// The steps for the current mode, recomputed as answers change (a quick check picks its
    /// next question from them).
    walk: Memo<Arc<Walk>>,
    pub progress: RwSignal<Progress>,
    /// Messages about storage for the candidate, shown until dismissed.
    pub notices: RwSignal<Vec<String>>,
}

impl Session {
    /// Opens `profile` with the progress saved for it, keeping unreadable progress under a
    /// backup key rather than overwriting it.
    pub fn open(profile: Profile) -> Session {
        let mut notices = Vec::new();
        if let Err(sentence) = browser::storage_available() {
            notices.push(sentence);
        }
        let progress = restore(&profile, &mut notices);
        let profile = Arc::new(profile);
        let progress = RwSignal::new(progress);
        let walk = {
            let profile = profile.clone();
            Memo::new(move |_| {
                progress.with(|p| {
                    Arc::new(Walk::new(
                        &profile,
                        p.mode,
                        &p.answers,
                        &p.continued,
                        p.option_seed,
                    ))
                })
            })
        };
        let session = Session {
            profile: StoredValue::new(profile),
            walk,
            progress,
            notices: RwSignal::new(notices),
        };
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
        self.change(|p| {
            p.answers.insert(item_id.to_owned(), answer);
            p.current = Some(item_id.to_owned());
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

    pub fn finish(&self) {
        if !self.progress.with_untracked(|p| p.finished) {
            self.change(|p| p.finished = true);
        }
    }

    /// Where "Next" leads from `step_id` (see `Walk::next_for`); `None` means the results.
    pub fn next_step(&self, step_id: &str) -> Option<String> {
        let walk = self.walk_now();
        self.progress.with_untracked(|p| {
            walk.next_for(step_id, &p.answers, !p.continued.is_empty())
                .map(str::to_owned)
        })
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

    /// Deletes every answer for this profile.
    pub fn restart(&self) {
        let id = self.profile().id.clone();
        self.change(|p| *p = Progress::new(&id, browser::random_seed()));
    }

    /// Replaces the progress with `imported` (already checked in full). Progress that was here
    /// is kept under a backup key first, so an import never destroys answers. Returns what
    /// happened, for the candidate.
    pub fn import(&self, imported: Progress) -> Result<String, String> {
        let profile = self.profile();
        let current = self.progress.get_untracked();
        let mut kept = String::new();
        if !current.is_empty() {
            let backup = backup_key(&profile.id, browser::now_ms());
            if browser::save(&backup, &current.encode()).is_err() {
                return Err(
                    "Nothing was changed: your current answers could not be backed up \
                            first, so they were left as they are."
                        .to_owned(),
                );
            }
            kept = format!(
                " Your previous {} answer(s) were kept in this browser under \u{201c}{backup}\u{201d}.",
                current.answers.len()
            );
        }
        let count = imported.answers.len();
        self.change(|p| *p = imported);
        Ok(format!("Imported {count} answer(s).{kept}"))
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

    fn change(&self, f: impl FnOnce(&mut Progress)) {
        self.progress.update(f);
        let encoded = self.progress.with_untracked(Progress::encode);
        let key = storage_key(&self.profile().id);
        if let Err(sentence) = browser::save(&key, &encoded) {
            self.notices.update(|n| {
                if !n.contains(&sentence) {
                    n.push(sentence)
                }
            });
        }
    }

    /// Another tab of the same app answered: take its progress, so two tabs never fight.
    fn follow_other_tabs(&self) {
        let session = *self;
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let profile = session.profile();
            if event.key().as_deref() != Some(storage_key(&profile.id).as_str()) {
                return;
            }
            let Some(raw) = event.new_value() else {
                session
                    .progress
                    .set(Progress::new(&profile.id, browser::random_seed()));
                return;
            };
            if let Ok(restored) = decode_progress(&raw, &profile) {
                session.progress.set(restored.progress);
            }
        });
        on_cleanup(move || handle.remove());
    }
}

fn restore(profile: &Profile, notices: &mut Vec<String>) -> Progress {
    let key = storage_key(&profile.id);
    let Some(raw) = browser::load(&key) else {
        return Progress::new(&profile.id, browser::random_seed());
    };
    match decode_progress(&raw, profile) {
        Ok(restored) => {
            if !restored.set_aside.is_empty() {
                notices.push(format!(
                    "{} earlier answer(s) no longer match this role profile, which has changed \
                     since; they were left out.",
                    restored.set_aside.len()
                ));
            }
            restored.progress
        }
        Err(error) => {
            let backup = backup_key(&profile.id, browser::now_ms());
            let kept = browser::save(&backup, &raw).is_ok();
            let fresh = Progress::new(&profile.id, browser::random_seed());
            // The backup must exist before the broken value is replaced.
            if kept {
                let _ = browser::save(&key, &fresh.encode());
                notices.push(format!(
                    "Your saved progress could not be read: {error}. It was kept unchanged in \
                     this browser's storage under the key \u{201c}{backup}\u{201d}, and a new \
                     check was started."
                ));
            } else {
                notices.push(format!(
                    "Your saved progress could not be read: {error}. It was left as it is, and \
                     answers given now will not be saved until storage works again."
                ));
            }
            fresh
        }
    }
}

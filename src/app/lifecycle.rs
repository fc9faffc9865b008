//! Opening the data folder (writer or read-only), automatic backups, and leaving.

use super::{App, Overlay};
use crate::kit::{Level, Status};
use crate::screens::stories;
use crate::storage::StorageError;
use crate::storage::backup::{self, Periodic};
use crate::storage::lock::Holder;
use crate::storage::{self, recovery};
use chrono::{DateTime, TimeDelta, Utc};
use std::thread::JoinHandle;

/// How this instance may use the data folder, decided by the data-folder lock before the app starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// We hold the lock: the only writer.
    Writer,
    /// Another instance holds it: show everything, change nothing.
    ReadOnly(Holder),
    /// The folder cannot be locked (a filesystem without locks, or an unwritable folder). We go on as
    /// the writer, since refusing would leave the person stuck, and say why.
    Unlocked(String),
}

/// How long to wait before looking again when nothing changed or a backup failed.
const RECHECK: TimeDelta = TimeDelta::minutes(5);

impl App {
    /// Start-up work on the data folder, once, before the first frame. As the writer: delete temporary
    /// files a killed save left, take back unsaved text from a crash (see [`recovery`]), and start an
    /// automatic backup if one is due. As a second instance: only remember that we are read-only, which
    /// the banner shows and the one writer (`AppData::writer`) enforces.
    pub fn open_data(&mut self, access: Access) {
        let warning = match access {
            Access::ReadOnly(holder) => {
                // The banner says it, with the folder, for as long as this window is open.
                self.data.set_read_only(holder);
                return;
            }
            Access::Unlocked(why) => Some(why),
            Access::Writer => None,
        };
        let data_dir = self.data.paths().data_dir.clone();
        storage::remove_stale_temps(&data_dir, &backup::excluded());
        self.recovered = recovery::take(&data_dir, &self.data.paths().stories_dir());
        if let Some(r) = self.recovered.first() {
            let more = match self.recovered.len() {
                1 => String::new(),
                n => format!(" (and {} more in the same folder)", n - 1),
            };
            self.status = Some(Status {
                level: Level::Warning,
                text: format!("{}{more}", r.message()),
            });
        }
        self.auto_backup.next = Some(self.now);
        self.backup_if_due();
        if let Some(why) = warning {
            let mut text = format!(
                "Could not lock the data folder ({why}). Make sure only one clinicprep is open on it."
            );
            if let Some(earlier) = self.status.take() {
                text = format!("{text} {}", earlier.text);
            }
            self.status = Some(Status {
                level: Level::Warning,
                text,
            });
        }
    }

    /// Starts the automatic backup on a worker thread if one could be due (see
    /// [`backup::backup_if_due`]), and takes in the result of one that finished. Cheap enough for every
    /// tick: the folder is only looked at once the next backup could be due, and a full backup (about
    /// a second for a large folder, mostly fsync) never holds up a key or a frame. Does nothing before
    /// [`App::open_data`] made us the writer. Returns true if the status line changed.
    pub fn backup_if_due(&mut self) -> bool {
        let mut changed = false;
        if let Some(job) = self.auto_backup.job.take_if(|j| j.is_finished()) {
            changed = self.backup_done(job.join());
        }
        let Some(next) = self.auto_backup.next else {
            return changed;
        };
        if self.now < next || self.auto_backup.job.is_some() {
            return changed;
        }
        let dir = self.data.paths().data_dir.clone();
        let now = self.now;
        self.auto_backup.next = Some(now + RECHECK);
        match std::thread::Builder::new()
            .name("backup".into())
            .spawn(move || backup::backup_if_due(&dir, now))
        {
            Ok(job) => self.auto_backup.job = Some(job),
            Err(e) => changed = self.backup_failed(&e.to_string()),
        }
        changed
    }

    /// Waits for a running automatic backup to finish and takes in its result. For tests and for
    /// callers that need the backup on disk before going on. Returns true if the status line changed.
    pub fn finish_backup(&mut self) -> bool {
        match self.auto_backup.job.take() {
            Some(job) => self.backup_done(job.join()),
            None => false,
        }
    }

    fn backup_done(&mut self, result: std::thread::Result<Result<Periodic, StorageError>>) -> bool {
        match result {
            Ok(Ok(Periodic::NotDue { next })) => self.auto_backup.next = Some(next),
            Ok(Ok(Periodic::Made(b))) => self.auto_backup.next = Some(b.time + backup::INTERVAL),
            Ok(Ok(Periodic::Unchanged)) => {}
            Ok(Err(e)) => return self.backup_failed(&e.to_string()),
            Err(_) => return self.backup_failed("the backup stopped unexpectedly"),
        }
        false
    }

    fn backup_failed(&mut self, why: &str) -> bool {
        self.status = Some(Status {
            level: Level::Warning,
            text: format!(
                "Could not back up your data: {why}. Your files are unchanged; \
                 clinicprep tries again in 5 minutes."
            ),
        });
        true
    }
}

/// When the next automatic backup could be due, and the one running now.
#[derive(Debug, Default)]
pub struct AutoBackup {
    /// `None` until we are the writer: only the writer backs up.
    next: Option<DateTime<Utc>>,
    job: Option<JoinHandle<Result<Periodic, StorageError>>>,
}

impl App {
    /// Saves whatever is pending and marks the app to close. Grades are already on disk; the
    /// schedule snapshot is refreshed when enough grades piled up past it (a failed snapshot loses
    /// nothing: the journal has every grade). If a story cannot be saved, asks first (autosave keeps
    /// retrying meanwhile); if another file cannot be saved, says so once and the next quit goes ahead.
    pub fn quit(&mut self) {
        if let Ok(mut w) = self.data.writer() {
            w.snapshot_reviews();
        }
        self.keep_practice();
        if !self.flush_story() {
            let title = self
                .screens
                .stories
                .unsaved()
                .map_or("your story", |s| stories::display_title(&s.title));
            self.overlay = Some(Overlay::ConfirmQuit(format!(
                "“{title}” could not be saved (the reason is on screen). Quit anyway? A copy of the text \
                 is written to a temporary file, but the story itself stays unsaved."
            )));
            return;
        }
        if self.save_pending() || self.quit_anyway {
            self.should_quit = true;
        } else {
            self.quit_anyway = true;
        }
    }

    /// Closes the app for a signal (SIGTERM, SIGHUP…): saves what it can and never waits for an
    /// answer, since there may be no terminal left to ask on.
    pub fn shutdown(&mut self) {
        if let Ok(mut w) = self.data.writer() {
            w.snapshot_reviews();
        }
        self.keep_practice();
        if !self.flush_story() {
            self.rescue();
        }
        self.save_pending();
        self.should_quit = true;
    }

    /// Quits although a story could not be saved, after the user said so.
    pub(super) fn quit_despite_unsaved_story(&mut self) {
        self.overlay = None;
        if !self.flush_story() {
            self.rescue();
        }
        self.should_quit = true;
    }

    /// Writes unsaved text to a temporary file as a last resort, and notes where for the shell.
    fn rescue(&mut self) {
        self.exit_note = Some(match self.screens.stories.rescue(self.now) {
            Ok(path) => format!(
                "Your unsaved story could not go to the stories folder; a copy is in {}",
                path.display()
            ),
            Err(e) => format!("Your unsaved story could not be saved anywhere: {e}"),
        });
    }

    /// Saves the story open in the editor, if any. Returns false if it could not be saved.
    fn flush_story(&mut self) -> bool {
        self.with_screens(|s, cx| s.stories.flush(cx))
    }

    /// Keeps the answer of a mock interview in progress in the round log (typed text, or time
    /// spoken), so quitting mid-question loses nothing.
    fn keep_practice(&mut self) {
        self.with_screens(|s, cx| s.practice.keep_on_quit(cx));
    }

    /// Retries saves that failed earlier; called when quitting. Returns false, with the reason on
    /// the status line, if something is still not on disk.
    fn save_pending(&mut self) -> bool {
        let Ok(mut w) = self.data.writer() else {
            return true;
        };
        match w.save_pending() {
            Ok(()) => true,
            Err(text) => {
                self.status = Some(Status::new(
                    Level::Error,
                    // In a text box q is a letter: there it is a second Ctrl-C that quits.
                    format!("Press q again (Ctrl-C in a text box) to quit anyway. {text}"),
                ));
                false
            }
        }
    }
}

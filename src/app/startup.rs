//! Opening the data folder at start: the one writer cleans up, recovers and backs up; others only read.

use super::{App, Level, Status};
use crate::backup::{self, Periodic};
use crate::lock::Holder;
use crate::{recovery, storage};
use chrono::TimeDelta;

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
    /// files a killed save left, take back unsaved text from a crash (see [`recovery`]), and make an
    /// automatic backup if one is due. As a second instance: only remember that we are read-only, which
    /// the banner shows and every save must check through [`App::can_write`].
    pub fn open_data(&mut self, access: Access) {
        let warning = match access {
            Access::ReadOnly(holder) => {
                // The banner says it, with the folder, for as long as this window is open.
                self.read_only = Some(holder);
                return;
            }
            Access::Unlocked(why) => Some(why),
            Access::Writer => None,
        };
        let data_dir = self.data.paths.data_dir.clone();
        storage::remove_stale_temps(&data_dir, &backup::excluded());
        self.recovered = recovery::take(&data_dir, &self.data.paths.stories_dir());
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
        self.next_backup = Some(self.now);
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

    /// True unless another instance is the writer. Every save checks this first.
    pub fn can_write(&self) -> bool {
        self.read_only.is_none()
    }

    /// Makes the automatic backup if it is due (see [`backup::backup_if_due`]); cheap to call from every
    /// tick, since the folder is only looked at when the next backup could be due. Does nothing before
    /// [`App::open_data`] made us the writer. Returns true if the status line changed.
    pub fn backup_if_due(&mut self) -> bool {
        let Some(next) = self.next_backup else {
            return false;
        };
        if self.now < next {
            return false;
        }
        match backup::backup_if_due(&self.data.paths.data_dir, self.now) {
            Ok(Periodic::NotDue { next }) => self.next_backup = Some(next),
            Ok(Periodic::Made(_)) => self.next_backup = Some(self.now + backup::INTERVAL),
            Ok(Periodic::Unchanged) => self.next_backup = Some(self.now + RECHECK),
            Err(e) => {
                self.next_backup = Some(self.now + RECHECK);
                self.status = Some(Status {
                    level: Level::Warning,
                    text: format!(
                        "Could not back up your data: {e}. Your files are unchanged; \
                         clinicprep tries again in 5 minutes."
                    ),
                });
                return true;
            }
        }
        false
    }
}

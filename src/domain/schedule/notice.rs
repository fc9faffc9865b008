//! Errors the caller must act on, and notices about repairs made while loading review history.

use crate::storage::StorageError;
use std::fmt;
use std::path::PathBuf;

/// A failure to record or load reviews. The caller keeps the UI running and shows it.
#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    /// Reading or writing a file failed; carries the path and what was being done.
    #[error("{0}")]
    Storage(#[source] StorageError),
    /// A card id that cannot go in the journal (empty, whitespace, control characters, too long).
    #[error("card id {id:?} cannot be recorded: {reason}")]
    InvalidCardId { id: String, reason: &'static str },
    /// The scheduler produced a state that could not be read back (NaN, out-of-range time). It is
    /// refused rather than written, so the journal never holds a record that would be skipped on load.
    #[error("the schedule for card {card:?} came out invalid and was not recorded")]
    ImplausibleState { card: String },
}

impl ScheduleError {
    /// What the user can do about it, in a sentence, for the status line.
    pub fn advice(&self) -> &'static str {
        match self {
            ScheduleError::Storage(e) => match e.source.kind() {
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                    "Check that the data folder is writable (see `clinicprep paths`)."
                }
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                    "Free some disk space."
                }
                std::io::ErrorKind::WouldBlock => {
                    "Close the other clinicprep window, then start this one again (if none is \
                     open, an earlier one may still be running in the background)."
                }
                _ => "Check the disk and the data folder (see `clinicprep paths`).",
            },
            ScheduleError::InvalidCardId { .. } => {
                "Give the card a plain id (letters, digits, '-', '.') in its content file."
            }
            ScheduleError::ImplausibleState { .. } => {
                "Please report this; your other reviews are unaffected."
            }
        }
    }
}

impl From<StorageError> for ScheduleError {
    fn from(e: StorageError) -> Self {
        ScheduleError::Storage(e)
    }
}

/// Something found and handled while loading, to tell the user once. Nothing is ever deleted: damaged
/// data is kept in the file or copied aside, and the notice says where.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The journal ended in a half-written record (a crash or power cut mid-write). The bytes were
    /// copied to `saved_to` and cut from the journal; at most the last grade was lost.
    TornTail {
        journal: PathBuf,
        saved_to: PathBuf,
        bytes: u64,
    },
    /// A damaged or unknown record with good records after it. It was skipped and left in the file.
    BadRecord {
        journal: PathBuf,
        line: u64,
        reason: String,
    },
    /// The snapshot could not be used; it was renamed to `saved_to` and rebuilt from the journal.
    /// `at` is the (line, column) of a JSON syntax error, when that is the problem.
    SnapshotSetAside {
        snapshot: PathBuf,
        saved_to: PathBuf,
        reason: String,
        at: Option<(usize, usize)>,
    },
    /// The journal was missing or empty but the snapshot was not; the snapshot was kept and the
    /// schedule continues from it.
    JournalMissing { journal: PathBuf, snapshot: PathBuf },
    /// Writing a fresh snapshot failed. Reviews are safe in the journal; startup is just slower.
    SnapshotNotSaved { error: String },
    /// Found by a read-only load (`status`, `check`), which changes nothing: the app repairs it the
    /// next time it opens the review history.
    NotYetRepaired { file: PathBuf, problem: String },
}

impl Notice {
    /// What the user should do, in a sentence: usually nothing, since the repair is already made.
    pub fn advice(&self) -> &'static str {
        match self {
            Notice::TornTail { .. } => {
                "Nothing to do; if a card you graded just before shows up again, grade it again."
            }
            Notice::BadRecord { .. } => {
                "Nothing to do now; if this keeps happening, back up your data folder and check the disk."
            }
            Notice::SnapshotSetAside { .. } => {
                "Nothing to do; you may delete the kept copy once your cards look right."
            }
            Notice::JournalMissing { .. } => {
                "If you restored a backup, restore reviews.log from it too."
            }
            Notice::SnapshotNotSaved { .. } => {
                "Check free disk space; startup is slower until the snapshot saves."
            }
            Notice::NotYetRepaired { .. } => "Start clinicprep to repair it.",
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::TornTail {
                journal,
                saved_to,
                bytes,
            } => write!(
                f,
                "{} ended in an incomplete record ({bytes} bytes), probably from a crash; \
                 the last review may be missing. The bytes were kept in {}.",
                journal.display(),
                saved_to.display()
            ),
            Notice::BadRecord {
                journal,
                line,
                reason,
            } => write!(
                f,
                "{} line {line} is damaged ({reason}); it was skipped and left in the file.",
                journal.display()
            ),
            Notice::SnapshotSetAside {
                snapshot,
                saved_to,
                reason,
                at,
            } => {
                write!(f, "{} could not be used (", snapshot.display())?;
                if let Some((line, column)) = at {
                    write!(f, "line {line}, column {column}: ")?;
                }
                write!(
                    f,
                    "{reason}); it was kept as {} and your schedule was rebuilt from the review journal.",
                    saved_to.display()
                )
            }
            Notice::JournalMissing { journal, snapshot } => write!(
                f,
                "{} was missing or empty; your schedule continues from {}.",
                journal.display(),
                snapshot.display()
            ),
            Notice::SnapshotNotSaved { error } => write!(
                f,
                "could not save the schedule snapshot ({error}); reviews are safe in the journal."
            ),
            Notice::NotYetRepaired { file, problem } => write!(
                f,
                "{}: {problem}; it will be repaired (nothing deleted) when clinicprep next opens it.",
                file.display()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_errors_advise_by_cause() {
        let e = |kind| {
            ScheduleError::Storage(StorageError::new(
                std::path::Path::new("/d/reviews.log"),
                "append a review to",
                std::io::Error::from(kind),
            ))
        };
        assert!(
            e(std::io::ErrorKind::StorageFull)
                .advice()
                .contains("disk space")
        );
        assert!(
            e(std::io::ErrorKind::PermissionDenied)
                .advice()
                .contains("writable")
        );
        assert!(
            e(std::io::ErrorKind::WouldBlock)
                .advice()
                .contains("other clinicprep")
        );
    }

    #[test]
    fn snapshot_notice_names_file_position_and_copy() {
        let n = Notice::SnapshotSetAside {
            snapshot: PathBuf::from("/d/schedule.json"),
            saved_to: PathBuf::from("/d/schedule.json.bad-5"),
            reason: "expected value".into(),
            at: Some((3, 17)),
        };
        let text = n.to_string();
        for part in [
            "/d/schedule.json ",
            "line 3, column 17",
            "schedule.json.bad-5",
        ] {
            assert!(text.contains(part), "{text}");
        }
    }
}

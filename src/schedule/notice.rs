//! Errors the caller must act on, and notices about repairs made while loading review history.

use crate::storage::StorageError;
use std::fmt;
use std::path::PathBuf;

/// A failure to record or load reviews. The caller keeps the UI running and shows it.
#[derive(Debug)]
pub enum ScheduleError {
    /// Reading or writing a file failed; carries the path and what was being done.
    Storage(StorageError),
    /// A card id that cannot go in the journal (empty, whitespace, control characters, too long).
    InvalidCardId { id: String, reason: &'static str },
    /// The scheduler produced a state that could not be read back (NaN, out-of-range time). It is
    /// refused rather than written, so the journal never holds a record that would be skipped on load.
    ImplausibleState { card: String },
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScheduleError::Storage(e) => e.fmt(f),
            ScheduleError::InvalidCardId { id, reason } => {
                write!(f, "card id {id:?} cannot be recorded: {reason}")
            }
            ScheduleError::ImplausibleState { card } => {
                write!(
                    f,
                    "the schedule for card {card:?} came out invalid and was not recorded"
                )
            }
        }
    }
}

impl std::error::Error for ScheduleError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ScheduleError::Storage(e) => Some(e),
            ScheduleError::InvalidCardId { .. } | ScheduleError::ImplausibleState { .. } => None,
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

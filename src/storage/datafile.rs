//! Reading and writing the user's small TOML data files: a missing file is empty, a damaged one is
//! reported with its path and line and never overwritten.

use crate::domain::content::Problem;
use crate::storage::cache::Stamp;
use crate::storage::{self, StorageError};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// Files larger than this are refused rather than read: none of ours grows near it, and it keeps a
/// stray file from stalling start-up.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Why a data file could not be loaded. The caller keeps working from memory and must not save over
/// a `Damaged` file, because that would destroy whatever the user had in it.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file exists but could not be read (permissions, a folder in its place, ...).
    #[error("{0}")]
    Unreadable(StorageError),
    /// The file was read but is not valid: where and why.
    #[error("{0}")]
    Damaged(Problem),
    /// Another program changed the file while the app had it open (a hand edit, a sync tool, a
    /// second clinicprep): saving would overwrite that change.
    #[error("{} was changed by another program while clinicprep had it open", .0.display())]
    ChangedOutside(PathBuf),
}

impl LoadError {
    /// The failure as a problem with its path, for `clinicprep check`.
    pub fn problem(&self) -> Problem {
        match self {
            LoadError::Unreadable(e) => Problem::new(
                e.path.display().to_string(),
                format!("could not {}: {}", e.doing, e.source),
            ),
            LoadError::Damaged(p) => p.clone(),
            LoadError::ChangedOutside(path) => Problem::new(
                path.display().to_string(),
                "changed by another program while clinicprep had it open".to_string(),
            ),
        }
    }

    /// One friendly sentence for the status line: what happened and what to do.
    pub fn advice(&self) -> String {
        match self {
            LoadError::Unreadable(e) => format!("{e}; {}.", e.hint()),
            LoadError::Damaged(p) => format!(
                "{p} — fix or move that file; until then changes are kept only while the app is open."
            ),
            LoadError::ChangedOutside(_) => format!(
                "{self}, so it was not overwritten. Quit and start clinicprep again to load it; \
                 until then changes are kept only while the app is open."
            ),
        }
    }
}

/// A data file's contents held in memory, with what stops it being saved.
#[derive(Debug)]
pub struct Kept<T> {
    pub value: T,
    /// Why the file could not be loaded. While set the file is never written, so nothing the user
    /// had in it is lost; changes live in memory only.
    pub damaged: Option<LoadError>,
    /// Changes not yet on disk because the last save failed; saving is retried on the next change
    /// and on quit.
    pub unsaved: bool,
    /// The file this holds and its stamp when last read or written (None: there was no file).
    /// A save first checks that nothing else changed the file since (see [`Kept::watching`]).
    watched: Option<(PathBuf, Option<Stamp>)>,
    /// Where [`Kept::rescue`] wrote changes the file could not take.
    pub rescued: Option<PathBuf>,
}

impl<T> Kept<T> {
    /// Wraps a load result, starting from `fallback` when the file could not be loaded.
    pub fn from_load(loaded: Result<T, LoadError>, fallback: T) -> Kept<T> {
        match loaded {
            Ok(value) => Kept {
                value,
                damaged: None,
                unsaved: false,
                watched: None,
                rescued: None,
            },
            Err(e) => Kept {
                value: fallback,
                damaged: Some(e),
                unsaved: false,
                watched: None,
                rescued: None,
            },
        }
    }

    /// Watches `path`, the file just loaded: a later save that finds it changed by another program
    /// (a hand edit, a sync tool) writes nothing, so that change is never lost, and says so. A
    /// user who fixed a damaged checklist by hand while the app was open, then ticked a box, had
    /// the fix overwritten.
    pub fn watching(mut self, path: PathBuf) -> Kept<T> {
        let stamp = stamp_of(&path);
        self.watched = Some((path, stamp));
        self
    }

    /// Why the watched file must not be written now: it changed since it was last read or
    /// written, and is still there. None when it is safe to write.
    fn changed_outside(&self) -> Option<LoadError> {
        let (path, seen) = self.watched.as_ref()?;
        let now = stamp_of(path);
        if now == *seen || now.is_none() {
            return None;
        }
        Some(match read_text(path) {
            Err(e) => e,
            Ok(Some(text)) => match toml::from_str::<toml::Table>(&text) {
                Err(e) => {
                    LoadError::Damaged(Problem::from_toml(path.display().to_string(), &text, &e))
                }
                Ok(_) => LoadError::ChangedOutside(path.to_path_buf()),
            },
            Ok(None) => return None,
        })
    }

    /// Saves with `write` unless the file was damaged. On failure returns a sentence for the user.
    pub fn save(
        &mut self,
        write: impl FnOnce(&T) -> Result<(), StorageError>,
    ) -> Result<(), String> {
        if let Some(e) = &self.damaged {
            self.unsaved = true;
            return Err(format!("Not saved: {}", e.advice()));
        }
        if let Some(e) = self.changed_outside() {
            self.unsaved = true;
            let text = format!("Not saved: {}", e.advice());
            self.damaged = Some(e);
            return Err(text);
        }
        match write(&self.value) {
            Ok(()) => {
                self.unsaved = false;
                if let Some((path, seen)) = &mut self.watched {
                    *seen = stamp_of(path);
                }
                Ok(())
            }
            Err(e) => {
                self.unsaved = true;
                Err(format!("Not saved: {e}; {}.", e.hint()))
            }
        }
    }
}

impl<T> Kept<T> {
    /// Writes changes the file could not take (it is damaged, or changed outside) with `write`
    /// (the value's own save, given a data folder) into `dir`, a folder in the temporary folder
    /// laid out as the data folder is (see [`rescue_dir`]), as the story editor does on quit.
    /// Written again at every call, so the copy holds the latest changes: a regression walk ticked
    /// a box after the first warning and found the copy without it. Returns whether it wrote.
    pub fn rescue(
        &mut self,
        dir: &Path,
        write: impl FnOnce(&T, &Path) -> Result<(), StorageError>,
    ) -> bool {
        if self.damaged.is_none() || !self.unsaved {
            return false;
        }
        if write(&self.value, dir).is_err() {
            return false;
        }
        self.rescued = Some(dir.to_path_buf());
        true
    }
}

/// A new folder name for [`Kept::rescue`]: the process and a count, so two runs never mix. One is
/// chosen for all the files a quit rescues, and kept for the next quit.
pub fn rescue_dir() -> PathBuf {
    static COUNT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    std::env::temp_dir().join(format!("clinicprep-unsaved-{}-{n}", std::process::id()))
}

/// The stamp of the file at `path` as it is now, None when there is none.
fn stamp_of(path: &Path) -> Option<Stamp> {
    std::fs::metadata(path).ok().map(|m| Stamp::of(&m))
}

/// Reads `path` as TOML into `T`. `Ok(None)` when the file does not exist.
pub fn load<T: DeserializeOwned>(path: &Path) -> Result<Option<T>, LoadError> {
    let Some(text) = read_text(path)? else {
        return Ok(None);
    };
    toml::from_str(&text)
        .map(Some)
        .map_err(|e| LoadError::Damaged(Problem::from_toml(path.display().to_string(), &text, &e)))
}

/// Reads `path` as UTF-8 text (a leading BOM dropped). `Ok(None)` when the file does not exist.
pub fn read_text(path: &Path) -> Result<Option<String>, LoadError> {
    // Only a regular file is read (a pipe or device is refused, never waited on), and never more than
    // the limit.
    let bytes = match storage::safe::read_regular(path, MAX_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::FileTooLarge => {
            return Err(LoadError::Damaged(Problem::new(
                path.display().to_string(),
                format!("{e}, far more than expected"),
            )));
        }
        Err(e) => return Err(LoadError::Unreadable(StorageError::new(path, "read", e))),
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        LoadError::Damaged(Problem::new(
            path.display().to_string(),
            format!(
                "the file is not UTF-8 text (bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        ))
    })?;
    Ok(Some(
        text.strip_prefix('\u{FEFF}')
            .map(str::to_string)
            .unwrap_or(text),
    ))
}

/// Writes `value` as TOML after a comment `header`, atomically, creating the parent folder if needed.
pub fn save<T: Serialize>(path: &Path, header: &str, value: &T) -> Result<(), StorageError> {
    let body = toml::to_string(value)
        .map_err(|e| StorageError::new(path, "prepare", std::io::Error::other(e.to_string())))?;
    let mut text = String::new();
    for line in header.lines() {
        text.push_str("# ");
        text.push_str(line);
        text.push('\n');
    }
    text.push('\n');
    text.push_str(&body);
    if let Some(parent) = path.parent() {
        storage::ensure_data_dir(parent)?;
    }
    storage::write_atomic(path, text.as_bytes())
}

#[cfg(test)]
#[path = "datafile_tests.rs"]
mod tests;

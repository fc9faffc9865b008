//! Unsaved editor text kept through a crash: remembered in memory, written out on a panic, offered back.
//!
//! The editor calls [`remember`] whenever its text changes and [`forget`] once it is saved. If the
//! program panics, the panic hook calls [`stash_pending`], which writes the text to
//! `<data>/recovery/<time>--<label>.txt`. At the next start, [`take`] moves each such file into the
//! stories folder as `stories/recovered-<time>--<label>.txt` — a plain text file the person can open,
//! copy from or delete, which no story loader reads as a story — and returns its text so the app can
//! say where it is and offer it back. Nothing is deleted: the file stays until the person removes it.

use crate::storage::sanitize;
use crate::storage::{self, StorageError};
use chrono::{DateTime, Utc};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where stashed text waits, inside the data folder, until the next start takes it.
pub const RECOVERY_DIR: &str = "recovery";

/// Stashed text larger than this is not taken back (an editor never holds that much).
const MAX_STASH_BYTES: u64 = 16 * 1024 * 1024;

/// The text the editor holds that is not saved yet, and what it belongs to ("story fall-at-clinic").
struct Pending {
    label: String,
    text: String,
}

static PENDING: Mutex<Option<Pending>> = Mutex::new(None);

/// Records the editor's unsaved text. Cheap enough to call on every change: it reuses the buffer.
pub fn remember(label: &str, text: &str) {
    let mut slot = PENDING.lock().unwrap_or_else(|p| p.into_inner());
    match slot.as_mut() {
        Some(p) => {
            p.label.clear();
            p.label.push_str(label);
            p.text.clear();
            p.text.push_str(text);
        }
        None => {
            *slot = Some(Pending {
                label: label.to_string(),
                text: text.to_string(),
            })
        }
    }
}

/// Clears the unsaved text once it is safely on disk.
pub fn forget() {
    *PENDING.lock().unwrap_or_else(|p| p.into_inner()) = None;
}

/// Writes `text` to a new file in the recovery folder and returns its path.
pub fn stash(
    data_dir: &Path,
    label: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<PathBuf, StorageError> {
    let dir = data_dir.join(RECOVERY_DIR);
    storage::ensure_private_dir(&dir)?;
    let stem = format!("{}--{}", now.format("%Y-%m-%dT%H-%M-%SZ"), slug(label));
    let path = free_name(&dir, &stem, "");
    storage::write_atomic(&path, text.as_bytes())?;
    Ok(path)
}

/// For the panic hook: stashes the remembered text, if any. Never blocks — if the panic happened while
/// the text was being remembered, the lock is held on this very thread, and the text is skipped rather
/// than deadlocking the crash report.
pub fn stash_pending(data_dir: &Path, now: DateTime<Utc>) -> Option<Result<PathBuf, StorageError>> {
    let slot = match PENDING.try_lock() {
        Ok(g) => g,
        Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
        Err(std::sync::TryLockError::WouldBlock) => return None,
    };
    let p = slot.as_ref().filter(|p| !p.text.trim().is_empty())?;
    Some(stash(data_dir, &p.label, &p.text, now))
}

/// Text recovered from an earlier crash, now in the stories folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// What the text belonged to, as remembered (made file-name safe).
    pub label: String,
    /// The text, cleaned for display.
    pub text: String,
    /// Where it now lives: `stories/recovered-….txt`.
    pub path: PathBuf,
}

impl Recovered {
    /// The status message that tells the person where the text is.
    pub fn message(&self) -> String {
        format!(
            "Recovered unsaved text from the last crash: saved as {}",
            self.path.display()
        )
    }
}

/// Moves every stashed text into the stories folder and returns them, oldest first. Call it once at
/// start, as the writer: each text is returned only once, but its file stays. A file that cannot be
/// moved is left where it is for the next start.
pub fn take(data_dir: &Path, stories_dir: &Path) -> Vec<Recovered> {
    let dir = data_dir.join(RECOVERY_DIR);
    let mut names: Vec<_> = fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n.ends_with(".txt") && !n.starts_with('.'))
        .collect();
    // Without the extension, `x` sorts before `x-2`: the order they were written in.
    names.sort_by(|a, b| a.trim_end_matches(".txt").cmp(b.trim_end_matches(".txt")));
    let mut out = Vec::new();
    for name in names {
        let from = dir.join(&name);
        let Ok(bytes) = storage::safe::read_regular(&from, MAX_STASH_BYTES) else {
            continue;
        };
        if storage::ensure_private_dir(stories_dir).is_err() {
            break;
        }
        let stem = name.trim_end_matches(".txt");
        let to = free_name(stories_dir, stem, "recovered-");
        if fs::rename(&from, &to).is_err() {
            continue;
        }
        out.push(Recovered {
            label: stem.split_once("--").map_or("", |(_, l)| l).to_string(),
            text: sanitize::clean_keep_tabs(&String::from_utf8_lossy(&bytes)),
            path: to,
        });
    }
    out
}

/// `dir/<prefix><stem>.txt`, or with `-2`, `-3`… if that exists: nothing is ever overwritten.
fn free_name(dir: &Path, stem: &str, prefix: &str) -> PathBuf {
    let mut path = dir.join(format!("{prefix}{stem}.txt"));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir.join(format!("{prefix}{stem}-{n}.txt"));
    }
    path
}

/// A label made safe for a file name: lowercase letters, digits and dashes, at most 40 characters.
fn slug(label: &str) -> String {
    let mut s = String::new();
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
        if s.len() >= 40 {
            break;
        }
    }
    let s = s.trim_end_matches('-');
    if s.is_empty() {
        "text".to_string()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
    }

    #[test]
    fn stashed_text_is_taken_once_into_the_stories_folder() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        let stories = data.join("stories");
        let text = "Situation: a patient fell — I stayed calm.\n\tThen 🙂";
        let stashed = stash(data, "Story: Fall at clinic!", text, now()).unwrap();
        assert!(stashed.starts_with(data.join(RECOVERY_DIR)));
        let got = take(data, &stories);
        assert_eq!(got.len(), 1);
        let r = &got[0];
        assert_eq!(r.text, text);
        assert_eq!(r.label, "story-fall-at-clinic");
        assert_eq!(
            r.path,
            stories.join("recovered-2026-11-23T09-00-00Z--story-fall-at-clinic.txt")
        );
        assert_eq!(fs::read_to_string(&r.path).unwrap(), text);
        assert!(r.message().contains(&r.path.display().to_string()));
        assert!(!stashed.exists(), "moved, not copied");
        assert!(take(data, &stories).is_empty(), "offered only once");
        assert!(r.path.exists(), "the recovered file is kept");
    }

    #[test]
    fn nothing_is_overwritten_by_a_second_crash_in_the_same_second() {
        let dir = tempfile::tempdir().unwrap();
        let stories = dir.path().join("stories");
        let a = stash(dir.path(), "x", "first", now()).unwrap();
        let b = stash(dir.path(), "x", "second", now()).unwrap();
        assert_ne!(a, b);
        fs::create_dir_all(&stories).unwrap();
        fs::write(
            stories.join("recovered-2026-11-23T09-00-00Z--x.txt"),
            "mine",
        )
        .unwrap();
        let got = take(dir.path(), &stories);
        let texts: Vec<_> = got.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["first", "second"]);
        assert_eq!(
            fs::read_to_string(stories.join("recovered-2026-11-23T09-00-00Z--x.txt")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn recovered_text_is_cleaned_for_display() {
        let dir = tempfile::tempdir().unwrap();
        stash(dir.path(), "", "a\u{1b}[2Jb", now()).unwrap();
        let got = take(dir.path(), &dir.path().join("stories"));
        assert_eq!(got[0].text, "a[2Jb");
        assert_eq!(got[0].label, "text");
    }

    #[test]
    fn slug_is_file_name_safe_and_short() {
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("Café — 日本"), "caf");
        assert!(slug(&"a".repeat(100)).len() <= 40);
    }
}

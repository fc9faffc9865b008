//! Keeping damaged data aside under a fresh, dated name instead of deleting or overwriting it.

use crate::storage::{StorageError, write_atomic};
use chrono::{DateTime, Utc};
use std::fs;
use std::path::{Path, PathBuf};

/// A name next to `path` that does not exist yet: `<name>.<tag>-<unix ms>`, then `-1`, `-2`, … if
/// that is taken, so a second repair in the same millisecond never overwrites the first copy.
fn free_name(path: &Path, tag: &str, now: DateTime<Utc>) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let base = format!("{name}.{tag}-{}", now.timestamp_millis());
    let mut candidate = path.with_file_name(&base);
    let mut n = 1u32;
    while candidate.exists() {
        candidate = path.with_file_name(format!("{base}-{n}"));
        n += 1;
    }
    candidate
}

/// Writes `bytes` (cut from `path`) to a new file beside it, durably, and returns its path.
pub(super) fn copy_aside(
    path: &Path,
    bytes: &[u8],
    tag: &str,
    now: DateTime<Utc>,
) -> Result<PathBuf, StorageError> {
    let target = free_name(path, tag, now);
    write_atomic(&target, bytes)?;
    Ok(target)
}

/// Renames `path` to a new name beside it and returns that name. A rename keeps the file whole and
/// costs nothing, and the original name is then free for a fresh file.
pub(super) fn rename_aside(
    path: &Path,
    tag: &str,
    now: DateTime<Utc>,
) -> Result<PathBuf, StorageError> {
    let target = free_name(path, tag, now);
    fs::rename(path, &target).map_err(|e| StorageError::new(path, "set aside", e))?;
    if let Some(dir) = path.parent() {
        // Make the rename durable; failure here only risks the old name reappearing after a crash.
        let _ = fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_overwrites_an_earlier_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews.log");
        let now = DateTime::from_timestamp_millis(42).unwrap();
        let a = copy_aside(&path, b"one", "torn", now).unwrap();
        let b = copy_aside(&path, b"two", "torn", now).unwrap();
        assert_eq!(a.file_name().unwrap(), "reviews.log.torn-42");
        assert_eq!(b.file_name().unwrap(), "reviews.log.torn-42-1");
        assert_eq!(fs::read(&a).unwrap(), b"one");
        assert_eq!(fs::read(&b).unwrap(), b"two");
    }

    #[test]
    fn rename_aside_keeps_content_and_frees_the_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("schedule.json");
        fs::write(&path, "{broken").unwrap();
        let now = DateTime::from_timestamp_millis(7).unwrap();
        let kept = rename_aside(&path, "bad", now).unwrap();
        assert!(!path.exists());
        assert_eq!(fs::read_to_string(kept).unwrap(), "{broken");
    }
}

//! Rolling backups of the data folder into `<data>/backups/<id>/`, made when something changed.
//!
//! Each backup is a folder named for its UTC time (`2026-11-23T09-00-00Z`) holding `backup.toml` (time,
//! reason, file count, fingerprint), `sums.txt` (every file's size and checksum, see [`sums`]) and
//! `files/`, every regular file under the data folder with its relative path kept — stories, the
//! schedule snapshot, the review journal, your content — except `backups/` itself, crash reports,
//! the cache and the lock file. A backup is built in a hidden staging folder, every file fsynced,
//! then renamed into place, so a listed backup is always whole.
//!
//! Backups are incremental: a data file whose stamp (size, times, inode) is what the previous backup
//! recorded when it copied it is unchanged since, so the new backup hard-links the previous backup's
//! copy instead of copying it again. Only backup copies are ever linked, never the data files
//! themselves: backup copies are written once here and never changed, so each link is as good a
//! snapshot as a copy, whatever an editor later does to the data file. A backup of a large folder
//! after an import thus costs what the import changed, not the whole folder.

pub mod files;
pub(crate) mod incremental;
pub mod restore;
mod running;
mod staging;
pub mod sums;
pub mod thin;

pub use restore::{RestoreError, Restored, restore};
pub use running::{cancel_running, in_progress, wait_idle};
pub use staging::RESERVE_MIN;

use crate::storage::{self, StorageError};
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use staging::make;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// One backup or restore at a time in this process: the automatic backup runs on a worker thread while
/// an import may call [`backup_now`], and two at once could pick the same name or thin each other's
/// work. (Other processes are kept out by the data-folder lock.)
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn exclusive() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner())
}

/// The folder, inside the data folder, that holds the backups.
pub const BACKUP_DIR: &str = "backups";
/// Inside one backup: the description and the copied files.
const MANIFEST: &str = "backup.toml";
const FILES: &str = "files";
const STAGING_PREFIX: &str = ".staging-";
/// Automatic backups are at least this far apart.
pub const INTERVAL: TimeDelta = TimeDelta::minutes(30);
/// The reason recorded for automatic backups.
pub const PERIODIC: &str = "automatic";

/// Top-level entries of the data folder that are never backed up or restored. The parse cache is
/// derived from the files that are, and rebuilt from them. The import inbox holds hand-offs on
/// their way in: restoring the backup made before one was imported must not import it again.
pub fn excluded() -> [&'static str; 5] {
    [
        BACKUP_DIR,
        crate::storage::crash::CRASH_DIR,
        crate::storage::lock::LOCK_FILE,
        crate::storage::cache::CACHE_DIR,
        crate::storage::paths::INBOX_DIR,
    ]
}

/// One backup on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// The folder name, which `clinicprep restore ID` takes.
    pub id: String,
    pub dir: PathBuf,
    pub time: DateTime<Utc>,
    /// Why it was made: "automatic", "before import", "before restoring …".
    pub reason: String,
    pub files: usize,
    pub bytes: u64,
    pub fingerprint: String,
    /// Files written as new copies; the others are links to an earlier backup's copies.
    pub copied: usize,
}

#[derive(Serialize, Deserialize)]
struct Manifest {
    time: String,
    reason: String,
    files: usize,
    bytes: u64,
    fingerprint: String,
    /// Missing in backups made before backups were incremental: they copied every file.
    #[serde(default)]
    copied: Option<usize>,
}

/// What a periodic check did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Periodic {
    Made(Backup),
    /// The newest backup is younger than [`INTERVAL`]; nothing is due before `next`.
    NotDue {
        next: DateTime<Utc>,
    },
    /// Nothing changed since the newest backup (or there is nothing to back up yet).
    Unchanged,
}

/// Every backup, newest first. Folders without a readable `backup.toml` (not made by us, or damaged)
/// are left out, and so never offered for restoring.
pub fn list(data_dir: &Path) -> Result<Vec<Backup>, StorageError> {
    let root = data_dir.join(BACKUP_DIR);
    let entries = match fs::read_dir(&root) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(StorageError::new(&root, "read the backups folder", e)),
    };
    let mut out: Vec<Backup> = entries
        .flatten()
        .filter_map(|e| {
            let id = e.file_name().to_str()?.to_string();
            (!id.starts_with('.')).then(|| read_manifest(&e.path(), id))?
        })
        .collect();
    out.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| b.id.cmp(&a.id)));
    Ok(out)
}

fn read_manifest(dir: &Path, id: String) -> Option<Backup> {
    let bytes = storage::safe::read_regular(&dir.join(MANIFEST), 64 * 1024).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let m: Manifest = toml::from_str(&text).ok()?;
    Some(Backup {
        id,
        dir: dir.to_path_buf(),
        time: DateTime::parse_from_rfc3339(&m.time).ok()?.to_utc(),
        reason: m.reason,
        files: m.files,
        bytes: m.bytes,
        fingerprint: m.fingerprint,
        copied: m.copied.unwrap_or(m.files),
    })
}

/// Makes a backup now, whatever changed, and thins old ones. Call it before anything that rewrites or
/// deletes many files at once — an import, a bulk delete, a repair — with a `reason` a person would
/// recognize in the `clinicprep restore` list ("before import of deck.apkg").
pub fn backup_now(
    data_dir: &Path,
    now: DateTime<Utc>,
    reason: &str,
) -> Result<Backup, StorageError> {
    let _one = exclusive();
    let files = files::walk(data_dir, &excluded())?;
    let made = make(data_dir, now, reason, &files)?;
    prune(data_dir, now)?;
    Ok(made)
}

/// The automatic backup: made only when the newest backup is at least [`INTERVAL`] old and the data
/// folder's fingerprint differs from it. Cheap when nothing is due: it reads backup manifests and, once
/// the interval has passed, file metadata (never contents).
/// A backup dated after `now` is suspect (made while the clock was ahead): it never makes the next
/// backup wait, and it is never the reason another is deleted.
pub fn backup_if_due(data_dir: &Path, now: DateTime<Utc>) -> Result<Periodic, StorageError> {
    let _one = exclusive();
    let all = list(data_dir)?;
    let newest_trusted = all.iter().find(|b| b.time <= now);
    if let Some(b) = newest_trusted {
        let next = b.time.checked_add_signed(INTERVAL).unwrap_or(b.time);
        if now < next {
            return Ok(Periodic::NotDue { next });
        }
    }
    let files = files::walk(data_dir, &excluded())?;
    let fingerprint = files::fingerprint(&files);
    let unchanged = match (all.first(), newest_trusted) {
        (None, _) => files.is_empty(),
        (Some(newest), trusted) => {
            newest.fingerprint == fingerprint
                || trusted.is_some_and(|b| b.fingerprint == fingerprint)
        }
    };
    if unchanged {
        return Ok(Periodic::Unchanged);
    }
    let made = make(data_dir, now, PERIODIC, &files)?;
    prune(data_dir, now)?;
    Ok(Periodic::Made(made))
}

/// Deletes the backups the thinning policy no longer keeps; returns how many. Backups dated after
/// `now` (the clock was ahead when they were made, or is behind now) are thinned only among
/// themselves, so they never push a real one out, and never with them.
fn prune(data_dir: &Path, now: DateTime<Utc>) -> Result<usize, StorageError> {
    let all = list(data_dir)?;
    let (future, past): (Vec<&Backup>, Vec<&Backup>) = all.iter().partition(|b| b.time > now);
    let mut verdicts = Vec::new();
    for group in [future, past] {
        let times: Vec<_> = group.iter().map(|b| b.time).collect();
        verdicts.extend(group.into_iter().zip(thin::POLICY.keep(&times)));
    }
    let mut removed = 0;
    for (b, k) in verdicts {
        if !k {
            fs::remove_dir_all(&b.dir)
                .map_err(|e| StorageError::new(&b.dir, "remove the old backup", e))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Where a backup's copies of the data files are.
pub fn files_dir(backup: &Backup) -> PathBuf {
    backup.dir.join(FILES)
}

#[cfg(test)]
mod tests;

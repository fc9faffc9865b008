//! Rolling backups of the data folder into `<data>/backups/<id>/`, made when something changed.
//!
//! Each backup is a folder named for its UTC time (`2026-11-23T09-00-00Z`) holding `backup.toml` (time,
//! reason, file count, fingerprint) and `files/`, a copy of every regular file under the data folder
//! with its relative path kept — stories, the schedule snapshot, the review journal, your content —
//! except `backups/` itself, crash reports and the lock file. A backup is built in a hidden staging
//! folder, every file fsynced, then renamed into place, so a listed backup is always whole.

pub mod files;
pub mod restore;
pub mod thin;

pub use restore::{RestoreError, Restored, restore};

use crate::storage::{self, StorageError};
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
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
/// derived from the files that are, and rebuilt from them.
pub fn excluded() -> [&'static str; 4] {
    [
        BACKUP_DIR,
        crate::storage::crash::CRASH_DIR,
        crate::storage::lock::LOCK_FILE,
        crate::storage::cache::CACHE_DIR,
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
}

#[derive(Serialize, Deserialize)]
struct Manifest {
    time: String,
    reason: String,
    files: usize,
    bytes: u64,
    fingerprint: String,
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
    })
}

/// Makes a backup now, whatever changed, and thins old ones. Call it before anything that rewrites or
/// deletes many files at once — an import, a bulk delete, a repair — with a `reason` a person would
/// recognise in the `clinicprep restore` list ("before import of deck.apkg").
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
pub fn backup_if_due(data_dir: &Path, now: DateTime<Utc>) -> Result<Periodic, StorageError> {
    let _one = exclusive();
    let newest = list(data_dir)?.into_iter().next();
    if let Some(b) = &newest {
        let next = b.time + INTERVAL;
        if now < next {
            return Ok(Periodic::NotDue { next });
        }
    }
    let files = files::walk(data_dir, &excluded())?;
    let unchanged = match &newest {
        Some(b) => b.fingerprint == files::fingerprint(&files),
        None => files.is_empty(),
    };
    if unchanged {
        return Ok(Periodic::Unchanged);
    }
    let made = make(data_dir, now, PERIODIC, &files)?;
    prune(data_dir, now)?;
    Ok(Periodic::Made(made))
}

/// Copies `files` into a new backup folder: staged, fsynced, then renamed into place.
fn make(
    data_dir: &Path,
    now: DateTime<Utc>,
    reason: &str,
    files: &[files::DataFile],
) -> Result<Backup, StorageError> {
    let root = data_dir.join(BACKUP_DIR);
    storage::ensure_private_dir(&root)?;
    remove_staging(&root);
    let id = free_id(&root, now);
    let staging = root.join(format!("{STAGING_PREFIX}{id}"));
    let copied = root.join(&id);
    storage::ensure_private_dir(&staging.join(FILES))?;
    let mut bytes = 0;
    for f in files {
        let from = data_dir.join(&f.rel);
        let to = staging.join(FILES).join(&f.rel);
        if let Some(parent) = to.parent() {
            storage::ensure_private_dir(parent)?;
        }
        bytes += fs::copy(&from, &to).map_err(|e| StorageError::new(&from, "back up", e))?;
        sync_file(&to)?;
    }
    let manifest = Manifest {
        time: now.to_rfc3339(),
        reason: reason.to_string(),
        files: files.len(),
        bytes,
        fingerprint: files::fingerprint(files),
    };
    let text = toml::to_string(&manifest).unwrap_or_default();
    storage::write_atomic(&staging.join(MANIFEST), text.as_bytes())?;
    sync_tree(&staging.join(FILES))?;
    fs::rename(&staging, &copied)
        .map_err(|e| StorageError::new(&copied, "finish the backup", e))?;
    sync_dir(&root)?;
    Ok(Backup {
        id,
        dir: copied,
        time: now,
        reason: manifest.reason,
        files: manifest.files,
        bytes,
        fingerprint: manifest.fingerprint,
    })
}

/// A folder name for a backup made at `now`, with `-2`, `-3`… when one that second exists already.
fn free_id(root: &Path, now: DateTime<Utc>) -> String {
    let base = now.format("%Y-%m-%dT%H-%M-%SZ").to_string();
    let mut id = base.clone();
    let mut n = 1;
    while root.join(&id).exists() || root.join(format!("{STAGING_PREFIX}{id}")).exists() {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

/// Removes half-made backups a kill left behind. Only our own `.staging-*` folders are touched.
fn remove_staging(root: &Path) {
    for e in fs::read_dir(root).into_iter().flatten().flatten() {
        if e.file_name().to_string_lossy().starts_with(STAGING_PREFIX) {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

/// Deletes the backups the thinning policy no longer keeps; returns how many.
fn prune(data_dir: &Path, now: DateTime<Utc>) -> Result<usize, StorageError> {
    let all = list(data_dir)?;
    let times: Vec<_> = all.iter().map(|b| b.time).collect();
    let keep = thin::POLICY.keep(&times, now);
    let mut removed = 0;
    for (b, k) in all.iter().zip(keep) {
        if !k {
            fs::remove_dir_all(&b.dir)
                .map_err(|e| StorageError::new(&b.dir, "remove the old backup", e))?;
            removed += 1;
        }
    }
    Ok(removed)
}

fn sync_file(path: &Path) -> Result<(), StorageError> {
    fs::OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| StorageError::new(path, "save the backup copy", e))
}

/// Flushes a folder's entries to disk so a renamed or created file survives a power cut. Only Unix
/// can open a folder for this; elsewhere the rename itself is relied on.
fn sync_dir(dir: &Path) -> Result<(), StorageError> {
    #[cfg(unix)]
    fs::File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(|e| StorageError::new(dir, "save the folder", e))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

fn sync_tree(dir: &Path) -> Result<(), StorageError> {
    for e in fs::read_dir(dir).into_iter().flatten().flatten() {
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            sync_tree(&e.path())?;
        }
    }
    sync_dir(dir)
}

/// Where a backup's copies of the data files are.
pub fn files_dir(backup: &Backup) -> PathBuf {
    backup.dir.join(FILES)
}

#[cfg(test)]
mod tests;

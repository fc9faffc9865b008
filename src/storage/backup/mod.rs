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
pub mod sums;
pub mod thin;

pub use restore::{RestoreError, Restored, restore};

use crate::storage::{self, StorageError};
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

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

/// Backups running in this process, so that quitting can wait for them (see [`wait_idle`]).
static RUNNING: (Mutex<usize>, Condvar) = (Mutex::new(0), Condvar::new());
/// Set by [`cancel_running`]: a backup in progress stops between two files and removes its staging
/// folder whole.
static CANCEL: AtomicBool = AtomicBool::new(false);

/// Counts one running backup for as long as it lives.
struct Running;

impl Running {
    fn start() -> Running {
        *RUNNING.0.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        Running
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let mut n = RUNNING.0.lock().unwrap_or_else(|p| p.into_inner());
        *n = n.saturating_sub(1);
        RUNNING.1.notify_all();
    }
}

/// True while a backup is being made in this process.
pub fn in_progress() -> bool {
    *RUNNING.0.lock().unwrap_or_else(|p| p.into_inner()) > 0
}

/// Waits until no backup is running in this process, at most `timeout`. True if none is.
pub fn wait_idle(timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    let mut n = RUNNING.0.lock().unwrap_or_else(|p| p.into_inner());
    while *n > 0 {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        n = RUNNING
            .1
            .wait_timeout(n, left)
            .unwrap_or_else(|p| p.into_inner())
            .0;
    }
    true
}

/// Asks a running backup to stop: it removes its half-made folder whole and fails. For quitting
/// when a backup would take longer than the person should wait; the next start makes it again.
pub fn cancel_running() {
    CANCEL.store(true, Ordering::SeqCst);
}

/// Free space a backup always leaves on the disk, so that saves can still be made: at least this,
/// and at least twice the largest data file (a save writes a whole new copy before the rename).
pub const RESERVE_MIN: u64 = 4 * 1024 * 1024;

/// The owner file inside a staging folder: locked by the process building the backup for as long as
/// it does, so another process can tell a live staging folder from one left by a kill.
const OWNER: &str = ".owner";

/// Copies `files` into a new backup folder (linking those unchanged since the previous backup, see
/// the module's doc): staged in a folder of this process's own, fsynced, checked against what was
/// copied, then renamed into place. It is published whole or not at all: on any failure (a full
/// disk, a file gone, a cancel at quit) the staging folder is removed whole. It is not started when
/// it would leave less free space than saves need ([`RESERVE_MIN`]).
fn make(
    data_dir: &Path,
    now: DateTime<Utc>,
    reason: &str,
    files: &[files::DataFile],
) -> Result<Backup, StorageError> {
    let _running = Running::start();
    CANCEL.store(false, Ordering::SeqCst);
    let root = data_dir.join(BACKUP_DIR);
    storage::ensure_private_dir(&root)?;
    remove_staging(&root);
    let plan = incremental::plan(data_dir, files, incremental::previous(data_dir));
    check_space(&root, plan.to_copy(), files)?;
    let id = free_id(&root, now);
    let staging = root.join(format!("{STAGING_PREFIX}{id}-{}", std::process::id()));
    storage::ensure_private_dir(&staging)?;
    let owner = claim(&staging);
    let built = build(data_dir, &staging, now, reason, files, &plan);
    let published = built.and_then(|manifest| {
        let copied = root.join(&id);
        let _ = fs::remove_file(staging.join(OWNER));
        fs::rename(&staging, &copied)
            .map_err(|e| StorageError::new(&copied, "finish the backup", e))?;
        sync_dir(&root)?;
        Ok(Backup {
            id: id.clone(),
            dir: copied,
            time: now,
            reason: manifest.reason,
            files: manifest.files,
            bytes: manifest.bytes,
            fingerprint: manifest.fingerprint,
            copied: manifest.copied.unwrap_or(manifest.files),
        })
    });
    if published.is_err() {
        // Whole or nothing: a half-made backup never stays to fill the disk.
        let _ = fs::remove_dir_all(&staging);
    }
    drop(owner);
    published
}

/// Creates and locks the staging folder's owner file. Without it (a filesystem without locks) the
/// folder is still ours; others then leave it alone until it is old (see [`remove_staging`]).
fn claim(staging: &Path) -> Option<fs::File> {
    use std::io::Write;
    let mut file = storage::safe::open_private_rw(&staging.join(OWNER), false).ok()?;
    file.try_lock().ok()?;
    // Not empty, so a cleaner can tell it from an owner file it just created itself.
    let _ = writeln!(file, "{}", std::process::id());
    Some(file)
}

/// Refuses to start a backup that would leave less than the reserve free. Only what is copied
/// takes space (`need` bytes); links to earlier copies take none.
fn check_space(root: &Path, need: u64, files: &[files::DataFile]) -> Result<(), StorageError> {
    let largest = files.iter().map(|f| f.size).max().unwrap_or(0);
    let reserve = RESERVE_MIN.max(largest.saturating_mul(2));
    let Some(free) = free_space(root) else {
        return Ok(());
    };
    if free < need.saturating_add(reserve) {
        let why = format!(
            "not enough free space: it needs {} and {} must stay free for saving your work, but \
             only {} is free. Free some space; your files are unchanged",
            storage::safe::size(need),
            storage::safe::size(reserve),
            storage::safe::size(free)
        );
        return Err(StorageError::new(
            root,
            "make a backup in",
            std::io::Error::new(std::io::ErrorKind::StorageFull, why),
        ));
    }
    Ok(())
}

/// Bytes free for us on the disk holding `dir`, where the platform says.
fn free_space(dir: &Path) -> Option<u64> {
    #[cfg(unix)]
    {
        let s = rustix::fs::statvfs(dir).ok()?;
        Some(s.f_bavail.saturating_mul(s.f_frsize))
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

/// Fills `staging`: every file linked to the previous backup's copy or copied (0600, fsynced), the
/// manifest of checksums and the manifest, then a check that what is in the folder is what the
/// manifest says.
fn build(
    data_dir: &Path,
    staging: &Path,
    now: DateTime<Utc>,
    reason: &str,
    files: &[files::DataFile],
    plan: &incremental::Plan,
) -> Result<Manifest, StorageError> {
    storage::ensure_private_dir(&staging.join(FILES))?;
    let mut bytes = 0;
    let mut copied = 0;
    let mut sums = sums::Sums::default();
    for f in files {
        if CANCEL.load(Ordering::SeqCst) {
            let e = std::io::Error::new(
                std::io::ErrorKind::Interrupted,
                "stopped because clinicprep was closing; it is made again at the next start",
            );
            return Err(StorageError::new(staging, "finish the backup in", e));
        }
        let to = staging.join(FILES).join(&f.rel);
        if let Some(parent) = to.parent() {
            storage::ensure_private_dir(parent)?;
        }
        let sum = match plan.link(&f.rel, &to) {
            Some(sum) => sum,
            None => {
                copied += 1;
                incremental::copy_private(&data_dir.join(&f.rel), &to)?
            }
        };
        bytes += sum.size;
        sums.insert(&f.rel, sum);
    }
    sums.write(staging)?;
    let manifest = Manifest {
        time: now.to_rfc3339(),
        reason: reason.to_string(),
        files: files.len(),
        bytes,
        fingerprint: files::fingerprint(files),
        copied: Some(copied),
    };
    let text = toml::to_string(&manifest).unwrap_or_default();
    storage::write_atomic(&staging.join(MANIFEST), text.as_bytes())?;
    sync_tree(&staging.join(FILES))?;
    let copied = files::walk(&staging.join(FILES), &[])?;
    let copied_bytes: u64 = copied.iter().map(|f| f.size).sum();
    if copied.len() != manifest.files || copied_bytes != manifest.bytes {
        let e = std::io::Error::other(format!(
            "the copy holds {} files and {} bytes, not {} and {}",
            copied.len(),
            copied_bytes,
            manifest.files,
            manifest.bytes
        ));
        return Err(StorageError::new(staging, "check the backup in", e));
    }
    Ok(manifest)
}

/// A folder name for a backup made at `now`, with `-2`, `-3`… when one that second exists already.
fn free_id(root: &Path, now: DateTime<Utc>) -> String {
    let base = now.format("%Y-%m-%dT%H-%M-%SZ").to_string();
    let mut id = base.clone();
    let mut n = 1;
    while root.join(&id).exists() || staging_exists(root, &id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

fn staging_exists(root: &Path, id: &str) -> bool {
    let prefix = format!("{STAGING_PREFIX}{id}-");
    fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().starts_with(&prefix))
}

/// Removes half-made backups whose maker is gone (killed, or the machine stopped). Only our own
/// `.staging-*` folders are touched, and one whose owner file is still locked — a backup another
/// process is making right now — never is. A folder without an owner file (an older version's, or
/// one just created) is removed only once it is an hour old.
fn remove_staging(root: &Path) {
    for e in fs::read_dir(root).into_iter().flatten().flatten() {
        if !e.file_name().to_string_lossy().starts_with(STAGING_PREFIX) {
            continue;
        }
        let dir = e.path();
        let gone = match storage::safe::open_private_rw(&dir.join(OWNER), false) {
            Ok(f) if f.metadata().is_ok_and(|m| m.len() == 0) && f.try_lock().is_ok() => {
                // Created by this open: there was no owner file.
                let _ = fs::remove_file(dir.join(OWNER));
                old(&dir)
            }
            Ok(f) => f.try_lock().is_ok(),
            Err(_) => false,
        };
        if gone {
            let _ = fs::remove_dir_all(&dir);
        }
    }
}

fn old(dir: &Path) -> bool {
    fs::symlink_metadata(dir)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > Duration::from_secs(3600))
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

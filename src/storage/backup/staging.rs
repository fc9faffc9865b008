//! Making one backup: built in a staging folder of its own, checked, then published whole.

use super::running::{CANCEL, Running};
use super::{
    BACKUP_DIR, Backup, FILES, MANIFEST, Manifest, STAGING_PREFIX, files, incremental, sums,
};
use crate::storage::{self, StorageError};
use chrono::{DateTime, Utc};
use std::fs;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// Free space a backup always leaves on the disk, so that saves can still be made: at least this,
/// and at least twice the largest data file (a save writes a whole new copy before the rename).
pub const RESERVE_MIN: u64 = 4 * 1024 * 1024;

/// The owner file inside a staging folder: locked by the process building the backup for as long as
/// it does, so another process can tell a live staging folder from one left by a kill.
pub(super) const OWNER: &str = ".owner";

/// Copies `files` into a new backup folder (linking those unchanged since the previous backup, see
/// the module's doc): staged in a folder of this process's own, fsynced, checked against what was
/// copied, then renamed into place. It is published whole or not at all: on any failure (a full
/// disk, a file gone, a cancel at quit) the staging folder is removed whole. It is not started when
/// it would leave less free space than saves need ([`RESERVE_MIN`]).
pub(super) fn make(
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
pub(super) fn claim(staging: &Path) -> Option<fs::File> {
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
             only {} is free. Free some space",
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

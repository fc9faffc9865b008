//! Puts a backup back in place of the current data, after first backing up the current data.

use super::{Backup, files};
use crate::storage::lock::DataLock;
use crate::storage::{self, StorageError};
use chrono::{DateTime, Utc};
use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub id: String,
    /// Files written back from the backup.
    pub restored: usize,
    /// Files that were not in the backup and were removed (they are in `safety`).
    pub removed: usize,
    /// The backup of the data as it was just before, to undo the restore with.
    pub safety: Backup,
}

/// Why a restore did not happen (or stopped part-way; the safety backup is then named).
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("there is no backup called {0}; run `clinicprep restore` to list them")]
    NotFound(String),
    /// The backup's files do not match its manifest (some missing, or cut short by a crash while it
    /// was made): it is damaged, so it is not used.
    #[error(
        "backup {id} is damaged ({what}); nothing was changed. Choose another from \
         `clinicprep restore`"
    )]
    Damaged { id: String, what: String },
    #[error("{0}; {hint}", hint = .0.cli_hint())]
    Storage(#[from] StorageError),
}

/// Replaces the data with backup `id`. Holding `lock` proves no other instance is writing. Steps:
/// check the backup is whole (file count and total size match its manifest); back up the current data (reason "before restoring ID"), so the restore
/// can itself be undone; write every file back atomically; remove the files the backup did not have;
/// then thin old backups. If it stops part-way (disk full), every file is still either its old or its
/// restored version, and the safety backup holds the state before.
pub fn restore(lock: &DataLock, id: &str, now: DateTime<Utc>) -> Result<Restored, RestoreError> {
    let _one = super::exclusive();
    let data_dir = lock.data_dir();
    let backup = super::list(data_dir)?
        .into_iter()
        .find(|b| b.id == id)
        .ok_or_else(|| RestoreError::NotFound(id.to_string()))?;
    let source = super::files_dir(&backup);
    let wanted = files::walk(&source, &[])?;
    let bytes: u64 = wanted.iter().map(|f| f.size).sum();
    let damage = if wanted.len() != backup.files {
        Some(format!("{} of {} files", wanted.len(), backup.files))
    } else if bytes != backup.bytes {
        Some(format!("{bytes} of {} bytes", backup.bytes))
    } else {
        None
    };
    // Every file against the manifest of checksums, when the backup has one (older ones do not):
    // a copy changed or damaged since it was made is caught before anything is written.
    let damage = damage.or_else(|| {
        let sums = super::sums::Sums::read(&backup.dir)?;
        wanted.iter().find_map(|f| {
            let good = sums.get(&f.rel).is_some_and(|s| {
                super::incremental::hash_file(&source.join(&f.rel))
                    .is_ok_and(|(size, hash)| size == s.size && hash == s.hash)
            });
            (!good).then(|| format!("{} does not match its checksum", f.rel.display()))
        })
    });
    if let Some(what) = damage {
        return Err(RestoreError::Damaged {
            id: id.to_string(),
            what,
        });
    }
    let current = files::walk(data_dir, &super::excluded())?;
    let safety = super::make(data_dir, now, &format!("before restoring {id}"), &current)?;

    for f in &wanted {
        let from = source.join(&f.rel);
        let to = data_dir.join(&f.rel);
        let bytes = fs::read(&from).map_err(|e| StorageError::new(&from, "read the backup", e))?;
        if let Some(parent) = to.parent() {
            storage::ensure_private_dir(parent)?;
        }
        storage::write_atomic(&to, &bytes)?;
    }
    let keep: HashSet<&PathBuf> = wanted.iter().map(|f| &f.rel).collect();
    let mut removed = 0;
    for f in current.iter().filter(|f| !keep.contains(&f.rel)) {
        let path = data_dir.join(&f.rel);
        fs::remove_file(&path).map_err(|e| StorageError::new(&path, "remove", e))?;
        removed += 1;
    }
    super::prune(data_dir, now)?;
    Ok(Restored {
        id: id.to_string(),
        restored: wanted.len(),
        removed,
        safety,
    })
}

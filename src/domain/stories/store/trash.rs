//! Leaving a story: delete to the trash and undo, and replacing an outside edit with ours.

use super::{Entry, Fingerprint, SaveOutcome, StoryStore, not_found};
use crate::domain::stories::story::{Story, StoryId};
use crate::storage::{StorageError, ensure_private_dir};
use chrono::{DateTime, Utc};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A deleted story and where its file went; hand it to [`StoryStore::undo_delete`] to bring it back.
#[derive(Debug, Clone)]
pub struct Deleted {
    story: Story,
    disk: Option<Fingerprint>,
    trash: Option<PathBuf>,
}

impl Deleted {
    pub fn story(&self) -> &Story {
        &self.story
    }

    /// Where the file now is; `None` if the story had never been saved.
    pub fn trash_path(&self) -> Option<&Path> {
        self.trash.as_deref()
    }
}

impl StoryStore {
    /// Resolves a conflict in favour of the app's version: whatever is at the story's path (an outside
    /// edit, or a file that failed to load) is moved to the trash, then ours is saved there.
    pub fn keep_mine(
        &mut self,
        id: &StoryId,
        now: DateTime<Utc>,
    ) -> Result<SaveOutcome, StorageError> {
        let path = self.path_of(id);
        let Some(entry) = self.entries.get(id) else {
            return Err(not_found(&path));
        };
        let story = entry.story.clone();
        let copy = entry.conflict_copy.clone();
        if fs::symlink_metadata(&path).is_ok() {
            self.to_trash(&path, id, "replaced", now)?;
        }
        self.bad.remove(id);
        if let Some(e) = self.entries.get_mut(id) {
            e.disk = None;
        }
        let outcome = self.save(&story, now)?;
        // The copy only held earlier saves of this same story, so it is redundant now; but if someone
        // edited it since we wrote it, it is theirs and stays.
        if let (Some((copy, written)), SaveOutcome::Saved { .. }) = (copy, &outcome)
            && crate::storage::safe::read_regular(&copy, super::MAX_STORY_BYTES)
                .is_ok_and(|b| Fingerprint::of(&b) == written)
            && fs::remove_file(&copy).is_ok()
        {
            self.conflict_copies.retain(|p| *p != copy);
        }
        Ok(outcome)
    }

    /// Moves the story's file to `<data dir>/trash/` (nothing is erased) and forgets the story.
    pub fn delete(&mut self, id: &StoryId, now: DateTime<Utc>) -> Result<Deleted, StorageError> {
        let path = self.path_of(id);
        if !self.entries.contains_key(id) {
            return Err(not_found(&path));
        }
        let trash = if fs::symlink_metadata(&path).is_ok() {
            Some(self.to_trash(&path, id, "deleted", now)?)
        } else {
            None
        };
        let Some(entry) = self.entries.remove(id) else {
            return Err(not_found(&path));
        };
        Ok(Deleted {
            story: entry.story,
            disk: entry.disk,
            trash,
        })
    }

    /// Moves a deleted story's file back and restores it. Refuses if its id has been used again.
    pub fn undo_delete(&mut self, deleted: &Deleted) -> Result<(), StorageError> {
        let id = &deleted.story.id;
        let path = self.path_of(id);
        if self.entries.contains_key(id) || self.bad.contains(id) {
            let e = io::Error::new(io::ErrorKind::AlreadyExists, "a story with this id exists");
            return Err(StorageError::new(&path, "restore", e));
        }
        if let Some(trash) = &deleted.trash {
            move_no_clobber(trash, &path)
                .map_err(|e| StorageError::new(&path, "restore from the trash", e))?;
            sync_dir(&self.stories_dir)?;
        }
        self.entries.insert(
            id.clone(),
            Entry {
                story: deleted.story.clone(),
                // The fingerprint from before the delete: if the file was edited in the trash, the
                // next save makes a conflict copy instead of overwriting that edit.
                disk: deleted.disk,
                conflict_copy: None,
            },
        );
        Ok(())
    }

    fn to_trash(
        &self,
        path: &Path,
        id: &StoryId,
        why: &str,
        now: DateTime<Utc>,
    ) -> Result<PathBuf, StorageError> {
        ensure_private_dir(&self.trash_dir)?;
        let target = free_name(&self.trash_dir, id.as_str(), why, now);
        move_no_clobber(path, &target)
            .map_err(|e| StorageError::new(path, "move to the trash", e))?;
        sync_dir(&self.stories_dir)?;
        sync_dir(&self.trash_dir)?;
        Ok(target)
    }
}

/// `<dir>/<stem>.<why>-<ms>.toml`, bumping the millisecond until no such file exists.
pub(super) fn free_name(dir: &Path, stem: &str, why: &str, now: DateTime<Utc>) -> PathBuf {
    let mut ms = now.timestamp_millis();
    loop {
        let p = dir.join(format!("{stem}.{why}-{ms}.toml"));
        if fs::symlink_metadata(&p).is_err() {
            return p;
        }
        ms += 1;
    }
}

/// Moves `from` to `to` without ever replacing an existing `to` (a plain rename would).
fn move_no_clobber(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        // Some file systems have no hard links: check, then rename.
        Err(_) if fs::symlink_metadata(to).is_ok() => Err(io::ErrorKind::AlreadyExists.into()),
        Err(_) => fs::rename(from, to),
    }
}

/// Makes a rename in `dir` durable across a crash.
fn sync_dir(dir: &Path) -> Result<(), StorageError> {
    #[cfg(unix)]
    {
        fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| StorageError::new(dir, "flush the folder", e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

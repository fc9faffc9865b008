//! The folder of story files: load what parses, save without clobbering outside edits, trash and undo.

use super::file;
use super::filter::Filter;
use super::story::{Story, StoryId};
use crate::storage::cache::{self, ParseCache, Want};
use crate::storage::{StorageError, ensure_private_dir, write_atomic};
use chrono::{DateTime, SubsecRound, Utc};
pub use scan::StoryCount;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
pub use trash::Deleted;
use trash::free_name;

mod scan;
mod trash;

use scan::{Found, Opened};

#[cfg(test)]
mod tests;

/// Larger files are not stories (a stray video, a log); reading them would stall start-up. Saving
/// refuses a story whose file would be larger, so every story saved can be opened again.
pub const MAX_STORY_BYTES: u64 = 1024 * 1024;

/// A story file that could not be loaded. Its path is never written to by [`StoryStore::save`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadStory {
    pub path: PathBuf,
    /// 1-based; `None` when the file could not be read at all.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for BadStory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl From<&BadStory> for crate::domain::content::Problem {
    fn from(b: &BadStory) -> Self {
        crate::domain::content::Problem {
            path: b.path.display().to_string(),
            line: b.line,
            column: b.column,
            message: b.message.clone(),
        }
    }
}

/// What a save did, so the app can tell the user when their text went somewhere unexpected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written to the story's own file.
    Saved { path: PathBuf },
    /// The story's file was changed outside the app since it was loaded or saved, so it was left alone
    /// and ours was written to `path` (`<id>.conflict-<ms>.toml`). Later saves update the same copy.
    Conflict { path: PathBuf },
    /// The story's file could not be read at load, so it was left alone and ours was written to `path`.
    KeptBadFile { path: PathBuf },
}

/// Listing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// By title, ignoring case.
    Title,
    /// Most recently updated first; stories with no known time last.
    Updated,
}

impl Order {
    /// `stories` in this order.
    pub fn sorted(self, mut stories: Vec<&Story>) -> Vec<&Story> {
        match self {
            Order::Title => stories.sort_by_cached_key(|s| {
                // The id is borrowed: it only settles equal titles.
                let s: &Story = s;
                (s.title.to_lowercase(), &s.id)
            }),
            Order::Updated => stories.sort_by(|a, b| {
                b.updated
                    .cmp(&a.updated)
                    .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            }),
        }
        stories
    }
}

/// What a file held when we last read or wrote it. The modification time is deliberately not part of
/// it: mtimes can be coarse (an edit in the same second looks unchanged) and a `touch` changes them
/// without changing a byte, while the file is re-read before every save anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    size: u64,
    /// [`cache::hash`], the same hash the parse cache keeps, so a cached story needs no read.
    hash: u64,
}

impl Fingerprint {
    fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint {
            size: bytes.len() as u64,
            hash: cache::hash(bytes),
        }
    }
}

struct Entry {
    story: Story,
    /// `None` until the story has a file of ours.
    disk: Option<Fingerprint>,
    /// Where saves go while the real file is in conflict, and what we last wrote there.
    conflict_copy: Option<(PathBuf, Fingerprint)>,
}

/// The stories in `<data dir>/stories/`, one TOML file each, named by id.
pub struct StoryStore {
    stories_dir: PathBuf,
    trash_dir: PathBuf,
    entries: BTreeMap<StoryId, Entry>,
    /// Ids whose files failed to load: saving never writes over them.
    bad: BTreeSet<StoryId>,
    /// Ids handed out by [`StoryStore::new_id`], so two new stories never share one.
    reserved: BTreeSet<StoryId>,
    conflict_copies: Vec<PathBuf>,
}

impl StoryStore {
    /// Loads every `*.toml` story under `<data_dir>/stories/`. Files that fail to load are returned
    /// with the position of the error and are never overwritten; conflict copies are listed in
    /// [`StoryStore::conflict_copies`], not loaded. A missing folder is an empty store; a folder that
    /// cannot be listed is an error, since saving into it would likely fail too. Unchanged files come
    /// from the parse cache (see [`crate::storage::cache`]).
    pub fn load(data_dir: &Path) -> Result<(StoryStore, Vec<BadStory>), StorageError> {
        let mut store = StoryStore {
            stories_dir: data_dir.join("stories"),
            trash_dir: data_dir.join("trash"),
            entries: BTreeMap::new(),
            bad: BTreeSet::new(),
            reserved: BTreeSet::new(),
            conflict_copies: Vec::new(),
        };
        let mut bad = Vec::new();
        let mut cache = ParseCache::open_lazy(data_dir, "stories");
        let found = scan::scan(&store.stories_dir)?;
        let mut stories = Vec::with_capacity(found.len());
        for f in found {
            match f {
                Found::ConflictCopy(path) => store.conflict_copies.push(path),
                Found::Story { path, stem, meta } => stories.push((path, stem, meta)),
            }
        }
        for opened in scan::open_many(&mut cache, stories, Want::Values) {
            match opened {
                Ok(Opened { id, story, disk }) => {
                    if let Some(story) = story {
                        store.entries.insert(
                            id,
                            Entry {
                                story,
                                disk: Some(disk),
                                conflict_copy: None,
                            },
                        );
                    }
                }
                // From the id on, the file is protected even if it turns out unreadable.
                Err((id, b)) => {
                    store.bad.extend(id);
                    bad.push(b);
                }
            }
        }
        // A cache that cannot be written only costs time on the next start.
        let _ = cache.save();
        store.conflict_copies.sort();
        bad.sort_by(|a, b| a.path.cmp(&b.path));
        Ok((store, bad))
    }

    /// A new id for a story titled `title` created at `now`, unique among loaded, unreadable, reserved
    /// and on-disk files (so a case-insensitive file system cannot merge two either).
    pub fn new_id(&mut self, title: &str, now: DateTime<Utc>) -> StoryId {
        let base = StoryId::generate(title, now);
        let mut id = base.clone();
        let mut n = 2;
        while self.entries.contains_key(&id)
            || self.bad.contains(&id)
            || self.reserved.contains(&id)
            || fs::symlink_metadata(self.path_of(&id)).is_ok()
        {
            id = base.with_suffix(n);
            n += 1;
        }
        self.reserved.insert(id.clone());
        id
    }

    pub fn get(&self, id: &StoryId) -> Option<&Story> {
        self.entries.get(id).map(|e| &e.story)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All stories in id order, as they are kept: for a pass that needs no order of its own.
    pub fn by_id(&self) -> impl Iterator<Item = &Story> {
        self.entries.values().map(|e| &e.story)
    }

    /// All stories in the given order.
    pub fn list(&self, order: Order) -> Vec<&Story> {
        order.sorted(self.entries.values().map(|e| &e.story).collect())
    }

    /// The stories that match a filter typed by the user (see [`Filter`]), in the given order.
    pub fn list_matching(&self, order: Order, query: &str) -> Vec<&Story> {
        let filter = Filter::new(query);
        let mut out = self.list(order);
        out.retain(|s| filter.matches(s));
        out
    }

    /// Conflict copies found at load or written since, oldest name first.
    pub fn conflict_copies(&self) -> &[PathBuf] {
        &self.conflict_copies
    }

    /// The conflict copy a story's saves are going to, if its file changed outside the app.
    pub fn conflict_copy_of(&self, id: &StoryId) -> Option<&Path> {
        self.entries
            .get(id)?
            .conflict_copy
            .as_ref()
            .map(|(p, _)| p.as_path())
    }

    pub fn path_of(&self, id: &StoryId) -> PathBuf {
        self.stories_dir.join(format!("{id}.toml"))
    }

    /// Saves `story` with `updated` set to `now`, atomically and readable only by the user. If its file
    /// changed on disk since we read or wrote it, or failed to load, that file is left untouched and
    /// ours goes to a conflict copy beside it. (A change in the instant between the check and the
    /// write can still be lost; the window is a few microseconds.)
    pub fn save(&mut self, story: &Story, now: DateTime<Utc>) -> Result<SaveOutcome, StorageError> {
        let now = now.trunc_subsecs(0);
        let mut story = story.clone();
        story.updated = Some(now);
        let path = self.path_of(&story.id);
        let text = file::to_toml(&story)
            .map_err(|e| StorageError::new(&path, "format", io::Error::other(e)))?;
        // What is written must load: a story over the load limit is refused here, before anything
        // is written, and its text stays in the editor.
        if text.len() as u64 > MAX_STORY_BYTES {
            let e = crate::storage::safe::too_large(text.len() as u64, MAX_STORY_BYTES);
            return Err(StorageError::new(&path, "save the story (too long) to", e));
        }
        ensure_private_dir(&self.stories_dir)?;
        if self.bad.contains(&story.id) {
            let copy = self.write_conflict_copy(&story, &text, now)?;
            return Ok(SaveOutcome::KeptBadFile { path: copy });
        }
        let known = self.entries.get(&story.id).and_then(|e| e.disk);
        let on_disk = match crate::storage::safe::read_regular(&path, MAX_STORY_BYTES) {
            Ok(bytes) => Some(Fingerprint::of(&bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(StorageError::new(&path, "check for outside changes to", e)),
        };
        let changed = match (known, on_disk) {
            (_, None) => false,
            (Some(k), Some(d)) => k != d,
            (None, Some(_)) => true,
        };
        if changed {
            let copy = self.write_conflict_copy(&story, &text, now)?;
            return Ok(SaveOutcome::Conflict { path: copy });
        }
        write_atomic(&path, text.as_bytes())?;
        self.reserved.remove(&story.id);
        let disk = Some(Fingerprint::of(text.as_bytes()));
        self.entries.insert(
            story.id.clone(),
            Entry {
                story,
                disk,
                conflict_copy: None,
            },
        );
        Ok(SaveOutcome::Saved { path })
    }

    /// Writes `story` to its conflict copy (the same one on every save until resolved) and keeps it as
    /// the in-memory version; the known state of the real file stays as it was.
    fn write_conflict_copy(
        &mut self,
        story: &Story,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<PathBuf, StorageError> {
        let existing = self
            .entries
            .get(&story.id)
            .and_then(|e| e.conflict_copy.as_ref().map(|(p, _)| p.clone()));
        let copy = match existing {
            Some(p) => p,
            None => free_name(&self.stories_dir, story.id.as_str(), "conflict", now),
        };
        write_atomic(&copy, text.as_bytes())?;
        let written = Fingerprint::of(text.as_bytes());
        if !self.conflict_copies.contains(&copy) {
            self.conflict_copies.push(copy.clone());
        }
        let entry = self.entries.entry(story.id.clone()).or_insert(Entry {
            story: story.clone(),
            disk: None,
            conflict_copy: None,
        });
        entry.story = story.clone();
        entry.conflict_copy = Some((copy.clone(), written));
        Ok(copy)
    }
}

fn not_found(path: &Path) -> StorageError {
    let e = io::Error::new(io::ErrorKind::NotFound, "no such story");
    StorageError::new(path, "find", e)
}

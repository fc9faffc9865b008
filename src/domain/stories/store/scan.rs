//! Finding story files and opening each one, for loading the store and for counting stories.

use super::{BadStory, Fingerprint, MAX_STORY_BYTES, StoryStore};
use crate::domain::stories::file;
use crate::domain::stories::story::{Story, StoryId};
use crate::storage::StorageError;
use crate::storage::cache::{LoadError, ParseCache};
use chrono::{DateTime, Utc};
use std::fs::{self, Metadata};
use std::io;
use std::path::{Path, PathBuf};

impl Found {
    /// The story's file name without `.toml`; `None` for a conflict copy.
    fn stem(&self) -> Option<&str> {
        match self {
            Found::Story { stem, .. } => Some(stem),
            Found::ConflictCopy(_) => None,
        }
    }
}

/// One entry of the stories folder worth looking at.
pub enum Found {
    /// A `<stem>.toml` file (the metadata read through links, as loading does).
    Story {
        path: PathBuf,
        stem: String,
        meta: io::Result<Metadata>,
    },
    /// A copy saved aside during an edit conflict: listed, never loaded.
    ConflictCopy(PathBuf),
}

/// The story files and conflict copies in `dir`; a missing folder has none. Dot files (including the
/// temporary files of an interrupted atomic write) and folders are skipped.
pub fn scan(dir: &Path) -> Result<Vec<Found>, StorageError> {
    let listing = match fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StorageError::new(dir, "list the stories in", e)),
    };
    let mut out = Vec::new();
    for item in listing {
        let item = item.map_err(|e| StorageError::new(dir, "list the stories in", e))?;
        let name = item.file_name().to_string_lossy().into_owned();
        let Some(stem) = name
            .strip_suffix(".toml")
            .filter(|_| !name.starts_with('.'))
        else {
            continue;
        };
        let path = item.path();
        // Through the folder's open handle (one name to look up, not the whole path), except for a
        // link, whose target is what loading reads.
        let meta = match item.file_type() {
            Ok(t) if !t.is_symlink() => item.metadata(),
            _ => fs::metadata(&path),
        };
        if meta.as_ref().is_ok_and(Metadata::is_dir) {
            continue;
        }
        if stem.contains(".conflict-") {
            out.push(Found::ConflictCopy(path));
            continue;
        }
        out.push(Found::Story {
            stem: stem.to_string(),
            path,
            meta,
        });
    }
    Ok(out)
}

/// A story file that opened: its id, the story if it was asked for, and what is on disk.
pub struct Opened {
    pub id: StoryId,
    pub story: Option<Story>,
    pub disk: Fingerprint,
}

/// Opens one story file through the cache: parsed and cleaned, or (with `decode` false) only checked.
/// A failure carries the id when the name was one, so the store can protect that file from saves.
pub fn open_one(
    cache: &mut ParseCache<Story>,
    path: &Path,
    stem: &str,
    meta: io::Result<Metadata>,
    decode: bool,
) -> Result<Opened, (Option<StoryId>, BadStory)> {
    let fail = |line, column, message: String| BadStory {
        path: path.to_path_buf(),
        line,
        column,
        message,
    };
    let Some(id) = StoryId::from_stem(stem) else {
        let msg = "this file name cannot be a story id".into();
        return Err((None, fail(None, None, msg)));
    };
    let failed = |b: BadStory| (Some(id.clone()), b);
    let meta = meta.map_err(|e| failed(fail(None, None, e.to_string())))?;
    if meta.len() > MAX_STORY_BYTES {
        let msg = format!("too large for a story ({} KiB)", meta.len() / 1024);
        return Err(failed(fail(None, None, msg)));
    }
    let mtime = meta.modified().ok().map(DateTime::<Utc>::from);
    let parse = |bytes: &[u8]| file::from_bytes(bytes, id.clone(), mtime).map(|s| s.sanitized());
    let got = if decode {
        let loaded = cache.load(stem, path, &meta, parse);
        loaded.map(|l| (Some(l.value), l.hash, l.len))
    } else {
        let checked = cache.check(stem, path, &meta, parse);
        checked.map(|l| (None, l.hash, l.len))
    };
    let (story, hash, size) = got.map_err(|e| {
        failed(match e {
            LoadError::Read(e) => fail(None, None, e.to_string()),
            LoadError::Parse(e) => fail(e.line, e.column, e.message),
        })
    })?;
    let disk = Fingerprint { size, hash };
    let story = story.map(|mut s: Story| {
        // The file name is the id, whatever the cache holds.
        s.id = id.clone();
        s
    });
    Ok(Opened { id, story, disk })
}

/// What [`StoryStore::count`] finds: how many stories load, which files do not, and a fingerprint of
/// the stories that load.
#[derive(Debug)]
pub struct StoryCount {
    pub good: usize,
    pub bad: Vec<BadStory>,
    /// A hash of each loading story's id and content hash, in id order: values worked out from the
    /// stories can be kept under it (see [`crate::storage::cache::DerivedCache`]).
    pub fingerprint: u64,
}

impl StoryStore {
    /// How many story files load, and which do not, as [`StoryStore::load`] would find them, without
    /// decoding the stories the cache vouches for: all that `status` needs.
    pub fn count(data_dir: &Path) -> Result<StoryCount, StorageError> {
        // Only the cache's index is read: the stories themselves are never decoded here.
        let mut cache = ParseCache::open_lazy(data_dir, "stories");
        let mut good = Vec::new();
        let mut bad = Vec::new();
        let mut found = scan(&data_dir.join("stories"))?;
        // In name order, as the cache keeps them, so each is found at the next place in its index.
        found.sort_unstable_by(|a, b| a.stem().cmp(&b.stem()));
        for found in found {
            if let Found::Story { path, stem, meta } = found {
                match open_one(&mut cache, &path, &stem, meta, false) {
                    Ok(opened) => good.push((stem, opened.disk.hash)),
                    Err((_, b)) => bad.push(b),
                }
            }
        }
        let _ = cache.save();
        bad.sort_by(|a, b| a.path.cmp(&b.path));
        good.sort_unstable();
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for (stem, hash) in &good {
            h.update(&(stem.len() as u64).to_le_bytes());
            h.update(stem.as_bytes());
            h.update(&hash.to_le_bytes());
        }
        Ok(StoryCount {
            good: good.len(),
            bad,
            fingerprint: h.digest(),
        })
    }
}

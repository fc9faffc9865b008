//! Finding story files and opening each one, for loading the store and for counting stories.

use super::{BadStory, Fingerprint, MAX_STORY_BYTES, StoryStore};
use crate::domain::stories::file;
use crate::domain::stories::story::{Story, StoryId};
use crate::storage::StorageError;
use crate::storage::cache::{Job, LoadError, ParseCache, Want};
use chrono::{DateTime, Utc};
use std::fs::{self, Metadata};
use std::io;
use std::path::{Path, PathBuf};

impl Found {
    /// A story file's path, name and metadata; `None` for a conflict copy.
    pub fn into_story(self) -> Option<(PathBuf, String, io::Result<Metadata>)> {
        match self {
            Found::Story { path, stem, meta } => Some((path, stem, meta)),
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

/// The story files and conflict copies in `dir`, in name order; a missing folder has none. Dot files (including the
/// temporary files of an interrupted atomic write) and folders are skipped.
pub fn scan(dir: &Path) -> Result<Vec<Found>, StorageError> {
    let listing = match fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StorageError::new(dir, "list the stories in", e)),
    };
    let mut named = Vec::new();
    for item in listing {
        let item = item.map_err(|e| StorageError::new(dir, "list the stories in", e))?;
        let name = item.file_name().to_string_lossy().into_owned();
        let Some(stem) = name
            .strip_suffix(".toml")
            .filter(|_| !name.starts_with('.'))
        else {
            continue;
        };
        let stem = stem.to_string();
        named.push((item, stem));
    }
    // In name order, as the cache keeps them, so each is found at the next place in its index.
    named.sort_unstable_by(|a, b| a.1.cmp(&b.1));
    let metas = stat_all(&named);
    let mut out = Vec::with_capacity(named.len());
    for ((item, stem), meta) in named.into_iter().zip(metas) {
        if meta.as_ref().is_ok_and(Metadata::is_dir) {
            continue;
        }
        let path = item.path();
        if stem.contains(".conflict-") {
            out.push(Found::ConflictCopy(path));
            continue;
        }
        out.push(Found::Story { stem, path, meta });
    }
    Ok(out)
}

/// Each entry's metadata, through the folder's open handle (one name to look up, not the whole
/// path), except for a link, whose target is what loading reads. Ten thousand stories are looked
/// up on every core: the lookups are most of what counting them costs.
fn stat_all(named: &[(fs::DirEntry, String)]) -> Vec<io::Result<Metadata>> {
    let one = |(item, _): &(fs::DirEntry, String)| match item.file_type() {
        Ok(t) if !t.is_symlink() => item.metadata(),
        _ => fs::metadata(item.path()),
    };
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    if workers < 2 || named.len() < 1024 {
        return named.iter().map(one).collect();
    }
    let share = named.len().div_ceil(workers);
    std::thread::scope(|s| {
        let running: Vec<_> = named
            .chunks(share)
            .map(|chunk| {
                (
                    chunk.len(),
                    s.spawn(move || chunk.iter().map(one).collect::<Vec<_>>()),
                )
            })
            .collect();
        running
            .into_iter()
            .flat_map(|(n, r)| {
                r.join().unwrap_or_else(|_| {
                    (0..n)
                        .map(|_| Err(io::Error::other("could not be looked up")))
                        .collect()
                })
            })
            .collect()
    })
}

/// A story file that opened: its id, the story if it was asked for, and what is on disk.
pub struct Opened {
    pub id: StoryId,
    pub story: Option<Story>,
    pub disk: Fingerprint,
}

/// The story files `found` (in name order, as the cache keeps them), opened through the cache:
/// parsed and cleaned, with the stories `want` asks for; the files the cache cannot vouch for are
/// parsed on every core. A failure carries the id when the name was one, so the store can
/// protect that file from saves.
pub fn open_many(
    cache: &mut ParseCache<Story>,
    found: Vec<(PathBuf, String, io::Result<Metadata>)>,
    want: Want,
) -> Vec<Result<Opened, (Option<StoryId>, BadStory)>> {
    let fail = |path: &Path, line, column, message: String| BadStory {
        path: path.to_path_buf(),
        line,
        column,
        message,
    };
    // Each file's outcome: known before the cache is asked, or the position of its job.
    let mut early = Vec::with_capacity(found.len());
    let mut jobs = Vec::new();
    let mut ids = Vec::new();
    let mut mtimes = Vec::new();
    for (path, stem, meta) in found {
        let Some(id) = StoryId::from_stem(&stem) else {
            let msg = "this file name cannot be a story id".into();
            early.push(Err((None, fail(&path, None, None, msg))));
            continue;
        };
        let meta = match meta {
            Ok(m) if m.len() > MAX_STORY_BYTES => {
                let msg = format!("too large for a story ({} KiB)", m.len() / 1024);
                early.push(Err((Some(id), fail(&path, None, None, msg))));
                continue;
            }
            Ok(m) => m,
            Err(e) => {
                early.push(Err((Some(id), fail(&path, None, None, e.to_string()))));
                continue;
            }
        };
        early.push(Ok(jobs.len()));
        mtimes.push(meta.modified().ok().map(DateTime::<Utc>::from));
        ids.push(id);
        jobs.push(Job {
            key: stem,
            path,
            meta,
        });
    }
    let parse = |i: usize, bytes: &[u8]| {
        let (Some(id), Some(mtime)) = (ids.get(i), mtimes.get(i)) else {
            return Err(file::FormatError {
                line: None,
                column: None,
                message: "could not be opened".into(),
            });
        };
        file::from_bytes(bytes, id.clone(), *mtime).map(|s| s.sanitized())
    };
    // A parsed story is cleaned above; one from the cache as soon as it is decoded.
    let mut loaded = cache
        .load_many_then(&jobs, want, parse, Story::sanitize)
        .into_iter();
    let mut ids = ids.into_iter();
    let mut jobs = jobs.iter();
    early
        .into_iter()
        .map(|e| {
            let _ = e?;
            let (Some(id), Some(job), Some(got)) = (ids.next(), jobs.next(), loaded.next()) else {
                let msg = "could not be opened".to_string();
                return Err((None, fail(Path::new(""), None, None, msg)));
            };
            let got = got.map_err(|e| {
                let b = match e {
                    LoadError::Read(e) => fail(&job.path, None, None, e.to_string()),
                    LoadError::Parse(e) => fail(&job.path, e.line, e.column, e.message),
                };
                (Some(id.clone()), b)
            })?;
            let disk = Fingerprint {
                size: got.len,
                hash: got.hash,
            };
            // The file name is the id, whatever the cache holds.
            let story = got.value.map(|mut s: Story| {
                s.id = id.clone();
                s
            });
            Ok(Opened { id, story, disk })
        })
        .collect()
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
        Ok(StoryStore::count_keeping(data_dir)?.0)
    }

    /// [`StoryStore::count`], and the stories that load, in name order, when every one of them had
    /// to be parsed (a first start, or no cache): then working something out from them costs no
    /// second pass over the files or the cache. `None` when any came from the cache unread.
    pub fn count_keeping(
        data_dir: &Path,
    ) -> Result<(StoryCount, Option<Vec<Story>>), StorageError> {
        // Only the cache's index is read: the stories it vouches for are never decoded here.
        let mut cache = ParseCache::open_lazy(data_dir, "stories");
        let mut good = Vec::new();
        let mut parsed = Some(Vec::new());
        let mut bad = Vec::new();
        let found = scan(&data_dir.join("stories"))?;
        let stories = found.into_iter().filter_map(Found::into_story).collect();
        for opened in open_many(&mut cache, stories, Want::Parsed) {
            match opened {
                Ok(opened) => {
                    good.push((opened.id, opened.disk.hash));
                    match (opened.story, parsed.as_mut()) {
                        (Some(story), Some(all)) => all.push(story),
                        _ => parsed = None,
                    }
                }
                Err((_, b)) => bad.push(b),
            }
        }
        let _ = cache.save();
        bad.sort_by(|a, b| a.path.cmp(&b.path));
        good.sort_unstable();
        let count = StoryCount {
            good: good.len(),
            bad,
            fingerprint: fingerprint(good.iter().map(|(id, hash)| (id, *hash))),
        };
        Ok((count, parsed))
    }

    /// The fingerprint [`StoryStore::count`] gives for the stories loaded now, so a value worked
    /// out from them can be kept under it only if no file changed in between.
    pub fn fingerprint(&self) -> u64 {
        fingerprint(
            self.entries
                .iter()
                .filter_map(|(id, e)| Some((id, e.disk?.hash))),
        )
    }
}

/// A hash of each loading story's id and content hash, in id order.
fn fingerprint<'a>(good: impl Iterator<Item = (&'a StoryId, u64)>) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for (id, hash) in good {
        let stem = id.as_str();
        h.update(&(stem.len() as u64).to_le_bytes());
        h.update(stem.as_bytes());
        h.update(&hash.to_le_bytes());
    }
    h.digest()
}

//! Derived caches of parsed files, so start-up and `status` parse only the files that changed.
//!
//! The TOML files stay the source of truth. A cache file (`<data dir>/cache/*.bin`) maps each source
//! file to its [`Stamp`], its content hash and its parsed value in postcard form. A value is used only
//! when the file's stamp is unchanged and, for a file that changed just before it was read, its hash
//! matches too. Anything odd — a missing, truncated, corrupted or older-format cache — means the cache
//! is ignored and the files are parsed as if it were not there; it is rebuilt on the next save. Only
//! files that parsed cleanly are cached, so a broken file is always re-read and reported.

mod container;
mod derived;
mod many;
mod save;
mod stamp;

pub use derived::DerivedCache;
pub use many::{Job, Want};
pub use save::Encoded;
pub use stamp::{Stamp, hash};

use container::{Opened, Slot};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs::Metadata;
use std::io;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The folder under the data dir that holds caches. Safe to delete at any time; never backed up.
pub const CACHE_DIR: &str = "cache";

/// No source file larger than this is read through the cache, whatever its caller checked first (the
/// file may have grown since). Callers refuse files well below it: stories over 1 MiB, content files
/// over 32 MiB.
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// A cache file larger than this is ignored: it cannot be one we wrote for a folder of sane size.
const MAX_CACHE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a source file: a regular file only, never blocking on a pipe, at most [`MAX_SOURCE_BYTES`].
fn read_source(path: &Path) -> io::Result<Vec<u8>> {
    crate::storage::safe::read_regular(path, MAX_SOURCE_BYTES)
}

/// A file's value from the cache or from parsing it now, with the hash of the bytes it came from.
#[derive(Debug)]
pub struct Loaded<T> {
    pub value: T,
    pub hash: u64,
    /// The length of the bytes the value came from (read now, or recorded with the entry).
    pub len: u64,
    /// True when the value came from the cache rather than from parsing.
    pub cached: bool,
}

/// Why a file could not be loaded: it could not be read, or the parser refused it.
#[derive(Debug)]
pub enum LoadError<E> {
    Read(io::Error),
    Parse(E),
}

/// An entry of the cache to be written: reused from the cache file as it was, or made just now.
enum Value {
    Old(Slot),
    Fresh { bytes: Vec<u8>, sum: u64 },
}

/// An entry's key: the old index's (by position, so keeping an entry allocates nothing) or its own.
enum Key {
    Old(usize),
    Own(String),
}

struct Entry {
    key: Key,
    stamp: Stamp,
    hash: u64,
    racy: bool,
    value: Value,
}

/// What the cache says about a source file before any value is decoded.
enum Lookup {
    /// The entry at this position of the old index vouches for the file (its stamp matches, and
    /// its hash too if it was racy).
    Hit(usize, Slot),
    /// No usable entry; the bytes if the file was read to check a racy entry.
    Miss(Option<Vec<u8>>),
}

/// One cache file of parsed values of type `T`, keyed by a name for each source file.
pub struct ParseCache<T> {
    file: PathBuf,
    /// The cache file as read.
    old: Option<Opened>,
    /// Which of the old entries were looked up (the rest are dropped at save).
    taken: Vec<bool>,
    /// The entries to write, in the order they were looked up.
    new: Vec<Entry>,
    /// Set when `new` differs from what is on disk, so an unchanged cache is never rewritten.
    changed: bool,
    /// False for [`ParseCache::off`]: nothing is read, remembered or written.
    enabled: bool,
    /// Set by [`ParseCache::keep_the_rest`].
    keep_rest: bool,
    /// Where the next key is looked for first: after the last one found.
    next: usize,
    _value: PhantomData<fn() -> T>,
}

impl<T: Serialize + DeserializeOwned> ParseCache<T> {
    /// Opens `<data_dir>/cache/<name>.bin`, reading it whole: for a cache of one value (the review
    /// history's). Never fails: an unusable cache is an empty one.
    pub fn open(data_dir: &Path, name: &str) -> ParseCache<T> {
        let file = cache_file(data_dir, name);
        let old = crate::storage::safe::read_regular(&file, MAX_CACHE_BYTES)
            .ok()
            .and_then(Opened::from_bytes);
        ParseCache::new(file, old, true)
    }

    /// Opens `<data_dir>/cache/<name>.bin` reading only its index; values are read from the file as
    /// they are decoded, a stretch at a time (see `container::Window`). For callers that only check
    /// files (`status`), decode a few large values (deck files) or many small ones in order
    /// (stories), so the whole cache is never held in memory at once.
    pub fn open_lazy(data_dir: &Path, name: &str) -> ParseCache<T> {
        let file = cache_file(data_dir, name);
        let old = Opened::index_of(&file, MAX_CACHE_BYTES);
        ParseCache::new(file, old, true)
    }

    /// A cache that never hits and never writes, for loading without a data folder.
    pub fn off() -> ParseCache<T> {
        ParseCache::new(PathBuf::new(), None, false)
    }

    fn new(file: PathBuf, old: Option<Opened>, enabled: bool) -> ParseCache<T> {
        ParseCache {
            file,
            taken: vec![false; old.as_ref().map_or(0, |o| o.slots.len())],
            old,
            new: Vec::new(),
            changed: false,
            enabled,
            keep_rest: false,
            next: 0,
            _value: PhantomData,
        }
    }

    /// The value of the file at `path` (whose metadata is `meta`), from the cache when the file is
    /// unchanged, else by reading it and calling `parse` on its bytes. `key` names the file in the
    /// cache; every file looked up is kept, and files not looked up are dropped at [`Self::save`].
    pub fn load<E>(
        &mut self,
        key: &str,
        path: &Path,
        meta: &Metadata,
        parse: impl FnOnce(&[u8]) -> Result<T, E>,
    ) -> Result<Loaded<T>, LoadError<E>> {
        let stamp = Stamp::of(meta);
        let bytes = match self.lookup(key, path, stamp).map_err(LoadError::Read)? {
            Lookup::Hit(i, slot) => {
                let value = self.old_decoded(&slot);
                if let Some(value) = value {
                    self.keep(i, slot, stamp);
                    return Ok(Loaded {
                        value,
                        hash: slot.hash,
                        len: meta.len(),
                        cached: true,
                    });
                }
                // The entry vouched for the file but its value cannot be read: parse instead.
                self.changed = true;
                None
            }
            Lookup::Miss(bytes) => bytes,
        };
        self.parse_now(key, path, stamp, bytes, parse)
    }

    /// Like [`Self::load`] for a caller that only needs to know the file is good (`status` counting
    /// stories): a cached value is not read or decoded.
    pub fn check<E>(
        &mut self,
        key: &str,
        path: &Path,
        meta: &Metadata,
        parse: impl FnOnce(&[u8]) -> Result<T, E>,
    ) -> Result<Loaded<()>, LoadError<E>> {
        let stamp = Stamp::of(meta);
        let bytes = match self.lookup(key, path, stamp).map_err(LoadError::Read)? {
            Lookup::Hit(i, slot) => {
                self.keep(i, slot, stamp);
                return Ok(Loaded {
                    value: (),
                    hash: slot.hash,
                    len: meta.len(),
                    cached: true,
                });
            }
            Lookup::Miss(bytes) => bytes,
        };
        self.parse_now(key, path, stamp, bytes, parse)
            .map(|l| Loaded {
                value: (),
                hash: l.hash,
                len: l.len,
                cached: false,
            })
    }

    /// The content hash the cache vouches for, for the file at `path` as it is now, or `None` when it
    /// cannot (no entry, another stamp, or a racy entry whose hash no longer matches). Changes
    /// nothing and decodes nothing: for fingerprinting a set of files (see [`DerivedCache`]).
    pub fn vouch(&self, key: &str, path: &Path, meta: &Metadata) -> Option<u64> {
        let old = self.old.as_ref()?;
        let (_, slot) = old.slots.get(old.find(key)?)?;
        if slot.stamp != Stamp::of(meta) {
            return None;
        }
        let same = !slot.racy || read_source(path).is_ok_and(|b| hash(&b) == slot.hash);
        same.then_some(slot.hash)
    }

    /// The old entry for `key`, marked as looked up, with its position.
    fn take(&mut self, key: &str) -> Option<(usize, Slot)> {
        let old = self.old.as_ref()?;
        let i = old.find_from(key, self.next)?;
        self.next = i + 1;
        let taken = self.taken.get_mut(i)?;
        if std::mem::replace(taken, true) {
            // Looked up before: that lookup's entry stands.
            return None;
        }
        Some((i, old.slots.get(i)?.1))
    }

    /// Looks `key` up and says whether its entry vouches for the file with `stamp`.
    fn lookup(&mut self, key: &str, path: &Path, stamp: Stamp) -> io::Result<Lookup> {
        let Some((i, slot)) = self.take(key) else {
            return Ok(Lookup::Miss(None));
        };
        // Whatever happens below, an entry that is not reused as it was means the cache changed;
        // `keep` clears this again when it is.
        if slot.stamp != stamp {
            self.changed = true;
            return Ok(Lookup::Miss(None));
        }
        if !slot.racy {
            return Ok(Lookup::Hit(i, slot));
        }
        let bytes = read_source(path)?;
        if hash(&bytes) == slot.hash {
            Ok(Lookup::Hit(i, slot))
        } else {
            self.changed = true;
            Ok(Lookup::Miss(Some(bytes)))
        }
    }

    /// Reuses an entry that vouched for its file; it stays racy only while the file is that recent.
    fn keep(&mut self, i: usize, slot: Slot, stamp: Stamp) {
        let racy = slot.racy && stamp.is_racy(SystemTime::now());
        self.changed |= racy != slot.racy;
        let entry = Entry {
            key: Key::Old(i),
            stamp,
            hash: slot.hash,
            racy,
            value: Value::Old(slot),
        };
        self.new.push(entry);
    }

    /// The old value in `slot` decoded, if it can be read, passes its checksum and decodes.
    fn old_decoded(&self, slot: &Slot) -> Option<T> {
        self.old
            .as_ref()?
            .decode(slot, |raw| postcard::from_bytes::<T>(raw).ok())
    }

    /// Reads (unless already read) and parses the file, and remembers the value if it parsed.
    fn parse_now<E>(
        &mut self,
        key: &str,
        path: &Path,
        stamp: Stamp,
        bytes: Option<Vec<u8>>,
        parse: impl FnOnce(&[u8]) -> Result<T, E>,
    ) -> Result<Loaded<T>, LoadError<E>> {
        let read_at = SystemTime::now();
        let bytes = match bytes {
            Some(b) => b,
            None => read_source(path).map_err(LoadError::Read)?,
        };
        let value = parse(&bytes).map_err(LoadError::Parse)?;
        let hash = hash(&bytes);
        self.remember(key, stamp, hash, stamp.is_racy(read_at), &value);
        Ok(Loaded {
            value,
            hash,
            len: bytes.len() as u64,
            cached: false,
        })
    }

    fn remember(&mut self, key: &str, stamp: Stamp, hash: u64, racy: bool, value: &T) {
        if !self.enabled {
            return;
        }
        if let Ok(bytes) = postcard::to_allocvec(value) {
            self.remember_bytes(key, stamp, hash, racy, bytes);
        }
    }
}

fn cache_file(data_dir: &Path, name: &str) -> PathBuf {
    data_dir.join(CACHE_DIR).join(format!("{name}.bin"))
}

#[cfg(test)]
mod tests;

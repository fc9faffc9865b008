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
mod stamp;

pub use derived::DerivedCache;
pub use many::{Job, Want};
pub use stamp::{Stamp, hash};

use container::{Opened, Out, Slot};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use std::fs::{self, Metadata};
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

/// A value encoded as a [`ParseCache<T>`] stores it, made ahead of [`ParseCache::put_encoded`].
#[derive(Debug)]
pub struct Encoded<T> {
    bytes: Vec<u8>,
    _value: PhantomData<fn() -> T>,
}

impl<T: Serialize> Encoded<T> {
    /// `None` if the value cannot be encoded (then it is simply not cached).
    pub fn of(value: &T) -> Option<Encoded<T>> {
        let mut bytes = postcard::to_allocvec(value).ok()?;
        // Kept until the cache is written: without the room the encoder grew into.
        bytes.shrink_to_fit();
        Some(Encoded {
            bytes,
            _value: PhantomData,
        })
    }
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

    /// Records `value` as the parsed form of the file whose metadata is `meta`, which the caller
    /// has just written with bytes whose hash is `hash`, so the next load does not parse it again.
    /// The entry is racy (just written), so it is trusted only once the file's hash is checked again.
    pub fn put(&mut self, key: &str, meta: &Metadata, hash: u64, value: &T) {
        if let Some(encoded) = Encoded::of(value) {
            self.put_encoded(key, meta, hash, encoded);
        }
    }

    /// [`Self::put`] with the value encoded beforehand (on another thread, say).
    pub fn put_encoded(&mut self, key: &str, meta: &Metadata, hash: u64, value: Encoded<T>) {
        self.take(key);
        if !self.enabled {
            return;
        }
        let stamp = Stamp::of(meta);
        let sum = self::hash(&value.bytes);
        self.new.push(Entry {
            key: Key::Own(key.to_string()),
            stamp,
            hash,
            racy: stamp.is_racy(SystemTime::now()),
            value: Value::Fresh {
                bytes: value.bytes,
                sum,
            },
        });
        self.changed = true;
    }

    /// Keeps, at [`Self::save`], the entries that were not looked up, instead of dropping them: for
    /// a caller that adds a few files (an import) without looking at the others.
    pub fn keep_the_rest(&mut self) {
        self.keep_rest = true;
    }

    /// Looks `key` up and says whether its entry vouches for the file with `stamp`.
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

    /// Writes the cache if anything changed, dropping files that were not looked up since it was
    /// opened. Does nothing when `data_dir` (the folder holding `cache/`) does not exist, so a command
    /// never creates a data folder just to cache. Errors are returned for the caller to ignore or log:
    /// a cache that cannot be written only costs time.
    pub fn save(mut self) -> io::Result<()> {
        if self.keep_rest
            && let Some(old) = self.old.as_ref()
        {
            for (i, (_, slot)) in old.slots.iter().enumerate() {
                if !self.taken[i] {
                    self.new.push(Entry {
                        key: Key::Old(i),
                        stamp: slot.stamp,
                        hash: slot.hash,
                        racy: slot.racy,
                        value: Value::Old(*slot),
                    });
                }
            }
            self.taken.iter_mut().for_each(|t| *t = true);
        }
        let dropped = self.taken.iter().any(|t| !t);
        if !self.enabled || !(self.changed || dropped) {
            return Ok(());
        }
        let Some(cache_dir) = self.file.parent() else {
            return Ok(());
        };
        if !cache_dir.parent().is_some_and(Path::is_dir) {
            return Ok(());
        }
        crate::storage::ensure_private_dir(cache_dir).map_err(|e| e.source)?;
        let old = self.old.as_ref();
        fn key_of<'a>(old: Option<&'a Opened>, e: &'a Entry) -> Option<&'a str> {
            match &e.key {
                Key::Old(i) => old?.slots.get(*i).map(|(k, _)| k.as_str()),
                Key::Own(k) => Some(k.as_str()),
            }
        }
        // In key order, a key looked up twice written once (its latest entry).
        let mut order: Vec<(&str, &Entry)> = self
            .new
            .iter()
            .filter_map(|e| Some((key_of(old, e)?, e)))
            .collect();
        order.reverse();
        order.sort_by(|a, b| a.0.cmp(b.0));
        order.dedup_by(|a, b| a.0 == b.0);
        let outs: Vec<Out> = order
            .iter()
            .map(|(key, e)| {
                let (len, sum) = match &e.value {
                    Value::Old(slot) => (slot.len, slot.sum),
                    Value::Fresh { bytes, sum } => (bytes.len() as u64, *sum),
                };
                Out {
                    key,
                    stamp: e.stamp,
                    hash: e.hash,
                    racy: e.racy,
                    len,
                    sum,
                }
            })
            .collect();
        // Values reused from the old file are copied one at a time, each checked as it is read; if
        // one cannot be read back intact, the cache is not written (it only costs time).
        replace_unsynced(&self.file, |w| {
            container::write(w, &outs, |i| match &order[i].1.value {
                Value::Fresh { bytes, .. } => Ok(Cow::Borrowed(bytes.as_slice())),
                Value::Old(slot) => old
                    .and_then(|o| o.value(slot))
                    .ok_or_else(|| io::Error::other("a cached value could not be read back")),
            })
        })
    }
}

fn cache_file(data_dir: &Path, name: &str) -> PathBuf {
    data_dir.join(CACHE_DIR).join(format!("{name}.bin"))
}

/// Replaces `path` by writing a temporary file beside it and renaming it over, without the fsyncs that
/// user data gets: they would cost more than the cache saves, and a cache torn by a crash (or by two
/// processes writing at once) fails its checksum and is rebuilt. Private (0600) like all data files,
/// since it holds the same text.
fn replace_unsynced(
    path: &Path,
    fill: impl FnOnce(&mut io::BufWriter<&mut fs::File>) -> io::Result<()>,
) -> io::Result<()> {
    use std::io::Write;
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    // A leftover temporary file (or a link planted in its place) is removed, not opened: `create_new`
    // never follows a link, so nothing outside the cache folder is ever truncated.
    match fs::remove_file(&tmp) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut file = opts.open(&tmp)?;
    let written = {
        let mut w = io::BufWriter::with_capacity(256 * 1024, &mut file);
        fill(&mut w).and_then(|()| w.flush())
    };
    if let Err(e) = written {
        // On a full disk the partial file would hold on to the space the user's own saves need.
        drop(file);
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    drop(file);
    fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests;

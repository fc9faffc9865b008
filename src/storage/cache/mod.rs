//! Derived caches of parsed files, so start-up and `status` parse only the files that changed.
//!
//! The TOML files stay the source of truth. A cache file (`<data dir>/cache/*.bin`) maps each source
//! file to its [`Stamp`], its content hash and its parsed value in postcard form. A value is used only
//! when the file's stamp is unchanged and, for a file that changed just before it was read, its hash
//! matches too. Anything odd — a missing, truncated, corrupted or older-format cache — means the cache
//! is ignored and the files are parsed as if it were not there; it is rebuilt on the next save. Only
//! files that parsed cleanly are cached, so a broken file is always re-read and reported.

mod container;
mod stamp;

pub use stamp::{Stamp, hash};

use container::{Container, RawEntry};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
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

/// One cache file of parsed values of type `T`, keyed by a name for each source file.
pub struct ParseCache<T> {
    file: PathBuf,
    old: BTreeMap<String, RawEntry>,
    new: BTreeMap<String, RawEntry>,
    /// Set when `new` differs from what is on disk, so an unchanged cache is never rewritten.
    changed: bool,
    /// False for [`ParseCache::off`]: nothing is read, remembered or written.
    enabled: bool,
    _value: PhantomData<fn() -> T>,
}

impl<T: Serialize + DeserializeOwned> ParseCache<T> {
    /// Opens `<data_dir>/cache/<name>.bin`. Never fails: an unusable cache is an empty one.
    pub fn open(data_dir: &Path, name: &str) -> ParseCache<T> {
        let file = data_dir.join(CACHE_DIR).join(format!("{name}.bin"));
        let old = crate::storage::safe::read_regular(&file, MAX_CACHE_BYTES)
            .ok()
            .and_then(|bytes| Container::decode(&bytes))
            .map(|c| c.entries)
            .unwrap_or_default();
        ParseCache::new(file, old, true)
    }

    /// A cache that never hits and never writes, for loading without a data folder.
    pub fn off() -> ParseCache<T> {
        ParseCache::new(PathBuf::new(), BTreeMap::new(), false)
    }

    fn new(file: PathBuf, old: BTreeMap<String, RawEntry>, enabled: bool) -> ParseCache<T> {
        ParseCache {
            file,
            old,
            new: BTreeMap::new(),
            changed: false,
            enabled,
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
        self.get(
            key,
            path,
            meta,
            parse,
            |raw| postcard::from_bytes(raw).ok(),
            |v| v,
        )
    }

    /// Like [`Self::load`] for a caller that only needs to know the file is good (`status` counting
    /// stories): a cached value is not decoded.
    pub fn check<E>(
        &mut self,
        key: &str,
        path: &Path,
        meta: &Metadata,
        parse: impl FnOnce(&[u8]) -> Result<T, E>,
    ) -> Result<Loaded<()>, LoadError<E>> {
        self.get(key, path, meta, parse, |_| Some(()), |_| ())
    }

    /// The lookup behind [`Self::load`] and [`Self::check`]: `hit` turns a cached value's bytes into
    /// the result (`None` if it cannot, which falls back to parsing), `miss` a freshly parsed value.
    fn get<E, R>(
        &mut self,
        key: &str,
        path: &Path,
        meta: &Metadata,
        parse: impl FnOnce(&[u8]) -> Result<T, E>,
        hit: impl FnOnce(&[u8]) -> Option<R>,
        miss: impl FnOnce(T) -> R,
    ) -> Result<Loaded<R>, LoadError<E>> {
        let stamp = Stamp::of(meta);
        let mut bytes = None;
        let old = self.old.remove(key);
        let changed_before = self.changed;
        // Whatever happens below, an entry that is not reused as it was means the cache changed.
        self.changed |= old.is_some();
        if let Some(entry) = old.filter(|e| e.stamp == stamp) {
            let same = if entry.racy {
                let b = read_source(path).map_err(LoadError::Read)?;
                let same = hash(&b) == entry.hash;
                bytes = Some(b);
                same
            } else {
                true
            };
            if same && let Some(value) = hit(&entry.value) {
                let hash = entry.hash;
                let racy = entry.racy && stamp.is_racy(SystemTime::now());
                self.changed = changed_before || racy != entry.racy;
                self.new.insert(key.to_string(), RawEntry { racy, ..entry });
                return Ok(Loaded {
                    value,
                    hash,
                    len: meta.len(),
                    cached: true,
                });
            }
        }
        let read_at = SystemTime::now();
        let bytes = match bytes {
            Some(b) => b,
            None => read_source(path).map_err(LoadError::Read)?,
        };
        let value = parse(&bytes).map_err(LoadError::Parse)?;
        let hash = hash(&bytes);
        self.remember(key, stamp, hash, stamp.is_racy(read_at), &value);
        Ok(Loaded {
            value: miss(value),
            hash,
            len: bytes.len() as u64,
            cached: false,
        })
    }

    fn remember(&mut self, key: &str, stamp: Stamp, hash: u64, racy: bool, value: &T) {
        if !self.enabled {
            return;
        }
        if let Ok(value) = postcard::to_allocvec(value) {
            let entry = RawEntry {
                stamp,
                hash,
                racy,
                value,
            };
            self.new.insert(key.to_string(), entry);
            self.changed = true;
        }
    }

    /// Writes the cache if anything changed, dropping files that were not looked up since it was
    /// opened. Does nothing when `data_dir` (the folder holding `cache/`) does not exist, so a command
    /// never creates a data folder just to cache. Errors are returned for the caller to ignore or log:
    /// a cache that cannot be written only costs time.
    pub fn save(self) -> io::Result<()> {
        let dropped = !self.old.is_empty();
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
        let bytes = Container { entries: self.new }.encode()?;
        replace_unsynced(&self.file, &bytes)
    }
}

/// Replaces `path` by writing a temporary file beside it and renaming it over, without the fsyncs that
/// user data gets: they would cost more than the cache saves, and a cache torn by a crash (or by two
/// processes writing at once) fails its checksum and is rebuilt. Private (0600) like all data files,
/// since it holds the same text.
fn replace_unsynced(path: &Path, bytes: &[u8]) -> io::Result<()> {
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
    if let Err(e) = file.write_all(bytes) {
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

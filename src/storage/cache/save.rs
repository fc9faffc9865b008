//! Writing a parse cache back: values callers put, entries kept, the file replaced unsynced.

use super::container::{self, Opened, Out};
use super::{Entry, Key, ParseCache, Stamp, Value, hash};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use std::fs::{self, Metadata};
use std::io;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

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

/// Replaces `path` by writing a temporary file beside it and renaming it over, without the fsyncs that
/// user data gets: they would cost more than the cache saves, and a cache torn by a crash (or by two
/// processes writing at once) fails its checksum and is rebuilt. Private (0600) like all data files,
/// since it holds the same text.
pub(super) fn replace_unsynced(
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

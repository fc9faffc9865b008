//! The cache file's layout: a header that says which build's types it holds, an index of entries with
//! its checksum, then every entry's value, each with a checksum of its own.
//!
//! The index comes first and is small, so a reader that only needs to know which files are unchanged
//! (`status` counting stories, the content fingerprint) reads the header and the index and never the
//! values. A value is checked against its own checksum when it is fetched, so a damaged value is
//! refused on its own and never misread.

use super::Stamp;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;

/// Changed from `CLPCACHE` when the index was split from the values: an older cache is not read.
const MAGIC: &[u8; 8] = b"CLPCACH2";

/// Changes whenever a cached type's source does (computed by `build.rs` from those files). Postcard is
/// not self-describing, so a value written by a build with a different layout could decode as wrong
/// data rather than fail; such a cache is never read.
const SCHEMA: &str = env!("CLINICPREP_CACHE_SCHEMA");

/// Magic, the schema as 16 hex digits, the index's length and its XXH3.
const HEADER_LEN: usize = 8 + 16 + 8 + 8;

/// No index is larger than this: it holds a few dozen bytes a source file.
const MAX_INDEX: u64 = 64 * 1024 * 1024;

/// One source file's entry with its value, as tests and [`Container::encode`] see it.
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry {
    pub stamp: Stamp,
    pub hash: u64,
    /// The hash must be checked before the stamp is trusted (see [`Stamp::is_racy`]).
    pub racy: bool,
    pub value: Vec<u8>,
}

/// One source file's entry in the index: its stamp and hash, and where its value is in the values
/// that follow the index, with the value's own XXH3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub stamp: Stamp,
    pub hash: u64,
    pub racy: bool,
    pub at: u64,
    pub len: u64,
    pub sum: u64,
}

/// Every entry with its value in memory, for tests that read or damage a cache file.
#[cfg(test)]
#[derive(Debug, Default, Clone)]
pub struct Container {
    pub entries: std::collections::BTreeMap<String, RawEntry>,
}

#[cfg(test)]
impl Container {
    /// The whole file's bytes.
    pub fn encode(&self) -> io::Result<Vec<u8>> {
        let entries: Vec<Out> = self
            .entries
            .iter()
            .map(|(key, e)| Out {
                key,
                stamp: e.stamp,
                hash: e.hash,
                racy: e.racy,
                len: e.value.len() as u64,
                sum: super::hash(&e.value),
            })
            .collect();
        let values: Vec<&[u8]> = self.entries.values().map(|e| e.value.as_slice()).collect();
        let mut out = Vec::new();
        write(&mut out, &entries, |i| Ok(Cow::Borrowed(values[i])))?;
        Ok(out)
    }

    /// The container in `bytes` with every value checked, or `None` for anything but an intact cache
    /// written by this build.
    pub fn decode(bytes: &[u8]) -> Option<Container> {
        let opened = Opened::from_bytes(bytes.to_vec())?;
        let mut entries = std::collections::BTreeMap::new();
        for (key, slot) in &opened.slots {
            let value = opened.value(slot)?.into_owned();
            let entry = RawEntry {
                stamp: slot.stamp,
                hash: slot.hash,
                racy: slot.racy,
                value,
            };
            entries.insert(key.clone(), entry);
        }
        Some(Container { entries })
    }
}

/// One entry to write: everything but its value, which [`write`] asks for when it gets to it.
#[derive(Debug, Clone, Copy)]
pub struct Out<'a> {
    pub key: &'a str,
    pub stamp: Stamp,
    pub hash: u64,
    pub racy: bool,
    pub len: u64,
    /// The value's XXH3.
    pub sum: u64,
}

/// Writes a cache file: the header, the index, then the values in the order given, which must be
/// key order (as from a `BTreeMap`). `value(i)` gives entry `i`'s value when it is written, so
/// values kept in an older cache file are copied one at a time rather than all held at once. The
/// caller vouches that each value matches its `sum` (fetched through [`Opened::value`], which checks
/// it, or hashed just now); a value of another length than announced is an error, and the caller
/// throws the file away.
pub fn write<'v, W: Write>(
    out: &mut W,
    entries: &[Out],
    mut value: impl FnMut(usize) -> io::Result<Cow<'v, [u8]>>,
) -> io::Result<()> {
    let mut slots: Vec<(&str, Slot)> = Vec::with_capacity(entries.len());
    let mut at = 0u64;
    for e in entries {
        let slot = Slot {
            stamp: e.stamp,
            hash: e.hash,
            racy: e.racy,
            at,
            len: e.len,
            sum: e.sum,
        };
        slots.push((e.key, slot));
        at += e.len;
    }
    if !slots.windows(2).all(|w| w[0].0 < w[1].0) {
        return Err(io::Error::other("cache entries out of order"));
    }
    let index = postcard::to_allocvec(&slots).map_err(io::Error::other)?;
    out.write_all(MAGIC)?;
    out.write_all(schema().as_bytes())?;
    out.write_all(&(index.len() as u64).to_le_bytes())?;
    out.write_all(&super::hash(&index).to_le_bytes())?;
    out.write_all(&index)?;
    for (i, e) in entries.iter().enumerate() {
        let v = value(i)?;
        if v.len() as u64 != e.len {
            return Err(io::Error::other(
                "a cached value changed while it was copied",
            ));
        }
        out.write_all(&v)?;
    }
    Ok(())
}

/// Where an opened cache's values are: read with the index, or left in the file and read one at a
/// time when asked for.
enum Values {
    /// The whole file; values start at the offset.
    Memory(Vec<u8>, usize),
    /// The file kept open (a cache is only ever replaced by a rename, so this handle keeps the
    /// version the index describes), values starting at the offset, and the file's size.
    File(File, u64, u64),
}

/// A cache file opened for use: the index checked and decoded, values fetched and checked on demand.
pub struct Opened {
    /// Every entry by key, in strictly increasing key order (as written; checked when read). A list
    /// rather than a map: it decodes without a tree insertion per entry and is searched by halving.
    pub slots: Vec<(String, Slot)>,
    values: Values,
    /// Where [`Opened::decode`] reads values left in the file, kept from one to the next.
    window: std::cell::RefCell<Window>,
}

/// A stretch of a cache file's values read at once. Values are decoded in key order, which is
/// the order they lie in the file, so one read brings in the next many small values (10,000
/// stories in about a hundred reads, not one read each nor one 25 MB buffer). The buffer is kept:
/// a fresh one for each read was zeroed (and, past the allocator's threshold, faulted in page by
/// page) only to be overwritten, 55 MB of it for 100,000 cards.
#[derive(Default)]
struct Window {
    /// Where in the file `bytes` starts.
    at: u64,
    /// How many bytes of `bytes` hold the file from `at`; the rest is left from earlier reads.
    len: usize,
    bytes: Vec<u8>,
}

/// The least a read of values brings in.
const WINDOW: u64 = 256 * 1024;

impl std::fmt::Debug for Opened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Opened")
            .field("entries", &self.slots.len())
            .finish_non_exhaustive()
    }
}

/// The index length in a header, or `None` if the header is not this build's.
fn parse_header(header: &[u8]) -> Option<(u64, u64)> {
    let (magic, rest) = header.split_at_checked(8)?;
    let (schema_hex, rest) = rest.split_at_checked(16)?;
    let (len, sum) = rest.split_at_checked(8)?;
    if magic != MAGIC || schema_hex != schema().as_bytes() {
        return None;
    }
    let len = u64::from_le_bytes(len.try_into().ok()?);
    let sum = u64::from_le_bytes(sum.try_into().ok()?);
    (len <= MAX_INDEX).then_some((len, sum))
}

fn parse_index(index: &[u8], sum: u64) -> Option<Vec<(String, Slot)>> {
    if super::hash(index) != sum {
        return None;
    }
    let slots: Vec<(String, Slot)> = postcard::from_bytes(index).ok()?;
    slots.windows(2).all(|w| w[0].0 < w[1].0).then_some(slots)
}

impl Opened {
    /// Where `key`'s entry is in `slots`, looking at `hint` first: keys asked for in order (the
    /// stories, sorted) are then found with one comparison each, not a search through 10,000.
    pub fn find_from(&self, key: &str, hint: usize) -> Option<usize> {
        match self.slots.get(hint) {
            Some((k, _)) if k == key => Some(hint),
            _ => self.find(key),
        }
    }

    /// Where `key`'s entry is in `slots`.
    pub fn find(&self, key: &str) -> Option<usize> {
        self.slots
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
    }

    /// The cache in `bytes`, values kept in memory.
    pub fn from_bytes(bytes: Vec<u8>) -> Option<Opened> {
        let (len, sum) = parse_header(bytes.get(..HEADER_LEN)?)?;
        let end = HEADER_LEN.checked_add(usize::try_from(len).ok()?)?;
        let slots = parse_index(bytes.get(HEADER_LEN..end)?, sum)?;
        Some(Opened {
            slots,
            values: Values::Memory(bytes, end),
            window: Default::default(),
        })
    }

    /// Reads the header and the index of the cache file `path` only; values are read from the file
    /// when asked for. The file must be a regular file no larger than `limit`.
    pub fn index_of(path: &Path, limit: u64) -> Option<Opened> {
        let (mut file, meta) = crate::storage::safe::open_regular(path).ok()?;
        if meta.len() > limit {
            return None;
        }
        let mut header = [0u8; HEADER_LEN];
        file.read_exact(&mut header).ok()?;
        let (len, sum) = parse_header(&header)?;
        let mut index = Vec::with_capacity(usize::try_from(len).ok()?);
        (&mut file).take(len).read_to_end(&mut index).ok()?;
        if index.len() as u64 != len {
            return None;
        }
        let slots = parse_index(&index, sum)?;
        Some(Opened {
            slots,
            values: Values::File(file, HEADER_LEN as u64 + len, meta.len()),
            window: Default::default(),
        })
    }

    /// `decode` of the value in `slot`, or `None` if it cannot be read or fails its checksum. A
    /// value left in the file is read through the [`Window`], with the values after it.
    pub fn decode<R>(&self, slot: &Slot, decode: impl FnOnce(&[u8]) -> Option<R>) -> Option<R> {
        match &self.values {
            Values::Memory(..) => self.value(slot).and_then(|bytes| decode(&bytes)),
            Values::File(file, start, size) => {
                let mut w = self.window.try_borrow_mut().ok()?;
                let at = start.checked_add(slot.at)?;
                let end = at.checked_add(slot.len)?;
                // An index claiming more than the file holds is refused before any buffer is sized
                // by it.
                if end > *size {
                    return None;
                }
                if at < w.at || end > w.at.checked_add(w.len as u64)? {
                    // From this value on, as far as the window reaches and the file goes.
                    let want = usize::try_from(slot.len.max(WINDOW).min(size.saturating_sub(at)))
                        .ok()?
                        .max(usize::try_from(slot.len).ok()?);
                    if w.bytes.len() < want {
                        w.bytes.resize(want, 0);
                    }
                    w.len = 0;
                    read_at(file, w.bytes.get_mut(..want)?, at).ok()?;
                    (w.at, w.len) = (at, want);
                }
                let from = usize::try_from(at - w.at).ok()?;
                let bytes = w
                    .bytes
                    .get(from..)?
                    .get(..usize::try_from(slot.len).ok()?)?;
                (super::hash(bytes) == slot.sum)
                    .then_some(())
                    .and_then(|()| decode(bytes))
            }
        }
    }

    /// The value in `slot`, or `None` if it cannot be read or fails its checksum.
    pub fn value(&self, slot: &Slot) -> Option<Cow<'_, [u8]>> {
        match &self.values {
            Values::Memory(bytes, start) => {
                let from = start.checked_add(usize::try_from(slot.at).ok()?)?;
                let to = from.checked_add(usize::try_from(slot.len).ok()?)?;
                let bytes = bytes.get(from..to)?;
                (super::hash(bytes) == slot.sum).then_some(Cow::Borrowed(bytes))
            }
            // Through the window, so copying every value into a new cache file reads the old one
            // a stretch at a time.
            Values::File(..) => self
                .decode(slot, |bytes| Some(bytes.to_vec()))
                .map(Cow::Owned),
        }
    }
}

/// Fills `buf` from `file` at `offset` without moving a shared cursor.
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        file.read_exact_at(buf, offset)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Seek, SeekFrom};
        let mut f = file.try_clone()?;
        f.seek(SeekFrom::Start(offset))?;
        f.read_exact(buf)
    }
}

/// The schema id padded or cut to exactly 16 bytes.
pub(super) fn schema() -> String {
    format!("{SCHEMA:0>16.16}")
}

#[cfg(test)]
#[path = "container_tests.rs"]
mod tests;

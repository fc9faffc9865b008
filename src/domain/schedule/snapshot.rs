//! The snapshot `schedule.json`: the ledger as of a journal offset, so startup replays only the tail.

use super::card::CardState;
use super::card_table::CardTable;
use super::ledger::{Ledger, UndoEntry};
use super::record::validate_card_id;
use super::snapshot_cards::{CheckedCards, Packed};
use crate::domain::content::Id;
use crate::storage::cache::{self, ParseCache};
use crate::storage::{StorageError, write_atomic};
use chrono::NaiveDate;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::fs;
use std::io;
use std::path::Path;

pub const SNAPSHOT_FILE: &str = "schedule.json";

/// Bumped when the layout changes; an unknown version is set aside and rebuilt, never misread.
/// Version 2 added the checksum; a version 1 file (which has none) is still read, and the next
/// snapshot replaces it.
const VERSION: u32 = 2;

/// A version 2 file starts with its checksum: `{"checksum":"<crc32 hex>",` and then the rest of the
/// JSON object, whose bytes the CRC-32 covers. A changed digit anywhere is caught, and the snapshot
/// is then set aside and rebuilt from the journal.
const CHECKSUM_PREFIX: &[u8] = b"{\"checksum\":\"";

/// Why the snapshot's bytes could not be parsed.
#[derive(Debug)]
enum ParseError {
    Json(serde_json::Error),
    Checksum(String),
}

/// Checks the checksum (or, for a version 1 file, that it claims to be one) and parses, into the
/// form the parse cache keeps.
fn parse(bytes: &[u8]) -> Result<Cached, ParseError> {
    parse_json(bytes).map(Cached::from)
}

fn parse_json(bytes: &[u8]) -> Result<In, ParseError> {
    let checked = match bytes.strip_prefix(CHECKSUM_PREFIX) {
        Some(rest) if rest.len() >= 10 && &rest[8..10] == b"\"," => {
            let want = std::str::from_utf8(&rest[..8])
                .ok()
                .and_then(|h| u32::from_str_radix(h, 16).ok());
            let body = &rest[10..];
            if want != Some(crc32fast::hash(body)) {
                return Err(ParseError::Checksum(
                    "its checksum does not match its contents (the file was changed or damaged)"
                        .into(),
                ));
            }
            true
        }
        _ => false,
    };
    let parsed: In = serde_json::from_slice(bytes).map_err(ParseError::Json)?;
    match (checked, parsed.version) {
        (true, VERSION) | (false, 1) => Ok(parsed),
        (false, VERSION) => Err(ParseError::Checksum("its checksum is missing".into())),
        (_, v) => Err(ParseError::Checksum(format!(
            "unsupported snapshot version {v}"
        ))),
    }
}

#[derive(Serialize)]
struct Out<'a> {
    version: u32,
    last_seq: u64,
    journal_offset: u64,
    cards: &'a CardTable,
    reviews_per_day: BTreeMap<String, u32>,
    new_per_day: BTreeMap<String, u32>,
    undo: &'a VecDeque<UndoEntry>,
}

/// The snapshot as read.
#[derive(Deserialize)]
struct In {
    version: u32,
    last_seq: u64,
    journal_offset: u64,
    #[serde(deserialize_with = "cards_in_order")]
    cards: Vec<(Id, Packed)>,
    reviews_per_day: BTreeMap<String, u32>,
    new_per_day: BTreeMap<String, u32>,
    undo: VecDeque<UndoEntry>,
}

/// What the parse cache keeps of a snapshot (see [`crate::storage::cache`]), so an unchanged snapshot
/// is decoded from postcard rather than parsed as JSON: the same data, with the cards as a list in
/// id order. A list decodes without the tree lookup per card that decoding into a map costs, and
/// the tree is then built from it in one pass (`BTreeMap` builds sorted input in bulk).
#[derive(Serialize, Deserialize)]
struct Cached {
    version: u32,
    last_seq: u64,
    journal_offset: u64,
    cards: CheckedCards,
    reviews_per_day: BTreeMap<String, u32>,
    new_per_day: BTreeMap<String, u32>,
    undo: VecDeque<UndoEntry>,
}

impl From<In> for Cached {
    fn from(s: In) -> Cached {
        Cached {
            version: s.version,
            last_seq: s.last_seq,
            journal_offset: s.journal_offset,
            cards: s
                .cards
                .into_iter()
                .map(|(id, c)| (id, CardState::from(c)))
                .collect(),
            reviews_per_day: s.reviews_per_day,
            new_per_day: s.new_per_day,
            undo: s.undo,
        }
    }
}

/// The cards of a snapshot, read straight into a list. The file writes them from a map, so they
/// come in id order and once each, and the ledger's tree is then built from the list in one pass;
/// building it one card at a time here was a tenth of reading a snapshot of 100,000 cards. A file
/// edited out of order, or with an id twice, reads as a map would (see [`check`]).
fn cards_in_order<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(Id, Packed)>, D::Error> {
    struct Cards;
    impl<'de> Visitor<'de> for Cards {
        type Value = Vec<(Id, Packed)>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map of card ids to their states")
        }

        fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
            let mut cards = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1 << 20));
            while let Some((id, state)) = map.next_entry::<Id, CardState>()? {
                cards.push((id, state.into()));
            }
            Ok(cards)
        }
    }
    d.deserialize_map(Cards)
}

/// A loaded snapshot: the ledger, and the journal offset it covers.
#[derive(Debug)]
pub(super) struct Snapshot {
    pub ledger: Ledger,
    pub journal_offset: u64,
}

/// Why a snapshot could not be loaded.
#[derive(Debug)]
pub(super) enum LoadError {
    /// The file could not be read. It may be fine, so it must not be set aside or overwritten.
    Io(StorageError),
    /// The file was read but cannot be used; `at` is the JSON error's (line, column).
    Unusable {
        reason: String,
        at: Option<(usize, usize)>,
    },
}

fn days_out(map: &BTreeMap<NaiveDate, u32>) -> BTreeMap<String, u32> {
    map.iter()
        .map(|(d, n)| (d.format("%Y-%m-%d").to_string(), *n))
        .collect()
}

fn days_in(map: BTreeMap<String, u32>) -> Result<BTreeMap<NaiveDate, u32>, String> {
    map.into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(d, n)| {
            d.parse::<NaiveDate>()
                .map(|d| (d, n))
                .map_err(|_| format!("bad date {d:?}"))
        })
        .collect()
}

/// Writes the snapshot atomically: a crash leaves the old snapshot or the new one, never a mix.
pub(super) fn save(path: &Path, ledger: &Ledger, journal_offset: u64) -> Result<(), StorageError> {
    let out = Out {
        version: VERSION,
        last_seq: ledger.last_seq,
        journal_offset,
        cards: &ledger.cards,
        reviews_per_day: days_out(&ledger.reviews_per_day),
        new_per_day: days_out(&ledger.new_per_day),
        undo: &ledger.undo,
    };
    let json = serde_json::to_vec(&out)
        .map_err(|e| StorageError::new(path, "encode", io::Error::other(e)))?;
    // `json` is an object, `{...}`: the checksum goes first and covers everything after it.
    let body = json.get(1..).unwrap_or_default();
    let mut bytes = format!("{{\"checksum\":\"{:08x}\",", crc32fast::hash(body)).into_bytes();
    bytes.extend_from_slice(body);
    // Never write what could not be read back; the journal still holds every grade.
    if bytes.len() as u64 > cache::MAX_SOURCE_BYTES {
        let e = crate::storage::safe::too_large(bytes.len() as u64, cache::MAX_SOURCE_BYTES);
        return Err(StorageError::new(path, "save", e));
    }
    write_atomic(path, &bytes)
}

/// Reads the snapshot; `Ok(None)` when there is none yet.
pub(super) fn load(path: &Path) -> Result<Option<Snapshot>, LoadError> {
    let read_error = |e| LoadError::Io(StorageError::new(path, "read", e));
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(read_error(e)),
    };
    let data_dir = path.parent().unwrap_or(Path::new("."));
    let mut cache = ParseCache::<Cached>::open(data_dir, "schedule");
    let parsed = cache
        .load(SNAPSHOT_FILE, path, &meta, parse)
        .map_err(|e| match e {
            cache::LoadError::Read(e) => read_error(e),
            cache::LoadError::Parse(ParseError::Json(e)) => LoadError::Unusable {
                reason: e.to_string(),
                at: Some((e.line(), e.column())),
            },
            cache::LoadError::Parse(ParseError::Checksum(reason)) => {
                LoadError::Unusable { reason, at: None }
            }
        })?
        .value;
    // A cache that cannot be written only costs time.
    let _ = cache.save();
    check(parsed)
        .map(Some)
        .map_err(|reason| LoadError::Unusable { reason, at: None })
}

/// Checks what JSON syntax cannot: version, ids and states, so a hand-edited or damaged snapshot
/// is caught here rather than misleading the scheduler.
fn check(s: Cached) -> Result<Snapshot, String> {
    if s.version != VERSION && s.version != 1 {
        return Err(format!("unsupported snapshot version {}", s.version));
    }
    // Each card was checked as it went into the table (see `CheckedCards`).
    if let Some(reason) = s.cards.refused {
        return Err(reason);
    }
    let cards = s.cards.table;
    for e in &s.undo {
        validate_card_id(&e.card).map_err(|e| e.to_string())?;
        if e.seq > s.last_seq || e.previous.as_ref().is_some_and(|p| !p.is_plausible()) {
            return Err(format!("bad undo entry {}", e.seq));
        }
    }
    Ok(Snapshot {
        ledger: Ledger {
            // In id order from the cache or the JSON map, so this is taken as it is; a list out of
            // order would still be sorted, and a repeated id keeps its last state as a map would.
            cards,
            reviews_per_day: days_in(s.reviews_per_day)?,
            new_per_day: days_in(s.new_per_day)?,
            undo: s.undo,
            last_seq: s.last_seq,
        },
        journal_offset: s.journal_offset,
    })
}

#[cfg(test)]
#[path = "snapshot_tests.rs"]
mod tests;

//! The append-only review journal `reviews.log`: durable appends, and reading back with torn-tail repair.

use super::aside::copy_aside;
use super::card::{CardState, truncate_to_ms};
use super::ledger::UndoEntry;
use super::notice::{Notice, ScheduleError};
use super::record::{Record, validate_card_id};
use super::scheduler::Grade;
use crate::domain::content::Id;
use crate::storage::StorageError;
use chrono::{DateTime, Utc};
use std::fs::{File, TryLockError};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

pub const JOURNAL_FILE: &str = "reviews.log";

/// Where records go. A trait so tests can put a failing disk under the journal.
pub(crate) trait Sink: Send {
    /// Writes one whole record and makes it durable before returning.
    fn append_durable(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Cuts the file back to `len` bytes, durably.
    fn truncate(&mut self, len: u64) -> io::Result<()>;
}

impl Sink for File {
    /// One `write_all` per record on an append-mode file, then `sync_data`: the grade is on disk
    /// before the next card shows.
    fn append_durable(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.write_all(bytes)?;
        self.sync_data()
    }

    fn truncate(&mut self, len: u64) -> io::Result<()> {
        self.set_len(len)?;
        self.sync_data()
    }
}

/// The records read from the journal, and what was repaired or skipped on the way.
#[derive(Debug)]
pub struct Replay {
    pub records: Vec<Record>,
    pub notices: Vec<Notice>,
    /// The offset reading started from: the requested resume point, or 0 if it did not fit the file.
    pub start: u64,
    /// True when reading resumed at the requested point; false when there was none or it did not fit
    /// this journal (so the caller's snapshot does not belong to it).
    pub resumed: bool,
}

/// An open journal. Holds an exclusive lock so a second copy of the app cannot interleave records.
pub struct Journal {
    path: PathBuf,
    sink: Box<dyn Sink>,
    /// Keeps the lock for as long as the journal is open, whatever the sink is.
    _lock: File,
    /// Offset just past the last good record: where the next record goes.
    end: u64,
    /// A write failed part-way; the partial bytes past `end` must be cut before the next append.
    needs_repair: bool,
}

/// Result of scanning a byte range: parsed records, bad lines (offset, line index, reason), and the
/// offset after the last intact line.
pub(super) struct Scan {
    pub records: Vec<Record>,
    pub bad: Vec<(u64, u64, String)>,
    pub intact_end: u64,
}

fn scan(bytes: &[u8], base: u64) -> Scan {
    let mut s = Scan {
        records: Vec::new(),
        bad: Vec::new(),
        intact_end: base,
    };
    let mut pos = 0usize;
    let mut index = 0u64;
    while pos < bytes.len() {
        let Some(nl) = bytes[pos..]
            .iter()
            .position(|&b| b == b'\n')
            .map(|i| pos + i)
        else {
            s.bad
                .push((base + pos as u64, index, "no end of line".into()));
            break;
        };
        match Record::decode(&bytes[pos..nl]) {
            Ok(r) => {
                s.records.push(r);
                s.intact_end = base + nl as u64 + 1;
            }
            Err(e) => {
                if e.intact {
                    s.intact_end = base + nl as u64 + 1;
                }
                s.bad.push((base + pos as u64, index, e.reason));
            }
        }
        pos = nl + 1;
        index += 1;
    }
    s
}

fn read_range(path: &Path, from: u64, to: u64) -> Result<Vec<u8>, StorageError> {
    if to <= from {
        // Nothing to read; also spares a read-only peek from opening a journal that does not exist.
        return Ok(Vec::new());
    }
    let read = || -> io::Result<Vec<u8>> {
        // A regular file only: `status` and `check` read the journal without opening it for writing,
        // and a pipe in its place must not hang them.
        let (mut f, _) = crate::storage::safe::open_regular(path)?;
        f.seek(SeekFrom::Start(from))?;
        let mut buf = Vec::new();
        f.take(to.saturating_sub(from)).read_to_end(&mut buf)?;
        Ok(buf)
    };
    read().map_err(|e| StorageError::new(path, "read", e))
}

/// True when `offset` is the start of the file or just past a good record with sequence number
/// `last_seq`, so a snapshot that claims to cover the journal up to there really belongs to it.
fn boundary_fits(path: &Path, len: u64, offset: u64, last_seq: u64) -> Result<bool, StorageError> {
    if offset == 0 || offset > len {
        return Ok(offset == 0);
    }
    let window_start = offset.saturating_sub(4096);
    let window = read_range(path, window_start, offset)?;
    let Some(line) = window.strip_suffix(b"\n") else {
        return Ok(false);
    };
    let line = match line.iter().rposition(|&b| b == b'\n') {
        Some(i) => &line[i + 1..],
        None if window_start == 0 => line,
        None => return Ok(false),
    };
    Ok(Record::decode(line).is_ok_and(|r| r.seq() == last_seq))
}

/// What `read_journal` found: the bytes from `start`, their scan, and whether reading resumed at the
/// requested point.
pub(super) struct Scanned {
    pub bytes: Vec<u8>,
    pub scan: Scan,
    pub start: u64,
    pub resumed: bool,
}

/// Reads `path` (of length `len`) from `resume` = (offset, last seq) of a snapshot when that point fits
/// this file, else from the start. Changes nothing.
pub(super) fn read_journal(
    path: &Path,
    len: u64,
    resume: Option<(u64, u64)>,
) -> Result<Scanned, StorageError> {
    let mut resumed = match resume {
        Some((offset, seq)) => boundary_fits(path, len, offset, seq)?,
        None => false,
    };
    let mut start = match resume {
        Some((offset, _)) if resumed => offset,
        _ => 0,
    };
    let mut bytes = read_range(path, start, len)?;
    let mut s = scan(&bytes, start);
    // Records after the resume point must be newer than the snapshot, or it is not this journal's.
    if let (Some((_, last_seq)), Some(first)) = (resume, s.records.first())
        && resumed
        && first.seq() <= last_seq
    {
        resumed = false;
        if start > 0 {
            start = 0;
            bytes = read_range(path, 0, len)?;
            s = scan(&bytes, 0);
        }
    }
    Ok(Scanned {
        bytes,
        scan: s,
        start,
        resumed,
    })
}

/// Notices for bad lines before the last intact one, numbered from the start of the file.
pub(super) fn middle_notices(
    path: &Path,
    s: &Scan,
    start: u64,
) -> Result<Vec<Notice>, StorageError> {
    let middle: Vec<_> = s.bad.iter().filter(|b| b.0 < s.intact_end).collect();
    if middle.is_empty() {
        return Ok(Vec::new());
    }
    // Only counted when something is wrong, so a normal start never reads the whole file.
    let lines_before = if start == 0 {
        0
    } else {
        let prefix = read_range(path, 0, start)?;
        prefix.iter().filter(|&&b| b == b'\n').count() as u64
    };
    Ok(middle
        .into_iter()
        .map(|(_, index, reason)| Notice::BadRecord {
            journal: path.to_path_buf(),
            line: lines_before + index + 1,
            reason: reason.clone(),
        })
        .collect())
}

impl Journal {
    /// Opens (creating if needed) `dir/reviews.log` and reads it from `resume` = (offset, last seq) of a
    /// snapshot, or from the start if `resume` is `None` or does not fit this file. A torn tail is
    /// copied to `reviews.log.torn-<ms>` and cut off; bad records in the middle are skipped, kept and
    /// reported with their line number.
    pub fn open(
        dir: &Path,
        resume: Option<(u64, u64)>,
        now: DateTime<Utc>,
    ) -> Result<(Journal, Replay), StorageError> {
        let path = dir.join(JOURNAL_FILE);
        // Never through a link or into a pipe: a torn tail is cut from whatever file this is.
        let file = crate::storage::safe::open_private_rw(&path, true)
            .map_err(|e| StorageError::new(&path, "open", e))?;
        match crate::storage::lock::lock_within(&file, crate::storage::lock::BRIEF_HOLD) {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let e = io::Error::new(io::ErrorKind::WouldBlock, "locked by another process");
                return Err(StorageError::new(
                    &path,
                    "lock (is clinicprep already running?)",
                    e,
                ));
            }
            // Some network filesystems cannot lock; the journal still works without it.
            Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {}
            Err(TryLockError::Error(e)) => return Err(StorageError::new(&path, "lock", e)),
        }
        let len = file
            .metadata()
            .map_err(|e| StorageError::new(&path, "inspect", e))?
            .len();
        if len == 0 {
            // Make a new journal's directory entry durable; failure only risks losing an empty file.
            let _ = File::open(dir).and_then(|d| d.sync_all());
        }
        let sink = file
            .try_clone()
            .map_err(|e| StorageError::new(&path, "open", e))?;
        let mut journal = Journal {
            path,
            sink: Box::new(sink),
            _lock: file,
            end: len,
            needs_repair: false,
        };
        let replay = journal.load(len, resume, now)?;
        Ok((journal, replay))
    }

    fn load(
        &mut self,
        len: u64,
        resume: Option<(u64, u64)>,
        now: DateTime<Utc>,
    ) -> Result<Replay, StorageError> {
        let read = read_journal(&self.path, len, resume)?;
        let mut notices = middle_notices(&self.path, &read.scan, read.start)?;
        let intact_end = read.scan.intact_end;
        if intact_end < len {
            let tail = &read.bytes[(intact_end - read.start) as usize..];
            let saved_to = copy_aside(&self.path, tail, "torn", now)?;
            self.sink
                .truncate(intact_end)
                .map_err(|e| StorageError::new(&self.path, "cut a partial record from", e))?;
            notices.push(Notice::TornTail {
                journal: self.path.clone(),
                saved_to,
                bytes: tail.len() as u64,
            });
        }
        self.end = intact_end;
        Ok(Replay {
            records: read.scan.records,
            notices,
            start: read.start,
            resumed: read.resumed,
        })
    }

    /// Reads the good records from `offset` to the end, reporting bad ones; changes nothing.
    pub fn read_from(&self, offset: u64) -> Result<Replay, StorageError> {
        let bytes = read_range(&self.path, offset, self.end)?;
        let s = scan(&bytes, offset);
        let notices = middle_notices(&self.path, &s, offset)?;
        Ok(Replay {
            records: s.records,
            notices,
            start: offset,
            resumed: true,
        })
    }

    /// Durably appends a grade record and returns it.
    pub fn append_grade(
        &mut self,
        seq: u64,
        card: &Id,
        reviewed: DateTime<Utc>,
        grade: Grade,
        state: &CardState,
    ) -> Result<Record, ScheduleError> {
        let record = Record::Grade {
            seq,
            card: card.clone(),
            reviewed_ms: truncate_to_ms(reviewed).timestamp_millis(),
            grade,
            state: state.clone(),
        };
        self.append(record)
    }

    /// Durably appends a record undoing `entry` and returns it.
    pub fn append_undo(
        &mut self,
        seq: u64,
        entry: &UndoEntry,
        at: DateTime<Utc>,
    ) -> Result<Record, ScheduleError> {
        let record = Record::Undo {
            seq,
            card: entry.card.clone(),
            at_ms: truncate_to_ms(at).timestamp_millis(),
            undone_seq: entry.seq,
            undone_reviewed_ms: entry.reviewed_ms,
            previous: entry.previous.clone(),
        };
        self.append(record)
    }

    fn append(&mut self, record: Record) -> Result<Record, ScheduleError> {
        validate_card_id(record.card())?;
        let bytes = record.encode();
        self.append_bytes(&bytes)?;
        Ok(record)
    }

    /// Durably appends many records with one write and one sync: all of them are on disk, or (after
    /// a failed write is cut back) none. For bulk loads such as the scale generator.
    pub(super) fn append_all(&mut self, records: &[Record]) -> Result<(), ScheduleError> {
        let mut bytes = Vec::new();
        for record in records {
            validate_card_id(record.card())?;
            bytes.extend_from_slice(&record.encode());
        }
        self.append_bytes(&bytes)
    }

    fn append_bytes(&mut self, bytes: &[u8]) -> Result<(), ScheduleError> {
        if self.needs_repair {
            self.sink
                .truncate(self.end)
                .map_err(|e| StorageError::new(&self.path, "cut a partial record from", e))?;
            self.needs_repair = false;
        }
        if let Err(e) = self.sink.append_durable(bytes) {
            // Part of the record may be on disk; cut it now, or before the next append if that fails.
            self.needs_repair = self.sink.truncate(self.end).is_err();
            return Err(StorageError::new(&self.path, "append a review to", e).into());
        }
        self.end += bytes.len() as u64;
        Ok(())
    }

    /// Offset just past the last good record.
    pub fn end(&self) -> u64 {
        self.end
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    #[cfg(test)]
    pub(crate) fn set_sink(&mut self, sink: Box<dyn Sink>) {
        self.sink = sink;
    }
}

#[cfg(test)]
#[path = "journal_tests.rs"]
mod tests;

//! Reading review history without locking or changing anything, for `clinicprep status` and `check`.

use super::days::DayZone;
use super::journal::{JOURNAL_FILE, Replay, middle_notices, read_journal};
use super::ledger::Ledger;
use super::notice::{Notice, ScheduleError};
use super::snapshot::{self, LoadError, SNAPSHOT_FILE};
use crate::storage::StorageError;
use std::io;
use std::path::Path;

/// The ledger as `ReviewStore::open` would build it, plus what it would repair. Works while the app
/// has the journal open (a shell prompt may run `status` at any moment), and never writes: a torn tail
/// or an unusable snapshot is reported as `Notice::NotYetRepaired` and left for the app to fix.
pub fn peek(dir: &Path, zone: DayZone) -> Result<(Ledger, Vec<Notice>), ScheduleError> {
    let snapshot_path = dir.join(SNAPSHOT_FILE);
    let mut notices = Vec::new();
    let loaded = match snapshot::load(&snapshot_path) {
        Ok(s) => s,
        Err(LoadError::Io(e)) => return Err(e.into()),
        Err(LoadError::Unusable { reason, .. }) => {
            notices.push(Notice::NotYetRepaired {
                file: snapshot_path.clone(),
                problem: format!("it cannot be used ({reason})"),
            });
            None
        }
    };
    let resume = loaded
        .as_ref()
        .map(|s| (s.journal_offset, s.ledger.last_seq));
    let replay = peek_journal(dir, resume)?;
    let mut ledger = Ledger::default();
    if let Some(s) = loaded {
        if replay.resumed || (replay.records.is_empty() && replay.start == 0) {
            // Resumed, or the journal is missing or empty and the snapshot has everything.
            ledger = s.ledger;
        } else {
            notices.push(Notice::NotYetRepaired {
                file: snapshot_path,
                problem: "it does not match reviews.log".to_string(),
            });
        }
    }
    for record in &replay.records {
        ledger.apply(record, zone);
    }
    ledger.settle();
    notices.extend(replay.notices);
    Ok((ledger, notices))
}

/// Checks every record of `dir/reviews.log` against its checksum, from the first line, including
/// those before the snapshot's resume point that opening never reads again. For `clinicprep check`:
/// a damaged record anywhere is reported with its line. Changes nothing; a missing journal is fine.
pub fn verify_journal(dir: &Path) -> Result<Vec<Notice>, ScheduleError> {
    let path = dir.join(JOURNAL_FILE);
    let len = match std::fs::metadata(&path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StorageError::new(&path, "inspect", e).into()),
    };
    let read = read_journal(&path, len, None)?;
    Ok(middle_notices(&path, &read.scan, 0)?)
}

/// Reads `dir/reviews.log` like `Journal::open` but changes nothing and takes no lock. A torn tail
/// is reported as not yet repaired instead of being cut; a missing journal reads as empty.
fn peek_journal(dir: &Path, resume: Option<(u64, u64)>) -> Result<Replay, StorageError> {
    let path = dir.join(JOURNAL_FILE);
    let len = match std::fs::metadata(&path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => 0,
        Err(e) => return Err(StorageError::new(&path, "inspect", e)),
    };
    let read = read_journal(&path, len, resume)?;
    let mut notices = middle_notices(&path, &read.scan, read.start)?;
    if read.scan.intact_end < len {
        notices.push(Notice::NotYetRepaired {
            file: path.clone(),
            problem: format!(
                "it ends in an incomplete record ({} bytes), probably from a crash",
                len - read.scan.intact_end
            ),
        });
    }
    Ok(Replay {
        records: read.scan.records,
        notices,
        start: read.start,
        resumed: read.resumed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::Id;
    use crate::domain::schedule::scheduler::Grade;
    use crate::domain::schedule::store::{ReviewStore, StoreOptions};
    use chrono::{DateTime, Utc};
    use std::fs;

    fn at(ms: i64) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(ms).unwrap()
    }

    fn options(snapshot_every: u64) -> StoreOptions {
        StoreOptions {
            snapshot_every,
            zone: DayZone::utc(),
            ..StoreOptions::default()
        }
    }

    #[test]
    fn sees_what_the_open_store_sees_without_taking_its_lock() {
        let dir = tempfile::tempdir().unwrap();
        let (mut s, _) = ReviewStore::open(dir.path(), &options(2), at(1_000)).unwrap();
        for i in 0..5 {
            s.grade(&Id::new(format!("c{i}")), Grade::Good, at(2_000 + i))
                .unwrap();
            s.maybe_snapshot().unwrap();
        }
        s.undo(at(9_000)).unwrap();
        // The store is still open (and holds the lock) while we peek.
        let (ledger, notices) = peek(dir.path(), DayZone::utc()).unwrap();
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(&ledger, s.ledger());
    }

    #[test]
    fn reports_a_torn_tail_but_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (mut s, _) = ReviewStore::open(dir.path(), &options(500), at(1_000)).unwrap();
        s.grade(&Id::new("a"), Grade::Good, at(2_000)).unwrap();
        let expected = s.ledger().clone();
        drop(s);
        let journal = dir.path().join(JOURNAL_FILE);
        let mut bytes = fs::read(&journal).unwrap();
        bytes.extend_from_slice(b"g\t2\tb\t30");
        fs::write(&journal, &bytes).unwrap();
        let (ledger, notices) = peek(dir.path(), DayZone::utc()).unwrap();
        assert_eq!(ledger.cards(), expected.cards());
        let [Notice::NotYetRepaired { file, problem }] = notices.as_slice() else {
            panic!("{notices:?}");
        };
        assert!(file.ends_with(JOURNAL_FILE) && problem.contains("8 bytes"));
        assert_eq!(fs::read(&journal).unwrap(), bytes, "nothing was cut");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert!(
            names
                .iter()
                .all(|e| !e.file_name().to_string_lossy().contains("torn")),
            "nothing was copied aside"
        );
    }

    #[test]
    fn an_empty_folder_has_an_empty_history() {
        let dir = tempfile::tempdir().unwrap();
        let (ledger, notices) = peek(dir.path(), DayZone::utc()).unwrap();
        assert_eq!(ledger, Ledger::default());
        assert!(notices.is_empty());
        assert!(
            !dir.path().join(JOURNAL_FILE).exists(),
            "peek creates nothing"
        );
    }
}

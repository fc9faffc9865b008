//! Tests for the review journal: round trips, torn tails, damage in the middle and failing writes.

use super::*;
use crate::domain::schedule::card::Phase;
use std::fs::{self, OpenOptions};
use std::sync::{Arc, Mutex};

const T0: i64 = 1_717_200_000_000;

fn at(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap()
}

fn state(ms: i64) -> CardState {
    CardState {
        due_ms: ms + 600_000,
        stability: 2.3065,
        difficulty: 2.118_103_970_000_000_4,
        elapsed_days: 0,
        scheduled_days: 0,
        reps: 1,
        lapses: 0,
        phase: Phase::Learning,
        last_review_ms: ms,
    }
}

/// Opens a journal in `dir` and appends grades with seqs 1..=n, returning them.
fn write_grades(dir: &Path, n: u64) -> Vec<Record> {
    let (mut j, _) = Journal::open(dir, None, at(T0)).unwrap();
    (1..=n)
        .map(|seq| {
            let ms = T0 + seq as i64 * 1000;
            let card = Id::new(format!("card-{seq}"));
            j.append_grade(seq, &card, at(ms), Grade::Good, &state(ms))
                .unwrap()
        })
        .collect()
}

fn reopen(dir: &Path) -> Replay {
    Journal::open(dir, None, at(T0 + 999_999)).unwrap().1
}

#[test]
fn records_round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut written = write_grades(dir.path(), 2);
    let (mut j, _) = Journal::open(dir.path(), None, at(T0)).unwrap();
    let entry = UndoEntry {
        seq: 2,
        card: Id::new("card-2"),
        reviewed_ms: T0 + 2000,
        previous: None,
    };
    written.push(j.append_undo(3, &entry, at(T0 + 5000)).unwrap());
    let end = j.end();
    drop(j);
    let replay = reopen(dir.path());
    assert_eq!(replay.records, written);
    assert!(replay.notices.is_empty(), "{:?}", replay.notices);
    assert_eq!(
        fs::metadata(dir.path().join(JOURNAL_FILE)).unwrap().len(),
        end
    );
}

#[test]
fn torn_tail_at_every_cut_point_loses_only_that_record() {
    let dir = tempfile::tempdir().unwrap();
    let all = write_grades(dir.path(), 3);
    let full = fs::read(dir.path().join(JOURNAL_FILE)).unwrap();
    let last_len = all[2].encode().len();
    let good_end = full.len() - last_len;
    for cut in 0..last_len {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(JOURNAL_FILE);
        fs::write(&path, &full[..good_end + cut]).unwrap();
        let replay = reopen(dir.path());
        assert_eq!(replay.records, all[..2], "cut {cut}");
        assert_eq!(fs::read(&path).unwrap(), full[..good_end], "cut {cut}");
        if cut == 0 {
            assert!(replay.notices.is_empty());
            continue;
        }
        let [
            Notice::TornTail {
                saved_to, bytes, ..
            },
        ] = replay.notices.as_slice()
        else {
            panic!("cut {cut}: {:?}", replay.notices);
        };
        assert_eq!(*bytes, cut as u64);
        assert_eq!(fs::read(saved_to).unwrap(), full[good_end..good_end + cut]);
        // The repaired journal takes new records cleanly.
        let (mut j, _) = Journal::open(dir.path(), None, at(T0)).unwrap();
        let again = j
            .append_grade(3, &Id::new("card-3"), at(T0), Grade::Easy, &state(T0))
            .unwrap();
        drop(j);
        let after = reopen(dir.path());
        assert!(after.notices.is_empty(), "cut {cut}: {:?}", after.notices);
        assert_eq!(after.records.last(), Some(&again));
    }
}

#[test]
fn zero_filled_tail_is_cut_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let all = write_grades(dir.path(), 2);
    let path = dir.path().join(JOURNAL_FILE);
    let good = fs::read(&path).unwrap();
    let mut bytes = good.clone();
    bytes.extend(std::iter::repeat_n(0u8, 4096));
    fs::write(&path, &bytes).unwrap();
    let replay = reopen(dir.path());
    assert_eq!(replay.records, all);
    assert!(matches!(
        replay.notices.as_slice(),
        [Notice::TornTail { bytes: 4096, .. }]
    ));
    assert_eq!(fs::read(&path).unwrap(), good);
}

#[test]
fn bad_record_in_the_middle_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let all = write_grades(dir.path(), 3);
    let path = dir.path().join(JOURNAL_FILE);
    let mut bytes = fs::read(&path).unwrap();
    let second = all[0].encode().len() + 5;
    bytes[second] ^= 0x20;
    fs::write(&path, &bytes).unwrap();
    let replay = reopen(dir.path());
    assert_eq!(replay.records, vec![all[0].clone(), all[2].clone()]);
    let [Notice::BadRecord { line, .. }] = replay.notices.as_slice() else {
        panic!("{:?}", replay.notices);
    };
    assert_eq!(*line, 2);
    assert_eq!(fs::read(&path).unwrap(), bytes, "file left as it was");
    // Line numbers count from the start of the file even when reading resumes later on.
    let (j, _) = Journal::open(dir.path(), None, at(T0)).unwrap();
    let first_end = all[0].encode().len() as u64;
    let partial = j.read_from(first_end).unwrap();
    assert!(matches!(
        partial.notices.as_slice(),
        [Notice::BadRecord { line: 2, .. }]
    ));
}

#[test]
fn resume_reads_only_the_tail_and_rejects_a_mismatched_point() {
    let dir = tempfile::tempdir().unwrap();
    let all = write_grades(dir.path(), 3);
    let offset = (all[0].encode().len() + all[1].encode().len()) as u64;
    let open = |resume| Journal::open(dir.path(), Some(resume), at(T0)).unwrap().1;
    let r = open((offset, 2));
    assert_eq!((r.start, r.resumed), (offset, true));
    assert_eq!(r.records, all[2..]);
    assert!(open((0, 0)).resumed, "an empty snapshot fits any journal");
    for wrong in [(offset, 1), (offset - 1, 2), (offset + 5000, 2), (0, 2)] {
        let r = open(wrong);
        assert_eq!(
            (r.start, r.resumed, r.records.len()),
            (0, false, 3),
            "{wrong:?}"
        );
    }
}

#[test]
fn invalid_card_ids_are_refused_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut j, _) = Journal::open(dir.path(), None, at(T0)).unwrap();
    let err = j
        .append_grade(1, &Id::new("two\twords"), at(T0), Grade::Good, &state(T0))
        .unwrap_err();
    assert!(matches!(err, ScheduleError::InvalidCardId { .. }), "{err}");
    assert_eq!(j.end(), 0);
}

#[test]
fn second_open_is_refused_while_the_first_holds_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let (_j, _) = Journal::open(dir.path(), None, at(T0)).unwrap();
    let err = Journal::open(dir.path(), None, at(T0)).err().unwrap();
    assert!(err.to_string().contains("already running"), "{err}");
}

/// Writes the first half of each record to the real file, then fails like a full disk.
struct HalfThenFail {
    file: File,
    failures: Arc<Mutex<u32>>,
}

impl Sink for HalfThenFail {
    fn append_durable(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(&bytes[..bytes.len() / 2])?;
        *self.failures.lock().unwrap() += 1;
        Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
    }
    fn truncate(&mut self, len: u64) -> io::Result<()> {
        self.file.set_len(len)
    }
}

#[test]
fn failed_write_leaves_no_partial_record_behind() {
    let dir = tempfile::tempdir().unwrap();
    let written = write_grades(dir.path(), 1);
    let (mut j, _) = Journal::open(dir.path(), None, at(T0)).unwrap();
    let path = j.path().to_path_buf();
    let failures = Arc::new(Mutex::new(0));
    let file = OpenOptions::new().append(true).open(&path).unwrap();
    j.set_sink(Box::new(HalfThenFail {
        file,
        failures: failures.clone(),
    }));
    let err = j
        .append_grade(2, &Id::new("x"), at(T0), Grade::Good, &state(T0))
        .unwrap_err();
    assert!(err.to_string().contains("append a review"), "{err}");
    assert_eq!(*failures.lock().unwrap(), 1);
    assert_eq!(fs::metadata(&path).unwrap().len(), j.end());
    j.set_sink(Box::new(
        OpenOptions::new().append(true).open(&path).unwrap(),
    ));
    let ok = j
        .append_grade(2, &Id::new("x"), at(T0), Grade::Good, &state(T0))
        .unwrap();
    drop(j);
    let replay = reopen(dir.path());
    assert!(replay.notices.is_empty(), "{:?}", replay.notices);
    assert_eq!(replay.records, vec![written[0].clone(), ok]);
}

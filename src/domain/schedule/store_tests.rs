//! Tests for `ReviewStore`: persistence, undo across restarts, snapshots, repairs and stats.

use super::*;
use crate::domain::schedule::card::Phase;
use crate::domain::schedule::journal::Sink;
use chrono::FixedOffset;
use std::fs;
use std::io;

const T0: i64 = 1_717_236_000_000; // 2024-06-01 10:00 UTC

fn at(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap()
}

fn day(n: i64) -> i64 {
    T0 + n * 86_400_000
}

fn options(snapshot_every: u64) -> StoreOptions {
    StoreOptions {
        settings: Settings::default(),
        zone: DayZone::Fixed(FixedOffset::west_opt(5 * 3600).unwrap()),
        snapshot_every,
    }
}

fn open(dir: &Path, snapshot_every: u64) -> (ReviewStore, Vec<Notice>) {
    ReviewStore::open(dir, &options(snapshot_every), at(T0)).unwrap()
}

fn id(s: &str) -> Id {
    Id::new(s)
}

/// The ledger a fresh open of `dir`'s journal alone gives, ignoring any snapshot.
fn journal_only(dir: &Path) -> Ledger {
    let copy = tempfile::tempdir().unwrap();
    fs::copy(dir.join(JOURNAL_FILE), copy.path().join(JOURNAL_FILE)).unwrap();
    let (store, notices) = open(copy.path(), u64::MAX);
    assert!(notices.is_empty(), "{notices:?}");
    store.ledger().clone()
}

#[test]
fn grades_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, notices) = open(dir.path(), 500);
    assert!(notices.is_empty());
    let a = s.grade(&id("a"), Grade::Good, at(T0)).unwrap();
    let b = s.grade(&id("b"), Grade::Easy, at(T0 + 5)).unwrap();
    let a2 = s.grade(&id("a"), Grade::Good, a.due()).unwrap();
    assert_eq!(a2.reps, 2);
    let before = s.ledger().clone();
    drop(s);
    let (s, notices) = open(dir.path(), 500);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(s.ledger(), &before);
    assert_eq!(s.state(&id("a")), Some(&a2));
    assert_eq!(s.state(&id("b")), Some(&b));
}

#[test]
fn undo_restores_the_exact_previous_state_also_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = open(dir.path(), 500);
    assert_eq!(s.undo(at(T0)).unwrap(), None, "nothing to undo yet");
    let first = s.grade(&id("a"), Grade::Good, at(T0)).unwrap();
    let after_first = s.ledger().clone();
    s.grade(&id("a"), Grade::Again, at(day(1))).unwrap();
    assert_eq!(s.undo(at(day(1))).unwrap(), Some(id("a")));
    assert_eq!(s.state(&id("a")), Some(&first));
    assert_eq!(s.reviewed_on(s.today(at(day(1)))), 0);
    drop(s);

    let (mut s, _) = open(dir.path(), 500);
    assert_eq!(s.state(&id("a")), Some(&first));
    assert_eq!(s.ledger().cards(), after_first.cards());
    assert_eq!(s.ledger().daily_counts(), after_first.daily_counts());
    assert_eq!(
        s.undo(at(day(2))).unwrap(),
        Some(id("a")),
        "undo after restart"
    );
    assert_eq!(s.state(&id("a")), None, "back to never seen");
    assert_eq!(s.new_introduced_on(s.today(at(T0))), 0);
    assert_eq!(s.undo(at(day(2))).unwrap(), None);
    s.snapshot_now().unwrap();
    drop(s);

    let (s, _) = open(dir.path(), 500);
    assert_eq!(s.state(&id("a")), None);
    assert!(s.daily_counts().is_empty());
}

#[test]
fn snapshot_plus_tail_equals_full_journal() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = open(dir.path(), 3);
    let mut now = T0;
    for i in 0..12 {
        let card = id(&format!("c{}", i % 4));
        let g = Grade::ALL[i % 4];
        s.grade(&card, g, at(now)).unwrap();
        now += 7 * 3_600_000;
        if i == 6 {
            s.undo(at(now)).unwrap();
            assert!(
                s.maybe_snapshot().unwrap(),
                "more than 3 records past the snapshot"
            );
            assert!(!s.maybe_snapshot().unwrap());
        }
    }
    let in_memory = s.ledger().clone();
    drop(s);
    assert!(dir.path().join(SNAPSHOT_FILE).exists());
    let (s, notices) = open(dir.path(), 3);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(s.ledger(), &in_memory);
    assert_eq!(journal_only(dir.path()), in_memory);
}

#[test]
fn corrupt_snapshot_is_reported_kept_aside_and_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = open(dir.path(), 500);
    s.grade(&id("a"), Grade::Good, at(T0)).unwrap();
    s.grade(&id("b"), Grade::Hard, at(T0 + 1)).unwrap();
    let expected = s.ledger().clone();
    drop(s);
    let snap = dir.path().join(SNAPSHOT_FILE);
    fs::write(&snap, "{\"version\": 1,\n \"cards\": [}").unwrap();
    let (s, notices) = open(dir.path(), 500);
    let [Notice::SnapshotSetAside { saved_to, at, .. }] = notices.as_slice() else {
        panic!("{notices:?}");
    };
    assert_eq!(at.map(|a| a.0), Some(2));
    assert_eq!(
        fs::read_to_string(saved_to).unwrap(),
        "{\"version\": 1,\n \"cards\": [}"
    );
    assert!(saved_to.to_string_lossy().contains("schedule.json.bad-"));
    assert_eq!(s.ledger(), &expected);
    drop(s);
    let (s, notices) = open(dir.path(), 500);
    assert!(
        notices.is_empty(),
        "a fresh snapshot was written: {notices:?}"
    );
    assert_eq!(s.ledger(), &expected);
}

#[test]
fn snapshot_from_another_journal_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = open(dir.path(), 500);
    for i in 0..3 {
        s.grade(&id("a"), Grade::Good, at(day(i))).unwrap();
    }
    s.snapshot_now().unwrap();
    drop(s);
    // Replace the journal with a different, shorter history.
    let other = tempfile::tempdir().unwrap();
    let (mut o, _) = open(other.path(), 500);
    o.grade(&id("z"), Grade::Easy, at(T0)).unwrap();
    drop(o);
    fs::copy(
        other.path().join(JOURNAL_FILE),
        dir.path().join(JOURNAL_FILE),
    )
    .unwrap();
    let (s, notices) = open(dir.path(), 500);
    assert!(
        matches!(
            notices.as_slice(),
            [Notice::SnapshotSetAside { at: None, .. }]
        ),
        "{notices:?}"
    );
    assert_eq!(s.state(&id("a")), None);
    assert!(s.state(&id("z")).is_some());
}

#[test]
fn missing_journal_keeps_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = open(dir.path(), 500);
    s.grade(&id("a"), Grade::Good, at(T0)).unwrap();
    s.snapshot_now().unwrap();
    let expected = s.ledger().clone();
    drop(s);
    fs::remove_file(dir.path().join(JOURNAL_FILE)).unwrap();
    let (mut s, notices) = open(dir.path(), 500);
    assert!(
        matches!(notices.as_slice(), [Notice::JournalMissing { .. }]),
        "{notices:?}"
    );
    assert_eq!(s.ledger(), &expected);
    s.grade(&id("b"), Grade::Good, at(T0 + 1)).unwrap();
    assert_eq!(s.undo(at(T0 + 2)).unwrap(), Some(id("b")));
    assert_eq!(
        s.undo(at(T0 + 3)).unwrap(),
        Some(id("a")),
        "undo reaches into the snapshot"
    );
    let expected = s.ledger().clone();
    drop(s);
    let (s, notices) = open(dir.path(), 500);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(s.ledger(), &expected);
}

#[test]
fn streak_and_daily_counts_follow_local_days() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = open(dir.path(), 500);
    // 10:00 UTC is 05:00 in UTC-5; 03:00 UTC the next day is still 22:00 the same local day.
    s.grade(&id("a"), Grade::Good, at(day(0))).unwrap();
    s.grade(&id("b"), Grade::Good, at(day(0) + 17 * 3_600_000))
        .unwrap();
    s.grade(&id("a"), Grade::Good, at(day(1))).unwrap();
    s.grade(&id("c"), Grade::Good, at(day(3))).unwrap();
    let d = |n| s.today(at(day(n)));
    assert_eq!(s.reviewed_on(d(0)), 2);
    assert_eq!(s.new_introduced_on(d(0)), 2);
    assert_eq!((s.reviewed_on(d(1)), s.new_introduced_on(d(1))), (1, 0));
    assert_eq!(s.streak(d(1)), 2);
    assert_eq!(s.streak(d(2)), 2, "today not studied yet");
    assert_eq!(s.streak(d(3)), 1);
    assert_eq!(s.streak(d(5)), 0);
    let days: Vec<u32> = s.daily_counts().values().copied().collect();
    assert_eq!(days, vec![2, 1, 1]);
}

#[test]
fn orphans_are_reported_and_their_history_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = open(dir.path(), 500);
    s.grade(&id("kept"), Grade::Good, at(T0)).unwrap();
    s.grade(&id("renamed"), Grade::Good, at(T0)).unwrap();
    let known: HashSet<Id> = [id("kept")].into();
    assert_eq!(s.orphans(&known), vec![id("renamed")]);
    drop(s);
    let (s, _) = open(dir.path(), 500);
    assert_eq!(s.orphans(&known), vec![id("renamed")]);
    assert_eq!(
        s.state(&id("renamed")).map(|c| c.phase),
        Some(Phase::Learning)
    );
}

struct Failing;

impl Sink for Failing {
    fn append_durable(&mut self, _: &[u8]) -> io::Result<()> {
        Err(io::Error::new(io::ErrorKind::PermissionDenied, "read-only"))
    }
    fn truncate(&mut self, _: u64) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn failed_write_changes_nothing_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = open(dir.path(), 500);
    s.grade(&id("a"), Grade::Good, at(T0)).unwrap();
    let before = s.ledger().clone();
    s.journal_mut().set_sink(Box::new(Failing));
    let err = s.grade(&id("a"), Grade::Easy, at(day(1))).unwrap_err();
    let ScheduleError::Storage(e) = &err else {
        panic!("{err}")
    };
    assert!(
        e.path.ends_with(JOURNAL_FILE) && e.hint().contains("writable"),
        "{e}"
    );
    assert!(s.undo(at(day(1))).is_err());
    assert_eq!(s.ledger(), &before);
}

#[test]
fn grading_appends_one_record_and_rewrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = open(dir.path(), 500);
    s.grade(&id("a"), Grade::Good, at(T0)).unwrap();
    s.snapshot_now().unwrap();
    let snap = fs::read(dir.path().join(SNAPSHOT_FILE)).unwrap();
    let journal = s.journal_path().to_path_buf();
    let mut len = fs::metadata(&journal).unwrap().len();
    for i in 0..20 {
        s.grade(&id(&format!("n{i}")), Grade::Good, at(T0 + i))
            .unwrap();
        let new_len = fs::metadata(&journal).unwrap().len();
        assert!(new_len > len && new_len - len < 200, "{len} -> {new_len}");
        len = new_len;
    }
    assert_eq!(fs::read(dir.path().join(SNAPSHOT_FILE)).unwrap(), snap);
}

#[test]
fn invalid_ids_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = open(dir.path(), 500);
    let err = s.grade(&id("has space"), Grade::Good, at(T0)).unwrap_err();
    assert!(matches!(err, ScheduleError::InvalidCardId { .. }), "{err}");
    assert!(s.ledger().cards().is_empty());
}

#[test]
fn grading_in_bulk_matches_grading_one_at_a_time() {
    let grades: Vec<(Id, Grade, DateTime<Utc>)> = (0..40)
        .map(|i| {
            let g = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy][i % 4];
            (id(&format!("c{}", i % 7)), g, at(day(i as i64 / 3)))
        })
        .collect();
    let one = tempfile::tempdir().unwrap();
    let (mut s1, _) = open(one.path(), 500);
    for (card, g, t) in &grades {
        s1.grade(card, *g, *t).unwrap();
    }
    let bulk = tempfile::tempdir().unwrap();
    let (mut s2, _) = open(bulk.path(), 500);
    s2.grade_all(&grades[..10]).unwrap();
    s2.grade_all(&grades[10..]).unwrap();
    assert_eq!(s1.ledger(), s2.ledger());
    assert_eq!(
        fs::read(s1.journal_path()).unwrap(),
        fs::read(s2.journal_path()).unwrap()
    );
    drop(s2);
    assert_eq!(&journal_only(bulk.path()), s1.ledger());
}

#[test]
fn bulk_grading_with_a_bad_id_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = open(dir.path(), 500);
    let bad = [
        (id("ok"), Grade::Good, at(T0)),
        (id("has space"), Grade::Good, at(T0)),
    ];
    assert!(s.grade_all(&bad).is_err());
    assert!(s.state(&id("ok")).is_none());
    assert_eq!(fs::metadata(s.journal_path()).map_or(0, |m| m.len()), 0);
}

//! Property test across the module: any mix of grades, undos, snapshots and restarts keeps memory
//! equal to what a fresh load from disk gives.

use super::*;
use crate::domain::content::Id;
use chrono::{DateTime, FixedOffset, Utc};
use proptest::prelude::*;
use std::fs;
use std::path::Path;

#[derive(Debug, Clone)]
enum Op {
    Grade { card: u8, grade: u8, wait_min: u32 },
    Undo,
    Snapshot,
    Reopen,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0u8..5, 1u8..=4, 0u32..5000).prop_map(|(card, grade, wait_min)| Op::Grade {
            card,
            grade,
            wait_min
        }),
        2 => Just(Op::Undo),
        1 => Just(Op::Snapshot),
        1 => Just(Op::Reopen),
    ]
}

fn options() -> StoreOptions {
    StoreOptions {
        settings: Settings::default(),
        zone: DayZone::Fixed(FixedOffset::east_opt(9 * 3600).unwrap()),
        snapshot_every: 3,
    }
}

fn open(dir: &Path, now: DateTime<Utc>) -> ReviewStore {
    let (store, notices) = ReviewStore::open(dir, &options(), now).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    store
}

/// Loads `dir`'s journal alone, with no snapshot, in a scratch folder.
fn journal_only(dir: &Path, now: DateTime<Utc>) -> Ledger {
    let scratch = tempfile::tempdir().unwrap();
    fs::copy(dir.join(JOURNAL_FILE), scratch.path().join(JOURNAL_FILE)).unwrap();
    open(scratch.path(), now).ledger().clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn memory_always_equals_a_fresh_reload(ops in proptest::collection::vec(op(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let mut now = DateTime::from_timestamp_millis(1_717_236_000_000).unwrap();
        let mut store = open(dir.path(), now);
        for op in ops {
            match op {
                Op::Grade { card, grade, wait_min } => {
                    now += chrono::Duration::minutes(i64::from(wait_min));
                    let g = Grade::from_number(grade).unwrap();
                    let state = store.grade(&Id::new(format!("card-{card}")), g, now).unwrap();
                    prop_assert!(state.is_plausible());
                }
                Op::Undo => {
                    let expected = store.ledger().undo_top().map(|e| (e.card.clone(), e.previous.clone()));
                    let undone = store.undo(now).unwrap();
                    prop_assert_eq!(undone.clone(), expected.as_ref().map(|e| e.0.clone()));
                    if let Some((card, previous)) = expected {
                        prop_assert_eq!(store.state(&card), previous.as_ref());
                    }
                }
                Op::Snapshot => store.snapshot_now().unwrap(),
                Op::Reopen => {
                    let before = store.ledger().clone();
                    drop(store);
                    store = open(dir.path(), now);
                    prop_assert_eq!(store.ledger(), &before);
                }
            }
        }
        let in_memory = store.ledger().clone();
        drop(store);
        let reopened = open(dir.path(), now);
        prop_assert_eq!(reopened.ledger(), &in_memory);
        drop(reopened);
        prop_assert_eq!(&journal_only(dir.path(), now), &in_memory);
    }
}

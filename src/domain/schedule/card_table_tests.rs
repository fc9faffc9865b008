use super::*;
use crate::domain::schedule::Phase;
use proptest::prelude::*;

fn state(due_ms: i64) -> CardState {
    CardState {
        due_ms,
        stability: 1.5,
        difficulty: 5.0,
        elapsed_days: 0,
        scheduled_days: 1,
        reps: 1,
        lapses: 0,
        phase: Phase::Review,
        last_review_ms: 0,
    }
}

/// One change to the table, as the ledger makes them: a grade sets a state, an undone first grade
/// removes one, and loading or a snapshot settles.
#[derive(Debug, Clone)]
enum Op {
    Insert(u8, i64),
    Remove(u8),
    Settle,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..40, any::<i64>()).prop_map(|(k, d)| Op::Insert(k, d)),
        2 => (0u8..40).prop_map(Op::Remove),
        1 => Just(Op::Settle),
    ]
}

fn id(k: u8) -> Id {
    Id::new(format!("card-{k}"))
}

proptest! {
    /// Whatever the history of grades, undos and settles, the table answers as a map would: the
    /// same states by id, the same order, the same count, and the same states returned as replaced.
    #[test]
    fn answers_as_a_map_would(
        start in prop::collection::vec((0u8..40, any::<i64>()), 0..30),
        ops in prop::collection::vec(op(), 0..120),
    ) {
        let mut table: CardTable = start.iter().map(|&(k, d)| (id(k), state(d))).collect();
        let mut model: BTreeMap<Id, CardState> =
            start.iter().map(|&(k, d)| (id(k), state(d))).collect();
        prop_assert_eq!(table.iter().collect::<Vec<_>>(), model.iter().collect::<Vec<_>>());
        for op in ops {
            match op {
                Op::Insert(k, d) => {
                    prop_assert_eq!(table.insert(id(k), state(d)), model.insert(id(k), state(d)));
                }
                Op::Remove(k) => prop_assert_eq!(table.remove(&id(k)), model.remove(&id(k))),
                Op::Settle => table.settle(),
            }
            prop_assert_eq!(table.len(), model.len());
            prop_assert_eq!(table.is_empty(), model.is_empty());
            prop_assert_eq!(table.iter().collect::<Vec<_>>(), model.iter().collect::<Vec<_>>());
            // The keys a count reads stay in step with the states, through every change.
            prop_assert_eq!(
                table.keyed().collect::<Vec<_>>(),
                model.iter().map(|(k, s)| (k, Key::of(Some(s)))).collect::<Vec<_>>()
            );
            // Every key without its id, in any order: the same ones.
            let by_time = |keys: Vec<Key>| {
                let mut keys: Vec<(i64, usize)> =
                    keys.into_iter().map(|k| (k.due_ms(), k.kind())).collect();
                keys.sort_unstable();
                keys
            };
            prop_assert_eq!(
                by_time(table.all_keys().collect()),
                by_time(model.values().map(|s| Key::of(Some(s))).collect())
            );
            for k in 0..40 {
                prop_assert_eq!(table.get(&id(k)), model.get(&id(k)));
            }
        }
        let settled = {
            let mut t = table.clone();
            t.settle();
            t
        };
        prop_assert_eq!(&settled, &table);
        prop_assert!(settled.added.is_empty());
        prop_assert!(settled.states.iter().all(Option::is_some));
        prop_assert_eq!(settled.ids.len(), settled.keys.len());
    }
}

#[test]
fn only_learning_and_review_cards_count_as_studied() {
    let with = |phase: Phase| Key::of(Some(&CardState { phase, ..state(5) }));
    assert!(!Key::NONE.is_studied());
    assert!(!with(Phase::New).is_studied());
    assert!(with(Phase::Learning).is_studied());
    assert!(with(Phase::Relearning).is_studied());
    assert!(with(Phase::Review).is_studied());
    assert_eq!(with(Phase::Review).due_ms(), 5);
}

#[test]
fn a_list_in_order_is_taken_as_it_is_and_one_out_of_order_is_sorted_last_state_kept() {
    let in_order: CardTable = [(id(1), state(1)), (id(2), state(2))].into_iter().collect();
    assert_eq!(in_order.keys().collect::<Vec<_>>(), [&id(1), &id(2)]);
    let mixed: CardTable = [
        (id(3), state(30)),
        (id(1), state(10)),
        (id(3), state(31)),
        (id(2), state(20)),
        (id(3), state(32)),
    ]
    .into_iter()
    .collect();
    assert_eq!(
        mixed
            .iter()
            .map(|(k, s)| (k.as_str(), s.due_ms))
            .collect::<Vec<_>>(),
        [("card-1", 10), ("card-2", 20), ("card-3", 32)]
    );
    assert_eq!(mixed.len(), 3);
}

#[test]
fn a_card_graded_again_changes_in_place_and_a_new_one_waits_beside_the_list() {
    let mut t: CardTable = [(id(1), state(1))].into_iter().collect();
    assert_eq!(t.insert(id(1), state(5)).map(|s| s.due_ms), Some(1));
    assert!(t.added.is_empty(), "a listed card is changed where it is");
    assert_eq!(t.insert(id(0), state(7)), None);
    assert_eq!(t.added.len(), 1);
    t.settle();
    assert!(t.added.is_empty());
    assert_eq!(t.ids.len(), 2);
}

#[test]
fn a_removed_card_is_gone_at_once_and_dropped_from_the_list_on_settling() {
    let mut t: CardTable = [(id(1), state(1)), (id(2), state(2))].into_iter().collect();
    assert_eq!(t.remove(&id(1)).map(|s| s.due_ms), Some(1));
    assert_eq!(t.get(&id(1)), None);
    assert_eq!(t.len(), 1);
    assert_eq!(t.keys().collect::<Vec<_>>(), [&id(2)]);
    t.settle();
    assert_eq!(t.ids.len(), 1);
}

#[test]
fn writes_as_a_map_from_id_to_state() {
    let t: CardTable = [(id(2), state(2)), (id(1), state(1))].into_iter().collect();
    let m: BTreeMap<Id, CardState> = [(id(1), state(1)), (id(2), state(2))].into_iter().collect();
    assert_eq!(
        serde_json::to_string(&t).unwrap(),
        serde_json::to_string(&m).unwrap()
    );
    assert_eq!(format!("{t:?}"), format!("{m:?}"));
}

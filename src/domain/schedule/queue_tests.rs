use super::*;
use crate::domain::schedule::days::DayZone;
use crate::domain::schedule::scheduler::Grade;
use crate::domain::schedule::store::{ReviewStore, StoreOptions};
use chrono::Duration;

const T0: i64 = 1_717_236_000_000;

fn at(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap()
}

/// A state due at `due_ms` in `phase` (its journal number), last reviewed at `last_ms`.
fn state_due(due_ms: i64, phase: u8, last_ms: i64) -> CardState {
    CardState {
        due_ms,
        stability: 1.0,
        difficulty: 5.0,
        elapsed_days: 0,
        scheduled_days: 1,
        reps: 1,
        lapses: 0,
        phase: Phase::from_number(phase).unwrap(),
        last_review_ms: last_ms,
    }
}

fn ids(names: &[&str]) -> Vec<Id> {
    names.iter().map(|n| Id::new(*n)).collect()
}

fn store(dir: &std::path::Path, limit: u32) -> ReviewStore {
    let options = StoreOptions {
        settings: Settings {
            daily_new_limit: limit,
            ..Settings::default()
        },
        zone: DayZone::utc(),
        snapshot_every: 500,
    };
    ReviewStore::open(dir, &options, at(T0)).unwrap().0
}

#[test]
fn normal_queue_orders_learning_then_due_reviews_then_new_within_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path(), 3);
    let now = at(T0);
    // Yesterday: r1 and r2 graded Easy (review, due later); l1 graded Again today (learning).
    let yesterday = now - Duration::days(30);
    s.grade(&Id::new("r1"), Grade::Easy, yesterday).unwrap();
    s.grade(&Id::new("r2"), Grade::Easy, yesterday - Duration::days(2))
        .unwrap();
    s.grade(&Id::new("l1"), Grade::Again, now - Duration::minutes(3))
        .unwrap();
    s.grade(&Id::new("later"), Grade::Easy, now).unwrap();
    let settings = *s.settings();
    let selection = ids(&["n1", "r1", "later", "n2", "l1", "r2", "n3", "n1", "n4"]);
    // "later" was introduced today; so was l1: 2 of 3 new cards already used.
    assert_eq!(
        counts(&selection, s.ledger(), &settings, s.today(now), now),
        Counts {
            new: 1,
            learning: 1,
            due: 2
        }
    );
    let q = build_queue(
        &selection,
        s.ledger(),
        &settings,
        s.today(now),
        now,
        Mode::Normal,
    );
    assert_eq!(q, ids(&["l1", "r2", "r1", "n1"]));
    // The next day the allowance is back to the full limit.
    let tomorrow = now + Duration::days(1);
    let q = build_queue(
        &selection,
        s.ledger(),
        &settings,
        s.today(tomorrow),
        tomorrow,
        Mode::Normal,
    );
    assert_eq!(q[q.len() - 3..], ids(&["n1", "n2", "n3"]));
}

#[test]
fn new_limit_of_zero_shows_only_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path(), 0);
    let settings = *s.settings();
    let q = build_queue(
        &ids(&["a", "b"]),
        s.ledger(),
        &settings,
        s.today(at(T0)),
        at(T0),
        Mode::Normal,
    );
    assert!(q.is_empty());
}

#[test]
fn on_the_eve_a_card_due_after_the_interview_is_due_now() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path(), 20);
    let now = at(T0);
    s.grade(&Id::new("far"), Grade::Easy, now - Duration::days(2))
        .unwrap();
    s.grade(&Id::new("soon"), Grade::Again, now - Duration::hours(1))
        .unwrap();
    let far_due = s.state(&Id::new("far")).unwrap().due();
    assert!(far_due > now + Duration::days(3), "{far_due}");
    let today = s.today(now);
    let selection = ids(&["far", "soon"]);
    let mut settings = *s.settings();
    let q = |settings: &Settings| {
        build_queue(&selection, s.ledger(), settings, today, now, Mode::Normal)
    };
    assert_eq!(q(&settings), ids(&["soon"]), "no date: far is not due");
    settings.interview = Some(today + chrono::Days::new(1));
    assert_eq!(
        q(&settings),
        ids(&["soon", "far"]),
        "the eve: far comes now"
    );
    assert_eq!(counts(&selection, s.ledger(), &settings, today, now).due, 1);
    settings.interview = Some(today + chrono::Days::new(3));
    assert_eq!(q(&settings), ids(&["soon"]), "three days out: not yet");
    settings.interview = Some(today);
    assert_eq!(q(&settings), ids(&["soon"]), "on the day: normal");
}

#[test]
fn cram_orders_by_recall_on_the_interview_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path(), 20);
    let now = at(T0);
    // strong: Easy twice; weak: Hard once long ago; fresh: Good just now.
    let c = s
        .grade(&Id::new("strong"), Grade::Easy, now - Duration::days(20))
        .unwrap();
    s.grade(&Id::new("strong"), Grade::Easy, c.due()).unwrap();
    s.grade(&Id::new("weak"), Grade::Hard, now - Duration::days(40))
        .unwrap();
    s.grade(&Id::new("fresh"), Grade::Easy, now).unwrap();
    let settings = *s.settings();
    let interview = now + Duration::days(3);
    let selection = ids(&["strong", "unseen", "fresh", "weak", "unseen2"]);
    let cram = Mode::Cram { interview };
    let q = build_queue(&selection, s.ledger(), &settings, s.today(now), now, cram);
    let recall = |n: &str| recall_at(s.state(&Id::new(n)).unwrap(), interview);
    assert!(recall("weak") < CRAM_WEAK, "{}", recall("weak"));
    assert_eq!(
        q[..3],
        ids(&["weak", "unseen", "unseen2"]),
        "a card likely forgotten comes before the ones never tried"
    );
    for pair in q[3..].windows(2) {
        assert!(
            recall(pair[0].as_str()) <= recall(pair[1].as_str()),
            "{q:?}"
        );
    }
    assert_eq!(q.len(), 5, "cram takes every card, due or not");
}

/// Counts and queues read the same whatever the selection's order, repeats included, and
/// however the states lie (settled or added since): a sorted selection takes the one-pass walk,
/// any other the lookup per card, and both agree with a plain count of each distinct card's
/// standing.
#[test]
fn sorted_and_unsorted_selections_count_alike() {
    use crate::domain::schedule::record::Record;
    use proptest::prelude::*;
    let now = at(T0);
    let settings = Settings::default();
    let today = DayZone::utc().date_of(now);
    proptest!(ProptestConfig::with_cases(200), |(
        graded in proptest::collection::vec((0u8..60, 0i64..40, 0u8..4), 0..80),
        picked in proptest::collection::vec(0u8..60, 0..120),
        settle_after in proptest::collection::vec(any::<bool>(), 80),
    )| {
        let mut ledger = Ledger::default();
        for (seq, (card, days_ago, phase)) in graded.iter().enumerate() {
            let ms = T0 - days_ago * 86_400_000 + 3_600_000 * i64::from(*phase);
            let state = state_due(ms + 86_400_000 * i64::from(*phase), *phase, ms);
            let record = Record::Grade {
                seq: seq as u64 + 1,
                card: Id::new(format!("c{card:02}")),
                reviewed_ms: ms,
                grade: crate::domain::schedule::scheduler::Grade::Good,
                state,
            };
            ledger.apply(&record, DayZone::utc());
            // Some states in the settled list, some added since, as after a load and grades.
            if settle_after.get(seq).copied().unwrap_or(false) {
                ledger.settle();
            }
        }
        let unsorted: Vec<Id> = picked.iter().map(|n| Id::new(format!("c{n:02}"))).collect();
        let mut sorted = unsorted.clone();
        sorted.sort();
        sorted.dedup();
        let (mut learning, mut due, mut unseen) = (0, 0, 0);
        for id in &sorted {
            match Standing::of(ledger.state(id), now) {
                Standing::Learning => learning += 1,
                Standing::Due => due += 1,
                Standing::Unseen => unseen += 1,
                Standing::Later => {}
            }
        }
        let want = Counts {
            new: unseen.min(new_allowance(&ledger, &settings, today)),
            learning,
            due,
        };
        prop_assert_eq!(counts(&sorted, &ledger, &settings, today, now), want);
        prop_assert_eq!(counts(&unsorted, &ledger, &settings, today, now), want);
        let queue = |sel: &[Id]| {
            let mut q = build_queue(sel, &ledger, &settings, today, now, Mode::Normal);
            q.sort();
            q
        };
        let mut first_seen = Vec::new();
        for id in &unsorted {
            if !first_seen.contains(id) {
                first_seen.push(id.clone());
            }
        }
        // Each distinct card once, in selection order, with its state: also when a sorted run
        // (walked) is followed by ids out of order (looked up).
        let mixed: Vec<Id> = sorted.iter().chain(&unsorted).cloned().collect();
        for sel in [&unsorted, &sorted, &mixed] {
            let mut visited = Vec::new();
            each_state(sel, &ledger, |id, s| visited.push((id.clone(), s.cloned())));
            let mut naive: Vec<(Id, Option<CardState>)> = Vec::new();
            for id in sel.iter() {
                if !naive.iter().any(|(seen, _)| seen == id) {
                    naive.push((id.clone(), ledger.state(id).cloned()));
                }
            }
            prop_assert_eq!(visited, naive);
        }
        // The same cards are queued; new ones in selection order, so which new ones can differ
        // only when the allowance cuts them.
        if unseen <= new_allowance(&ledger, &settings, today) {
            prop_assert_eq!(queue(&sorted), queue(&first_seen));
            prop_assert_eq!(queue(&unsorted), queue(&first_seen));
        }
    });
}

proptest::proptest! {
    /// The packed key answers as the whole state does, for any due time (the far ends included),
    /// any phase, any moment, on the interview's eve or not.
    #[test]
    fn a_key_stands_where_its_state_does(
        due_ms in proptest::prop_oneof![
            proptest::num::i64::ANY,
            T0 - 4 * 86_400_000..T0 + 4 * 86_400_000
        ],
        phase in 0u8..4,
        now_ms in T0 - 86_400_000..T0 + 86_400_000,
        eve in proptest::bool::ANY,
    ) {
        let state = state_due(due_ms, phase, 0);
        let at = StandingAt { now_ms, eve };
        // The rule as written before it was a table.
        let plain = |state: Option<&CardState>| match (Standing::at_ms(state, now_ms), state) {
            (Standing::Later, Some(c)) if eve && c.due_ms > now_ms + 86_400_000 => Standing::Due,
            (standing, _) => standing,
        };
        proptest::prop_assert_eq!(at.of_key(Key::of(Some(&state))), plain(Some(&state)));
        proptest::prop_assert_eq!(at.of(Some(&state)), plain(Some(&state)));
        proptest::prop_assert_eq!(at.of(None), plain(None));
    }
}

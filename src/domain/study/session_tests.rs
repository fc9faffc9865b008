//! The review session: queue, grading, undo and the counts drawn from it.

use super::*;
use crate::domain::schedule::{DayZone, Phase, StoreOptions};

fn at(min: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_424_400, 0).unwrap() + Duration::minutes(min)
}

fn store(dir: &std::path::Path) -> ReviewStore {
    let options = StoreOptions {
        zone: DayZone::utc(),
        ..StoreOptions::default()
    };
    ReviewStore::open(dir, &options, at(0)).unwrap().0
}

fn session(ids: &[&str]) -> Session {
    let queue = ids.iter().map(|s| Id::new(*s)).collect();
    Session::new("test".into(), queue, Mode::Normal, at(0)).unwrap()
}

#[test]
fn empty_queue_is_no_session() {
    assert!(Session::new("x".into(), vec![], Mode::Normal, at(0)).is_none());
}

#[test]
fn again_puts_the_card_back_and_easy_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut st = store(dir.path());
    let mut s = session(&["a", "b"]);
    s.reveal();
    assert_eq!((s.side, s.proposed), (Side::Back, Some(Grade::Good)));
    s.grade(&mut st, Grade::Again, at(1)).unwrap();
    assert_eq!(s.side, Side::Front);
    assert_eq!(s.progress(), (1, 3), "a is back at the end");
    assert_eq!(
        (s.cards_done(), s.cards()),
        (0, 2),
        "a comes back, so it is not done"
    );
    assert_eq!(s.coming_back(), [&Id::new("a")], "started, not finished");
    s.grade(&mut st, Grade::Easy, at(2)).unwrap();
    assert_eq!(s.current(), Some(&Id::new("a")));
    s.grade(&mut st, Grade::Easy, at(3)).unwrap();
    assert!(s.is_finished() && s.finished == Some(at(3)));
    assert_eq!(s.tally(), (3, [1, 0, 0, 2]));
    assert_eq!(s.cards_graded(), 2);
    assert_eq!(
        (s.cards_done(), s.cards()),
        (2, 2),
        "two cards, three reviews"
    );
    assert_eq!(s.elapsed(at(50)), Duration::minutes(3));
    assert!(s.coming_back().is_empty(), "finished: nothing comes back");
}

/// Cards this session last graded Hard, Good or Easy: done in a cram even with a turn ahead.
fn passed_slow(s: &Session) -> HashSet<&Id> {
    let cram = matches!(s.mode, Mode::Cram { .. });
    let mut passed = HashSet::new();
    for st in s.steps.iter().filter(|_| cram) {
        if st.grade == Grade::Again {
            passed.remove(&st.card);
        } else {
            passed.insert(&st.card);
        }
    }
    passed
}

/// Distinct cards done, counted the slow way over the whole queue: no turn left ahead, or in a
/// cram last graded a pass.
fn done_slow(s: &Session) -> usize {
    let passed = passed_slow(s);
    let ahead: HashSet<&Id> = s
        .queue
        .iter()
        .skip(s.pos)
        .filter(|id| !passed.contains(id))
        .collect();
    s.queue.iter().collect::<HashSet<_>>().len() - ahead.len()
}

/// Cards graded so far with a turn still ahead and not done, the slow way: every turn ahead
/// looked at.
fn back_slow(s: &Session) -> Vec<&Id> {
    let graded: HashSet<&Id> = s.steps.iter().map(|st| &st.card).collect();
    let passed = passed_slow(s);
    let mut out: Vec<&Id> = Vec::new();
    for id in s.queue.iter().skip(s.pos) {
        if graded.contains(id) && !passed.contains(id) && !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

#[test]
fn cards_done_matches_counting_the_whole_queue() {
    let cram = Mode::Cram {
        interview: at(7 * 24 * 60),
    };
    for mode in [Mode::Normal, cram] {
        // Without repeats at the start (as build_queue makes it) and with one.
        for ids in [&["a", "b", "c", "d", "e"][..], &["a", "b", "a", "c"][..]] {
            let dir = tempfile::tempdir().unwrap();
            let mut st = store(dir.path());
            let queue = ids.iter().map(|s| Id::new(*s)).collect();
            let mut s = Session::new("test".into(), queue, mode, at(0)).unwrap();
            // A fixed walk of grades (Again comes back), undos and more grades.
            let walk = [1, 3, 1, 0, 4, 1, 1, 0, 0, 3, 2, 1, 4, 4, 4, 4, 4, 4, 4];
            for (i, step) in walk.into_iter().enumerate() {
                let now = at(10 + i as i64);
                match step {
                    0 => drop(s.undo(&mut st, now).unwrap()),
                    g => s.grade(&mut st, Grade::ALL[g - 1], now).unwrap(),
                }
                let what = format!("{mode:?} {ids:?} after step {i}");
                assert_eq!(s.cards_done(), done_slow(&s), "{what}");
                assert_eq!(s.coming_back(), back_slow(&s), "{what}");
                assert_eq!(s.cards(), s.queue.iter().collect::<HashSet<_>>().len());
            }
            assert!(s.is_finished(), "{mode:?} {ids:?}");
            assert_eq!(s.cards_done(), s.cards());
        }
    }
}

#[test]
fn a_cram_counts_a_card_done_once_answered_and_not_while_it_is_failed() {
    let dir = tempfile::tempdir().unwrap();
    let mut st = store(dir.path());
    let queue = ["a", "b", "c", "d", "e", "f"].map(Id::new).to_vec();
    let cram = Mode::Cram {
        interview: at(7 * 24 * 60),
    };
    let mut s = Session::new("Cram: test".into(), queue, cram, at(0)).unwrap();
    for (i, g) in [Grade::Good, Grade::Hard, Grade::Again, Grade::Good]
        .into_iter()
        .enumerate()
    {
        s.grade(&mut st, g, at(i as i64)).unwrap();
    }
    // Every new card answered comes back for its learning step, after the other cards.
    assert_eq!(s.progress(), (4, 10));
    assert_eq!((s.cards_done(), s.cards()), (3, 6), "answered, Again aside");
    assert_eq!(
        s.coming_back(),
        [&Id::new("c")],
        "only the failed card is unfinished"
    );
    s.undo(&mut st, at(5)).unwrap();
    assert_eq!(s.cards_done(), 2);
    // The same grades in a normal session leave every new card to come back first.
    let queue = ["a", "b", "c", "d", "e", "f"].map(Id::new).to_vec();
    let mut n = Session::new("test".into(), queue, Mode::Normal, at(0)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut st = store(dir.path());
    for (i, g) in [Grade::Good, Grade::Hard, Grade::Again]
        .into_iter()
        .enumerate()
    {
        n.grade(&mut st, g, at(i as i64)).unwrap();
    }
    assert_eq!(n.cards_done(), 0);
    assert_eq!(n.coming_back().len(), 3);
}

#[test]
fn a_pick_proposes_good_or_again() {
    let mut s = session(&["a"]);
    s.pick(2, 2);
    assert_eq!((s.picked, s.proposed), (Some(2), Some(Grade::Good)));
    let mut s = session(&["a"]);
    s.pick(0, 2);
    assert_eq!((s.side, s.proposed), (Side::Back, Some(Grade::Again)));
    s.pick(2, 2);
    assert_eq!(s.picked, Some(0), "the first pick stands");
}

#[test]
fn undo_restores_the_schedule_queue_and_position() {
    let dir = tempfile::tempdir().unwrap();
    let mut st = store(dir.path());
    let mut s = session(&["a", "b"]);
    assert_eq!(s.undo(&mut st, at(0)).unwrap(), None);
    s.grade(&mut st, Grade::Easy, at(1)).unwrap();
    let a_after_easy = st.state(&Id::new("a")).cloned();
    s.grade(&mut st, Grade::Again, at(2)).unwrap();
    assert_eq!(s.progress(), (2, 3));
    assert_eq!(s.undo(&mut st, at(3)).unwrap(), Some(Id::new("b")));
    assert_eq!(s.progress(), (1, 2), "the put-back copy of b is gone");
    assert_eq!(s.current(), Some(&Id::new("b")));
    assert_eq!(st.state(&Id::new("b")), None, "b is new again");
    assert_eq!(st.state(&Id::new("a")).cloned(), a_after_easy);
    assert_eq!(s.undo(&mut st, at(4)).unwrap(), Some(Id::new("a")));
    assert_eq!(st.state(&Id::new("a")), None);
    assert!(!s.can_undo());
}

#[test]
fn undo_leaves_grades_from_outside_the_session_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut st = store(dir.path());
    let mut s = session(&["a"]);
    s.grade(&mut st, Grade::Good, at(1)).unwrap();
    st.grade(&Id::new("elsewhere"), Grade::Good, at(2)).unwrap();
    assert_eq!(s.undo(&mut st, at(3)).unwrap(), None);
    assert!(st.state(&Id::new("elsewhere")).is_some());
    assert_eq!(
        st.state(&Id::new("a")).map(|c| c.phase),
        Some(Phase::Learning)
    );
}

#[test]
fn a_failed_write_keeps_the_card_and_its_side() {
    let dir = tempfile::tempdir().unwrap();
    let mut st = store(dir.path());
    let mut s = session(&["a", "b"]);
    s.pick(1, 1);
    st.fail_writes();
    assert!(s.grade(&mut st, Grade::Good, at(1)).is_err());
    assert_eq!(s.current(), Some(&Id::new("a")));
    assert_eq!((s.side, s.picked), (Side::Back, Some(1)));
    assert_eq!(s.tally().0, 0);
    assert_eq!(st.state(&Id::new("a")), None);
}

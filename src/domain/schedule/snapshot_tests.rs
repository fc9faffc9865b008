use super::*;
use crate::domain::schedule::card::Phase;
use crate::domain::schedule::days::DayZone;
use crate::domain::schedule::record::Record;
use crate::domain::schedule::scheduler::Grade;

fn ledger() -> Ledger {
    let mut l = Ledger::default();
    for (seq, card) in [(1, "a"), (2, "b"), (3, "a")] {
        let ms = 1_717_200_000_000 + seq as i64 * 86_400_000;
        let state = CardState {
            due_ms: ms + 1,
            stability: 1.0 / 3.0 + seq as f64,
            difficulty: 0.1 + 0.2,
            elapsed_days: 1,
            scheduled_days: 2,
            reps: 2,
            lapses: 0,
            phase: Phase::Review,
            last_review_ms: ms,
        };
        let r = Record::Grade {
            seq,
            card: Id::new(card),
            reviewed_ms: ms,
            grade: Grade::Good,
            state,
        };
        l.apply(&r, DayZone::utc());
    }
    l
}

#[test]
fn round_trip_is_exact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(SNAPSHOT_FILE);
    let l = ledger();
    save(&path, &l, 1234).unwrap();
    let s = load(&path).unwrap().unwrap();
    assert_eq!(s.ledger, l);
    assert_eq!(s.journal_offset, 1234);
}

#[test]
fn a_cached_snapshot_reads_exactly_and_a_new_one_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(SNAPSHOT_FILE);
    let l = ledger();
    save(&path, &l, 1234).unwrap();
    load(&path).unwrap().unwrap();
    assert!(dir.path().join("cache/schedule.bin").is_file());
    let cached = load(&path).unwrap().unwrap();
    assert_eq!(cached.ledger, l, "f64s survive the cache bit for bit");
    let mut later = l.clone();
    later.last_seq += 1;
    save(&path, &later, 5678).unwrap();
    let s = load(&path).unwrap().unwrap();
    assert_eq!((s.ledger, s.journal_offset), (later, 5678));
}

/// A card with an id the journal could not hold, or a state no grade makes, anywhere among
/// the others makes the snapshot unusable, whichever comes first; good cards load in order.
#[test]
fn a_bad_id_or_state_among_good_cards_is_refused() {
    let good = ledger();
    let cached = |cards: Vec<(Id, Packed)>| Cached {
        version: VERSION,
        last_seq: good.last_seq,
        journal_offset: 0,
        cards: cards
            .into_iter()
            .map(|(id, p)| (id, CardState::from(p)))
            .collect(),
        reviews_per_day: BTreeMap::new(),
        new_per_day: BTreeMap::new(),
        undo: VecDeque::new(),
    };
    let state = |k: &str| good.cards.get(&Id::new(k)).cloned().unwrap();
    let cards = |ids: &[&str]| -> Vec<(Id, Packed)> {
        ids.iter()
            .map(|id| (Id::new(*id), state("a").into()))
            .collect()
    };
    let loaded = check(cached(cards(&["a", "b", "c"]))).unwrap();
    assert_eq!(loaded.ledger.cards.len(), 3);
    for bad in [
        "a b",
        "tab\there",
        "nbsp\u{a0}x",
        "zero\u{200b}width",
        "-",
        "",
    ] {
        let err = check(cached(cards(&["a", bad, "c"]))).err();
        assert!(
            err.as_deref().is_some_and(|e| e.contains("card id")),
            "{bad:?}: {err:?}"
        );
    }
    let mut odd = cards(&["a", "b", "c"]);
    let mut wild = state("b");
    wild.stability = f64::NAN;
    odd[1].1 = wild.clone().into();
    let err = check(cached(odd)).err();
    assert!(
        err.as_deref()
            .is_some_and(|e| e.contains("implausible state for card b")),
        "{err:?}"
    );
    // Of two problems, the first card's is told.
    let mut both = cards(&["a", "b c", "d"]);
    both[0].1 = wild.into();
    let err = check(cached(both)).err();
    assert!(
        err.as_deref().is_some_and(|e| e.contains("card a")),
        "{err:?}"
    );
}

#[test]
fn missing_is_none() {
    let dir = tempfile::tempdir().unwrap();
    assert!(load(&dir.path().join(SNAPSHOT_FILE)).unwrap().is_none());
}

#[test]
fn syntax_error_reports_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(SNAPSHOT_FILE);
    fs::write(&path, "{\n  \"version\": 1,\n  oops").unwrap();
    match load(&path) {
        Err(LoadError::Unusable {
            at: Some((3, c)), ..
        }) => assert!(c > 0),
        other => panic!("{other:?}"),
    }
}

#[test]
fn semantic_damage_is_unusable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(SNAPSHOT_FILE);
    save(&path, &ledger(), 10).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    for (from, to) in [
        ("\"version\":2", "\"version\":3"),
        ("\"a\":", "\"a b\":"),
        ("\"last_seq\":3", "\"last_seq\":4"),
    ] {
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
        let err = load(&path).unwrap_err();
        assert!(
            matches!(err, LoadError::Unusable { at: None, .. }),
            "{from}: {err:?}"
        );
    }
}

#[test]
fn one_changed_digit_fails_the_checksum_and_an_old_unchecked_file_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(SNAPSHOT_FILE);
    save(&path, &ledger(), 10).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\"checksum\":\""), "{text}");
    let at = text.find("\"due_ms\":").unwrap() + 10;
    let mut bad = text.clone().into_bytes();
    bad[at] = if bad[at] == b'1' { b'2' } else { b'1' };
    fs::write(&path, &bad).unwrap();
    match load(&path) {
        Err(LoadError::Unusable { reason, at: None }) => {
            assert!(reason.contains("checksum"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    // A version 1 file (before checksums) is read as it was.
    let body = &text[text.find(',').unwrap() + 1..];
    let v1 = format!("{{{}", body.replacen("\"version\":2", "\"version\":1", 1));
    fs::write(&path, &v1).unwrap();
    assert_eq!(load(&path).unwrap().unwrap().ledger, ledger());
    // A version 2 file without its checksum is not.
    let v2 = format!("{{{body}");
    fs::write(&path, &v2).unwrap();
    assert!(matches!(load(&path), Err(LoadError::Unusable { .. })));
}

/// A snapshot edited by hand, its cards out of order and one repeated, reads as a map would:
/// in id order, the repeated card with the state written last.
#[test]
fn cards_out_of_order_or_repeated_read_as_a_map_would() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(SNAPSHOT_FILE);
    save(&path, &ledger(), 10).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let body = &text[text.find(',').unwrap() + 1..];
    let v1 = format!("{{{}", body.replacen("\"version\":2", "\"version\":1", 1));
    // The states are flat objects, so the map of cards ends at the first "}}".
    let start = v1.find("\"cards\":").unwrap() + 8;
    let end = start + v1[start..].find("}}").unwrap() + 2;
    let states: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(&v1[start..end]).unwrap();
    let (a, b) = (&states["a"], &states["b"]);
    // b, then a with b's state, then a again with its own: each keeps its own.
    let cards = format!("{{\"b\":{b},\"a\":{b},\"a\":{a}}}");
    fs::write(&path, format!("{}{cards}{}", &v1[..start], &v1[end..])).unwrap();
    let read = load(&path).unwrap().unwrap().ledger;
    assert_eq!(read.cards(), ledger().cards());
    let ids: Vec<&str> = read.cards().keys().map(|id| id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
}

//! What the Cards screen does when the disk refuses a grade: it says so and keeps the user on the card.

use super::{Cards, View};
use crate::domain::schedule::{Grade, JOURNAL_FILE};
use crate::domain::study::Side;
use crate::kit::fixture::Fixture;
use crate::kit::{Action, Level, Screen};
use chrono::{DateTime, Utc};

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_424_400, 0).unwrap()
}

#[test]
fn a_failed_grade_write_shows_an_error_and_keeps_the_card() {
    let mut f = Fixture::new(now());
    let mut cards = Cards::new(f.data.library());
    f.update(&mut cards, &[Action::Select, Action::Reveal]);
    let first = cards.session.as_ref().unwrap().current().cloned();
    f.data.fail_review_writes();
    f.update(&mut cards, &[Action::Grade(Grade::Good)]);

    let status = f.status.clone().expect("an error is shown");
    assert_eq!(status.level, Level::Error);
    for part in [
        "NOT saved",
        JOURNAL_FILE,
        "Free some disk space",
        "still on this card",
    ] {
        assert!(status.text.contains(part), "{}", status.text);
    }
    let session = cards.session.as_ref().unwrap();
    assert_eq!(session.current().cloned(), first, "same card");
    assert_eq!(
        session.side,
        Side::Back,
        "answer still showing, so a retry is one key"
    );
    assert_eq!(cards.view, View::Review);
    let store = f.data.reviews().unwrap();
    assert!(store.state(first.as_ref().unwrap()).is_none());
    let on_disk = std::fs::read_to_string(f.dir.path().join(JOURNAL_FILE)).unwrap();
    assert!(on_disk.is_empty(), "{on_disk}");
}

#[test]
fn deck_rows_agree_with_counting_each_selection() {
    use crate::domain::schedule::counts;
    use crate::domain::study::Filter;
    let mut f = Fixture::new(now());
    let mut cards = Cards::new(f.data.library());
    let ids: Vec<_> = cards.catalogue.cards.iter().map(|c| c.id.clone()).collect();
    let mut w = f.data.writer().unwrap();
    let store = w.reviews().unwrap();
    let month_ago = now() - chrono::Duration::days(30);
    for (i, id) in ids.iter().take(40).enumerate() {
        let (grade, at) = match i % 4 {
            0 => (Grade::Easy, now()),     // later
            1 => (Grade::Good, month_ago), // learning, due
            2 => (Grade::Easy, month_ago), // review, due
            _ => (Grade::Again, now()),    // learning, not yet due
        };
        store.grade(id, grade, at).unwrap();
    }
    for filter in [
        Filter::default(),
        Filter {
            tag: cards.catalogue.tags.first().cloned(),
            ..Filter::default()
        },
        Filter {
            role: cards.catalogue.roles.last().map(|(r, _)| r.clone()),
            subject: cards.catalogue.subjects.first().cloned(),
            tag: cards.catalogue.tags.last().cloned(),
        },
        Filter {
            role: cards.catalogue.roles.first().map(|(r, _)| r.clone()),
            ..Filter::default()
        },
    ] {
        cards.filter = filter.clone();
        let store = f.data.reviews().unwrap();
        let rows = cards.rows(store, now());
        assert_eq!(rows.len(), cards.decks().len());
        for row in rows {
            let sel = cards.select(&row.deck);
            let today = store.today(now());
            let want = counts(&sel, store.ledger(), store.settings(), today, now());
            assert_eq!(row.counts, want, "{}", row.label);
            assert_eq!(row.total, sel.len());
            let seen = sel.iter().filter(|id| store.state(id).is_some()).count();
            assert_eq!(row.seen, seen, "{}", row.label);
        }
    }
}

#[test]
fn kept_deck_rows_follow_grades_filters_and_the_clock() {
    use std::borrow::Cow;
    let mut f = Fixture::new(now());
    let mut cards = Cards::new(f.data.library());
    cards.refresh(&f.view());
    // What the deck list draws, whether it was kept, and what working it out afresh gives.
    let drawn = |cards: &Cards, f: &Fixture| {
        let store = f.data.reviews().unwrap();
        let rows = cards.deck_rows(store, f.now);
        let kept = matches!(rows, Cow::Borrowed(_));
        (rows.into_owned(), kept, cards.rows(store, f.now))
    };
    let (before, kept, fresh) = drawn(&cards, &f);
    assert!(kept, "the rows are worked out once, not per frame");
    assert_eq!(before, fresh);

    // A grade (Again: the card comes back in a learning step a few minutes later).
    f.update(
        &mut cards,
        &[
            Action::Select,
            Action::Reveal,
            Action::Grade(Grade::Again),
            Action::Back,
            Action::Back,
        ],
    );
    assert_eq!(cards.view, View::Decks);
    let (graded, kept, fresh) = drawn(&cards, &f);
    assert!(kept);
    assert_eq!(graded, fresh);
    assert_eq!(graded[0].seen, before[0].seen + 1, "the grade shows");

    // The card comes due: drawing without a tick already shows it, and a tick keeps it again.
    f.now += chrono::Duration::hours(1);
    let (due, kept, fresh) = drawn(&cards, &f);
    assert!(!kept, "the kept rows ran out when the card came due");
    assert_eq!(due, fresh);
    assert_eq!(due[0].counts.learning, graded[0].counts.learning + 1);
    cards.tick(&mut f.cx(), true);
    cards.refresh(&f.view());
    assert!(drawn(&cards, &f).1);

    // A filter.
    f.update(&mut cards, &[Action::FilterTag]);
    let (filtered, kept, fresh) = drawn(&cards, &f);
    assert!(kept);
    assert_eq!(filtered, fresh);
    assert!(filtered[0].total < due[0].total);
}

/// After any run of grades, undos and clock moves, the kept standings (updated for the graded
/// cards alone while they hold) equal every card's standing worked out afresh.
#[test]
fn standings_kept_across_grades_equal_a_full_recount() {
    use proptest::prelude::*;
    use std::borrow::Cow;
    proptest!(ProptestConfig::with_cases(24), |(
        steps in proptest::collection::vec((0usize..12, 0usize..5, 0i64..90), 1..30),
    )| {
        let mut f = Fixture::new(now());
        let mut cards = Cards::new(f.data.library());
        let ids: Vec<_> = cards.catalogue.cards.iter().take(12).map(|c| c.id.clone()).collect();
        cards.refresh_standings(f.data.reviews().unwrap(), f.now);
        let mut graded = false;
        for (card, what, minutes) in steps {
            f.now += chrono::Duration::minutes(minutes);
            let mut w = f.data.writer().unwrap();
            let store = w.reviews().unwrap();
            let first_grade = what > 0 && !graded;
            match what {
                0 => {
                    store.undo(f.now).unwrap();
                }
                g => {
                    let grade = Grade::ALL[g - 1];
                    store.grade(&ids[card], grade, f.now).unwrap();
                    graded = true;
                }
            }
            let store = f.data.reviews().unwrap();
            let only_changed = cards.refresh_standings(store, f.now);
            // Until a card has been studied nothing comes due, so the first grade is always one.
            prop_assert!(only_changed || !first_grade, "the first grade updates only its card");
            let kept = cards.standings_now(store, f.now);
            prop_assert!(matches!(kept, Cow::Borrowed(_)), "kept after a refresh");
            prop_assert_eq!(
                kept.into_owned(),
                cards.catalogue.standings(store.ledger(), f.now)
            );
            // The counts Home reads, kept with the standings and updated with them, equal a
            // count of a fresh screen's.
            let mut fresh = Cards::new(f.data.library());
            prop_assert_eq!(cards.waiting(&f.data, f.now), fresh.waiting(&f.data, f.now));
            prop_assert_eq!(
                cards.interview_numbers(&f.data, f.now),
                fresh.interview_numbers(&f.data, f.now)
            );
        }
    });
}

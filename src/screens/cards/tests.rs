//! What the Cards screen does when the disk refuses a grade: it says so and keeps the user on the card.

use crate::app::{Action, App, Level, Tab, Theme};
use crate::domain::schedule::{Grade, JOURNAL_FILE};
use crate::domain::study::Side;
use crate::screens::cards::View;
use crate::storage::paths::Paths;
use chrono::{DateTime, Utc};

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_424_400, 0).unwrap()
}

#[test]
fn a_failed_grade_write_shows_an_error_and_keeps_the_card() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(Paths::in_dir(dir.path()), now(), Theme::PLAIN);
    app.update(Action::GoTo(Tab::Cards));
    app.update(Action::Select);
    app.update(Action::Reveal);
    let first = app.cards.session.as_ref().unwrap().current().cloned();
    app.data.reviews.as_mut().unwrap().fail_writes();
    app.update(Action::Grade(Grade::Good));

    let status = app.status.clone().expect("an error is shown");
    assert_eq!(status.level, Level::Error);
    for part in [
        "NOT saved",
        JOURNAL_FILE,
        "Free some disk space",
        "still on this card",
    ] {
        assert!(status.text.contains(part), "{}", status.text);
    }
    let session = app.cards.session.as_ref().unwrap();
    assert_eq!(session.current().cloned(), first, "same card");
    assert_eq!(
        session.side,
        Side::Back,
        "answer still showing, so a retry is one key"
    );
    assert_eq!(app.cards.view, View::Review);
    let store = app.data.reviews.as_ref().unwrap();
    assert!(store.state(first.as_ref().unwrap()).is_none());
    let on_disk = std::fs::read_to_string(dir.path().join(JOURNAL_FILE)).unwrap();
    assert!(on_disk.is_empty(), "{on_disk}");
}

#[test]
fn without_a_review_history_studying_explains_why() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the data folder should be: the store cannot open.
    let blocked = dir.path().join("data");
    std::fs::write(&blocked, "not a folder").unwrap();
    let mut app = App::new(Paths::in_dir(&blocked), now(), Theme::PLAIN);
    let status = app.status.clone().unwrap();
    assert_eq!(status.level, Level::Error);
    assert!(
        status.text.contains("could not be opened"),
        "{}",
        status.text
    );
    app.update(Action::GoTo(Tab::Cards));
    app.update(Action::Select);
    assert_eq!(app.cards.view, View::Decks);
    assert!(app.status.unwrap().text.contains("could not be opened"));
}

#[test]
fn deck_rows_agree_with_counting_each_selection() {
    use crate::domain::schedule::counts;
    use crate::domain::study::Filter;
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(Paths::in_dir(dir.path()), now(), Theme::PLAIN);
    let ids: Vec<_> = app
        .cards
        .catalogue
        .cards
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let store = app.data.reviews.as_mut().unwrap();
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
            tag: app.cards.catalogue.tags.first().cloned(),
            ..Filter::default()
        },
    ] {
        app.cards.filter = filter.clone();
        let store = app.data.reviews.as_ref().unwrap();
        let rows = app.cards.rows(store, now());
        assert_eq!(rows.len(), app.cards.catalogue.decks().len());
        for row in rows {
            let sel = app.cards.catalogue.select(&row.deck, &filter);
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
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(Paths::in_dir(dir.path()), now(), Theme::PLAIN);
    app.update(Action::GoTo(Tab::Cards));
    // What the deck list draws, whether it was kept, and what working it out afresh gives.
    let drawn = |app: &App| {
        let store = app.data.reviews.as_ref().unwrap();
        let rows = app.cards.deck_rows(store, app.now);
        let kept = matches!(rows, Cow::Borrowed(_));
        (rows.into_owned(), kept, app.cards.rows(store, app.now))
    };
    let (before, kept, fresh) = drawn(&app);
    assert!(kept, "the rows are worked out once, not per frame");
    assert_eq!(before, fresh);

    // A grade (Again: the card comes back in a learning step a few minutes later).
    app.update(Action::Select);
    app.update(Action::Reveal);
    app.update(Action::Grade(Grade::Again));
    app.update(Action::Back);
    app.update(Action::Back);
    assert_eq!(app.cards.view, View::Decks);
    let (graded, kept, fresh) = drawn(&app);
    assert!(kept);
    assert_eq!(graded, fresh);
    assert_eq!(graded[0].seen, before[0].seen + 1, "the grade shows");

    // The card comes due: drawing without a tick already shows it, and a tick keeps it again.
    app.now += chrono::Duration::hours(1);
    let (due, kept, fresh) = drawn(&app);
    assert!(!kept, "the kept rows ran out when the card came due");
    assert_eq!(due, fresh);
    assert_eq!(due[0].counts.learning, graded[0].counts.learning + 1);
    app.tick();
    assert!(drawn(&app).1);

    // A filter.
    app.update(Action::FilterTag);
    let (filtered, kept, fresh) = drawn(&app);
    assert!(kept);
    assert_eq!(filtered, fresh);
    assert!(filtered[0].total < due[0].total);
}

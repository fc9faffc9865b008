//! What the Cards screen does when the disk refuses a grade: it says so and keeps the user on the card.

use crate::app::{Action, App, Level, Tab, Theme};
use crate::paths::Paths;
use crate::schedule::{Grade, JOURNAL_FILE};
use crate::screens::cards::View;
use crate::study::Side;
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
    use crate::schedule::counts;
    use crate::study::Filter;
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

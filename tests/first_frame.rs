//! Start-up draws Home before it loads the user's decks, stories and review history. That first frame
//! says "counting…" wherever a number depends on them, and never shows a number that is not yet
//! known; once loading finishes, every number is the one a full load gives.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, App, Tab, Theme};
use clinicprep::domain::content::Id;
use clinicprep::domain::schedule::{Grade, ReviewStore, StoreOptions};
use clinicprep::storage::paths::Paths;
use common::{buffer_text, fixed_now};
use std::fs;
use std::path::Path;

/// The numbers on Home that depend on what start-up loads after the first frame.
const COUNTED: [&str; 4] = [
    "Cards due now",
    "Stories",
    "Competencies covered",
    "Checklist",
];

/// A data folder with a deck of ten cards (three graded a month ago, so due), two stories, and a
/// checklist step ticked.
fn data(dir: &Path) {
    fs::create_dir_all(dir.join("content")).unwrap();
    let deck: String = (0..10)
        .map(|i| format!("[[card]]\nid = \"mine-{i}\"\ndeck = \"Mine\"\nfront = \"Front {i}\"\nback = \"Back\"\n"))
        .collect();
    fs::write(dir.join("content/mine.toml"), deck).unwrap();
    fs::create_dir_all(dir.join("stories")).unwrap();
    for name in ["fall", "desk"] {
        fs::write(
            dir.join(format!("stories/{name}.toml")),
            format!(
                "title = \"{name}\"\nsituation = \"s\"\ntask = \"\"\naction = \"\"\nresult = \"\"\n"
            ),
        )
        .unwrap();
    }
    let month_ago = fixed_now() - chrono::Duration::days(30);
    let (mut store, _) = ReviewStore::open(dir, &StoreOptions::default(), month_ago).unwrap();
    for i in 0..3 {
        store
            .grade(&Id::new(format!("mine-{i}")), Grade::Good, month_ago)
            .unwrap();
    }
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    buffer_text(term.backend().buffer())
}

/// The value shown after `label` on Home's counts line (the one with the practice rounds), up to the
/// next separator.
fn value_after(screen: &str, label: &str) -> Option<String> {
    let line = screen.lines().find(|l| l.contains("Practice rounds"))?;
    let rest = &line[line.find(label)? + label.len()..];
    Some(rest.split('·').next()?.trim().to_string())
}

#[test]
fn the_first_frame_says_counting_and_never_shows_an_unknown_number() {
    let dir = tempfile::tempdir().unwrap();
    data(dir.path());
    let mut app = App::start(Paths::in_dir(dir.path()), fixed_now(), Theme::PLAIN);
    assert!(app.is_loading());
    assert_eq!(app.facts().cards_due_today, None);
    assert_eq!(app.facts().stories_written, None);
    for (w, h) in [(160, 50), (80, 24)] {
        app.handle_event(crossterm::event::Event::Resize(w, h));
        assert!(app.is_loading(), "a resize does not load");
        let first = draw(&app, w, h);
        assert!(first.contains("counting…"), "{first}");
        if w == 160 {
            for label in COUNTED {
                assert_eq!(
                    value_after(&first, label).as_deref(),
                    Some("counting…"),
                    "{label}: {first}"
                );
            }
            assert!(first.contains("Study days: counting…"), "{first}");
            assert!(!first.contains("Study some cards"), "{first}");
            assert!(first.contains("Next: counting…"), "{first}");
            assert!(!first.contains(" done"), "the checklist gauge: {first}");
            assert!(!first.contains("starred"), "{first}");
        }
    }

    assert!(app.finish_loading());
    assert!(!app.finish_loading(), "once");
    let loaded = draw(&app, 160, 50);
    assert!(!loaded.contains("counting…"), "{loaded}");
    // The same numbers as an app loaded whole before its first frame (one at a time: each opens the
    // review journal).
    let facts = app.facts().clone();
    drop(app);
    let mut whole = App::new(Paths::in_dir(dir.path()), fixed_now(), Theme::PLAIN);
    whole.handle_event(crossterm::event::Event::Resize(160, 50));
    let want = draw(&whole, 160, 50);
    for label in COUNTED {
        assert_eq!(
            value_after(&loaded, label),
            value_after(&want, label),
            "{label}"
        );
    }
    assert_eq!(value_after(&loaded, "Cards due now").as_deref(), Some("3"));
    assert_eq!(value_after(&loaded, "Stories").as_deref(), Some("2"));
    assert_eq!(&facts, whole.facts());
}

#[test]
fn a_key_pressed_during_loading_acts_on_the_loaded_data() {
    let dir = tempfile::tempdir().unwrap();
    data(dir.path());
    let mut app = App::start(Paths::in_dir(dir.path()), fixed_now(), Theme::PLAIN);
    app.update(Action::GoTo(Tab::Cards));
    assert!(!app.is_loading());
    let screen = draw(&app, 160, 50);
    assert!(screen.contains("Your deck · Mine"), "{screen}");
    assert!(!screen.contains("counting…"), "{screen}");
}

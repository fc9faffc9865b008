//! Property tests over the whole app: random key sequences (with pastes, resizes and clock ticks)
//! on every screen, rendered at random sizes from 1×1 to 250×80, over a data dir holding random
//! story text. Nothing may panic, and what the app keeps must match what is on disk.
//!
//! Each screen gets `CASES` × `BATCHES` × `BATCH` = 24 × 10 × 50 = 12,000 keys per run.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use clinicprep::domain::schedule::{DayZone, peek};
use clinicprep::domain::stories::{Section, StoryStore};
use common::Harness;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use proptest::prelude::*;
use std::fs;

const CASES: u32 = 24;
const BATCHES: usize = 10;
const BATCH: usize = 50;

/// One input: a key, a paste, or time passing (so autosave, timers and due cards run).
#[derive(Debug, Clone)]
enum Input {
    Key(KeyEvent),
    Paste(String),
    Wait(i64),
    Mouse(MouseEventKind, u16, u16),
}

fn key() -> impl Strategy<Value = KeyEvent> {
    let plain = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    prop_oneof![
        // Keys the screens bind, and letters that are text in a field.
        8 => prop::sample::select(
            "jkhlnqdu/?+-=1234 abcxyzNDSUGQ<>.,'\"\\é🙂\u{7}"
                .chars()
                .collect::<Vec<_>>()
        )
        .prop_map(plain),
        1 => any::<char>().prop_map(plain),
        // Flip and grade often enough that reviews are written (and checked against the journal).
        3 => prop::sample::select(vec![' ', '1', '2', '3', '4', 'u']).prop_map(plain),
        4 => prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::F(1),
            KeyCode::Insert,
        ])
        .prop_map(|c| KeyEvent::new(c, KeyModifiers::NONE)),
        // Rare, so most keys stay on the screen under test.
        1 => prop::sample::select(vec![KeyCode::Tab, KeyCode::BackTab])
            .prop_map(|c| KeyEvent::new(c, KeyModifiers::NONE)),
        2 => (
            prop::sample::select("sczuxawkleLR".chars().collect::<Vec<_>>()),
            any::<bool>()
        )
            .prop_map(|(c, arrow)| match (c, arrow) {
                ('L', true) => KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL),
                ('R', true) => KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL),
                (c, _) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
            }),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        40 => key().prop_map(Input::Key),
        1 => "(?s).{0,300}".prop_map(Input::Paste),
        1 => (1i64..5_000).prop_map(Input::Wait),
        1 => (
            prop::sample::select(vec![
                MouseEventKind::ScrollUp,
                MouseEventKind::ScrollDown,
                MouseEventKind::Down(MouseButton::Left),
            ]),
            0u16..260,
            0u16..90
        )
            .prop_map(|(k, x, y)| Input::Mouse(k, x, y)),
    ]
}

/// A batch of inputs followed by a render at a random size.
fn batch() -> impl Strategy<Value = (Vec<Input>, u16, u16)> {
    (prop::collection::vec(input(), BATCH), 1u16..=250, 1u16..=80)
}

/// A story file with random (possibly hostile) text, as a user or another program might leave.
fn story_file() -> impl Strategy<Value = Option<String>> {
    prop::option::of("(?s).{0,400}".prop_map(|body| {
        format!(
            "title = {}\nsituation = {}\ntags = [\"safety\"]\n",
            toml_string(&body.chars().take(40).collect::<String>()),
            toml_string(&body)
        )
    }))
}

fn toml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap().replace("\\u0000", "")
}

fn run(tab: Tab, story: Option<String>, batches: Vec<(Vec<Input>, u16, u16)>) {
    let dir = tempfile::tempdir().unwrap();
    if let Some(text) = story {
        fs::create_dir(dir.path().join("stories")).unwrap();
        fs::write(dir.path().join("stories").join("random.toml"), text).unwrap();
    }
    let mut h = Harness::in_dir(dir);
    h.app.update(Action::GoTo(tab));
    for (inputs, w, hgt) in batches {
        for i in inputs {
            match i {
                Input::Key(k) => {
                    h.app.handle_event(Event::Key(k));
                }
                Input::Paste(p) => {
                    h.app.handle_event(Event::Paste(p));
                }
                Input::Wait(ms) => {
                    h.advance_ms(ms);
                }
                Input::Mouse(kind, column, row) => {
                    h.app.handle_event(Event::Mouse(MouseEvent {
                        kind,
                        column,
                        row,
                        modifiers: KeyModifiers::NONE,
                    }));
                }
            }
        }
        h.render(w, hgt);
    }
    // What the app holds about reviews is what a fresh load of the journal finds.
    if let Some(store) = h.app.data().reviews() {
        let (ledger, _) = peek(h.dir.path(), DayZone::Local).unwrap();
        assert_eq!(ledger.last_seq(), store.ledger().last_seq());
        assert_eq!(ledger.daily_counts(), store.daily_counts());
        assert_eq!(ledger.cards().len(), store.ledger().cards().len());
    }
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        max_shrink_iters: 200,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_keys_on_home(s in story_file(), b in prop::collection::vec(batch(), BATCHES)) {
        run(Tab::Home, s, b);
    }

    #[test]
    fn random_keys_on_guides(s in story_file(), b in prop::collection::vec(batch(), BATCHES)) {
        run(Tab::Guides, s, b);
    }

    #[test]
    fn random_keys_on_cards(s in story_file(), b in prop::collection::vec(batch(), BATCHES)) {
        run(Tab::Cards, s, b);
    }

    #[test]
    fn random_keys_on_stories(s in story_file(), b in prop::collection::vec(batch(), BATCHES)) {
        run(Tab::Stories, s, b);
    }

    #[test]
    fn random_keys_on_practice(s in story_file(), b in prop::collection::vec(batch(), BATCHES)) {
        run(Tab::Practice, s, b);
    }

    #[test]
    fn random_keys_on_sheet(s in story_file(), b in prop::collection::vec(batch(), BATCHES)) {
        run(Tab::Sheet, s, b);
    }

    /// Plain text typed into a new story's title is exactly the title, in the editor and on disk.
    #[test]
    fn typed_title_is_kept_exactly(title in "[A-Za-z0-9 .,'!?&()/éü🙂-]{1,60}") {
        prop_assume!(!title.trim().is_empty());
        let mut h = Harness::new();
        h.app.update(Action::GoTo(Tab::Stories));
        h.press("n").type_text(&title);
        let story = h.app.open_story().expect("editor open");
        prop_assert_eq!(&story.title, &title);
        h.press("<tab>").type_text("Some situation.").press("<c-s>");
        let (store, bad) = StoryStore::load(h.dir.path()).unwrap();
        prop_assert!(bad.is_empty());
        let all = store.list(clinicprep::domain::stories::Order::Title);
        prop_assert_eq!(all.len(), 1);
        prop_assert_eq!(&all[0].title, &title);
        prop_assert_eq!(all[0].text(Section::Situation), "Some situation.");
    }
}

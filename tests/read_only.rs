//! A read-only window (another clinicprep is the writer) refuses every write: the keys marked as
//! writing in the keymap are refused before they act, and every write path reached without the
//! keymap is refused by the one writer, so no file changes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Access, Action, Tab};
use clinicprep::domain::schedule::Grade;
use clinicprep::storage::lock::{Acquired, DataLock};
use common::Harness;
use std::path::{Path, PathBuf};

const STORY: &str = "title = \"Covering the front desk\"\nsituation = \"Busy Monday.\"\n";

/// A read-only app over a folder with one story, and the lock the writer holds.
fn read_only() -> (Harness, DataLock) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("stories")).unwrap();
    std::fs::write(dir.path().join("stories/desk.toml"), STORY).unwrap();
    let Acquired::Writer(writer) = DataLock::acquire(dir.path()).unwrap() else {
        panic!("first lock refused");
    };
    let Acquired::ReadOnly(holder) = DataLock::acquire(dir.path()).unwrap() else {
        panic!("second lock granted");
    };
    let mut h = Harness::in_dir(dir);
    h.app.open_data(Access::ReadOnly(holder));
    assert!(!h.app.can_write());
    (h, writer)
}

/// Every file under `dir` with its bytes, the lock file aside.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n != "clinicprep.lock") {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// The keys each screen's writing bindings are on, in the states a user reaches first.
fn writing_keys(h: &Harness) -> Vec<String> {
    h.app
        .keymap_beneath()
        .groups
        .iter()
        .flat_map(|g| g.bindings.iter())
        .filter(|b| b.writes)
        .filter_map(|b| b.keys.first())
        .map(|k| match k.code {
            crossterm::event::KeyCode::Enter => "<enter>".to_string(),
            crossterm::event::KeyCode::Char(' ') => "<space>".to_string(),
            crossterm::event::KeyCode::Char(c) => c.to_string(),
            other => panic!("a writing key this test cannot press: {other:?}"),
        })
        .collect()
}

#[test]
fn every_key_that_writes_is_refused_before_it_acts() {
    let (mut h, _writer) = read_only();
    let before = files(h.dir.path());
    let mut refused = 0;
    for tab in [Tab::Home, Tab::Cards, Tab::Stories, Tab::Practice] {
        h.app.update(Action::GoTo(tab));
        let keys = writing_keys(&h);
        assert!(!keys.is_empty(), "{tab:?} has keys that write");
        for key in keys {
            h.press(&key);
            assert!(
                h.status().contains("read-only"),
                "{tab:?} {key}: {}",
                h.status()
            );
            assert!(!h.typing(), "{tab:?} {key} opened a field");
            refused += 1;
        }
    }
    assert!(refused >= 8, "{refused}");
    h.app.update(Action::Quit);
    assert!(h.app.should_quit());
    assert_eq!(files(h.dir.path()), before, "a read-only window wrote");
}

#[test]
fn every_write_path_reached_without_the_keymap_is_refused_by_the_writer() {
    let (mut h, _writer) = read_only();
    let before = files(h.dir.path());
    let refused = |h: &Harness, what: &str| {
        assert!(h.status().contains("read-only"), "{what}: {}", h.status());
    };
    // Home: ticking a step, starring a question, saving the interview date.
    h.app.update(Action::Toggle);
    refused(&h, "tick a step");
    h.app.update(Action::Right);
    h.app.update(Action::Toggle);
    refused(&h, "star a question");
    h.app.update(Action::SetInterviewDate);
    h.app.update(Action::Paste("2026-12-07".into()));
    h.app.update(Action::Select);
    refused(&h, "save the interview date");

    // Cards: a grade and its undo.
    h.app.update(Action::GoTo(Tab::Cards));
    h.app.update(Action::Select);
    h.app.update(Action::Reveal);
    h.app.update(Action::Grade(Grade::Good));
    refused(&h, "grade a card");
    h.app.update(Action::UndoGrade);
    refused(&h, "undo a grade");

    // Practice: a rated answer (the round log and the card schedule).
    h.app.update(Action::GoTo(Tab::Practice));
    h.app.update(Action::Select);
    h.advance(30);
    h.app.update(Action::EndAnswer);
    h.app.update(Action::Select);
    refused(&h, "save a practice answer");

    // Stories: delete, undo, and a story typed, autosaved, saved and closed.
    h.app.update(Action::GoTo(Tab::Stories));
    h.app.update(Action::Delete);
    refused(&h, "delete a story");
    h.app.update(Action::UndoDelete);
    h.app.update(Action::Select);
    h.app.update(Action::Paste(" again".into()));
    h.advance(2);
    let screen = h.screen(120, 40);
    assert!(
        screen.contains("Not saved") && screen.contains("read-only"),
        "{screen}"
    );
    h.app.update(Action::Save);
    h.app.update(Action::Back);
    assert!(
        h.app.open_story().is_some(),
        "unsaved text stays in the editor"
    );
    h.app.update(Action::New);

    // Quitting saves nothing either (no review snapshot, no retried saves); the unsaved story is
    // rescued to a temporary file outside the data folder.
    h.app.update(Action::Quit);
    h.app.update(Action::Quit);
    assert!(h.app.should_quit());
    assert_eq!(files(h.dir.path()), before, "a read-only window wrote");
}

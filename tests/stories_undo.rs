//! Undo and the coach's keys in the story editor say what they did, since what they change may be
//! scrolled out of sight.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use common::Harness;

const LONG: &str = "I was the restorative aide that day but I also had to take a hall of fourteen \
                    residents for their care so I had to work out how to get my nine residents \
                    done and still get everyone up safely.";

/// A new story whose Situation is one long sentence: a mark with no rewrite.
fn long_situation() -> Harness {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n").type_text("Busy Saturday").press("<tab>");
    h.type_text(LONG);
    h
}

fn situation(h: &Harness) -> String {
    h.app.open_story().expect("editor open").situation.clone()
}

#[test]
fn ctrl_a_on_a_mark_with_no_rewrite_says_so_and_moves_nothing() {
    let mut h = long_situation();
    h.press("<c-n>");
    assert!(h.screen(120, 40).contains("Long sentence"), "on the mark");
    h.press("<c-a>");
    assert_eq!(
        h.status(),
        "This mark has no rewrite to accept: the coaching says how to change it by hand."
    );
    assert_eq!(situation(&h), LONG);
    // Typing goes where it went before Ctrl-A: the cursor did not jump to the line's start.
    h.press("<c-o>");
    assert_eq!(h.status(), "This phrase has no other rewrite.");
}

#[test]
fn ctrl_z_names_what_it_took_out_and_ctrl_y_what_it_put_back() {
    let mut h = long_situation();
    h.press("<c-z>");
    let said = h.status();
    assert!(
        said.starts_with("Undone in the Situation: took out “")
            && said.ends_with("Ctrl-Y redoes it."),
        "{said}"
    );
    assert_ne!(situation(&h), LONG);
    h.press("<c-y>");
    assert_eq!(situation(&h), LONG);
    assert!(
        h.status().starts_with("Redone in the Situation: put in “"),
        "{}",
        h.status()
    );
    h.press("<c-y>");
    assert_eq!(h.status(), "Nothing to redo in the Situation.");
}

#[test]
fn undoing_a_rewrite_replaces_the_message_that_announced_it() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n").type_text("Transfers").press("<tab><tab><tab>");
    h.type_text("Um, I called the PT.");
    h.press("<c-p><c-a>");
    assert_eq!(h.status(), "Deleted “Um”. Ctrl-Z brings it back.");
    h.press("<c-z>");
    assert_eq!(
        h.status(),
        "Undone in the Action: put in “Um,”. Ctrl-Y redoes it.",
        "the old message is gone: {}",
        h.status()
    );
}

/// "Undone in the Situation… Ctrl-Y redoes it" is no longer true once the user types on (typing
/// drops what Ctrl-Y would redo): the message goes with the first key typed, as "Changed … Ctrl-Z
/// undoes it" does.
#[test]
fn a_message_about_the_last_key_goes_when_the_user_types_on() {
    let mut h = long_situation();
    h.press("<c-z>");
    assert!(
        h.status().starts_with("Undone in the Situation"),
        "{}",
        h.status()
    );
    h.type_text(" x");
    assert_eq!(h.status(), "");
    // A message about the story, not the key, stays: the list's own.
    h.press("<esc>");
    assert!(!h.status().contains("Undone"), "{}", h.status());
}

/// "New story, tagged … Give it a title to start." stayed on screen through the whole story.
#[test]
fn the_new_story_message_goes_once_the_title_is_typed() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("c<down><enter>");
    assert!(
        h.status().starts_with("New story, tagged"),
        "{}",
        h.status()
    );
    h.type_text("Short-staffed Saturday");
    assert_eq!(h.status(), "");
}

/// "Marked phrase 1 of 1." followed the user into Tags and beyond: it goes with the field.
#[test]
fn the_marked_phrase_count_goes_when_the_user_moves_on() {
    let mut h = long_situation();
    h.press("<c-n>");
    assert!(h.status().starts_with("Marked phrase"), "{}", h.status());
    h.press("<tab>");
    assert_eq!(h.status(), "");
}

/// Skills typed with spaces where commas go are each a tag, so the one Home asked for counts.
#[test]
fn skills_typed_with_spaces_are_saved_as_separate_tags() {
    let mut h = long_situation();
    h.press("<tab><tab><tab><tab>"); // Task, Action, Result, Tags
    h.type_text("problem-solving empathy communication");
    h.press("<tab>");
    let tags = h.app.open_story().expect("editor open").tags.clone();
    assert_eq!(tags, ["problem-solving", "empathy", "communication"]);
}

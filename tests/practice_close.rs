//! The close of a mock interview offers the questions to ask that suit the user's setting, as Home
//! does: a hospital applicant is offered to ask which units they would cover.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use clinicprep::domain::config::Config;
use common::Harness;

#[test]
fn a_hospital_applicant_is_offered_the_hospital_ask_at_the_close() {
    let mut h = Harness::new();
    let text = "[profile]\nroles = [\"pta\"]\nsetting = \"hospital\"\nset_up = true\n";
    let (config, problems) = Config::from_text("config.toml", text);
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("<down><down><left><left>"); // 3 questions
    h.press("<enter><esc>n<esc>n");
    let s = h.screen(100, 30);
    assert!(s.contains("Your questions"), "{s}");
    let first = s
        .lines()
        .find(|l| l.contains("▸ [ ]"))
        .unwrap_or_else(|| panic!("a list of asks: {s}"));
    assert!(first.contains("Which floors or units would I cover"), "{s}");
}

/// A working PTA's round holds a question asked of working assistants, and says why it was picked.
#[test]
fn a_working_assistant_is_asked_a_question_for_their_situation() {
    let mut h = Harness::new();
    let text = "[profile]\nroles = [\"pta\"]\nbackground = \"working-assistant\"\nset_up = true\n";
    let (config, problems) = Config::from_text("config.toml", text);
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("<down><down><left><left>"); // 3 questions: opener, one, the close
    h.press("<enter><esc>n");
    let s = h
        .screen(120, 40)
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(s.contains("Question 2 of 3"), "{s}");
    assert!(s.contains("it is asked of people in your situation"), "{s}");
}

//! Quitting in the middle of a mock interview keeps what was typed, and a word about the last
//! page never stays to read as feedback on the next.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use clinicprep::domain::practice::RoundLog;
use common::Harness;

/// A harness on the Practice screen whose set-up answers by typing.
fn typing() -> Harness {
    Harness::practice_by_typing()
}

fn log(h: &Harness) -> RoundLog {
    RoundLog::load(h.dir.path()).expect("round log loads")
}

const HALF: &str = "I have been a CNA for six years and I";

#[test]
fn q_on_the_paused_page_keeps_the_answer_being_typed() {
    let mut h = typing();
    h.press("<enter>").type_text(HALF).press("<esc>");
    assert!(h.screen(80, 24).contains("Paused"));
    h.press("q");
    assert!(h.app.should_quit());
    let r = &log(&h).round[0];
    assert_eq!(r.skipped[0].typed.as_deref(), Some(HALF));
    // Back again, the round is listed among past rounds.
    let mut h = h.restart();
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("r<enter>");
    let s = h.screen(100, 30);
    assert!(s.contains(HALF), "{s}");
}

#[test]
fn ctrl_c_while_typing_or_before_rating_keeps_the_answer_too() {
    let mut h = typing();
    h.press("<enter>").type_text(HALF).press("<c-c>");
    assert!(h.app.should_quit());
    assert_eq!(log(&h).round[0].skipped[0].typed.as_deref(), Some(HALF));

    // Typed, sent with Ctrl-S, not yet rated.
    let mut h = typing();
    h.press("<enter>").type_text(HALF).press("<c-s>");
    h.press("<c-c>");
    assert_eq!(log(&h).round[0].skipped[0].typed.as_deref(), Some(HALF));
}

#[test]
fn nothing_is_written_for_a_round_with_nothing_in_it() {
    let mut h = typing();
    h.press("<enter>");
    h.press("<c-c>");
    assert!(h.app.should_quit());
    assert!(log(&h).round.is_empty());
}

#[test]
fn the_word_about_a_saved_answer_goes_with_its_page() {
    let mut h = typing();
    h.press("<enter>");
    h.type_text(
        "I'm a CNA at a nursing home. For six years I have helped residents walk. I want this job \
         because I love seeing people get stronger.",
    );
    h.press("<c-s><enter>");
    // Rated: Enter saves the answer and says so on the next page.
    h.press("<enter>");
    let said = h.status();
    assert!(said.contains("saved"), "the save is reported: {said}");
    // The next page (the next question, or a follow-up) moves on: the word about the saved
    // answer does not stay under it.
    let before = h.screen(100, 30);
    h.press("<esc>");
    assert_ne!(h.screen(100, 30), before);
    assert_ne!(h.status(), said);
}

/// A user answering out loud typed "quiet" and the app quit mid-answer. On a page where letters
/// are the interview's keys, q asks first: n stays with the answer's timer still running, y (or
/// q again) quits and keeps the answer.
#[test]
fn q_while_answering_out_loud_asks_before_quitting() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("<enter>");
    h.advance(20);
    h.press("q");
    assert!(!h.app.should_quit());
    let s = h.screen(80, 24);
    assert!(s.contains("In the middle of the interview"), "{s}");
    assert!(s.contains("y quit"), "{s}");
    h.press("x");
    assert!(
        h.screen(80, 24).contains("In the middle"),
        "other keys wait"
    );
    h.press("n");
    let s = h.screen(80, 24);
    assert!(!s.contains("In the middle"), "{s}");
    assert!(
        s.contains("00:20"),
        "the answer's timer is where it was: {s}"
    );
    h.press("q");
    h.press("q");
    assert!(h.app.should_quit());
    let round = &log(&h).round[0];
    assert_eq!(round.skipped.len(), 1, "the answer being given is kept");
}

/// A regression walk: on "Did you answer?" after a few seconds out loud (its keys y and n), q
/// quit at once. It asks there too.
#[test]
fn q_on_did_you_answer_out_loud_asks_first() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("<enter>");
    h.advance(3);
    h.press("<space>");
    assert!(
        h.screen(80, 24).contains("Did you answer"),
        "{}",
        h.screen(80, 24)
    );
    h.press("q");
    assert!(!h.app.should_quit());
    assert!(h.screen(80, 24).contains("In the middle of the interview"));
}

/// A persona walk opened the hints over a typed answer (Ctrl-O) and pressed q to close them, as q
/// closes help: the app quit mid-interview. There q asks first, and n goes back to the hints with
/// the answer as it was.
#[test]
fn q_over_the_hints_of_a_typed_answer_asks_before_quitting() {
    let mut h = typing();
    h.press("<enter>").type_text(HALF).press("<c-o>");
    assert!(!h.typing(), "the hints have the keys");
    h.press("q");
    assert!(!h.app.should_quit());
    let s = h.screen(80, 24);
    assert!(s.contains("In the middle of the interview"), "{s}");
    h.press("n<c-o>");
    assert!(h.typing(), "back in the answer");
    h.type_text(" worked nights.");
    h.press("<c-o>q<enter>");
    assert!(
        !h.app.should_quit(),
        "Enter is not an answer to the question"
    );
    h.press("y");
    assert!(h.app.should_quit());
    let typed = format!("{HALF} worked nights.");
    assert_eq!(
        log(&h).round[0].skipped[0].typed.as_deref(),
        Some(typed.as_str())
    );
}

/// A persona walk typed an answer in a round answered out loud: its letters worked as the round's
/// keys (Space ended the answer, n started it again, y said it was answered, m changed the roles)
/// and a grade was written for a 0-second answer. Typing there makes the answer a typed one.
#[test]
fn typing_in_a_round_answered_out_loud_types_the_answer() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("<enter>");
    let header = h
        .screen(80, 24)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    h.type_text("Primero me agacho al nivel del niño, sonrío y le doy tiempo. Sí, no me apuro.");
    let s = h.screen(80, 24);
    assert!(
        s.contains("Primero me agacho"),
        "the words are in the answer: {s}"
    );
    assert!(h.status().contains("Typing your answer"), "{}", h.status());
    assert_eq!(
        s.lines().next().unwrap_or_default(),
        header,
        "m changed nothing"
    );
    assert_eq!(
        h.file("reviews.log").unwrap_or_default(),
        "",
        "nothing graded"
    );
    h.press("<c-s>");
    assert!(
        h.screen(80, 24).contains("Your answer is 16 words"),
        "Ctrl-S ends it as a typed answer: {}",
        h.screen(80, 24)
    );
    // Space, before a letter is typed, still ends a spoken answer.
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("<enter>");
    h.advance(20);
    h.press("<space>");
    assert!(
        h.screen(80, 24).contains("You took 00:20"),
        "{}",
        h.screen(80, 24)
    );
}

/// A walk stopped a round after one answer and read "1 round so far" on Practice and "Rounds 0"
/// on Home. Both count whole rounds; Practice names the one stopped early.
#[test]
fn a_round_stopped_early_is_counted_alike_on_practice_and_home() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("<enter>");
    h.advance(40);
    h.press("<space><enter><esc>x<esc>");
    let s = h.screen(100, 30);
    assert!(s.contains("No whole round yet (1 stopped early)"), "{s}");
    assert_eq!(log(&h).round.len(), 1);
    h.app.update(Action::GoTo(Tab::Home));
    let home = h.screen(100, 30);
    assert!(home.contains("Rounds 0"), "{home}");
}

//! A review session's progress as the user reads it: the header's "N of M cards done" moves as a
//! cram is answered, and the end screen says in plain words when the cards started come back.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::domain::config::Config;
use common::{Harness, fixed_now};

fn on_cards() -> Harness {
    let mut h = Harness::new();
    h.press("<tab><tab>");
    h
}

/// The screen at 80×24 with the box borders left out and runs of spaces made one, so a sentence
/// wrapped over two lines reads as one.
fn text(h: &mut Harness) -> String {
    let s = h.screen(80, 24).replace('│', " ");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn cram_counts_the_cards_answered_in_its_header_and_end_screen() {
    let mut h = on_cards();
    h.press("i");
    let lib = h.app.data().library();
    let all = lib.questions.len() + lib.facts.len() + lib.cards.len();
    assert!(text(&mut h).contains(&format!("0 of {all} cards done · review 1")));
    // Three Good and one Again: every new card comes back for a learning step, but only the one
    // answered Again is still to learn.
    h.press(" 3 3 1 3");
    let s = text(&mut h);
    assert!(
        s.contains(&format!("4 of {all} cards seen · 1 coming back · review 5")),
        "{s}"
    );
    h.press("u");
    assert!(
        text(&mut h).contains(&format!("3 of {all} cards seen · 1 coming back · review 4")),
        "undo takes the Good back"
    );
    h.press(" 3<esc>");
    let s = text(&mut h);
    assert!(
        s.contains(&format!(
            "Stopped “Cram: My interview” with 4 of {all} cards seen."
        )),
        "{s}"
    );
    assert!(
        s.contains(
            "1 card you started comes back in 1 minute: study “Cram: My interview” again after \
             that to finish it."
        ),
        "only the card answered Again is named: {s}"
    );
}

#[test]
fn the_end_screen_says_when_to_study_again_in_plain_words() {
    let mut h = on_cards();
    let (config, problems) = Config::from_text("config.toml", "daily_new_limit = 5\n");
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    h.press("<enter> 3 3<esc>");
    let s = text(&mut h);
    assert!(
        s.contains(
            "2 cards you started come back in 10 minutes: study “My interview” again after that \
             to finish them."
        ),
        "{s}"
    );
    assert!(!s.contains("again then"), "{s}");
    // One answered Again (back in a minute) among those answered Good (back in 10): the line
    // gives the first and the last, not one wait for all.
    let mut m = on_cards();
    m.app.apply_config(&config);
    m.press("<enter> 1 3 3<esc>");
    let s = text(&mut m);
    assert!(
        s.contains(
            "3 cards you started come back, the first in 1 minute and the last in 10 minutes: \
             study “My interview” again to finish them."
        ),
        "{s}"
    );
    // Once they are back, the line says to study now, with no "then".
    h.app.set_now(fixed_now() + chrono::Duration::minutes(11));
    let s = text(&mut h);
    assert!(
        s.contains(
            "2 cards you started are ready again now: study “My interview” again to finish them."
        ),
        "{s}"
    );
}

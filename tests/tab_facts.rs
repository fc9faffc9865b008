//! Numbers kept between screen switches (cards due now, what "My interview" holds, stories
//! written, competencies covered) are right after Tab once the data changed: after a grade, the
//! clock moving on, a deck imported while the app runs, and a story saved or deleted. A switch
//! with nothing changed counts nothing again, so these are what keeps the kept numbers honest.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use clinicprep::domain::schedule::Grade;
use common::Harness;

/// Tabs round to Home, as a user does (each switch refreshes what the screen shows), and reads
/// Home's line of numbers and today's plan.
fn home(h: &mut Harness) -> String {
    h.press("<tab>");
    for _ in 0..6 {
        if h.app.tab() == Tab::Home {
            break;
        }
        h.press("<tab>");
    }
    assert_eq!(h.app.tab(), Tab::Home);
    let s = h.screen(120, 40);
    s.lines().skip(2).take(2).collect::<Vec<_>>().join("\n")
}

/// Tabs to Cards and grades the first card of a new session on the deck list's first deck ("My
/// interview"): cards due come before new ones.
fn grade(h: &mut Harness, grade: Grade) {
    while h.app.tab() != Tab::Cards {
        h.press("<tab>");
    }
    // Out of the session going, if any (to its summary, then the deck list).
    if h.app.reviewing() {
        h.press("<esc><esc>");
    }
    h.press("<enter>");
    assert!(h.app.reviewing(), "{}", h.screen(120, 40));
    h.app.update(Action::Reveal);
    h.app.update(Action::Grade(grade));
}

/// How many cards the built-in content holds: questions and facts.
fn built_in() -> usize {
    let lib = clinicprep::domain::content::Library::builtin();
    lib.questions.len() + lib.facts.len()
}

/// "N unseen" for the built-in cards, `seen` of them seen.
fn unseen(seen: usize) -> String {
    format!("{} unseen", built_in() - seen)
}

#[test]
fn cards_due_and_unseen_follow_grades_and_the_clock_across_tabs() {
    let mut h = Harness::new();
    let s = home(&mut h);
    assert!(s.contains("Cards due now 0"), "{s}");
    assert!(s.contains(&unseen(0)), "{s}");
    // Tabbing round again with nothing changed shows the same.
    assert_eq!(home(&mut h), s);

    // Forgotten: back in a minute, so not due yet, but no longer unseen.
    grade(&mut h, Grade::Again);
    let s = home(&mut h);
    assert!(s.contains(&unseen(1)), "{s}");
    assert!(s.contains("Cards due now 0"), "{s}");

    // Ten minutes on, the card is due again.
    h.advance(600);
    let s = home(&mut h);
    assert!(s.contains("Cards due now 1"), "{s}");

    // Known now (a new session shows it first): days away. Then a second card forgotten.
    grade(&mut h, Grade::Easy);
    let s = home(&mut h);
    assert!(s.contains("Cards due now 0"), "{s}");
    grade(&mut h, Grade::Again);
    h.advance(600);
    let s = home(&mut h);
    assert!(s.contains("Cards due now 1"), "{s}");
    assert!(s.contains(&unseen(2)), "{s}");
}

#[test]
fn a_deck_imported_while_open_counts_after_tab() {
    let mut h = Harness::new();
    assert!(home(&mut h).contains(&unseen(0)));
    let dir = h.dir.path().join("content/imported");
    std::fs::create_dir_all(&dir).unwrap();
    let card = |id: &str| {
        format!("[[card]]\nid = \"{id}\"\ndeck = \"Clinic words\"\nfront = \"f\"\nback = \"b\"\n\n")
    };
    std::fs::write(dir.join("words.toml"), card("cw-1") + &card("cw-2")).unwrap();
    h.advance(3);
    let s = home(&mut h);
    assert!(s.contains(&format!("{} unseen", built_in() + 2)), "{s}");
}

#[test]
fn stories_and_coverage_follow_a_story_saved_and_deleted_across_tabs() {
    let mut h = Harness::new();
    let s = home(&mut h);
    assert!(s.contains("Stories 0  ·  Competencies covered 0/12"), "{s}");
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n");
    h.paste("Covering the front desk");
    // Title, Situation, Task, Action, Result, then Tags.
    for _ in 0..5 {
        h.app.update(Action::NextField);
    }
    h.paste("teamwork");
    h.press("<esc>");
    let s = home(&mut h);
    assert!(s.contains("Stories 1  ·  Competencies covered 1/12"), "{s}");

    h.app.update(Action::GoTo(Tab::Stories));
    h.press("d");
    let s = home(&mut h);
    assert!(s.contains("Stories 0  ·  Competencies covered 0/12"), "{s}");
}

//! Search results from the glossary and the questions to ask: the term is named in the result,
//! and Enter (which the footer offers) says the whole entry, since they have no page of their own.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use common::Harness;
use ratatui::style::Modifier;

/// Guides' search with `words` typed.
fn search(words: &str) -> Harness {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Guides));
    h.press("/").type_text(words);
    h
}

/// Moves down the results until the highlighted one's heading starts with `heading`.
fn choose(h: &mut Harness, heading: &str) {
    for _ in 0..40 {
        let buf = h.render(100, 40);
        let chosen = (0..buf.area.height).any(|y| {
            let line: String = (1..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            line.starts_with(heading) && buf[(1, y)].modifier.contains(Modifier::REVERSED)
        });
        if chosen {
            return;
        }
        h.press("<down>");
    }
    panic!("no result {heading}:\n{}", h.screen(100, 40));
}

#[test]
fn a_term_found_inside_a_definition_is_named_and_enter_says_it_whole() {
    let mut h = search("gait belt");
    let s = h.screen(100, 40);
    assert!(s.contains("Glossary · Gait belt"), "{s}");
    assert!(
        s.contains("Glossary · Guarding"),
        "the match inside a definition: {s}"
    );
    assert!(s.contains("Enter open"), "{s}");
    choose(&mut h, "Glossary · Guarding");
    h.press("<enter>");
    assert!(h.status().starts_with("Guarding: "), "{}", h.status());
    assert!(h.screen(100, 40).contains("results"), "the list stays");
}

#[test]
fn enter_on_a_question_to_ask_says_why_to_ask_it() {
    let mut h = search("workload");
    choose(&mut h, "Question to ask");
    h.press("<enter>");
    let said = h.status();
    assert!(
        said.starts_with("Question to ask: How heavy is a typical day's workload"),
        "{said}"
    );
    assert!(
        said.contains("Why: Workload shapes your whole day."),
        "{said}"
    );
}

/// A user walk: a definition opened from one search stayed on the status line through later
/// searches and after closing search. The next key of the search takes it back; a status said
/// since is left alone.
#[test]
fn a_definition_on_the_status_line_goes_with_the_next_search_key() {
    let mut h = search("gait belt");
    choose(&mut h, "Glossary · Guarding");
    h.press("<enter>");
    assert!(h.status().starts_with("Guarding: "));
    h.press("<bs>");
    assert_eq!(h.status(), "", "typing on takes it back");
    h.press("t");
    choose(&mut h, "Glossary · Guarding");
    h.press("<enter>");
    assert!(h.status().starts_with("Guarding: "));
    h.press("<esc>");
    assert!(
        !h.status().starts_with("Guarding") && !h.status().contains(": "),
        "closing the search takes it back: {}",
        h.status()
    );
}

//! A story is linked to the questions of the user's own job: the editor's question list and
//! Coverage's gaps leave out the other roles' questions, and `m` brings them back.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use clinicprep::domain::config::Config;
use clinicprep::domain::content::Library;
use common::Harness;

/// An app whose profile says PT aide, as the set-up leaves it.
fn pt_aide() -> Harness {
    let mut h = Harness::new();
    let text = "[profile]\nroles = [\"pt-aide\"]\nset_up = true\n";
    let (config, problems) = Config::from_text("config.toml", text);
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    h
}

/// The text of a question only PTAs are asked, and of one only OTAs are.
fn other_roles_questions() -> (String, String) {
    let lib = Library::builtin();
    let only = |role: &str| {
        lib.questions
            .iter()
            .find(|q| q.roles.len() == 1 && q.roles[0].as_str() == role && q.behavioural)
            .map(|q| q.text.clone())
            .expect("a question for that role alone")
    };
    (only("pta"), only("ota"))
}

/// The first 50 characters: enough to know a question on a wide screen.
fn head(text: &str) -> String {
    text.chars().take(50).collect()
}

#[test]
fn a_pt_aide_links_stories_to_pt_aide_questions() {
    let (pta, ota) = other_roles_questions();
    let mut h = pt_aide();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n").type_text("Refusal");
    // Title, Situation, Task, Action, Result, Tags, then the questions.
    h.press("<tab><tab><tab><tab><tab><tab>");
    let lib = Library::builtin();
    let everyone = lib.questions.len();
    let s = h.screen(200, 60);
    assert!(s.contains("shown for your role"), "{s}");
    let shown: usize = s
        .split(" linked · ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a count of questions shown");
    assert!(shown < everyone, "{shown} of {everyone}");
    for q in [&pta, &ota] {
        h.type_text(&head(q));
        let s = h.screen(200, 60);
        assert!(s.contains("0 shown"), "{q} is another role's:\n{s}");
        for _ in 0..50 {
            h.press("<bs>");
        }
    }
    // A question that is theirs is offered, so the list is not simply empty.
    let mine = lib
        .questions
        .iter()
        .find(|q| q.roles.iter().any(|r| r.as_str() == "pt-aide") && q.behavioural)
        .unwrap();
    h.type_text(&head(&mine.text));
    assert!(h.screen(200, 60).contains("1 shown"));
}

#[test]
fn coverage_gaps_are_the_users_questions_until_m_shows_every_role() {
    let (pta, _) = other_roles_questions();
    let mut h = pt_aide();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("c");
    let mine = h.screen(250, 200);
    assert!(mine.contains("Gaps a new story could fill"), "{mine}");
    assert!(!mine.contains(&head(&pta)), "{mine}");
    h.press("m");
    let all = h.screen(250, 200);
    assert!(
        all.contains(&head(&pta)),
        "every role's gaps with m:\n{all}"
    );
}

/// A user walk: an OT aide looking for a story question about a refusal typed "refuse" and read
/// "No question has all of these words; try fewer" (one word; the only such question was a PTA's).
/// Aides have a refusal question of their own, and a word that finds nothing is named, with where
/// the other roles' questions went.
#[test]
fn an_aide_finds_a_refusal_question_and_a_word_with_no_match_is_named() {
    let mut h = pt_aide();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n").type_text("Refusal");
    h.press("<tab><tab><tab><tab><tab><tab>");
    h.type_text("refuse");
    let s = h.screen(200, 60);
    assert!(
        s.contains("A patient refuses to do their exercises today"),
        "{s}"
    );
    assert!(
        !s.contains("A patient refuses to do the session today"),
        "a PTA's: {s}"
    );
    for _ in 0.."refuse".len() {
        h.press("<bs>");
    }
    h.type_text("zebra");
    let s = h.screen(200, 60);
    assert!(s.contains("No question for your role has “zebra”."), "{s}");
    let s80 = h.screen(80, 24);
    assert!(
        s80.contains("Other roles' questions are hidden: m on the story list shows them."),
        "whole at 80 columns: {s80}"
    );
    h.type_text(" crossing");
    assert!(
        h.screen(200, 60)
            .contains("No question for your role has all of these words; try fewer."),
    );
}

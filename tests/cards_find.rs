//! Finding one card on the Cards screen: `/` opens a search over every card's front, back and tags,
//! where every key types (nothing grades, crams or filters), and Enter opens the card with its
//! review history.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::Tab;
use clinicprep::domain::schedule::JOURNAL_FILE;
use common::Harness;

/// A data folder with one deck of the user's own, with accents and tags.
fn with_deck() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let decks = dir.path().join("content/imported");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(
        decks.join("spanish.toml"),
        "[[card]]\nid = \"es-1\"\ndeck = \"Spanish for the clinic\"\nfront = \"¿Dónde le duele?\"\n\
         back = \"Where does it hurt?\"\ntags = [\"Evaluación\"]\n",
    )
    .unwrap();
    let mut h = Harness::in_dir(dir);
    h.press("<tab><tab>");
    assert_eq!(h.app.tab(), Tab::Cards);
    h
}

fn on_cards() -> Harness {
    let mut h = Harness::new();
    h.press("<tab><tab>");
    assert_eq!(h.app.tab(), Tab::Cards);
    h
}

fn journal(h: &Harness) -> Option<String> {
    h.file(JOURNAL_FILE)
}

#[test]
fn every_key_typed_into_the_search_box_only_types() {
    let mut h = on_cards();
    let before = journal(&h);
    h.press("/");
    assert!(h.typing(), "the search box has focus");
    // Letters that cram (i), filter (r c t x), grade (1-4), undo (u), pick (a-f), quit (q), help (?),
    // and Space and Enter-less words.
    h.type_text("/transfer icrtx 1234 u abcdef q ? jkgG");
    assert_eq!(h.app.tab(), Tab::Cards);
    assert!(!h.app.should_quit(), "q typed, not quit");
    assert!(h.typing(), "still in the box");
    let s = h.screen(100, 30);
    assert!(s.contains("/transfer icrtx 1234 u abcdef q ? jkgG"), "{s}");
    assert!(!s.contains("Help"), "? typed, not help: {s}");
    assert_eq!(journal(&h), before, "nothing was graded");
    assert!(!h.status().contains("Cram"), "{}", h.status());
    h.press("<esc>");
    assert!(!h.typing());
    let s = h.screen(100, 30);
    assert!(s.contains(" Decks "), "Esc closes the search: {s}");
    assert!(
        s.contains("Role all") && s.contains("Tag all"),
        "no filter set: {s}"
    );
    assert_eq!(journal(&h), before);
}

#[test]
fn search_lists_matching_cards_and_enter_opens_one() {
    let mut h = on_cards();
    h.press("/");
    h.type_text("transfer");
    let s = h.screen(100, 30);
    assert!(s.contains("cards found"), "{s}");
    assert!(
        s.contains("Walk me through teaching a patient to transfer"),
        "{s}"
    );
    // More words narrow the list; a card with every word on its front comes first.
    h.type_text(" teaching a patient");
    h.press("<enter>");
    assert!(!h.typing(), "the card view takes keys, not text");
    let s = h.screen(100, 30);
    assert!(s.contains("Walk me through teaching a patient"), "{s}");
    assert!(s.contains("Your reviews"), "{s}");
    assert!(s.contains("Not studied yet"), "{s}");
    // The words searched for are marked on the card; other words are not.
    let buf = h.render(100, 30);
    let (x, y) = common::find(&buf, "transfer").expect("the word on the card");
    let marked = |x: u16, y: u16| {
        let m = clinicprep::app::Theme::COLOR.matched;
        buf[(x, y)].style().patch(m) == buf[(x, y)].style()
    };
    assert!((x..x + 8).all(|x| marked(x, y)), "\"transfer\" is marked");
    let (wx, wy) = common::find(&buf, "Walk me").expect("the front");
    assert!(!marked(wx, wy), "\"Walk\" was not searched for");
    h.press("<esc>");
    assert!(h.typing(), "Esc goes back to the results, box focused");
    assert!(h.screen(100, 30).contains("cards found"));
}

#[test]
fn search_ignores_case_and_accents_in_fronts_backs_and_tags() {
    let mut h = with_deck();
    for query in ["DONDE", "dónde le", "WHERE DOES it HURT", "evaluacion"] {
        h.press("/");
        h.type_text(query);
        let s = h.screen(100, 30);
        assert!(s.contains("¿Dónde le duele?"), "{query}: {s}");
        assert!(s.contains("1 card found"), "{query}: {s}");
        h.press("<esc>/");
        for _ in 0..query.chars().count() {
            h.press("<bs>");
        }
        h.press("<esc>");
    }
}

#[test]
fn the_opened_card_shows_its_grades_and_next_due_date() {
    let mut h = with_deck();
    // Study the user's deck: its one card comes first in "My interview".
    h.press("<enter>");
    let s = h.screen(100, 30);
    assert!(s.contains("¿Dónde le duele?"), "{s}");
    h.press("<space>3");
    let graded = journal(&h).expect("a grade was written");
    h.press("<esc><esc>");
    h.press("/");
    h.type_text("duele");
    h.press("<enter>");
    let s = h.screen(100, 30);
    assert!(s.contains("Where does it hurt?"), "the back: {s}");
    assert!(s.contains("Evaluación"), "the tags: {s}");
    let row = s
        .lines()
        .find(|l| l.contains("Good"))
        .unwrap_or_else(|| panic!("a Good row: {s}"));
    assert!(row.contains("next due"), "{row}");
    assert!(s.contains("Next:") && s.contains("Reviewed 1 time"), "{s}");
    assert_eq!(journal(&h).unwrap(), graded, "browsing writes nothing");
}

#[test]
fn results_typed_letter_by_letter_or_after_backspace_match_a_fresh_search() {
    let fresh = |q: &str| {
        let mut h = on_cards();
        h.press("/");
        h.paste(q);
        h.screen(100, 40)
    };
    let mut h = on_cards();
    h.press("/");
    h.type_text("trans");
    h.type_text("fer");
    assert_eq!(h.screen(100, 40), fresh("transfer"));
    h.type_text(" bed");
    assert_eq!(h.screen(100, 40), fresh("transfer bed"));
    h.press("<bs><bs><bs><bs>");
    assert_eq!(h.screen(100, 40), fresh("transfer"));
    h.press("<bs><bs><bs>");
    assert_eq!(h.screen(100, 40), fresh("trans"));
}

#[test]
fn opening_the_search_again_offers_the_last_query_to_replace() {
    let mut h = on_cards();
    h.press("/");
    h.type_text("transfer");
    h.press("<esc>/");
    assert!(
        h.screen(100, 30).contains("type to replace the last one"),
        "the last query is offered, selected"
    );
    h.type_text("gait");
    let s = h.screen(100, 30);
    assert!(s.lines().any(|l| l.starts_with("│gait ")), "{s}");
    assert!(!s.contains("transfer gait"), "{s}");
}

/// Looking a behavioral question up shows which of the user's stories answers it, as the card's
/// back does in review; with none linked, it says so.
#[test]
fn an_opened_question_names_the_story_linked_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    std::fs::create_dir_all(&stories).unwrap();
    std::fs::write(
        stories.join("near-fall.toml"),
        "title = \"The near fall\"\nsituation = \"A patient slipped.\"\n\
         questions = [\"q-coworker-disagreement\"]\n",
    )
    .unwrap();
    let mut h = Harness::in_dir(dir);
    h.press("<tab><tab>/");
    h.type_text("disagreed with a co-worker");
    h.press("<enter>");
    let s = h.screen(100, 30);
    assert!(s.contains("disagreed with a co-worker"), "{s}");
    assert!(s.contains("Your STAR story"), "{s}");
    assert!(s.contains("The near fall"), "{s}");

    let mut h = on_cards();
    h.press("/");
    h.type_text("disagreed with a co-worker");
    h.press("<enter>");
    let s = h.screen(100, 30);
    assert!(
        s.contains("Your STAR story: none linked to this question yet."),
        "{s}"
    );
}

#[test]
fn each_result_and_the_opened_card_say_which_roles_the_card_is_for() {
    // The finder looks through every role's cards, whatever the filters: each says whose it is.
    let mut h = on_cards();
    h.press("/").type_text("NBCOT");
    let s = h.screen(100, 30);
    let first = s.lines().find(|l| l.contains("· OT")).unwrap_or("");
    assert!(first.contains("OTA"), "a result names its role: {s}");
    h.press("<enter>");
    let s = h.screen(100, 30);
    assert!(
        s.lines().any(|l| l.contains("· OT") && l.contains("OTA")),
        "the opened card names its roles: {s}"
    );
}

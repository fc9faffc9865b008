//! Decks that arrive while the app is open (an import from another shell, a file copied in) show
//! without a restart, with a notice, under "Your decks" whatever the role filter.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::Tab;
use clinicprep::kit::Level;
use common::Harness;

fn write_deck(h: &Harness, name: &str, cards: &[(&str, &str)], roles: &str) {
    let dir = h.dir.path().join("content/imported");
    std::fs::create_dir_all(&dir).unwrap();
    let text: String = cards
        .iter()
        .map(|(id, front)| {
            format!(
                "[[card]]\nid = \"{id}\"\ndeck = \"Clinic words\"\nfront = \"{front}\"\n\
                 back = \"b\"\nroles = [{roles}]\n\n"
            )
        })
        .collect();
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn cards_imported_while_open_show_with_a_notice_and_whatever_the_role_filter() {
    let mut h = Harness::new();
    h.press("<tab><tab>");
    assert_eq!(h.app.tab(), Tab::Cards);
    assert!(!h.screen(100, 40).contains("Your decks"));
    write_deck(
        &h,
        "clinic-words.toml",
        &[("cw-1", "What is ROM?"), ("cw-2", "What is a HEP?")],
        "\"pta\"",
    );
    h.advance(3);
    let status = h.app.status().expect("a notice");
    assert_eq!(status.level, Level::Info);
    assert!(
        status
            .text
            .starts_with("2 cards from deck “Clinic words” were added"),
        "{}",
        status.text
    );
    let s = h.screen(100, 40);
    assert!(s.contains("Your decks"), "{s}");
    let row = |s: &str| {
        s.lines()
            .find(|l| l.contains("Your deck · Clinic words"))
            .map(str::to_string)
    };
    assert!(row(&s).is_some_and(|r| r.contains("2/2")), "{s}");
    // The role filter on a role the cards are not for: the deck still shows all its cards.
    h.press("r");
    let s = h.screen(100, 40);
    assert!(!s.contains("Role all"), "a role filter is on: {s}");
    assert!(row(&s).is_some_and(|r| r.contains("2/2")), "{s}");
    // The search finds them too.
    h.press("x/");
    h.type_text("hep");
    assert!(h.screen(100, 40).contains("What is a HEP?"));
}

#[test]
fn a_card_added_to_a_deck_later_is_counted_alone_and_an_unchanged_folder_says_nothing() {
    let mut h = Harness::new();
    write_deck(&h, "w.toml", &[("cw-1", "One")], "");
    h.advance(3);
    assert!(
        h.status()
            .contains("1 card from deck “Clinic words” was added")
    );
    h.app.set_status(clinicprep::kit::Status::info("quiet"));
    h.advance(3);
    assert_eq!(h.status(), "quiet", "nothing changed, nothing said");
    write_deck(&h, "w.toml", &[("cw-1", "One"), ("cw-2", "Two")], "");
    h.advance(3);
    assert!(
        h.status()
            .starts_with("1 card from deck “Clinic words” was added"),
        "{}",
        h.status()
    );
}

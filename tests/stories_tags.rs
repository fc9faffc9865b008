//! Tags as a newcomer types them: skills with spaces between them, or a letter off, still count.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use common::Harness;

fn on_tags() -> Harness {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n").type_text("Lunch rush");
    h.press("<tab><tab><tab><tab><tab>"); // Situation, Task, Action, Result, Tags
    h
}

fn tags(h: &Harness) -> Vec<String> {
    h.app.open_story().expect("editor open").tags.clone()
}

#[test]
fn skills_typed_with_spaces_become_separate_tags_with_enter() {
    let mut h = on_tags();
    h.type_text("teamwork adaptab");
    let s = h.screen(100, 30);
    assert!(s.contains("Tags are separated by commas"), "{s}");
    h.press("<enter>");
    assert_eq!(tags(&h), ["teamwork", "adaptability"]);
    assert!(
        h.status().contains("Tagged “adaptability”"),
        "{}",
        h.status()
    );
}

#[test]
fn a_tag_a_letter_off_is_offered_and_enter_fixes_it() {
    let mut h = on_tags();
    h.type_text("communicaton");
    let s = h.screen(100, 30);
    assert!(s.contains("Did you mean this one?"), "{s}");
    h.press("<enter>");
    assert_eq!(tags(&h), ["communication"]);
}

/// The coaching says "Sounds like Safety: add it in Tags" while the field holds one whole tag:
/// the list offers the next tag at once, and Enter adds it after a comma.
#[test]
fn after_a_whole_tag_the_next_skills_show_without_typing_a_comma() {
    let mut h = on_tags();
    h.type_text("teamwork");
    let s = h.screen(100, 30);
    assert!(s.contains("Skills from the guides (↓ to choose one"), "{s}");
    h.press("<down><enter>");
    let t = tags(&h);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(t[0], "teamwork");
}

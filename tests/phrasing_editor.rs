//! The phrasing coach in the story editor, as a user meets it: marked phrases drawn in the text,
//! Ctrl-N and Ctrl-P between them, the reason and rewrite beside them, Ctrl-A to accept, Ctrl-O for
//! another rewrite, and one Ctrl-Z to take it back.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab, Theme};
use clinicprep::domain::stories::{Story, StoryId, file};
use common::{Harness, buffer_text, find};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

/// A new story with a Task and an Action to coach, the cursor at the end of the Action.
fn story_to_coach() -> Harness {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n").type_text("Transfers").press("<tab><tab>");
    h.type_text("We had to move the gym.");
    h.press("<tab>");
    h.type_text("I helped with the transfers. Um, I would call the PT.");
    h
}

fn action(h: &Harness) -> String {
    h.app.open_story().expect("editor open").action.clone()
}

/// Whether `field` is the one drawn in a box of its own: the one with focus.
fn has_focus(h: &mut Harness, field: &str) -> bool {
    h.screen(120, 40).contains(&format!("┌ {field} "))
}

/// The cells of `text` where it first appears on screen.
fn cells(buf: &Buffer, text: &str) -> Vec<(u16, u16)> {
    let (x, y) = find(buf, text).unwrap_or_else(|| panic!("{text:?} not on screen"));
    (x..x + text.chars().count() as u16)
        .map(|x| (x, y))
        .collect()
}

#[test]
fn marked_phrases_are_underlined_in_the_text_and_the_one_at_the_cursor_stands_out() {
    let mut h = story_to_coach();
    let buf = h.render(120, 40);
    for (x, y) in cells(&buf, "helped with") {
        let style = buf[(x, y)].style();
        assert!(
            style.add_modifier.contains(Modifier::UNDERLINED),
            "({x},{y})"
        );
        assert_eq!(style.fg, Theme::COLOR.warn.fg);
    }
    let (x, y) = find(&buf, "the transfers").unwrap();
    assert!(
        !buf[(x, y)]
            .style()
            .add_modifier
            .contains(Modifier::UNDERLINED)
    );
    // The Task is not focused: its "We" is marked in the form's preview of it.
    let (x, y) = find(&buf, "We had to").unwrap();
    assert!(
        buf[(x, y)]
            .style()
            .add_modifier
            .contains(Modifier::UNDERLINED)
    );
    h.press("<c-n>");
    let buf = h.render(120, 40);
    let (x, y) = find(&buf, "We had to").unwrap();
    assert!(
        buf[(x, y)]
            .style()
            .add_modifier
            .contains(Modifier::REVERSED),
        "at the cursor"
    );
}

#[test]
fn ctrl_n_and_ctrl_p_go_round_the_marked_phrases_across_the_parts() {
    let mut h = story_to_coach();
    h.press("<c-n>");
    assert!(
        has_focus(&mut h, "Task"),
        "from the end it goes round to the first"
    );
    assert_eq!(h.status(), "Marked phrase 1 of 4.");
    let s = h.screen(120, 40);
    assert!(s.contains("▶ “We” instead of “I”: “We”"), "{s}");
    assert!(s.contains("Ctrl-A makes it “I”"), "{s}");
    h.press("<c-n>");
    assert!(has_focus(&mut h, "Action"));
    assert_eq!(h.status(), "Marked phrase 2 of 4.");
    let s = h.screen(120, 40);
    assert!(s.contains("▶ Weak verb: “helped with”"), "{s}");
    assert!(s.contains("Ctrl-A makes it “handled” (1 of 3;"), "{s}");
    h.press("<c-n><c-n>");
    assert_eq!(h.status(), "Marked phrase 4 of 4.");
    h.press("<c-p><c-p><c-p>");
    assert!(has_focus(&mut h, "Task"));
    assert_eq!(h.status(), "Marked phrase 1 of 4.");
}

#[test]
fn accepting_a_rewrite_is_one_step_that_one_ctrl_z_takes_back() {
    let mut h = story_to_coach();
    let before = action(&h);
    h.press("<c-n><c-n><c-o>");
    assert!(
        h.screen(120, 40)
            .contains("Ctrl-A makes it “set up” (2 of 3")
    );
    h.press("<c-a>");
    assert_eq!(
        action(&h),
        "I set up the transfers. Um, I would call the PT."
    );
    assert_eq!(
        h.status(),
        "Changed “helped with” to “set up”. Ctrl-Z undoes it."
    );
    h.press("<c-z>");
    assert_eq!(
        action(&h),
        before,
        "one Ctrl-Z takes the whole rewrite back"
    );
    h.press("<c-y>");
    assert_eq!(
        action(&h),
        "I set up the transfers. Um, I would call the PT."
    );
    // A filler is deleted with its comma, and "would" becomes the past tense. Each rewrite leaves
    // the cursor where the next phrase starts, so the coaching already shows it.
    h.press("<c-n><c-a>");
    assert_eq!(action(&h), "I set up the transfers. I would call the PT.");
    assert_eq!(h.status(), "Deleted “Um”. Ctrl-Z brings it back.");
    assert!(h.screen(120, 40).contains("Ctrl-A makes it “I called”"));
    h.press("<c-a>");
    assert_eq!(action(&h), "I set up the transfers. I called the PT.");
    // Saved as any edit is.
    h.advance_ms(1000);
    let dir = h.dir.path().join("stories");
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .file_name();
    let text = std::fs::read_to_string(dir.join(&name)).unwrap();
    let id = StoryId::from_stem(name.to_string_lossy().trim_end_matches(".toml")).unwrap();
    let saved: Story = file::from_str(&text, id, None).unwrap();
    assert_eq!(saved.action, "I set up the transfers. I called the PT.");
}

#[test]
fn the_accept_key_is_in_the_footer_only_on_a_phrase_with_a_rewrite() {
    let mut h = story_to_coach();
    assert!(!h.screen(120, 40).contains("Ctrl-A accept"));
    h.press("<c-n><c-n>");
    let s = h.screen(120, 40);
    assert!(
        s.lines()
            .last()
            .is_some_and(|l| l.contains("Ctrl-A accept rewrite")),
        "{s}"
    );
    // Off a phrase, Ctrl-A is the text field's own key again (start of the line).
    h.press("<end><c-a>");
    assert_eq!(
        action(&h),
        "I helped with the transfers. Um, I would call the PT."
    );
}

#[test]
fn a_phrase_without_a_rewrite_says_why_and_ctrl_a_explains() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n<tab><tab><tab><tab>").type_text("It went well.");
    h.press("<home><c-n>");
    let s = h.screen(120, 40);
    assert!(s.contains("▶ Vague result: “went well”"), "{s}");
    assert!(!s.contains("Ctrl-A makes it"), "{s}");
    assert!(!s.contains("Ctrl-A accept"), "{s}");
}

#[test]
fn no_marks_no_movement() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n")
        .type_text("Clean")
        .press("<tab>")
        .type_text("I checked the list.");
    h.press("<c-n>");
    assert_eq!(h.status(), "No phrase is marked: nothing to reword.");
}

#[test]
fn the_coaching_never_contradicts_itself_on_would_we_and_balance() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n").type_text("Contradictions").press("<tab>");
    h.type_text("A busy day at the clinic.").press("<tab>");
    h.type_text("We had to cover the gym.").press("<tab>");
    h.type_text("I checked the belts. I walked him. I called the PT. I wrote it down.")
        .press("<tab>");
    h.type_text("I would see him walk 50 feet more.");
    let s = buffer_text(&h.render(120, 40));
    assert!(
        s.contains("“Would” 1×"),
        "“would” in the Result is flagged: {s}"
    );
    assert!(
        !s.contains("clear what you did"),
        "no praise beside “would”: {s}"
    );
}

#[test]
fn the_editor_coaches_at_every_size_without_losing_the_story() {
    let mut h = story_to_coach();
    for (w, ht) in [(80, 24), (120, 40), (200, 50), (60, 16)] {
        let s = h.screen(w, ht);
        for part in ["Situation", "Task", "Action", "Result"] {
            assert!(s.contains(part), "{w}x{ht} lacks {part}: {s}");
        }
        assert!(s.contains("Coaching"), "{w}x{ht}: {s}");
    }
}

/// A user walk: Ctrl-N, Ctrl-A, Ctrl-N, Ctrl-A, Ctrl-N skipped "just", which the last rewrite had
/// left at the cursor. After a rewrite, a mark at the cursor is the next one; Ctrl-N twice
/// without a change still goes on.
#[test]
fn after_a_rewrite_ctrl_n_goes_to_the_mark_now_at_the_cursor() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n").type_text("Busy").press("<tab><tab><tab>");
    h.type_text("Basically I kind of just helped and we fixed it.");
    let mut seen = Vec::new();
    for _ in 0..3 {
        h.press("<c-n>");
        seen.push(h.status());
        h.press("<c-a>");
    }
    h.press("<c-n>");
    seen.push(h.status());
    let story = action(&h);
    assert!(!story.contains("Basically"), "{story}");
    assert!(!story.contains("kind of"), "{story}");
    assert!(
        !story.contains("just"),
        "the third rewrite took out “just”: {story} {seen:?}"
    );
    h.press("<c-n>");
    let again = h.status();
    assert_eq!(again, seen[3], "one mark left: Ctrl-N stays on it");
}

//! A typed answer: its word count and spoken time read the same while it is typed and after it is
//! sent (one word is "1 word"), and its talking points suit the kind of question.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use common::Harness;

/// The first question of a typed round, its answer box open.
fn typing() -> Harness {
    let mut h = Harness::practice_by_typing();
    h.press("<enter>");
    h
}

#[test]
fn the_count_while_typing_is_the_count_after_sending() {
    let mut h = typing();
    h.type_text("Yes");
    assert!(
        h.screen(80, 24).contains("1 word · about 0 s spoken"),
        "{}",
        h.screen(80, 24)
    );
    // A dash on its own is no word, for the live count as for the analysis.
    h.type_text(
        " — I helped my co-worker with 12 transfers, calmly, every single shift — and more.",
    );
    let live = h.screen(100, 30);
    assert!(live.contains("15 words · about 5 s spoken"), "{live}");
    h.press("<c-s>");
    let sent = h.screen(100, 30);
    assert!(
        sent.contains("Your answer is 15 words: about 5 seconds"),
        "{sent}"
    );
}

#[test]
fn a_longer_answer_gets_the_same_seconds_on_both_pages() {
    let mut h = typing();
    // 65 words: 27.9 s at 140 a minute, shown rounded to 30 s on both pages.
    let text = "word ".repeat(64) + "end.";
    h.paste(&text);
    let live = h.screen(100, 30);
    assert!(live.contains("65 words · about 30 s spoken"), "{live}");
    h.press("<c-s>");
    let sent = h.screen(100, 30);
    assert!(sent.contains("65 words · about 30 s when spoken"), "{sent}");
}

#[test]
fn a_story_answer_is_not_asked_why_this_role_and_an_opener_is() {
    let mut h = typing();
    h.type_text("I'm a CNA and I want this job because I love rehab.");
    h.press("<c-s>");
    if h.screen(100, 40).contains("Did you answer?") {
        h.press("y");
    }
    let s = h.screen(100, 40);
    assert!(s.contains("why this role"), "an opener: {s}");
    h.press("<enter><enter>");
    // On to the first story question, leaving the others without a grade.
    for _ in 0..6 {
        if h.screen(100, 40).contains("Story question") {
            break;
        }
        h.press("<esc>n");
    }
    assert!(h.screen(100, 40).contains("Story question"));
    h.type_text("A resident fell asleep in the gym. I woke her gently and told the PT.");
    h.press("<c-s>");
    if h.screen(100, 40).contains("Did you answer?") {
        h.press("y");
    }
    let s = h.screen(100, 40);
    assert!(s.contains("Talking points"), "{s}");
    assert!(s.contains("what you learned"), "{s}");
    assert!(!s.contains("why this role"), "{s}");
}

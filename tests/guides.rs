//! Reading the role guides: switching roles, jumping sections, searching, comparing.

mod common;

use clinicprep::app::Tab;
use clinicprep::screens::guides::View;
use common::{Harness, find};

fn on_guides() -> Harness {
    let mut h = Harness::new();
    h.press("<tab>");
    assert_eq!(h.app.tab, Tab::Guides);
    h
}

#[test]
fn right_and_left_arrows_change_the_role_being_read() {
    let mut h = on_guides();
    assert!(h.screen(100, 30).contains("Physical therapy aide"));
    h.press("<right>");
    assert!(h.screen(100, 30).contains("Physical therapist assistant"));
    h.press("<left><left>");
    assert!(h.screen(100, 30).contains("Occupational therapy assistant"));
}

#[test]
fn section_keys_jump_to_the_next_heading() {
    let mut h = on_guides();
    h.render(100, 30);
    h.press("]]");
    let screen = h.screen(100, 30);
    let second_row = screen.lines().nth(2).unwrap();
    assert!(second_row.contains("▍Duties"), "{second_row}");
    h.press("[");
    assert!(
        h.screen(100, 30)
            .lines()
            .nth(2)
            .unwrap()
            .contains("▍Overview")
    );
}

#[test]
fn scrolling_never_runs_past_the_end() {
    let mut h = on_guides();
    h.render(100, 30);
    h.press("G");
    let at_end = h.app.guides.scroll;
    h.press("<down><down><pgdn>");
    assert_eq!(h.app.guides.scroll, at_end);
    assert!(
        h.screen(100, 30).contains("Why:"),
        "the end shows the questions to ask"
    );
}

#[test]
fn search_highlights_matches_and_enter_jumps_to_the_guide() {
    let mut h = on_guides();
    h.render(120, 40);
    h.press("/");
    assert!(h.app.editing());
    h.type_text("gait belt");
    let buf = h.render(120, 40);
    assert!(h.app.guides.hits.len() > 1);
    let (x, y) = find(&buf, "gait")
        .or_else(|| find(&buf, "Gait"))
        .expect("a match on screen");
    assert_eq!(
        buf[(x, y)].style(),
        h.app.theme.matched.patch(buf[(x, y)].style()),
        "match is highlighted"
    );
    let first = h.app.guides.hits[0].clone();
    h.press("<enter>");
    assert_eq!(h.app.guides.view, View::Guide);
    let screen = h.screen(120, 40).to_lowercase();
    assert!(
        screen.contains("gait") && screen.contains("belt"),
        "jumped to the match: {first:?}"
    );
}

#[test]
fn q_and_tab_are_typed_into_the_search_box_not_obeyed() {
    let mut h = on_guides();
    h.press("/q<tab>");
    assert!(!h.app.should_quit);
    assert_eq!(h.app.tab, Tab::Guides);
    assert_eq!(h.app.guides.query_text(), "q");
    h.press("<esc>");
    assert_eq!(h.app.guides.view, View::Guide);
}

#[test]
fn a_question_hit_opens_its_coaching() {
    let mut h = on_guides();
    h.press("/");
    h.type_text("tell me about yourself");
    let pos = h
        .app
        .guides
        .hits
        .iter()
        .position(|hit| hit.place.starts_with("Question"))
        .expect("question hit");
    for _ in 0..pos {
        h.press("<down>");
    }
    h.press("<enter>");
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("A strong answer") || screen.contains("What they are looking for"),
        "{screen}"
    );
    h.press("<esc>");
    assert_eq!(h.app.guides.view, View::Search);
}

#[test]
fn compare_shows_aide_and_assistant_side_by_side() {
    let mut h = on_guides();
    h.press("c");
    let screen = h.screen(140, 40);
    let header = screen
        .lines()
        .find(|l| l.contains("│") && l.contains("Physical therapist assistant"))
        .unwrap();
    assert!(header.contains("Physical therapy aide"), "{header}");
    assert!(screen.contains("▍Overview"));
    h.press("b");
    assert_ne!(h.app.guides.compare.1, 1);
    h.press("<esc>");
    assert_eq!(h.app.guides.view, View::Guide);
}

#[test]
fn no_matches_says_what_to_try() {
    let mut h = on_guides();
    h.press("/");
    h.type_text("xyzzyplugh");
    assert!(h.screen(100, 30).contains("Try fewer or shorter words"));
}

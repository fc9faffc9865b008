//! The cursor in every list is marked with "›" as well as by colour, so it shows in a terminal
//! without colour (the PLAIN theme) and to someone who cannot tell the colours apart.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab, Theme};
use common::Harness;

/// The screen's rows that hold "›", trimmed.
fn pointed(h: &mut Harness) -> Vec<String> {
    h.screen(100, 30)
        .lines()
        .filter(|l| l.contains('›'))
        .map(|l| l.trim().to_string())
        .collect()
}

#[test]
fn home_points_at_the_item_of_the_list_that_has_focus_and_the_pointer_follows_focus() {
    let mut h = Harness::themed(Theme::PLAIN);
    let rows = pointed(&mut h);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains("› [ ] Research the clinic"), "{rows:?}");
    h.press("j");
    let rows = pointed(&mut h);
    assert!(rows[0].contains("› [ ] Match your experience"), "{rows:?}");
    // → moves focus to the questions to ask: the pointer goes with it, the checklist keeps none.
    h.press("<right>");
    let rows = pointed(&mut h);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains("› ☆ "), "{rows:?}");
    assert!(!rows[0].contains("[ ]"), "{rows:?}");
}

#[test]
fn the_deck_list_and_the_role_list_point_at_their_cursor() {
    let mut h = Harness::themed(Theme::PLAIN);
    h.app.update(Action::GoTo(Tab::Cards));
    assert!(
        pointed(&mut h)
            .iter()
            .any(|r| r.starts_with("│ › My interview"))
    );
    h.press("j");
    let rows = pointed(&mut h);
    assert!(
        rows.iter().any(|r| r.starts_with("│ › All cards")),
        "{rows:?}"
    );
    assert!(!rows.iter().any(|r| r.contains("My interview")), "{rows:?}");

    h.app.update(Action::GoTo(Tab::Guides));
    let rows = pointed(&mut h);
    assert!(rows.iter().any(|r| r.starts_with("│› PT aide")), "{rows:?}");
    h.press("<right>");
    let rows = pointed(&mut h);
    assert!(rows.iter().any(|r| r.starts_with("│› PTA")), "{rows:?}");
    assert!(!rows.iter().any(|r| r.contains("PT aide")), "{rows:?}");
}

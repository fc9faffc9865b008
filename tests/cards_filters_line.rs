//! The Cards filter line keeps its way out: with long filters at 80 columns, the filters are
//! shortened between words and "(x clears)" stays.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use common::Harness;

#[test]
fn long_filters_give_way_to_the_hint_that_clears_them() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Cards));
    h.press("r").press("c").press("t").press("t");
    let s = h.screen(80, 24);
    let line = s.lines().find(|l| l.starts_with(" Role ")).unwrap();
    assert!(line.trim_end().ends_with("(x clears)"), "{line}");
    assert!(
        unicode_width::UnicodeWidthStr::width(line.trim_end()) < 80,
        "{line}"
    );
    h.press("x");
    let s = h.screen(80, 24);
    let line = s.lines().find(|l| l.starts_with(" Role ")).unwrap();
    assert_eq!(line.trim_end(), " Role all  ·  Category all  ·  Tag all");
}

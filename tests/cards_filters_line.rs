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

/// A tester filtered by role, a long category and a tag at 80 columns: the tag was cut off, so
/// the counts dropping to "0/1" had no visible reason. Every filter set stays in sight.
#[test]
fn a_tag_filter_is_never_hidden_behind_a_long_category() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Cards));
    h.press("rrr").press("cc").press("t");
    // The tag as a wide window shows it whole.
    let wide = h.screen(200, 40);
    let wide_line = wide.lines().nth(1).unwrap();
    let tag = wide_line
        .split("Tag ")
        .nth(1)
        .and_then(|r| r.split("   (x clears)").next())
        .unwrap()
        .trim()
        .to_string();
    assert!(!tag.is_empty() && tag != "all", "{wide_line}");
    let s = h.screen(80, 24);
    let line = s.lines().nth(1).unwrap().trim_end().to_string();
    assert!(line.contains(&format!("Tag {tag}")), "{line}");
    assert!(line.ends_with("(x clears)"), "{line}");
    assert!(
        unicode_width::UnicodeWidthStr::width(line.as_str()) < 80,
        "{line}"
    );
}

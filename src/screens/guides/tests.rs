//! The Guides screen keeps the page it shows laid out, and lays it out again when that changes.

use super::*;
use crate::widgets::doc::Doc;

fn text(d: &Doc) -> Vec<String> {
    d.lines.iter().map(|l| l.to_string()).collect()
}

/// What a frame draws: the kept layout when it matches, and whether it was the kept one.
fn drawn(g: &Guides, lib: &Library, w: u16) -> (Vec<String>, bool) {
    let laid = g.laid_out(lib, w, &Theme::PLAIN).expect("a page");
    let kept = matches!(laid, Cow::Borrowed(_));
    (text(&laid.doc), kept)
}

fn fresh(g: &Guides, lib: &Library, w: u16) -> Vec<String> {
    text(&view::lay_out(lib, g.page(lib).unwrap(), w, &Theme::PLAIN).doc)
}

#[test]
fn the_kept_page_follows_role_view_pair_and_width() {
    let lib = Library::builtin();
    let mut g = Guides::new(&lib, Theme::PLAIN);
    let size = (120, 40);
    g.apply(Action::Down, &lib, size);
    let (first, kept) = drawn(&g, &lib, size.0);
    assert!(kept, "laid out once in update, not per frame");
    assert_eq!(first, fresh(&g, &lib, size.0));
    assert_eq!(first[0], lib.roles[0].name);

    g.apply(Action::Right, &lib, size);
    let (second, kept) = drawn(&g, &lib, size.0);
    assert!(kept);
    assert_eq!(second[0], lib.roles[1].name, "the new role's guide");

    // Another width is laid out on the spot until update keeps it.
    let (narrow, kept) = drawn(&g, &lib, 70);
    assert!(!kept);
    assert_eq!(narrow, fresh(&g, &lib, 70));
    assert!(narrow.len() > second.len(), "narrower wraps to more lines");
    g.apply(Action::Down, &lib, (70, 40));
    assert!(drawn(&g, &lib, 70).1);

    // The comparison, and changing its left role.
    g.apply(Action::Compare, &lib, size);
    let (pair, kept) = drawn(&g, &lib, size.0);
    assert!(kept);
    assert_eq!(pair, fresh(&g, &lib, size.0));
    g.apply(Action::Left, &lib, size);
    let (changed, kept) = drawn(&g, &lib, size.0);
    assert!(kept);
    assert_ne!(changed[0], pair[0], "the left role changed");
    assert_eq!(changed, fresh(&g, &lib, size.0));
}

#[test]
fn opening_search_or_compare_keeps_the_guide_in_place() {
    let lib = Library::builtin();
    let mut g = Guides::new(&lib, Theme::PLAIN);
    let size = (120, 40);
    for _ in 0..30 {
        g.apply(Action::Down, &lib, size);
    }
    assert_eq!(g.scroll, 30);
    g.apply(Action::Compare, &lib, size);
    g.apply(Action::Back, &lib, size);
    g.apply(Action::Search, &lib, size);
    g.apply(Action::Back, &lib, size);
    assert_eq!(g.scroll, 30);
}

#[test]
fn a_resize_lays_the_page_out_for_the_new_width() {
    let now = chrono::DateTime::from_timestamp(1_795_424_400, 0).unwrap();
    let mut f = crate::kit::fixture::Fixture::new(now);
    let mut g = Guides::new(f.data.library(), Theme::PLAIN);
    f.size = (90, 30);
    // The app calls `refresh` when the window changes.
    g.refresh(&f.view());
    let (lines, kept) = drawn(&g, f.data.library(), 90);
    assert!(
        kept,
        "laid out when the window changed, not in each frame after"
    );
    assert_eq!(lines, fresh(&g, f.data.library(), 90));
}

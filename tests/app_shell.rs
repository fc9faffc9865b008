//! The app shell as a user meets it: screens, tabs, help, quitting, resizing, the mouse.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use common::{Harness, buffer_text, find};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use proptest::prelude::*;
use ratatui::style::Modifier;

#[test]
fn opens_on_home_with_five_tabs_in_order_and_a_footer() {
    let mut h = Harness::new();
    let screen = h.screen(80, 24);
    let top = screen.lines().next().unwrap();
    let positions: Vec<usize> = ["Home", "Guides", "Cards", "Stories", "Practice"]
        .iter()
        .map(|t| top.find(t).expect(t))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "tabs out of order: {top}"
    );
    assert_eq!(h.app.tab(), Tab::Home);
    let footer = screen.lines().last().unwrap();
    assert!(
        footer.contains("? help") && footer.contains("q quit"),
        "footer: {footer}"
    );
}

#[test]
fn tab_and_shift_tab_cycle_through_screens_and_wrap_around() {
    let mut h = Harness::new();
    let mut seen = vec![h.app.tab()];
    for _ in 0..5 {
        h.press("<tab>");
        seen.push(h.app.tab());
    }
    assert_eq!(
        seen,
        vec![
            Tab::Home,
            Tab::Guides,
            Tab::Cards,
            Tab::Stories,
            Tab::Practice,
            Tab::Home
        ]
    );
    h.press("<s-tab>");
    assert_eq!(h.app.tab(), Tab::Practice);
    h.press("<s-tab><s-tab>");
    assert_eq!(h.app.tab(), Tab::Cards);
}

/// A user new to terminals pressed Esc to get out of Guides and Cards and read "That key does
/// nothing here". On a screen with no use for Esc, it goes back to Home; where a screen uses Esc
/// (a search open), that comes first.
#[test]
fn esc_on_a_screen_that_does_not_use_it_goes_back_to_home() {
    let mut h = Harness::new();
    for tab in [Tab::Guides, Tab::Cards, Tab::Stories, Tab::Practice] {
        h.app.update(Action::GoTo(tab));
        h.press("<esc>");
        assert_eq!(h.app.tab(), Tab::Home, "{tab:?}");
        assert!(!h.status().contains("does nothing"), "{}", h.status());
    }
    h.app.update(Action::GoTo(Tab::Guides));
    h.press("/gait");
    h.press("<esc>");
    assert_eq!(h.app.tab(), Tab::Guides, "Esc closes the search first");
    h.app.update(Action::GoTo(Tab::Guides));
    h.press("?");
    assert!(h.screen(100, 40).contains("back to Home"), "help lists it");
    h.press("<esc>");
    // From a guide opened by a search hit, Esc goes back to the results, then to the guide, then
    // Home: a regression walk's Esc went straight Home from the hit.
    h.app.update(Action::GoTo(Tab::Guides));
    h.press("/gait belt<enter>");
    assert!(
        h.screen(100, 30).contains("Esc results"),
        "{}",
        h.screen(100, 30)
    );
    h.press("<esc>");
    assert!(h.screen(100, 30).contains("gait belt"), "the results again");
    assert_eq!(h.app.tab(), Tab::Guides);
    h.press("<esc><esc>");
    assert_eq!(h.app.tab(), Tab::Home);
    // A filter on the decks is cleared first, as on Stories.
    h.app.update(Action::GoTo(Tab::Cards));
    h.press("c");
    assert!(
        h.screen(100, 30).contains("x clears"),
        "{}",
        h.screen(100, 30)
    );
    h.press("<esc>");
    assert_eq!(h.app.tab(), Tab::Cards);
    assert!(
        !h.screen(100, 30).contains("x clears"),
        "{}",
        h.screen(100, 30)
    );
    h.press("<esc>");
    assert_eq!(h.app.tab(), Tab::Home);
}

#[test]
fn help_lists_every_key_of_the_screen_and_the_quit_key_then_esc_closes_it() {
    let mut h = Harness::new();
    for _ in 0..Tab::ALL.len() {
        let sections = h.app.keymap_beneath().help();
        h.press("?");
        assert!(h.app.help_open());
        let screen = h.screen(120, 60);
        for row in sections.iter().flat_map(|s| s.rows.iter()) {
            assert!(
                screen.contains(&row.keys) && screen.contains(row.text),
                "help on {:?} lacks {} {}",
                h.app.tab(),
                row.keys,
                row.text
            );
        }
        assert!(screen.contains("q/Ctrl-C"), "help must name the quit keys");
        h.press("<esc>");
        assert!(!h.app.help_open());
        h.press("<tab>");
    }
}

#[test]
fn q_quits_and_so_does_ctrl_c() {
    let mut h = Harness::new();
    h.press("q");
    assert!(h.app.should_quit());
    let mut h = Harness::new();
    h.press("<c-c>");
    assert!(h.app.should_quit());
}

#[test]
fn key_releases_are_ignored() {
    let mut h = Harness::new();
    let mut ev = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    ev.kind = KeyEventKind::Release;
    h.app.handle_event(Event::Key(ev));
    assert_eq!(h.app.tab(), Tab::Home);
}

#[test]
fn a_dead_key_tells_the_user_where_to_find_help() {
    let mut h = Harness::new();
    h.press("z");
    assert!(h.screen(80, 24).contains("Press ? to see the keys"));
}

#[test]
fn the_dead_key_hint_goes_once_a_key_works() {
    let mut h = Harness::new();
    h.press("z");
    assert!(h.screen(80, 24).contains("That key does nothing here"));
    // Moving down Home's checklist works, so the line no longer speaks of it.
    h.press("<down>");
    assert!(
        !h.screen(80, 24).contains("does nothing"),
        "{}",
        h.screen(80, 24)
    );
    // A message a key's work left stays while other keys work.
    h.press("m");
    let said = h.app.status().map(|s| s.text.clone());
    assert!(
        said.as_ref().is_some_and(|s| s.contains("every role")),
        "{said:?}"
    );
    h.press("<down>");
    assert_eq!(h.app.status().map(|s| s.text.clone()), said);
}

#[test]
fn a_small_window_asks_to_be_made_bigger_and_q_still_quits() {
    let mut h = Harness::new();
    let s = h.screen(59, 15);
    assert!(s.contains("Window too small"), "{s}");
    assert!(s.contains("q to quit"));
    h.press("q");
    assert!(h.app.should_quit());
}

#[test]
fn words_typed_into_a_story_in_a_squeezed_window_are_kept_and_q_is_a_letter() {
    // A persona walk typed "que" into a story while the window was squeezed: the app quit on the
    // q and the letters before it were dropped.
    let mut h = Harness::new();
    h.press("<s-tab><s-tab>n");
    h.type_text("Calming a child");
    assert!(h.typing(), "the new story's title has focus");
    let tiny = h.screen(30, 8);
    assert!(tiny.contains("Ctrl-C to quit"), "{tiny}");
    assert!(!tiny.contains("q to quit"), "{tiny}");
    h.type_text(" que sí, ñandú 🙂");
    h.paste(" (pasted)");
    h.press("<bs>");
    // Blind, keys that would move on to what cannot be seen do nothing.
    h.press("<enter><tab><esc><c-s>");
    assert!(!h.app.should_quit(), "q is a letter in a text field");
    let back = h.screen(80, 24);
    assert!(
        back.contains("Calming a child que sí, ñandú 🙂 (pasted"),
        "every word typed blind is in the title: {back}"
    );
    assert!(h.typing(), "still in the title, as before the squeeze");
    h.screen(30, 8);
    h.press("<c-c>");
    assert!(h.app.should_quit(), "Ctrl-C quits, as the message says");
}

#[test]
fn keys_pressed_in_a_window_too_small_to_see_change_nothing() {
    // Studying cards, the window is squeezed: a card shown face down cannot be graded blind.
    let mut h = Harness::new();
    h.press("<tab><tab><enter>");
    let before = h.screen(80, 24);
    let tiny = h.screen(20, 5);
    assert!(tiny.contains("too small"), "{tiny}");
    h.press("<space>1<tab><enter>x<s-tab>");
    h.paste("pasted text");
    h.app.handle_event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 1,
        row: 1,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(h.status(), "", "no hint the user cannot read either");
    assert_eq!(
        h.file("reviews.log").unwrap_or_default(),
        "",
        "nothing graded"
    );
    assert_eq!(
        h.screen(80, 24),
        before,
        "back at full size, all is as it was"
    );
    // Quitting still works, as the message says.
    h.screen(20, 5);
    h.press("q");
    assert!(h.app.should_quit());
}

#[test]
fn clicking_a_tab_opens_it() {
    let mut h = Harness::new();
    let buf = h.render(100, 30);
    let (x, y) = find(&buf, "Stories").unwrap();
    h.app.handle_event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x + 1,
        row: y,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(h.app.tab(), Tab::Stories);
}

#[test]
fn active_tab_is_drawn_bold_and_reversed() {
    let mut h = Harness::new();
    h.press("<tab>");
    let buf = h.render(80, 24);
    let (x, y) = find(&buf, "Guides").unwrap();
    let style = buf[(x, y)].style();
    assert!(
        style.add_modifier.contains(Modifier::REVERSED)
            && style.add_modifier.contains(Modifier::BOLD)
    );
    let (hx, hy) = find(&buf, "Home").unwrap();
    assert!(
        !buf[(hx, hy)]
            .style()
            .add_modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn every_screen_matches_its_snapshot_at_80x24_and_120x40() {
    let mut h = Harness::new();
    let dir = h.dir.path().display().to_string();
    for tab in Tab::ALL {
        h.app.update(Action::GoTo(tab));
        for (w, ht) in [(80, 24), (120, 40)] {
            let screen = h.screen(w, ht).replace(&dir, "[DATA]");
            insta::assert_snapshot!(format!("{}_{w}x{ht}", tab.title().to_lowercase()), screen);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_size_from_1x1_to_300x100_draws_without_panic(w in 1u16..=300, ht in 1u16..=100, tab in 0usize..5, help in any::<bool>()) {
        let mut h = Harness::new();
        h.app.update(Action::GoTo(Tab::ALL[tab]));
        if help { h.press("?"); }
        let buf = h.render(w, ht);
        prop_assert_eq!(buf.area.width, w);
        prop_assert!(!buffer_text(&buf).is_empty());
    }
}

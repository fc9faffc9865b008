//! Help tells the truth: in every screen state a user can reach, the help overlay lists exactly the
//! keys that work, each with what it does, as dispatch sees them; the footer offers only keys that
//! work; and inside help, q and Esc close it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::kit::{Action, HelpRow, Keymap};
use common::states::{self, State};
use common::{Harness, find};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;

/// Reads a key name as help writes it, without the app's own code: "k", "Space", "↑", "Ctrl-S",
/// "Shift-Tab", "F1". `shift_arrow` carries a modifier over from the name before ("Shift-←/→").
fn parse_name(name: &str, carried: KeyModifiers) -> KeyEvent {
    let (mods, base) = if let Some(rest) = name.strip_prefix("Ctrl-") {
        (KeyModifiers::CONTROL, rest)
    } else if let Some(rest) = name.strip_prefix("Shift-").filter(|r| *r != "Tab") {
        (KeyModifiers::SHIFT, rest)
    } else if let Some(rest) = name.strip_prefix("Alt-") {
        (KeyModifiers::ALT, rest)
    } else {
        (KeyModifiers::NONE, name)
    };
    let code = match base {
        "Space" => KeyCode::Char(' '),
        "↑" => KeyCode::Up,
        "↓" => KeyCode::Down,
        "←" => KeyCode::Left,
        "→" => KeyCode::Right,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "Shift-Tab" => KeyCode::BackTab,
        "Backspace" => KeyCode::Backspace,
        "Delete" => KeyCode::Delete,
        f if f.starts_with('F') && f.len() > 1 => KeyCode::F(f[1..].parse().expect(f)),
        c if c.chars().count() == 1 => {
            let ch = c.chars().next().unwrap();
            KeyCode::Char(if mods == KeyModifiers::CONTROL {
                ch.to_ascii_lowercase()
            } else {
                ch
            })
        }
        other => panic!("help names a key this test cannot read: {other:?}"),
    };
    let arrow = matches!(
        code,
        KeyCode::Up | KeyCode::Down | KeyCode::Left | KeyCode::Right
    );
    let mods = if mods == KeyModifiers::NONE && arrow {
        carried
    } else {
        mods
    };
    KeyEvent::new(code, mods)
}

/// Every key named in a label: "↑/k", "Shift-←/→", "a–d" (a range), "/" (the slash key itself).
fn parse_label(label: &str) -> Vec<KeyEvent> {
    if label == "/" {
        return vec![KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE)];
    }
    let mut out = Vec::new();
    let mut carried = KeyModifiers::NONE;
    for name in label.split('/') {
        let chars: Vec<char> = name.chars().collect();
        if chars.len() == 3 && chars[1] == '–' {
            for c in chars[0]..=chars[2] {
                out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            }
            continue;
        }
        let ev = parse_name(name, carried);
        carried = if ev.code == KeyCode::BackTab {
            KeyModifiers::NONE
        } else {
            ev.modifiers
        };
        out.push(ev);
    }
    out
}

/// The text inside the help box, one string a row.
fn help_box(buf: &Buffer) -> Vec<String> {
    let (x0, y0) = find(buf, "┌ Help").expect("the help box");
    let right = (x0..buf.area.width)
        .find(|x| buf[(*x, y0)].symbol() == "┐")
        .expect("its right corner");
    (y0 + 1..buf.area.height)
        .take_while(|y| buf[(x0, *y)].symbol() == "│")
        .map(|y| (x0 + 1..right).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// The rows of the help overlay for the keys in force beneath it.
fn rows(keymap: &Keymap) -> Vec<HelpRow> {
    keymap.help().into_iter().flat_map(|s| s.rows).collect()
}

/// Checks one state: the help rows against dispatch both ways, the overlay against the rows, the
/// footer against dispatch, and that q or Esc closes help without leaving the state.
fn check(state: &State) {
    let mut h = Harness::new();
    (state.reach)(&mut h);
    let name = state.name;
    let keymap = h.app.keymap_beneath();
    let rows = rows(&keymap);
    assert!(!rows.is_empty(), "{name}: no help");

    // Each key a row names does what the row says: its binding's action, or typing for keys the
    // field handles itself. The names are read back from the text the user sees.
    for row in rows.iter().filter(|r| !r.live.is_empty()) {
        let named = parse_label(&row.keys);
        let live: Vec<KeyEvent> = row.live.iter().map(|k| k.event()).collect();
        assert_eq!(named, live, "{name}: row {:?} names other keys", row.keys);
        for ev in named {
            let got = keymap.dispatch(&ev).map(|d| d.action);
            let want = row.action.clone().unwrap_or(Action::Edit(ev));
            assert_eq!(got, Some(want), "{name}: {} ({})", row.keys, row.text);
        }
    }

    // Each key bound anywhere in the keymap is listed in the row of the binding it reaches.
    for b in keymap.groups.iter().flat_map(|g| g.bindings.iter()) {
        for k in b.keys {
            let ev = k.event();
            let Some(first) = keymap.binding_for(&ev) else {
                // No binding takes it: a key the field handles itself, listed as such.
                if b.typed && keymap.typing.is_some() {
                    let listed = rows
                        .iter()
                        .any(|r| r.action.is_none() && parse_label(&r.keys).contains(&ev));
                    assert!(listed, "{name}: typing key {} is not in help", k.name());
                }
                continue;
            };
            if b.typed {
                // A field's own key that a binding takes first (Shift-↑ is ↑ to the keymap, which
                // ignores Shift on arrows): help lists it under neither, as it does nothing new.
                continue;
            }
            let listed = rows.iter().any(|r| {
                r.text == first.help && parse_label(&r.keys).contains(&ev) && r.action.is_some()
            });
            assert!(
                listed,
                "{name}: {} ({}) is not in help",
                k.name(),
                first.help
            );
        }
    }

    // The footer offers only keys that work.
    for b in h.app.keymap().footer() {
        for ev in parse_label(b.label) {
            let d = h.app.keymap().dispatch(&ev).map(|d| d.action);
            assert!(
                matches!(d, Some(ref a) if !matches!(a, Action::Edit(_))),
                "{name}: the footer offers {} but it does {d:?}",
                b.label
            );
        }
    }

    // The overlay shows every row, keys and the start of the text on one line.
    h.press("<f1>");
    assert!(h.app.help_open(), "{name}: F1 opens help");
    let screen = help_box(&h.render(120, 90));
    for row in &rows {
        let first_words: String = row.text.split(' ').take(2).collect::<Vec<_>>().join(" ");
        let shown = screen.iter().any(|l| {
            let l = l.trim();
            l.starts_with(&row.keys) && l[row.keys.len()..].trim_start().starts_with(&first_words)
        });
        assert!(
            shown,
            "{name}: help does not show {} {}\n{}",
            row.keys,
            row.text,
            screen.join("\n")
        );
    }

    // Inside help, q closes help and never quits; the state beneath is unchanged.
    h.press("q");
    assert!(!h.app.help_open(), "{name}: q closes help");
    assert!(!h.app.should_quit(), "{name}: q in help must not quit");
    let after = h.app.keymap_beneath();
    let titles = |k: &Keymap| k.groups.iter().map(|g| g.title).collect::<Vec<_>>();
    assert_eq!(
        titles(&after),
        titles(&keymap),
        "{name}: help changed the state"
    );
    h.press("<f1><esc>");
    assert!(!h.app.help_open(), "{name}: Esc closes help");
}

#[test]
fn help_in_every_state_lists_exactly_the_keys_that_work() {
    let all = states::all();
    assert!(all.len() >= 30, "{} states", all.len());
    for state in &all {
        check(state);
    }
}

#[test]
fn question_mark_opens_help_wherever_no_field_takes_text() {
    for state in states::all() {
        let mut h = Harness::new();
        (state.reach)(&mut h);
        if h.typing() {
            continue;
        }
        h.press("?");
        assert!(h.app.help_open(), "{}: ? opens help", state.name);
    }
}

#[test]
fn help_opened_from_the_story_editor_closes_back_to_the_text() {
    let mut h = Harness::new();
    h.press("<s-tab><s-tab>n");
    h.type_text("Fall");
    h.press("<f1>");
    assert!(h.app.help_open());
    let help = h.screen(80, 24);
    assert!(
        !help.contains("next screen"),
        "Tab does not switch screens while typing\n{help}"
    );
    assert!(help.contains("next field"), "{help}");
    h.press("q");
    assert!(!h.app.should_quit() && !h.app.help_open());
    h.type_text("s");
    assert_eq!(h.app.open_story().map(|s| s.title.as_str()), Some("Falls"));
}

#[test]
fn the_review_footer_names_the_grade_enter_gives() {
    let mut h = Harness::new();
    h.press("<tab><tab><enter><space>");
    let footer = h.screen(80, 24).lines().last().unwrap().to_string();
    assert!(footer.contains("Enter Good"), "{footer}");
}

#[test]
fn help_scrolls_to_its_end_and_no_further_in_a_small_window() {
    let mut h = Harness::new();
    h.press("<s-tab><s-tab>n<f1>");
    h.render(60, 16);
    for _ in 0..200 {
        h.press("<down>");
    }
    let bottom = h.screen(60, 16);
    assert!(bottom.contains("Mouse"), "the last line shows\n{bottom}");
    h.press("<up>");
    let one_up = h.screen(60, 16);
    assert_ne!(one_up, bottom, "one step up moves at once, not after 200");
}

#[test]
fn the_label_reader_reads_what_help_writes() {
    let k = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(parse_label("↑/k")[1], k('k'));
    assert_eq!(parse_label("a–c"), vec![k('a'), k('b'), k('c')]);
    assert_eq!(
        parse_label("Shift-←/→")[1],
        KeyEvent::new(KeyCode::Right, KeyModifiers::SHIFT)
    );
    assert_eq!(
        parse_label("q/Ctrl-C")[1],
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
    );
    assert_eq!(parse_label("Shift-Tab")[0].code, KeyCode::BackTab);
}

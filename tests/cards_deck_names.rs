//! The deck list's names when the name column is narrow: a name that does not fit ends at a whole
//! word with " …", a role's deck goes by the role's short name ("OTA"), and no two decks read the
//! same.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use common::Harness;

/// The name cell of the highlighted row of the deck list at `w`×`h`: the cells after the cursor's
/// "› " up to the New column (whose right-aligned header "New" is five columns wide).
fn highlighted_name(h: &mut Harness, w: u16, ht: u16) -> String {
    let screen = h.screen(w, ht);
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let header = rows
        .iter()
        .find(|r| r.starts_with(&['│', ' ', ' ', ' ', 'D', 'e', 'c', 'k']))
        .unwrap_or_else(|| panic!("no deck list header in\n{screen}"));
    let new = (0..header.len())
        .find(|&x| header[x..].starts_with(&['N', 'e', 'w']))
        .expect("the New column");
    // "│ › " comes first; the name column ends one space of column spacing before New's column.
    let end = new - 2 - 1;
    let row = rows
        .iter()
        .find(|r| r.get(2) == Some(&'›'))
        .unwrap_or_else(|| panic!("no highlighted deck in\n{screen}"));
    row[4..end].iter().collect::<String>().trim().to_string()
}

/// Every deck's name as the list shows it at `w`×`h`, top to bottom, read by moving the cursor
/// down through all of them (at the last deck, Down changes nothing on screen).
fn names(h: &mut Harness, w: u16, ht: u16) -> Vec<String> {
    h.press("<home>");
    let mut out = vec![highlighted_name(h, w, ht)];
    let mut screen = h.screen(w, ht);
    loop {
        h.press("<down>");
        let next = h.screen(w, ht);
        if next == screen {
            return out;
        }
        out.push(highlighted_name(h, w, ht));
        screen = next;
        assert!(out.len() < 200, "the cursor never stops");
    }
}

fn on_cards() -> Harness {
    let mut h = Harness::new();
    h.press("<tab><tab>");
    h
}

#[test]
fn narrow_deck_names_end_at_a_whole_word_and_roles_go_by_their_short_names() {
    let mut h = on_cards();
    // Wide enough for every name whole.
    let full = names(&mut h, 200, 60);
    assert!(
        full.contains(&"Physical therapy aide / technician".to_string()),
        "{full:?}"
    );
    let lib = h.app.data().library();
    let roles: Vec<(String, String)> = lib
        .roles
        .iter()
        .map(|r| (r.name.clone(), r.short.clone()))
        .collect();
    assert_eq!(roles.len(), 4);
    for (w, ht) in [(60, 16), (120, 40)] {
        let shown = names(&mut h, w, ht);
        assert_eq!(shown.len(), full.len(), "{w}x{ht}: {shown:?}");
        for (name, whole) in shown.iter().zip(&full) {
            let role = roles.iter().find(|(n, _)| n == whole);
            // The whole name, the role's short name, the topic alone ("Questions · " left
            // out), or whole words of either ending in " …".
            let fits = name == whole
                || whole.ends_with(&format!(" · {name}"))
                || role.is_some_and(|(_, short)| name == short)
                || name.strip_suffix(" …").is_some_and(|kept| {
                    !kept.ends_with('·') && whole.contains(&format!("{kept} "))
                });
            assert!(fits, "{w}x{ht}: “{name}” for “{whole}” ends mid-word");
        }
        let mut distinct = shown.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(
            distinct.len(),
            shown.len(),
            "{w}x{ht}: two decks read the same: {shown:?}"
        );
    }
    // At 60 wide no role's name fits: each goes by its short name, so OT aide and OTA differ.
    let narrow = names(&mut h, 60, 16);
    for (name, short) in &roles {
        let i = full
            .iter()
            .position(|f| f == name)
            .expect("a deck per role");
        assert_eq!(&narrow[i], short, "{narrow:?}");
    }
    // At 120×40, beside the deck's details, the long ones are shortened too.
    let wide = names(&mut h, 120, 40);
    assert!(wide.contains(&"PT aide".to_string()), "{wide:?}");
    assert!(
        wide.contains(&"Questions · Administrative and …".to_string()),
        "{wide:?}"
    );
}

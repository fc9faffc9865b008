use super::*;

fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn keys_the_keymap_owns_never_reach_the_text() {
    let mut f = TextField::new(Lines::Many, "");
    for k in [
        press(KeyCode::Tab, KeyModifiers::NONE),
        press(KeyCode::BackTab, KeyModifiers::SHIFT),
        press(KeyCode::Esc, KeyModifiers::NONE),
        press(KeyCode::Char('s'), KeyModifiers::CONTROL),
    ] {
        assert!(!f.key(k), "{k:?}");
    }
    assert_eq!(f.text(), "");
    assert!(f.key(press(KeyCode::Char('a'), KeyModifiers::NONE)));
    assert!(f.key(press(KeyCode::Enter, KeyModifiers::NONE)));
    assert_eq!(
        f.text(),
        "a\n",
        "Enter is a new line where there are several"
    );
}

#[test]
fn a_selected_query_is_replaced_by_typing_and_kept_by_an_arrow() {
    let key = |c| press(KeyCode::Char(c), KeyModifiers::NONE);
    let mut f = TextField::with_text(Lines::One, "", "gait belt");
    f.select_all();
    assert!(f.key(key('s')));
    assert_eq!(f.text(), "s", "the first letter replaces the selection");

    let mut f = TextField::with_text(Lines::One, "", "gait belt");
    f.select_all();
    f.key(press(KeyCode::Right, KeyModifiers::NONE));
    f.key(key('s'));
    assert_eq!(f.text(), "gait belts", "an arrow ends the selection");

    let mut f = TextField::with_text(Lines::One, "", "gait belt");
    f.select_all();
    f.key(press(KeyCode::Backspace, KeyModifiers::NONE));
    assert_eq!(f.text(), "", "Backspace deletes the selection");

    let mut f = TextField::new(Lines::One, "");
    f.select_all();
    assert!(!f.area().is_selecting(), "nothing to select");
}

#[test]
fn an_offered_date_is_replaced_by_a_letter_and_edited_by_backspace() {
    let key = |c| press(KeyCode::Char(c), KeyModifiers::NONE);
    let offered = || {
        let mut f = TextField::with_text(Lines::One, "", "12/17/2026 10:00 AM");
        f.offer_for_replacing();
        assert!(f.is_offered());
        f
    };
    let mut f = offered();
    for c in "Dec 18".chars() {
        f.key(key(c));
    }
    assert_eq!(
        f.text(),
        "Dec 18",
        "the first letter replaces it, the rest follow"
    );
    assert!(!f.is_offered());

    let mut f = offered();
    f.key(press(KeyCode::Backspace, KeyModifiers::NONE));
    f.key(press(KeyCode::Backspace, KeyModifiers::NONE));
    f.key(key('P'));
    f.key(key('M'));
    assert_eq!(
        f.text(),
        "12/17/2026 10:00 PM",
        "Backspace edits, and ends the offer"
    );

    let mut f = offered();
    f.key(press(KeyCode::Left, KeyModifiers::NONE));
    f.key(key('x'));
    assert_eq!(f.text(), "12/17/2026 10:00 AxM", "an arrow keeps it too");

    let mut f = offered();
    assert!(!f.key(press(KeyCode::Esc, KeyModifiers::NONE)));
    assert!(
        f.is_offered(),
        "a key the keymap owns does not end the offer"
    );
    f.paste("1/8");
    assert_eq!(f.text(), "1/8", "a paste replaces it");

    let mut f = offered();
    f.key(press(KeyCode::Char('a'), KeyModifiers::CONTROL));
    f.key(key('x'));
    assert!(
        f.text().contains("12/17/2026"),
        "a control key is not a letter"
    );

    let mut f = TextField::new(Lines::One, "");
    f.offer_for_replacing();
    assert!(!f.is_offered(), "nothing to offer");
}

#[test]
fn one_undo_takes_back_a_typed_word_or_a_whole_paste() {
    let mut f = TextField::new(Lines::Many, "");
    for c in "I took over".chars() {
        f.key(press(KeyCode::Char(c), KeyModifiers::NONE));
    }
    f.paste(" check-in and the phones");
    f.area_mut().undo();
    assert_eq!(f.text(), "I took over");
    f.area_mut().undo();
    assert_eq!(f.text(), "I took ");
}

#[test]
fn offsets_map_to_the_cursor_across_lines_and_wide_characters() {
    let mut f = TextField::with_text(Lines::Many, "", "Café 🙂\nsecond line");
    assert_eq!(f.cursor_offset(), f.text().len());
    let at = f.text().find("line").unwrap();
    f.set_cursor_offset(at);
    assert_eq!(f.area().cursor(), (1, 7));
    assert_eq!(f.cursor_offset(), at);
    f.set_cursor_offset(10);
    assert_eq!(f.area().cursor(), (0, 6), "after the emoji");
    f.set_cursor_offset(8);
    assert_eq!(f.cursor_offset(), 6, "inside a character: its start");
}

#[test]
fn a_replacement_is_one_undo_step_and_leaves_the_cursor_after_it() {
    let mut f = TextField::with_text(Lines::Many, "", "Busy day.\nI helped with the transfers.");
    let start = f.text().find("helped with").unwrap();
    assert!(f.replace(start, start + "helped with".len(), "guided"));
    assert_eq!(f.text(), "Busy day.\nI guided the transfers.");
    assert_eq!(f.cursor_offset(), start + "guided".len());
    assert!(!f.replace(start, start + 6, "guided"), "no change, no step");
    f.area_mut().undo();
    assert_eq!(f.text(), "Busy day.\nI helped with the transfers.");
}

#[test]
fn marks_are_split_onto_the_lines_they_fall_on() {
    let mut f = TextField::with_text(Lines::Many, "", "ab\ncd");
    let s = Style::new();
    f.set_marks(&[(1, 4, s), (4, 5, s)]);
    let got: Vec<_> = f
        .area()
        .highlights()
        .iter()
        .map(|(row, r, _)| (*row, r.clone()))
        .collect();
    assert_eq!(got, [(0, 1..2), (1, 0..1), (1, 1..2)]);
}

#[test]
fn a_one_line_field_takes_no_line_break_typed_or_pasted() {
    let mut f = TextField::with_text(Lines::One, "", "ab");
    assert!(!f.key(press(KeyCode::Enter, KeyModifiers::NONE)));
    assert!(!f.key(press(KeyCode::Char('\n'), KeyModifiers::NONE)));
    f.paste("c\nd\u{1b}[31m");
    assert_eq!(f.text(), "abc d[31m");
    f.clear();
    assert_eq!(f.text(), "");
}

#[test]
fn an_emptied_field_still_wraps_and_undoes_by_the_word() {
    let mut f = TextField::with_text(Lines::Many, "say it", "old text");
    f.area_mut()
        .set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    f.area_mut().set_max_histories(1000);
    f.clear();
    assert_eq!(f.text(), "");
    assert_eq!(
        f.area().wrap_mode(),
        ratatui_textarea::WrapMode::WordOrGlyph
    );
    assert!(f.area().word_undo());
    assert_eq!(f.area().max_histories(), 1000);
    // Drawn: a long line wraps onto the next row instead of scrolling sideways.
    f.paste("one two three four five six seven");
    let mut buf = Buffer::empty(Rect::new(0, 0, 12, 4));
    (&f).render(Rect::new(0, 0, 12, 4), &mut buf);
    let row = |y: u16| -> String {
        (0..12)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect::<String>()
    };
    assert_eq!(row(0).trim_end(), "one two");
    assert!(row(1).starts_with("three four"), "{:?}", row(1));
}

#[test]
fn blanks_are_brackets_closed_on_their_line() {
    let text = "I'm a [job] at [where], ok [not\nclosed] and [a [b] and [end]";
    let found: Vec<&str> = blanks(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(found, ["[job]", "[where]", "[b]", "[end]"]);
    assert!(blanks("no blanks ] here [").is_empty());
}

#[test]
fn select_blank_goes_forward_and_back_round_the_ends_and_typing_replaces_it() {
    let mut f = TextField::with_text(Lines::Many, "", "Señora [one] é\n[two] and [three]");
    assert!(f.select_blank(true), "from the end, round to the first");
    f.key(KeyEvent::from(KeyCode::Char('Ñ')));
    assert_eq!(f.text(), "Señora Ñ é\n[two] and [three]");
    assert!(f.select_blank(true));
    assert!(f.select_blank(true));
    f.key(KeyEvent::from(KeyCode::Char('3')));
    assert_eq!(f.text(), "Señora Ñ é\n[two] and 3");
    assert!(f.select_blank(false), "back from the cursor: [two]");
    f.paste("dos");
    assert_eq!(f.text(), "Señora Ñ é\ndos and 3");
    assert!(!f.select_blank(true), "none left");
    assert!(!f.select_blank(false));
}

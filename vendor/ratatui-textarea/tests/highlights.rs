// Patched (clinicprep): styled ranges set by `TextArea::set_highlights`.

use ratatui_core::buffer::Buffer;
use ratatui_core::layout::Rect;
use ratatui_core::style::{Color, Modifier, Style};
use ratatui_core::widgets::Widget as _;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

fn render(t: &TextArea<'_>, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    t.render(area, &mut buf);
    buf
}

/// The cells of row `y` drawn in `style`'s foreground, as text.
fn marked(buf: &Buffer, y: u16, fg: Color) -> String {
    (0..buf.area.width)
        .filter(|&x| buf[(x, y)].fg == fg)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

fn mark() -> Style {
    Style::default()
        .fg(Color::Red)
        .add_modifier(Modifier::UNDERLINED)
}

fn plain(text: &[&str]) -> TextArea<'static> {
    let mut t = TextArea::from(text.iter().map(|s| s.to_string()));
    t.set_cursor_line_style(Style::default());
    t.move_cursor(CursorMove::Bottom);
    t.move_cursor(CursorMove::End);
    t
}

#[test]
fn ranges_are_drawn_in_their_style_on_their_row() {
    let mut t = plain(&["I helped with it", "we moved the mat"]);
    t.set_highlights(vec![(1, 0..2, mark()), (0, 2..13, mark())]);
    let buf = render(&t, 20, 2);
    assert_eq!(marked(&buf, 0, Color::Red), "helped with");
    assert_eq!(marked(&buf, 1, Color::Red), "we");
    assert!(buf[(2, 0)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buf[(1, 0)].modifier.contains(Modifier::UNDERLINED));
    assert_eq!(t.highlights()[0].0, 0, "sorted by row");
}

#[test]
fn a_range_follows_the_text_across_wrapped_rows() {
    let mut t = plain(&["aaaa bbbb cccc dddd"]);
    t.set_wrap_mode(WrapMode::Word);
    // "bbbb cccc" wraps: "aaaa bbbb " on the first row, "cccc dddd" on the second.
    t.set_highlights(vec![(0, 5..14, mark())]);
    let buf = render(&t, 10, 2);
    assert_eq!(marked(&buf, 0, Color::Red), "bbbb ");
    assert_eq!(marked(&buf, 1, Color::Red), "cccc");
}

#[test]
fn wide_characters_and_stale_ranges_are_safe() {
    let mut t = plain(&["日本 um 語"]);
    // Byte offsets: 日 0..3, 本 3..6, space, "um" 7..9.
    t.set_highlights(vec![
        (0, 7..9, mark()),
        (0, 1..2, mark()),
        (5, 0..3, mark()),
    ]);
    let buf = render(&t, 12, 1);
    assert_eq!(
        marked(&buf, 0, Color::Red),
        "um",
        "mid-character and missing rows are skipped"
    );
    t.set_highlights(vec![(0, 3..400, mark())]);
    let buf = render(&t, 12, 1);
    assert_eq!(
        marked(&buf, 0, Color::Red),
        "本 um 語",
        "a range past the end stops there"
    );
}

#[test]
fn the_cursor_and_a_selection_are_drawn_over_a_range() {
    let mut t = plain(&["one two three"]);
    t.set_highlights(vec![(0, 4..7, mark())]);
    t.move_cursor(CursorMove::Jump(0, 5));
    let buf = render(&t, 14, 1);
    assert_eq!(
        marked(&buf, 0, Color::Red),
        "to",
        "the cursor cell has the cursor style"
    );
    assert!(buf[(5, 0)].modifier.contains(Modifier::REVERSED));
    t.set_selection_style(Style::default().bg(Color::Blue));
    t.move_cursor(CursorMove::Jump(0, 0));
    t.start_selection();
    t.move_cursor(CursorMove::Jump(0, 3));
    let buf = render(&t, 14, 1);
    assert_eq!(buf[(0, 0)].bg, Color::Blue);
    assert_eq!(marked(&buf, 0, Color::Red), "two");
}

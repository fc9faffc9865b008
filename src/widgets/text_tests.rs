//! `draw_lines` and `draw_line` against ratatui's own `Paragraph` and `Line` on random text, styles,
//! areas and buffers that already hold something.

use super::*;
use proptest::prelude::*;
use ratatui::style::{Color, Modifier};
use ratatui::text::Span;

/// Pieces of text: what the screens write, and what must take ratatui's path (combining and wide
/// characters, emoji with a variation selector or joiner, control and format characters).
const PIECES: &[&str] = &[
    "a",
    "Z",
    "7",
    " ",
    "  ",
    "the ",
    "gait belt",
    ".",
    ",",
    "~",
    "(",
    "é",
    "ß",
    "·",
    "…",
    "—",
    "“",
    "”",
    "•",
    "›",
    "✓",
    "✗",
    "★",
    "☆",
    "▍",
    "│",
    "█",
    "●",
    "→",
    "×",
    "±",
    "e\u{301}",
    "日本",
    "👍",
    "☺\u{FE0F}",
    "a\u{200D}b",
    "\t",
    "\n",
    "\u{7}",
    "\u{AD}",
    "ﾞ",
    "\u{2028}",
    "क\u{94D}ष",
    "\u{200B}",
    "⌚",
    "⚡",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..12).prop_map(|p| p.concat())
}

fn style() -> impl Strategy<Value = Style> {
    let color = prop::option::of(prop::sample::select(vec![
        Color::Red,
        Color::Reset,
        Color::Indexed(8),
        Color::Rgb(1, 2, 3),
    ]));
    let modifier = prop::sample::select(vec![
        Modifier::empty(),
        Modifier::BOLD,
        Modifier::REVERSED | Modifier::DIM,
    ]);
    (color.clone(), color, modifier.clone(), modifier).prop_map(|(fg, bg, add, sub)| Style {
        fg,
        bg,
        add_modifier: add,
        sub_modifier: sub,
        ..Style::default()
    })
}

fn line() -> impl Strategy<Value = Line<'static>> {
    let alignment = prop::option::of(prop::sample::select(vec![
        Alignment::Left,
        Alignment::Center,
        Alignment::Right,
    ]));
    (
        prop::collection::vec((text(), style()), 0..5),
        style(),
        alignment,
    )
        .prop_map(|(spans, style, alignment)| {
            let mut line = Line::from(
                spans
                    .into_iter()
                    .map(|(t, s)| Span::styled(t, s))
                    .collect::<Vec<_>>(),
            )
            .style(style);
            line.alignment = alignment;
            line
        })
}

/// A buffer that already holds text (some of it wide) and styles, as after other widgets drew.
fn buffer() -> impl Strategy<Value = Buffer> {
    (0u16..3, 0u16..3, 1u16..30, 1u16..8, text(), style()).prop_map(|(x, y, w, h, fill, s)| {
        let mut buf = Buffer::empty(Rect::new(x, y, w, h));
        for row in y..y + h {
            buf.set_stringn(x, row, &fill, usize::from(w), s);
        }
        buf
    })
}

fn area() -> impl Strategy<Value = Rect> {
    (0u16..5, 0u16..5, 0u16..35, 0u16..10).prop_map(|(x, y, w, h)| Rect::new(x, y, w, h))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn lines_are_drawn_as_paragraph_draws_them(
        lines in prop::collection::vec(line(), 0..9),
        start in buffer(),
        area in area(),
    ) {
        let mut want = start.clone();
        Paragraph::new(lines.clone()).render(area, &mut want);
        let mut got = start;
        draw_lines(&lines, area, &mut got);
        prop_assert_eq!(got, want);
    }

    #[test]
    fn a_line_is_drawn_as_line_draws_itself(line in line(), start in buffer(), area in area()) {
        let mut want = start.clone();
        (&line).render(area, &mut want);
        let mut got = start;
        draw_line(&line, area, &mut got);
        prop_assert_eq!(got, want);
    }
}

#[test]
fn screen_text_takes_the_fast_path_and_the_rest_does_not() {
    let fast = Line::from(vec![
        Span::raw("• Gait belt — “checked” · 3/4 … ✓ ★ ▍│█● → "),
        Span::raw("Privacy: HIPAA, 10:30, 1,200 (é) ±"),
    ]);
    assert!(plain(&fast));
    for slow in ["e\u{301}", "日本", "👍", "☺\u{FE0F}", "\t", "\u{AD}", "⌚"] {
        assert!(!plain(&Line::raw(slow)), "{slow:?}");
    }
    assert!(!plain(&Line::raw("x").right_aligned()));
}

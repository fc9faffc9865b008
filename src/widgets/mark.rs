//! Marking words in a drawn document: the words a search matched, wherever they show.

use crate::widgets::doc::Doc;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// `s` lowercased a character at a time, so it lines up with the text it came from.
pub fn lower(s: &str) -> String {
    s.chars().map(fold).collect()
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Marks, in `style`, each of `words` (lowercase) where a word starts with it, on the lines of `doc`
/// in `lines` that show in `area` with the document scrolled to `scroll` (as [`Doc::window`]
/// clamps it).
pub fn mark(
    doc: &Doc,
    scroll: usize,
    lines: Range<usize>,
    words: &[String],
    area: Rect,
    style: Style,
    buf: &mut Buffer,
) {
    let h = usize::from(area.height);
    let top = scroll.min(doc.len().saturating_sub(h));
    for (row, li) in (top..(top + h).min(doc.len())).enumerate() {
        if !lines.contains(&li) {
            continue;
        }
        let Some(line) = doc.lines.get(li) else {
            continue;
        };
        let chars: Vec<char> = line
            .spans
            .iter()
            .flat_map(|s| s.content.chars())
            .map(fold)
            .collect();
        let y = area
            .y
            .saturating_add(u16::try_from(row).unwrap_or(u16::MAX));
        for word in words {
            let want: Vec<char> = word.chars().collect();
            for at in find_all(&chars, &want) {
                let col: usize = chars[..at].iter().map(|c| c.width().unwrap_or(0)).sum();
                let wide: usize = want.iter().map(|c| c.width().unwrap_or(0)).sum();
                for x in col..col + wide {
                    let Ok(x) = u16::try_from(x) else { break };
                    if x >= area.width {
                        break;
                    }
                    if let Some(cell) = buf.cell_mut((area.x + x, y)) {
                        cell.set_style(style);
                    }
                }
            }
        }
    }
}

/// Where `want` starts in `hay` at the start of a word, each time, not overlapping: "pay" in "pay
/// rates" and "payment", never in "repay".
fn find_all(hay: &[char], want: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    if want.is_empty() || want.len() > hay.len() {
        return out;
    }
    let mut i = 0;
    while i + want.len() <= hay.len() {
        let starts_word = i == 0 || !hay[i - 1].is_alphanumeric();
        if starts_word && hay[i..i + want.len()] == *want {
            out.push(i);
            i += want.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    fn doc(text: &[&str]) -> Doc {
        let mut d = Doc::new(40);
        for t in text {
            d.text(t, Style::default());
        }
        d
    }

    #[test]
    fn marks_each_word_in_the_lines_given_and_nowhere_else() {
        let d = doc(&["Pay first.", "Aide pay is low; PAY varies.", "pay"]);
        let area = Rect::new(2, 1, 30, 3);
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 6));
        let hot = Style::default().fg(Color::Red).add_modifier(Modifier::BOLD);
        mark(&d, 0, 1..2, &["pay".into()], area, hot, &mut buf);
        let marked: Vec<(u16, u16)> = buf
            .content()
            .iter()
            .enumerate()
            .filter(|(_, c)| c.fg == Color::Red)
            .map(|(i, _)| ((i % 40) as u16, (i / 40) as u16))
            .collect();
        // Row 2 is doc line 1: "Aide pay is low; PAY varies." — "pay" at 5 and "PAY" at 17.
        let want: Vec<(u16, u16)> = (7..10).chain(19..22).map(|x| (x, 2)).collect();
        assert_eq!(marked, want);
    }

    #[test]
    fn a_scrolled_window_and_wide_letters_keep_the_marks_on_their_words() {
        let d = doc(&["one", "two", "天気 gait belt", "three"]);
        let area = Rect::new(0, 0, 20, 2);
        let mut buf = Buffer::empty(area);
        let hot = Style::default().fg(Color::Red);
        mark(&d, 2, 0..4, &["gait".into()], area, hot, &mut buf);
        // Scrolled to line 2: it is the first row; 天気 takes four columns and a space one.
        let row: Vec<bool> = (0..20).map(|x| buf[(x, 0)].fg == Color::Red).collect();
        assert_eq!(row.iter().position(|m| *m), Some(5));
        assert_eq!(row.iter().filter(|m| **m).count(), 4);
    }

    #[test]
    fn only_the_start_of_a_word_is_marked() {
        let d = doc(&["repay the pay, payment"]);
        let area = Rect::new(0, 0, 30, 1);
        let mut buf = Buffer::empty(area);
        let hot = Style::default().fg(Color::Red);
        mark(&d, 0, 0..1, &["pay".into()], area, hot, &mut buf);
        let row: String = (0..30)
            .map(|x| {
                if buf[(x, 0)].fg == Color::Red {
                    '^'
                } else {
                    ' '
                }
            })
            .collect();
        assert_eq!(row.trim_end(), "          ^^^  ^^^");
    }

    #[test]
    fn a_tiny_area_or_a_word_longer_than_the_line_is_safe() {
        let d = doc(&["gait"]);
        let mut buf = Buffer::empty(Rect::new(0, 0, 1, 1));
        let hot = Style::default().fg(Color::Red);
        mark(
            &d,
            0,
            0..9,
            &["gait".into(), "gait belt".into(), String::new()],
            Rect::new(0, 0, 1, 1),
            hot,
            &mut buf,
        );
        assert_eq!(buf[(0, 0)].fg, Color::Red);
        mark(
            &d,
            5,
            0..1,
            &["g".into()],
            Rect::new(0, 0, 0, 0),
            hot,
            &mut buf,
        );
    }
}

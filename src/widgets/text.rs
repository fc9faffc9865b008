//! Drawing plain lines of text, cell for cell as ratatui's `Paragraph` and `Line` draw them, faster.
//!
//! Most of a frame's cost is text: ratatui splits every line into grapheme clusters, and the
//! segmentation costs tens of nanoseconds a character, so a full 200×50 screen of text takes a large
//! part of the 1 ms budget per key. Nearly all of the app's text is ASCII plus a few punctuation marks
//! and symbols, each of which is a grapheme of its own one cell wide whatever comes next to it. Lines
//! made only of such characters are written straight into the cells here; any other line (accents,
//! wide or combining characters, emoji, right-aligned lines) goes through ratatui itself. Both paths
//! give the same buffer: `text_tests.rs` checks it against ratatui on random text.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// Whether `c` is always a grapheme cluster of its own, one cell wide, and never dropped as a control
/// character. Printable ASCII, and from Latin-1 punctuation, general punctuation, arrows, maths, box
/// drawing, blocks, shapes, symbols and dingbats those one cell wide: none of these blocks holds a
/// character that joins a neighbour into one cluster (combining marks, joiners, prepended or spacing
/// marks, regional indicators), and the joiners and format characters of general punctuation
/// (U+200B–U+200F, U+2028–U+202E, U+205F–U+206F) are left out.
fn one_cell(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' '..='~');
    }
    let block = matches!(c,
        '\u{A1}'..='\u{AC}' | '\u{AE}'..='\u{FF}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}'
        | '\u{2190}'..='\u{22FF}' | '\u{2500}'..='\u{27BF}');
    // The width ratatui gives a one-character grapheme is this `str` width.
    block && c.encode_utf8(&mut [0; 4]).width() == 1
}

/// True when every character of the line can be written one per cell, left to right.
fn plain(line: &Line) -> bool {
    matches!(line.alignment, None | Some(Alignment::Left))
        && line.spans.iter().all(|s| s.content.chars().all(one_cell))
}

/// Writes the characters of `line` from the left of row `area` (one row, inside the buffer), each
/// with its span's style patched onto `base`, up to the row's right edge.
fn write_plain(line: &Line, base: Style, area: Rect, buf: &mut Buffer) {
    let start = buf.index_of(area.x, area.y);
    let width = usize::from(area.width);
    let row = &mut buf.content[start..start + width];
    let mut cells = row.iter_mut();
    for span in &line.spans {
        let style = base.patch(span.style);
        for c in span.content.chars() {
            let Some(cell) = cells.next() else {
                return;
            };
            cell.set_char(c).set_style(style);
        }
    }
}

/// Draws `lines` from the top of `area`, one per row, cut at its right edge: the same cells as
/// `Paragraph::new(lines).render(area, buf)` with no wrapping, scrolling, block or style.
pub fn draw_lines(lines: &[Line], area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    for (line, y) in lines.iter().zip(area.y..area.bottom()) {
        let row = Rect {
            y,
            height: 1,
            ..area
        };
        if plain(line) {
            // Paragraph patches each span's style onto the line's, and leaves the rest of the row.
            write_plain(line, Style::default().patch(line.style), row, buf);
        } else {
            Paragraph::new(line.clone()).render(row, buf);
        }
    }
}

/// Draws `line` on the first row of `area`: the same cells as `line.render(area, buf)`.
pub fn draw_line(line: &Line, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    if !plain(line) {
        line.render(area, buf);
        return;
    }
    if line.spans.iter().all(|s| s.content.is_empty()) {
        return;
    }
    let row = Rect { height: 1, ..area };
    // Line paints its own style across the whole row, then each span's style over its characters.
    buf.set_style(row, line.style);
    write_plain(line, Style::default(), row, buf);
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;

//! Finds text cut mid-word by the edge of its box: a word that runs into a border or the window's
//! edge, or a word shortened with "…" straight after its letters ("un…").
//!
//! A row is split at box borders and scrollbars; in each part, two letters in the last two cells
//! before the border (or the window's right edge) mean a word ran into the edge, unless the last
//! few cells are a short phrase after three or more spaces (a right-aligned column: "just now").
//! So text laid out to stay whole keeps the last column before a border free (wrapped text that
//! fills a line exactly counts as cut: pad the box by a column), and a deliberate cut ends in " …"
//! after a whole word (`widgets::clip` does both).
//! "…" straight after a letter counts as a cut word when a space or the end of the row follows it
//! ("when…”" inside a quotation does not).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The help box's area in `buf`, if help is open: its border included.
pub fn help_box(buf: &Buffer) -> Option<Rect> {
    let (x, y) = super::find(buf, "┌ Help")?;
    let right = (x..buf.area.width).find(|c| buf[(*c, y)].symbol() == "┐")?;
    let bottom = (y..buf.area.height).find(|r| buf[(x, *r)].symbol() == "└")?;
    Some(Rect::new(x, y, right - x + 1, bottom - y + 1))
}

/// Characters that end a box on the right: borders, corners and scrollbar parts.
fn is_edge(s: &str) -> bool {
    matches!(
        s,
        "│" | "┃"
            | "║"
            | "┆"
            | "┇"
            | "┊"
            | "┋"
            | "╎"
            | "╏"
            | "┐"
            | "┤"
            | "┘"
            | "╮"
            | "╯"
            | "┌"
            | "├"
            | "└"
            | "╭"
            | "╰"
            | "─"
            | "━"
            | "═"
            | "▲"
            | "▼"
            | "█"
            | "┬"
            | "┴"
            | "┼"
    )
}

/// Widest a right-aligned column value may be ("2 days ago") and not count as text that ran on.
const RIGHT_COLUMN: usize = 12;

fn is_letter(s: &str) -> bool {
    let mut chars = s.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
}

/// One cut found: the row and the row's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CutWord {
    pub row: u16,
    pub text: String,
}

/// Every row of `buf` with a word cut by the edge of its box.
pub fn cut_words(buf: &Buffer) -> Vec<CutWord> {
    cut_words_in(buf, buf.area)
}

/// Every row of `area` in `buf` with a word cut by the edge of its box (an overlay's box, say,
/// leaving out the screen it covers, whose words it cuts by design).
pub fn cut_words_in(buf: &Buffer, area: Rect) -> Vec<CutWord> {
    let area = area.intersection(buf.area);
    let mut out = Vec::new();
    for y in area.top()..area.bottom() {
        // The row's cells as symbols, continuation cells of wide characters left out.
        let mut cells: Vec<&str> = Vec::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            let sym = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            cells.push(sym);
        }
        let before_edge = |i: usize| {
            if i < 2 || !is_letter(cells[i - 1]) || !is_letter(cells[i - 2]) {
                return false;
            }
            // A short phrase after a wide gap ("Changed", "just now") is a column aligned to
            // the right, not text that ran on.
            let gap_ends = (3..i)
                .rev()
                .find(|j| cells[j - 3..*j].iter().all(|c| *c == " "));
            gap_ends.is_none_or(|j| i - j > RIGHT_COLUMN)
        };
        let at_border = (0..cells.len()).any(|i| is_edge(cells[i]) && before_edge(i));
        let at_window = before_edge(cells.len());
        let ellipsis = (1..cells.len()).any(|i| {
            cells[i] == "…"
                && is_letter(cells[i - 1])
                && cells
                    .get(i + 1)
                    .is_none_or(|next| *next == " " || is_edge(next))
        });
        if at_border || at_window || ellipsis {
            out.push(CutWord {
                row: y,
                text: cells.concat().trim_end().to_string(),
            });
        }
    }
    out
}

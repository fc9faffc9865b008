//! Finds text cut mid-word by the edge of its box: a word that runs into a border or the window's
//! edge, or a word shortened with "…" straight after its letters ("un…").
//!
//! A row is split at box borders and scrollbars; in each part, two letters in the last two cells
//! before the border (or the window's right edge) mean a word ran into the edge. Text laid out to
//! stay whole leaves the last column free or ends in a space, digit or punctuation, so a deliberate
//! cut ends in " …" after a whole word, which passes.

use ratatui::buffer::Buffer;

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
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        // The row's cells as symbols, continuation cells of wide characters left out.
        let mut cells: Vec<&str> = Vec::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            cells.push(sym);
        }
        let before_edge = |i: usize| i >= 2 && is_letter(cells[i - 1]) && is_letter(cells[i - 2]);
        let at_border = (0..cells.len()).any(|i| is_edge(cells[i]) && before_edge(i));
        let at_window = before_edge(cells.len());
        let ellipsis = (1..cells.len()).any(|i| cells[i] == "…" && is_letter(cells[i - 1]));
        if at_border || at_window || ellipsis {
            out.push(CutWord {
                row: y,
                text: cells.concat().trim_end().to_string(),
            });
        }
    }
    out
}

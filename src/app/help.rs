//! The help overlay: the keys that work at this moment, made from the keymap beneath it.

use super::App;
use crate::kit::HelpSection;
use crate::widgets::text;
use crate::widgets::wrap::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// Widest the help box gets; wider lines are hard to read.
const MAX_WIDTH: u16 = 72;

/// Where the help box goes in a window of `area`.
fn popup(area: Rect) -> Rect {
    let w = area.width.saturating_sub(8).min(MAX_WIDTH);
    let h = area.height.saturating_sub(4);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + 2.min(area.height),
        width: w,
        height: h,
    }
}

impl App {
    /// The help text laid out for a box `width` columns wide inside: a title, then each group of
    /// keys in force with its rows, key names in a column and what they do wrapped beside them.
    pub(super) fn help_lines(&self, width: u16) -> Vec<Line<'static>> {
        let t = &self.theme;
        let width = usize::from(width).max(1);
        let keymap = self.keymap_beneath();
        let sections = keymap.help();
        let mut lines = Vec::new();
        let title = format!("Keys that work now on the {} screen", self.tab.title());
        for r in wrap(&title, width) {
            lines.push(Line::styled(title[r].to_string(), t.title));
        }
        lines.push(Line::default());
        let key_w = key_column(&sections, width);
        // The last column stays free, so no line of help runs into the border.
        let text_w = width.saturating_sub(3 + key_w).max(1);
        for section in &sections {
            lines.push(Line::styled(section.title, t.heading));
            for row in &section.rows {
                let mut parts = wrap(row.text, text_w).into_iter();
                let first = parts.next().map_or("", |r| &row.text[r]);
                if row.keys.width() + 1 > key_w {
                    // A name wider than the column gets a line of its own.
                    lines.push(Line::styled(format!("  {}", row.keys), t.key));
                    lines.push(Line::styled(format!("  {:key_w$}{first}", ""), t.base));
                } else {
                    let pad = key_w - row.keys.width();
                    lines.push(Line::from(vec![
                        Span::styled(format!("  {}{:pad$}", row.keys, ""), t.key),
                        Span::styled(first.to_string(), t.base),
                    ]));
                }
                for r in parts {
                    lines.push(Line::styled(
                        format!("  {:key_w$}{}", "", &row.text[r]),
                        t.base,
                    ));
                }
            }
            lines.push(Line::default());
        }
        let mouse = if keymap.captures_text() {
            "Mouse: the wheel scrolls."
        } else {
            "Mouse: click a tab to open it; the wheel scrolls."
        };
        for r in wrap(mouse, width) {
            lines.push(Line::styled(mouse[r].to_string(), t.muted));
        }
        lines
    }

    /// The furthest the help can scroll in a window of `size`: its last line at the bottom.
    pub(super) fn help_max_scroll(&self, size: (u16, u16)) -> u16 {
        let p = popup(Rect::new(0, 0, size.0, size.1));
        let inner = (p.width.saturating_sub(2), p.height.saturating_sub(2));
        let n = self.help_lines(inner.0).len();
        u16::try_from(n.saturating_sub(usize::from(inner.1))).unwrap_or(u16::MAX)
    }

    /// Rows of help one page-key scrolls in a window of `size`.
    pub(super) fn help_page(&self, size: (u16, u16)) -> u16 {
        popup(Rect::new(0, 0, size.0, size.1))
            .height
            .saturating_sub(3)
            .max(1)
    }

    /// Draws the help box over the screen, scrolled `scroll` lines down.
    pub(super) fn render_help(&self, scroll: u16, area: Rect, buf: &mut Buffer) {
        let t = &self.theme;
        let popup = popup(area).intersection(buf.area);
        Clear.render(popup, buf);
        buf.set_style(popup, t.base);
        let block = Block::bordered()
            .title(" Help: Esc or q closes ")
            .border_style(t.focus_border);
        let inner = block.inner(popup);
        block.render(popup, buf);
        let lines = self.help_lines(inner.width);
        let max = lines.len().saturating_sub(usize::from(inner.height));
        let from = usize::from(scroll).min(max);
        text::draw_lines(&lines[from..], inner, buf);
    }
}

/// Width of the key-name column: the widest name that fits in half the box, plus two spaces.
fn key_column(sections: &[HelpSection], width: usize) -> usize {
    let widest = sections
        .iter()
        .flat_map(|s| s.rows.iter())
        .map(|r| r.keys.width())
        .filter(|w| w + 2 <= width / 2)
        .max()
        .unwrap_or(0);
    (widest + 2).min(width / 2)
}

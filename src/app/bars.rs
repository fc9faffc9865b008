//! The two bars under the screen: the status line (wrapped, never cut mid-word) and the footer of
//! keys (which drops hints from the right before it would drop help or quit).

use super::App;
use crate::kit::{Action, Binding, Level};
use crate::widgets::clip::clip_words;
use crate::widgets::{text, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Most rows the status line grows to; a longer message ends in " …" after a whole word.
pub const STATUS_ROWS: usize = 4;

impl App {
    /// The status message wrapped to the window, at most [`STATUS_ROWS`] lines (none when there is
    /// no message). One column is kept free on each side.
    pub(super) fn status_lines(&self, width: u16) -> Vec<String> {
        let Some(s) = &self.status else {
            return Vec::new();
        };
        let w = usize::from(width.saturating_sub(2)).max(1);
        let text = s.text.as_str();
        let mut lines: Vec<String> = wrap::wrap(text, w)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect();
        if lines.len() > STATUS_ROWS {
            let rest = lines[STATUS_ROWS - 1..].join(" ");
            lines.truncate(STATUS_ROWS - 1);
            lines.push(clip_words(&rest, w).into_owned());
        }
        lines
    }

    /// Rows the status line takes in a window `width` columns wide (0 without a message; the
    /// layout keeps one row for it even then).
    pub fn status_rows(&self, width: u16) -> usize {
        self.status_lines(width).len()
    }

    pub(super) fn render_status(&self, lines: &[String], area: Rect, buf: &mut Buffer) {
        let Some(s) = &self.status else { return };
        let style = match s.level {
            Level::Info => self.theme.muted,
            Level::Warning => self.theme.warn,
            Level::Error => self.theme.bad,
        };
        let lines: Vec<Line> = lines
            .iter()
            .map(|l| Line::styled(format!(" {l}"), style))
            .collect();
        text::draw_lines(&lines, area, buf);
    }

    pub(super) fn render_footer(&self, area: Rect, buf: &mut Buffer) {
        let t = &self.theme;
        let mut spans = vec![Span::raw(" ")];
        for b in footer_fit(&self.keymap().footer(), usize::from(area.width)) {
            spans.push(Span::styled(b.label, t.key));
            spans.push(Span::styled(
                format!(" {}  ", b.footer.unwrap_or(b.help)),
                t.muted,
            ));
        }
        text::draw_line(&Line::from(spans), area, buf);
    }
}

/// Columns one footer entry takes: "label words" and two spaces after.
fn entry_width(b: &Binding) -> usize {
    b.label.width() + 1 + b.footer.unwrap_or(b.help).width() + 2
}

/// True for the entries the footer always keeps: how to get help and how to leave.
fn kept(b: &Binding) -> bool {
    matches!(b.action, Action::ToggleHelp | Action::Quit)
}

/// The footer entries that fit in `width` columns, in their order: help and quit always, the
/// others from the left while there is room. The row starts with a space and keeps its last column
/// free; the two spaces after the last entry may fall in it or past the edge.
pub fn footer_fit(entries: &[&'static Binding], width: usize) -> Vec<&'static Binding> {
    let room = width.saturating_sub(2) + 2;
    let must: usize = entries
        .iter()
        .filter(|b| kept(b))
        .map(|b| entry_width(b))
        .sum();
    let mut used = must;
    let mut stopped = false;
    entries
        .iter()
        .copied()
        .filter(|b| {
            if kept(b) {
                return true;
            }
            if stopped || used + entry_width(b) > room {
                stopped = true;
                return false;
            }
            used += entry_width(b);
            true
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kit::keymap::{GLOBAL, NAV};

    fn labels(entries: &[&Binding]) -> Vec<&'static str> {
        entries.iter().map(|b| b.label).collect()
    }

    #[test]
    fn a_narrow_footer_drops_hints_but_keeps_help_and_quit() {
        let entries: Vec<&'static Binding> = NAV
            .iter()
            .chain(GLOBAL.iter())
            .filter(|b| b.footer.is_some())
            .collect();
        let all = labels(&entries);
        assert_eq!(labels(&footer_fit(&entries, 200)), all);
        let narrow = labels(&footer_fit(&entries, 20));
        assert_eq!(narrow, vec!["?", "q"]);
        let some = labels(&footer_fit(&entries, 30));
        assert!(some.contains(&"↑/k") && some.contains(&"?") && some.contains(&"q"));
        assert!(!some.contains(&"Tab"), "{some:?}");
    }
}

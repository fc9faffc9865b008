//! A wrapped, styled document built line by line, with anchors to jump to.

use crate::widgets::wrap::wrap;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Lines of text laid out for one width, ready to scroll.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub lines: Vec<Line<'static>>,
    pub width: usize,
}

impl Doc {
    pub fn new(width: usize) -> Doc {
        Doc {
            lines: Vec::new(),
            width: width.max(1),
        }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| l.width() > 0) {
            self.lines.push(Line::default());
        }
    }

    /// Wrapped text with the same style on every line.
    pub fn text(&mut self, text: &str, style: Style) {
        self.prefixed("", "", text, style);
    }

    /// Wrapped text whose first line starts with `first` and the rest with `rest` (a hanging indent).
    /// Line breaks in the text are kept: each of its lines is wrapped on its own (card text a user
    /// wrote as a list stays a list).
    pub fn prefixed(&mut self, first: &str, rest: &str, text: &str, style: Style) {
        let indent = first.width().max(rest.width());
        let avail = self.width.saturating_sub(indent).max(1);
        let mut lead = first;
        for part in text.trim_end_matches('\n').split('\n') {
            for r in wrap(part, avail) {
                self.lines.push(Line::from(vec![
                    Span::styled(lead.to_string(), style),
                    Span::styled(part[r].to_string(), style),
                ]));
                lead = rest;
            }
        }
    }

    /// A line built by the caller (already short enough, or deliberately cut by the terminal).
    pub fn line(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    /// The lines from `scroll` that fit in `height`, with `scroll` clamped so the view is never empty.
    pub fn window(&self, scroll: usize, height: usize) -> &[Line<'static>] {
        let start = scroll.min(self.lines.len().saturating_sub(height));
        let end = (start + height).min(self.lines.len());
        &self.lines[start..end]
    }
}

/// Pads `s` with spaces to `width` columns, or cuts it to fit.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push_str(&" ".repeat(width - w));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hanging_indent_keeps_text_inside_width() {
        let mut d = Doc::new(12);
        d.prefixed("• ", "  ", "one two three four five", Style::new());
        let text: Vec<String> = d.lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(text, vec!["• one two", "  three four", "  five"]);
        assert!(text.iter().all(|l| l.width() <= 12));
    }

    #[test]
    fn line_breaks_in_the_text_are_kept() {
        let mut d = Doc::new(20);
        d.prefixed(
            "",
            "",
            "Steps:\n1. Lock the wheels\n\n2. Stand",
            Style::new(),
        );
        let text: Vec<String> = d.lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(text, vec!["Steps:", "1. Lock the wheels", "", "2. Stand"]);
    }

    #[test]
    fn window_clamps_to_the_end() {
        let mut d = Doc::new(10);
        for i in 0..5 {
            d.text(&i.to_string(), Style::new());
        }
        assert_eq!(d.window(99, 2).len(), 2);
        assert_eq!(d.window(99, 2)[0].to_string(), "3");
        assert_eq!(d.window(0, 99).len(), 5);
    }

    #[test]
    fn fit_pads_and_cuts_by_display_width() {
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit("日本語", 5), "日本 ");
    }
}

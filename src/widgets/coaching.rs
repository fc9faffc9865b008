//! Coaching as document lines: a question's notes (Guides, the back of a card) and the mark of an
//! insight (story editor, sheet, mock-interview analysis).

use crate::domain::content::Question;
use crate::domain::stories::Level;
use crate::kit::Theme;
use crate::widgets::doc::Doc;
use ratatui::style::Style;

/// The symbol and style of an insight, so its weight shows without color too.
pub fn marker(level: Level, t: &Theme) -> (&'static str, Style) {
    match level {
        Level::Warning => ("! ", t.warn),
        Level::Tip => ("› ", t.accent),
        Level::Good => ("✓ ", t.good),
    }
}

/// A question's coaching: what the interviewer looks for, the outline of a strong answer, pitfalls.
pub fn coaching(d: &mut Doc, q: &Question, t: &Theme) {
    d.blank();
    d.text("What they are looking for", t.heading);
    d.text(&q.looking_for, t.base);
    d.blank();
    d.text("A strong answer", t.heading);
    for (i, step) in q.outline.iter().enumerate() {
        let n = format!("{}. ", i + 1);
        d.prefixed(&n, &" ".repeat(n.len()), step, t.base);
    }
    d.blank();
    d.text("Pitfalls", t.heading);
    for p in &q.pitfalls {
        d.prefixed("• ", "  ", p, t.base);
    }
}

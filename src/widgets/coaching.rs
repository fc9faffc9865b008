//! A question's coaching notes as document lines, shared by the Guides screen and the back of a card.

use crate::domain::content::Question;
use crate::kit::Theme;
use crate::widgets::doc::Doc;

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

//! The comparison of two roles: a table of training, exam, license, supervision, duties and pay,
//! row by row with numbered sources, then each guide section side by side.

use crate::domain::content::markup::{self, Block as MBlock};
use crate::domain::content::{GuideSection, Library, Role};
use crate::kit::Theme;
use crate::widgets::doc::{Doc, fit};
use crate::widgets::wrap::wrap;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Width of the row titles ("Supervision" and two spaces).
const TITLE_W: usize = 13;

/// Narrowest a role column may be for the table; below it each row lists the roles one under the
/// other.
const MIN_COL: usize = 14;

/// The role after `from` for one column, skipping `other` (the role in the other column), so the
/// two columns never hold the same role.
pub fn next_role(from: usize, other: usize, n: usize) -> usize {
    if n < 2 {
        return from;
    }
    let next = (from + 1) % n;
    if next == other { (next + 1) % n } else { next }
}

/// Sources in the order first cited, numbered from 1.
#[derive(Default)]
struct Notes(Vec<String>);

impl Notes {
    /// The number of `source`, adding it if new.
    fn cite(&mut self, source: &str) -> usize {
        match self.0.iter().position(|s| s == source) {
            Some(i) => i + 1,
            None => {
                self.0.push(source.to_string());
                self.0.len()
            }
        }
    }
}

/// One cell: the role's text for a row with its source number, or why there is none.
fn cell(role: &Role, row: usize, notes: &mut Notes) -> String {
    if row == 5 {
        return match role.figure.first() {
            Some(f) => format!(
                "{}: {}, {} [{}]",
                f.value,
                f.label,
                f.as_of,
                notes.cite(&f.source)
            ),
            None => "Not given in this guide".to_string(),
        };
    }
    match role.glance.rows()[row].1 {
        Some(f) => format!("{} [{}]", f.text, notes.cite(&f.source)),
        None => "Not given in this guide".to_string(),
    }
}

/// The title of table row `row` (0–5).
fn row_title(role: &Role, row: usize) -> &'static str {
    role.glance.rows().get(row).map_or("Pay", |r| r.0)
}

/// The comparison of two roles for terminal width `w`.
pub(super) fn compare_doc(lib: &Library, pair: (usize, usize), w: u16, t: &Theme) -> Doc {
    let width = usize::from(w.saturating_sub(3)).max(3);
    let mut d = Doc::new(width);
    let (Some(a), Some(b)) = (lib.roles.get(pair.0), lib.roles.get(pair.1)) else {
        d.text("Comparing needs at least two roles.", t.muted);
        return d;
    };
    if pair.0 == pair.1 {
        d.text("Comparing needs two different roles.", t.muted);
        return d;
    }
    table(&mut d, a, b, t);
    prose(&mut d, a, b, t);
    d
}

/// The table, then its numbered sources.
fn table(d: &mut Doc, a: &Role, b: &Role, t: &Theme) {
    let width = d.width;
    let col = width.saturating_sub(TITLE_W + 3) / 2;
    let mut notes = Notes::default();
    let rows: Vec<(&str, String, String)> = (0..6)
        .map(|r| {
            (
                row_title(a, r),
                cell(a, r, &mut notes),
                cell(b, r, &mut notes),
            )
        })
        .collect();
    if col >= MIN_COL {
        pair_rows(d, "", (&a.name, &b.name), col, (t.title, t.title), t);
        d.line(Line::styled("─".repeat(width.saturating_sub(1)), t.border));
        for (title, left, right) in &rows {
            pair_rows(d, title, (left, right), col, (t.base, t.base), t);
            d.blank();
        }
    } else {
        // Too narrow for two columns: each row names the roles one under the other.
        for (title, left, right) in &rows {
            d.text(title, t.heading);
            d.prefixed("  ", "  ", &format!("{}: {left}", a.short), t.base);
            d.prefixed("  ", "  ", &format!("{}: {right}", b.short), t.base);
        }
        d.blank();
    }
    d.text("Sources", t.heading);
    for (i, source) in notes.0.iter().enumerate() {
        let mark = format!("[{}] ", i + 1);
        let pad = " ".repeat(mark.len());
        d.prefixed(&mark, &pad, source, t.muted);
    }
}

/// One table row: its title, then the two cells wrapped side by side.
fn pair_rows(
    d: &mut Doc,
    title: &str,
    cells: (&str, &str),
    col: usize,
    styles: (Style, Style),
    t: &Theme,
) {
    let left = wrapped(cells.0, col);
    let right = wrapped(cells.1, col);
    for i in 0..left.len().max(right.len()) {
        let head = if i == 0 { title } else { "" };
        d.line(Line::from(vec![
            Span::styled(fit(head, TITLE_W), t.heading),
            Span::styled(fit(left.get(i).map_or("", String::as_str), col), styles.0),
            Span::styled(" │ ", t.border),
            Span::styled(right.get(i).cloned().unwrap_or_default(), styles.1),
        ]));
    }
}

fn wrapped(text: &str, col: usize) -> Vec<String> {
    wrap(text, col)
        .into_iter()
        .map(|r| text[r].to_string())
        .collect()
}

/// Each guide section, the two roles side by side.
fn prose(d: &mut Doc, a: &Role, b: &Role, t: &Theme) {
    let col = (d.width.saturating_sub(3) / 2).max(1);
    for section in GuideSection::ALL {
        d.blank();
        d.text(&format!("▍{}", section.title()), t.heading);
        let left = column(a, section, col);
        let right = column(b, section, col);
        for i in 0..left.len().max(right.len()) {
            let l = left.get(i).map_or("", String::as_str);
            let r = right.get(i).map_or("", String::as_str);
            d.line(Line::from(vec![
                Span::styled(fit(l, col), t.base),
                Span::styled(" │ ", t.border),
                Span::styled(r.to_string(), t.base),
            ]));
        }
    }
}

/// One role's section wrapped to a column, with its figures under Pay.
fn column(role: &Role, section: GuideSection, col: usize) -> Vec<String> {
    let mut d = Doc::new(col);
    for block in markup::blocks(role.section(section)) {
        match block {
            MBlock::Bullet(b) => d.prefixed("• ", "  ", &b, Style::new()),
            MBlock::Heading(h) | MBlock::Paragraph(h) => {
                d.blank();
                d.text(&h, Style::new());
            }
        }
    }
    if section == GuideSection::Pay {
        for f in &role.figure {
            d.prefixed(
                "• ",
                "  ",
                &format!("{}: {} ({})", f.label, f.value, f.as_of),
                Style::new(),
            );
        }
    }
    let mut lines: Vec<String> = d.lines.iter().map(|l| l.to_string()).collect();
    while lines.first().is_some_and(|l| l.is_empty()) {
        lines.remove(0);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_role_skips_the_other_column() {
        assert_eq!(next_role(0, 1, 4), 2);
        assert_eq!(next_role(3, 0, 4), 1, "wraps, then skips");
        assert_eq!(next_role(2, 1, 4), 3);
        assert_eq!(next_role(0, 0, 1), 0, "one role: nothing to change to");
    }

    #[test]
    fn sources_are_numbered_once_each() {
        let mut n = Notes::default();
        assert_eq!(n.cite("BLS"), 1);
        assert_eq!(n.cite("FSBPT"), 2);
        assert_eq!(n.cite("BLS"), 1);
    }
}

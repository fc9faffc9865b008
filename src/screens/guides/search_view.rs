//! The Guides screen's search view: the query box and each result with its match highlighted.

use super::Guides;
use crate::kit::{Theme, ViewCtx};
use crate::widgets::doc::fit;
use crate::widgets::text::draw_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

pub(super) fn render(g: &Guides, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let [input, results] =
        Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    let mut query = g.query.area().clone();
    query.set_block(
        Block::bordered()
            .title(" Search (Esc to close) ")
            .border_style(t.focus_border),
    );
    query.set_cursor_line_style(Style::new());
    query.render(input, buf);
    let title = format!(
        " {} result{} ",
        g.hits.len(),
        if g.hits.len() == 1 { "" } else { "s" }
    );
    let block = Block::bordered().title(title).border_style(t.border);
    let inner = block.inner(results);
    block.render(results, buf);
    let width = usize::from(inner.width);
    if g.hits.is_empty() {
        let msg = if g.query_text().trim().is_empty() {
            "Type words to find them in every guide, question, question to ask and glossary term."
                .to_string()
        } else {
            format!(
                "No matches for “{}”. Try fewer or shorter words.",
                g.query_text().trim()
            )
        };
        Paragraph::new(msg)
            .style(t.muted)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let per_page = (usize::from(inner.height) / 2).max(1);
    let first = g.hit.saturating_sub(per_page - 1);
    let mut lines = Vec::new();
    for (i, hit) in g.hits.iter().enumerate().skip(first).take(per_page) {
        let sel = if i == g.hit { t.selected } else { Style::new() };
        lines.push(Line::from(Span::styled(
            fit(&hit.place, width),
            t.accent.patch(sel),
        )));
        lines.push(snippet(&hit.text, &hit.ranges, width, t).patch_style(sel));
    }
    draw_lines(&lines, inner, buf);
}

/// One line of `text` around its first match, with matches highlighted.
fn snippet(
    text: &str,
    ranges: &[std::ops::Range<usize>],
    width: usize,
    t: &Theme,
) -> Line<'static> {
    let first = ranges.first().map_or(0, |r| r.start);
    let mut start = 0;
    if text[..first].width() > width / 3 {
        start = first.saturating_sub(width / 3);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
    }
    let mut spans = Vec::new();
    let mut pos = start;
    for r in ranges.iter().filter(|r| r.start >= start) {
        if r.start > pos {
            spans.push(Span::styled(text[pos..r.start].to_string(), t.base));
        }
        if r.start >= pos {
            spans.push(Span::styled(text[r.clone()].to_string(), t.matched));
            pos = r.end;
        }
    }
    spans.push(Span::styled(text[pos..].to_string(), t.base));
    if start > 0 {
        spans.insert(0, Span::styled("…", t.muted));
    }
    Line::from(spans)
}

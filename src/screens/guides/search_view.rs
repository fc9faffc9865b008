//! The Guides screen's search view: the query box and each result with its match highlighted.

use super::Guides;
use crate::kit::{Theme, ViewCtx};
use crate::widgets::clip::clip_line;
use crate::widgets::text::draw_lines;
use crate::widgets::wrap::wrap;
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
            .title(if query.is_selecting() {
                " Search: type to replace the last one, → to add to it (Esc to close) "
            } else {
                " Search (Esc to close) "
            })
            .border_style(t.focus_border),
    );
    query.set_selection_style(t.selected);
    query.set_cursor_line_style(Style::new());
    query.render(input, buf);
    // A word found nowhere as typed is shown by its near spellings: say so, or "medicaid" seems
    // to be about "medical".
    let near = !g.hits.is_empty() && g.hits.iter().all(|h| h.near);
    let title = format!(
        " {} result{}{} ",
        g.hits.len(),
        if g.hits.len() == 1 { "" } else { "s" },
        if near {
            ": no exact match, near spellings"
        } else {
            ""
        }
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
        // A column of margin each side, so a line that fills the box never touches its border.
        let text = Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(2),
            ..inner
        };
        Paragraph::new(msg)
            .style(t.muted)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(text, buf);
        return;
    }
    let height = usize::from(inner.height);
    // Each result is its place and one line of text around the match; the selected one shows its
    // whole text (up to a few lines), so nothing a user chose to look at is cut.
    let lines_of = |i: usize| -> Vec<Line<'static>> {
        let hit = &g.hits[i];
        let sel = if i == g.hit { t.selected } else { Style::new() };
        // One column stays free at the right, so a shortened line never runs into the border.
        let room = width.saturating_sub(1);
        let mut out = vec![
            clip_line(&Line::from(Span::styled(hit.place.clone(), t.accent)), room)
                .patch_style(sel),
        ];
        if i == g.hit {
            out.extend(whole(
                &hit.text,
                &hit.ranges,
                width,
                t,
                height.saturating_sub(1),
            ));
        } else {
            out.push(clip_line(&snippet(&hit.text, &hit.ranges, room, t), room));
        }
        out
    };
    let mut first = 0;
    while first < g.hit && (first..=g.hit).map(|i| lines_of(i).len()).sum::<usize>() > height {
        first += 1;
    }
    let mut lines = Vec::new();
    for i in first..g.hits.len() {
        if lines.len() >= height {
            break;
        }
        lines.extend(lines_of(i));
    }
    draw_lines(&lines, inner, buf);
}

/// Most lines the selected result's text takes.
const WHOLE_LINES: usize = 6;

/// `text` wrapped to `width` with its matches highlighted, at most `max` (and [`WHOLE_LINES`])
/// lines; a longer text ends in " …" after a whole word.
fn whole(
    text: &str,
    ranges: &[std::ops::Range<usize>],
    width: usize,
    t: &Theme,
    max: usize,
) -> Vec<Line<'static>> {
    let max = max.clamp(1, WHOLE_LINES);
    let rows = wrap(text, width.saturating_sub(1).max(1));
    let cut = rows.len() > max;
    rows.iter()
        .take(max)
        .enumerate()
        .map(|(n, row)| {
            let mut spans = Vec::new();
            let mut pos = row.start;
            for r in ranges
                .iter()
                .filter(|r| r.start < row.end && r.end > row.start)
            {
                let (a, b) = (r.start.max(pos), r.end.min(row.end));
                if a > pos {
                    spans.push(Span::styled(text[pos..a].to_string(), t.base));
                }
                if b > a {
                    spans.push(Span::styled(text[a..b].to_string(), t.matched));
                }
                pos = pos.max(b);
            }
            if pos < row.end {
                spans.push(Span::styled(text[pos..row.end].to_string(), t.base));
            }
            let mut line = Line::from(spans);
            if cut && n + 1 == max {
                // The last line shown: say that more follows, cut between words.
                line.spans.push(Span::styled(" ".repeat(width), t.base));
                line = clip_line(&line, width.saturating_sub(1));
            }
            line
        })
        .collect()
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
        // Start at a word, not inside one.
        if let Some(space) = text[start..first].find(' ') {
            start += space + 1;
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
        spans.insert(0, Span::styled("… ", t.muted));
    }
    Line::from(spans)
}

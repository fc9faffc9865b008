//! Coverage: which competencies the stories show (a grid), the gaps, and questions with no story.

use super::super::{Stories, display_title};
use crate::domain::stories::Coverage;
use crate::kit::{AppData, Theme, ViewCtx};
use crate::widgets::doc::{Doc, fit};
use crate::widgets::text::draw_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};
use unicode_width::UnicodeWidthStr;

/// Columns one story takes in the grid.
const CELL: usize = 3;

pub(super) fn render(st: &Stories, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let block = Block::bordered()
        .title(" Coverage: the skills your stories show ")
        .border_style(t.focus_border);
    let inner = block.inner(area);
    block.render(area, buf);
    let d = st.coverage_doc(cx.data, t, usize::from(inner.width.saturating_sub(1)));
    let h = usize::from(inner.height);
    let scroll = st.coverage_scroll;
    draw_lines(d.window(scroll, h), inner, buf);
    if d.len() > h {
        let mut state = ScrollbarState::new(d.len() - h).position(scroll.min(d.len() - h));
        Scrollbar::new(ScrollbarOrientation::VerticalRight).render(area, buf, &mut state);
    }
}

/// The coverage view laid out `width` columns wide: the grid, the gaps, and questions with no story.
/// The Stories screen keeps it between frames (`Stories::coverage_doc`).
pub fn coverage_doc(st: &Stories, data: &AppData, t: &Theme, width: usize) -> Doc {
    let lib = data.library();
    let stories = data.stories().map(|s| s.list(st.order)).unwrap_or_default();
    let cov = Coverage::from_library(lib, &stories);
    let mut d = Doc::new(width);
    let advice = cov.advice();
    if advice.is_empty() {
        d.text(
            "✓ Your stories cover the core skills and every behavioural question. Well done.",
            t.good,
        );
    }
    for a in &advice {
        d.prefixed("› ", "  ", a, t.base);
    }
    d.blank();

    let name_w = cov
        .rows
        .iter()
        .map(|r| r.name.width() + 2)
        .max()
        .unwrap_or(10)
        .clamp(10, 30);
    let count_w = 11;
    let fits = width.saturating_sub(name_w + count_w) / CELL;
    let shown = stories.len().min(fits);
    let mut head = vec![Span::styled(fit("Skill", name_w), t.heading)];
    for i in 0..shown {
        head.push(Span::styled(format!("{:>w$}", i + 1, w = CELL), t.heading));
    }
    head.push(Span::styled("  stories", t.heading));
    d.line(Line::from(head));
    for r in &cov.rows {
        let name = if r.core {
            format!("{} *", r.name)
        } else {
            r.name.clone()
        };
        let mut spans = vec![Span::styled(
            fit(&name, name_w),
            if r.core { t.title } else { t.base },
        )];
        for &c in r.covered_by.iter().take(shown) {
            spans.push(if c {
                Span::styled("  ●", t.good)
            } else {
                Span::styled("  ·", t.muted)
            });
        }
        let n = r.count();
        spans.push(if n == 0 {
            Span::styled("  none yet", if r.core { t.warn } else { t.muted })
        } else {
            Span::styled(format!("  {n}"), t.base)
        });
        d.line(Line::from(spans));
    }
    d.text(
        "* core: most interviews ask about these. A story shows a skill when it has the skill as a tag.",
        t.muted,
    );
    if shown < stories.len() {
        d.text(
            &format!(
                "{} more stories do not fit: widen the window to see them.",
                stories.len() - shown
            ),
            t.muted,
        );
    }
    if !stories.is_empty() {
        d.blank();
        for (i, s) in stories.iter().enumerate() {
            let n = format!("{:>2}  ", i + 1);
            d.prefixed(&n, "    ", display_title(&s.title), t.base);
        }
    }

    d.blank();
    let open: Vec<_> = cov.unanswered_behavioural().collect();
    let other = cov.unanswered.len() - open.len();
    if open.is_empty() {
        d.text("✓ Every behavioural question has a story linked.", t.good);
    } else {
        d.text(
            &format!(
                "“Tell me about a time…” questions no story answers yet ({}):",
                open.len()
            ),
            t.heading,
        );
        for id in open {
            let text = lib.question(id).map_or(id.as_str(), |q| q.text.as_str());
            d.prefixed("• ", "  ", text, t.base);
        }
    }
    if other > 0 {
        d.text(
            &format!(
                "{other} other questions have no story linked; they are usually answered without one."
            ),
            t.muted,
        );
    }
    d.text(
        "Link a question to a story in the editor's Questions field.",
        t.muted,
    );
    d
}

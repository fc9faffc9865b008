//! The selected story beside the list, when the terminal has room: its parts as written and a summary
//! of its coaching, so the list never shows rows of nothing at large sizes.

use super::super::{Stories, display_title};
use super::insights::marker;
use super::meter;
use crate::domain::stories::{Analysis, Section, Story};
use crate::kit::{Theme, ViewCtx};
use crate::widgets::doc::Doc;
use crate::widgets::text::draw_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use std::borrow::Cow;

/// From this terminal width the list has the preview beside it.
pub const BESIDE: u16 = 110;

/// Lines of each part of the story the preview shows at most, so the coaching stays in view.
const PART_LINES: usize = 6;

pub(super) fn render(st: &Stories, cx: &ViewCtx, story: &Story, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let block = Block::bordered()
        .title(" Selected story: Enter edits it ")
        .border_style(t.border);
    let inner = block.inner(area);
    block.render(area, buf);
    let analysis = st.preview_analysis(story, cx.data.stories_changes());
    let d = doc(story, &analysis, t, usize::from(inner.width));
    draw_lines(d.window(0, usize::from(inner.height)), inner, buf);
}

fn doc(story: &Story, a: &Analysis, t: &Theme, width: usize) -> Doc {
    let mut d = Doc::new(width);
    d.text(display_title(&story.title), t.title);
    let mut head = meter(story.completeness(), t);
    let m = &a.metrics;
    head.push(Span::styled(
        format!(
            "   {} words, about {}",
            m.total_words,
            crate::domain::stories::insights::spoken(m.spoken as f32)
        ),
        t.muted,
    ));
    d.line(Line::from(head));
    if !story.tags.is_empty() {
        d.text(&story.tags.join(", "), t.accent);
    }
    for s in Section::ALL {
        d.blank();
        d.text(s.label(), t.heading);
        let text = story.text(s).trim();
        if text.is_empty() {
            d.text("—", t.muted);
            continue;
        }
        let mut part = Doc::new(width);
        for para in text.lines() {
            part.text(para, t.base);
        }
        if part.len() > PART_LINES {
            part.lines.truncate(PART_LINES);
            part.lines.push(Line::styled("…", t.muted));
        }
        d.lines.extend(part.lines);
    }
    d.blank();
    d.text("Coaching", t.heading);
    for i in &a.insights {
        let (mark, style) = marker(i.level, t);
        d.prefixed(mark, "  ", &i.text(), style);
    }
    d
}

impl Stories {
    /// The coaching of `story`, kept for the story selected in the list.
    pub(in super::super) fn preview_analysis(
        &self,
        story: &Story,
        changes: u64,
    ) -> Cow<'_, Analysis> {
        match self.kept_preview.get(&(story.id.clone(), changes)) {
            Some(a) => Cow::Borrowed(a),
            None => Cow::Owned(self.coach.story(story)),
        }
    }
}

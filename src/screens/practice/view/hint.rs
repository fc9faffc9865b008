//! The hints beside a practice question: the story that answers it (linked, or one that fits) and
//! the question's coaching notes.

use super::{SIDE_BY_SIDE, draw_doc, readable};
use crate::domain::content::{Question, QuestionKind};
use crate::kit::facts::StoryOutline;
use crate::kit::{Theme, ViewCtx};
use crate::screens::practice::Practice;
use crate::storage::sanitize::clean_line;
use crate::widgets::doc::Doc;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Widget};

/// The hints and how many rows they get, as laid out in `area` (the screen's area).
pub(super) fn hint_doc_for(p: &Practice, cx: &ViewCtx, area: Rect) -> (Doc, usize) {
    let Some(q) = p.run.as_ref().and_then(|r| r.question(cx.data.library())) else {
        return (Doc::new(1), 0);
    };
    let inner = Rect::new(
        0,
        0,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    let panel = if inner.width >= SIDE_BY_SIDE {
        Rect {
            width: inner.width - inner.width / 2,
            ..inner
        }
    } else {
        inner
    };
    let rows = usize::from(panel.height.saturating_sub(2));
    (
        hint_doc(cx, q, readable(panel.width.saturating_sub(2))),
        rows,
    )
}

/// The linked story's outline and the question's coaching notes, in full: the panel scrolls.
fn hint_doc(cx: &ViewCtx, q: &Question, width: u16) -> Doc {
    let t = cx.theme;
    let mut d = Doc::new(usize::from(width));
    let fitting = || cx.facts.fitting_story(&q.competencies);
    match cx.facts.story_by_question.get(&q.id) {
        Some(story) => story_outline(&mut d, story, t),
        None if q.kind() == QuestionKind::Star => match fitting() {
            Some((story, shows)) => {
                d.text(
                    &format!(
                        "No story is linked to this question yet, but this one shows {}, which \
                         it asks about. Tell it, and link it on the Stories screen.",
                        crate::domain::prose::join_and(&shows)
                    ),
                    t.muted,
                );
                story_outline(&mut d, &story.outline, t);
            }
            None => d.text(
                "No story is linked to this question yet. Link or write one on the Stories screen.",
                t.muted,
            ),
        },
        None => d.text(q.kind().advice(), t.muted),
    }
    crate::widgets::coaching::coaching(&mut d, q, t);
    d
}

pub(super) fn hint_panel(p: &Practice, cx: &ViewCtx, q: &Question, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    // The longest title that leaves a column of border each side of it.
    let title = [
        " Hints · timer paused · ↑/↓ scroll · h or Esc to go back ",
        " Hints · timer paused · h or Esc to go back ",
        " Hints · timer paused ",
    ]
    .into_iter()
    .find(|s| s.chars().count() + 4 <= usize::from(area.width))
    .unwrap_or(" Hints ");
    let block = Block::bordered()
        .title(Span::styled(title, t.heading))
        .border_style(t.border);
    let inner = block.inner(area);
    block.render(area, buf);
    let d = hint_doc(cx, q, readable(inner.width));
    draw_doc(&d, p.scroll, inner, buf);
}

/// Each STAR part of the story in full, wrapped under its letter.
fn story_outline(d: &mut Doc, story: &StoryOutline, t: &Theme) {
    d.text(
        &format!("Your story: {}", clean_line(&story.title)),
        t.heading,
    );
    for (letter, text) in ['S', 'T', 'A', 'R'].iter().zip(&story.star) {
        let text = clean_line(text);
        let text = if text.trim().is_empty() {
            "—".to_string()
        } else {
            text
        };
        d.prefixed(&format!("{letter}  "), "   ", text.trim(), t.base);
    }
}

//! Draws the Practice screen, one sub-view a stage: setup, the question, the analysis and rubric,
//! the close, the summary and past rounds.

mod answer;
mod close;
mod hint;
mod rate;
mod setup;
mod summary;

use super::{Practice, Stage};
use crate::kit::{Theme, ViewCtx};
use crate::widgets::coaching::marker;
use crate::widgets::doc::Doc;
use crate::widgets::text::draw_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Widget};

/// Wider than this, hints sit beside the question instead of under it.
pub(super) const SIDE_BY_SIDE: u16 = 110;

pub(super) fn render(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    match p.stage {
        Stage::Setup => setup::render(p, cx, area, buf),
        Stage::Answer | Stage::FollowUp => answer::render(p, cx, area, buf),
        Stage::Confirm => answer::confirm(p, cx, area, buf),
        Stage::Paused => answer::paused(p, cx, area, buf),
        Stage::Feedback => rate::feedback(p, cx, area, buf),
        Stage::Rate => rate::render(p, cx, area, buf),
        Stage::Close => close::render(p, cx, area, buf),
        Stage::Summary => summary::render(p, cx, area, buf),
        Stage::History => summary::history(p, cx, area, buf),
        Stage::Round => summary::round(p, cx, area, buf),
    }
}

/// The screen's area in a terminal of `size`: what is left under the tab bar and above the status
/// line and footer.
fn screen_area(size: (u16, u16)) -> Rect {
    Rect::new(0, 1, size.0, size.1.saturating_sub(3))
}

/// How far the scrolled document of this stage can scroll in the current terminal: its length
/// less the rows it has. Update uses it so a scroll never runs past the last page.
pub(super) fn scroll_limit(p: &Practice, cx: &ViewCtx) -> usize {
    let area = screen_area(cx.size);
    let (doc, rows) = match p.stage {
        Stage::Answer | Stage::FollowUp => hint::hint_doc_for(p, cx, area),
        Stage::Feedback => rate::feedback_doc_for(p, cx, area),
        Stage::Round => summary::round_doc_for(p, cx, area),
        _ => (Doc::new(1), 0),
    };
    doc.len().saturating_sub(rows)
}

/// A bordered block with a title; returns the inner area.
fn frame(t: &Theme, title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), t.title))
        .border_style(t.border);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Draws `d` from line `scroll` (kept so the last page stays full) into `area`.
fn draw_doc(d: &Doc, scroll: usize, area: Rect, buf: &mut Buffer) {
    draw_lines(d.window(scroll, usize::from(area.height)), area, buf);
}

/// Lines of text wider than this are hard to follow from end to start, so wide windows leave the
/// rest empty.
const READABLE: u16 = 100;

/// A text width no wider than [`READABLE`], one column short of `width`: a line that ran right up
/// to a border would make its last word look cut.
fn readable(width: u16) -> u16 {
    width.saturating_sub(1).min(READABLE)
}

/// The width text gets on a page drawn by `inset(frame(..))` in `area`: for the scroll limits,
/// which lay the page out again without drawing it.
fn page_width(area: Rect) -> u16 {
    inset(Block::bordered().inner(area)).width
}

/// `area` less a margin each side, wider on wide screens, and no wider than is readable.
fn inset(area: Rect) -> Rect {
    let margin = if area.width > 60 { 2 } else { 1 };
    Rect {
        x: area.x + margin,
        width: readable(area.width.saturating_sub(2 * margin)),
        ..area
    }
}

/// A line the interviewer says: `Dana: "…"`, wrapped with a hanging indent.
fn says(d: &mut Doc, name: &str, text: &str, style: Style) {
    if text.trim().is_empty() {
        return;
    }
    let lead = format!("{name}: ");
    d.prefixed(
        &lead,
        &" ".repeat(lead.chars().count()),
        &format!("\u{201c}{text}\u{201d}"),
        style,
    );
}

/// Text the user typed (or read from the round log), kept line by line and wrapped, each line
/// after `first` and the rest indented by `rest`.
fn typed_text(d: &mut Doc, first: &str, rest: &str, text: &str, style: Style) {
    let clean = crate::storage::sanitize::clean(text);
    for (i, line) in clean.lines().enumerate() {
        d.prefixed(if i == 0 { first } else { rest }, rest, line, style);
    }
}

/// `1 answer`, `2 answers`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

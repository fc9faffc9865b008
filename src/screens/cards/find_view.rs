//! Draws the card search (the box and the matching cards) and one card opened from it, with its
//! review history.

use super::Cards;
use super::find::Opened;
use super::review_view::text_width;
use crate::domain::schedule::format_interval;
use crate::domain::study::find::front_back;
use crate::domain::study::{Kind, StudyCard};
use crate::kit::{Theme, ViewCtx};
use crate::storage::sanitize::clean_line;
use crate::widgets::clip::clip_line;
use crate::widgets::doc::Doc;
use crate::widgets::mark;
use crate::widgets::text::draw_lines;
use crate::widgets::wrap::wrap;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Padding, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget,
    Widget, Wrap,
};

/// Most lines the highlighted result's front takes; the card itself shows the rest.
const WHOLE_LINES: usize = 4;

pub(super) fn render_search(c: &Cards, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let f = &c.finder;
    let [input, results] =
        Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    let mut query = f.query.area().clone();
    query.set_block(
        Block::bordered()
            .title(if query.is_selecting() {
                " Find a card: type to replace the last one, → to add to it (Esc to close) "
            } else {
                " Find a card (Esc to close) "
            })
            .border_style(t.focus_border),
    );
    query.set_selection_style(t.selected);
    query.render(input, buf);
    let n = f.hits.len();
    let title = match n {
        super::find::MAX_HITS.. => format!(" The first {n} cards found "),
        1 => " 1 card found ".to_string(),
        n => format!(" {n} cards found "),
    };
    let block = Block::bordered()
        .title(title)
        .border_style(t.border)
        .padding(Padding::horizontal(1));
    let inner = block.inner(results);
    block.render(results, buf);
    if f.hits.is_empty() {
        let msg = if f.query_text().trim().is_empty() {
            "Type words to find every card that has them on its front, its back or in its tags. \
             Capitals and accents do not matter."
                .to_string()
        } else {
            format!(
                "No card has “{}”. Try fewer or shorter words.",
                clean_line(f.query_text().trim())
            )
        };
        // A column free at the right, so a line that fills the box never touches its border.
        let text = Rect {
            width: inner.width.saturating_sub(1),
            ..inner
        };
        Paragraph::new(msg)
            .style(t.muted)
            .wrap(Wrap { trim: true })
            .render(text, buf);
        return;
    }
    let lib = cx.data.library();
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    // One column stays free at the right, so a shortened line never runs into the border.
    let room = width.saturating_sub(1).max(1);
    // Each result is its front on one line and, for the highlighted one, its whole front (up to a
    // few lines) and where it lives, so the card a user is about to open is never cut.
    let lines_of = |i: usize| -> Vec<Line<'static>> {
        let Some(card) = f.hits.get(i).and_then(|&k| c.catalogue.cards.get(k)) else {
            return Vec::new();
        };
        let front = clean_line(front_back(lib, card).0);
        if i != f.hit {
            return vec![clip_line(&Line::styled(front, t.base), room)];
        }
        let rows = wrap(&front, room);
        let cut = rows.len() > WHOLE_LINES;
        let mut out: Vec<Line<'static>> = rows
            .iter()
            .take(WHOLE_LINES)
            .map(|r| Line::styled(front[r.clone()].to_string(), t.selected))
            .collect();
        if cut && let Some(last) = out.last_mut() {
            last.push_span(Span::styled(" ".repeat(width), t.selected));
            *last = clip_line(last, room);
        }
        out.push(clip_line(
            &Line::styled(format!("  {}", place(card, cx.data.library())), t.muted),
            room,
        ));
        out
    };
    let mut first = 0;
    while first < f.hit && (first..=f.hit).map(|i| lines_of(i).len()).sum::<usize>() > height {
        first += 1;
    }
    let mut lines = Vec::new();
    for i in first..f.hits.len() {
        if lines.len() >= height {
            break;
        }
        lines.extend(lines_of(i));
    }
    lines.truncate(height);
    draw_lines(&lines, inner, buf);
}

/// Where a card lives: its deck or kind, the roles it is for (the finder looks through every
/// role's cards, whatever the filters), and its tags.
fn place(card: &StudyCard, lib: &crate::domain::content::Library) -> String {
    let mut s = card.subject.label();
    s.push_str(" · ");
    s.push_str(&super::review_view::roles_label(lib, &card.roles));
    if !card.tags.is_empty() {
        s.push_str(" · ");
        s.push_str(&card.tags.join(", "));
    }
    clean_line(&s)
}

/// The opened card: front, back, tags, and every grade it was given with when it came due next.
pub(super) fn browse_doc(c: &Cards, open: &Opened, cx: &ViewCtx, width: usize, t: &Theme) -> Doc {
    let mut d = Doc::new(width);
    let Some(card) = c.catalogue.cards.get(open.card) else {
        d.text("This card is no longer in your content.", t.muted);
        return d;
    };
    let lib = cx.data.library();
    let (front, back) = front_back(lib, card);
    d.text(&place(card, lib), t.muted);
    d.blank();
    d.text(&clean_line(front), t.title);
    d.blank();
    if let Kind::Fact(i) = card.kind
        && let Some(right) = lib.facts.get(i).and_then(|f| f.correct.as_deref())
    {
        d.text(&format!("Answer: {}", clean_line(right)), t.good);
    }
    d.text(&crate::storage::sanitize::clean(back), t.base);
    if let Kind::Question(i) = card.kind
        && let Some(q) = lib.questions.get(i)
    {
        super::review_view::linked_story(&mut d, q, cx, t);
    }
    d.blank();
    d.text("Your reviews", t.heading);
    match &open.history {
        Err(e) => d.text(&format!("Your reviews could not be read: {e}."), t.bad),
        Ok(h) if h.is_empty() => d.text("Not studied yet: it comes up as a new card.", t.muted),
        Ok(h) => {
            for p in h {
                let line = format!(
                    "{}  {:<5}  next due {}",
                    day(p.at, cx),
                    p.grade.label(),
                    day(p.due, cx)
                );
                d.text(&line, t.base);
            }
        }
    }
    let state = cx.data.reviews().and_then(|s| s.state(&card.id));
    if let Some(s) = state {
        d.blank();
        let due = s.due();
        let when = if due <= cx.now {
            "due now".to_string()
        } else {
            format!("due in {}", format_interval(due - cx.now))
        };
        d.text(
            &format!(
                "Next: {} ({when}). Reviewed {} time{}, forgotten {}.",
                day(due, cx),
                s.reps,
                if s.reps == 1 { "" } else { "s" },
                times(s.lapses)
            ),
            t.accent,
        );
    }
    d
}

/// A date as the user reads it, in their time zone: "Jun 3, 2025".
fn day(at: DateTime<Utc>, cx: &ViewCtx) -> String {
    at.with_timezone(&cx.offset)
        .format("%b %-d, %Y")
        .to_string()
}

fn times(n: i32) -> String {
    match n {
        0 => "never".to_string(),
        1 => "once".to_string(),
        n => format!("{n} times"),
    }
}

/// Width of the opened card's text at terminal width `w`.
pub(super) fn browse_width(w: u16) -> usize {
    text_width(w)
}

pub(super) fn render_browse(c: &Cards, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let Some(open) = c.finder.open.as_ref() else {
        return;
    };
    let block = Block::bordered()
        .title(" Card ")
        .border_style(t.focus_border);
    let inner = block.inner(area);
    block.render(area, buf);
    let text = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let doc = browse_doc(c, open, cx, browse_width(cx.size.0), t);
    let h = usize::from(text.height);
    draw_lines(doc.window(open.scroll, h), text, buf);
    // The words searched for, marked where they show, as the guides mark a search hit.
    let words: Vec<String> = mark::lower(&c.finder.query_text())
        .split_whitespace()
        .map(str::to_string)
        .collect();
    mark::mark(
        &doc,
        open.scroll,
        0..doc.len(),
        &words,
        text,
        t.matched,
        buf,
    );
    if doc.len() > h {
        let top = open.scroll.min(doc.len().saturating_sub(h));
        let mut state = ScrollbarState::new(doc.len().saturating_sub(h)).position(top);
        Scrollbar::new(ScrollbarOrientation::VerticalRight).render(inner, buf, &mut state);
    }
}

/// Lines of the opened card at terminal width `w`, for clamping its scroll.
pub(super) fn browse_len(c: &Cards, cx: &ViewCtx, w: u16) -> usize {
    c.finder.open.as_ref().map_or(0, |o| {
        browse_doc(c, o, cx, browse_width(w), &Theme::PLAIN).len()
    })
}

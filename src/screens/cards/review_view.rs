//! Draws a review session (progress bar, the card's front or back, grade buttons with their
//! intervals) and the end-of-session summary.

use super::Cards;
use crate::domain::content::{Id, Library, Question};
use crate::domain::schedule::format_interval;
use crate::domain::study::{Choices, Kind, Side};
use crate::kit::{Theme, ViewCtx};
use crate::storage::sanitize::clean_line;
use crate::widgets::clip::{clip_line, clip_words};
use crate::widgets::coaching::coaching;
use crate::widgets::doc::Doc;
use crate::widgets::text::draw_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, LineGauge, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

/// Rows around the card text: the app's tab bar, status and footer, this screen's border, the
/// progress bar and the button row with a blank line before each.
const CHROME_ROWS: u16 = 3 + 2 + 4;

/// Longest line of card text: wider lines are hard to read, so big windows get a margin instead.
const MAX_TEXT: usize = 100;

/// Width of the card text at terminal width `w`: inside the border, a margin, and the scrollbar.
pub fn text_width(w: u16) -> usize {
    usize::from(w.saturating_sub(5)).clamp(1, MAX_TEXT)
}

/// Lines of card text that fit at terminal height `h`.
pub fn page_height(h: u16) -> usize {
    usize::from(h.saturating_sub(CHROME_ROWS)).max(1)
}

/// The names of the roles a card is for.
pub(super) fn roles_label(lib: &Library, roles: &[Id]) -> String {
    if roles.is_empty() {
        return "every role".to_string();
    }
    roles
        .iter()
        .filter_map(|r| lib.role(r))
        .map(|r| r.short.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn options(d: &mut Doc, ch: &Choices, picked: Option<usize>, back: bool, t: &Theme) {
    d.blank();
    for (i, option) in ch.options.iter().enumerate() {
        let first = format!("{}) ", Choices::letter(i));
        let (mark, style) = match (back, i == ch.correct, picked == Some(i)) {
            (false, _, _) => ("", t.base),
            (true, true, _) => (" ✓", t.good),
            (true, false, true) => (" ✗", t.bad),
            (true, false, false) => ("", t.muted),
        };
        d.prefixed(&first, "   ", &format!("{option}{mark}"), style);
    }
}

/// The story linked to question `q` that answers it first, or for a behavioral question with none,
/// a line saying so: on a card's back in review and on the card opened from the finder.
pub(super) fn linked_story(d: &mut Doc, q: &Question, cx: &ViewCtx, t: &Theme) {
    match cx.facts.story_by_question.get(&q.id) {
        Some(linked) => {
            d.blank();
            d.text("Your STAR story", t.heading);
            d.text(&clean_line(&linked.title), t.accent);
        }
        None if q.behavioural => {
            d.blank();
            d.text(
                "Your STAR story: none linked to this question yet.",
                t.muted,
            );
        }
        None => {}
    }
}

/// The card showing, front or back, laid out for `width`.
pub fn card_doc(c: &Cards, cx: &ViewCtx, width: usize, t: &Theme) -> Doc {
    let lib = cx.data.library();
    let mut d = Doc::new(width);
    let Some(session) = c.session.as_ref() else {
        return d;
    };
    let Some(card) = session.current().and_then(|id| c.catalogue.get(id)) else {
        d.text("This card is no longer in your content.", t.muted);
        return d;
    };
    let back = session.side == Side::Back;
    let roles = roles_label(lib, &card.roles);
    match card.kind {
        Kind::Question(i) => {
            let Some(q) = lib.questions.get(i) else {
                return d;
            };
            d.text(
                &format!("Interview question · {} · {roles}", q.category.label()),
                t.muted,
            );
            d.blank();
            d.text(&q.text, t.title);
            if !back {
                d.blank();
                d.text(
                    "Answer out loud as you would in the interview, then press Space to compare.",
                    t.muted,
                );
                return d;
            }
            coaching(&mut d, q, t);
            linked_story(&mut d, q, cx, t);
        }
        Kind::Fact(i) => {
            let Some(f) = lib.facts.get(i) else {
                return d;
            };
            d.text(&format!("Fact · {} · {roles}", f.topic.label()), t.muted);
            d.blank();
            d.text(&f.front, t.title);
            if let Some(ch) = &c.choices {
                options(&mut d, ch, session.picked, back, t);
            }
            if !back {
                return d;
            }
            d.blank();
            match (&c.choices, session.picked) {
                (Some(ch), Some(p)) if p == ch.correct => d.text("✓ Right.", t.good),
                (Some(ch), Some(_)) => d.text(
                    &format!(
                        "✗ Not quite: the answer is {}) {}.",
                        Choices::letter(ch.correct),
                        ch.options.get(ch.correct).map_or("", String::as_str)
                    ),
                    t.bad,
                ),
                _ => {}
            }
            d.text(&f.back, t.base);
            d.blank();
            d.text(&format!("Source: {}", f.source), t.muted);
        }
        Kind::Note(i) => {
            let Some(n) = lib.cards.get(i) else {
                return d;
            };
            d.text(&format!("Your card · {}", n.deck), t.muted);
            d.blank();
            d.text(&n.front, t.title);
            if back {
                d.blank();
                d.text(&n.back, t.base);
                if !n.tags.is_empty() {
                    d.blank();
                    d.text(&format!("Tags: {}", n.tags.join(", ")), t.muted);
                }
            }
        }
    }
    d
}

/// What the `*` on a grade means, when the interview date shortened some grade's interval. It
/// goes on the line just above the grade buttons, so it is beside the mark it explains however
/// far the card is scrolled.
fn clamp_note(c: &Cards, cx: &ViewCtx) -> Option<&'static str> {
    let session = c.session.as_ref().filter(|s| s.side == Side::Back)?;
    let (id, store) = (session.current()?, cx.data.reviews()?);
    store
        .preview_detail(id, cx.now)
        .iter()
        .any(|p| p.clamped)
        .then_some("* = shortened so this card comes back before your interview.")
}

/// Number of lines of the card showing at terminal width `w`, for clamping the scroll.
pub fn card_len(c: &Cards, cx: &ViewCtx, w: u16) -> usize {
    card_doc(c, cx, text_width(w), &Theme::PLAIN).len()
}

pub fn render_review(c: &Cards, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let Some(session) = c.session.as_ref() else {
        return;
    };
    // A long deck name is shortened between words rather than cut by the corner.
    let room = usize::from(area.width.saturating_sub(5));
    let block = Block::bordered()
        .title(format!(" {} ", clip_words(&session.title, room)))
        .border_style(t.focus_border);
    let inner = block.inner(area);
    block.render(area, buf);
    let [gauge, _, body, note, buttons] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let (done, total) = session.progress();
    let ratio = if total == 0 {
        1.0
    } else {
        (done as f64 / total as f64).clamp(0.0, 1.0)
    };
    // Cards, not turns: a card that comes back after Again is still one card.
    // New cards answered Good come back for their learning step, so none is done until then:
    // while some are coming back, the count is of cards seen, with how many come back.
    let (cards, finished) = (session.cards(), session.cards_done());
    let seen = session.cards_seen().max(finished);
    let turn = (done + 1).min(total);
    let label = match seen - finished {
        0 => format!(
            " {finished} of {} done · review {turn} ",
            plural(cards, "card")
        ),
        back => format!(
            " {seen} of {} seen · {back} coming back · review {turn} ",
            plural(cards, "card")
        ),
    };
    LineGauge::default()
        .ratio(ratio)
        .label(Line::styled(label, t.base))
        .filled_style(t.good)
        .unfilled_style(t.muted)
        .filled_symbol("━")
        .unfilled_symbol("─")
        .render(gauge, buf);

    let doc = card_doc(c, cx, text_width(cx.size.0), t);
    let text = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    let h = usize::from(text.height);
    draw_lines(doc.window(c.scroll, h), text, buf);
    if doc.len() > h {
        let top = c.scroll.min(doc.len().saturating_sub(h));
        let mut state = ScrollbarState::new(doc.len().saturating_sub(h)).position(top);
        Scrollbar::new(ScrollbarOrientation::VerticalRight).render(body, buf, &mut state);
    }
    let avail = usize::from(buttons.width.saturating_sub(1));
    if let Some(text) = clamp_note(c, cx) {
        // Indented as the grades below it are.
        clip_line(&Line::styled(format!(" {text}"), t.muted), avail).render(note, buf);
    }
    let row = [false, true]
        .into_iter()
        .map(|compact| button_row(c, cx, session.side, compact))
        .find(|l| l.width() <= avail)
        .unwrap_or_else(|| button_row(c, cx, session.side, true));
    clip_line(&row, avail).render(buttons, buf);
}

/// On the back: the four grades, each with the interval it would give, the proposed one highlighted.
/// On the front: how to turn the card.
/// `compact` leaves out the dots and some spaces, for narrow windows.
fn button_row(c: &Cards, cx: &ViewCtx, side: Side, compact: bool) -> Line<'static> {
    let t = cx.theme;
    let session = c.session.as_ref();
    let current = session.and_then(|s| s.current());
    let (Side::Back, Some(id), Some(store)) = (side, current, cx.data.reviews()) else {
        let hint = match (c.choices.is_some(), compact) {
            (true, false) => {
                " Press a letter to answer, or Space to show the answer without picking."
            }
            (true, true) => " Press a letter to answer, or Space to see the answer.",
            (false, _) => " Press Space to show the answer.",
        };
        return Line::styled(hint, t.muted);
    };
    let proposed = session.and_then(|s| s.proposed);
    let mut spans = vec![Span::raw(" ")];
    for p in store.preview_detail(id, cx.now) {
        let chosen = proposed == Some(p.grade);
        let style = if chosen { t.selected } else { t.base };
        spans.push(Span::styled(p.grade.key().to_string(), t.key.patch(style)));
        let dot = if compact { " " } else { " · " };
        // A star: the interview date shortened this interval (the card says so above).
        let mark = if p.clamped { "*" } else { "" };
        spans.push(Span::styled(
            format!(
                " {}{dot}{}{mark}",
                p.grade.label(),
                format_interval(p.interval)
            ),
            style,
        ));
        spans.push(Span::raw(if compact { "  " } else { "   " }));
    }
    Line::from(spans)
}

/// "1 card", "3 cards".
pub(super) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

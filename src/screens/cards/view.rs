//! Draws the Cards screen's deck list (filters, counts, today's progress) and hands the review and
//! end screens to `review`.

use super::deck_table::render_table;
use super::review_view as review;
use super::summary_view;
use super::{Cards, DeckRow, View};
use crate::domain::plan::today::reviews_words;
use crate::domain::schedule::{Counts, ReviewStore};
use crate::domain::study::Deck;
use crate::kit::ViewCtx;
use crate::widgets::clip::clip_line;
use crate::widgets::text::draw_line;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

pub(super) fn render(c: &Cards, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    match c.view {
        View::Review => review::render_review(c, cx, area, buf),
        View::Summary => summary_view::render_summary(c, cx, area, buf),
        View::Decks => render_decks(c, cx, area, buf),
        View::Search => super::find_view::render_search(c, cx, area, buf),
        View::Browse => super::find_view::render_browse(c, cx, area, buf),
    }
}

fn render_decks(c: &Cards, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let Some(store) = cx.data.reviews() else {
        let msg = c
            .store_error
            .as_deref()
            .unwrap_or("Your review history is not open.");
        Paragraph::new(msg)
            .style(t.bad)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" Cards ").border_style(t.border))
            .render(area, buf);
        return;
    };
    let notice_h = notices_height(c, area);
    let [filters, notices, table, today, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(notice_h),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_line(&filter_line(c, cx, filters.width), filters, buf);
    if notice_h > 0 {
        Paragraph::new(c.notices.join("\n"))
            .style(t.warn)
            .wrap(Wrap { trim: true })
            .block(
                Block::bordered()
                    .title(" Review history ")
                    .border_style(t.warn),
            )
            .render(notices, buf);
    }
    let rows = c.deck_rows(store, cx.now);
    let table = if table.width >= WIDE {
        let [table, detail] =
            Layout::horizontal([Constraint::Percentage(60), Constraint::Fill(1)]).areas(table);
        if let Some(row) = rows.get(c.cursor) {
            render_detail(cx, store, row, detail, buf);
        }
        table
    } else {
        table
    };
    // A role's deck goes by the role's short name ("OTA") when the full one does not fit.
    let lib = cx.data.library();
    let short = |deck: &Deck| match deck {
        Deck::Role(id) => lib.role(id).map(|r| r.short.clone()),
        _ => None,
    };
    render_table(&rows, c.cursor, &short, t, table, buf);
    draw_line(&today_line(cx, store), today, buf);
    if let Some(row) = rows.get(c.cursor) {
        // Shortened between words when the deck's name makes it too long for the window.
        let line = Line::styled(format!(" {}", enter_hint(row)), t.muted);
        draw_line(
            &clip_line(&line, usize::from(hint.width.saturating_sub(1))),
            hint,
            buf,
        );
    }
}

/// From this width on, the highlighted deck's details show beside the list.
const WIDE: u16 = 110;

/// How the interview date reads on this screen: "Dec 13, 2026", as Home and the sheet write it.
pub(super) const DATE: &str = "%b %-d, %Y";

/// The highlighted deck in more words: size, progress, what Enter and i would do.
fn render_detail(cx: &ViewCtx, store: &ReviewStore, row: &DeckRow, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let limit = store.settings().daily_new_limit;
    let Counts { new, learning, due } = row.counts;
    let paced = match cx.data.interview() {
        Some(d) if limit > cx.data.study_settings().daily_new_limit => {
            format!(
                "{limit} new cards today, paced so you see every card before {}",
                d.format(DATE)
            )
        }
        _ => format!("up to {limit} new cards a day"),
    };
    let interview = match cx.data.interview() {
        Some(d) => format!("your interview on {}", d.format(DATE)),
        None => "today (no interview date set)".to_string(),
    };
    let lines = vec![
        Line::styled(row.label.clone(), t.title),
        Line::default(),
        Line::raw(format!(
            "{} cards: {} studied at least once, {} never seen.",
            row.total,
            row.seen,
            row.total - row.seen
        )),
        Line::raw(format!(
            "Now: {} due ({learning} in learning steps, {due} to review), {new} new ({paced}).",
            learning + due
        )),
        Line::default(),
        Line::from(vec![
            Span::styled("Enter ", t.key),
            Span::raw(if due + learning + new == 0 {
                "finds nothing due or new in this deck now.".to_string()
            } else {
                let reviews = reviews_words(reviews_for(due + learning, new));
                let cards = plural(due + learning + new, "card");
                match (due + learning, new) {
                    (0, _) => format!(
                        "studies {cards} now. That is about {reviews}, since a new card comes \
                         back until it sticks."
                    ),
                    (_, 0) => format!("studies {cards} now, all due: about {reviews}."),
                    _ => format!(
                        "studies {cards} now: the due ones first, then the new ones. That is \
                         about {reviews}, since a new card comes back until it sticks."
                    ),
                }
            }),
        ]),
        Line::from(vec![
            Span::styled("i ", t.key),
            Span::raw(format!(
                "crams all {} cards, weakest first as predicted for {interview}.",
                row.total
            )),
        ]),
        Line::default(),
        Line::styled(
            "r, c and t narrow every deck by role, category or tag; x clears them.",
            t.muted,
        ),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(
            Block::bordered()
                .title(" Deck ")
                .border_style(t.border)
                .padding(Padding::horizontal(1)),
        )
        .render(area, buf);
}

/// Notices get up to a third of the screen; the deck list matters more.
fn notices_height(c: &Cards, area: Rect) -> u16 {
    if c.notices.is_empty() {
        return 0;
    }
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let lines: usize = c
        .notices
        .iter()
        .map(|n| n.chars().count().div_ceil(width).max(1))
        .sum();
    (lines as u16 + 2).min(area.height / 3)
}

fn filter_line(c: &Cards, cx: &ViewCtx, width: u16) -> Line<'static> {
    let (c, t) = (c, cx.theme);
    let value = |v: Option<String>| match v {
        Some(v) => Span::styled(v, t.accent),
        None => Span::styled("all", t.muted),
    };
    let f = &c.filter;
    let role = f.role.as_ref().map(|r| match cx.data.library().role(r) {
        Some(role) => role.short.clone(),
        None => r.to_string(),
    });
    let mut line = Line::from(vec![
        Span::styled(" Role ", t.base),
        value(role.clone()),
        Span::styled("  ·  Category ", t.base),
        value(f.subject.as_ref().map(|s| s.label())),
        Span::styled("  ·  Tag ", t.base),
        value(f.tag.clone()),
    ]);
    let hint = "   (x clears)";
    if f.is_empty() {
        return line;
    }
    // The way out of a filter matters more than the whole of a long tag: the filters give way.
    let room = usize::from(width).saturating_sub(hint.len() + 1);
    if line.width() > room {
        // First only the filters set, so a tag is never hidden behind "Category all"; then the
        // category's long name is what gives way, as the tag named last would be cut otherwise.
        let category = f.subject.as_ref().map(|s| s.label().to_string());
        let set: Vec<(&str, Option<String>)> = vec![
            ("Role", role),
            ("Category", category),
            ("Tag", f.tag.clone()),
        ];
        let compact = |category_room: usize| {
            let mut spans = vec![Span::raw(" ")];
            for (name, v) in set.iter().filter_map(|(n, v)| v.as_ref().map(|v| (*n, v))) {
                if spans.len() > 1 {
                    spans.push(Span::styled(" · ", t.base));
                }
                let v = if name == "Category" && v.chars().count() > category_room {
                    let kept: String = v.chars().take(category_room.saturating_sub(1)).collect();
                    format!("{}…", kept.trim_end())
                } else {
                    v.clone()
                };
                spans.push(Span::styled(format!("{name} "), t.base));
                spans.push(Span::styled(v, t.accent));
            }
            Line::from(spans)
        };
        line = compact(usize::MAX);
        if line.width() > room {
            let over = line.width() - room;
            let category_len = set[1].1.as_ref().map_or(0, |v| v.chars().count());
            line = compact(category_len.saturating_sub(over).max(8));
        }
        if line.width() > room {
            line = clip_line(&line, room);
        }
    }
    if line.width() + hint.len() < usize::from(width) {
        line.push_span(Span::styled(hint, t.muted));
    }
    line
}

fn today_line(cx: &ViewCtx, store: &ReviewStore) -> Line<'static> {
    let t = cx.theme;
    let today = store.today(cx.now);
    let streak = store.streak(today);
    let interview = match cx.data.interview() {
        Some(d) => format!("interview {}", d.format(DATE)),
        None => "interview date not set".to_string(),
    };
    Line::from(vec![
        Span::styled(" Today ", t.base),
        Span::styled(format!("{} reviewed", store.reviewed_on(today)), t.title),
        Span::styled(
            format!(
                " · streak {streak} day{} · {interview}",
                if streak == 1 { "" } else { "s" }
            ),
            t.base,
        ),
    ])
}

/// What Enter would do on the highlighted deck, in words: how many cards, and how many reviews
/// they may take (a new card comes back once or twice the first day, until it sticks).
fn enter_hint(row: &DeckRow) -> String {
    let Counts { new, learning, due } = row.counts;
    let waiting = learning + due;
    if waiting + new == 0 {
        return format!(
            "Nothing to study in “{}” now; i crams it anyway.",
            row.label
        );
    }
    let reviews = reviews_words(reviews_for(waiting, new));
    let label = &row.label;
    // "(40 due, 0 new)" only repeats the count: one kind of card is named in the count itself.
    match (waiting, new) {
        (_, 0) => format!(
            "Enter: {} from “{label}”, about {reviews}.",
            plural(waiting, "due card")
        ),
        (0, _) => format!(
            "Enter: {} from “{label}”, about {reviews}.",
            plural(new, "new card")
        ),
        _ => format!(
            "Enter: {} from “{label}” ({waiting} due, {new} new), about {reviews}.",
            plural(waiting + new, "card")
        ),
    }
}

/// Reviews `waiting` due cards and `new` new cards may take: one each for due cards, two to three
/// for a new one (its learning steps), as today's plan counts them.
pub(super) fn reviews_for(waiting: usize, new: usize) -> (usize, usize) {
    (waiting + 2 * new, waiting + 3 * new)
}

/// "1 card", "3 cards".
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
#[path = "view_tests.rs"]
mod tests;

//! The two lists side by side: the preparation checklist with its gauge, and the questions to ask.

use super::Home;
use super::Pane;
use super::view::{COUNTING, block};
use crate::kit::{Theme, ViewCtx};
use crate::widgets::clip::clip_words;
use crate::widgets::doc::{Doc, fit};
use crate::widgets::text::{draw_line, draw_lines};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Widget};

pub(super) fn checklist(home: &Home, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let focused = home.pane == Pane::Checklist;
    let b = block(t, " Preparation checklist ", focused);
    let inner = b.inner(area);
    b.render(area, buf);
    if inner.is_empty() {
        return;
    }
    let steps = &cx.data.library().steps;
    let marks = cx.data.checklist();
    let done = marks.count_among(steps.iter().map(|s| &s.id));
    let ratio = if steps.is_empty() {
        0.0
    } else {
        done as f64 / steps.len() as f64
    };
    let [gauge, list] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    // Your own content files may add steps: counted once they are loaded.
    let label = match cx.facts.loading {
        true => COUNTING.to_string(),
        false => format!("{done} of {} done", steps.len()),
    };
    Gauge::default()
        .ratio(if cx.facts.loading {
            0.0
        } else {
            ratio.clamp(0.0, 1.0)
        })
        .label(label)
        .gauge_style(t.good)
        .use_unicode(true)
        .render(gauge, buf);
    let items: Vec<(bool, &str)> = steps
        .iter()
        .map(|s| (marks.contains(&s.id), s.text.as_str()))
        .collect();
    let about = steps.get(home.step).map(|s| {
        if s.id.as_str() == crate::domain::sheet::SUMMARY_STEP {
            format!("{} Press o to see your one-page sheet.", s.detail)
        } else {
            s.detail.clone()
        }
    });
    let list = with_detail(t, list, items.len(), about.as_deref(), buf);
    draw_list(t, &items, ["[x] ", "[ ] "], home.step, focused, list, buf);
}

/// When the list leaves room below it, shows the selected item's explanation there. Returns the
/// area left for the list.
fn with_detail(t: &Theme, area: Rect, items: usize, about: Option<&str>, buf: &mut Buffer) -> Rect {
    let spare = usize::from(area.height).saturating_sub(items + 1);
    let Some(about) = about.filter(|_| spare >= 3) else {
        return area;
    };
    let mut d = Doc::new(usize::from(area.width));
    d.text(about, t.muted);
    let rows = u16::try_from(d.len().min(spare)).unwrap_or(0);
    let r = Rect {
        y: area.bottom() - rows,
        height: rows,
        ..area
    };
    draw_lines(d.window(0, usize::from(rows)), r, buf);
    Rect {
        height: area.height - rows - 1,
        ..area
    }
}

pub(super) fn asks(home: &Home, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let focused = home.pane == Pane::Asks;
    let lib = cx.data.library();
    let favs = cx.data.favourites();
    let mine = cx.data.focus().asks(lib);
    let starred = favs.count_among(mine.iter().map(|a| &a.id));
    let mut title = match cx.facts.loading {
        true => format!(" Questions to ask · {COUNTING} "),
        false => format!(" Questions to ask · {starred} starred "),
    };
    if title.chars().count() + 3 > usize::from(area.width) {
        title = " Questions to ask ".to_string();
    }
    let b = block(t, &title, focused);
    let inner = b.inner(area);
    b.render(area, buf);
    let items: Vec<(bool, &str)> = mine
        .iter()
        .map(|a| (favs.contains(&a.id), a.text.as_str()))
        .collect();
    let about = mine.get(home.ask).map(|a| a.why.as_str());
    let list = with_detail(t, inner, items.len(), about, buf);
    draw_list(t, &items, ["★ ", "☆ "], home.ask, focused, list, buf);
}

/// The rows of one list item: the selected one wrapped whole (up to [`WHOLE_ROWS`] rows), the others
/// on one row shortened between words; a column stays free at the right either way.
fn item_rows(text: &str, width: usize, selected: bool) -> Vec<String> {
    let room = width.saturating_sub(1).max(1);
    if !selected {
        return vec![clip_words(text, room).into_owned()];
    }
    let rows = crate::widgets::wrap::wrap(text, room);
    let mut out: Vec<String> = rows
        .iter()
        .take(WHOLE_ROWS)
        .map(|r| text[r.clone()].trim_end().to_string())
        .collect();
    if rows.len() > WHOLE_ROWS
        && let Some(last) = out.last_mut()
    {
        let rest = &text[rows[WHOLE_ROWS - 1].start..];
        *last = clip_words(rest, room).into_owned();
    }
    out
}

/// Columns before each item's mark, for the "›" at the cursor.
const POINTER_W: usize = 2;

/// Most rows the selected item of a list takes; Enter shows it in full.
const WHOLE_ROWS: usize = 4;

/// A list that scrolls to keep `selected` in view: one row an item, the selected one wrapped whole.
/// The focused list's selected item is also pointed at with "›", as in the set-up, so the cursor
/// shows without colour.
fn draw_list(
    t: &Theme,
    items: &[(bool, &str)],
    marks: [&str; 2],
    selected: usize,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let h = usize::from(area.height);
    if h == 0 {
        return;
    }
    let w = usize::from(area.width);
    let mark_w = marks
        .iter()
        .map(|m| unicode_width::UnicodeWidthStr::width(*m))
        .max()
        .unwrap_or(0);
    let text_w = w.saturating_sub(POINTER_W + mark_w);
    let rows_of = |i: usize| -> usize {
        items
            .get(i)
            .map_or(1, |(_, text)| item_rows(text, text_w, i == selected).len())
    };
    // As many items before the selected one as leave room for all of its rows.
    let first = selected.saturating_sub(h.saturating_sub(rows_of(selected)));
    let mut row = 0usize;
    for (i, (on, text)) in items.iter().enumerate().skip(first) {
        let mark = if *on { marks[0] } else { marks[1] };
        let style = match (i == selected, focused) {
            (true, true) => t.selected,
            (true, false) => t.heading,
            _ => t.base,
        };
        let mark_style = if i == selected && focused {
            style
        } else if *on {
            t.good
        } else {
            t.muted
        };
        for (j, part) in item_rows(text, text_w, i == selected).iter().enumerate() {
            if row >= h {
                return;
            }
            let lead = if j == 0 {
                mark.to_string()
            } else {
                " ".repeat(unicode_width::UnicodeWidthStr::width(mark))
            };
            let pointer = if i == selected && focused && j == 0 {
                "› "
            } else {
                "  "
            };
            let line = Line::from(vec![
                Span::styled(pointer, t.accent),
                Span::styled(lead, mark_style),
                Span::styled(fit(part, text_w), style),
            ]);
            draw_line(
                &line,
                Rect {
                    y: area.y + row as u16,
                    height: 1,
                    ..area
                },
                buf,
            );
            row += 1;
        }
    }
}

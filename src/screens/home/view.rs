//! Draws the Home screen: lays out the summary, the charts and the two lists, and draws the boxes
//! over them (the selected item in full, the interview date field).

use super::Home;
use super::Pane;
use super::charts as home_charts;
use super::lists::{asks, checklist};
use super::summary::summary;
use crate::kit::{Theme, ViewCtx};
use crate::widgets::doc::Doc;
use crate::widgets::text::draw_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

/// Rows of the summary at the top: countdown, counts, today's plan, the next step.
const SUMMARY_ROWS: u16 = 4;
/// Rows the charts take when there is room: 7 days, the month row and borders.
const CHART_ROWS: u16 = 10;
/// The lists keep at least this many rows (borders, gauge and three items).
const MIN_LIST_ROWS: u16 = 6;

pub(super) fn render(home: &Home, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let charts_h = area
        .height
        .saturating_sub(SUMMARY_ROWS + MIN_LIST_ROWS)
        .min(CHART_ROWS);
    let charts_h = if charts_h < 5 { 0 } else { charts_h };
    let [top, charts, lists] = Layout::vertical([
        Constraint::Length(SUMMARY_ROWS),
        Constraint::Length(charts_h),
        Constraint::Fill(1),
    ])
    .areas(area);
    summary(cx, top, buf);
    if charts_h > 0 {
        home_charts::render(cx, charts, buf);
    }
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(lists);
    checklist(home, cx, left, buf);
    asks(home, cx, right, buf);
    if home.detail {
        detail(home, cx, area, buf);
    }
    if home.date.is_some() {
        date_field(home, cx, area, buf);
    }
    if let Some(ed) = &home.debrief {
        super::debrief::render(ed, cx, area, buf);
    }
}

/// Shown for a number start-up has not worked out yet.
pub(super) const COUNTING: &str = "counting…";

pub(super) fn block<'a>(t: &Theme, title: &'a str, focused: bool) -> Block<'a> {
    Block::bordered()
        .title(Span::styled(
            title,
            if focused { t.title } else { t.heading },
        ))
        .border_style(if focused { t.focus_border } else { t.border })
}

/// A centred box `w`×`h` (clamped to `area`), cleared.
pub(super) fn popup(area: Rect, w: u16, h: u16, buf: &mut Buffer) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(r, buf);
    r
}

/// The selected item in full.
fn detail(home: &Home, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let lib = cx.data.library();
    let (title, head, body, on) = match home.pane {
        Pane::Checklist => match lib.steps.get(home.step) {
            Some(s) => (
                " Checklist step ",
                &s.text,
                &s.detail,
                cx.data.checklist().contains(&s.id),
            ),
            None => return,
        },
        Pane::Asks => match cx.data.focus().asks(lib).get(home.ask).copied() {
            Some(a) => (
                " Question to ask ",
                &a.text,
                &a.why,
                cx.data.favourites().contains(&a.id),
            ),
            None => return,
        },
    };
    // Full width unless a wide margin is left each side: a narrow strip of the screen beside the box
    // would show only the cut ends of the lists' words.
    let w = if area.width > 72 + 24 { 72 } else { area.width };
    // Inside the border, a column of margin each side.
    let mut d = Doc::new(usize::from(w.saturating_sub(4)));
    d.text(head, t.title);
    d.blank();
    d.text(body, t.base);
    d.blank();
    let state = match (home.pane, on) {
        (Pane::Checklist, true) => "Done. Space unticks it.",
        (Pane::Checklist, false) => "Not done yet. Space ticks it.",
        (Pane::Asks, true) => "Starred: it goes on your one-page summary. Space unstars it.",
        (Pane::Asks, false) => "Space stars it for your one-page summary.",
    };
    d.text(state, t.muted);
    // The checklist step for the one-page summary leads to the sheet clinicprep makes.
    let summary_step = home.pane == Pane::Checklist
        && lib
            .steps
            .get(home.step)
            .is_some_and(|s| s.id.as_str() == crate::domain::sheet::SUMMARY_STEP);
    if summary_step {
        d.blank();
        d.text(
            "clinicprep makes this page for you: press o to see your one-page sheet, then print it.",
            t.accent,
        );
    }
    let h = u16::try_from(d.len()).unwrap_or(u16::MAX).saturating_add(2);
    let r = popup(area, w, h, buf);
    let b = block(t, title, true);
    let inner = b.inner(r);
    b.render(r, buf);
    let text = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    draw_lines(d.window(0, usize::from(text.height)), text, buf);
}

/// The interview date box's width, border included.
const DATE_BOX_WIDTH: u16 = 60;

/// The interview date box over Home, while `i` has it open.
fn date_field(home: &Home, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let Some(field) = &home.date else {
        return;
    };
    // Under the field, as in the profile's date step: what the date reads as while it is typed
    // (the day in full and how far off, or what is wrong), so Enter is not the first word on it.
    let mut note = Doc::new(usize::from(
        DATE_BOX_WIDTH.min(area.width).saturating_sub(2),
    ));
    match crate::domain::prep::reading(&field.text(), cx.today) {
        Some(Ok(when)) => {
            note.text(&when, t.good);
            if field.is_offered() {
                note.text(&crate::widgets::field::offered_note("date"), t.muted);
            }
        }
        Some(Err(why)) => note.text(&why, t.warn),
        None => {}
    }
    let note_rows = u16::try_from(note.len()).unwrap_or(u16::MAX).max(1);
    let r = popup(area, DATE_BOX_WIDTH, note_rows.saturating_add(5), buf);
    let b = block(t, " Interview date ", true);
    let inner = b.inner(r);
    b.render(r, buf);
    let [help, input, note_area, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(note_rows),
        Constraint::Length(1),
    ])
    .areas(inner);
    Line::styled(
        format!(
            "When is your interview? e.g. {}",
            crate::domain::prep::date_examples(cx.today)
        ),
        t.base,
    )
    .render(help, buf);
    let mut f = field.area().clone();
    f.set_cursor_line_style(Style::new());
    f.set_style(t.selected);
    f.render(input, buf);
    draw_lines(
        note.window(0, usize::from(note_area.height)),
        note_area,
        buf,
    );
    Line::styled(
        "Enter saves · an empty date clears it · Esc cancels",
        t.muted,
    )
    .render(keys, buf);
}

//! Draws the Home screen: countdown and counts, the next step, progress charts, the checklist with
//! its gauge, and the questions to ask the interviewer.

use super::Home;
use super::Pane;
use super::charts as home_charts;
use crate::domain::plan::today::reviews_words;
use crate::domain::plan::{Next as PlanNext, Plan, Practice, Story as PlanStory};
use crate::domain::prep::charts;
use crate::domain::prep::{Progress, days_until, next_step};
use crate::kit::{Theme, ViewCtx};
use crate::widgets::clip::{clip_line, clip_words};
use crate::widgets::doc::{Doc, fit};
use crate::widgets::text::{draw_line, draw_lines};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Gauge, Widget};
use unicode_width::UnicodeWidthStr;

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

/// What Home knows, as the next-step rule wants it.
fn progress(cx: &ViewCtx) -> Progress {
    let lib = cx.data.library();
    let done = cx.data.checklist();
    let today = cx.today;
    Progress {
        interview: cx.data.interview(),
        today,
        cards_due: cx.facts.cards_due_today,
        stories: cx.facts.stories_written,
        interview_over: cx.data.interview_over(cx.offset, cx.now),
        practised_today: cx
            .data
            .rounds()
            .round
            .iter()
            .any(|r| !r.answer.is_empty() && charts::local_day(r.started, cx.offset) == today),
        next_unchecked: lib
            .steps
            .iter()
            .find(|s| !done.contains(&s.id))
            .map(|s| s.text.clone()),
    }
}

fn summary(cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let today = cx.today;
    let p = cx.data.profile();
    let employer = if p.employer.is_empty() {
        String::new()
    } else {
        format!(" at {}", crate::storage::sanitize::clean_line(&p.employer))
    };
    const KEYS: &str = "  ·  p profile, i date";
    // Where the line would lose its keys on the right, the year gives way first (the count of days
    // says which year), then the employer.
    let countdown = |with_year: bool| match cx.data.interview() {
        Some(d) => {
            let n = days_until(d, today);
            let mut when = d
                .format(if with_year {
                    "%a, %b %-d, %Y"
                } else {
                    "%a, %b %-d"
                })
                .to_string();
            if let Some(time) = p.interview_time {
                when = format!("{when}, {}", crate::domain::prep::clock(time));
            }
            match n {
                0 => format!("Interview today ({when})"),
                1 => format!("Interview tomorrow ({when})"),
                n if n > 1 => format!("Interview in {n} days ({when})"),
                _ => format!("Interview was on {when}"),
            }
        }
        None => "No interview date yet".to_string(),
    };
    let fits = |text: &str, at: &str| {
        1 + text.width() + at.width() + KEYS.width() <= usize::from(area.width)
    };
    let long = countdown(true);
    let (text, at) = if fits(&long, &employer) {
        (long, employer)
    } else {
        let short = countdown(false);
        if fits(&short, &employer) {
            (short, employer)
        } else {
            (short, String::new())
        }
    };
    let mut first = vec![Span::raw(" "), Span::styled(text, t.title)];
    if !at.is_empty() {
        first.push(Span::styled(at, t.title));
    }
    first.push(Span::styled(KEYS, t.muted));
    // (long label, short label for narrow windows, value)
    let mut counts: Vec<(&str, &str, String)> = Vec::new();
    // While start-up still loads the decks, stories and history, their numbers are not known yet.
    let loading = cx.facts.loading;
    if loading {
        for (long, short) in [
            ("Cards due now", "Due"),
            ("Stories", "Stories"),
            ("Competencies covered", "Competencies"),
        ] {
            counts.push((long, short, COUNTING.to_string()));
        }
    }
    if let Some(n) = cx.facts.cards_due_today {
        counts.push(("Cards due now", "Due", n.to_string()));
    }
    if let Some(n) = cx.facts.stories_written {
        counts.push(("Stories", "Stories", n.to_string()));
    }
    if let Some(c) = &cx.facts.competencies_covered {
        let all = cx.data.library().competencies.len();
        counts.push((
            "Competencies covered",
            "Skills",
            format!("{}/{all}", c.len()),
        ));
    }
    let rounds = &cx.data.rounds().round;
    let answered = rounds.iter().filter(|r| !r.answer.is_empty()).count();
    counts.push(("Practice rounds", "Rounds", answered.to_string()));
    let steps = &cx.data.library().steps;
    let done = cx.data.checklist().count_among(steps.iter().map(|s| &s.id));
    // Your own content files may add steps: the total is known once they are loaded.
    let checklist = match loading {
        true => COUNTING.to_string(),
        false => format!("{done}/{}", steps.len()),
    };
    counts.push(("Checklist", "Checklist", checklist));
    let long: usize = counts.iter().map(|(l, _, v)| l.len() + v.len() + 6).sum();
    let narrow = long > usize::from(area.width);
    let sep = if narrow { " · " } else { "  ·  " };
    let mut second = vec![Span::raw(" ")];
    let mut used = 1;
    for (i, (long_label, short_label, value)) in counts.into_iter().enumerate() {
        let label = if narrow { short_label } else { long_label };
        // Whole counts only: one that would not fit is left out rather than cut.
        let adds = if i > 0 { sep.chars().count() } else { 0 } + label.len() + 1 + value.len();
        if used + adds >= usize::from(area.width) {
            break;
        }
        used += adds;
        if i > 0 {
            second.push(Span::styled(sep, t.muted));
        }
        second.push(Span::styled(format!("{label} "), t.base));
        second.push(Span::styled(value, t.heading));
    }
    let (today_line, next) = match (&cx.facts.plan, loading) {
        (_, true) => (Line::default(), COUNTING.to_string()),
        (Some(plan), false) => (
            plan_line(plan, cx, usize::from(area.width.saturating_sub(1))),
            plan_next(plan, cx),
        ),
        (None, false) => (Line::default(), next_step(&progress(cx)).text()),
    };
    let fourth = Line::from(vec![
        Span::styled(" Next: ", t.key),
        Span::styled(next, t.accent),
    ]);
    // A line too long for the window is shortened between words, a column short of the edge.
    let room = usize::from(area.width.saturating_sub(1));
    let lines: Vec<Line> = [Line::from(first), Line::from(second), today_line, fourth]
        .iter()
        .map(|l| clip_line(l, room))
        .collect();
    draw_lines(&lines, area, buf);
}

/// Today's plan on one line: cards and the time they take, the story step, the practice round.
/// Where the line is wider than `room`, the count of unseen cards goes first, so the three steps
/// stay whole.
fn plan_line(plan: &Plan, cx: &ViewCtx, room: usize) -> Line<'static> {
    let t = cx.theme;
    let noted = || {
        cx.data
            .interview()
            .and_then(|d| cx.data.debriefs().notes_for(d))
            .is_some()
    };
    let day = match plan.days_left {
        // Over, later the same day: the same as the days after it.
        Some(n) if n < 0 || (n == 0 && cx.data.interview_over(cx.offset, cx.now)) => {
            Some(if noted() {
                "nothing planned. Your notes are saved (n); i sets a new date."
            } else {
                "nothing planned. How did it go? n notes it; i sets a new date."
            })
        }
        // Cards may still be due (Home counts them): the advice is to leave them, not that none are.
        Some(0) => Some("your interview: let the cards wait and reread your stories."),
        _ => None,
    };
    if let Some(text) = day {
        return Line::from(vec![
            Span::styled(" Today: ", t.key),
            Span::styled(text, t.base),
        ]);
    }
    let c = &plan.cards;
    let cards = |unseen: &str| match (plan.days_left, c.count()) {
        (Some(0), _) => "no cards today".to_string(),
        (_, 0) => format!("cards done{unseen}"),
        (_, n) => format!(
            "{n} card{} (~{} min{unseen})",
            if n == 1 { "" } else { "s" },
            c.minutes.max(1)
        ),
    };
    let story = match &plan.story {
        Some(PlanStory::Write { about: Some(a), .. }) => format!("story: {a}"),
        Some(PlanStory::Write { about: None, .. }) => "another story".to_string(),
        Some(PlanStory::Finish { title, .. }) => {
            format!("finish “{}”", crate::storage::sanitize::clean_line(title))
        }
        None => "stories done".to_string(),
    };
    let practice = match plan.practice {
        Practice::Today => "a practice round",
        Practice::Done => "practice done",
        Practice::NotYet => "practice after a story",
        Practice::Rest => "rest",
    };
    let unseen = cx
        .facts
        .interview_deck
        .map_or(String::new(), |d| format!(", {} unseen", d.unseen));
    let label = " Today: ";
    let mut text = format!("{} · {story} · {practice}", cards(&unseen));
    if label.width() + text.width() > room {
        text = format!("{} · {story} · {practice}", cards(""));
    }
    Line::from(vec![Span::styled(label, t.key), Span::styled(text, t.base)])
}

/// What s starts, in words; when the plan is done, the next-step rule (date, checklist, rest).
fn plan_next(plan: &Plan, cx: &ViewCtx) -> String {
    if plan.days_left.is_none() {
        let what = if cx.data.profile().roles.is_empty() {
            "press p to set your role and interview date"
        } else {
            "press i to set your interview date"
        };
        return format!("{what}, so clinicprep can plan your days.");
    }
    match plan.next {
        PlanNext::Cards => {
            let c = &plan.cards;
            format!(
                "study {} card{} of “My interview”, about {}. Press s to start.",
                c.count(),
                if c.count() == 1 { "" } else { "s" },
                reviews_words(c.reviews)
            )
        }
        PlanNext::Story => match &plan.story {
            Some(PlanStory::Finish { title, missing }) => format!(
                "finish “{}”: add {}. Press s to open Stories.",
                crate::storage::sanitize::clean_line(title),
                missing.join(", ")
            ),
            Some(PlanStory::Write { about: Some(a), .. }) => {
                format!("write a STAR story that shows {a}. Press s to start one.")
            }
            _ => "write a STAR story. Press s to start one.".to_string(),
        },
        PlanNext::Practice => {
            "a timed practice round, out loud. Press s to open Practice.".to_string()
        }
        PlanNext::Rest => next_step(&progress(cx)).text(),
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

fn checklist(home: &Home, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
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

fn asks(home: &Home, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
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

/// Most rows the selected item of a list takes; Enter shows it in full.
const WHOLE_ROWS: usize = 4;

/// A list that scrolls to keep `selected` in view: one row an item, the selected one wrapped whole.
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
    let text_w = w.saturating_sub(mark_w);
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
            let line = Line::from(vec![
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

fn date_field(home: &Home, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let Some(field) = &home.date else {
        return;
    };
    let r = popup(area, 60, 6, buf);
    let b = block(t, " Interview date ", true);
    let inner = b.inner(r);
    b.render(r, buf);
    let [help, input, note, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
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
    if field.is_offered() {
        Line::styled(crate::widgets::field::offered_note("date"), t.muted).render(note, buf);
    }
    Line::styled(
        "Enter saves · an empty date clears it · Esc cancels",
        t.muted,
    )
    .render(keys, buf);
}

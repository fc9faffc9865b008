//! Home's charts: the study-day heatmap, cards due over the next two weeks, and answer time by round.

use super::view::block;
use crate::domain::practice::history::{progress_line, progress_text};
use crate::domain::practice::{Grade, format_mmss};
use crate::domain::prep::charts::{self, DUE_DAYS, HEATMAP_WEEKS, TREND_ROUNDS};
use crate::kit::ViewCtx;
use crate::widgets::doc::Doc;
use crate::widgets::heatmap::{self, HeatmapView};
use crate::widgets::text::{draw_line, draw_lines};
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Sparkline, SparklineBar, Widget};

/// The three charts side by side: study days, cards due, answer time.
pub(super) fn render(cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let heat_w = (heatmap::width_for(HEATMAP_WEEKS) + 2).min(area.width / 2);
    let rest = area.width.saturating_sub(heat_w);
    // Bars as wide as leave the trend at least 20 columns.
    let bar_w = (1..=3u16)
        .rev()
        .find(|w| due_width(*w) + 20 <= rest)
        .unwrap_or(1);
    let [heat, due, trend] = Layout::horizontal([
        Constraint::Length(heat_w),
        Constraint::Length(due_width(bar_w).min(rest)),
        Constraint::Fill(1),
    ])
    .areas(area);
    study_days(cx, heat, buf);
    due_chart(cx, due, bar_w, buf);
    answer_trend(cx, trend, buf);
}

/// Columns the due chart takes with bars `bar_w` wide, borders included.
fn due_width(bar_w: u16) -> u16 {
    DUE_DAYS as u16 * (bar_w + 1) - 1 + 2
}

fn study_days(cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    if cx.facts.loading {
        block(t, " Study days: counting… ", false).render(area, buf);
        return;
    }
    let map = charts::study_heatmap(
        &cx.facts.reviews_by_day,
        cx.data.rounds().answer_times(),
        cx.offset,
        cx.today,
        HEATMAP_WEEKS,
    );
    let title = format!(" Study days: {} in 16 weeks ", map.active_days);
    let b = block(t, &title, false);
    let inner = b.inner(area);
    b.render(area, buf);
    HeatmapView {
        map: &map,
        theme: t,
    }
    .render(inner, buf);
}

fn due_chart(cx: &ViewCtx, area: Rect, bar_w: u16, buf: &mut Buffer) {
    let t = cx.theme;
    let days = charts::due_by_day(&cx.facts.due, cx.now, cx.offset, DUE_DAYS);
    // One-column bars cannot hold a two-digit count, so the busiest day's goes in the title: two
    // user walks at 80×24 found the tallest bars' numbers missing and the small ones shown.
    let most = days.iter().map(|d| d.count).max().unwrap_or(0);
    let title = if bar_w < 2 && most >= 10 {
        format!(" Due in 14 days · max {most} ")
    } else {
        " Cards due, next 14 days ".to_string()
    };
    let b = block(t, &title, false);
    let inner = b.inner(area);
    b.render(area, buf);
    if days.iter().all(|d| d.count == 0) {
        let msg = if cx.facts.loading {
            super::view::COUNTING
        } else if cx.facts.cards_due_today.is_none() {
            "Study some cards and their next reviews show here."
        } else if cx.facts.due.is_empty() {
            // Before the first card is studied, "nothing due" would read as nothing to do.
            "No cards studied yet. Each card you study shows here on the day it comes back."
        } else {
            "Nothing due in the next two weeks."
        };
        // A column free at the right, so a line that fills the box never touches its border.
        let mut d = Doc::new(usize::from(inner.width.saturating_sub(1)));
        d.text(msg, t.muted);
        draw_lines(&d.lines, inner, buf);
        return;
    }
    let bars: Vec<Bar> = days
        .iter()
        .map(|d| {
            let label = if bar_w >= 2 {
                format!("{:>2}", d.date.day())
            } else {
                d.date.format("%a").to_string().chars().take(1).collect()
            };
            Bar::new(u64::from(d.count))
                .label(Line::from(label))
                .text_value(if d.count > 0 {
                    d.count.to_string()
                } else {
                    String::new()
                })
        })
        .collect();
    BarChart::new(bars)
        .bar_width(bar_w)
        .bar_gap(1)
        .bar_style(t.accent)
        .value_style(t.selected)
        .label_style(t.muted)
        .render(inner, buf);
}

/// The last round with answers' grades as at most `rows` lines of at most `room` columns, each
/// count whole, in the order Easy, Good, Hard, Again; "Last round: " leads where a line has room
/// for it. Where they do not all fit, the weakest come first: a walk at 80×24 read "2 Good · 1
/// Hard" and never saw the "1 Again" that needed practice most.
fn last_round_grades(cx: &ViewCtx, room: usize, rows: usize) -> Vec<Line<'static>> {
    let all = grade_lines(
        cx,
        room,
        [Grade::Easy, Grade::Good, Grade::Hard, Grade::Again],
    );
    if all.len() <= rows {
        return all;
    }
    let mut weakest = grade_lines(
        cx,
        room,
        [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy],
    );
    weakest.truncate(rows);
    weakest
}

/// The last round with answers' grades in `order`, as lines of at most `room` columns.
fn grade_lines(cx: &ViewCtx, room: usize, order: [Grade; 4]) -> Vec<Line<'static>> {
    let t = cx.theme;
    let Some(round) = cx
        .data
        .rounds()
        .round
        .iter()
        .rev()
        .find(|r| !r.answer.is_empty())
    else {
        return Vec::new();
    };
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    let lead = "Last round: ";
    if room >= 24 {
        lines[0].push(Span::styled(lead, t.muted));
        used = lead.len();
    }
    let mut items_on_line = 0;
    for g in order {
        let n = round.answer.iter().filter(|a| a.grade == g).count();
        if n == 0 {
            continue;
        }
        let item = format!("{n} {}", g.label());
        let width = item.chars().count();
        let sep = if items_on_line == 0 { 0 } else { 3 };
        if items_on_line > 0 && used + sep + width > room {
            lines.push(Vec::new());
            (used, items_on_line) = (0, 0);
        }
        if width > room {
            continue;
        }
        if items_on_line > 0 {
            if let Some(l) = lines.last_mut() {
                l.push(Span::styled(" · ", t.muted));
            }
            used += 3;
        }
        used += width;
        items_on_line += 1;
        if let Some(l) = lines.last_mut() {
            l.push(Span::styled(item, t.accent));
        }
    }
    lines
        .into_iter()
        .filter(|l| l.iter().any(|s| s.style == t.accent))
        .map(Line::from)
        .collect()
}

fn answer_trend(cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let points = charts::answer_trend(cx.data.rounds(), TREND_ROUNDS);
    let b = block(t, " Answer time ", false);
    let inner = b.inner(area);
    b.render(area, buf);
    if inner.is_empty() {
        return;
    }
    let Some(last) = points.last() else {
        let mut d = Doc::new(usize::from(inner.width.saturating_sub(1)));
        d.text(
            "Your average answer time per practice round shows here.",
            t.muted,
        );
        draw_lines(&d.lines, inner, buf);
        return;
    };
    // The whole progress sentence, over as many rows as it needs while the chart keeps three
    // beneath it; the short "ticked 75% ↑" otherwise.
    // A column kept free at the right, so a row that fills the panel does not read as a cut word.
    let mut said = Doc::new(usize::from(inner.width.saturating_sub(1)).max(1));
    if let Some(line) = progress_line(cx.data.rounds()) {
        said.text(&line, t.base);
    }
    let spoken = !said.is_empty() && said.len() + 5 <= usize::from(inner.height);
    let progress_rows = match (inner.height, spoken) {
        (0..6, _) => 0,
        (_, true) => said.len(),
        _ => 1,
    };
    // The last round's grades, each count whole ("1 Good", never "1 Go"), over two rows where the
    // panel is narrow and tall enough: a user walk at 80×24 saw "1 Easy" of "1 Easy · 2 Good".
    let room = usize::from(inner.width.saturating_sub(1));
    let grade_rows = match inner.height {
        0..5 => 0,
        5..8 => 1,
        _ => 2,
    };
    let grade_lines = last_round_grades(cx, room, grade_rows);
    let grade_rows = grade_rows.min(grade_lines.len());
    let [caption, grades, progress, chart] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::try_from(grade_rows).unwrap_or(1)),
        Constraint::Length(u16::try_from(progress_rows).unwrap_or(1)),
        Constraint::Fill(1),
    ])
    .areas(inner);
    // Practice progress between rounds (rubric boxes ticked), from the Practice domain.
    if spoken {
        draw_lines(&said.lines, progress, buf);
    } else if let Some(text) = progress_text(cx.data.rounds(), usize::from(progress.width)) {
        draw_line(&Line::styled(text, t.base), progress, buf);
    }
    draw_lines(&grade_lines[..grade_rows], grades, buf);
    // "Average answer 01:40 of 02:00" where it fits, "last 01:40 / 02:00" or "01:40 / 02:00" below.
    let (lead, of) = match caption.width {
        33.. => ("Average answer ", " of "),
        18.. => ("last ", " / "),
        _ => ("", " / "),
    };
    Line::from(vec![
        Span::styled(lead, t.muted),
        Span::styled(
            format_mmss(last.mean_seconds),
            if last.over_target() { t.warn } else { t.good },
        ),
        Span::styled(format!("{of}{}", format_mmss(last.target_seconds)), t.muted),
    ])
    .render(caption, buf);
    let fit_n = usize::from(chart.width);
    let shown = &points[points.len().saturating_sub(fit_n)..];
    let max = shown
        .iter()
        .map(|p| p.mean_seconds.max(p.target_seconds))
        .max()
        .unwrap_or(1);
    let bars: Vec<SparklineBar> = shown
        .iter()
        .map(|p| {
            let style = if p.over_target() { t.warn } else { t.good };
            SparklineBar::from(u64::from(p.mean_seconds)).style(Some(style))
        })
        .collect();
    Sparkline::default()
        .data(bars)
        .max(u64::from(max))
        .render(chart, buf);
}

//! The study calendar heatmap, drawn cell by cell: one column per week, Monday at the top, shaded by
//! activity with block characters so it reads without colour too.

use crate::domain::prep::charts::Heatmap;
use crate::kit::Theme;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::Widget;

/// Glyphs for shades 0–4. Level 0 is a faint dot so the grid is visible on an empty history.
pub const SHADES: [&str; 5] = ["·", "░", "▒", "▓", "█"];

/// Monday, Wednesday and Friday are named; the rows between them are plain to keep it quiet.
const DAY_LABELS: [&str; 7] = ["M", " ", "W", " ", "F", " ", " "];
/// Columns a week takes: a cell and a gap.
const CELL_W: u16 = 2;
const LABEL_W: u16 = 2;

/// Columns the full heatmap needs for `weeks` weeks.
pub fn width_for(weeks: usize) -> u16 {
    LABEL_W + CELL_W * u16::try_from(weeks).unwrap_or(u16::MAX / 4)
}

#[derive(Debug, Clone, Copy)]
pub struct HeatmapView<'a> {
    pub map: &'a Heatmap,
    pub theme: &'a Theme,
}

impl Widget for HeatmapView<'_> {
    /// With 8 rows or more the top row names the months; the newest weeks are kept when the area is
    /// too narrow for all of them. Today's cell is underlined.
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width <= LABEL_W || area.height == 0 {
            return;
        }
        let t = self.theme;
        let fit = usize::from((area.width - LABEL_W) / CELL_W);
        let weeks = self.map.weeks.len();
        let skip = weeks.saturating_sub(fit);
        let months = area.height >= 8;
        let top = area.y + u16::from(months);
        let rows = (area.bottom() - top).min(7);
        for d in 0..rows {
            buf.set_string(area.x, top + d, DAY_LABELS[usize::from(d)], t.muted);
        }
        if months {
            for (x, name) in month_labels(self.map, skip, area) {
                buf.set_string(x, area.y, name, t.muted);
            }
        }
        for (col, w) in (skip..weeks).enumerate() {
            let x = area.x + LABEL_W + CELL_W * col as u16;
            for d in 0..rows {
                let Some(count) = self.map.weeks[w][usize::from(d)] else {
                    continue;
                };
                let level = self.map.level(count);
                let mut style = if level == 0 { t.muted } else { t.good };
                if self.map.date(w, usize::from(d)) == Some(self.map.today) {
                    style = style.add_modifier(Modifier::UNDERLINED);
                }
                buf.set_string(x, top + d, SHADES[usize::from(level)], style);
            }
        }
    }
}

/// Where the month names go over the columns from week `skip` on: each month over the week its
/// first day falls in (as calendars that run by weeks name them), right-aligned at the edge when
/// that week is the last and the name would not fit, so the month of today is named too. The
/// first column, in the middle of a month, is named for that month when the next name leaves room.
fn month_labels(map: &Heatmap, skip: usize, area: Rect) -> Vec<(u16, String)> {
    const NAME_W: u16 = 3;
    let mut starts = Vec::new();
    for (col, w) in (skip..map.weeks.len()).enumerate() {
        let (Some(monday), Some(sunday)) = (map.date(w, 0), map.date(w, 6)) else {
            continue;
        };
        let x = u16::try_from(col)
            .ok()
            .and_then(|c| c.checked_mul(CELL_W))
            .and_then(|c| c.checked_add(area.x + LABEL_W))
            .unwrap_or(u16::MAX);
        let first_of = if monday.day() == 1 {
            Some(monday)
        } else if sunday.month() != monday.month() {
            Some(sunday)
        } else {
            None
        };
        match first_of {
            Some(day) => starts.push((x, day, false)),
            None if col == 0 => starts.push((x, monday, true)),
            None => {}
        }
    }
    let mut out: Vec<(u16, String)> = Vec::new();
    let mut free_x = area.x;
    for (i, &(x, day, mid_month)) in starts.iter().enumerate() {
        let x = x.min(area.right().saturating_sub(NAME_W));
        // The first column's month gives way to a month that starts right after it.
        let next_x = starts.get(i + 1).map_or(u16::MAX, |n| n.0);
        if x < free_x || x < area.x || (mid_month && x.saturating_add(NAME_W + 1) > next_x) {
            continue;
        }
        out.push((x, day.format("%b").to_string()));
        free_x = x.saturating_add(NAME_W + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::prep::charts::heatmap;
    use chrono::NaiveDate;
    use ratatui::style::Color;
    use std::collections::BTreeMap;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn draw(map: &Heatmap, w: u16, h: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        HeatmapView {
            map,
            theme: &Theme::COLOR,
        }
        .render(buf.area, &mut buf);
        buf
    }

    #[test]
    fn cells_are_shaded_by_count_and_future_days_are_blank() {
        // Thursday 2026-11-26; the last column is that week.
        let today = d("2026-11-26");
        let counts: BTreeMap<NaiveDate, u32> =
            [(today, 8), (d("2026-11-23"), 1), (d("2026-08-10"), 4)].into();
        let map = heatmap(&counts, today, 16);
        let buf = draw(&map, width_for(16), 8);
        let last_x = LABEL_W + CELL_W * 15;
        // Row 0 is month names; Monday is row 1.
        assert_eq!(buf[(last_x, 1)].symbol(), "░", "1 of max 8");
        assert_eq!(buf[(last_x, 1)].fg, Color::Green);
        assert_eq!(buf[(last_x, 2)].symbol(), "·", "Tuesday: nothing");
        assert_eq!(buf[(last_x, 4)].symbol(), "█", "today: the max");
        assert!(buf[(last_x, 4)].modifier.contains(Modifier::UNDERLINED));
        assert_eq!(buf[(last_x, 5)].symbol(), " ", "Friday is in the future");
        assert_eq!(
            buf[(LABEL_W, 1)].symbol(),
            "▒",
            "4 of 8 in the first column"
        );
        assert_eq!(buf[(0, 1)].symbol(), "M");
        let months: String = (0..buf.area.width)
            .map(|x| buf[(x, 0)].symbol().to_string())
            .collect();
        assert!(months.contains("Aug") && months.contains("Nov"), "{months}");
    }

    /// The month row as text.
    fn month_row(buf: &Buffer) -> String {
        (0..buf.area.width)
            .map(|x| buf[(x, 0)].symbol().to_string())
            .collect()
    }

    #[test]
    fn each_month_is_named_over_the_week_of_its_first_day() {
        // Sunday 2026-12-06: the last column is Monday 30 November to today, which holds 1 December.
        let today = d("2026-12-06");
        let map = heatmap(&BTreeMap::new(), today, 16);
        let buf = draw(&map, width_for(16), 8);
        let row = month_row(&buf);
        let col_of = |day: &str| {
            let w = (0..16)
                .find(|&w| (0..7).any(|wd| map.date(w, wd) == Some(d(day))))
                .unwrap();
            usize::from(LABEL_W + CELL_W * w as u16)
        };
        assert_eq!(row.find("Sep"), Some(col_of("2026-09-01")), "{row}");
        assert_eq!(row.find("Oct"), Some(col_of("2026-10-01")), "{row}");
        assert_eq!(row.find("Nov"), Some(col_of("2026-11-01")), "{row}");
        // Today's month is named even though its week is the last column: the name ends at the edge.
        assert!(row.trim_end().ends_with("Dec"), "{row}");
        assert_eq!(row.chars().count(), usize::from(width_for(16)));
    }

    #[test]
    fn a_month_that_starts_next_to_the_first_column_takes_the_name() {
        // Sixteen weeks back from Sunday 2026-12-06 starts on Monday 17 August; with the first
        // column on 24 August (15 weeks), the next column holds 1 September.
        let today = d("2026-12-06");
        let map = heatmap(&BTreeMap::new(), today, 15);
        assert_eq!(map.date(0, 0), Some(d("2026-08-24")));
        let row = month_row(&draw(&map, width_for(15), 8));
        assert!(!row.contains("Aug"), "no room for August: {row}");
        assert_eq!(
            row.find("Sep"),
            Some(usize::from(LABEL_W + CELL_W)),
            "{row}"
        );
        // With a week to spare, the first column is named for its month.
        let map = heatmap(&BTreeMap::new(), today, 16);
        let row = month_row(&draw(&map, width_for(16), 8));
        assert_eq!(row.find("Aug"), Some(usize::from(LABEL_W)), "{row}");
    }

    #[test]
    fn a_narrow_area_keeps_the_newest_weeks() {
        let today = d("2026-11-26");
        let counts: BTreeMap<NaiveDate, u32> = [(today, 3)].into();
        let map = heatmap(&counts, today, 16);
        let buf = draw(&map, LABEL_W + CELL_W * 4, 7);
        assert_eq!(
            buf[(LABEL_W + CELL_W * 3, 3)].symbol(),
            "█",
            "today, with no month row"
        );
    }

    #[test]
    fn empty_history_draws_dots_and_tiny_areas_do_not_panic() {
        let map = heatmap(&BTreeMap::new(), d("2026-11-29"), 16);
        let buf = draw(&map, width_for(16), 7);
        let dots = (0..buf.area.width)
            .flat_map(|x| (0..7).map(move |y| (x, y)))
            .filter(|p| buf[*p].symbol() == "·")
            .count();
        assert_eq!(dots, 16 * 7);
        for (w, h) in [(0, 0), (1, 1), (2, 9), (3, 1), (5, 20)] {
            draw(&map, w, h);
        }
    }

    #[test]
    fn month_names_never_overlap_or_leave_the_area_whatever_the_day_and_width() {
        for day in 0..70 {
            let today = d("2026-11-20") + chrono::Days::new(day);
            let map = heatmap(&BTreeMap::new(), today, 16);
            for w in 0..=40 {
                let buf = draw(&map, w, 8);
                // The weeks left out as `render` leaves them out.
                let fit = usize::from(w.saturating_sub(LABEL_W) / CELL_W);
                let labels = month_labels(&map, 16 - fit.min(16), buf.area);
                for pair in labels.windows(2) {
                    assert!(
                        pair[0].0 + 3 < pair[1].0,
                        "{today} at width {w}: {labels:?}"
                    );
                }
                for (x, name) in &labels {
                    assert!(x + 3 <= w, "{today} at width {w}: {name} at {x}");
                }
            }
        }
    }
}

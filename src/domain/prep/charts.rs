//! The numbers behind the Home charts: study days by week, cards due per day, answer times by round.
//! Days are the user's local days, from an offset passed in, so tests never depend on the machine.

use crate::domain::practice::RoundLog;
use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveTime, Utc};
use std::collections::BTreeMap;

/// Weeks the study heatmap covers.
pub const HEATMAP_WEEKS: usize = 16;
/// Days the due-cards chart covers, today first.
pub const DUE_DAYS: usize = 14;
/// Rounds the answer-time trend shows, newest last.
pub const TREND_ROUNDS: usize = 30;

/// The local calendar day of `t`.
pub fn local_day(t: DateTime<Utc>, offset: FixedOffset) -> NaiveDate {
    t.with_timezone(&offset).date_naive()
}

/// How many events fell on each local day.
pub fn count_by_day(
    times: impl IntoIterator<Item = DateTime<Utc>>,
    offset: FixedOffset,
) -> BTreeMap<NaiveDate, u32> {
    let mut out = BTreeMap::new();
    for t in times {
        *out.entry(local_day(t, offset)).or_insert(0u32) += 1;
    }
    out
}

/// Adds `more` into `into`, day by day.
/// Merges practice answers into review counts per day. Practice ratings are also written to the review
/// journal, so the same answer can appear in both: a day counts the larger of the two, never the sum.
pub fn merge_counts(into: &mut BTreeMap<NaiveDate, u32>, more: &BTreeMap<NaiveDate, u32>) {
    for (day, n) in more {
        let slot = into.entry(*day).or_insert(0);
        *slot = (*slot).max(*n);
    }
}

pub fn add_counts(into: &mut BTreeMap<NaiveDate, u32>, more: &BTreeMap<NaiveDate, u32>) {
    for (day, n) in more {
        let slot = into.entry(*day).or_insert(0);
        *slot = slot.saturating_add(*n);
    }
}

/// A calendar of study activity: one column per week (Monday first), the last column holding today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heatmap {
    /// The Monday of the first column.
    pub first: NaiveDate,
    pub today: NaiveDate,
    /// `weeks[w][d]` is the count for weekday `d` (0 = Monday) of week `w`; None for days after today.
    pub weeks: Vec<[Option<u32>; 7]>,
    /// The largest count shown, for shading.
    pub max: u32,
    /// Days in the window with any activity.
    pub active_days: usize,
}

impl Heatmap {
    /// Shade 0–4: 0 for no activity, else the quarter of `max` the count reaches (at least 1), so a
    /// single review still shows.
    pub fn level(&self, count: u32) -> u8 {
        if count == 0 || self.max == 0 {
            return 0;
        }
        let q = (u64::from(count) * 4).div_ceil(u64::from(self.max));
        u8::try_from(q.clamp(1, 4)).unwrap_or(4)
    }

    /// The date of a cell.
    pub fn date(&self, week: usize, weekday: usize) -> Option<NaiveDate> {
        let offset = u64::try_from(week * 7 + weekday).ok()?;
        self.first.checked_add_days(Days::new(offset))
    }
}

/// The last `weeks` weeks of `counts` up to `today`.
pub fn heatmap(counts: &BTreeMap<NaiveDate, u32>, today: NaiveDate, weeks: usize) -> Heatmap {
    let weeks_n = weeks.max(1);
    let back = u64::from(today.weekday().num_days_from_monday()) + 7 * (weeks_n as u64 - 1);
    let first = today.checked_sub_days(Days::new(back)).unwrap_or(today);
    let mut grid = vec![[None; 7]; weeks_n];
    let mut max = 0;
    let mut active_days = 0;
    for (w, week) in grid.iter_mut().enumerate() {
        for (d, cell) in week.iter_mut().enumerate() {
            let Some(day) = first.checked_add_days(Days::new((w * 7 + d) as u64)) else {
                continue;
            };
            if day <= today {
                let n = counts.get(&day).copied().unwrap_or(0);
                max = max.max(n);
                active_days += usize::from(n > 0);
                *cell = Some(n);
            }
        }
    }
    Heatmap {
        first,
        today,
        weeks: grid,
        max,
        active_days,
    }
}

/// Cards coming due on one local day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueDay {
    pub date: NaiveDate,
    pub count: u32,
}

/// Cards due on each of the `days` local days from today, from `due` (unix milliseconds) in time
/// order. Overdue cards
/// count for today, since that is when they will be studied; dates past the window are left out.
/// Runs on every Home frame, so the times before today are counted by a binary search and only
/// those within the window are looked at (at 100,000 cards, going through them all cost 1.3 ms a
/// frame); a card's day is found by arithmetic (see [`day_index`]), not by calendar.
pub fn due_by_day(
    due: &[i64],
    now: DateTime<Utc>,
    offset: FixedOffset,
    days: usize,
) -> Vec<DueDay> {
    let today = local_day(now, offset);
    let mut out: Vec<DueDay> = (0..days)
        .map_while(|i| today.checked_add_days(Days::new(i as u64)))
        .map(|date| DueDay { date, count: 0 })
        .collect();
    let before_today = due.partition_point(|t| day_index_ms(*t, today, offset) < 0);
    if let Some(first) = out.first_mut() {
        first.count = u32::try_from(before_today).unwrap_or(u32::MAX);
    }
    for t in &due[before_today..] {
        let index = day_index_ms(*t, today, offset);
        match usize::try_from(index).ok().and_then(|i| out.get_mut(i)) {
            Some(slot) => slot.count = slot.count.saturating_add(1),
            None => break,
        }
    }
    out
}

/// Cards due after `now` but still today (local day under `offset`), from `due` in time order:
/// the learning steps of a session just studied, which come back within minutes. Home says so
/// rather than "cards done", which sent users away ten minutes before 41 cards were due.
pub fn due_later_today(due: &[i64], now: DateTime<Utc>, offset: FixedOffset) -> usize {
    let today = local_day(now, offset);
    let now_ms = now.timestamp_millis();
    let from = due.partition_point(|t| *t <= now_ms);
    let to = due.partition_point(|t| day_index_ms(*t, today, offset) < 1);
    to.saturating_sub(from)
}

const DAY_MS: i64 = 86_400_000;

/// How many local days `t` falls after `day` (negative before it): the same as
/// `(local_day(t, offset) - day).num_days()`, since under a fixed offset every local day is exactly
/// 24 hours long, but without calendar work, for loops over thousands of times a frame.
pub fn day_index(t: DateTime<Utc>, day: NaiveDate, offset: FixedOffset) -> i64 {
    day_index_ms(t.timestamp_millis(), day, offset)
}

/// [`day_index`] of a time in unix milliseconds.
pub fn day_index_ms(ms: i64, day: NaiveDate, offset: FixedOffset) -> i64 {
    let midnight = day.and_time(NaiveTime::MIN).and_utc().timestamp_millis();
    let start = midnight - i64::from(offset.local_minus_utc()) * 1000;
    ms.saturating_sub(start).div_euclid(DAY_MS)
}

/// The study heatmap: the larger of reviews and practice answers on each day (see [`merge_counts`])
/// over the last `weeks` weeks up to `today`. The same as `heatmap` over the merged counts, but only
/// the days in view are looked at, so a long history costs nothing per frame.
pub fn study_heatmap(
    reviews: &BTreeMap<NaiveDate, u32>,
    practice: impl IntoIterator<Item = DateTime<Utc>>,
    offset: FixedOffset,
    today: NaiveDate,
    weeks: usize,
) -> Heatmap {
    let mut map = heatmap(&BTreeMap::new(), today, weeks);
    let mut answers = vec![0u32; map.weeks.len() * 7];
    for t in practice {
        let index = day_index(t, map.first, offset);
        if let Some(n) = usize::try_from(index).ok().and_then(|i| answers.get_mut(i)) {
            *n += 1;
        }
    }
    let (mut max, mut active_days) = (0, 0);
    for (w, week) in map.weeks.iter_mut().enumerate() {
        for (d, cell) in week.iter_mut().enumerate() {
            let Some(slot) = cell.as_mut() else {
                continue;
            };
            let Some(day) = map.first.checked_add_days(Days::new((w * 7 + d) as u64)) else {
                continue;
            };
            let n = reviews
                .get(&day)
                .copied()
                .unwrap_or(0)
                .max(answers[w * 7 + d]);
            *slot = n;
            max = max.max(n);
            active_days += usize::from(n > 0);
        }
    }
    map.max = max;
    map.active_days = active_days;
    map
}

/// One round's place on the answer-time trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrendPoint {
    pub started: DateTime<Utc>,
    /// Mean seconds per answer in the round.
    pub mean_seconds: u32,
    pub target_seconds: u32,
}

impl TrendPoint {
    pub fn over_target(&self) -> bool {
        self.mean_seconds > self.target_seconds
    }
}

/// Mean answer time of the last `last` rounds that have answers, oldest first.
pub fn answer_trend(log: &RoundLog, last: usize) -> Vec<TrendPoint> {
    let points: Vec<TrendPoint> = log
        .round
        .iter()
        .filter_map(|r| {
            Some(TrendPoint {
                started: r.started,
                mean_seconds: r.mean_seconds()?,
                target_seconds: r.target_seconds,
            })
        })
        .collect();
    let skip = points.len().saturating_sub(last);
    points.into_iter().skip(skip).collect()
}

#[cfg(test)]
#[path = "charts_tests.rs"]
mod tests;

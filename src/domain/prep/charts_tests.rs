use super::*;
use crate::domain::content::Id;
use crate::domain::practice::{Answer, Grade, RoundRecord, Rubric};
use chrono::{Duration, TimeZone, Weekday};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn zone(hours: i32) -> FixedOffset {
    FixedOffset::east_opt(hours * 3600).unwrap()
}

#[test]
fn empty_history_gives_an_all_zero_heatmap_ending_today() {
    // 2026-11-23 is a Monday.
    let today = d("2026-11-23");
    let h = heatmap(&BTreeMap::new(), today, HEATMAP_WEEKS);
    assert_eq!(h.weeks.len(), 16);
    assert_eq!(h.first.weekday(), Weekday::Mon);
    assert_eq!(h.first, d("2026-08-10"));
    assert_eq!(h.max, 0);
    assert_eq!(h.active_days, 0);
    assert_eq!(
        h.weeks[15][0],
        Some(0),
        "today is the first cell of the last column"
    );
    assert!(
        h.weeks[15][1..].iter().all(Option::is_none),
        "the rest of this week is future"
    );
    assert!(h.weeks[..15].iter().flatten().all(|c| *c == Some(0)));
    assert_eq!(h.level(0), 0);
}

#[test]
fn heatmap_places_counts_on_their_days_and_drops_older_ones() {
    let today = d("2026-11-26"); // Thursday
    let counts: BTreeMap<NaiveDate, u32> = [
        (d("2026-11-26"), 8),
        (d("2026-11-23"), 2),
        (d("2026-08-10"), 1),  // Monday of the first column
        (d("2026-08-09"), 50), // one day too old: ignored, and not the max
        (d("2026-11-27"), 9),  // tomorrow: never shown
    ]
    .into();
    let h = heatmap(&counts, today, 16);
    assert_eq!(h.first, d("2026-08-10"));
    assert_eq!(h.weeks[15][3], Some(8));
    assert_eq!(h.weeks[15][0], Some(2));
    assert_eq!(h.weeks[0][0], Some(1));
    assert_eq!(h.weeks[15][4], None);
    assert_eq!(h.max, 8);
    assert_eq!(h.active_days, 3);
    assert_eq!(h.date(15, 3), Some(today));
    assert_eq!(
        [h.level(1), h.level(2), h.level(5), h.level(8)],
        [1, 1, 3, 4]
    );
}

#[test]
fn on_a_sunday_the_last_column_is_full() {
    let h = heatmap(&BTreeMap::new(), d("2026-11-29"), 16);
    assert!(h.weeks[15].iter().all(Option::is_some));
    assert_eq!(h.first, d("2026-08-10"));
}

#[test]
fn the_same_instant_falls_on_different_days_by_offset() {
    let late = utc("2026-11-23T23:30:00Z");
    assert_eq!(local_day(late, zone(0)), d("2026-11-23"));
    assert_eq!(local_day(late, zone(1)), d("2026-11-24"));
    assert_eq!(local_day(late, zone(-5)), d("2026-11-23"));
    let early = utc("2026-11-23T02:00:00Z");
    assert_eq!(local_day(early, zone(-5)), d("2026-11-22"));
    let counts = count_by_day([late, early, early + Duration::minutes(1)], zone(-5));
    assert_eq!(counts.get(&d("2026-11-22")), Some(&2));
    assert_eq!(counts.get(&d("2026-11-23")), Some(&1));
}

#[test]
fn add_counts_sums_days() {
    let mut a: BTreeMap<NaiveDate, u32> = [(d("2026-11-01"), 2)].into();
    let b: BTreeMap<NaiveDate, u32> = [(d("2026-11-01"), 3), (d("2026-11-02"), u32::MAX)].into();
    add_counts(&mut a, &b);
    add_counts(&mut a, &b);
    assert_eq!(a[&d("2026-11-01")], 8);
    assert_eq!(a[&d("2026-11-02")], u32::MAX, "saturates");
}

#[test]
fn due_chart_puts_overdue_in_today_and_drops_the_far_future() {
    let now = utc("2026-11-23T09:00:00Z");
    let due = [
        utc("2026-10-01T00:00:00Z"), // overdue → today
        utc("2026-11-23T23:59:59Z"), // later today
        utc("2026-11-24T00:00:00Z"), // tomorrow at midnight
        utc("2026-12-06T12:00:00Z"), // day 13, the last shown
        utc("2026-12-07T00:00:00Z"), // day 14: outside
    ];
    let chart = due_by_day(&ms(&due), now, zone(0), DUE_DAYS);
    assert_eq!(chart.len(), 14);
    assert_eq!(
        chart[0],
        DueDay {
            date: d("2026-11-23"),
            count: 2
        }
    );
    assert_eq!(chart[1].count, 1);
    assert_eq!(
        chart[13],
        DueDay {
            date: d("2026-12-06"),
            count: 1
        }
    );
    assert_eq!(chart.iter().map(|c| c.count).sum::<u32>(), 4);
    assert!(
        due_by_day(&[], now, zone(0), DUE_DAYS)
            .iter()
            .all(|c| c.count == 0)
    );
    // Times no calendar holds (a damaged history): the earliest is overdue, the latest never shown.
    let extremes = due_by_day(&[i64::MIN, 0, i64::MAX], now, zone(-12), DUE_DAYS);
    assert_eq!(extremes[0].count, 2);
    assert_eq!(extremes.iter().map(|c| c.count).sum::<u32>(), 2);
}

#[test]
fn due_chart_today_follows_the_offset() {
    // 01:00 UTC on the 24th is still the evening of the 23rd in New York (UTC-5).
    let now = utc("2026-11-24T01:00:00Z");
    let due = [utc("2026-11-24T03:00:00Z"), utc("2026-11-24T06:00:00Z")];
    let ny = due_by_day(&ms(&due), now, zone(-5), 3);
    assert_eq!(ny[0].date, d("2026-11-23"));
    assert_eq!((ny[0].count, ny[1].count), (1, 1));
    let utc_chart = due_by_day(&ms(&due), now, zone(0), 3);
    assert_eq!(utc_chart[0].date, d("2026-11-24"));
    assert_eq!(utc_chart[0].count, 2);
}

fn round(day: u32, seconds: &[u32], target: u32) -> RoundRecord {
    RoundRecord {
        answer: seconds
            .iter()
            .map(|s| Answer::new(Id::new("q"), *s, Rubric::default(), Grade::Again))
            .collect(),
        ..RoundRecord::new(
            Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap(),
            None,
            target,
        )
    }
}

#[test]
fn trend_skips_empty_rounds_and_keeps_the_newest() {
    assert!(answer_trend(&RoundLog::default(), TREND_ROUNDS).is_empty());
    let log = RoundLog {
        round: vec![
            round(1, &[100, 140], 120),
            round(2, &[], 120),
            round(3, &[90], 60),
            round(4, &[60, 61], 120),
        ],
    };
    let all = answer_trend(&log, 30);
    assert_eq!(
        all.iter().map(|p| p.mean_seconds).collect::<Vec<_>>(),
        [120, 90, 61]
    );
    assert!(!all[0].over_target() && all[1].over_target());
    let last_two = answer_trend(&log, 2);
    assert_eq!(last_two.len(), 2);
    assert_eq!(last_two[0].mean_seconds, 90);
}

#[test]
fn merging_practice_counts_takes_the_larger_per_day() {
    let mut reviews: BTreeMap<NaiveDate, u32> = [(d("2026-11-20"), 5), (d("2026-11-21"), 1)].into();
    let practice: BTreeMap<NaiveDate, u32> = [(d("2026-11-21"), 3), (d("2026-11-22"), 2)].into();
    merge_counts(&mut reviews, &practice);
    let want: BTreeMap<NaiveDate, u32> = [
        (d("2026-11-20"), 5),
        (d("2026-11-21"), 3),
        (d("2026-11-22"), 2),
    ]
    .into();
    assert_eq!(reviews, want);
}

/// The due chart as it was worked out before `day_index`: by calendar, card by card.
fn due_by_day_by_calendar(
    due: &[DateTime<Utc>],
    now: DateTime<Utc>,
    offset: FixedOffset,
    days: usize,
) -> Vec<DueDay> {
    let today = local_day(now, offset);
    let mut out: Vec<DueDay> = (0..days)
        .map_while(|i| today.checked_add_days(Days::new(i as u64)))
        .map(|date| DueDay { date, count: 0 })
        .collect();
    for t in due {
        let day = local_day(*t, offset).max(today);
        let index = (day - today).num_days();
        if let Some(slot) = usize::try_from(index).ok().and_then(|i| out.get_mut(i)) {
            slot.count = slot.count.saturating_add(1);
        }
    }
    out
}

mod by_arithmetic {
    use super::*;
    use proptest::prelude::*;

    fn instant() -> impl Strategy<Value = DateTime<Utc>> {
        // Around 2026, to the millisecond, including times just either side of midnights.
        (1_760_000_000_000i64..1_800_000_000_000)
            .prop_map(|ms| DateTime::from_timestamp_millis(ms).unwrap())
    }

    fn offset() -> impl Strategy<Value = FixedOffset> {
        (-14 * 3600..=14 * 3600).prop_map(|s| FixedOffset::east_opt(s).unwrap())
    }

    proptest! {
        #[test]
        fn due_days_match_the_calendar(
            now in instant(),
            offset in offset(),
            ahead in prop::collection::vec(-40 * 86_400_000i64..40 * 86_400_000, 0..60),
        ) {
            // In time order, as the app keeps them (see `Facts::due`).
            let mut due: Vec<DateTime<Utc>> = ahead
                .iter()
                .map(|ms| now + Duration::milliseconds(*ms))
                .collect();
            due.sort();
            prop_assert_eq!(
                due_by_day(&ms(&due), now, offset, DUE_DAYS),
                due_by_day_by_calendar(&due, now, offset, DUE_DAYS)
            );
        }

        #[test]
        fn the_study_heatmap_matches_merging_then_mapping(
            now in instant(),
            offset in offset(),
            reviews in prop::collection::vec((0u64..200, 0u32..20), 0..60),
            answers in prop::collection::vec(-200 * 86_400_000i64..86_400_000, 0..80),
        ) {
            let today = local_day(now, offset);
            let reviews: BTreeMap<NaiveDate, u32> = reviews
                .into_iter()
                .map(|(back, n)| (today - Days::new(back), n))
                .collect();
            let times: Vec<DateTime<Utc>> = answers
                .iter()
                .map(|ms| now + Duration::milliseconds(*ms))
                .collect();
            let mut merged = reviews.clone();
            merge_counts(&mut merged, &count_by_day(times.iter().copied(), offset));
            prop_assert_eq!(
                study_heatmap(&reviews, times, offset, today, HEATMAP_WEEKS),
                heatmap(&merged, today, HEATMAP_WEEKS)
            );
        }
    }
}

#[test]
fn due_chart_counts_as_going_through_every_time() {
    let now = utc("2026-11-23T09:00:00Z");
    // Every 37 minutes from 60 days before to 30 days after: overdue, in the window and past it.
    let due: Vec<_> = (-2335..1168)
        .map(|i| now + Duration::minutes(37 * i))
        .collect();
    for offset in [zone(0), zone(-5), zone(9)] {
        let chart = due_by_day(&ms(&due), now, offset, DUE_DAYS);
        let today = local_day(now, offset);
        for (i, day) in chart.iter().enumerate() {
            let naive = due
                .iter()
                .filter(|t| match day_index(**t, today, offset) {
                    n if n < 0 => i == 0,
                    n => n as usize == i,
                })
                .count();
            assert_eq!(day.count as usize, naive, "day {i} at {offset}");
        }
    }
}

/// Times as the app keeps them for the due chart: unix milliseconds.
fn ms(times: &[DateTime<Utc>]) -> Vec<i64> {
    times.iter().map(DateTime::timestamp_millis).collect()
}

#[test]
fn cards_due_later_today_are_those_after_now_before_midnight() {
    let offset = FixedOffset::west_opt(5 * 3600).unwrap();
    // 9:00 in the morning local time (14:00 UTC).
    let now = Utc.with_ymd_and_hms(2026, 12, 7, 14, 0, 0).unwrap();
    let at = |h: i64| (now + chrono::Duration::hours(h)).timestamp_millis();
    let due = [
        at(-30),
        at(-1),
        at(0),
        at(1),
        at(10),
        at(14),
        at(15),
        at(40),
    ];
    // Due now or before is not "later"; 10:00, 19:00 and 23:00 are; 0:00 is tomorrow.
    assert_eq!(due_later_today(&due, now, offset), 3);
    assert_eq!(due_later_today(&[], now, offset), 0);
}

//! Which local day a review falls on, and streaks of study days.

use super::card::ms_to_utc;
use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveTime, Offset, TimeZone, Utc};
use std::collections::BTreeMap;

/// The time zone that decides which day a review counts for. The app uses `Local`; tests use a fixed
/// offset so they do not depend on the machine's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayZone {
    /// The system's time zone, daylight saving included.
    Local,
    Fixed(FixedOffset),
}

impl DayZone {
    /// UTC days; handy for tests and servers.
    pub fn utc() -> DayZone {
        DayZone::Fixed(Utc.fix())
    }

    pub fn date_of(self, t: DateTime<Utc>) -> NaiveDate {
        match self {
            DayZone::Local => t.with_timezone(&Local).date_naive(),
            DayZone::Fixed(offset) => t.with_timezone(&offset).date_naive(),
        }
    }

    pub fn date_of_ms(self, ms: i64) -> NaiveDate {
        self.date_of(ms_to_utc(ms))
    }

    /// The instant `date` at `time` in this zone. A local time that a daylight-saving change skips
    /// is read as UTC, which is at most an hour or two off; it is only used to aim cram ordering.
    pub fn instant(self, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
        let naive = date.and_time(time);
        let local = match self {
            DayZone::Local => Local
                .from_local_datetime(&naive)
                .earliest()
                .map(|t| t.to_utc()),
            DayZone::Fixed(o) => o.from_local_datetime(&naive).earliest().map(|t| t.to_utc()),
        };
        local.unwrap_or_else(|| naive.and_utc())
    }
}

/// Consecutive study days ending today, or ending yesterday when today has no reviews yet, so the
/// streak does not read 0 every morning before the first card.
pub(super) fn streak(reviews_per_day: &BTreeMap<NaiveDate, u32>, today: NaiveDate) -> u32 {
    let studied = |d: NaiveDate| reviews_per_day.get(&d).is_some_and(|&n| n > 0);
    let mut day = if studied(today) {
        today
    } else {
        match today.pred_opt() {
            Some(d) => d,
            None => return 0,
        }
    };
    let mut n = 0;
    while studied(day) {
        n += 1;
        match day.pred_opt() {
            Some(d) => day = d,
            None => break,
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn fixed_zone_moves_late_evening_reviews_to_the_local_day() {
        let t = DateTime::parse_from_rfc3339("2024-06-01T02:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let new_york = DayZone::Fixed(FixedOffset::west_opt(4 * 3600).unwrap());
        assert_eq!(new_york.date_of(t), d("2024-05-31"));
        assert_eq!(DayZone::utc().date_of(t), d("2024-06-01"));
    }

    #[test]
    fn instant_is_the_local_time_on_that_date() {
        let new_york = DayZone::Fixed(FixedOffset::west_opt(4 * 3600).unwrap());
        let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        let t = new_york.instant(d("2024-06-03"), nine);
        assert_eq!(t.to_rfc3339(), "2024-06-03T13:00:00+00:00");
        assert_eq!(new_york.date_of(t), d("2024-06-03"));
    }

    #[test]
    fn streak_counts_back_from_today_or_yesterday() {
        let mut m = BTreeMap::new();
        for day in ["2024-05-28", "2024-05-29", "2024-05-30", "2024-05-26"] {
            m.insert(d(day), 3);
        }
        assert_eq!(streak(&m, d("2024-05-30")), 3);
        assert_eq!(streak(&m, d("2024-05-31")), 3, "today not studied yet");
        assert_eq!(streak(&m, d("2024-06-01")), 0, "missed a whole day");
        m.insert(d("2024-05-27"), 0);
        assert_eq!(
            streak(&m, d("2024-05-30")),
            3,
            "a zero count breaks the streak"
        );
        m.insert(d("2024-05-27"), 1);
        assert_eq!(streak(&m, d("2024-05-30")), 5);
    }
}

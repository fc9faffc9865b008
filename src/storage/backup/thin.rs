//! Which backups to keep as they age: many recent ones, then one a day, a week and a month, like Anki.

use chrono::{DateTime, Datelike, Utc};
use std::collections::HashSet;

/// How many backups of each kind are kept. A backup is kept if any rule wants it:
/// - the `recent` newest, whatever their dates (so a clock that jumped ahead, which makes every real
///   backup look old, still deletes none of the newest);
/// - for each of the `daily` most recent days that have a backup, that day's newest;
/// - likewise for the `weekly` most recent ISO weeks and the `monthly` most recent months.
///
/// Days, weeks and months are UTC. At most 12 + 7 + 4 + 12 = 35 backups are kept, and a year-old
/// state is still there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub recent: usize,
    pub daily: usize,
    pub weekly: usize,
    pub monthly: usize,
}

pub const POLICY: Policy = Policy {
    recent: 12,
    daily: 7,
    weekly: 4,
    monthly: 12,
};

impl Policy {
    /// For backups given newest first, whether each is kept. Only their order and calendar
    /// buckets matter, never the clock, so no setting of the clock can make a backup go.
    pub fn keep(&self, times: &[DateTime<Utc>]) -> Vec<bool> {
        let mut keep = vec![false; times.len()];
        for k in keep.iter_mut().take(self.recent.max(1)) {
            *k = true;
        }
        let day = |t: &DateTime<Utc>| (t.year(), t.ordinal());
        let week = |t: &DateTime<Utc>| {
            let w = t.iso_week();
            (w.year(), w.week())
        };
        let month = |t: &DateTime<Utc>| (t.year(), t.month());
        newest_per_bucket(times, self.daily, day, &mut keep);
        newest_per_bucket(times, self.weekly, week, &mut keep);
        newest_per_bucket(times, self.monthly, month, &mut keep);
        keep
    }
}

/// Marks the first (newest) backup of each of the `n` most recent buckets.
fn newest_per_bucket<K: Eq + std::hash::Hash>(
    times: &[DateTime<Utc>],
    n: usize,
    bucket: impl Fn(&DateTime<Utc>) -> K,
    keep: &mut [bool],
) {
    let mut seen = HashSet::new();
    for (i, t) in times.iter().enumerate() {
        if seen.len() == n {
            break;
        }
        if seen.insert(bucket(t)) {
            keep[i] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeDelta, TimeZone};
    use proptest::prelude::*;

    fn at(days_ago: i64, hours_ago: i64, now: DateTime<Utc>) -> DateTime<Utc> {
        now - TimeDelta::days(days_ago) - TimeDelta::hours(hours_ago)
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 23, 30, 0).unwrap()
    }

    #[test]
    fn keeps_the_twelve_newest_of_the_last_day() {
        // One every 30 minutes for 10 hours: 20 backups today.
        let times: Vec<_> = (0..20)
            .map(|i| now() - TimeDelta::minutes(30 * i))
            .collect();
        let keep = POLICY.keep(&times);
        assert!(keep[..12].iter().all(|k| *k), "{keep:?}");
        assert!(keep[12..].iter().all(|k| !*k), "{keep:?}");
    }

    #[test]
    fn keeps_one_a_day_for_a_week_then_one_a_week_then_one_a_month() {
        // Two backups a day, every day for 400 days.
        let times: Vec<_> = (0..800).map(|i| at(i / 2, 12 * (i % 2), now())).collect();
        let keep = POLICY.keep(&times);
        let kept: Vec<_> = times
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(t, _)| *t)
            .collect();
        // The 12 newest (six days of two), plus the newest of the seventh day.
        let last_week = kept
            .iter()
            .filter(|t| now() - **t < TimeDelta::days(7))
            .count();
        assert_eq!(last_week, 13, "{kept:?}");
        let oldest = kept.last().unwrap();
        assert!(now() - *oldest > TimeDelta::days(300), "{oldest}");
        assert!(now() - *oldest < TimeDelta::days(366), "{oldest}");
        assert!(kept.len() <= 12 + 7 + 4 + 12, "{}", kept.len());
        // Nothing is kept from more than 12 months back.
        assert!(!keep[700..].iter().any(|k| *k));
    }

    #[test]
    fn the_newest_is_kept_even_when_old() {
        let times = vec![at(500, 0, now()), at(900, 0, now())];
        assert_eq!(POLICY.keep(&times), vec![true, true]);
        assert_eq!(POLICY.keep(&[]), Vec::<bool>::new());
    }

    proptest! {
        #[test]
        fn never_keeps_more_than_the_policy_allows_and_always_the_newest(
            mut ages in prop::collection::vec(0i64..(3 * 365 * 24 * 60), 1..300)
        ) {
            ages.sort();
            let times: Vec<_> = ages.iter().map(|m| now() - TimeDelta::minutes(*m)).collect();
            let keep = POLICY.keep(&times);
            prop_assert!(keep[0]);
            let n = keep.iter().filter(|k| **k).count();
            prop_assert!(n <= 12 + 7 + 4 + 12, "{}", n);
            // Thinning again what was kept keeps all of it: pruning is stable from one start to the next.
            let kept: Vec<_> = times.iter().zip(&keep).filter(|(_, k)| **k).map(|(t, _)| *t).collect();
            let again = POLICY.keep(&kept);
            prop_assert!(again.iter().all(|k| *k));
        }
    }
}

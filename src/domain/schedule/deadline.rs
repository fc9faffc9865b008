//! No review after the interview: before the interview day, a grade never schedules a card past it.
//!
//! The interview is a local calendar day `D` (in the store's [`DayZone`]). The rule, graded at `now`:
//!
//! - before the day before the interview (`D − 1`): a card is due no later than the *start* of
//!   `D − 1` (00:00 local), so the last review of every card lands on the final full day, when its
//!   predicted recall on the day is highest for the least work;
//! - on `D − 1` itself: no later than the start of `D`, so a card graded on the last evening comes
//!   back on the interview morning at the earliest, never after the interview;
//! - on `D` and after: no limit; normal scheduling resumes.
//!
//! Only the due time is clamped. Stability, difficulty and `scheduled_days` stay what FSRS computed,
//! so the memory state is honest and the next review after the interview starts from it; a card whose
//! `due − last_review` is shorter than its `scheduled_days` was clamped.

use super::card::CardState;
use super::days::DayZone;
use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};

/// The latest a card graded at `now` may be due, for an interview on `interview`; `None` when no
/// limit applies (on the interview day, after it, or with no date).
pub fn latest_due(
    interview: Option<NaiveDate>,
    zone: DayZone,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let day = interview?;
    let start_of = |d: NaiveDate| zone.instant(d, NaiveTime::MIN);
    let interview_starts = start_of(day);
    if now >= interview_starts {
        return None;
    }
    let eve_starts = day.checked_sub_days(Days::new(1)).map(start_of);
    match eve_starts {
        Some(eve) if now < eve => Some(eve),
        _ => Some(interview_starts),
    }
}

/// `state` with its due time brought forward to `latest` if it was later. Nothing else changes.
pub fn clamp_due(mut state: CardState, latest: Option<DateTime<Utc>>) -> CardState {
    if let Some(latest) = latest {
        let ms = latest.timestamp_millis();
        if state.due_ms > ms {
            state.due_ms = ms.max(state.last_review_ms);
        }
    }
    state
}

/// True when `state` was brought forward by the interview (see the module notes).
pub fn was_clamped(state: &CardState) -> bool {
    state.due_ms - state.last_review_ms < state.scheduled_days.saturating_mul(86_400_000)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::{Grade, Scheduler, Settings};
    use chrono::{Duration, FixedOffset};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn new_york() -> DayZone {
        DayZone::Fixed(FixedOffset::west_opt(5 * 3600).unwrap())
    }

    /// 14:00 local in New York on `day`.
    fn afternoon(day: &str) -> DateTime<Utc> {
        new_york().instant(d(day), NaiveTime::from_hms_opt(14, 0, 0).unwrap())
    }

    #[test]
    fn the_limit_is_the_start_of_the_eve_then_the_start_of_the_day_then_none() {
        let z = new_york();
        let interview = Some(d("2026-12-03"));
        let eve = z.instant(d("2026-12-02"), NaiveTime::MIN);
        let day = z.instant(d("2026-12-03"), NaiveTime::MIN);
        assert_eq!(latest_due(interview, z, afternoon("2026-11-23")), Some(eve));
        assert_eq!(latest_due(interview, z, afternoon("2026-12-01")), Some(eve));
        assert_eq!(
            latest_due(interview, z, eve - Duration::milliseconds(1)),
            Some(eve)
        );
        assert_eq!(latest_due(interview, z, eve), Some(day));
        assert_eq!(latest_due(interview, z, afternoon("2026-12-02")), Some(day));
        assert_eq!(latest_due(interview, z, day), None);
        assert_eq!(latest_due(interview, z, afternoon("2026-12-03")), None);
        assert_eq!(latest_due(interview, z, afternoon("2027-01-10")), None);
        assert_eq!(latest_due(None, z, afternoon("2026-11-23")), None);
        // The limit is always after `now`, so a clamped card never comes back at once.
        for day in ["2026-11-01", "2026-12-01", "2026-12-02"] {
            let now = afternoon(day);
            assert!(latest_due(interview, z, now).unwrap() > now);
        }
    }

    #[test]
    fn only_the_due_time_moves() {
        let s = Scheduler::new(Settings::default());
        let now = afternoon("2026-11-23");
        let card = s.grade(None, Grade::Easy, now);
        let card = s.grade(Some(&card), Grade::Easy, card.due());
        let later = card.due() + Duration::days(1);
        let real = s.grade(Some(&card), Grade::Easy, later);
        let limit = later + Duration::days(2);
        assert!(real.due() > limit, "{real:?}");
        let clamped = clamp_due(real.clone(), Some(limit));
        assert_eq!(clamped.due(), limit);
        assert_eq!(
            CardState {
                due_ms: real.due_ms,
                ..clamped.clone()
            },
            real,
            "stability, difficulty and the rest are FSRS's own"
        );
        assert!(was_clamped(&clamped) && !was_clamped(&real));
        assert_eq!(clamp_due(real.clone(), None), real);
        let sooner = clamp_due(real.clone(), Some(real.due() + Duration::days(1)));
        assert_eq!(sooner, real, "a card due before the limit is left alone");
    }
}

#[cfg(test)]
mod store_tests {
    //! The clamp through the store: grades, bulk grades and button previews all respect it.
    use crate::domain::content::Id;
    use crate::domain::schedule::{DayZone, Grade, ReviewStore, Settings, StoreOptions};
    use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, Utc};
    use proptest::prelude::*;

    fn zone() -> DayZone {
        DayZone::Fixed(FixedOffset::west_opt(6 * 3600).unwrap())
    }

    fn interview() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
    }

    fn open(dir: &std::path::Path, date: Option<NaiveDate>, now: DateTime<Utc>) -> ReviewStore {
        let options = StoreOptions {
            settings: Settings {
                interview: date,
                ..Settings::default()
            },
            zone: zone(),
            snapshot_every: 500,
        };
        ReviewStore::open(dir, &options, now).unwrap().0
    }

    fn start_of(day: NaiveDate) -> DateTime<Utc> {
        zone().instant(day, NaiveTime::MIN)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any grades at any times in the 40 days before the interview: nothing is ever due after the
        /// start of the interview day, nothing graded before the eve is due after the eve starts, and
        /// every button showed exactly what the grade then did.
        #[test]
        fn no_grade_before_the_day_is_due_after_it(
            steps in proptest::collection::vec((0u8..6, 1u8..=4, 0i64..(40 * 24 * 60)), 1..60)
        ) {
            let dir = tempfile::tempdir().unwrap();
            let day = interview();
            let first = start_of(day) - Duration::days(40);
            let mut store = open(dir.path(), Some(day), first);
            let eve = start_of(day - chrono::Days::new(1));
            let mut times: Vec<i64> = steps.iter().map(|s| s.2).collect();
            times.sort_unstable();
            for ((card, grade, _), minutes) in steps.iter().zip(times) {
                let now = first + Duration::minutes(minutes);
                let id = Id::new(format!("c{card}"));
                let g = Grade::from_number(*grade).unwrap();
                let shown = store.preview_detail(&id, now);
                let state = store.grade(&id, g, now).unwrap();
                prop_assert!(state.due() <= start_of(day), "{state:?} graded {now}");
                if now < eve {
                    prop_assert!(state.due() <= eve, "{state:?} graded {now}");
                }
                prop_assert!(state.due() > now || state.due_ms == state.last_review_ms);
                let button = shown[usize::from(g.number() - 1)];
                prop_assert_eq!(state.due() - state.last_review(), button.interval);
            }
        }
    }

    #[test]
    fn buttons_show_the_clamp_and_after_the_day_scheduling_is_normal() {
        let dir = tempfile::tempdir().unwrap();
        let day = interview();
        let now = start_of(day) - Duration::days(4) + Duration::hours(15);
        let mut store = open(dir.path(), Some(day), now);
        let id = Id::new("q");
        store
            .grade(&id, Grade::Easy, now - Duration::days(30))
            .unwrap();
        let p = store.preview_detail(&id, now);
        let eve = start_of(day - chrono::Days::new(1));
        assert!(!p[0].clamped, "Again is short: {p:?}");
        assert!(p[3].clamped, "Easy would pass the interview: {p:?}");
        assert_eq!(now + p[3].interval, eve);
        assert_eq!(store.preview(&id, now)[3].1, p[3].interval);

        // The same history without a date gives the longer, real interval.
        let dir2 = tempfile::tempdir().unwrap();
        let mut free = open(dir2.path(), None, now);
        free.grade(&id, Grade::Easy, now - Duration::days(30))
            .unwrap();
        let real = free.preview_detail(&id, now);
        assert!(real[3].interval > p[3].interval && !real[3].clamped);

        // On the interview day and after, grades are not limited.
        let after = start_of(day) + Duration::hours(12);
        let state = store.grade(&id, Grade::Easy, after).unwrap();
        assert!(state.due() > after + Duration::days(2), "{state:?}");
        assert!(store.preview_detail(&id, after).iter().all(|p| !p.clamped));
    }

    #[test]
    fn the_memory_state_is_kept_and_survives_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let day = interview();
        let now = start_of(day) - Duration::days(5);
        let mut store = open(dir.path(), Some(day), now);
        let id = Id::new("q");
        store
            .grade(&id, Grade::Easy, now - Duration::days(20))
            .unwrap();
        let clamped = store.grade(&id, Grade::Easy, now).unwrap();
        let dir2 = tempfile::tempdir().unwrap();
        let mut free = open(dir2.path(), None, now);
        free.grade(&id, Grade::Easy, now - Duration::days(20))
            .unwrap();
        let real = free.grade(&id, Grade::Easy, now).unwrap();
        assert!(clamped.due() < real.due());
        assert_eq!(
            (
                clamped.stability,
                clamped.difficulty,
                clamped.scheduled_days
            ),
            (real.stability, real.difficulty, real.scheduled_days)
        );
        drop(store);
        let store = open(dir.path(), Some(day), now);
        assert_eq!(store.state(&id), Some(&clamped));
    }
}

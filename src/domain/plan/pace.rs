//! How many new cards a day, so that every card of "My interview" is seen before the interview.
//!
//! The rule, for a day `today` and an interview on day `D` (`n = D − today` days left):
//!
//! - Every card should be first seen by `D − 3` ([`SEEN_BY_DAYS_BEFORE`]), leaving the last days for
//!   reviews. From today to `D − 3` there are `n − 2` study days, today included.
//! - Today's share is the cards still unseen at the start of today (unseen now plus those introduced
//!   today) spread evenly over those days, rounded up. It is never below the `daily_new_limit`
//!   setting: pacing only ever raises the number.
//! - With fewer than 3 days left the target day has passed, so what is unseen is spread over the days
//!   before the interview (`n` days, today included), and the plan says it is late. But the evening
//!   before ([`LAST_EVENING`]) asks no more new cards than an ordinary day: a persona walk was given
//!   all 97 cards it had not seen, 71 minutes of them, the night before its interview. What stays
//!   unseen is left to cram mode, which puts what the user knows least first.
//! - On the interview day no new cards are started. With no date, or after the date, the
//!   `daily_new_limit` setting is the number, as before.
//!
//! The number is the day's total: the allowance left now is that total minus the new cards already
//! introduced today (see `schedule::new_allowance`, which reads it from `Settings::daily_new_limit`).

use chrono::NaiveDate;

/// Every card should be first seen at least this many days before the interview.
pub const SEEN_BY_DAYS_BEFORE: i64 = 3;

/// Never more new cards in one day than this, whatever the pace asks (the config's own upper limit).
pub const MOST_NEW_PER_DAY: u32 = 1000;

/// Days left on the evening before the interview: new cards are held to the daily limit.
pub const LAST_EVENING: i64 = 1;

/// Why today's number of new cards is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaceReason {
    /// No interview date: the `daily_new_limit` setting.
    NoDate,
    /// Spread over `days` study days so every card is seen by three days before the interview.
    OnTrack { days: i64 },
    /// Fewer than three days left: what is unseen is spread over the `days` days before the
    /// interview, except on the last evening; `held_back` cards stay unseen however the days go.
    Late { days: i64, held_back: usize },
    /// The interview is today: no new cards.
    InterviewToday,
    /// The date has passed: the `daily_new_limit` setting again.
    Passed,
}

/// Today's total of new cards and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    /// New cards to introduce today in all, counting those already introduced today.
    pub per_day: u32,
    pub reason: PaceReason,
}

impl Pace {
    /// New cards still to start today, given how many were introduced today already and how many are
    /// unseen now.
    pub fn left_today(&self, introduced_today: u32, unseen: usize) -> usize {
        (self.per_day.saturating_sub(introduced_today) as usize).min(unseen)
    }
}

/// Today's pace. `unseen` is the cards of "My interview" never studied, `introduced_today` the new
/// cards already started today, `limit` the `daily_new_limit` setting.
pub fn pace(
    unseen: usize,
    introduced_today: u32,
    limit: u32,
    interview: Option<NaiveDate>,
    today: NaiveDate,
) -> Pace {
    let Some(day) = interview else {
        return Pace {
            per_day: limit,
            reason: PaceReason::NoDate,
        };
    };
    let left = (day - today).num_days();
    let (days, reason) = match left {
        n if n < 0 => {
            return Pace {
                per_day: limit,
                reason: PaceReason::Passed,
            };
        }
        0 => {
            return Pace {
                per_day: 0,
                reason: PaceReason::InterviewToday,
            };
        }
        n if n >= SEEN_BY_DAYS_BEFORE => {
            let days = n - SEEN_BY_DAYS_BEFORE + 1;
            (days, PaceReason::OnTrack { days })
        }
        n => (
            n,
            PaceReason::Late {
                days: n,
                held_back: 0,
            },
        ),
    };
    let to_spread = unseen as u64 + u64::from(introduced_today);
    let days = days.max(1) as u64;
    let share = to_spread.div_ceil(days);
    let per_day = u32::try_from(share)
        .unwrap_or(u32::MAX)
        .max(limit)
        .min(MOST_NEW_PER_DAY.max(limit));
    if left == LAST_EVENING {
        let held_back = usize::try_from(to_spread.saturating_sub(u64::from(limit))).unwrap_or(0);
        return Pace {
            per_day: per_day.min(limit),
            reason: PaceReason::Late { days: 1, held_back },
        };
    }
    Pace { per_day, reason }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const TODAY: &str = "2026-11-23";

    fn in_days(n: i64) -> Option<NaiveDate> {
        let t = d(TODAY);
        Some(if n >= 0 {
            t + Days::new(n as u64)
        } else {
            t - Days::new((-n) as u64)
        })
    }

    /// The table the issue asks for: days left 30, 10, 3, 1, 0 and past; decks of 0, 1 and 300 cards;
    /// the `daily_new_limit` of 20. Each entry is today's total of new cards.
    #[test]
    fn pacing_table() {
        let days = [30, 10, 3, 1, 0, -1];
        let table: Vec<(usize, [u32; 6])> = [0, 1, 300]
            .into_iter()
            .map(|deck| {
                (
                    deck,
                    days.map(|n| pace(deck, 0, 20, in_days(n), d(TODAY)).per_day),
                )
            })
            .collect();
        assert_eq!(
            table,
            [
                (0, [20, 20, 20, 20, 0, 20]),
                (1, [20, 20, 20, 20, 0, 20]),
                // 300 over 28 days is 11 (below the limit); over 8 days 38; on D−3 all 300; on
                // the evening before only the limit; none on the day; the limit again after it.
                (300, [20, 38, 300, 20, 0, 20]),
            ]
        );
        assert_eq!(pace(300, 0, 20, None, d(TODAY)).reason, PaceReason::NoDate);
        assert_eq!(
            pace(300, 0, 20, in_days(10), d(TODAY)).reason,
            PaceReason::OnTrack { days: 8 }
        );
        assert_eq!(
            pace(300, 0, 20, in_days(1), d(TODAY)).reason,
            PaceReason::Late {
                days: 1,
                held_back: 280
            }
        );
        assert_eq!(
            pace(300, 0, 20, in_days(0), d(TODAY)).reason,
            PaceReason::InterviewToday
        );
        assert_eq!(
            pace(300, 0, 20, in_days(-1), d(TODAY)).reason,
            PaceReason::Passed
        );
        // What is shown as "new today" never exceeds what is unseen.
        assert_eq!(pace(1, 0, 20, in_days(10), d(TODAY)).left_today(0, 1), 1);
        assert_eq!(pace(0, 0, 20, in_days(10), d(TODAY)).left_today(0, 0), 0);
    }

    #[test]
    fn the_number_holds_steady_through_the_day() {
        let start = pace(226, 0, 20, in_days(10), d(TODAY));
        assert_eq!(start.per_day, 29);
        for done in [1, 10, 29] {
            let later = pace(226 - done as usize, done, 20, in_days(10), d(TODAY));
            assert_eq!(later.per_day, 29, "after {done}");
            assert_eq!(
                later.left_today(done, 226 - done as usize),
                29 - done as usize
            );
        }
    }

    #[test]
    fn a_huge_deck_is_capped_and_a_higher_limit_is_kept() {
        assert_eq!(
            pace(50_000, 0, 20, in_days(3), d(TODAY)).per_day,
            MOST_NEW_PER_DAY
        );
        assert_eq!(pace(10, 0, 50, in_days(10), d(TODAY)).per_day, 50);
        assert_eq!(
            pace(10, 0, 0, None, d(TODAY)).per_day,
            0,
            "0 means no new cards"
        );
    }

    /// The evening before, no more new cards than any day's, however many are unseen; the rest is
    /// said to be held back. Two days before, they are still spread over the two days.
    #[test]
    fn the_last_evening_asks_no_more_than_an_ordinary_day() {
        let eve = pace(97, 0, 20, in_days(1), d(TODAY));
        assert_eq!(eve.per_day, 20);
        assert_eq!(
            eve.reason,
            PaceReason::Late {
                days: 1,
                held_back: 77
            }
        );
        let few = pace(12, 3, 20, in_days(1), d(TODAY));
        assert_eq!(
            few.left_today(3, 12),
            12,
            "all of a few, as on any day: {few:?}"
        );
        assert_eq!(
            few.reason,
            PaceReason::Late {
                days: 1,
                held_back: 0
            }
        );
        let two = pace(97, 0, 20, in_days(2), d(TODAY));
        assert_eq!(two.per_day, 49);
        assert_eq!(
            two.reason,
            PaceReason::Late {
                days: 2,
                held_back: 0
            }
        );
    }

    /// Doing exactly the plan every day, for any deck and any number of days left from three on,
    /// leaves no card unseen by three days before the interview.
    #[test]
    fn following_the_pace_sees_every_card_in_time() {
        for deck in [0usize, 1, 2, 7, 29, 100, 226, 300, 999] {
            for left in SEEN_BY_DAYS_BEFORE..=40i64 {
                let interview = in_days(left).unwrap();
                let mut unseen = deck;
                let mut day = d(TODAY);
                let deadline = if left >= SEEN_BY_DAYS_BEFORE {
                    interview - Days::new(SEEN_BY_DAYS_BEFORE as u64)
                } else {
                    interview - Days::new(1)
                };
                while day <= deadline {
                    let p = pace(unseen, 0, 20, Some(interview), day);
                    unseen -= p.left_today(0, unseen);
                    day = day + Days::new(1);
                }
                assert_eq!(unseen, 0, "deck {deck}, {left} days left");
            }
        }
    }
}

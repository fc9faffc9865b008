//! FSRS scheduling: grades, settings, next states, button previews and predicted recall.

use super::card::{CardState, Phase, truncate_to_ms};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating};
use serde::{Deserialize, Serialize};

/// The user's study settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The recall probability FSRS aims for when a card comes due. Higher means more reviews.
    pub desired_retention: f64,
    /// The longest gap between reviews; a year keeps facts fresh for the next job search.
    pub maximum_interval_days: i32,
    /// New cards introduced per local day, so a big deck does not bury the user in reviews later.
    /// With an interview date the plan may raise it to pace the deck to the date (see
    /// `crate::domain::plan::pace`).
    pub daily_new_limit: u32,
    /// The interview day, if set: before it, no grade schedules a card past it (see
    /// [`super::deadline`]). After it, normal scheduling resumes.
    pub interview: Option<NaiveDate>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            desired_retention: 0.9,
            maximum_interval_days: 365,
            daily_new_limit: 20,
            interview: None,
        }
    }
}

/// How well the user recalled a card. The numbers 1–4 are what FSRS and the journal use.
/// Serialized in lowercase (`"good"`) where a person reads it, as in the practice round log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    pub fn from_number(n: u8) -> Option<Grade> {
        match n {
            1 => Some(Grade::Again),
            2 => Some(Grade::Hard),
            3 => Some(Grade::Good),
            4 => Some(Grade::Easy),
            _ => None,
        }
    }

    pub fn number(self) -> u8 {
        match self {
            Grade::Again => 1,
            Grade::Hard => 2,
            Grade::Good => 3,
            Grade::Easy => 4,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }

    /// The key that grades a card: 1–4, as in Anki, so users' habits carry over.
    pub fn key(self) -> char {
        char::from(b'0' + self.number())
    }

    pub fn from_key(c: char) -> Option<Grade> {
        let n = c.to_digit(10)?;
        Grade::from_number(u8::try_from(n).ok()?)
    }

    fn rating(self) -> Rating {
        match self {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

/// Computes next states with FSRS. Fuzz is off so the same history always gives the same schedule,
/// which keeps previews honest and lets tests pin exact intervals.
#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: FSRS,
    max_days: i32,
}

impl Scheduler {
    /// Out-of-range settings are clamped rather than rejected: a retention of 1.0 would make every
    /// interval collapse to a day, and a NaN would make FSRS produce NaN stabilities.
    pub fn new(settings: Settings) -> Scheduler {
        let retention = if settings.desired_retention.is_finite() {
            settings.desired_retention.clamp(0.7, 0.99)
        } else {
            Settings::default().desired_retention
        };
        let max_days = settings.maximum_interval_days.clamp(1, 36_500);
        let params = Parameters {
            request_retention: retention,
            maximum_interval: max_days,
            enable_fuzz: false,
            ..Parameters::default()
        };
        Scheduler {
            fsrs: FSRS::new(params),
            max_days,
        }
    }

    /// rs-fsrs keeps Easy at least a day past Good even when that passes the maximum interval; the
    /// user's cap wins here.
    fn capped(&self, card: &Card) -> CardState {
        let mut next = CardState::from_fsrs(card);
        let max = i64::from(self.max_days);
        if next.scheduled_days > max {
            next.scheduled_days = max;
            next.due_ms = next.last_review_ms + max * 86_400_000;
        }
        next
    }

    /// The card's state after grading it at `now`; `None` means the card has never been reviewed.
    pub fn grade(&self, card: Option<&CardState>, grade: Grade, now: DateTime<Utc>) -> CardState {
        let (card, now) = fsrs_input(card, now);
        self.capped(&self.fsrs.next(card, now, grade.rating()).card)
    }

    /// For each grade, how long until the card would come back; shown on the grade buttons.
    pub fn preview(&self, card: Option<&CardState>, now: DateTime<Utc>) -> [(Grade, Duration); 4] {
        let (fsrs_card, at) = fsrs_input(card, now);
        let all = self.fsrs.repeat(fsrs_card, at);
        Grade::ALL.map(|g| {
            let next = match all.get(&g.rating()) {
                Some(info) => self.capped(&info.card),
                None => self.grade(card, g, now),
            };
            (g, next.due() - at)
        })
    }
}

/// The FSRS card and time to schedule from. Time is cut to whole ms, the stored precision, so a state
/// computed in memory equals one recomputed from disk. A clock that went backwards counts as no time
/// passing: a negative elapsed time would give FSRS a recall above 1 and a NaN stability.
pub(super) fn fsrs_input(card: Option<&CardState>, now: DateTime<Utc>) -> (Card, DateTime<Utc>) {
    let now = truncate_to_ms(now);
    match card {
        Some(c) if c.phase != Phase::New => (c.to_fsrs(), now.max(c.last_review())),
        _ => (
            Card {
                due: now,
                last_review: now,
                ..Card::default()
            },
            now,
        ),
    }
}

/// A short label for an interval, e.g. "10m", "4d", "3mo", "1.2y", for grade buttons and lists.
pub fn format_interval(d: Duration) -> String {
    let secs = d.num_seconds().max(0) as f64;
    if secs < 60.0 {
        return "<1m".to_string();
    }
    let minutes = (secs / 60.0).round();
    if minutes < 60.0 {
        return format!("{minutes}m");
    }
    let hours = (secs / 3600.0).round();
    if hours < 24.0 {
        return format!("{hours}h");
    }
    let days = (secs / 86_400.0).round();
    if days < 30.0 {
        return format!("{days}d");
    }
    let months = (days / 30.4375).round();
    if months < 12.0 {
        return format!("{months}mo");
    }
    let years = format!("{:.1}", days / 365.25);
    format!("{}y", years.strip_suffix(".0").unwrap_or(&years))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::recall::recall_at;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_717_000_000, 0).unwrap()
    }

    #[test]
    fn grade_numbers_and_keys_round_trip() {
        for g in Grade::ALL {
            assert_eq!(Grade::from_number(g.number()), Some(g));
            assert_eq!(Grade::from_key(g.key()), Some(g));
        }
        assert_eq!(Grade::from_number(0), None);
        assert_eq!(Grade::from_key('5'), None);
        assert_eq!(Grade::Good.key(), '3');
        assert_eq!(Grade::Again.label(), "Again");
    }

    #[test]
    fn new_card_steps_match_fsrs_defaults() {
        let s = Scheduler::new(Settings::default());
        let p = s.preview(None, t0());
        assert_eq!(p[0], (Grade::Again, Duration::minutes(1)));
        assert_eq!(p[1], (Grade::Hard, Duration::minutes(5)));
        assert_eq!(p[2], (Grade::Good, Duration::minutes(10)));
        assert!(p[3].1 >= Duration::days(1), "{:?}", p[3]);
    }

    #[test]
    fn good_repeatedly_grows_intervals_and_again_shortens() {
        let s = Scheduler::new(Settings::default());
        let mut now = t0();
        let mut card = s.grade(None, Grade::Good, now);
        let mut last = Duration::zero();
        for _ in 0..6 {
            now = card.due();
            card = s.grade(Some(&card), Grade::Good, now);
            let interval = card.due() - now;
            assert!(interval > last, "{interval:?} should exceed {last:?}");
            last = interval;
        }
        assert_eq!(card.phase, Phase::Review);
        now = card.due();
        let lapsed = s.grade(Some(&card), Grade::Again, now);
        assert!(lapsed.due() - now < Duration::hours(1));
        assert_eq!(lapsed.phase, Phase::Relearning);
        assert_eq!(lapsed.lapses, card.lapses + 1);
        assert!(lapsed.stability < card.stability);
    }

    #[test]
    fn preview_matches_grade_for_every_phase() {
        let s = Scheduler::new(Settings::default());
        let mut now = t0();
        let mut card: Option<CardState> = None;
        for g in [
            Grade::Good,
            Grade::Good,
            Grade::Again,
            Grade::Hard,
            Grade::Easy,
        ] {
            let preview = s.preview(card.as_ref(), now);
            for (pg, interval) in preview {
                let next = s.grade(card.as_ref(), pg, now);
                assert_eq!(next.due() - now, interval, "{pg:?} from {card:?}");
            }
            let next = s.grade(card.as_ref(), g, now);
            now = next.due() + Duration::hours(3);
            card = Some(next);
        }
    }

    #[test]
    fn maximum_interval_caps_and_results_are_deterministic() {
        let settings = Settings {
            maximum_interval_days: 10,
            ..Settings::default()
        };
        let s = Scheduler::new(settings);
        let mut now = t0();
        let mut card = s.grade(None, Grade::Easy, now);
        for _ in 0..8 {
            now = card.due();
            card = s.grade(Some(&card), Grade::Easy, now);
            assert!(card.scheduled_days <= 10, "{card:?}");
            assert!(card.due() - now <= Duration::days(10), "{card:?}");
            let longest = s.preview(Some(&card), card.due())[3].1;
            assert!(longest <= Duration::days(10), "{longest:?}");
        }
        assert_eq!(
            s.grade(Some(&card), Grade::Good, now),
            s.grade(Some(&card), Grade::Good, now)
        );
    }

    #[test]
    fn clock_going_backwards_gives_finite_state() {
        let s = Scheduler::new(Settings::default());
        let card = s.grade(None, Grade::Easy, t0());
        let next = s.grade(Some(&card), Grade::Good, t0() - Duration::days(30));
        assert!(next.is_plausible(), "{next:?}");
    }

    #[test]
    fn recall_falls_over_time_and_is_zero_for_new() {
        let s = Scheduler::new(Settings::default());
        let card = s.grade(None, Grade::Easy, t0());
        let soon = recall_at(&card, t0() + Duration::days(1));
        let later = recall_at(&card, t0() + Duration::days(30));
        assert!(soon > later && later > 0.0 && soon <= 1.0, "{soon} {later}");
        assert_eq!(recall_at(&card, t0() - Duration::days(1)), 1.0);
        let at_due = recall_at(&card, card.due());
        assert!((at_due - 0.9).abs() < 0.02, "recall at due date {at_due}");
        let mut new = card.clone();
        new.phase = Phase::New;
        assert_eq!(recall_at(&new, t0()), 0.0);
    }

    #[test]
    fn intervals_format_compactly() {
        let cases = [
            (Duration::seconds(20), "<1m"),
            (Duration::minutes(1), "1m"),
            (Duration::minutes(10), "10m"),
            (Duration::minutes(59) + Duration::seconds(40), "1h"),
            (Duration::hours(5), "5h"),
            (Duration::days(4), "4d"),
            (Duration::days(29), "29d"),
            (Duration::days(91), "3mo"),
            (Duration::days(365), "1y"),
            (Duration::days(438), "1.2y"),
            (Duration::days(-3), "<1m"),
        ];
        for (d, want) in cases {
            assert_eq!(format_interval(d), want, "{d:?}");
        }
    }
}

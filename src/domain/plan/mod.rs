//! Preparing for one interview: what belongs to it ([`focus`]), new cards paced to the date
//! ([`pace`]) and what to do today ([`today`]). The helpers here gather the plan's inputs from the
//! review history, stories and practice log, so Home and `clinicprep status` compute the same plan.

pub mod focus;
pub mod pace;
pub mod story_step;
pub mod today;

pub use focus::Focus;
pub use pace::{Pace, PaceReason, pace};
pub use story_step::{
    Skill, Story, StoryNumbers, Unfinished, Untagged, story_inputs, story_inputs_covered,
};
pub use today::{Inputs, Next, Plan, Practice, plan};

use crate::domain::config::Config;
use crate::domain::practice::RoundLog;
use crate::domain::schedule::{
    CardState, DayZone, Ledger, RecallBelow, Settings, Standing, StandingAt,
};
use crate::domain::study::{Catalogue, Filter};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

/// The time of day a weak card is judged at on the interview day when the profile gives none: the
/// morning, when most interviews are.
pub fn default_interview_time() -> NaiveTime {
    NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN)
}

/// How long an interview is taken to last, for "is it over yet": most run 30 to 60 minutes.
pub const INTERVIEW_LENGTH: chrono::TimeDelta = chrono::TimeDelta::hours(1);

/// True once the interview on `interview`, starting at `time` (else the morning), is over at `now`.
pub fn interview_over(
    interview: NaiveDate,
    time: Option<NaiveTime>,
    zone: DayZone,
    now: DateTime<Utc>,
) -> bool {
    zone.instant(interview, time.unwrap_or_else(default_interview_time)) + INTERVIEW_LENGTH <= now
}

/// The size of "My interview" at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeckNumbers {
    pub total: usize,
    /// Never studied.
    pub unseen: usize,
    /// Due now, learning steps included.
    pub due: usize,
    /// Seen, and predicted below [`today::WEAK_RECALL`] at `judged_at`.
    pub weak: usize,
}

/// Counts the cards of `ids` (each once) at `now`, as the study queue does with `settings` on the
/// local day `today`; weak cards are judged at `judged_at` (the interview, or now when there is no
/// date).
pub fn deck_numbers<T: std::borrow::Borrow<crate::domain::content::Id>>(
    ids: &[T],
    ledger: &Ledger,
    settings: &Settings,
    when: (NaiveDate, DateTime<Utc>),
    judged_at: DateTime<Utc>,
) -> DeckNumbers {
    let mut tally = DeckTally::new(settings, when, judged_at);
    // Sorted ids (as `status` passes them) are read beside the ledger in one pass.
    crate::domain::schedule::each_state(ids, ledger, |_, state| tally.add(state));
    tally.numbers
}

/// [`deck_numbers`] a card at a time, for cards whose states come from somewhere other than a
/// ledger (`status` keeps the states of the cards in focus).
pub struct DeckTally {
    pub numbers: DeckNumbers,
    at: StandingAt,
    weak: RecallBelow,
}

impl DeckTally {
    pub fn new(
        settings: &Settings,
        (today, now): (NaiveDate, DateTime<Utc>),
        judged_at: DateTime<Utc>,
    ) -> DeckTally {
        DeckTally {
            numbers: DeckNumbers::default(),
            at: StandingAt::new(now, settings, today),
            weak: RecallBelow::new(today::WEAK_RECALL, judged_at),
        }
    }

    /// Counts one card, with its state if it has one.
    pub fn add(&mut self, state: Option<&CardState>) {
        let n = &mut self.numbers;
        n.total += 1;
        let standing = self.at.of(state);
        // Added, not branched on: cards mix their standings at random (see `StandingAt::of_key`).
        n.unseen += usize::from(standing == Standing::Unseen);
        n.due += usize::from(matches!(standing, Standing::Learning | Standing::Due));
        if let Some(s) = state.filter(|_| standing != Standing::Unseen) {
            n.weak += usize::from(self.weak.test(s));
        }
    }
}

/// When weak cards are judged: the interview day at its time (the profile's, else the morning) if
/// it is still ahead, else `now`.
pub fn judged_at(
    interview: Option<NaiveDate>,
    time: Option<NaiveTime>,
    zone: DayZone,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    interview
        .map(|d| zone.instant(d, time.unwrap_or_else(default_interview_time)))
        .filter(|t| *t > now)
        .unwrap_or(now)
}

/// Answers that make a practice round count as practice: the shortest round there is (an opener,
/// a question and the close). One answer before quitting is a start, not the day's round.
pub const ROUND_ANSWERS: usize = crate::domain::practice::plan::MIN_LENGTH;

/// Practice rounds with at least [`ROUND_ANSWERS`] answers: started on `today` (in `zone`), and
/// in all.
pub fn round_counts(log: &RoundLog, zone: DayZone, today: NaiveDate) -> (usize, usize) {
    let done: Vec<_> = log
        .round
        .iter()
        .filter(|r| r.answer.len() >= ROUND_ANSWERS)
        .collect();
    let on_day = done
        .iter()
        .filter(|r| zone.date_of(r.started) == today)
        .count();
    (on_day, done.len())
}

/// Everything the plan needs that comes from the cards: the "My interview" deck of `focus` in
/// `cat`, counted at `now`.
pub fn card_inputs(
    cat: &Catalogue,
    focus: &Focus,
    ledger: &Ledger,
    settings: &Settings,
    when: (NaiveDate, DateTime<Utc>),
    judged_at: DateTime<Utc>,
) -> DeckNumbers {
    let ids = focus.select(cat, &Filter::default());
    deck_numbers(&ids, ledger, settings, when, judged_at)
}

/// The plan's inputs from the parts gathered above, the review history and the config.
pub fn inputs(
    deck: &DeckNumbers,
    ledger: &Ledger,
    config: &Config,
    stories: Option<&StoryNumbers>,
    rounds: (usize, usize),
    today: NaiveDate,
) -> Inputs {
    Inputs {
        today,
        interview: config.interview_date,
        total: deck.total,
        unseen: deck.unseen,
        due: deck.due,
        weak: deck.weak,
        introduced_today: ledger.new_introduced_on(today),
        reviewed_today: ledger.reviewed_on(today),
        daily_new_limit: config.daily_new_limit,
        stories: stories.cloned(),
        rounds_today: rounds.0,
        rounds_total: rounds.1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::Id;
    use crate::domain::content::Library;
    use crate::domain::profile::Profile;
    use crate::domain::schedule::{Grade, ReviewStore, StoreOptions};
    use chrono::Duration;

    #[test]
    fn deck_numbers_count_each_card_once_and_find_weak_ones() {
        let dir = tempfile::tempdir().unwrap();
        let now = DateTime::from_timestamp(1_795_424_400, 0).unwrap();
        let options = StoreOptions {
            zone: DayZone::utc(),
            ..StoreOptions::default()
        };
        let (mut store, _) = ReviewStore::open(dir.path(), &options, now).unwrap();
        let ids: Vec<Id> = ["a", "b", "c", "d", "a"]
            .iter()
            .map(|s| Id::new(*s))
            .collect();
        store
            .grade(&Id::new("a"), Grade::Easy, now - Duration::days(200))
            .unwrap();
        store.grade(&Id::new("b"), Grade::Easy, now).unwrap();
        store
            .grade(&Id::new("c"), Grade::Again, now - Duration::minutes(5))
            .unwrap();
        let today = store.today(now);
        let n = deck_numbers(
            &ids,
            store.ledger(),
            store.settings(),
            (today, now),
            now + Duration::days(5),
        );
        assert_eq!(
            n,
            DeckNumbers {
                total: 4,
                unseen: 1,
                due: 2,
                weak: 2
            },
            "a is long overdue and c just lapsed: both weak; b is fresh"
        );
    }

    /// An interview is over an hour after it starts: at its time, else at the morning's default.
    #[test]
    fn an_interview_is_over_an_hour_after_it_starts() {
        let z = DayZone::Fixed(chrono::FixedOffset::west_opt(5 * 3600).unwrap());
        let day = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        let ten = NaiveTime::from_hms_opt(10, 0, 0);
        let local = |h, m| z.instant(day, NaiveTime::from_hms_opt(h, m, 0).unwrap());
        assert!(!interview_over(day, ten, z, local(10, 59)));
        assert!(interview_over(day, ten, z, local(11, 0)));
        assert!(!interview_over(day, None, z, local(9, 59)));
        assert!(interview_over(day, None, z, local(10, 0)));
    }

    #[test]
    fn judged_at_is_the_interview_morning_while_it_is_ahead() {
        let z = DayZone::utc();
        let now = DateTime::from_timestamp(1_795_424_400, 0).unwrap();
        let day = z.date_of(now) + chrono::Days::new(3);
        let at = judged_at(Some(day), None, z, now);
        assert_eq!(at, z.instant(day, default_interview_time()));
        let ten = NaiveTime::from_hms_opt(10, 0, 0);
        assert_eq!(
            judged_at(Some(day), ten, z, now),
            z.instant(day, ten.unwrap())
        );
        assert_eq!(judged_at(None, None, z, now), now);
        assert_eq!(
            judged_at(Some(z.date_of(now) - chrono::Days::new(1)), None, z, now),
            now
        );
    }

    #[test]
    fn the_persona_s_first_plan_from_real_content() {
        let lib = Library::builtin();
        let cat = Catalogue::from_library(&lib);
        let profile = Profile {
            roles: vec![Id::new("pt-aide")],
            ..Profile::default()
        };
        let focus = Focus::new(&profile, &lib);
        let now = DateTime::from_timestamp(1_795_424_400, 0).unwrap();
        let when = (DayZone::utc().date_of(now), now);
        let n = card_inputs(
            &cat,
            &focus,
            &Ledger::default(),
            &Settings::default(),
            when,
            now,
        );
        assert_eq!(n.unseen, n.total);
        assert!(n.total > 100 && n.total < cat.cards.len(), "{n:?}");
        let s = story_inputs(&lib, &[]);
        assert_eq!(s.count, 0);
        assert!(s.uncovered_core.is_some() && s.unfinished.is_none());
    }
}

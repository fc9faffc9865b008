//! Building a study session from a selection of cards: what is due, new cards, and cram order.

use super::card::{CardState, Phase};
use super::ledger::Ledger;
use super::recall::recall_at;
use super::scheduler::Settings;
use crate::domain::content::Id;
use chrono::{DateTime, NaiveDate, Utc};
use std::borrow::Borrow;
use std::collections::HashSet;

/// How to pick and order cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Everything due, then new cards within today's limit.
    Normal,
    /// Every card, weakest first as predicted for the interview date, ignoring due dates and limits,
    /// for the days just before an interview.
    Cram { interview: DateTime<Utc> },
}

/// What a selection holds at a moment, for the deck list and `clinicprep status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// New cards that would be shown today: unseen cards, capped by what is left of the daily limit.
    pub new: usize,
    /// Cards in short learning steps that are due.
    pub learning: usize,
    /// Cards on a day schedule that are due.
    pub due: usize,
}

/// The selection sorted into due learning cards, due review cards and unseen cards, each with its
/// state. A card listed twice in the selection is taken once.
struct Sorted<'a> {
    learning: Vec<(&'a Id, &'a CardState)>,
    review: Vec<(&'a Id, &'a CardState)>,
    unseen: Vec<&'a Id>,
}

/// Where one card stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Never studied.
    Unseen,
    /// In a short learning step and due.
    Learning,
    /// On a day schedule and due.
    Due,
    /// Not due yet.
    Later,
}

impl Standing {
    pub fn of(state: Option<&CardState>, now: DateTime<Utc>) -> Standing {
        Standing::at_ms(state, now.timestamp_millis())
    }

    /// [`Standing::of`] with `now` in unix milliseconds, for walks over every card that work the
    /// time out once.
    fn at_ms(state: Option<&CardState>, now_ms: i64) -> Standing {
        match state {
            None => Standing::Unseen,
            Some(c) if c.phase == Phase::New => Standing::Unseen,
            Some(c) if c.due_ms > now_ms => Standing::Later,
            Some(c) if c.phase.is_learning() => Standing::Learning,
            Some(_) => Standing::Due,
        }
    }
}

/// Where cards stand at one moment, with the interview in mind: on the day before the interview
/// (`today` is its eve), a card due after the interview counts as due now, so its last review lands
/// before it. Such cards were scheduled before the date was set; grades since never schedule past it
/// (see `schedule::deadline`). "After the interview" is read as more than a day after `now`, which on
/// the eve is always after the interview day starts. Worked out once for a walk over every card.
#[derive(Debug, Clone, Copy)]
pub struct StandingAt {
    now_ms: i64,
    eve: bool,
}

impl StandingAt {
    pub fn new(now: DateTime<Utc>, settings: &Settings, today: NaiveDate) -> StandingAt {
        StandingAt {
            now_ms: now.timestamp_millis(),
            eve: settings
                .interview
                .is_some_and(|d| (d - today).num_days() == 1),
        }
    }

    /// True on the day before the interview, when [`StandingAt::of`] can differ from
    /// [`Standing::of`].
    pub fn is_eve(&self) -> bool {
        self.eve
    }

    pub fn of(&self, state: Option<&CardState>) -> Standing {
        let standing = Standing::at_ms(state, self.now_ms);
        match state {
            Some(c)
                if self.eve
                    && standing == Standing::Later
                    && c.due_ms > self.now_ms + 86_400_000 =>
            {
                Standing::Due
            }
            _ => standing,
        }
    }
}

/// Calls `visit` with each distinct card of `selection` and its state, first occurrences in
/// selection order. A selection in strictly increasing id order (`status` passes every card id
/// sorted) is read in one pass beside the ledger, which is in id order too: no hashing, no tree
/// lookup per card (at 100,000 cards that misses the processor's cache at nearly every step) and
/// nothing allocated. A small selection against a large history, or one in any other order, is
/// deduplicated and looked up card by card.
pub fn each_state<'a, T: Borrow<Id>>(
    selection: &'a [T],
    history: &'a Ledger,
    mut visit: impl FnMut(&'a Id, Option<&'a CardState>),
) {
    let cards = history.cards();
    let mut rest = selection;
    if selection.len().saturating_mul(16) >= cards.len() {
        let mut states = cards.iter();
        let mut next = states.next();
        let mut last: Option<&Id> = None;
        for (i, item) in selection.iter().enumerate() {
            let id = item.borrow();
            // While the ids have increased, every state before `next` is at most the last id and
            // `next` is past it. So an id that meets a state at or past `next` is past the last id
            // too; only one that stops before `next` needs comparing with the last id. One
            // comparison a card when it has a state (the usual case), not three.
            let mut past_last = false;
            let mut state = None;
            while let Some((k, s)) = next {
                match k.cmp(id) {
                    std::cmp::Ordering::Less => {
                        next = states.next();
                        past_last = true;
                    }
                    std::cmp::Ordering::Equal => {
                        state = Some(s);
                        next = states.next();
                        past_last = true;
                        break;
                    }
                    std::cmp::Ordering::Greater => break,
                }
            }
            if !past_last && last.is_some_and(|l| l >= id) {
                // Walked while the ids kept increasing; from the first that does not, looked up.
                rest = selection.get(i..).unwrap_or_default();
                break;
            }
            visit(id, state);
            last = Some(id);
        }
        if last.is_some() && rest.len() == selection.len() {
            return;
        }
    }
    let walked = selection
        .get(..selection.len() - rest.len())
        .unwrap_or_default();
    let mut seen: foldhash::HashSet<&Id> = walked.iter().map(Borrow::borrow).collect();
    for item in rest {
        let id = item.borrow();
        if seen.insert(id) {
            visit(id, history.state(id));
        }
    }
}

fn sort<'a>(
    selection: &'a [Id],
    history: &'a Ledger,
    now: DateTime<Utc>,
    settings: &Settings,
    today: NaiveDate,
) -> Sorted<'a> {
    let mut s = Sorted {
        learning: Vec::new(),
        review: Vec::new(),
        unseen: Vec::new(),
    };
    let at = StandingAt::new(now, settings, today);
    each_state(selection, history, |id, state| {
        match (at.of(state), state) {
            (Standing::Unseen, _) => s.unseen.push(id),
            (Standing::Learning, Some(c)) => s.learning.push((id, c)),
            (Standing::Due, Some(c)) => s.review.push((id, c)),
            _ => {}
        }
    });
    s
}

/// New cards still allowed today: the daily limit minus those already introduced on `today`.
pub fn new_allowance(history: &Ledger, settings: &Settings, today: NaiveDate) -> usize {
    let used = history.new_introduced_on(today);
    settings.daily_new_limit.saturating_sub(used) as usize
}

/// The counts for `selection` at `now`; `today` is the local date of `now` (see `ReviewStore::today`),
/// which decides how much of the daily new-card limit is left. Takes the ledger rather than the store
/// so `clinicprep status` can count from a read-only load while the app has the journal open.
pub fn counts(
    selection: &[Id],
    history: &Ledger,
    settings: &Settings,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Counts {
    let mut c = Counts::default();
    let at = StandingAt::new(now, settings, today);
    each_state(selection, history, |_, state| match at.of(state) {
        Standing::Unseen => c.new += 1,
        Standing::Learning => c.learning += 1,
        Standing::Due => c.due += 1,
        Standing::Later => {}
    });
    c.new = c.new.min(new_allowance(history, settings, today));
    c
}

/// The cards to study, in order. Normal: due learning cards (earliest first), then due reviews
/// (most overdue first), then new cards in selection order up to today's allowance. Cram: every card,
/// lowest predicted recall at the interview first, new cards counting as 0; ties keep selection order.
pub fn build_queue(
    selection: &[Id],
    history: &Ledger,
    settings: &Settings,
    today: NaiveDate,
    now: DateTime<Utc>,
    mode: Mode,
) -> Vec<Id> {
    match mode {
        Mode::Normal => {
            let mut s = sort(selection, history, now, settings, today);
            s.learning.sort_by_key(|(_, c)| c.due_ms);
            s.review.sort_by_key(|(_, c)| c.due_ms);
            let allowance = new_allowance(history, settings, today);
            s.learning
                .into_iter()
                .chain(s.review)
                .map(|(id, _)| id.clone())
                .chain(s.unseen.into_iter().take(allowance).cloned())
                .collect()
        }
        Mode::Cram { interview } => {
            let mut seen = HashSet::new();
            let mut scored: Vec<(f64, &Id)> = selection
                .iter()
                .filter(|id| seen.insert(*id))
                .map(|id| {
                    (
                        history.state(id).map_or(0.0, |c| recall_at(c, interview)),
                        id,
                    )
                })
                .collect();
            scored.sort_by(|a, b| a.0.total_cmp(&b.0));
            scored.into_iter().map(|(_, id)| id.clone()).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::days::DayZone;
    use crate::domain::schedule::scheduler::Grade;
    use crate::domain::schedule::store::{ReviewStore, StoreOptions};
    use chrono::Duration;

    const T0: i64 = 1_717_236_000_000;

    fn at(ms: i64) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(ms).unwrap()
    }

    fn ids(names: &[&str]) -> Vec<Id> {
        names.iter().map(|n| Id::new(*n)).collect()
    }

    fn store(dir: &std::path::Path, limit: u32) -> ReviewStore {
        let options = StoreOptions {
            settings: Settings {
                daily_new_limit: limit,
                ..Settings::default()
            },
            zone: DayZone::utc(),
            snapshot_every: 500,
        };
        ReviewStore::open(dir, &options, at(T0)).unwrap().0
    }

    #[test]
    fn normal_queue_orders_learning_then_due_reviews_then_new_within_limit() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = store(dir.path(), 3);
        let now = at(T0);
        // Yesterday: r1 and r2 graded Easy (review, due later); l1 graded Again today (learning).
        let yesterday = now - Duration::days(30);
        s.grade(&Id::new("r1"), Grade::Easy, yesterday).unwrap();
        s.grade(&Id::new("r2"), Grade::Easy, yesterday - Duration::days(2))
            .unwrap();
        s.grade(&Id::new("l1"), Grade::Again, now - Duration::minutes(3))
            .unwrap();
        s.grade(&Id::new("later"), Grade::Easy, now).unwrap();
        let settings = *s.settings();
        let selection = ids(&["n1", "r1", "later", "n2", "l1", "r2", "n3", "n1", "n4"]);
        // "later" was introduced today; so was l1: 2 of 3 new cards already used.
        assert_eq!(
            counts(&selection, s.ledger(), &settings, s.today(now), now),
            Counts {
                new: 1,
                learning: 1,
                due: 2
            }
        );
        let q = build_queue(
            &selection,
            s.ledger(),
            &settings,
            s.today(now),
            now,
            Mode::Normal,
        );
        assert_eq!(q, ids(&["l1", "r2", "r1", "n1"]));
        // The next day the allowance is back to the full limit.
        let tomorrow = now + Duration::days(1);
        let q = build_queue(
            &selection,
            s.ledger(),
            &settings,
            s.today(tomorrow),
            tomorrow,
            Mode::Normal,
        );
        assert_eq!(q[q.len() - 3..], ids(&["n1", "n2", "n3"]));
    }

    #[test]
    fn new_limit_of_zero_shows_only_reviews() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path(), 0);
        let settings = *s.settings();
        let q = build_queue(
            &ids(&["a", "b"]),
            s.ledger(),
            &settings,
            s.today(at(T0)),
            at(T0),
            Mode::Normal,
        );
        assert!(q.is_empty());
    }

    #[test]
    fn on_the_eve_a_card_due_after_the_interview_is_due_now() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = store(dir.path(), 20);
        let now = at(T0);
        s.grade(&Id::new("far"), Grade::Easy, now - Duration::days(2))
            .unwrap();
        s.grade(&Id::new("soon"), Grade::Again, now - Duration::hours(1))
            .unwrap();
        let far_due = s.state(&Id::new("far")).unwrap().due();
        assert!(far_due > now + Duration::days(3), "{far_due}");
        let today = s.today(now);
        let selection = ids(&["far", "soon"]);
        let mut settings = *s.settings();
        let q = |settings: &Settings| {
            build_queue(&selection, s.ledger(), settings, today, now, Mode::Normal)
        };
        assert_eq!(q(&settings), ids(&["soon"]), "no date: far is not due");
        settings.interview = Some(today + chrono::Days::new(1));
        assert_eq!(
            q(&settings),
            ids(&["soon", "far"]),
            "the eve: far comes now"
        );
        assert_eq!(counts(&selection, s.ledger(), &settings, today, now).due, 1);
        settings.interview = Some(today + chrono::Days::new(3));
        assert_eq!(q(&settings), ids(&["soon"]), "three days out: not yet");
        settings.interview = Some(today);
        assert_eq!(q(&settings), ids(&["soon"]), "on the day: normal");
    }

    #[test]
    fn cram_orders_by_recall_on_the_interview_date() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = store(dir.path(), 20);
        let now = at(T0);
        // strong: Easy twice; weak: Hard once long ago; fresh: Good just now.
        let c = s
            .grade(&Id::new("strong"), Grade::Easy, now - Duration::days(20))
            .unwrap();
        s.grade(&Id::new("strong"), Grade::Easy, c.due()).unwrap();
        s.grade(&Id::new("weak"), Grade::Hard, now - Duration::days(40))
            .unwrap();
        s.grade(&Id::new("fresh"), Grade::Easy, now).unwrap();
        let settings = *s.settings();
        let interview = now + Duration::days(3);
        let selection = ids(&["strong", "unseen", "fresh", "weak", "unseen2"]);
        let cram = Mode::Cram { interview };
        let q = build_queue(&selection, s.ledger(), &settings, s.today(now), now, cram);
        assert_eq!(
            q[..2],
            ids(&["unseen", "unseen2"]),
            "new cards count as recall 0"
        );
        assert_eq!(q[2], Id::new("weak"));
        let recall = |n: &str| recall_at(s.state(&Id::new(n)).unwrap(), interview);
        for pair in q[2..].windows(2) {
            assert!(
                recall(pair[0].as_str()) <= recall(pair[1].as_str()),
                "{q:?}"
            );
        }
        assert_eq!(q.len(), 5, "cram takes every card, due or not");
    }

    /// Counts and queues read the same whatever the selection's order, repeats included, and
    /// however the states lie (settled or added since): a sorted selection takes the one-pass walk,
    /// any other the lookup per card, and both agree with a plain count of each distinct card's
    /// standing.
    #[test]
    fn sorted_and_unsorted_selections_count_alike() {
        use crate::domain::schedule::record::Record;
        use proptest::prelude::*;
        let now = at(T0);
        let settings = Settings::default();
        let today = DayZone::utc().date_of(now);
        proptest!(ProptestConfig::with_cases(200), |(
            graded in proptest::collection::vec((0u8..60, 0i64..40, 0u8..4), 0..80),
            picked in proptest::collection::vec(0u8..60, 0..120),
            settle_after in proptest::collection::vec(any::<bool>(), 80),
        )| {
            let mut ledger = Ledger::default();
            for (seq, (card, days_ago, phase)) in graded.iter().enumerate() {
                let ms = T0 - days_ago * 86_400_000 + 3_600_000 * i64::from(*phase);
                let state = CardState {
                    due_ms: ms + 86_400_000 * i64::from(*phase),
                    stability: 1.0,
                    difficulty: 5.0,
                    elapsed_days: 0,
                    scheduled_days: 1,
                    reps: 1,
                    lapses: 0,
                    phase: Phase::from_number(*phase).unwrap(),
                    last_review_ms: ms,
                };
                let record = Record::Grade {
                    seq: seq as u64 + 1,
                    card: Id::new(format!("c{card:02}")),
                    reviewed_ms: ms,
                    grade: crate::domain::schedule::scheduler::Grade::Good,
                    state,
                };
                ledger.apply(&record, DayZone::utc());
                // Some states in the settled list, some added since, as after a load and grades.
                if settle_after.get(seq).copied().unwrap_or(false) {
                    ledger.settle();
                }
            }
            let unsorted: Vec<Id> = picked.iter().map(|n| Id::new(format!("c{n:02}"))).collect();
            let mut sorted = unsorted.clone();
            sorted.sort();
            sorted.dedup();
            let (mut learning, mut due, mut unseen) = (0, 0, 0);
            for id in &sorted {
                match Standing::of(ledger.state(id), now) {
                    Standing::Learning => learning += 1,
                    Standing::Due => due += 1,
                    Standing::Unseen => unseen += 1,
                    Standing::Later => {}
                }
            }
            let want = Counts {
                new: unseen.min(new_allowance(&ledger, &settings, today)),
                learning,
                due,
            };
            prop_assert_eq!(counts(&sorted, &ledger, &settings, today, now), want);
            prop_assert_eq!(counts(&unsorted, &ledger, &settings, today, now), want);
            let queue = |sel: &[Id]| {
                let mut q = build_queue(sel, &ledger, &settings, today, now, Mode::Normal);
                q.sort();
                q
            };
            let mut first_seen = Vec::new();
            for id in &unsorted {
                if !first_seen.contains(id) {
                    first_seen.push(id.clone());
                }
            }
            // Each distinct card once, in selection order, with its state: also when a sorted run
            // (walked) is followed by ids out of order (looked up).
            let mixed: Vec<Id> = sorted.iter().chain(&unsorted).cloned().collect();
            for sel in [&unsorted, &sorted, &mixed] {
                let mut visited = Vec::new();
                each_state(sel, &ledger, |id, s| visited.push((id.clone(), s.cloned())));
                let mut naive: Vec<(Id, Option<CardState>)> = Vec::new();
                for id in sel.iter() {
                    if !naive.iter().any(|(seen, _)| seen == id) {
                        naive.push((id.clone(), ledger.state(id).cloned()));
                    }
                }
                prop_assert_eq!(visited, naive);
            }
            // The same cards are queued; new ones in selection order, so which new ones can differ
            // only when the allowance cuts them.
            if unseen <= new_allowance(&ledger, &settings, today) {
                prop_assert_eq!(queue(&sorted), queue(&first_seen));
                prop_assert_eq!(queue(&unsorted), queue(&first_seen));
            }
        });
    }
}

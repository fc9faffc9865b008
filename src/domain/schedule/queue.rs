//! Building a study session from a selection of cards: what is due, new cards, and cram order.

use super::card::{CardState, Phase};
use super::card_table::Key;
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
#[repr(u8)]
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

    /// Where cards stand at `now` as [`Standing::of`] says, with no interview eve in mind.
    pub fn plain(now: DateTime<Utc>) -> StandingAt {
        StandingAt {
            now_ms: now.timestamp_millis(),
            eve: false,
        }
    }

    /// True on the day before the interview, when [`StandingAt::of`] can differ from
    /// [`Standing::of`].
    pub fn is_eve(&self) -> bool {
        self.eve
    }

    /// [`StandingAt::of`] from a card's [`Key`], which holds all it reads. Worked out from a
    /// table rather than by branches: cards mix their standings at random, and a branch the
    /// processor guesses wrong half the time costs more than the rest of a card.
    pub fn of_key(&self, key: Key) -> Standing {
        use Standing::{Due, Later, Learning, Unseen};
        /// By kind (none, new, learning, review), then by how far off it is due: not yet, later,
        /// or after the interview on its eve.
        const BY: [[Standing; 3]; 4] = [
            [Unseen, Unseen, Unseen],
            [Unseen, Unseen, Unseen],
            [Learning, Later, Due],
            [Due, Later, Due],
        ];
        let due = key.due_ms();
        let later = usize::from(due > self.now_ms);
        let after = usize::from(self.eve && due > self.now_ms + 86_400_000);
        BY.get(key.kind())
            .and_then(|row| row.get(later + after))
            .copied()
            .unwrap_or(Unseen)
    }

    /// Where a card with `state` stands. By branches, which the status tally measured as no
    /// slower than [`StandingAt::of_key`] and faster at 1,000 and 10,000 cards.
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
    visit: impl FnMut(&'a Id, Option<&'a CardState>),
) {
    let cards = history.cards();
    each_in(
        selection,
        cards.iter(),
        cards.len(),
        |id| history.state(id),
        visit,
    );
}

/// [`each_state`] with each card's [`Key`] instead of its whole state: a third of the bytes to
/// read a card, which is what a count of 100,000 cards waits on.
fn each_key<'a, T: Borrow<Id>>(
    selection: &'a [T],
    history: &'a Ledger,
    visit: impl FnMut(&'a Id, Option<Key>),
) {
    let cards = history.cards();
    each_in(
        selection,
        cards.keyed(),
        cards.len(),
        |id| history.state(id).map(|s| Key::of(Some(s))),
        visit,
    );
}

/// The walk behind [`each_state`] and [`each_key`], over `table` (every card in id order, `len`
/// of them) or, card by card, `lookup`.
fn each_in<'a, T: Borrow<Id>, V>(
    selection: &'a [T],
    table: impl Iterator<Item = (&'a Id, V)>,
    len: usize,
    lookup: impl Fn(&'a Id) -> Option<V>,
    mut visit: impl FnMut(&'a Id, Option<V>),
) {
    let mut rest = selection;
    if selection.len().saturating_mul(16) >= len {
        let mut states = table;
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
            while let Some((k, s)) = next.take() {
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
                    std::cmp::Ordering::Greater => {
                        next = Some((k, s));
                        break;
                    }
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
            visit(id, lookup(id));
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
    let at = StandingAt::new(now, settings, today);
    // Tallied by index, with no branch on where a card stands (see `StandingAt::of_key`).
    let mut tally = [0usize; 4];
    each_key(selection, history, |_, key| {
        if let Some(t) = tally.get_mut(at.of_key(key.unwrap_or(Key::NONE)) as usize) {
            *t += 1;
        }
    });
    let [new, learning, due, _later] = tally;
    Counts {
        new: new.min(new_allowance(history, settings, today)),
        learning,
        due,
    }
}

/// The cards to study, in order. Normal: due learning cards (earliest first), then due reviews
/// (most overdue first), then new cards in selection order up to today's allowance. Cram: every card:
/// first those studied but likely forgotten by the interview (predicted recall under
/// [`CRAM_WEAK`], lowest first), then those never studied, then the rest, lowest recall first;
/// ties keep selection order.
/// Predicted recall at the interview under which a studied card comes before the unseen ones in
/// a cram: a card the user has shown they do not know yet (Again in a review or a practice round)
/// is surer weakness than one they have never tried.
pub const CRAM_WEAK: f64 = 0.8;

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
            // (group, recall): 0 studied and likely forgotten by then, 1 never studied, 2 the rest.
            let mut scored: Vec<((u8, f64), &Id)> = selection
                .iter()
                .filter(|id| seen.insert(*id))
                .map(|id| {
                    let key = match history.state(id).map(|c| recall_at(c, interview)) {
                        Some(r) if r < CRAM_WEAK => (0, r),
                        None => (1, 0.0),
                        Some(r) => (2, r),
                    };
                    (key, id)
                })
                .collect();
            scored.sort_by(|a, b| a.0.0.cmp(&b.0.0).then(a.0.1.total_cmp(&b.0.1)));
            scored.into_iter().map(|(_, id)| id.clone()).collect()
        }
    }
}

#[cfg(test)]
#[path = "queue_tests.rs"]
mod tests;

//! The cards there are to study, built from the content library, with the decks and filters that pick
//! among them.

use crate::domain::content::{self, Id, Topic};
use crate::domain::schedule::{Key, Ledger, Standing, StandingAt};
use chrono::{DateTime, Utc};
use compact_str::CompactString;
use std::cmp::Ordering;
use std::collections::HashSet;
use std::ops::Range;

/// Where a card's text lives: an index into the library's questions, facts or user cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Question(usize),
    Fact(usize),
    /// A plain card from one of the user's own decks.
    Note(usize),
}

/// What a card is about, for "decks by category": a question category, a fact topic or a user deck.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    Question(content::Category),
    Fact(Topic),
    Deck(CompactString),
}

impl Subject {
    pub fn label(&self) -> String {
        match self {
            Subject::Question(c) => format!("Questions · {}", c.label()),
            Subject::Fact(t) => format!("Facts · {}", t.label()),
            Subject::Deck(d) => format!("Your deck · {d}"),
        }
    }
}

/// One card to study and the facets it is filtered by.
#[derive(Debug, Clone, PartialEq)]
pub struct StudyCard {
    pub id: Id,
    pub kind: Kind,
    /// Role ids the card is for; empty means every role.
    pub roles: Vec<Id>,
    pub subject: Subject,
    /// Competencies a question probes, "Behavioral", "Multiple choice", or a user card's own tags.
    pub tags: content::Tags,
}

impl StudyCard {
    pub fn for_role(&self, role: &Id) -> bool {
        self.roles.is_empty() || self.roles.contains(role)
    }
}

/// A row of the deck list: the user's interview, everything, one role's cards, or one subject's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deck {
    /// "My interview": the cards the profile's focus holds (`plan::Focus::select` picks them; the
    /// catalogue alone cannot, so here it holds every card).
    Interview,
    All,
    Role(Id),
    Subject(Subject),
}

impl Deck {
    pub fn holds(&self, card: &StudyCard) -> bool {
        match self {
            Deck::Interview | Deck::All => true,
            Deck::Role(r) => card.for_role(r),
            Deck::Subject(s) => &card.subject == s,
        }
    }
}

/// Narrows every deck; `None` in a field means no narrowing by it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub role: Option<Id>,
    pub subject: Option<Subject>,
    pub tag: Option<String>,
}

impl Filter {
    /// True when the card passes every filter. A card of the user's own decks passes the role
    /// filter whatever its roles: the user put it there, so it shows under "Your decks" always.
    pub fn matches(&self, card: &StudyCard) -> bool {
        let own = matches!(card.subject, Subject::Deck(_));
        (own || self.role.as_ref().is_none_or(|r| card.for_role(r)))
            && self.subject.as_ref().is_none_or(|s| &card.subject == s)
            && self
                .tag
                .as_ref()
                .is_none_or(|t| card.tags.iter().any(|c| c == t))
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// The next value when cycling a filter with one key: none, each value in turn, then none again.
pub fn cycle<T: Clone + PartialEq>(current: &Option<T>, all: &[T]) -> Option<T> {
    match current {
        None => all.first().cloned(),
        Some(c) => all
            .iter()
            .position(|x| x == c)
            .and_then(|i| all.get(i + 1))
            .cloned(),
    }
}

/// Distinct cards by standing (see [`Catalogue::tally`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub learning: usize,
    pub due: usize,
    pub unseen: usize,
}

/// Every studyable card with lookup by id, and the values each facet takes.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// Built once by `from_library`. The id order kept beside them (`by_id`) notices cards added
    /// or removed later and falls back to looking each one up; ids are not to be changed in place.
    pub cards: Vec<StudyCard>,
    /// Roles as (id, full name), in the library's order.
    pub roles: Vec<(Id, String)>,
    /// Subjects that have at least one card, sorted.
    pub subjects: Vec<Subject>,
    /// Tags that at least one card has, sorted.
    pub tags: Vec<String>,
    /// Card indices in id order, each with where its id is in `id_text`, so standings are read in
    /// one pass beside the ledger (kept in id order too) rather than with a tree lookup per card,
    /// and a card is found by id with a binary search: a hash index of 100,000 ids cost a tenth of
    /// start-up to build, more than in proportion to the cards (its table outgrew the caches).
    by_id: Vec<(usize, Range<usize>)>,
    /// Every id in id order, one after another: the pass reads them in memory order, rather than
    /// reaching for each card's own id, which lies somewhere else for each of thousands of cards.
    id_text: String,
    /// Each card's subject as an index into `subjects`, so deck counts compare no strings.
    subject_of: Vec<usize>,
    /// No two cards share an id (a user deck may repeat a built-in one).
    unique_ids: bool,
    /// Each card's roles and tags as numbers (see `for_each_passing`).
    columns: columns::Columns,
}

impl Catalogue {
    /// Each card's position in `cards` with its [`Key`] in `ledger` ([`Key::NONE`] when it has no
    /// state), walking `by_id` and the ledger's id-ordered keys side by side (both in id order, so
    /// each step is one comparison rather than a lookup): 32 bytes a card read, not a state's 96.
    fn with_keys<'a>(&'a self, ledger: &'a Ledger) -> impl Iterator<Item = (usize, Key)> + 'a {
        let mut keyed = ledger.cards().keyed().peekable();
        self.by_id.iter().map(move |(i, range)| {
            let id = self.id_text.get(range.clone()).unwrap_or_default();
            let key = loop {
                match keyed.peek().map(|(k, key)| (k.as_str().cmp(id), *key)) {
                    Some((Ordering::Less, _)) => {
                        keyed.next();
                    }
                    Some((Ordering::Equal, key)) => break key,
                    _ => break Key::NONE,
                }
            };
            (*i, key)
        })
    }

    /// True when `by_id` still lists every card (the cards were not changed after building).
    fn walkable(&self) -> bool {
        self.by_id.len() == self.cards.len()
    }

    /// Each card's standing at `now`, in catalogue order.
    pub fn standings(&self, ledger: &Ledger, now: DateTime<Utc>) -> Vec<Standing> {
        if !self.walkable() {
            return self
                .cards
                .iter()
                .map(|c| Standing::of(ledger.state(&c.id), now))
                .collect();
        }
        let at = StandingAt::plain(now);
        let mut out = vec![Standing::Unseen; self.cards.len()];
        for (i, key) in self.with_keys(ledger) {
            out[i] = at.of_key(key);
        }
        out
    }

    /// Sets card `id`'s standing in `standings` (in catalogue order, see `standings`); a card not in
    /// the catalogue has none to set. False when it cannot tell which entry is the card's (ids
    /// repeated, or cards changed since building): work them all out again.
    pub fn set_standing(&self, standings: &mut [Standing], id: &Id, standing: Standing) -> bool {
        if !(self.unique_ids && self.walkable()) || standings.len() != self.cards.len() {
            return false;
        }
        if let Some(slot) = self.position(id).and_then(|i| standings.get_mut(i)) {
            *slot = standing;
        }
        true
    }

    /// Where card `id` is in `cards` (the first such card, if ids repeat).
    pub fn position(&self, id: &Id) -> Option<usize> {
        let text = |r: &Range<usize>| self.id_text.get(r.clone()).unwrap_or_default();
        // `by_id` is sorted by id, then position: the first match is the first such card.
        let at = self.by_id.partition_point(|(_, r)| text(r) < id.as_str());
        self.by_id
            .get(at)
            .filter(|(_, r)| text(r) == id.as_str())
            .map(|(i, _)| *i)
    }

    /// Cards in a learning step and due, and on a day schedule and due, each distinct id counted
    /// once, from every card's standing in catalogue order (see `standings`): the learning and due
    /// counts `schedule::counts` gives for the whole catalogue.
    pub fn waiting(&self, standings: &[Standing]) -> (usize, usize) {
        let t = self.tally(standings);
        (t.learning, t.due)
    }

    /// Every distinct card counted by its standing, from every card's standing in catalogue order
    /// (see `standings`).
    pub fn tally(&self, standings: &[Standing]) -> Tally {
        let mut t = Tally::default();
        let mut seen = HashSet::new();
        // Most catalogues have no repeated id; the check is for those that do, or may since building.
        let check = !(self.unique_ids && self.walkable());
        for (card, standing) in self.cards.iter().zip(standings) {
            if check && !seen.insert(&card.id) {
                continue;
            }
            match standing {
                Standing::Learning => t.learning += 1,
                Standing::Due => t.due += 1,
                Standing::Unseen => t.unseen += 1,
                Standing::Later => {}
            }
        }
        t
    }

    /// The index in `subjects` of card `i`'s subject.
    pub fn subject_index(&self, i: usize) -> Option<usize> {
        let card = self.cards.get(i)?;
        match self.subject_of.get(i) {
            Some(&s) if self.subjects.get(s) == Some(&card.subject) => Some(s),
            _ => self.subjects.binary_search(&card.subject).ok(),
        }
    }

    pub fn get(&self, id: &Id) -> Option<&StudyCard> {
        self.position(id).and_then(|i| self.cards.get(i))
    }

    /// Every card id, for finding reviews of cards that no longer exist.
    pub fn ids(&self) -> HashSet<Id> {
        self.cards.iter().map(|c| c.id.clone()).collect()
    }

    /// The deck list in display order: everything, then by role, then by subject.
    pub fn decks(&self) -> Vec<Deck> {
        std::iter::once(Deck::All)
            .chain(self.roles.iter().map(|(id, _)| Deck::Role(id.clone())))
            .chain(self.subjects.iter().cloned().map(Deck::Subject))
            .collect()
    }

    pub fn deck_label(&self, deck: &Deck) -> String {
        match deck {
            Deck::Interview => "My interview".to_string(),
            Deck::All => "All cards".to_string(),
            Deck::Role(id) => self.role_name(id),
            Deck::Subject(s) => s.label(),
        }
    }

    pub fn role_name(&self, id: &Id) -> String {
        self.roles
            .iter()
            .find(|(r, _)| r == id)
            .map_or_else(|| id.to_string(), |(_, name)| name.clone())
    }

    /// The ids in `deck` that pass `filter`, in catalogue order.
    pub fn select(&self, deck: &Deck, filter: &Filter) -> Vec<Id> {
        self.cards
            .iter()
            .filter(|c| deck.holds(c) && filter.matches(c))
            .map(|c| c.id.clone())
            .collect()
    }
}

#[path = "catalogue_build.rs"]
mod build;
#[path = "catalogue_columns.rs"]
mod columns;
#[path = "catalogue_facets.rs"]
mod facets;

#[cfg(test)]
#[path = "catalogue_tests.rs"]
mod tests;

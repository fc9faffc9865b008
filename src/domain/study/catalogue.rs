//! The cards there are to study, built from the content library, with the decks and filters that pick
//! among them.

use crate::domain::content::{self, Id, Library, Topic};
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

/// Catalogue order: the user's own cards first, then questions and facts alternately. Every index
/// it yields is in range for `lib`.
fn order(lib: &Library) -> impl Iterator<Item = Kind> + '_ {
    let (q, f) = (lib.questions.len(), lib.facts.len());
    let mixed = (0..q.max(f)).flat_map(move |i| {
        let question = (i < q).then_some(Kind::Question(i));
        let fact = (i < f).then_some(Kind::Fact(i));
        question.into_iter().chain(fact)
    });
    (0..lib.cards.len()).map(Kind::Note).chain(mixed)
}

/// From this many cards on, the catalogue is built on two cores (a thread costs tens of
/// microseconds; a thousand cards take a few hundred).
const SPLIT_FROM: usize = 4096;

/// Every card of `lib` in catalogue order. Copying each card's id, deck, roles and tags is most of
/// building the catalogue of a large library, so from a few thousand cards on the second half is
/// copied on another core (at 100,000 cards, while start-up works out the stories' facts there).
fn study_cards(lib: &Library) -> Vec<StudyCard> {
    let card = |kind: &Kind| match *kind {
        Kind::Note(i) => note_card(lib, i),
        Kind::Question(i) => question_card(lib, i),
        Kind::Fact(i) => fact_card(lib, i),
    };
    let kinds: Vec<Kind> = order(lib).collect();
    if kinds.len() < SPLIT_FROM {
        return kinds.iter().map(card).collect();
    }
    let (first, second) = kinds.split_at(kinds.len() / 2);
    std::thread::scope(|s| {
        let later = s.spawn(|| second.iter().map(card).collect::<Vec<_>>());
        let mut cards = Vec::with_capacity(kinds.len());
        cards.extend(first.iter().map(card));
        match later.join() {
            Ok(rest) => cards.extend(rest),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        cards
    })
}

fn note_card(lib: &Library, i: usize) -> StudyCard {
    let c = &lib.cards[i];
    StudyCard {
        id: c.id.clone(),
        kind: Kind::Note(i),
        roles: c.roles.clone(),
        subject: Subject::Deck(c.deck.clone()),
        tags: c.tags.clone(),
    }
}

fn question_card(lib: &Library, i: usize) -> StudyCard {
    let q = &lib.questions[i];
    let mut tags: content::Tags = q
        .competencies
        .iter()
        .filter_map(|c| lib.competency(c))
        .map(|c| CompactString::from(c.name.as_str()))
        .collect();
    if q.behavioural {
        tags.push(CompactString::const_new("Behavioral"));
    }
    StudyCard {
        id: q.id.clone(),
        kind: Kind::Question(i),
        roles: q.roles.clone(),
        subject: Subject::Question(q.category),
        tags,
    }
}

fn fact_card(lib: &Library, i: usize) -> StudyCard {
    let f = &lib.facts[i];
    StudyCard {
        id: f.id.clone(),
        kind: Kind::Fact(i),
        roles: f.roles.clone(),
        subject: Subject::Fact(f.topic),
        tags: if f.correct.is_some() {
            smallvec::smallvec![CompactString::const_new("Multiple choice")]
        } else {
            content::Tags::new()
        },
    }
}

/// The cards' indices in id order with where each id is in the text of all ids, one after another.
fn in_id_order(cards: &[StudyCard]) -> (Vec<(usize, Range<usize>)>, String) {
    // By id, then position: the order a stable sort by id gives. Each id's first 16 bytes are at
    // hand as a number, which settles nearly every comparison without reaching for the id behind
    // its card (at 100,000 cards the sort grew ×29 against 10,000 without it: cache misses).
    let mut order: Vec<(u128, &str, usize)> = cards
        .iter()
        .enumerate()
        .map(|(i, c)| (prefix(c.id.as_str()), c.id.as_str(), i))
        .collect();
    order.sort_unstable();
    let mut text = String::new();
    let by_id = order
        .into_iter()
        .map(|(_, _, i)| {
            let start = text.len();
            text.push_str(cards[i].id.as_str());
            (i, start..text.len())
        })
        .collect();
    (by_id, text)
}

/// The first 16 bytes of `id` as a big-endian number, zero-padded: it orders ids as their text
/// does, up to ties, which the text then settles.
fn prefix(id: &str) -> u128 {
    let mut head = [0u8; 16];
    let n = id.len().min(16);
    head[..n].copy_from_slice(&id.as_bytes()[..n]);
    u128::from_be_bytes(head)
}

/// `a` and `b`, `a` worked out on another core while `b` is on this one when `apart`, else one
/// after the other. A panic in `a` is passed on as if it had happened here.
fn both<A: Send, B>(apart: bool, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    if !apart {
        return (a(), b());
    }
    std::thread::scope(|s| {
        let first = s.spawn(a);
        let second = b();
        match first.join() {
            Ok(first) => (first, second),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

impl Catalogue {
    /// The user's own cards first (they added them for a reason), then questions and facts
    /// alternately, so new cards of a big deck do not arrive as a long run of one kind.
    pub fn from_library(lib: &Library) -> Catalogue {
        let cards = study_cards(lib);
        // The id order (a sort of every id) is worked out on another core while the facets are
        // gathered on this one: both only read the cards.
        let ((by_id, id_text), facets) = both(
            cards.len() >= SPLIT_FROM,
            || in_id_order(&cards),
            || Facets::of(lib, &cards),
        );
        let unique_ids = by_id
            .windows(2)
            .all(|w| id_text[w[0].1.clone()] != id_text[w[1].1.clone()]);
        Catalogue {
            cards,
            roles: facets.roles,
            subjects: facets.subjects,
            tags: facets.tags,
            by_id,
            id_text,
            subject_of: facets.subject_of,
            unique_ids,
            columns: facets.columns,
        }
    }

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

    /// The id of every card in `lib`, in catalogue order, without building the catalogue: all that
    /// `status` needs to count due and new cards.
    pub fn all_ids(lib: &Library) -> Vec<Id> {
        order(lib)
            .map(|kind| match kind {
                Kind::Note(i) => lib.cards[i].id.clone(),
                Kind::Question(i) => lib.questions[i].id.clone(),
                Kind::Fact(i) => lib.facts[i].id.clone(),
            })
            .collect()
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

#[path = "catalogue_columns.rs"]
mod columns;
#[path = "catalogue_facets.rs"]
mod facets;
use facets::Facets;

#[cfg(test)]
#[path = "catalogue_tests.rs"]
mod tests;

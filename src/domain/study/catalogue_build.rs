//! Building the catalogue from the library: its cards in catalogue order, and their id order.

use super::facets::Facets;
use super::{Catalogue, Kind, StudyCard, Subject};
use crate::domain::content::{self, Id, Library};
use compact_str::CompactString;
use std::ops::Range;

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
pub(super) fn in_id_order(cards: &[StudyCard]) -> (Vec<(usize, Range<usize>)>, String) {
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
pub(super) fn prefix(id: &str) -> u128 {
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
}

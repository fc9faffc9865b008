//! A snapshot's cards as the parse cache keeps them, checked and put in the card table as they are decoded.

use super::card::{CardState, Phase};
use super::card_table::CardTable;
use super::record::validate_card_id;
use crate::domain::content::Id;
use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The cards of a snapshot, in the card table, and why the first unusable one cannot be used.
/// Kept by the parse cache as a list of `(id, Packed)`, as a `Vec` of them would be; decoded
/// straight into the table, each card checked on the way. Decoding into a list first, then
/// checking and tabling it, held every state twice: at 100,000 cards a list grown to 17 MB,
/// filled, read back once and freed, at every start.
#[derive(Default)]
pub(super) struct CheckedCards {
    pub table: CardTable,
    /// The first card, in the order given, whose id the journal could not hold or whose state no
    /// grade makes: the snapshot is then unusable.
    pub refused: Option<String>,
}

impl FromIterator<(Id, CardState)> for CheckedCards {
    fn from_iter<I: IntoIterator<Item = (Id, CardState)>>(iter: I) -> Self {
        let mut refused = None;
        let table = iter
            .into_iter()
            .inspect(|(id, state)| {
                if refused.is_none() {
                    refused = validate_card_id(id)
                        .map_err(|e| e.to_string())
                        .err()
                        .or_else(|| {
                            (!state.is_plausible())
                                .then(|| format!("implausible state for card {id}"))
                        });
                }
            })
            .collect();
        CheckedCards { table, refused }
    }
}

impl Serialize for CheckedCards {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.table.len()))?;
        for (id, state) in self.table.iter() {
            seq.serialize_element(&(id, Packed::from(state.clone())))?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for CheckedCards {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Cards;
        impl<'de> Visitor<'de> for Cards {
            type Value = CheckedCards;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of card ids and states")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<CheckedCards, A::Error> {
                let mut elements = Elements {
                    left: seq.size_hint(),
                    seq,
                    error: None,
                };
                let cards: CheckedCards = (&mut elements).collect();
                match elements.error {
                    Some(e) => Err(e),
                    None => Ok(cards),
                }
            }
        }
        d.deserialize_seq(Cards)
    }
}

/// The elements of a sequence being decoded, as an iterator; the first error ends it and is kept.
struct Elements<A, E> {
    seq: A,
    error: Option<E>,
    /// How many elements the encoding says are left, if it says (postcard does): the table is then
    /// sized once.
    left: Option<usize>,
}

impl<'de, A: SeqAccess<'de>> Iterator for &mut Elements<A, A::Error> {
    type Item = (Id, CardState);

    fn next(&mut self) -> Option<(Id, CardState)> {
        if self.error.is_some() {
            return None;
        }
        match self.seq.next_element::<(Id, Packed)>() {
            Ok(Some((id, c))) => {
                self.left = self.left.map(|n| n.saturating_sub(1));
                Some((id, c.into()))
            }
            Ok(None) => None,
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }

    /// At least none; a count the encoding gives is trusted only up to a million cards, so a
    /// damaged count cannot size the table beyond reason (the table grows past it as needed).
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left.unwrap_or(0).min(1 << 20), None)
    }
}

/// A card state as the cache keeps it: the floats as their bits (postcard writes an `f64` as its
/// eight bytes), where the snapshot and journal write them as decimal text. Decoding 100,000 states
/// then parses no numbers from text.
#[derive(Serialize, Deserialize)]
pub(super) struct Packed {
    due_ms: i64,
    stability: f64,
    difficulty: f64,
    elapsed_days: i64,
    scheduled_days: i64,
    reps: i32,
    lapses: i32,
    phase: Phase,
    last_review_ms: i64,
}

impl From<CardState> for Packed {
    fn from(c: CardState) -> Packed {
        Packed {
            due_ms: c.due_ms,
            stability: c.stability,
            difficulty: c.difficulty,
            elapsed_days: c.elapsed_days,
            scheduled_days: c.scheduled_days,
            reps: c.reps,
            lapses: c.lapses,
            phase: c.phase,
            last_review_ms: c.last_review_ms,
        }
    }
}

impl From<Packed> for CardState {
    fn from(c: Packed) -> CardState {
        CardState {
            due_ms: c.due_ms,
            stability: c.stability,
            difficulty: c.difficulty,
            elapsed_days: c.elapsed_days,
            scheduled_days: c.scheduled_days,
            reps: c.reps,
            lapses: c.lapses,
            phase: c.phase,
            last_review_ms: c.last_review_ms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(n: i64) -> CardState {
        CardState {
            due_ms: 1_717_200_000_000 + n,
            stability: 2.5,
            difficulty: 5.0,
            elapsed_days: 1,
            scheduled_days: 3,
            reps: 2,
            lapses: 0,
            phase: Phase::Review,
            last_review_ms: 1_717_000_000_000,
        }
    }

    fn as_list(cards: &[(&str, CardState)]) -> Vec<(Id, Packed)> {
        cards
            .iter()
            .map(|(id, s)| (Id::new(*id), Packed::from(s.clone())))
            .collect()
    }

    #[test]
    fn kept_as_a_list_would_be_and_read_back_into_the_table() {
        let cards = [("a", state(1)), ("b", state(2)), ("c", state(3))];
        let checked: CheckedCards = cards
            .iter()
            .map(|(id, s)| (Id::new(*id), s.clone()))
            .collect();
        let bytes = postcard::to_allocvec(&checked).unwrap();
        // The cache's form is unchanged: caches written before still read.
        assert_eq!(bytes, postcard::to_allocvec(&as_list(&cards)).unwrap());
        let back: CheckedCards = postcard::from_bytes(&bytes).unwrap();
        assert!(back.refused.is_none());
        assert_eq!(back.table, checked.table);
        assert_eq!(back.table.get(&Id::new("b")), Some(&state(2)));
    }

    #[test]
    fn the_first_unusable_card_is_named_and_the_rest_still_read() {
        let mut wild = state(2);
        wild.stability = f64::NAN;
        let cards = [("a", state(1)), ("b", wild), ("c d", state(3))];
        let bytes = postcard::to_allocvec(&as_list(&cards)).unwrap();
        let back: CheckedCards = postcard::from_bytes(&bytes).unwrap();
        let reason = back.refused.unwrap();
        assert!(reason.contains("implausible state for card b"), "{reason}");
        assert_eq!(back.table.len(), 3);
    }

    #[test]
    fn a_cut_short_or_lying_encoding_is_an_error_not_a_panic() {
        let cards = [("a", state(1)), ("b", state(2))];
        let bytes = postcard::to_allocvec(&as_list(&cards)).unwrap();
        for cut in 0..bytes.len() {
            assert!(postcard::from_bytes::<CheckedCards>(&bytes[..cut]).is_err());
        }
        // A count of 2^40 cards with none after it.
        let mut lying = Vec::new();
        let mut n: u64 = 1 << 40;
        while n >= 0x80 {
            lying.push((n as u8) | 0x80);
            n >>= 7;
        }
        lying.push(n as u8);
        assert!(postcard::from_bytes::<CheckedCards>(&lying).is_err());
    }
}

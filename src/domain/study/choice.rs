//! Multiple-choice options for a fact card: shuffled the same way all day, picked by letter.

use crate::domain::content::Fact;
use chrono::NaiveDate;

/// Most options shown: the right one and up to five distractors, so letters a–f cover them all.
pub const MAX_OPTIONS: usize = 6;

/// A fact's options in the order shown, and which one is right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choices {
    pub options: Vec<String>,
    pub correct: usize,
}

impl Choices {
    /// The options of a multiple-choice fact, shuffled by a seed made of its id and `day`: stable
    /// while the user looks at the card (and after an undo), different on another day so the answer's
    /// position is not what gets learned. `None` for a fact without options.
    pub fn for_fact(fact: &Fact, day: NaiveDate) -> Option<Choices> {
        let correct = fact.correct.as_ref()?;
        let mut options: Vec<(bool, &String)> = std::iter::once((true, correct))
            .chain(fact.distractors.iter().map(|d| (false, d)))
            .take(MAX_OPTIONS)
            .collect();
        let mut rng = Rng::seeded(fact.id.as_str(), day);
        // Fisher–Yates.
        for i in (1..options.len()).rev() {
            let j = rng.below(i + 1);
            options.swap(i, j);
        }
        Some(Choices {
            correct: options.iter().position(|(right, _)| *right).unwrap_or(0),
            options: options.into_iter().map(|(_, o)| o.clone()).collect(),
        })
    }

    /// The letter that picks option `i`: a, b, c, …
    pub fn letter(i: usize) -> char {
        char::from(b'a' + (i.min(25) as u8))
    }
}

/// A small xorshift generator; quality does not matter here, only that it is stable across runs and
/// platforms (the standard library's hasher is randomly seeded per process).
struct Rng(u64);

impl Rng {
    fn seeded(id: &str, day: NaiveDate) -> Rng {
        // FNV-1a over the id and the date.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in id.bytes().chain(day.to_string().into_bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Rng(h | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::{Id, Topic};

    fn fact(distractors: usize) -> Fact {
        Fact {
            id: Id::new("f-test"),
            roles: vec![],
            topic: Topic::Pay,
            front: "?".into(),
            back: "!".into(),
            correct: Some("right".into()),
            distractors: (0..distractors).map(|i| format!("wrong {i}")).collect(),
            source: "test".into(),
        }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn same_card_and_day_give_the_same_order_and_the_answer_is_tracked() {
        let f = fact(3);
        let a = Choices::for_fact(&f, day("2026-11-23")).unwrap();
        assert_eq!(a, Choices::for_fact(&f, day("2026-11-23")).unwrap());
        assert_eq!(a.options.len(), 4);
        assert_eq!(a.options[a.correct], "right");
        let mut sorted = a.options.clone();
        sorted.sort();
        assert_eq!(sorted, ["right", "wrong 0", "wrong 1", "wrong 2"]);
    }

    #[test]
    fn the_answer_moves_around_over_days() {
        let f = fact(3);
        let positions: std::collections::HashSet<usize> = (1..=28)
            .map(|d| {
                let date = NaiveDate::from_ymd_opt(2026, 2, d).unwrap();
                Choices::for_fact(&f, date).unwrap().correct
            })
            .collect();
        assert!(positions.len() >= 3, "{positions:?}");
    }

    #[test]
    fn plain_facts_have_no_options_and_long_lists_are_capped() {
        let mut plain = fact(0);
        plain.correct = None;
        assert_eq!(Choices::for_fact(&plain, day("2026-01-01")), None);
        let many = Choices::for_fact(&fact(9), day("2026-01-01")).unwrap();
        assert_eq!(many.options.len(), MAX_OPTIONS);
        assert_eq!(many.options[many.correct], "right");
        assert_eq!(Choices::letter(0), 'a');
        assert_eq!(Choices::letter(5), 'f');
    }
}

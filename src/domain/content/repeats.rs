//! Finding ids used twice across the whole library, with a table small enough to stay in cache.

use std::collections::HashSet;
use std::hash::BuildHasher;

/// For each id, true when no earlier id in the list is the same text.
///
/// Why not one set of the ids: at 100,000 cards a set of borrowed ids is 1.6 MB of slots reached
/// at random, past the processor's cache, and the check grew ×17 for ×10 cards. Here each id is
/// hashed once to 32 bits and a set of those (under half a megabyte at 100,000) finds the hashes
/// seen twice; only ids with such a hash (repeats, and by chance about one pair in 100,000) are
/// then compared as text, in order, so the answer is exact.
pub fn firsts(ids: &[&str]) -> Vec<bool> {
    let state = foldhash::fast::FixedState::with_seed(0x5eed);
    firsts_by(ids, |id| {
        let h = state.hash_one(id);
        (h ^ (h >> 32)) as u32
    })
}

/// [`firsts`] with the hash given, so tests can make hashes collide.
fn firsts_by(ids: &[&str], hash: impl Fn(&str) -> u32) -> Vec<bool> {
    let hashes: Vec<u32> = ids.iter().map(|id| hash(id)).collect();
    let mut seen: foldhash::HashSet<u32> =
        HashSet::with_capacity_and_hasher(ids.len(), Default::default());
    let mut twice: foldhash::HashSet<u32> = foldhash::HashSet::default();
    for &h in &hashes {
        if !seen.insert(h) {
            twice.insert(h);
        }
    }
    drop(seen);
    if twice.is_empty() {
        return vec![true; ids.len()];
    }
    let mut texts: foldhash::HashSet<&str> = foldhash::HashSet::default();
    ids.iter()
        .zip(&hashes)
        .map(|(id, h)| !twice.contains(h) || texts.insert(id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain way: one set of every id seen so far.
    fn by_set(ids: &[&str]) -> Vec<bool> {
        let mut seen = HashSet::new();
        ids.iter().map(|id| seen.insert(*id)).collect()
    }

    #[test]
    fn the_second_use_of_an_id_is_the_repeat() {
        let ids = ["a", "b", "a", "c", "b", "a"];
        assert_eq!(firsts(&ids), [true, true, false, true, false, false]);
        assert_eq!(firsts(&[]), Vec::<bool>::new());
    }

    proptest! {
        /// Whatever the ids, the same answer as a set of them; and with a hash that makes nearly
        /// every id collide (its length), still exact.
        #[test]
        fn answers_as_a_set_of_ids_would(
            ids in prop::collection::vec("[a-c]{0,3}", 0..60),
        ) {
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            prop_assert_eq!(firsts(&ids), by_set(&ids));
            prop_assert_eq!(firsts_by(&ids, |id| id.len() as u32), by_set(&ids));
        }
    }
}

//! Which cards the latest grades and undos changed, so what is kept per card can be updated for them alone.

use crate::domain::content::Id;
use std::collections::VecDeque;

/// How many of the latest records are remembered. A screen that kept something per card catches up
/// after a few grades at most; one further behind works everything out again.
const DEPTH: usize = 64;

/// The card each of the latest records changed, by record number, since the store was opened.
#[derive(Debug, Clone, Default)]
pub(super) struct Changes {
    /// Every record after this one is in `recent`.
    known_after: u64,
    recent: VecDeque<(u64, Id)>,
}

impl Changes {
    /// Nothing known before record `last_seq`, the last one when the store opened.
    pub(super) fn starting_after(last_seq: u64) -> Changes {
        Changes {
            known_after: last_seq,
            recent: VecDeque::new(),
        }
    }

    /// Notes that record `seq` changed `card`.
    pub(super) fn record(&mut self, seq: u64, card: &Id) {
        self.recent.push_back((seq, card.clone()));
        while self.recent.len() > DEPTH {
            if let Some((s, _)) = self.recent.pop_front() {
                self.known_after = s;
            }
        }
    }

    /// The cards changed by the records after `seq` (a card changed twice is listed twice), or
    /// `None` when some of those records are no longer remembered, or `seq` is past the last one
    /// (it came from another store).
    pub(super) fn since(&self, seq: u64) -> Option<impl Iterator<Item = &Id>> {
        let last = self.recent.back().map_or(self.known_after, |(s, _)| *s);
        (self.known_after..=last).contains(&seq).then(|| {
            self.recent
                .iter()
                .filter(move |(s, _)| *s > seq)
                .map(|(_, id)| id)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids<'a>(it: impl Iterator<Item = &'a Id>) -> Vec<&'a str> {
        it.map(Id::as_str).collect()
    }

    #[test]
    fn lists_what_changed_after_a_record_while_it_is_remembered() {
        let mut c = Changes::starting_after(10);
        assert_eq!(c.since(10).map(ids), Some(vec![]));
        assert!(c.since(9).is_none(), "before the store opened");
        assert!(c.since(11).is_none(), "after the last record");
        c.record(11, &Id::new("a"));
        c.record(12, &Id::new("b"));
        c.record(13, &Id::new("a"));
        assert_eq!(c.since(10).map(ids), Some(vec!["a", "b", "a"]));
        assert_eq!(c.since(12).map(ids), Some(vec!["a"]));
        for seq in 14..14 + DEPTH as u64 {
            c.record(seq, &Id::new("z"));
        }
        assert!(c.since(12).is_none(), "record 13 is forgotten");
        assert_eq!(c.since(13).map(|i| i.count()), Some(DEPTH));
    }
}

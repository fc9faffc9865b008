//! One card's past reviews, read back from the journal for the card browser: when, which grade, and
//! when the card was due next after each.

use super::card::ms_to_utc;
use super::record::Record;
use super::scheduler::Grade;
use super::store::ReviewStore;
use crate::domain::content::Id;
use crate::storage::StorageError;
use chrono::{DateTime, Utc};

/// A grade given to a card and not undone since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PastReview {
    pub at: DateTime<Utc>,
    pub grade: Grade,
    /// When the card was due again after this grade.
    pub due: DateTime<Utc>,
}

/// The grades of `card` in `records`, oldest first, each undone one left out.
pub fn past_reviews(records: &[Record], card: &Id) -> Vec<(u64, PastReview)> {
    let mut out: Vec<(u64, PastReview)> = Vec::new();
    for r in records.iter().filter(|r| r.card() == card) {
        match r {
            Record::Grade {
                seq,
                reviewed_ms,
                grade,
                state,
                ..
            } => out.push((
                *seq,
                PastReview {
                    at: ms_to_utc(*reviewed_ms),
                    grade: *grade,
                    due: ms_to_utc(state.due_ms),
                },
            )),
            Record::Undo { undone_seq, .. } => out.retain(|(seq, _)| seq != undone_seq),
        }
    }
    out
}

impl ReviewStore {
    /// Every grade `card` kept, oldest first, read from the whole journal: a file read, for when
    /// the user opens one card, never for a frame.
    pub fn history(&self, card: &Id) -> Result<Vec<PastReview>, StorageError> {
        let replay = self.journal().read_from(0)?;
        Ok(past_reviews(&replay.records, card)
            .into_iter()
            .map(|(_, p)| p)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::StoreOptions;

    #[test]
    fn history_lists_kept_grades_oldest_first_and_leaves_undone_ones_out() {
        let dir = tempfile::tempdir().unwrap();
        let t0 = DateTime::from_timestamp_millis(1_717_236_000_000).unwrap();
        let opts = StoreOptions::default();
        let (mut s, _) = ReviewStore::open(dir.path(), &opts, t0).unwrap();
        let (a, b) = (Id::new("a"), Id::new("b"));
        let first = s.grade(&a, Grade::Good, t0).unwrap();
        s.grade(&b, Grade::Easy, t0).unwrap();
        let later = first.due();
        let second = s.grade(&a, Grade::Hard, later).unwrap();
        s.grade(&a, Grade::Again, later).unwrap();
        s.undo(later).unwrap();
        let h = s.history(&a).unwrap();
        let grades: Vec<Grade> = h.iter().map(|p| p.grade).collect();
        assert_eq!(
            grades,
            [Grade::Good, Grade::Hard],
            "the undone Again is gone"
        );
        assert_eq!(h[0].at, t0);
        assert_eq!(h[0].due, first.due());
        assert_eq!(h[1].due, second.due());
        assert!(s.history(&Id::new("never")).unwrap().is_empty());
    }
}

//! A study session: the queue of cards, which side shows, a multiple-choice pick and the grade it
//! proposes, grading through the review store, and undo.

use crate::domain::content::Id;
use crate::domain::schedule::{Grade, Mode, ReviewStore, ScheduleError};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashSet;

/// A card that comes due again within this long (a learning step after Again, say) goes back at the
/// end of the queue, so it is seen again in the same session, as in Anki's learn-ahead limit.
pub fn learn_ahead() -> Duration {
    Duration::minutes(20)
}

/// Which side of the current card is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Front,
    Back,
}

/// One grade given in this session, kept so it can be undone.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    card: Id,
    grade: Grade,
    /// Queue position of the graded card.
    pos: usize,
    /// True if the card was put back at the end of the queue.
    requeued: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// What is being studied, e.g. "All cards" or "Cram: PTA", for the title and the end screen.
    pub title: String,
    pub mode: Mode,
    queue: Vec<Id>,
    /// The queue's length at the start, and its distinct cards (the queue only grows by a card
    /// graded in it coming back, so that number never changes). When the start had no repeat, a
    /// card ahead that was also seen can only be one that came back, past `start_len`.
    start_len: usize,
    distinct: usize,
    pos: usize,
    pub side: Side,
    /// The option picked on a multiple-choice card.
    pub picked: Option<usize>,
    /// The grade Enter gives on the back: Good or Again after a pick, Good after a plain reveal.
    pub proposed: Option<Grade>,
    steps: Vec<Step>,
    pub started: DateTime<Utc>,
    /// When the last card was graded; the end screen's duration stops there.
    pub finished: Option<DateTime<Utc>>,
}

impl Session {
    /// A session over `queue`, or `None` when there is nothing to study.
    pub fn new(title: String, queue: Vec<Id>, mode: Mode, now: DateTime<Utc>) -> Option<Session> {
        let distinct = queue.iter().collect::<HashSet<_>>().len();
        (!queue.is_empty()).then(|| Session {
            title,
            mode,
            start_len: queue.len(),
            distinct,
            queue,
            pos: 0,
            side: Side::Front,
            picked: None,
            proposed: None,
            steps: Vec::new(),
            started: now,
            finished: None,
        })
    }

    /// The card showing, or `None` once every card is done.
    pub fn current(&self) -> Option<&Id> {
        self.queue.get(self.pos)
    }

    pub fn is_finished(&self) -> bool {
        self.pos >= self.queue.len()
    }

    /// Cards done and cards in the session (which grows when a card is put back), for the progress bar.
    pub fn progress(&self) -> (usize, usize) {
        (self.pos.min(self.queue.len()), self.queue.len())
    }

    /// Shows the back without picking; proposes Good so Enter works like Space-then-3.
    pub fn reveal(&mut self) {
        if self.side == Side::Front && !self.is_finished() {
            self.side = Side::Back;
            self.proposed = Some(Grade::Good);
        }
    }

    /// Picks option `choice` of a multiple-choice card whose right answer is `correct`: reveals the
    /// back and proposes Good if right, Again if wrong. Does nothing once the back shows.
    pub fn pick(&mut self, choice: usize, correct: usize) {
        if self.side == Side::Front && !self.is_finished() {
            self.side = Side::Back;
            self.picked = Some(choice);
            self.proposed = Some(if choice == correct {
                Grade::Good
            } else {
                Grade::Again
            });
        }
    }

    /// Grades the current card. The grade is on disk when this returns `Ok`, and only then does the
    /// next card come up; on error nothing changed and the same card stays on screen.
    pub fn grade(
        &mut self,
        store: &mut ReviewStore,
        grade: Grade,
        now: DateTime<Utc>,
    ) -> Result<(), ScheduleError> {
        let Some(card) = self.current().cloned() else {
            return Ok(());
        };
        let state = store.grade(&card, grade, now)?;
        let requeued = state.due() <= now + learn_ahead();
        self.steps.push(Step {
            card: card.clone(),
            grade,
            pos: self.pos,
            requeued,
        });
        if requeued {
            self.queue.push(card);
        }
        self.pos += 1;
        self.show_front();
        if self.is_finished() {
            self.finished = Some(now);
        }
        Ok(())
    }

    /// Undoes this session's latest grade in the store (restoring the card's schedule exactly) and
    /// shows that card's front again. `Ok(None)` when this session has graded nothing, or when the
    /// store's latest grade is not this session's (then nothing is changed).
    pub fn undo(
        &mut self,
        store: &mut ReviewStore,
        now: DateTime<Utc>,
    ) -> Result<Option<Id>, ScheduleError> {
        let Some(step) = self.steps.last() else {
            return Ok(None);
        };
        if store.ledger().undo_top().map(|e| &e.card) != Some(&step.card) {
            return Ok(None);
        }
        store.undo(now)?;
        let Some(step) = self.steps.pop() else {
            return Ok(None);
        };
        if step.requeued {
            self.queue.pop();
        }
        self.pos = step.pos;
        self.finished = None;
        self.show_front();
        Ok(Some(step.card))
    }

    pub fn can_undo(&self) -> bool {
        !self.steps.is_empty()
    }

    fn show_front(&mut self) {
        self.side = Side::Front;
        self.picked = None;
        self.proposed = None;
    }

    /// Grades given so far, and how many of each (Again, Hard, Good, Easy).
    pub fn tally(&self) -> (usize, [usize; 4]) {
        let mut per = [0; 4];
        for s in &self.steps {
            per[usize::from(s.grade.number() - 1)] += 1;
        }
        (self.steps.len(), per)
    }

    /// Distinct cards in the session: a card that comes back after Again is still one card.
    pub fn cards(&self) -> usize {
        self.distinct
    }

    /// Distinct cards finished: none of their turns is still ahead in the queue. Drawn on every
    /// frame of the summary, so with a start without repeats (as `build_queue` makes them) only the
    /// cards seen and the turns that came back are looked at, not the 30,000 cards still ahead.
    pub fn cards_done(&self) -> usize {
        let pos = self.pos.min(self.queue.len());
        if self.distinct != self.start_len {
            let ahead: HashSet<&Id> = self.queue[pos..].iter().collect();
            return self.distinct - ahead.len();
        }
        let seen: HashSet<&Id> = self.queue[..pos].iter().collect();
        let back: HashSet<&Id> = self.queue[pos.max(self.start_len)..]
            .iter()
            .filter(|id| seen.contains(id))
            .collect();
        seen.len() - back.len()
    }

    /// Cards graded in this session whose next turn is still ahead (put back after a learning
    /// step): started but not finished, in the order they come back. With a start without repeats
    /// only the turns put back are looked at, as in [`Session::cards_done`].
    pub fn coming_back(&self) -> Vec<&Id> {
        let pos = self.pos.min(self.queue.len());
        let from = if self.distinct == self.start_len {
            pos.max(self.start_len)
        } else {
            pos
        };
        let graded: HashSet<&Id> = self.steps.iter().map(|s| &s.card).collect();
        let mut listed = HashSet::new();
        self.queue
            .get(from..)
            .unwrap_or_default()
            .iter()
            .filter(|id| graded.contains(id) && listed.insert(*id))
            .collect()
    }

    /// Distinct cards graded so far.
    pub fn cards_graded(&self) -> usize {
        self.steps
            .iter()
            .map(|s| &s.card)
            .collect::<HashSet<_>>()
            .len()
    }

    /// Time spent, up to the last grade once finished.
    pub fn elapsed(&self, now: DateTime<Utc>) -> Duration {
        (self.finished.unwrap_or(now) - self.started).max(Duration::zero())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::{DayZone, Phase, StoreOptions};

    fn at(min: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_424_400, 0).unwrap() + Duration::minutes(min)
    }

    fn store(dir: &std::path::Path) -> ReviewStore {
        let options = StoreOptions {
            zone: DayZone::utc(),
            ..StoreOptions::default()
        };
        ReviewStore::open(dir, &options, at(0)).unwrap().0
    }

    fn session(ids: &[&str]) -> Session {
        let queue = ids.iter().map(|s| Id::new(*s)).collect();
        Session::new("test".into(), queue, Mode::Normal, at(0)).unwrap()
    }

    #[test]
    fn empty_queue_is_no_session() {
        assert!(Session::new("x".into(), vec![], Mode::Normal, at(0)).is_none());
    }

    #[test]
    fn again_puts_the_card_back_and_easy_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let mut st = store(dir.path());
        let mut s = session(&["a", "b"]);
        s.reveal();
        assert_eq!((s.side, s.proposed), (Side::Back, Some(Grade::Good)));
        s.grade(&mut st, Grade::Again, at(1)).unwrap();
        assert_eq!(s.side, Side::Front);
        assert_eq!(s.progress(), (1, 3), "a is back at the end");
        assert_eq!(
            (s.cards_done(), s.cards()),
            (0, 2),
            "a comes back, so it is not done"
        );
        assert_eq!(s.coming_back(), [&Id::new("a")], "started, not finished");
        s.grade(&mut st, Grade::Easy, at(2)).unwrap();
        assert_eq!(s.current(), Some(&Id::new("a")));
        s.grade(&mut st, Grade::Easy, at(3)).unwrap();
        assert!(s.is_finished() && s.finished == Some(at(3)));
        assert_eq!(s.tally(), (3, [1, 0, 0, 2]));
        assert_eq!(s.cards_graded(), 2);
        assert_eq!(
            (s.cards_done(), s.cards()),
            (2, 2),
            "two cards, three reviews"
        );
        assert_eq!(s.elapsed(at(50)), Duration::minutes(3));
        assert!(s.coming_back().is_empty(), "finished: nothing comes back");
    }

    /// Distinct cards with no turn left ahead, counted the slow way over the whole queue.
    fn done_slow(s: &Session) -> usize {
        let ahead: HashSet<&Id> = s.queue.iter().skip(s.pos).collect();
        s.queue.iter().collect::<HashSet<_>>().len() - ahead.len()
    }

    /// Cards graded so far with a turn still ahead, the slow way: every turn ahead looked at.
    fn back_slow(s: &Session) -> Vec<&Id> {
        let graded: HashSet<&Id> = s.steps.iter().map(|st| &st.card).collect();
        let mut out: Vec<&Id> = Vec::new();
        for id in s.queue.iter().skip(s.pos) {
            if graded.contains(id) && !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }

    #[test]
    fn cards_done_matches_counting_the_whole_queue() {
        let dir = tempfile::tempdir().unwrap();
        let mut st = store(dir.path());
        // Without repeats at the start (as build_queue makes it) and with one.
        for ids in [&["a", "b", "c", "d", "e"][..], &["a", "b", "a", "c"][..]] {
            let mut s = session(ids);
            // A fixed walk of grades (Again comes back), undos and more grades.
            let walk = [1, 3, 1, 0, 4, 1, 1, 0, 0, 3, 4, 1, 4, 4, 4, 4, 4, 4];
            for (i, step) in walk.into_iter().enumerate() {
                let now = at(10 + i as i64);
                match step {
                    0 => drop(s.undo(&mut st, now).unwrap()),
                    g => s.grade(&mut st, Grade::ALL[g - 1], now).unwrap(),
                }
                assert_eq!(s.cards_done(), done_slow(&s), "{ids:?} after step {i}");
                assert_eq!(s.coming_back(), back_slow(&s), "{ids:?} after step {i}");
                assert_eq!(s.cards(), s.queue.iter().collect::<HashSet<_>>().len());
            }
            assert!(s.is_finished(), "{ids:?}");
            assert_eq!(s.cards_done(), s.cards());
        }
    }

    #[test]
    fn a_pick_proposes_good_or_again() {
        let mut s = session(&["a"]);
        s.pick(2, 2);
        assert_eq!((s.picked, s.proposed), (Some(2), Some(Grade::Good)));
        let mut s = session(&["a"]);
        s.pick(0, 2);
        assert_eq!((s.side, s.proposed), (Side::Back, Some(Grade::Again)));
        s.pick(2, 2);
        assert_eq!(s.picked, Some(0), "the first pick stands");
    }

    #[test]
    fn undo_restores_the_schedule_queue_and_position() {
        let dir = tempfile::tempdir().unwrap();
        let mut st = store(dir.path());
        let mut s = session(&["a", "b"]);
        assert_eq!(s.undo(&mut st, at(0)).unwrap(), None);
        s.grade(&mut st, Grade::Easy, at(1)).unwrap();
        let a_after_easy = st.state(&Id::new("a")).cloned();
        s.grade(&mut st, Grade::Again, at(2)).unwrap();
        assert_eq!(s.progress(), (2, 3));
        assert_eq!(s.undo(&mut st, at(3)).unwrap(), Some(Id::new("b")));
        assert_eq!(s.progress(), (1, 2), "the put-back copy of b is gone");
        assert_eq!(s.current(), Some(&Id::new("b")));
        assert_eq!(st.state(&Id::new("b")), None, "b is new again");
        assert_eq!(st.state(&Id::new("a")).cloned(), a_after_easy);
        assert_eq!(s.undo(&mut st, at(4)).unwrap(), Some(Id::new("a")));
        assert_eq!(st.state(&Id::new("a")), None);
        assert!(!s.can_undo());
    }

    #[test]
    fn undo_leaves_grades_from_outside_the_session_alone() {
        let dir = tempfile::tempdir().unwrap();
        let mut st = store(dir.path());
        let mut s = session(&["a"]);
        s.grade(&mut st, Grade::Good, at(1)).unwrap();
        st.grade(&Id::new("elsewhere"), Grade::Good, at(2)).unwrap();
        assert_eq!(s.undo(&mut st, at(3)).unwrap(), None);
        assert!(st.state(&Id::new("elsewhere")).is_some());
        assert_eq!(
            st.state(&Id::new("a")).map(|c| c.phase),
            Some(Phase::Learning)
        );
    }

    #[test]
    fn a_failed_write_keeps_the_card_and_its_side() {
        let dir = tempfile::tempdir().unwrap();
        let mut st = store(dir.path());
        let mut s = session(&["a", "b"]);
        s.pick(1, 1);
        st.fail_writes();
        assert!(s.grade(&mut st, Grade::Good, at(1)).is_err());
        assert_eq!(s.current(), Some(&Id::new("a")));
        assert_eq!((s.side, s.picked), (Side::Back, Some(1)));
        assert_eq!(s.tally().0, 0);
        assert_eq!(st.state(&Id::new("a")), None);
    }
}

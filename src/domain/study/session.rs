//! A study session: the queue of cards, which side shows, a multiple-choice pick and the grade it
//! proposes, grading through the review store, and undo.

use crate::domain::content::Id;
use crate::domain::schedule::{Grade, Mode, ReviewStore, ScheduleError};
use chrono::{DateTime, Duration, Utc};
use std::collections::{HashMap, HashSet};

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

    /// Distinct cards answered at least once in this session, done or coming back: the first
    /// pass's progress, which moves with every new card although none is done until its
    /// learning step comes round.
    pub fn cards_seen(&self) -> usize {
        let pos = self.pos.min(self.queue.len());
        self.queue[..pos].iter().collect::<HashSet<&Id>>().len()
    }

    /// Distinct cards done, for "3 of 20 cards done". In a normal session a card is done when none
    /// of its turns is still ahead in the queue. A cram takes every card of the deck, so a new card
    /// answered Good, put back for its learning step, comes round again only after all the others:
    /// there a card is also done once its latest grade passed it (Hard, Good or Easy), so the count
    /// moves as cards are answered, as it does for due cards in a normal session.
    pub fn cards_done(&self) -> usize {
        let back = self.put_back();
        let passed = back.len() - self.still_to_pass(back).len();
        self.cards_finished() + passed
    }

    /// Distinct cards none of whose turns is still ahead in the queue. Drawn on every frame of the
    /// summary, so with a start without repeats (as `build_queue` makes them) only the cards seen
    /// and the turns that came back are looked at, not the 30,000 cards still ahead.
    fn cards_finished(&self) -> usize {
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

    /// Cards started but not done (see [`Session::cards_done`]), in the order they come back: graded
    /// in this session with a turn still ahead (in a cram, only those last graded Again).
    pub fn coming_back(&self) -> Vec<&Id> {
        self.still_to_pass(self.put_back())
    }

    /// Of the cards put back, those not yet done: all of them, or in a cram those whose latest
    /// grade in this session is Again.
    fn still_to_pass<'a>(&self, back: Vec<&'a Id>) -> Vec<&'a Id> {
        if !matches!(self.mode, Mode::Cram { .. }) {
            return back;
        }
        let mut latest: HashMap<&Id, Grade> = HashMap::new();
        for s in self.steps.iter().rev() {
            latest.entry(&s.card).or_insert(s.grade);
        }
        back.into_iter()
            .filter(|id| latest.get(id).is_none_or(|g| *g == Grade::Again))
            .collect()
    }

    /// Cards graded in this session whose next turn is still ahead (put back after a learning
    /// step), in the order they come back. With a start without repeats only the turns put back
    /// are looked at, as in [`Session::cards_finished`].
    fn put_back(&self) -> Vec<&Id> {
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
#[path = "session_tests.rs"]
mod tests;

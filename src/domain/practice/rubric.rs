//! The self-rating rubric after each practice answer, and the flashcard grade it maps to.

/// How well a question was answered, in flashcard terms: the same grade a review gives, so a practice
/// rating goes straight into the card schedule.
pub use crate::domain::schedule::Grade;
use serde::{Deserialize, Serialize};

/// One box of the rubric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// The answer had a clear Situation, Task, Action, Result shape.
    Structure,
    /// The answer said "I" for the speaker's own actions, not only "we".
    SaidI,
    /// The answer ended with a result someone could measure or observe.
    MeasurableResult,
    /// The answer finished within the target time.
    WithinTime,
}

impl Check {
    pub const ALL: [Check; 4] = [
        Check::Structure,
        Check::SaidI,
        Check::MeasurableResult,
        Check::WithinTime,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Check::Structure => "Clear S/T/A/R structure",
            Check::SaidI => "Said \"I\" for what I did",
            Check::MeasurableResult => "Gave a measurable result",
            Check::WithinTime => "Finished within the target time",
        }
    }

    /// A short question the user asks themselves, shown under the label.
    pub fn prompt(self) -> &'static str {
        match self {
            Check::Structure => {
                "Could a listener tell the situation, your task, your actions and the result?"
            }
            Check::SaidI => "Did you own your actions instead of saying only \"we\"?",
            Check::MeasurableResult => {
                "Did you end with a number, a change or feedback someone could check?"
            }
            Check::WithinTime => {
                "Ticked for you when the timer stayed under the target; change it if you like."
            }
        }
    }
}

/// The four ticks for one answer. Saved in the round log field by field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rubric {
    pub structure: bool,
    pub said_i: bool,
    pub result: bool,
    pub in_time: bool,
}

impl Rubric {
    /// A fresh rubric for an answer: only "within time" is pre-ticked, from the timer, because it is
    /// the one box the app can judge.
    pub fn for_answer(within_time: bool) -> Rubric {
        Rubric {
            in_time: within_time,
            ..Rubric::default()
        }
    }

    pub fn get(&self, check: Check) -> bool {
        match check {
            Check::Structure => self.structure,
            Check::SaidI => self.said_i,
            Check::MeasurableResult => self.result,
            Check::WithinTime => self.in_time,
        }
    }

    pub fn toggle(&mut self, check: Check) {
        let b = match check {
            Check::Structure => &mut self.structure,
            Check::SaidI => &mut self.said_i,
            Check::MeasurableResult => &mut self.result,
            Check::WithinTime => &mut self.in_time,
        };
        *b = !*b;
    }

    /// How many boxes are ticked, 0–4.
    pub fn score(&self) -> u8 {
        Check::ALL.iter().map(|c| u8::from(self.get(*c))).sum()
    }

    /// The flashcard grade for this answer. The rule, one point per ticked box:
    ///
    /// | ticks | grade |
    /// |-------|-------|
    /// | 4     | Easy  |
    /// | 3     | Good  |
    /// | 2     | Hard  |
    /// | 0–1   | Again |
    ///
    /// except that an answer without a clear structure is never better than Hard: a rambling answer
    /// is the thing practice is meant to catch, however short or personal it was.
    pub fn grade(&self) -> Grade {
        let by_score = match self.score() {
            4 => Grade::Easy,
            3 => Grade::Good,
            2 => Grade::Hard,
            _ => Grade::Again,
        };
        if self.structure {
            by_score
        } else {
            by_score.min(Grade::Hard)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(structure: bool, said_i: bool, result: bool, in_time: bool) -> Rubric {
        Rubric {
            structure,
            said_i,
            result,
            in_time,
        }
    }

    #[test]
    fn one_point_per_box() {
        assert_eq!(r(true, true, true, true).grade(), Grade::Easy);
        assert_eq!(r(true, true, true, false).grade(), Grade::Good);
        assert_eq!(r(true, false, true, true).grade(), Grade::Good);
        assert_eq!(r(true, false, false, true).grade(), Grade::Hard);
        assert_eq!(r(true, false, false, false).grade(), Grade::Again);
        assert_eq!(r(false, false, false, false).grade(), Grade::Again);
    }

    #[test]
    fn without_structure_the_best_is_hard() {
        assert_eq!(r(false, true, true, true).grade(), Grade::Hard);
        assert_eq!(r(false, true, true, false).grade(), Grade::Hard);
        assert_eq!(r(false, true, false, false).grade(), Grade::Again);
    }

    #[test]
    fn every_combination_gives_a_grade_no_better_than_its_score() {
        for bits in 0u8..16 {
            let rb = r(bits & 1 != 0, bits & 2 != 0, bits & 4 != 0, bits & 8 != 0);
            assert!(rb.grade().number() <= rb.score().max(1), "{rb:?}");
        }
    }

    #[test]
    fn toggling_flips_one_box_and_fresh_rubric_only_ticks_time() {
        let mut rb = Rubric::for_answer(true);
        assert_eq!(rb, r(false, false, false, true));
        rb.toggle(Check::SaidI);
        assert!(rb.get(Check::SaidI));
        rb.toggle(Check::SaidI);
        assert!(!rb.get(Check::SaidI));
        assert_eq!(Rubric::for_answer(false).score(), 0);
    }

    #[test]
    fn grade_numbers_match_the_review_journal() {
        let n: Vec<u8> = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy]
            .iter()
            .map(|g| g.number())
            .collect();
        assert_eq!(n, [1, 2, 3, 4]);
    }
}

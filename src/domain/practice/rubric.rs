//! The self-rating rubric after each practice answer, one a kind of question, and the flashcard grade
//! it maps to.

use super::typed::{TalkingPoint, TypedAnalysis};
use crate::domain::content::QuestionKind;
/// How well a question was answered, in flashcard terms: the same grade a review gives, so a practice
/// rating goes straight into the card schedule.
pub use crate::domain::schedule::Grade;
use serde::de::{Deserializer, Error as _, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One box of a rubric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    /// Its name in the round log.
    pub key: &'static str,
    pub label: &'static str,
    /// A short question the user asks themselves, shown under the label.
    pub prompt: &'static str,
    /// The best grade an answer can get without this box: the boxes that make or break an answer.
    pub cap: Option<Grade>,
}

const fn check(key: &'static str, label: &'static str, prompt: &'static str) -> Check {
    Check {
        key,
        label,
        prompt,
        cap: None,
    }
}

const fn gate(key: &'static str, label: &'static str, prompt: &'static str, cap: Grade) -> Check {
    Check {
        key,
        label,
        prompt,
        cap: Some(cap),
    }
}

const IN_TIME: Check = check(
    "in_time",
    "Kept to the target time",
    "Ticked for you when the answer came close to the target without going over it; change it if \
     you like.",
);

const STAR: [Check; 4] = [
    gate(
        "structure",
        "Clear S/T/A/R structure",
        "Could a listener tell the situation, your task, your actions and the result?",
        Grade::Hard,
    ),
    check(
        "said_i",
        "Said \"I\" for what I did",
        "Did you own your actions instead of saying only \"we\"?",
    ),
    check(
        "result",
        "Gave a measurable result",
        "Did you end with a number, a change or feedback someone could check?",
    ),
    IN_TIME,
];

const DIRECT: [Check; 4] = [
    gate(
        "answered",
        "Answered what was asked, in clear steps",
        "Did you answer the question itself, first step first?",
        Grade::Hard,
    ),
    gate(
        "safe",
        "Sound: honest, safe and within my role",
        "Would a supervisor be glad to hear it? Did you get help where your role stops?",
        Grade::Again,
    ),
    check(
        "detail",
        "Gave a specific example or detail",
        "Did you name a real tool, step or time from your own work?",
    ),
    IN_TIME,
];

const KNOWLEDGE: [Check; 4] = [
    gate(
        "answered",
        "Answered the question",
        "Did you say what was asked, plainly, before anything else?",
        Grade::Hard,
    ),
    gate(
        "correct",
        "Correct, and within my role's scope",
        "Would the guide or a therapist agree with every fact you gave?",
        Grade::Again,
    ),
    check(
        "detail",
        "Named a specific term, rule or example",
        "Did you use the right word for it, or show it with a case?",
    ),
    IN_TIME,
];

const OPENER: [Check; 4] = [
    gate(
        "present",
        "Spoke from who I am now and what I bring",
        "Did you answer from your own work or training today, not your life story or a line \
         anyone could say?",
        Grade::Hard,
    ),
    check(
        "strength",
        "Backed a strength with an example",
        "Did one real example show what you are good at?",
    ),
    check(
        "why_role",
        "Said why this job, here",
        "Did you end on why you want this role with this employer, with something you know about it?",
    ),
    IN_TIME,
];

const CLOSER: [Check; 4] = [
    gate(
        "asked",
        "Asked at least one real question",
        "Did you ask something, rather than \"No, I think you covered it\"?",
        Grade::Again,
    ),
    check(
        "about_job",
        "Asked about the job, team or training",
        "Were your questions about the work, not pay or time off first?",
    ),
    check(
        "listened",
        "Listened and followed up",
        "Did you react to their answer with a short follow-up or a thank-you?",
    ),
    check(
        "thanks",
        "Thanked them and said I want the job",
        "Did you close with thanks and real interest?",
    ),
];

/// The boxes for a kind of question, in order.
pub fn checks(kind: QuestionKind) -> &'static [Check; 4] {
    match kind {
        QuestionKind::Star => &STAR,
        QuestionKind::Direct => &DIRECT,
        QuestionKind::Knowledge => &KNOWLEDGE,
        QuestionKind::Opener => &OPENER,
        QuestionKind::Closer => &CLOSER,
    }
}

/// The ticks for one answer, and the kind of rubric they belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rubric {
    pub kind: QuestionKind,
    pub ticks: [bool; 4],
}

impl Default for Rubric {
    fn default() -> Self {
        Rubric::new(QuestionKind::Star)
    }
}

impl Rubric {
    /// Nothing ticked.
    pub fn new(kind: QuestionKind) -> Rubric {
        Rubric {
            kind,
            ticks: [false; 4],
        }
    }

    /// The rubric an answer starts with: only "within time" is pre-ticked, from the clock, because
    /// it is the one box the app can judge for a spoken answer.
    pub fn for_answer(kind: QuestionKind, within_time: bool) -> Rubric {
        let mut r = Rubric::new(kind);
        if let Some(i) = r.index_of("in_time") {
            r.ticks[i] = within_time;
        }
        r
    }

    /// The rubric a typed answer starts with: the time box as [`Rubric::for_answer`], and the
    /// boxes its text can show. Each pre-tick raises the grade that schedules the question's card,
    /// so a box is ticked only on clear signs: a measurable result needs a number or a change
    /// someone could check (an ending alone is not one); a strength needs a real example told,
    /// not a claim ("I'm good at keeping people safe"); a detail needs a job word or a real
    /// example, and a direct answer that runs down a past job gets none. The user can tick any box
    /// left empty.
    pub fn for_typed(kind: QuestionKind, within_time: bool, a: &TypedAnalysis) -> Rubric {
        let mut r = Rubric::for_answer(kind, within_time);
        let scan = &a.coach.scan;
        let named_term = !scan.terms.is_empty();
        r.set("said_i", scan.i_count > 0 && scan.i_count >= scan.we_count);
        r.set("result", a.measurable);
        // A complaint about a past job is not a detail from your own work.
        let fair = a.speaks_ill.is_empty();
        r.set(
            "detail",
            (named_term || a.told_example) && (fair || kind == QuestionKind::Knowledge),
        );
        r.set("strength", a.told_example);
        r.set("why_role", a.this_job);
        r.set("present", a.covers(TalkingPoint::Experience));
        r
    }

    pub fn checks(&self) -> &'static [Check; 4] {
        checks(self.kind)
    }

    /// Where the box named `key` is, if this kind has it.
    pub fn index_of(&self, key: &str) -> Option<usize> {
        self.checks().iter().position(|c| c.key == key)
    }

    /// Whether the box named `key` is ticked (false when this kind has no such box).
    pub fn has(&self, key: &str) -> bool {
        self.index_of(key).is_some_and(|i| self.ticks[i])
    }

    pub fn get(&self, i: usize) -> bool {
        self.ticks.get(i).copied().unwrap_or(false)
    }

    pub fn set(&mut self, key: &str, on: bool) {
        if let Some(i) = self.index_of(key) {
            self.ticks[i] = on;
        }
    }

    pub fn toggle(&mut self, i: usize) {
        if let Some(b) = self.ticks.get_mut(i) {
            *b = !*b;
        }
    }

    /// How many boxes are ticked, 0–4.
    pub fn score(&self) -> u8 {
        self.ticks.iter().map(|b| u8::from(*b)).sum()
    }

    /// The flashcard grade for this answer. One point per ticked box:
    ///
    /// | ticks | grade |
    /// |-------|-------|
    /// | 4     | Easy  |
    /// | 3     | Good  |
    /// | 2     | Hard  |
    /// | 0–1   | Again |
    ///
    /// then capped by the boxes that make or break this kind of answer (see [`grade_rule`]): a story
    /// without a clear structure is at best Hard; a direct answer that is unsafe or outside the role,
    /// or a knowledge answer that is wrong, is Again; so is a close with no question asked.
    pub fn grade(&self) -> Grade {
        let by_score = match self.score() {
            4 => Grade::Easy,
            3 => Grade::Good,
            2 => Grade::Hard,
            _ => Grade::Again,
        };
        self.checks()
            .iter()
            .zip(self.ticks)
            .filter(|(_, on)| !on)
            .filter_map(|(c, _)| c.cap)
            .fold(by_score, Grade::min)
    }
}

/// The grade rule of a kind in words, for the rating screen.
pub fn grade_rule(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Star => {
            "One point per box: 4 Easy, 3 Good, 2 Hard, 0–1 Again; without a clear structure the \
             best is Hard."
        }
        QuestionKind::Direct => {
            "One point per box: 4 Easy, 3 Good, 2 Hard, 0–1 Again; not answering caps it at Hard, \
             an unsound one (unsafe, outside the role) is Again."
        }
        QuestionKind::Knowledge => {
            "One point per box: 4 Easy, 3 Good, 2 Hard, 0–1 Again; not answering caps it at Hard, \
             a wrong answer is Again."
        }
        QuestionKind::Opener => {
            "One point per box: 4 Easy, 3 Good, 2 Hard, 0–1 Again; an answer anyone could give, \
             not from who you are now, is Hard at best."
        }
        QuestionKind::Closer => {
            "One point per box: 4 Easy, 3 Good, 2 Hard, 0–1 Again; asking nothing is Again."
        }
    }
}

/// Written in the round log as a table of the kind's boxes, e.g. `{ structure = true, said_i =
/// false, result = true, in_time = true }`, which is how rounds were written before kinds existed,
/// so old logs read as story rubrics.
impl Serialize for Rubric {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        for (c, on) in self.checks().iter().zip(self.ticks) {
            map.serialize_entry(c.key, &on)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Rubric {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Rubric, D::Error> {
        d.deserialize_map(RubricVisitor)
    }
}

struct RubricVisitor;

impl<'de> Visitor<'de> for RubricVisitor {
    type Value = Rubric;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a table of rubric boxes, such as { structure = true, said_i = false, … }")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Rubric, A::Error> {
        let mut seen: Vec<(String, bool)> = Vec::new();
        while let Some((key, on)) = map.next_entry::<String, bool>()? {
            seen.push((key, on));
        }
        // The first kind that has every key given; a rubric with no keys is an empty story rubric.
        let kind = QuestionKind::ALL
            .into_iter()
            .find(|k| {
                seen.iter()
                    .all(|(key, _)| checks(*k).iter().any(|c| c.key == key))
            })
            .ok_or_else(|| {
                let keys: Vec<&str> = seen.iter().map(|(k, _)| k.as_str()).collect();
                A::Error::custom(format!(
                    "the rubric boxes {keys:?} do not belong to one kind of question; a story \
                     question has structure, said_i, result and in_time"
                ))
            })?;
        let mut r = Rubric::new(kind);
        for (key, on) in seen {
            r.set(&key, on);
        }
        Ok(r)
    }
}

#[cfg(test)]
#[path = "rubric_tests.rs"]
mod tests;

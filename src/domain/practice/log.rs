//! The practice round log, `practice/rounds.toml` in the data folder: every answer with its time,
//! rubric and grade, in a file a person can read.

use super::rubric::{Grade, Rubric};
use super::timer::Timing;
use crate::domain::content::{Id, Trigger};
use crate::storage::StorageError;
use crate::storage::datafile::{self, LoadError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Where the log lives, relative to the data folder.
pub const ROUNDS_FILE: &str = "practice/rounds.toml";

const HEADER: &str = "Your practice rounds, oldest first, written by clinicprep after each answer.\n\
Each answer has the seconds it took, your rubric ticks and the flashcard grade they gave,\n\
and what you typed, the follow-up question and the questions you asked, if any.\n\
You can read this file freely; if you edit it, keep it valid TOML.";

/// How answers were given in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnswerMode {
    /// Out loud, with the timer.
    Speaking,
    /// Typed or pasted into a text box.
    Typing,
}

impl AnswerMode {
    pub fn label(self) -> &'static str {
        match self {
            AnswerMode::Speaking => "Speak out loud",
            AnswerMode::Typing => "Type (or paste)",
        }
    }

    /// How a past round's answers were given.
    pub fn done_label(self) -> &'static str {
        match self {
            AnswerMode::Speaking => "spoken",
            AnswerMode::Typing => "typed",
        }
    }
}

/// One answered question. Fields added after the first version are optional, so older logs load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub question: Id,
    /// Seconds on the timer; for a typed answer, about how long it takes to say.
    pub seconds: u32,
    pub rubric: Rubric,
    /// The grade applied to the question's card, kept as given even if the rule changes later.
    pub grade: Grade,
    /// The answer as typed or pasted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed: Option<String>,
    /// Questions to ask the interviewer that the user picked at the close.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asked: Vec<Id>,
    /// The interviewer's follow-up question and its answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUpAnswer>,
}

impl Answer {
    /// A graded answer with nothing typed, asked or followed up.
    pub fn new(question: Id, seconds: u32, rubric: Rubric, grade: Grade) -> Answer {
        Answer {
            question,
            seconds,
            rubric,
            grade,
            typed: None,
            asked: Vec::new(),
            follow_up: None,
        }
    }
}

/// A follow-up question as it was asked, and the answer to it. Not graded: the grade is the main
/// question's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpAnswer {
    /// The follow-up's id in the content table.
    pub id: Id,
    /// What the answer lacked.
    pub trigger: Trigger,
    /// The question as asked, kept in case the content changes.
    pub text: String,
    pub seconds: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed: Option<String>,
    /// Whether the typed answer gave what the follow-up asked for, as the coach judged it then
    /// (`followup::judge`); none for a spoken answer or a gap words cannot show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filled: Option<bool>,
}

/// A question left without a grade (Esc, or "I did not answer"): kept so no typed text is lost,
/// never handed to the card schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skipped {
    pub question: Id,
    pub seconds: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed: Option<String>,
    /// Where it came in the interview, from 1, so the summary keeps every question's true number;
    /// none in logs written before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
}

/// One question of a round as the summary lists it: answered, or left without a grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry<'a> {
    Answered(&'a Answer),
    Skipped(&'a Skipped),
}

/// A summary row: the question's number in the interview (none for a skip from a log that did not
/// keep it) and what became of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row<'a> {
    pub number: Option<usize>,
    pub entry: Entry<'a>,
}

/// How a round's timed answers compare with their windows (see [`super::timer::timing`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimeCounts {
    pub in_time: usize,
    pub short: usize,
    pub long: usize,
}

/// One round: when it started, its settings and the answers given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundRecord {
    #[serde(with = "rfc3339")]
    pub started: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Id>,
    pub target_seconds: u32,
    /// The interviewer's persona id, for mock interviews.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interviewer: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<AnswerMode>,
    #[serde(default)]
    pub answer: Vec<Answer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
}

impl RoundRecord {
    /// A round with no answers yet and no interviewer or mode recorded.
    pub fn new(started: DateTime<Utc>, role: Option<Id>, target_seconds: u32) -> RoundRecord {
        RoundRecord {
            started,
            role,
            target_seconds,
            interviewer: None,
            mode: None,
            answer: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// The answers that were timed: all but the close, where the user picks questions to ask.
    pub fn timed(&self) -> impl Iterator<Item = &Answer> + '_ {
        self.answer
            .iter()
            .filter(|a| a.rubric.kind != crate::domain::content::QuestionKind::Closer)
    }

    /// Timed answers within their own time window: not over the target and not well short of it
    /// (an opener's window is shorter than a story's, see [`super::timer::target_for_kind`]). An
    /// answer of 18 s against 90–120 s is short, not on time.
    pub fn on_time(&self) -> usize {
        self.time_counts().in_time
    }

    /// How many timed answers were in time, short and long.
    pub fn time_counts(&self) -> TimeCounts {
        let mut c = TimeCounts::default();
        for a in self.timed() {
            match self.timing(a) {
                Timing::Short => c.short += 1,
                Timing::InTime => c.in_time += 1,
                Timing::Long => c.long += 1,
            }
        }
        c
    }

    /// Where one of this round's answers falls against its own window.
    pub fn timing(&self, a: &Answer) -> Timing {
        super::timer::timing(a.rubric.kind, self.target_seconds, a.seconds)
    }

    /// Every question answered or skipped, in the order asked, each with its true number: the
    /// skips keep the numbers they were asked at and the answers fill the rest in order. Skips
    /// from older logs, whose numbers were not kept, come last with none.
    pub fn rows(&self) -> Vec<Row<'_>> {
        let mut placed: std::collections::BTreeMap<usize, &Skipped> = Default::default();
        let mut loose = Vec::new();
        for s in &self.skipped {
            match s
                .number
                .and_then(|n| usize::try_from(n).ok())
                .filter(|n| *n > 0)
            {
                Some(n) if !placed.contains_key(&n) => {
                    placed.insert(n, s);
                }
                _ => loose.push(s),
            }
        }
        let mut out = Vec::with_capacity(self.answer.len() + self.skipped.len());
        let mut answers = self.answer.iter();
        let mut n = 1;
        loop {
            let entry = match placed.remove(&n) {
                Some(s) => Entry::Skipped(s),
                None => match answers.next() {
                    Some(a) => Entry::Answered(a),
                    None => break,
                },
            };
            out.push(Row {
                number: Some(n),
                entry,
            });
            n += 1;
        }
        // Skips numbered past the last answer (a hand-edited log) keep their numbers.
        out.extend(placed.into_iter().map(|(n, s)| Row {
            number: Some(n),
            entry: Entry::Skipped(s),
        }));
        out.extend(loose.into_iter().map(|s| Row {
            number: None,
            entry: Entry::Skipped(s),
        }));
        out
    }

    /// Mean seconds per timed answer, rounded; None for a round with none.
    pub fn mean_seconds(&self) -> Option<u32> {
        let n = u64::try_from(self.timed().count())
            .ok()
            .filter(|n| *n > 0)?;
        let total: u64 = self.timed().map(|a| u64::from(a.seconds)).sum();
        u32::try_from((total + n / 2) / n).ok()
    }
}

/// Every round on file, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundLog {
    #[serde(default)]
    pub round: Vec<RoundRecord>,
}

impl RoundLog {
    /// Loads the log from the data folder; no file yet is an empty log.
    pub fn load(data_dir: &Path) -> Result<RoundLog, LoadError> {
        Ok(datafile::load(&data_dir.join(ROUNDS_FILE))?.unwrap_or_default())
    }

    /// Writes the whole log atomically. Never call this after a `Damaged` load: it would replace the
    /// user's file.
    pub fn save(&self, data_dir: &Path) -> Result<(), StorageError> {
        datafile::save(&data_dir.join(ROUNDS_FILE), HEADER, self)
    }

    /// Adds `round`, or replaces the round that started at the same moment (a round is saved after
    /// every answer, so the same round is written again as it grows).
    pub fn upsert(&mut self, round: RoundRecord) {
        match self.round.iter_mut().find(|r| r.started == round.started) {
            Some(slot) => *slot = round,
            None => self.round.push(round),
        }
    }

    /// One time per answer given, for counting practice by day. Answers carry no time of their own,
    /// so each counts at its round's start.
    pub fn answer_times(&self) -> impl Iterator<Item = DateTime<Utc>> + '_ {
        self.round
            .iter()
            .flat_map(|r| std::iter::repeat_n(r.started, r.answer.len()))
    }
}

/// Times as RFC 3339 text (`2026-11-23T09:00:00Z`), which people and other tools read easily.
mod rfc3339 {
    use chrono::{DateTime, SecondsFormat, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.to_rfc3339_opts(SecondsFormat::Secs, true))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let s = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| {
                serde::de::Error::custom(format!(
                    "{s:?} is not a date and time like \"2026-11-23T09:00:00Z\" ({e})"
                ))
            })
    }
}

#[cfg(test)]
#[path = "log_tests.rs"]
mod tests;

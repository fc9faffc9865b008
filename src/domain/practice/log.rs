//! The practice round log, `practice/rounds.toml` in the data folder: every answer with its time,
//! rubric and grade, in a file a person can read.

use super::rubric::{Grade, Rubric};
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
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn sample() -> RoundLog {
        let answer = |id: &str, seconds, structure| {
            let rubric = Rubric {
                kind: crate::domain::content::QuestionKind::Star,
                ticks: [structure, true, true, seconds <= 120],
            };
            Answer {
                question: Id::new(id),
                seconds,
                rubric,
                grade: rubric.grade(),
                typed: None,
                asked: vec![],
                follow_up: None,
            }
        };
        RoundLog {
            round: vec![
                RoundRecord {
                    started: Utc.with_ymd_and_hms(2026, 11, 20, 18, 30, 5).unwrap(),
                    role: Some(Id::new("pta")),
                    target_seconds: 120,
                    interviewer: None,
                    mode: None,
                    answer: vec![answer("q-a", 95, true), answer("q-b", 140, false)],
                    skipped: vec![],
                },
                RoundRecord {
                    started: Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0).unwrap(),
                    role: None,
                    target_seconds: 90,
                    interviewer: None,
                    mode: None,
                    answer: vec![],
                    skipped: vec![],
                },
            ],
        }
    }

    #[test]
    fn round_trip_keeps_everything_and_reads_like_a_log() {
        let dir = tempfile::tempdir().unwrap();
        let log = sample();
        log.save(dir.path()).unwrap();
        let text = std::fs::read_to_string(dir.path().join(ROUNDS_FILE)).unwrap();
        assert!(text.starts_with("# Your practice rounds"), "{text}");
        assert!(
            text.contains("started = \"2026-11-20T18:30:05Z\""),
            "{text}"
        );
        assert!(text.contains("grade = \"easy\""), "{text}");
        assert!(
            text.contains("[round.answer.rubric]\nstructure = true"),
            "{text}"
        );
        assert_eq!(RoundLog::load(dir.path()).unwrap(), log);
    }

    #[test]
    fn a_log_written_before_mock_interviews_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(ROUNDS_FILE);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let old = "[[round]]\nstarted = \"2026-11-20T18:30:05Z\"\nrole = \"pta\"\n\
                   target_seconds = 120\n\n[[round.answer]]\nquestion = \"q-a\"\nseconds = 95\n\
                   grade = \"good\"\n\n[round.answer.rubric]\nstructure = true\nsaid_i = false\n\
                   result = true\nin_time = true\n";
        std::fs::write(&path, old).unwrap();
        let log = RoundLog::load(dir.path()).unwrap();
        let a = &log.round[0].answer[0];
        assert_eq!(a.rubric.kind, crate::domain::content::QuestionKind::Star);
        assert_eq!(a.rubric.ticks, [true, false, true, true]);
        assert_eq!((a.typed.as_deref(), log.round[0].mode), (None, None));
    }

    #[test]
    fn typed_text_follow_ups_asks_and_skips_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = sample();
        let r = &mut log.round[0];
        r.mode = Some(AnswerMode::Typing);
        r.interviewer = Some(Id::new("persona-x"));
        r.answer[0].typed = Some("I checked the brakes.\nThen \"the\" belt.".into());
        r.answer[0].follow_up = Some(FollowUpAnswer {
            id: Id::new("fu-no-result"),
            trigger: Trigger::NoResult,
            text: "So what happened in the end?".into(),
            seconds: 20,
            typed: Some("She walked.".into()),
            filled: Some(true),
        });
        r.answer[1].asked = vec![Id::new("ask-training")];
        r.skipped.push(Skipped {
            question: Id::new("q-c"),
            seconds: 4,
            typed: Some("half an answer".into()),
        });
        log.save(dir.path()).unwrap();
        assert_eq!(RoundLog::load(dir.path()).unwrap(), log);
    }

    #[test]
    fn missing_log_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(RoundLog::load(dir.path()).unwrap(), RoundLog::default());
    }

    #[test]
    fn bad_time_is_reported_at_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(ROUNDS_FILE);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            &path,
            "# log\n\n[[round]]\nstarted = \"yesterday\"\ntarget_seconds = 120\n",
        )
        .unwrap();
        match RoundLog::load(dir.path()) {
            Err(LoadError::Damaged(p)) => {
                assert_eq!(p.line, Some(4), "{p}");
                assert!(p.message.contains("yesterday"), "{p}");
            }
            other => panic!("expected Damaged, got {other:?}"),
        }
        let before = std::fs::read_to_string(&path).unwrap();
        assert!(
            before.contains("yesterday"),
            "loading never rewrites the file"
        );
    }

    #[test]
    fn unknown_grade_is_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(ROUNDS_FILE);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let mut text = String::new();
        text.push_str("[[round]]\nstarted = \"2026-11-20T18:30:05Z\"\ntarget_seconds = 120\n");
        text.push_str("[[round.answer]]\nquestion = \"q\"\nseconds = 3\ngrade = \"superb\"\n");
        text.push_str(
            "rubric = { structure = true, said_i = true, result = true, in_time = true }\n",
        );
        std::fs::write(&path, text).unwrap();
        assert!(matches!(
            RoundLog::load(dir.path()),
            Err(LoadError::Damaged(_))
        ));
    }

    #[test]
    fn upsert_replaces_the_round_with_the_same_start() {
        let mut log = sample();
        let mut grown = log.round[1].clone();
        grown.answer = log.round[0].answer.clone();
        log.upsert(grown.clone());
        assert_eq!(log.round.len(), 2);
        assert_eq!(log.round[1], grown);
        grown.started += chrono::Duration::seconds(1);
        log.upsert(grown);
        assert_eq!(log.round.len(), 3);
    }

    #[test]
    fn mean_seconds_rounds_and_handles_empty_rounds() {
        let log = sample();
        assert_eq!(log.round[0].mean_seconds(), Some(118));
        assert_eq!(log.round[1].mean_seconds(), None);
        assert_eq!(log.answer_times().count(), 2);
    }
}

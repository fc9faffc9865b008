//! The story file format: TOML with multi-line strings, read back with the line and column of any error.

use super::story::{Story, StoryId};
use crate::domain::content::Id;
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use toml::value::{Date, Datetime, Offset, Time};

/// Why a story file could not be read, with the 1-based position of the problem where it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

/// The fields as written. Field order here is the order in the file: the story reads top to bottom.
#[derive(Serialize)]
struct FileOut<'a> {
    title: &'a str,
    /// Left out when empty, so files of stories without a cue look as they did before cues existed.
    #[serde(skip_serializing_if = "str::is_empty")]
    cue: &'a str,
    situation: &'a str,
    task: &'a str,
    action: &'a str,
    result: &'a str,
    tags: &'a [String],
    questions: &'a [Id],
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<Datetime>,
}

/// The fields as read. Only the title is required, so a quick hand-written file loads; unknown fields
/// are errors so that a typo like `acton` is reported instead of the text silently vanishing on save.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    title: String,
    #[serde(default)]
    cue: String,
    #[serde(default)]
    situation: String,
    #[serde(default)]
    task: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    result: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    questions: Vec<Id>,
    #[serde(default, deserialize_with = "stamp")]
    created: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "stamp")]
    updated: Option<DateTime<Utc>>,
}

/// Writes `story` in the file format. The id is not written: it is the file name. For example:
///
/// ```toml
/// title = "Calming an upset patient"
/// cue = "Late, angry patient: I listened, found a gap, he was seen that day."
/// situation = """
/// A patient arrived 30 minutes late and was angry that his slot had gone.
/// """
/// task = "Find him a slot without delaying the PT's other patients."
/// action = """
/// I listened without interrupting, then checked the schedule.
/// I found a 15-minute gap and asked the PT if she could take him.
/// """
/// result = "He was seen that day, and thanked me on the way out."
/// tags = ["patient-care", "conflict"]
/// questions = ["q-angry-patient"]
/// created = 2026-11-23T09:30:00Z
/// updated = 2026-11-24T18:02:11Z
/// ```
///
///
/// toml 1.x writes text containing newlines as `"""` multi-line strings, escaping quotes, backslashes and
/// control characters; the round trip is checked by the property tests below.
pub fn to_toml(story: &Story) -> Result<String, toml::ser::Error> {
    toml::to_string(&FileOut {
        title: &story.title,
        cue: &story.cue,
        situation: &story.situation,
        task: &story.task,
        action: &story.action,
        result: &story.result,
        tags: &story.tags,
        questions: &story.questions,
        created: story.created.and_then(to_datetime),
        updated: story.updated.and_then(to_datetime),
    })
}

/// Reads a story file's bytes. `fallback_time` (normally the file's modification time) stands in for a
/// missing `created` or `updated`. Text is returned exactly as written; see [`Story::sanitized`].
pub fn from_bytes(
    bytes: &[u8],
    id: StoryId,
    fallback_time: Option<DateTime<Utc>>,
) -> Result<Story, FormatError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        // The valid prefix is UTF-8 by definition, so this never falls back.
        let (line, column) = position(std::str::from_utf8(valid).unwrap_or(""), valid.len());
        FormatError {
            line: Some(line),
            column: Some(column),
            message: "not UTF-8 text (is this a binary file?)".to_string(),
        }
    })?;
    from_str(text, id, fallback_time)
}

/// Reads a story file's text; see [`from_bytes`].
pub fn from_str(
    text: &str,
    id: StoryId,
    fallback_time: Option<DateTime<Utc>>,
) -> Result<Story, FormatError> {
    // Editors on Windows may start the file with a byte-order mark; TOML does not allow one.
    let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let raw: FileIn = toml::from_str(&text[bom..]).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start + bom);
        let (line, column) = position(text, at);
        FormatError {
            line: Some(line),
            column: Some(column),
            message: crate::domain::content::problem::control_character(text, at)
                .unwrap_or_else(|| e.message().trim().to_string()),
        }
    })?;
    Ok(Story {
        id,
        title: raw.title,
        cue: raw.cue,
        situation: raw.situation,
        task: raw.task,
        action: raw.action,
        result: raw.result,
        // A tag naming a renamed competency reads as the new id (and is saved so next time).
        tags: raw
            .tags
            .into_iter()
            .map(|t| crate::domain::content::current_competency(&t).to_string())
            .collect(),
        questions: raw.questions,
        created: raw.created.or(fallback_time),
        updated: raw.updated.or(fallback_time),
    })
}

/// 1-based line and column (in characters) of byte offset `at` in `text`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Converts to a TOML offset date-time in UTC, whole seconds, so the file shows e.g. `2026-11-23T09:30:00Z`.
/// Years TOML cannot write (before 0 or after 9999) are left out rather than written wrongly.
fn to_datetime(t: DateTime<Utc>) -> Option<Datetime> {
    let year = u16::try_from(t.year()).ok().filter(|&y| y <= 9999)?;
    Some(Datetime {
        date: Some(Date {
            year,
            month: t.month() as u8,
            day: t.day() as u8,
        }),
        time: Some(Time {
            hour: t.hour() as u8,
            minute: t.minute() as u8,
            second: Some(t.second().min(59) as u8),
            nanosecond: None,
        }),
        offset: Some(Offset::Z),
    })
}

/// Reads `created`/`updated`: a TOML date-time with an offset, the same as an RFC 3339 string, or a bare
/// date (taken as midnight UTC), since people writing a file by hand reach for all three.
fn stamp<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    let text = match toml::Value::deserialize(d)? {
        toml::Value::Datetime(dt) => dt.to_string(),
        toml::Value::String(s) => s,
        other => {
            return Err(serde::de::Error::custom(format!(
                "expected a time like 2026-11-23T09:30:00Z, found a {}",
                other.type_str()
            )));
        }
    };
    parse_time(text.trim()).map(Some).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "`{text}` is not a time like 2026-11-23T09:30:00Z or a date like 2026-11-23"
        ))
    })
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    /// A robustness walk: an escape byte in a title was reported as an unclosed quote.
    #[test]
    fn a_control_character_in_a_story_is_named_with_its_line() {
        let id = StoryId::from_stem("x").unwrap();
        let err = from_str("title = \"Evil \u{1b}]0;x\"\n", id, None).unwrap_err();
        assert_eq!(err.line, Some(1));
        assert!(
            err.message.contains("control character (code 27)"),
            "{}",
            err.message
        );
    }
    fn id() -> StoryId {
        StoryId::from_stem("2026-11-23-upset-patient").unwrap()
    }

    fn sample() -> Story {
        let mut s = Story::new(
            id(),
            "Calming an upset patient",
            Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap(),
        );
        s.situation = "A patient was angry.\nHe had waited 30 minutes.\n".into();
        s.task = "Find a slot.".into();
        s.action = "I listened.\n\nThen I checked the schedule.".into();
        s.result = "Seen that day.".into();
        s.tags = vec!["patient-care".into()];
        s.questions = vec![Id::new("q-angry-patient")];
        s
    }

    #[test]
    fn writes_fields_in_story_order_with_multiline_text() {
        let text = to_toml(&sample()).unwrap();
        let keys: Vec<&str> = text
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
            .collect();
        assert_eq!(
            keys,
            [
                "title",
                "situation",
                "task",
                "action",
                "result",
                "tags",
                "questions",
                "created",
                "updated"
            ]
        );
        assert!(
            text.contains(
                "situation = \"\"\"\nA patient was angry.\nHe had waited 30 minutes.\n\"\"\""
            ),
            "{text}"
        );
        assert!(text.contains("created = 2026-11-23T09:30:00Z"), "{text}");
    }

    #[test]
    fn cue_is_written_after_the_title_only_when_set() {
        let mut s = sample();
        assert!(!to_toml(&s).unwrap().contains("cue"), "no cue, no key");
        s.cue = "Late, angry patient: I listened and found him a slot.".into();
        let text = to_toml(&s).unwrap();
        let keys: Vec<&str> = text
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
            .take(3)
            .collect();
        assert_eq!(keys, ["title", "cue", "situation"], "{text}");
        assert_eq!(from_str(&text, id(), None).unwrap(), s);
        s.cue.clear();
        assert!(
            !to_toml(&s).unwrap().contains("cue ="),
            "cleared cue leaves"
        );
    }

    #[test]
    fn files_from_before_cues_load_with_no_cue() {
        let text = "title = 'Short-staffed Saturday'\naction = 'I covered the desk.'\n";
        let s = from_str(text, id(), None).unwrap();
        assert_eq!(s.cue, "");
        assert_eq!(s.action, "I covered the desk.");
    }

    #[test]
    fn hand_written_file_loads_with_defaults() {
        let text =
            "title = 'Short-staffed Saturday'\naction = '''\nI covered the front desk.\n'''\n";
        let mtime = Utc.with_ymd_and_hms(2025, 1, 2, 3, 4, 5).unwrap();
        let s = from_str(text, id(), Some(mtime)).unwrap();
        assert_eq!(s.title, "Short-staffed Saturday");
        assert_eq!(s.action, "I covered the front desk.\n");
        assert_eq!(s.situation, "");
        assert!(s.tags.is_empty() && s.questions.is_empty());
        assert_eq!((s.created, s.updated), (Some(mtime), Some(mtime)));
        let s = from_str(text, id(), None).unwrap();
        assert_eq!(
            (s.created, s.updated),
            (None, None),
            "unknown without mtime"
        );
    }

    #[test]
    fn times_may_be_strings_dates_or_toml_datetimes() {
        let text = "title = 'x'\ncreated = \"2026-11-23T10:30:00+01:00\"\nupdated = 2026-12-01\n";
        let s = from_str(text, id(), None).unwrap();
        assert_eq!(
            s.created,
            Some(Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap())
        );
        assert_eq!(
            s.updated,
            Some(Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap())
        );
    }

    #[test]
    fn byte_order_mark_is_accepted_and_positions_still_count_from_the_file_start() {
        let s = from_str("\u{FEFF}title = 'x'\n", id(), None).unwrap();
        assert_eq!(s.title, "x");
        let e = from_str("\u{FEFF}title = 'x'\nbogus = 1\n", id(), None).unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(1)));
    }

    #[test]
    fn unknown_field_is_reported_with_its_name_and_line() {
        let text = "title = 'x'\n\nacton = 'I helped'\n";
        let e = from_str(text, id(), None).unwrap_err();
        assert_eq!((e.line, e.column), (Some(3), Some(1)));
        assert!(e.message.contains("acton"), "{}", e.message);
    }

    #[test]
    fn wrong_types_are_reported_at_the_value() {
        let e = from_str("title = 'x'\ntags = \"teamwork\"\n", id(), None).unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(8)), "{}", e.message);
        let e = from_str("title = 'x'\n\ncreated = 42\n", id(), None).unwrap_err();
        assert_eq!(e.line, Some(3), "{}", e.message);
        assert!(e.message.contains("time"), "{}", e.message);
        let e = from_str("title = 'x'\nupdated = 'last tuesday'\n", id(), None).unwrap_err();
        assert_eq!(e.line, Some(2), "{}", e.message);
    }

    #[test]
    fn truncated_and_empty_files_are_errors() {
        let full = to_toml(&sample()).unwrap();
        let cut = &full[..full.find("Then I").unwrap()];
        let e = from_str(cut, id(), None).unwrap_err();
        assert!(e.line.unwrap() >= 5, "{e:?}");
        let e = from_str("", id(), None).unwrap_err();
        assert!(e.message.contains("title"), "{}", e.message);
    }

    #[test]
    fn binary_file_reports_the_first_bad_byte() {
        let e = from_bytes(b"title = 'x'\nab\xff\xfe\x00", id(), None).unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(3)));
        assert!(e.message.contains("UTF-8"));
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            // Weighted towards the characters that are hard for TOML multi-line strings.
            proptest::collection::vec(
                prop_oneof![
                    Just("\"".to_string()),
                    Just("\"\"\"".to_string()),
                    Just("'''".to_string()),
                    Just("\\".to_string()),
                    Just("\n".to_string()),
                    Just("\r\n".to_string()),
                    Just("\t".to_string()),
                    Just("\u{7f}".to_string()),
                    Just("é 日本 🙂".to_string()),
                    "[a-z ]{0,6}",
                ],
                0..30
            )
            .prop_map(|v| v.concat()),
        ]
    }

    proptest! {
        #[test]
        fn every_story_round_trips(
            title in text(), cue in text(), situation in text(), task in text(), action in text(), result in text(),
            tags in proptest::collection::vec(text(), 0..4),
            questions in proptest::collection::vec("[a-z0-9-]{1,12}", 0..4),
            created in proptest::option::of(0i64..253_402_300_799),
            updated in proptest::option::of(0i64..253_402_300_799),
        ) {
            let story = Story {
                id: id(), title, cue, situation, task, action, result, tags,
                questions: questions.into_iter().map(Id::new).collect(),
                created: created.and_then(|s| DateTime::from_timestamp(s, 0)),
                updated: updated.and_then(|s| DateTime::from_timestamp(s, 0)),
            };
            let text = to_toml(&story).unwrap();
            let back = from_str(&text, id(), None).unwrap();
            prop_assert_eq!(back, story);
        }
    }
}

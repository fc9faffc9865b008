//! The journal's line format: tab-separated ids, times and numbers, ending in a CRC-32 of the line.
//!
//! ```text
//! g <seq> <card> <reviewed_ms> <grade 1-4> <state…> <crc>
//! u <seq> <card> <undone_at_ms> <undone_seq> <undone_reviewed_ms> <previous state… | -> <crc>
//! state = <due_ms> <stability> <difficulty> <elapsed_days> <scheduled_days> <reps> <lapses>
//!         <phase 0-3> <last_review_ms>
//! ```
//! Fields are separated by one tab, the CRC is 8 lowercase hex digits over everything before its tab,
//! and each record ends with `\n`. A grade record holds the resulting state and an undo record the
//! restored one, so loading never re-runs FSRS and old records mean the same under new parameters.

use super::card::{CardState, Phase, valid_ms};
use super::notice::ScheduleError;
use super::scheduler::Grade;
use crate::domain::content::Id;
use crate::storage::sanitize;

/// Longest card id accepted, in bytes; long enough for any sensible slug, short enough to keep lines small.
pub const MAX_ID_LEN: usize = 128;

/// Checks that `id` can be written as one journal field and read back unchanged. Ids come from content
/// files the user may edit, so a stray tab or newline must be refused, not written.
pub fn validate_card_id(id: &Id) -> Result<(), ScheduleError> {
    let s = id.as_str();
    // Nearly every id is printable ASCII without spaces: one pass over its bytes settles the two
    // character checks below (a review history of 100,000 cards checks every id as it loads).
    let plain = s.bytes().fold(true, |ok, b| ok & b.is_ascii_graphic());
    let reason = if s.is_empty() {
        Some("it is empty")
    } else if s.len() > MAX_ID_LEN {
        Some("it is longer than 128 bytes")
    } else if !plain && s.chars().any(char::is_whitespace) {
        Some("it contains whitespace")
    } else if !plain && !sanitize::is_clean(s) {
        Some("it contains control or invisible formatting characters")
    } else if s == "-" {
        Some("\"-\" is reserved")
    } else {
        None
    };
    match reason {
        Some(reason) => Err(ScheduleError::InvalidCardId {
            id: s.to_string(),
            reason,
        }),
        None => Ok(()),
    }
}

/// One journal record.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    /// A card was graded; `state` is its state afterwards.
    Grade {
        seq: u64,
        card: Id,
        reviewed_ms: i64,
        grade: Grade,
        state: CardState,
    },
    /// The grade with `undone_seq` was undone; the card goes back to `previous` (`None`: never seen).
    /// The undone grade's time is repeated so day counts can be corrected without looking it up.
    Undo {
        seq: u64,
        card: Id,
        at_ms: i64,
        undone_seq: u64,
        undone_reviewed_ms: i64,
        previous: Option<CardState>,
    },
}

/// Why a line could not be used. `intact` is true when its checksum matched (a record this version
/// does not understand, not a torn write), so it must never be cut off as a torn tail.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LineError {
    pub intact: bool,
    pub reason: String,
}

impl LineError {
    fn damaged(reason: &str) -> LineError {
        LineError {
            intact: false,
            reason: reason.to_string(),
        }
    }
    fn unknown(reason: impl Into<String>) -> LineError {
        LineError {
            intact: true,
            reason: reason.into(),
        }
    }
}

impl Record {
    pub fn seq(&self) -> u64 {
        match self {
            Record::Grade { seq, .. } | Record::Undo { seq, .. } => *seq,
        }
    }

    pub fn card(&self) -> &Id {
        match self {
            Record::Grade { card, .. } | Record::Undo { card, .. } => card,
        }
    }

    /// The full line, checksum and newline included. The card id must have been validated.
    pub(super) fn encode(&self) -> Vec<u8> {
        let mut body = match self {
            Record::Grade {
                seq,
                card,
                reviewed_ms,
                grade,
                state,
            } => {
                format!("g\t{seq}\t{card}\t{reviewed_ms}\t{}\t", grade.number())
                    + &state_fields(state)
            }
            Record::Undo {
                seq,
                card,
                at_ms,
                undone_seq,
                undone_reviewed_ms,
                previous,
            } => {
                let prev = previous
                    .as_ref()
                    .map_or_else(|| "-".to_string(), state_fields);
                format!("u\t{seq}\t{card}\t{at_ms}\t{undone_seq}\t{undone_reviewed_ms}\t{prev}")
            }
        };
        let crc = crc32fast::hash(body.as_bytes());
        body.push_str(&format!("\t{crc:08x}\n"));
        body.into_bytes()
    }

    /// Parses one line without its newline.
    pub(super) fn decode(line: &[u8]) -> Result<Record, LineError> {
        if line.is_empty() {
            return Err(LineError::damaged("empty line"));
        }
        let tab = line
            .iter()
            .rposition(|&b| b == b'\t')
            .ok_or_else(|| LineError::damaged("no checksum"))?;
        let (body, crc_text) = (&line[..tab], &line[tab + 1..]);
        let well_formed = crc_text.len() == 8
            && crc_text
                .iter()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b));
        let stored = std::str::from_utf8(crc_text)
            .ok()
            .filter(|_| well_formed)
            .and_then(|t| u32::from_str_radix(t, 16).ok())
            .ok_or_else(|| LineError::damaged("malformed checksum"))?;
        if crc32fast::hash(body) != stored {
            return Err(LineError::damaged("checksum does not match"));
        }
        let body = std::str::from_utf8(body).map_err(|_| LineError::unknown("not UTF-8"))?;
        let fields: Vec<&str> = body.split('\t').collect();
        parse_fields(&fields).map_err(LineError::unknown)
    }
}

fn state_fields(s: &CardState) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        s.due_ms,
        s.stability,
        s.difficulty,
        s.elapsed_days,
        s.scheduled_days,
        s.reps,
        s.lapses,
        s.phase.number(),
        s.last_review_ms
    )
}

fn num<T: std::str::FromStr>(field: &str, what: &str) -> Result<T, String> {
    field.parse().map_err(|_| format!("bad {what} {field:?}"))
}

fn time(field: &str, what: &str) -> Result<i64, String> {
    let ms: i64 = num(field, what)?;
    if valid_ms(ms) {
        Ok(ms)
    } else {
        Err(format!("{what} {ms} out of range"))
    }
}

fn card_id(field: &str) -> Result<Id, String> {
    let id = Id::new(field);
    validate_card_id(&id).map_err(|e| e.to_string())?;
    Ok(id)
}

fn parse_state(f: &[&str]) -> Result<CardState, String> {
    let [due, stab, diff, elapsed, sched, reps, lapses, phase, last] = f else {
        return Err(format!("expected 9 state fields, found {}", f.len()));
    };
    let state = CardState {
        due_ms: time(due, "due time")?,
        stability: num(stab, "stability")?,
        difficulty: num(diff, "difficulty")?,
        elapsed_days: num(elapsed, "elapsed days")?,
        scheduled_days: num(sched, "scheduled days")?,
        reps: num(reps, "review count")?,
        lapses: num(lapses, "lapse count")?,
        phase: Phase::from_number(num(phase, "phase")?).ok_or("unknown phase")?,
        last_review_ms: time(last, "last review time")?,
    };
    if state.is_plausible() {
        Ok(state)
    } else {
        Err("implausible card state".to_string())
    }
}

fn parse_fields(f: &[&str]) -> Result<Record, String> {
    match f {
        ["g", seq, card, reviewed, grade, state @ ..] => Ok(Record::Grade {
            seq: num(seq, "sequence number")?,
            card: card_id(card)?,
            reviewed_ms: time(reviewed, "review time")?,
            grade: Grade::from_number(num(grade, "grade")?).ok_or("grade not 1-4")?,
            state: parse_state(state)?,
        }),
        ["u", seq, card, at, undone, undone_reviewed, prev @ ..] => Ok(Record::Undo {
            seq: num(seq, "sequence number")?,
            card: card_id(card)?,
            at_ms: time(at, "undo time")?,
            undone_seq: num(undone, "undone sequence number")?,
            undone_reviewed_ms: time(undone_reviewed, "undone review time")?,
            previous: match prev {
                ["-"] => None,
                _ => Some(parse_state(prev)?),
            },
        }),
        [kind, ..] => Err(format!("unknown record kind {kind:?}")),
        [] => Err("no fields".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn state(ms: i64) -> CardState {
        CardState {
            due_ms: ms + 600_000,
            stability: 2.0 + 1.0 / 3.0,
            difficulty: 0.1 + 0.2,
            elapsed_days: 0,
            scheduled_days: 0,
            reps: 1,
            lapses: 0,
            phase: Phase::Learning,
            last_review_ms: ms,
        }
    }

    fn decode_line(bytes: &[u8]) -> Result<Record, LineError> {
        Record::decode(bytes.strip_suffix(b"\n").unwrap())
    }

    #[test]
    fn grade_and_undo_round_trip_exactly() {
        let g = Record::Grade {
            seq: 7,
            card: Id::new("pta.hipaa-basics"),
            reviewed_ms: 1_717_000_000_123,
            grade: Grade::Hard,
            state: state(1_717_000_000_123),
        };
        let u_new = Record::Undo {
            seq: 8,
            card: Id::new("pta.hipaa-basics"),
            at_ms: 1_717_000_001_000,
            undone_seq: 7,
            undone_reviewed_ms: 1_717_000_000_123,
            previous: None,
        };
        let u_seen = Record::Undo {
            seq: 9,
            card: Id::new("x"),
            at_ms: 0,
            undone_seq: 3,
            undone_reviewed_ms: 5,
            previous: Some(state(5)),
        };
        for r in [g, u_new, u_seen] {
            let line = r.encode();
            assert_eq!(line.last(), Some(&b'\n'));
            assert_eq!(decode_line(&line), Ok(r));
        }
    }

    #[test]
    fn grade_line_has_the_documented_shape() {
        let g = Record::Grade {
            seq: 1,
            card: Id::new("c1"),
            reviewed_ms: 1000,
            grade: Grade::Good,
            state: state(1000),
        };
        let line = String::from_utf8(g.encode()).unwrap();
        let fields: Vec<&str> = line.trim_end().split('\t').collect();
        assert_eq!(fields.len(), 15, "{line}");
        assert_eq!(&fields[..5], ["g", "1", "c1", "1000", "3"]);
        assert_eq!(fields[14].len(), 8);
    }

    #[test]
    fn any_flipped_byte_is_detected_as_damage() {
        let line = Record::Grade {
            seq: 1,
            card: Id::new("c1"),
            reviewed_ms: 1000,
            grade: Grade::Good,
            state: state(1000),
        }
        .encode();
        let body = &line[..line.len() - 1];
        for i in 0..body.len() {
            let mut bad = body.to_vec();
            bad[i] ^= 0x01;
            let err = Record::decode(&bad).unwrap_err();
            assert!(!err.intact, "byte {i}: {err:?}");
        }
    }

    #[test]
    fn intact_but_unknown_records_are_marked_intact() {
        let body = "z\t1\tnew-kind";
        let line = format!("{body}\t{:08x}", crc32fast::hash(body.as_bytes()));
        let err = Record::decode(line.as_bytes()).unwrap_err();
        assert!(
            err.intact && err.reason.contains("unknown record kind"),
            "{err:?}"
        );
    }

    #[test]
    fn card_ids_are_validated() {
        for bad in [
            "",
            "a b",
            "a\tb",
            "a\nb",
            "x\u{202E}y",
            "-",
            &"x".repeat(129),
        ] {
            assert!(validate_card_id(&Id::new(bad)).is_err(), "{bad:?}");
        }
        for good in ["q.tell-me-about-yourself", "日本語", &"x".repeat(128)] {
            assert!(validate_card_id(&Id::new(good)).is_ok(), "{good:?}");
        }
    }
}

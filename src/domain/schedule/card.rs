//! Our own serializable copy of an FSRS card's memory state, so stored data does not depend on rs-fsrs types.

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, State};
use serde::{Deserialize, Serialize};

/// Where a card is in its life: never seen, being learned in short steps, on a day schedule, or
/// relearning after a lapse. Mirrors `rs_fsrs::State`; the numbers are what the journal stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    New,
    Learning,
    Review,
    Relearning,
}

impl Phase {
    /// The journal's code for this phase.
    pub fn number(self) -> u8 {
        match self {
            Phase::New => 0,
            Phase::Learning => 1,
            Phase::Review => 2,
            Phase::Relearning => 3,
        }
    }

    pub fn from_number(n: u8) -> Option<Phase> {
        match n {
            0 => Some(Phase::New),
            1 => Some(Phase::Learning),
            2 => Some(Phase::Review),
            3 => Some(Phase::Relearning),
            _ => None,
        }
    }

    /// True for the short-step phases that should be shown before cards on a day schedule.
    pub fn is_learning(self) -> bool {
        matches!(self, Phase::Learning | Phase::Relearning)
    }

    fn from_fsrs(state: State) -> Phase {
        match state {
            State::New => Phase::New,
            State::Learning => Phase::Learning,
            State::Review => Phase::Review,
            State::Relearning => Phase::Relearning,
        }
    }

    fn to_fsrs(self) -> State {
        match self {
            Phase::New => State::New,
            Phase::Learning => State::Learning,
            Phase::Review => State::Review,
            Phase::Relearning => State::Relearning,
        }
    }
}

/// One card's memory state after its latest review. Times are unix milliseconds so the journal and the
/// snapshot hold plain integers, and so a state read back from disk is bit-for-bit the state in memory.
///
/// The floats are serialized as strings: serde_json (without its `float_roundtrip` feature) may parse
/// a long float one unit off, which would make a snapshot load differ from a journal replay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    pub due_ms: i64,
    #[serde(with = "exact_f64")]
    pub stability: f64,
    #[serde(with = "exact_f64")]
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: i32,
    pub lapses: i32,
    pub phase: Phase,
    pub last_review_ms: i64,
}

/// The latest time we accept from disk: the end of year 9999. Keeps date arithmetic far from chrono's
/// limits, where adding an interval would panic.
pub(crate) const MAX_MS: i64 = 253_402_300_799_999;

/// True when `ms` is a time we store: not before 1970 and not after year 9999.
pub(crate) fn valid_ms(ms: i64) -> bool {
    (0..=MAX_MS).contains(&ms)
}

/// Converts unix ms to a time, saturating at the ends of the accepted range instead of failing, so a
/// hand-made out-of-range state cannot crash scheduling.
pub(crate) fn ms_to_utc(ms: i64) -> DateTime<Utc> {
    let ms = ms.clamp(0, MAX_MS);
    DateTime::from_timestamp_millis(ms).unwrap_or(DateTime::UNIX_EPOCH)
}

/// `t` truncated to whole milliseconds, the precision everything is stored at.
pub(crate) fn truncate_to_ms(t: DateTime<Utc>) -> DateTime<Utc> {
    ms_to_utc(t.timestamp_millis())
}

impl CardState {
    pub fn due(&self) -> DateTime<Utc> {
        ms_to_utc(self.due_ms)
    }

    pub fn last_review(&self) -> DateTime<Utc> {
        ms_to_utc(self.last_review_ms)
    }

    pub fn from_fsrs(card: &Card) -> CardState {
        CardState {
            due_ms: card.due.timestamp_millis(),
            stability: card.stability,
            difficulty: card.difficulty,
            elapsed_days: card.elapsed_days,
            scheduled_days: card.scheduled_days,
            reps: card.reps,
            lapses: card.lapses,
            phase: Phase::from_fsrs(card.state),
            last_review_ms: card.last_review.timestamp_millis(),
        }
    }

    pub fn to_fsrs(&self) -> Card {
        Card {
            due: self.due(),
            stability: self.stability,
            difficulty: self.difficulty,
            elapsed_days: self.elapsed_days,
            scheduled_days: self.scheduled_days,
            reps: self.reps,
            lapses: self.lapses,
            state: self.phase.to_fsrs(),
            last_review: self.last_review(),
        }
    }

    /// True when every field is something FSRS could have produced; used to reject damaged records.
    pub fn is_plausible(&self) -> bool {
        valid_ms(self.due_ms)
            && valid_ms(self.last_review_ms)
            && self.stability.is_finite()
            && self.stability >= 0.0
            && self.difficulty.is_finite()
            && self.reps >= 0
            && self.lapses >= 0
            && self.elapsed_days >= 0
            && self.scheduled_days >= 0
    }
}

/// Serializes an f64 as Rust's shortest round-trip decimal string, which parses back to the same bits.
mod exact_f64 {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&v.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        let text = String::deserialize(d)?;
        text.parse::<f64>()
            .map_err(|_| D::Error::custom(format!("expected a number in a string, found {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> CardState {
        CardState {
            due_ms: 1_700_000_000_123,
            stability: 3.126_200_000_000_001,
            difficulty: 5.314_159_265_358_979,
            elapsed_days: 2,
            scheduled_days: 4,
            reps: 3,
            lapses: 1,
            phase: Phase::Relearning,
            last_review_ms: 1_699_000_000_999,
        }
    }

    #[test]
    fn fsrs_round_trip_is_exact() {
        let s = sample();
        assert_eq!(CardState::from_fsrs(&s.to_fsrs()), s);
    }

    #[test]
    fn json_round_trip_keeps_every_float_bit() {
        let mut s = sample();
        for x in [
            0.1 + 0.2,
            1.0 / 3.0,
            123_456.789_012_345_67,
            5e-324,
            f64::MAX,
        ] {
            s.stability = x;
            s.difficulty = -x;
            let text = serde_json::to_string(&s).unwrap();
            let back: CardState = serde_json::from_str(&text).unwrap();
            assert_eq!(back.stability.to_bits(), x.to_bits(), "{text}");
            assert_eq!(back.difficulty.to_bits(), (-x).to_bits(), "{text}");
        }
    }

    #[test]
    fn phase_numbers_round_trip_and_reject_unknown() {
        for p in [
            Phase::New,
            Phase::Learning,
            Phase::Review,
            Phase::Relearning,
        ] {
            assert_eq!(Phase::from_number(p.number()), Some(p));
        }
        assert_eq!(Phase::from_number(4), None);
    }

    #[test]
    fn implausible_states_are_rejected() {
        assert!(sample().is_plausible());
        let mut s = sample();
        s.stability = f64::NAN;
        assert!(!s.is_plausible());
        let mut s = sample();
        s.due_ms = MAX_MS + 1;
        assert!(!s.is_plausible());
        let mut s = sample();
        s.reps = -1;
        assert!(!s.is_plausible());
    }

    #[test]
    fn out_of_range_times_saturate_instead_of_panicking() {
        assert_eq!(ms_to_utc(-5).timestamp_millis(), 0);
        assert_eq!(ms_to_utc(i64::MAX).timestamp_millis(), MAX_MS);
    }
}

//! Predicted recall from the FSRS forgetting curve, and a fast test of it against a threshold.

use super::card::{CardState, Phase};
use chrono::{DateTime, Utc};
use rs_fsrs::Parameters;

const MS_A_DAY: f64 = 86_400_000.0;

/// The predicted probability of recalling `card` at `when`, from the FSRS forgetting curve. Unlike
/// rs-fsrs's own method this uses fractional days, so cram ordering is smooth within a day. A card
/// never reviewed counts as 0.
pub fn recall_at(card: &CardState, when: DateTime<Utc>) -> f64 {
    match curve_base(card, when.timestamp_millis()) {
        Some(base) => base.powf(Parameters::DECAY),
        None => 0.0,
    }
}

/// `1 + FACTOR * days / stability`, the base the curve raises to `DECAY`, worked out exactly as
/// rs-fsrs's `forgetting_curve` does; `None` for a card with no usable stability (recall 0).
fn curve_base(card: &CardState, when_ms: i64) -> Option<f64> {
    if card.phase == Phase::New || card.stability.is_nan() || card.stability <= 0.0 {
        return None;
    }
    let elapsed_days = (when_ms - card.last_review_ms).max(0) as f64 / MS_A_DAY;
    Some(1.0 + Parameters::FACTOR * elapsed_days / card.stability)
}

/// Answers `recall_at(card, when) < threshold` for many cards at one moment without a `powf` per
/// card: the curve falls as its base grows, so the answer is a comparison of the base with the one
/// where recall equals the threshold. Only a base within a hair of that one (where rounding could
/// decide) is settled by `recall_at` itself, so the answer is always the same as asking it; counting
/// weak cards over 100,000 states is then a pass over memory rather than 100,000 `powf`s.
#[derive(Debug, Clone, Copy)]
pub struct RecallBelow {
    threshold: f64,
    when: DateTime<Utc>,
    when_ms: i64,
    /// Bases above this are surely below the threshold; below `sure_above`, surely not.
    sure_below: f64,
    sure_above: f64,
}

impl RecallBelow {
    pub fn new(threshold: f64, when: DateTime<Utc>) -> RecallBelow {
        // Where recall equals the threshold: base = threshold^(1/DECAY). A threshold outside (0, 1)
        // has no such point on the curve, and every card is asked directly.
        let (sure_below, sure_above) = if threshold > 0.0 && threshold < 1.0 {
            let base = threshold.powf(1.0 / Parameters::DECAY);
            (base * (1.0 + 1e-9), base * (1.0 - 1e-9))
        } else {
            (f64::NAN, f64::NAN)
        };
        RecallBelow {
            threshold,
            when,
            when_ms: when.timestamp_millis(),
            sure_below,
            sure_above,
        }
    }

    /// True when `card`'s predicted recall at this moment is below the threshold.
    pub fn test(&self, card: &CardState) -> bool {
        let Some(base) = curve_base(card, self.when_ms) else {
            return 0.0 < self.threshold;
        };
        if base > self.sure_below {
            true
        } else if base < self.sure_above {
            false
        } else {
            recall_at(card, self.when) < self.threshold
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const T0: i64 = 1_717_236_000_000;

    fn state(stability: f64, last_review_ms: i64, phase: Phase) -> CardState {
        CardState {
            due_ms: last_review_ms,
            stability,
            difficulty: 5.0,
            elapsed_days: 0,
            scheduled_days: 0,
            reps: 1,
            lapses: 0,
            phase,
            last_review_ms,
        }
    }

    fn at(ms: i64) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(ms).unwrap()
    }

    /// The same as rs-fsrs's curve, which the scheduler's intervals come from.
    #[test]
    fn recall_is_the_fsrs_curve_in_fractional_days() {
        let card = state(10.0, T0, Phase::Review);
        let days = 3.5;
        let when = at(T0 + (days * MS_A_DAY) as i64);
        assert_eq!(
            recall_at(&card, when),
            Parameters::forgetting_curve(days, 10.0)
        );
        assert_eq!(recall_at(&card, at(T0 - 5_000)), 1.0, "no time has passed");
        assert_eq!(recall_at(&state(10.0, T0, Phase::New), when), 0.0);
        assert_eq!(recall_at(&state(f64::NAN, T0, Phase::Review), when), 0.0);
        assert_eq!(recall_at(&state(0.0, T0, Phase::Review), when), 0.0);
    }

    /// Cards placed right at the threshold, one millisecond either side, and far from it: the fast
    /// test answers as `recall_at` does for each.
    #[test]
    fn at_the_edge_the_test_agrees_with_the_curve() {
        let below = RecallBelow::new(0.7, at(T0));
        // recall 0.7 at base 1/0.49: elapsed = (1/0.49 - 1) * stability / FACTOR days.
        for stability in [0.01, 0.4, 1.0, 3.3, 10.0, 77.7, 365.0, 36_500.0] {
            let edge_days = (1.0 / 0.49 - 1.0) * stability / Parameters::FACTOR;
            let edge = T0 - (edge_days * MS_A_DAY).round() as i64;
            for last in [edge - 1, edge, edge + 1, T0, T0 - 1_000 * MS_A_DAY as i64] {
                let card = state(stability, last, Phase::Review);
                assert_eq!(
                    below.test(&card),
                    recall_at(&card, at(T0)) < 0.7,
                    "stability {stability}, reviewed {} ms before",
                    T0 - last
                );
            }
        }
        let long_ago = state(1.0, T0 - 400 * MS_A_DAY as i64, Phase::Review);
        assert!(below.test(&long_ago));
        assert!(!below.test(&state(1.0, T0, Phase::Review)));
        assert!(
            below.test(&state(1.0, T0, Phase::New)),
            "a new card counts as 0"
        );
    }

    proptest! {
        #[test]
        fn the_fast_test_is_always_the_curve_compared(
            stability in prop_oneof![
                any::<f64>(),
                1e-6f64..1e6,
                Just(f64::INFINITY),
                Just(f64::MIN_POSITIVE),
            ],
            ago_ms in -1_000_000i64..400 * 86_400_000,
            learning in any::<bool>(),
            new in any::<bool>(),
            threshold in prop_oneof![0.0f64..=1.0, Just(0.7), Just(0.9), any::<f64>()],
        ) {
            let phase = if new { Phase::New } else if learning { Phase::Learning } else { Phase::Review };
            let card = state(stability, T0 - ago_ms, phase);
            let fast = RecallBelow::new(threshold, at(T0)).test(&card);
            prop_assert_eq!(fast, recall_at(&card, at(T0)) < threshold);
        }
    }
}

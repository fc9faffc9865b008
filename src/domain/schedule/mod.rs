//! Spaced repetition: FSRS scheduling, the durable review journal, snapshots, stats and study queues.
//!
//! The journal (`reviews.log`) is the source of truth: every grade and undo is appended and fsynced
//! before the next card shows. The snapshot (`schedule.json`) only makes startup fast; it can always be
//! rebuilt from the journal. Nothing here reads the clock: callers pass `now` (see [`system_now`]).

mod aside;
mod card;
mod card_table;
mod changes;
mod days;
mod deadline;
mod history;
mod journal;
mod ledger;
mod notice;
mod peek;
mod queue;
mod recall;
mod record;
mod scheduler;
mod snapshot;
mod snapshot_cards;
mod store;

#[cfg(test)]
mod tests;

pub use card::{CardState, Phase};
pub use card_table::{CardTable, Key};
pub use days::DayZone;
pub use deadline::{clamp_due, latest_due, was_clamped};
pub use history::PastReview;
pub use journal::{JOURNAL_FILE, Journal, Replay};
pub use ledger::{Ledger, UndoEntry};
pub use notice::{Notice, ScheduleError};
pub use peek::peek;
pub use peek::verify_journal;
pub use queue::{
    Counts, Mode, Standing, StandingAt, build_queue, counts, each_state, new_allowance,
};
pub use recall::{RecallBelow, recall_at};
pub use record::{MAX_ID_LEN, Record, validate_card_id};
pub use scheduler::{Grade, Scheduler, Settings, format_interval};
pub use snapshot::SNAPSHOT_FILE;
pub use store::{Preview, ReviewStore, StoreOptions};

use chrono::{DateTime, Utc};

/// The wall clock, for the app's event loop only. The domain takes `now` as an argument everywhere so
/// tests can drive it with a fake clock and results are reproducible.
pub fn system_now() -> DateTime<Utc> {
    crate::storage::clock::now()
}

//! `ReviewStore`: grading and undo with durable journaling, snapshot upkeep, and study stats.

use super::aside::rename_aside;
use super::card::{CardState, truncate_to_ms};
use super::changes::Changes;
use super::days::DayZone;
use super::deadline::{clamp_due, latest_due};
use super::journal::{JOURNAL_FILE, Journal};
use super::ledger::Ledger;
use super::notice::{Notice, ScheduleError};
use super::record::Record;
use super::record::validate_card_id;
use super::scheduler::{Grade, Scheduler, Settings, fsrs_input};
use super::snapshot::{self, LoadError, SNAPSHOT_FILE};
use crate::domain::content::Id;
use crate::storage::{StorageError, ensure_data_dir};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// How a store is opened.
#[derive(Debug, Clone, Copy)]
pub struct StoreOptions {
    pub settings: Settings,
    /// Which day a review counts for in streaks, the heatmap and the daily new-card limit.
    pub zone: DayZone,
    /// Rewrite the snapshot once more than this many records are past it. Startup replays at most
    /// this many records; a snapshot costs one atomic write of all card states.
    pub snapshot_every: u64,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            settings: Settings::default(),
            zone: DayZone::Local,
            snapshot_every: 500,
        }
    }
}

/// What one grade button would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preview {
    pub grade: Grade,
    /// How long until the card would come back.
    pub interval: Duration,
    /// True when FSRS would wait longer, but the interview date brought it forward.
    pub clamped: bool,
}

/// All review history for one data folder. Grading appends one record and never rewrites anything,
/// so its cost does not grow with history.
pub struct ReviewStore {
    dir: PathBuf,
    journal: Journal,
    ledger: Ledger,
    settings: Settings,
    scheduler: Scheduler,
    zone: DayZone,
    snapshot_every: u64,
    /// Journal records not yet covered by the snapshot on disk.
    since_snapshot: u64,
    /// Which cards the records since opening changed (see `changed_since`).
    changes: Changes,
}

/// Shown in the app's debug output; the journal's sink has no useful `Debug` of its own.
impl std::fmt::Debug for ReviewStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReviewStore")
            .field("dir", &self.dir)
            .field("cards", &self.ledger.cards().len())
            .field("last_seq", &self.ledger.last_seq())
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl ReviewStore {
    /// Loads the snapshot and the journal after it, repairing and reporting as it goes. A snapshot
    /// that is damaged or does not belong to the journal is renamed aside (never deleted) and the
    /// schedule is rebuilt from the whole journal. Fails only when files cannot be read or locked.
    pub fn open(
        dir: &Path,
        options: &StoreOptions,
        now: DateTime<Utc>,
    ) -> Result<(ReviewStore, Vec<Notice>), ScheduleError> {
        ensure_data_dir(dir)?;
        let snapshot_path = dir.join(SNAPSHOT_FILE);
        let mut notices = Vec::new();
        let mut fresh_snapshot_needed = false;
        let loaded = match snapshot::load(&snapshot_path) {
            Ok(s) => s,
            Err(LoadError::Io(e)) => return Err(e.into()),
            Err(LoadError::Unusable { reason, at }) => {
                let saved_to = rename_aside(&snapshot_path, "bad", now)?;
                notices.push(Notice::SnapshotSetAside {
                    snapshot: snapshot_path.clone(),
                    saved_to,
                    reason,
                    at,
                });
                fresh_snapshot_needed = true;
                None
            }
        };
        let resume = loaded
            .as_ref()
            .map(|s| (s.journal_offset, s.ledger.last_seq));
        let (journal, replay) = Journal::open(dir, resume, now)?;
        let mut ledger = Ledger::default();
        if let Some(s) = loaded {
            if replay.resumed {
                ledger = s.ledger;
            } else if replay.records.is_empty() && journal.end() == 0 {
                // The journal is gone but the snapshot has everything: keep it, re-based at offset 0.
                ledger = s.ledger;
                fresh_snapshot_needed = true;
                notices.push(Notice::JournalMissing {
                    journal: dir.join(JOURNAL_FILE),
                    snapshot: snapshot_path.clone(),
                });
            } else {
                let saved_to = rename_aside(&snapshot_path, "bad", now)?;
                notices.push(Notice::SnapshotSetAside {
                    snapshot: snapshot_path,
                    saved_to,
                    reason:
                        "it does not match reviews.log (was one of them restored from a backup?)"
                            .to_string(),
                    at: None,
                });
                fresh_snapshot_needed = true;
            }
        }
        for record in &replay.records {
            ledger.apply(record, options.zone);
        }
        ledger.settle();
        notices.extend(replay.notices);
        let ledger_last_seq = ledger.last_seq();
        let mut store = ReviewStore {
            dir: dir.to_path_buf(),
            journal,
            ledger,
            settings: options.settings,
            scheduler: Scheduler::new(options.settings),
            zone: options.zone,
            snapshot_every: options.snapshot_every,
            since_snapshot: replay.records.len() as u64,
            changes: Changes::starting_after(ledger_last_seq),
        };
        let saved = if fresh_snapshot_needed {
            store.snapshot_now()
        } else {
            store.maybe_snapshot().map(|_| ())
        };
        if let Err(e) = saved {
            notices.push(Notice::SnapshotNotSaved {
                error: e.to_string(),
            });
        }
        Ok((store, notices))
    }

    /// Grades `card` at `now`. The record is on disk before this returns; on error nothing changed.
    pub fn grade(
        &mut self,
        card: &Id,
        grade: Grade,
        now: DateTime<Utc>,
    ) -> Result<CardState, ScheduleError> {
        validate_card_id(card)?;
        let next = self.next_state(self.ledger.state(card), grade, now);
        if !next.is_plausible() {
            return Err(ScheduleError::ImplausibleState {
                card: card.to_string(),
            });
        }
        let seq = self.ledger.last_seq + 1;
        let record = self.journal.append_grade(seq, card, now, grade, &next)?;
        self.ledger.apply(&record, self.zone);
        self.changes.record(record.seq(), card);
        self.since_snapshot += 1;
        Ok(next)
    }

    /// Grades many cards in order with one durable write: all are recorded, or on error none are.
    /// Bulk loads (the scale generator, tests of large histories) use it to avoid one sync per grade.
    pub fn grade_all(
        &mut self,
        grades: &[(Id, Grade, DateTime<Utc>)],
    ) -> Result<(), ScheduleError> {
        let mut states: BTreeMap<&Id, CardState> = BTreeMap::new();
        let mut records = Vec::with_capacity(grades.len());
        for (i, (card, grade, now)) in grades.iter().enumerate() {
            validate_card_id(card)?;
            let before = states.get(card).or_else(|| self.ledger.state(card));
            let next = self.next_state(before, *grade, *now);
            if !next.is_plausible() {
                return Err(ScheduleError::ImplausibleState {
                    card: card.to_string(),
                });
            }
            records.push(Record::Grade {
                seq: self.ledger.last_seq + 1 + i as u64,
                card: card.clone(),
                reviewed_ms: truncate_to_ms(*now).timestamp_millis(),
                grade: *grade,
                state: next.clone(),
            });
            states.insert(card, next);
        }
        self.journal.append_all(&records)?;
        for (record, (card, _, _)) in records.iter().zip(grades) {
            self.ledger.apply(record, self.zone);
            self.changes.record(record.seq(), card);
        }
        self.since_snapshot += records.len() as u64;
        Ok(())
    }

    /// Undoes the latest grade not yet undone, restoring the card's exact previous state, and returns
    /// the card's id so the app can show it again. `None` when there is nothing to undo.
    pub fn undo(&mut self, now: DateTime<Utc>) -> Result<Option<Id>, ScheduleError> {
        let Some(top) = self.ledger.undo_top().cloned() else {
            return Ok(None);
        };
        let seq = self.ledger.last_seq + 1;
        let record = self.journal.append_undo(seq, &top, now)?;
        self.ledger.apply(&record, self.zone);
        self.changes.record(record.seq(), &top.card);
        self.since_snapshot += 1;
        Ok(Some(top.card))
    }

    /// The state FSRS gives `before` graded at `now`, with its due time brought forward so that it is
    /// not past the interview (see [`super::deadline`]).
    fn next_state(
        &self,
        before: Option<&CardState>,
        grade: Grade,
        now: DateTime<Utc>,
    ) -> CardState {
        let next = self.scheduler.grade(before, grade, now);
        clamp_due(next, self.latest_due(now))
    }

    /// The latest a card graded at `now` may be due, or `None` when the interview does not limit it.
    pub fn latest_due(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        latest_due(self.settings.interview, self.zone, now)
    }

    /// How long until the card would come back after each grade, for the grade buttons: what a grade
    /// now would really give, the interview limit included.
    pub fn preview(&self, card: &Id, now: DateTime<Utc>) -> [(Grade, Duration); 4] {
        self.preview_detail(card, now)
            .map(|p| (p.grade, p.interval))
    }

    /// Like [`ReviewStore::preview`], also saying which intervals the interview date shortened, so the
    /// buttons can show it.
    pub fn preview_detail(&self, card: &Id, now: DateTime<Utc>) -> [Preview; 4] {
        let latest = self.latest_due(now);
        let state = self.ledger.state(card);
        // The time FSRS schedules from, as `grade` uses it.
        let at = fsrs_input(state, now).1;
        self.scheduler
            .preview(state, now)
            .map(|(grade, interval)| match latest {
                Some(l) if at + interval > l => Preview {
                    grade,
                    interval: (l - at).max(Duration::zero()),
                    clamped: true,
                },
                _ => Preview {
                    grade,
                    interval,
                    clamped: false,
                },
            })
    }

    pub fn state(&self, card: &Id) -> Option<&CardState> {
        self.ledger.state(card)
    }

    /// Rewrites the snapshot if more than `snapshot_every` records are past it. Call after opening
    /// (done by `open`) and when quitting. Returns whether it wrote.
    pub fn maybe_snapshot(&mut self) -> Result<bool, StorageError> {
        if self.since_snapshot <= self.snapshot_every {
            return Ok(false);
        }
        self.snapshot_now()?;
        Ok(true)
    }

    /// Writes the snapshot now, atomically.
    pub fn snapshot_now(&mut self) -> Result<(), StorageError> {
        let path = self.dir.join(SNAPSHOT_FILE);
        snapshot::save(&path, &self.ledger, self.journal.end())?;
        self.since_snapshot = 0;
        // Written out, everything was read once; lay it out in one list while it is warm.
        self.ledger.settle();
        Ok(())
    }

    /// Changes settings for future grades; past states are kept as they were scheduled.
    pub fn set_settings(&mut self, settings: Settings) {
        self.settings = settings;
        self.scheduler = Scheduler::new(settings);
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The zone that decides which day a review counts for.
    pub fn zone(&self) -> DayZone {
        self.zone
    }

    /// The local day `now` falls on, in this store's zone.
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        self.zone.date_of(now)
    }

    /// Everything loaded, for views that need more than the shortcuts below.
    /// The cards whose state the records after record `seq` changed, or `None` when they are not
    /// all known (too many since, or from before the store was opened): then work everything out.
    pub fn changed_since(&self, seq: u64) -> Option<impl Iterator<Item = &Id>> {
        self.changes.since(seq)
    }

    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    pub fn reviewed_on(&self, day: NaiveDate) -> u32 {
        self.ledger.reviewed_on(day)
    }

    pub fn new_introduced_on(&self, day: NaiveDate) -> u32 {
        self.ledger.new_introduced_on(day)
    }

    pub fn streak(&self, today: NaiveDate) -> u32 {
        self.ledger.streak(today)
    }

    pub fn daily_counts(&self) -> &BTreeMap<NaiveDate, u32> {
        self.ledger.daily_counts()
    }

    pub fn orphans(&self, known: &HashSet<Id>) -> Vec<Id> {
        self.ledger.orphans(known)
    }

    /// The journal, for reading history back (`history`).
    pub(super) fn journal(&self) -> &Journal {
        &self.journal
    }

    pub fn journal_path(&self) -> &Path {
        self.journal.path()
    }

    #[cfg(test)]
    pub(crate) fn journal_mut(&mut self) -> &mut Journal {
        &mut self.journal
    }

    /// Makes every later write fail as on a full disk, for tests of how callers handle it.
    #[cfg(test)]
    pub(crate) fn fail_writes(&mut self) {
        struct FullDisk;
        impl super::journal::Sink for FullDisk {
            fn append_durable(&mut self, _: &[u8]) -> std::io::Result<()> {
                Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
            }
            fn truncate(&mut self, _: u64) -> std::io::Result<()> {
                Ok(())
            }
        }
        self.journal.set_sink(Box::new(FullDisk));
    }
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;

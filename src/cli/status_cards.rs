//! The cards' part of `clinicprep status`, kept in the cache under a fingerprint of everything it
//! is worked out from, so a shell prompt over 100,000 cards reads one file, not the whole history.

use super::prep_status::{Content, FocusIds, excluded_ids, with_ids};
use crate::domain::content::{Id, Library};
use crate::domain::plan::{DeckNumbers, DeckTally, Focus};
use crate::domain::schedule::{
    self, CardState, DayZone, JOURNAL_FILE, Ledger, Phase, SNAPSHOT_FILE, ScheduleError, Settings,
};
use crate::storage::cache::{DerivedCache, Stamp};
use crate::storage::paths::Paths;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io;
use std::time::SystemTime;

/// The derived cache's name: `<data dir>/cache/status-cards.bin`.
const NAME: &str = "status-cards";

/// What `status` needs of the cards in focus and of the review history, none of which depends on
/// the time it is asked: each card's state (the counts are worked out from them at `now`), how many
/// have none, and the reviews and new cards of each day.
#[derive(Debug, Serialize, Deserialize)]
pub struct Kept {
    /// Cards in focus that have never been graded.
    stateless: u64,
    /// The states of the other cards in focus, in id order.
    states: Vec<Brief>,
    reviews_per_day: BTreeMap<NaiveDate, u32>,
    new_per_day: BTreeMap<NaiveDate, u32>,
}

impl Kept {
    /// What the focus `ids` and `ledger` give.
    fn of<T: std::borrow::Borrow<Id>>(ids: &[T], ledger: &Ledger) -> Kept {
        let mut stateless = 0;
        let mut states = Vec::new();
        schedule::each_state(ids, ledger, |_, state| match state {
            Some(s) => states.push(Brief::of(s)),
            None => stateless += 1,
        });
        let (reviews, new) = ledger.days();
        Kept {
            stateless,
            states,
            reviews_per_day: reviews.clone(),
            new_per_day: new.clone(),
        }
    }
}

/// What the tally reads of a card's state, its standing and its recall (see [`DeckTally::add`]):
/// 25 of its 72 bytes, so 100,000 of them take 3 MB to decode and hold, not 7. The rest is never
/// read there; `tests/status_cache.rs` compares every count with one made from whole states.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Brief {
    due_ms: i64,
    last_review_ms: i64,
    stability: f64,
    phase: Phase,
}

impl Brief {
    fn of(s: &CardState) -> Brief {
        Brief {
            due_ms: s.due_ms,
            last_review_ms: s.last_review_ms,
            stability: s.stability,
            phase: s.phase,
        }
    }

    /// A state with what the tally reads, and nothing else.
    fn state(self) -> CardState {
        CardState {
            due_ms: self.due_ms,
            last_review_ms: self.last_review_ms,
            stability: self.stability,
            phase: self.phase,
            difficulty: 0.0,
            elapsed_days: 0,
            scheduled_days: 0,
            reps: 0,
            lapses: 0,
        }
    }
}

/// The content and the review history as `status` reads them.
pub enum Study {
    /// Loaded from the files (and kept for next time when it can be).
    Counted { content: Content, ledger: Ledger },
    /// Kept from an earlier run over the same files: the built-in library (the user's files add
    /// only cards), the states of the cards in focus, and a ledger of the day counts alone.
    Kept {
        lib: Library,
        kept: Kept,
        days: Ledger,
    },
}

impl Study {
    /// What was kept, when every file it was worked out from is as it was; else the content and the
    /// history loaded, and kept for next time. The fingerprint is taken before anything is read, so
    /// a file that changes while it is read makes a fingerprint that is never asked for again.
    pub fn load(
        paths: &Paths,
        focus_of: impl Fn(&Library) -> Focus,
        zone: DayZone,
        read_at: SystemTime,
    ) -> Result<Study, ScheduleError> {
        let builtin = Library::builtin();
        let key = fingerprint(paths, &excluded_ids(&builtin, &focus_of(&builtin)), read_at);
        if let Some(kept) = key.and_then(|k| DerivedCache::get::<Kept>(&paths.data_dir, NAME, k)) {
            let days = Ledger::of_days(kept.reviews_per_day.clone(), kept.new_per_day.clone());
            return Ok(Study::Kept {
                lib: builtin,
                kept,
                days,
            });
        }
        // The history is read on another core while the content loads: they share no file.
        let (content, peeked) = std::thread::scope(|s| {
            let peek = s.spawn(|| schedule::peek(&paths.data_dir, zone));
            let content = Content::load(paths, builtin);
            (content, peek.join())
        });
        let (ledger, _) = peeked.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        if let Some(k) = key
            && let Content::Builtin { .. } = content
        {
            let focus = focus_of(content.lib());
            let kept = with_ids!(&content.focus_ids(&focus), |ids| Kept::of(ids, &ledger));
            // A cache that cannot be written only costs time.
            let _ = DerivedCache::put(&paths.data_dir, NAME, k, &kept);
        }
        Ok(Study::Counted { content, ledger })
    }

    pub fn lib(&self) -> &Library {
        match self {
            Study::Counted { content, .. } => content.lib(),
            Study::Kept { lib, .. } => lib,
        }
    }

    /// The review history: whole, or the day counts alone when the cards' part was kept.
    pub fn ledger(&self) -> &Ledger {
        match self {
            Study::Counted { ledger, .. } => ledger,
            Study::Kept { days, .. } => days,
        }
    }

    /// The cards in focus counted at `now` (see [`crate::domain::plan::deck_numbers`]).
    pub fn deck_numbers(
        &self,
        focus: &Focus,
        settings: &Settings,
        when: (NaiveDate, DateTime<Utc>),
        judged_at: DateTime<Utc>,
    ) -> DeckNumbers {
        match self {
            Study::Counted { content, ledger } => {
                with_ids!(&content.focus_ids(focus), |ids| {
                    crate::domain::plan::deck_numbers(ids, ledger, settings, when, judged_at)
                })
            }
            Study::Kept { kept, .. } => {
                let mut tally = DeckTally::new(settings, when, judged_at);
                for _ in 0..kept.stateless {
                    tally.add(None);
                }
                for s in &kept.states {
                    tally.add(Some(&s.state()));
                }
                tally.numbers
            }
        }
    }
}

/// A fingerprint of everything [`Kept`] is worked out from: the content (as the parse cache vouches
/// for it), which built-in cards the focus leaves out, the snapshot and the journal (by their
/// stamps) and the time zone days are counted in. `None` when one cannot be vouched for: the content
/// is not in the cache yet, or the snapshot or journal changed in the last two seconds, when a
/// second change could leave the same stamp.
fn fingerprint(paths: &Paths, excluded: &[&Id], read_at: SystemTime) -> Option<u64> {
    let content = Library::cached_fingerprint(&paths.user_content_dir(), &paths.data_dir)?;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&content.to_le_bytes());
    for id in excluded {
        h.update(&(id.0.len() as u64).to_le_bytes());
        h.update(id.0.as_bytes());
    }
    for name in [SNAPSHOT_FILE, JOURNAL_FILE] {
        match std::fs::metadata(paths.data_dir.join(name)) {
            Ok(meta) => {
                let stamp = Stamp::of(&meta);
                if stamp.is_racy(read_at) {
                    return None;
                }
                h.update(stamp.to_string().as_bytes());
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => h.update(b"none"),
            Err(_) => return None,
        }
        h.update(b";");
    }
    h.update(std::env::var("TZ").unwrap_or_default().as_bytes());
    Some(h.digest())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::Profile;
    use crate::domain::schedule::{Grade, ReviewStore, StoreOptions};
    use std::fs;
    use std::time::Duration;

    /// An hour from now: files written by the test are then settled, trusted by their stamps.
    fn later() -> SystemTime {
        SystemTime::now() + Duration::from_secs(3600)
    }

    fn every_role(lib: &Library) -> Focus {
        Focus::new(&Profile::default(), lib)
    }

    fn at() -> DateTime<Utc> {
        DateTime::from_timestamp_millis(1_790_000_000_000).unwrap()
    }

    fn grade(dir: &std::path::Path, card: &str, g: Grade) {
        let (mut store, _) = ReviewStore::open(dir, &StoreOptions::default(), at()).unwrap();
        store.grade(&Id::new(card), g, at()).unwrap();
    }

    fn load(paths: &Paths) -> Study {
        Study::load(paths, every_role, DayZone::utc(), later()).unwrap()
    }

    fn numbers(study: &Study) -> DeckNumbers {
        let lib = study.lib();
        let when = (DayZone::utc().date_of(at()), at());
        study.deck_numbers(&every_role(lib), &Settings::default(), when, at())
    }

    #[test]
    fn kept_states_are_read_while_every_file_is_unchanged_and_only_then() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::in_dir(dir.path());
        fs::create_dir_all(paths.user_content_dir()).unwrap();
        let cards: String = (0..5)
            .map(|i| {
                format!("[[card]]\nid = \"c-{i}\"\ndeck = \"D\"\nfront = \"f\"\nback = \"b\"\n")
            })
            .collect();
        fs::write(paths.user_content_dir().join("d.toml"), cards).unwrap();
        grade(dir.path(), "c-1", Grade::Good);
        grade(dir.path(), "c-2", Grade::Again);

        // The first run fills the content cache, the second keeps the cards' part, the third reads it.
        assert!(matches!(load(&paths), Study::Counted { .. }));
        let counted = load(&paths);
        assert!(matches!(counted, Study::Counted { .. }));
        assert!(dir.path().join("cache/status-cards.bin").is_file());
        let kept = load(&paths);
        assert!(matches!(kept, Study::Kept { .. }));
        assert_eq!(numbers(&kept), numbers(&counted));
        assert_eq!(kept.ledger().reviewed_on(DayZone::utc().date_of(at())), 2);

        // What is kept under the fingerprint is what is read.
        let lib = Library::builtin();
        let key = fingerprint(&paths, &excluded_ids(&lib, &every_role(&lib)), later()).unwrap();
        let planted = Kept {
            stateless: 7,
            states: Vec::new(),
            reviews_per_day: BTreeMap::new(),
            new_per_day: BTreeMap::new(),
        };
        DerivedCache::put(dir.path(), NAME, key, &planted).unwrap();
        assert_eq!(numbers(&load(&paths)).total, 7);

        // A grade appends to the journal: a new fingerprint, and the grade is counted.
        grade(dir.path(), "c-3", Grade::Easy);
        let after = load(&paths);
        assert!(matches!(after, Study::Counted { .. }));
        assert_eq!(numbers(&after).unseen, numbers(&counted).unseen - 1);
        assert_eq!(numbers(&load(&paths)), numbers(&after), "kept again");

        // Read at the real time, the journal just written is too recent to go by its stamp.
        assert_eq!(fingerprint(&paths, &[], SystemTime::now()), None);
    }

    #[test]
    fn a_focus_on_one_role_is_kept_apart_from_every_role() {
        let lib = Library::builtin();
        let pt = Focus::new(
            &Profile {
                roles: vec![Id::new("pt-aide")],
                ..Profile::default()
            },
            &lib,
        );
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::in_dir(dir.path());
        fs::create_dir_all(paths.user_content_dir()).unwrap();
        fs::write(
            paths.user_content_dir().join("d.toml"),
            "[[card]]\nid = \"c\"\ndeck = \"D\"\nfront = \"f\"\nback = \"b\"\n",
        )
        .unwrap();
        let _ = load(&paths);
        let all = fingerprint(&paths, &excluded_ids(&lib, &every_role(&lib)), later());
        let one = fingerprint(&paths, &excluded_ids(&lib, &pt), later());
        assert!(all.is_some() && one.is_some());
        assert_ne!(all, one);
    }
}

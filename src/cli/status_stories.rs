//! The stories' part of `clinicprep status`: counted, and their part of the plan worked out, on a
//! second core while the cards load.

use crate::domain::content::{Library, Problem};
use crate::domain::plan::{self, StoryNumbers};
use crate::domain::stories::{Order, Story, StoryCount, StoryStore};
use crate::storage::StorageError;
use crate::storage::cache::DerivedCache;
use crate::storage::paths::Paths;

/// The derived cache's name for the stories' part of the plan.
const STORY_NUMBERS: &str = "story-numbers";

/// What `status` knows of the stories.
pub struct Stories {
    /// How many load.
    pub good: usize,
    /// The files that do not load (or the folder, if it cannot be listed).
    pub problems: Vec<Problem>,
    /// [`StoryCount::fingerprint`], when they could be counted.
    fingerprint: Option<u64>,
    /// Their part of the plan, worked out against the built-in library while the cards loaded.
    early: Option<(u64, StoryNumbers)>,
}

impl Stories {
    /// Counts the stories and works out their part of the plan against the built-in library, whose
    /// competencies and questions nearly every library shares. When the count had to parse every
    /// story (a first start, or no cache), the plan is worked out from what it parsed, with no
    /// second pass over the files or the cache.
    pub fn survey(paths: &Paths) -> Stories {
        match StoryStore::count_keeping(&paths.data_dir) {
            Ok((count, parsed)) => {
                let lib = Library::builtin();
                let fp = count.fingerprint;
                let early =
                    key(&lib, fp).and_then(|k| Some((k, numbers(paths, &lib, k, fp, parsed)?)));
                Stories::counted(count, early)
            }
            Err(e) => Stories::unlisted(&e),
        }
    }

    /// Stories not counted: their part of the plan is worked out from every story that loads.
    pub fn uncounted() -> Stories {
        Stories {
            good: 0,
            problems: Vec::new(),
            fingerprint: None,
            early: None,
        }
    }

    /// What [`Stories::survey`] says when its thread failed.
    pub fn lost(paths: &Paths) -> Stories {
        let folder = paths.data_dir.join("stories").display().to_string();
        Stories {
            good: 0,
            problems: vec![Problem::new(folder, "could not count the stories")],
            fingerprint: None,
            early: None,
        }
    }

    fn counted(count: StoryCount, early: Option<(u64, StoryNumbers)>) -> Stories {
        Stories {
            good: count.good,
            problems: count.bad.iter().map(Problem::from).collect(),
            fingerprint: Some(count.fingerprint),
            early,
        }
    }

    fn unlisted(e: &StorageError) -> Stories {
        Stories {
            good: 0,
            problems: vec![super::storage_problem(e)],
            fingerprint: None,
            early: None,
        }
    }

    /// The stories' part of the plan against `lib`: the one worked out early when `lib` has the
    /// built-in competencies and questions, else from the cache or the stories. `None` when the
    /// stories cannot be read.
    pub fn numbers(self, paths: &Paths, lib: &Library) -> Option<StoryNumbers> {
        let Some(fp) = self.fingerprint else {
            // Not counted: no key to keep anything under, but the stories may still load.
            let (store, _) = StoryStore::load(&paths.data_dir).ok()?;
            return Some(plan::story_inputs(lib, &store.list(Order::Title)));
        };
        let k = key(lib, fp)?;
        match self.early {
            Some((early, numbers)) if early == k => Some(numbers),
            _ => numbers(paths, lib, k, fp, None),
        }
    }
}

/// The key the stories' part of the plan is kept under: the stories' fingerprint and what coverage
/// reads of the library (the competencies, and the questions' links to them).
fn key(lib: &Library, fingerprint: u64) -> Option<u64> {
    let against = postcard::to_allocvec(&(&lib.competencies, &lib.questions)).ok()?;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&fingerprint.to_le_bytes());
    h.update(&against);
    Some(h.digest())
}

/// The stories' part of the plan, kept under `key` in the cache, since working it out decodes every
/// story (10,000 stories are 40 MB): from the cache, from `parsed` (every story that loads, as the
/// count found them), or from the stories loaded now. Kept only when it comes from the stories the
/// fingerprint `fp` names, so a story changed since the count is not kept under it.
fn numbers(
    paths: &Paths,
    lib: &Library,
    key: u64,
    fp: u64,
    parsed: Option<Vec<Story>>,
) -> Option<StoryNumbers> {
    if let Some(numbers) = DerivedCache::get(&paths.data_dir, STORY_NUMBERS, key) {
        return Some(numbers);
    }
    let (numbers, unchanged) = match parsed {
        Some(stories) => {
            let numbers = plan::story_inputs(lib, &Order::Title.sorted(stories.iter().collect()));
            (numbers, true)
        }
        None => {
            let (store, _) = StoryStore::load(&paths.data_dir).ok()?;
            let numbers = plan::story_inputs(lib, &store.list(Order::Title));
            (numbers, store.fingerprint() == fp)
        }
    };
    if unchanged {
        // A cache that cannot be written only costs time.
        let _ = DerivedCache::put(&paths.data_dir, STORY_NUMBERS, key, &numbers);
    }
    Some(numbers)
}

//! Times `App::new`, its three loads alone and `schedule::counts` on a data dir, for profiling their growth (issue #22).

use chrono::{TimeZone, Utc};
use clinicprep::app::{App, Theme};
use clinicprep::domain::schedule::{self, DayZone};
use clinicprep::domain::study::CardIds;
use clinicprep::storage::paths::Paths;
use std::hint::black_box;
use std::time::Instant;

/// The median and the fastest of `runs` timings of `f`, in milliseconds; what it returns is
/// dropped after the clock stops, as criterion's `iter_with_large_drop` does.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64) {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            let out = f();
            let spent = s.elapsed().as_secs_f64() * 1e3;
            drop(out);
            spent
        })
        .collect();
    t.sort_by(f64::total_cmp);
    (t[runs / 2], t[0])
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(what), Some(dir)) = (args.next(), args.next()) else {
        eprintln!(
            "usage: scale_probe app|stories|library|coverage|story-plan|catalogue|reviews|counts <data dir> [runs]"
        );
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let dir = std::path::PathBuf::from(dir);
    // The moment `gen_scale`'s history ends, as the benches use.
    let now = Utc
        .timestamp_opt(1_795_424_400, 0)
        .single()
        .unwrap_or_default();
    let (median, min) = match what.as_str() {
        "app" => time(runs, || App::new(Paths::in_dir(&dir), now, Theme::COLOR)),
        // The three loads `App::finish_loading` runs side by side, each alone.
        "stories" => time(runs, || clinicprep::domain::stories::StoryStore::load(&dir)),
        "library" => time(runs, || {
            clinicprep::domain::content::Library::load_cached(&dir.join("content"), &dir)
        }),
        // What the story facts spend most on: the competency grid over every story.
        "coverage" => {
            let (lib, store) = library_and_stories(&dir);
            time(runs, || {
                let stories: Vec<_> = store.by_id().collect();
                clinicprep::domain::stories::Coverage::from_library(&lib, &stories)
            })
        }
        // The stories' part of today's plan, the skills heard in their words included.
        "story-plan" => {
            let (lib, store) = library_and_stories(&dir);
            time(runs, || {
                let stories: Vec<_> = store.by_id().collect();
                clinicprep::domain::plan::story_inputs(&lib, &stories)
            })
        }
        // The Cards screen's catalogue, most of building the screens.
        "catalogue" => {
            let lib = clinicprep::domain::content::Library::load_cached(&dir.join("content"), &dir);
            time(runs, || {
                clinicprep::domain::study::Catalogue::from_library(&lib)
            })
        }
        "reviews" => time(runs, || {
            schedule::ReviewStore::open(&dir, &schedule::StoreOptions::default(), now)
        }),
        "counts" => {
            let ids = CardIds::load_cached(&dir.join("content"), &dir);
            let ledger = match schedule::peek(&dir, DayZone::utc()) {
                Ok((ledger, _)) => ledger,
                Err(e) => {
                    eprintln!(
                        "could not read the review history in {}: {e}",
                        dir.display()
                    );
                    std::process::exit(1);
                }
            };
            let today = DayZone::utc().date_of(now);
            let settings = schedule::Settings::default();
            time(runs, || {
                black_box(schedule::counts(
                    ids.as_slice(),
                    &ledger,
                    &settings,
                    today,
                    now,
                ))
            })
        }
        _ => {
            eprintln!("unknown: {what}");
            std::process::exit(2);
        }
    };
    println!(
        "{what} {}: median {median:.3} ms, fastest {min:.3} ms",
        dir.display()
    );
}

/// The content and the stories of `dir`, loaded once outside the clock; exits if the stories
/// cannot be read.
fn library_and_stories(
    dir: &std::path::Path,
) -> (
    clinicprep::domain::content::Library,
    clinicprep::domain::stories::StoryStore,
) {
    let lib = clinicprep::domain::content::Library::load_cached(&dir.join("content"), dir);
    let Ok((store, _)) = clinicprep::domain::stories::StoryStore::load(dir) else {
        eprintln!("could not read the stories in {}", dir.display());
        std::process::exit(1);
    };
    (lib, store)
}

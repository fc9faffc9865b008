//! Costs at scale, over data dirs as `gen_scale` writes them: 1k cards / 10k reviews / 100 stories,
//! 10k / 100k / 1k, and 100k / 1M / 10k. Each is generated once into `target/scale-data/` and reused
//! by later runs (the largest takes minutes to write); benches that change data work on a copy.
//!
//! - `status --json` in-process, warm and with no cache; `App::new`, in a loop, in a fresh process
//!   each time (the real start), and in a loop whose allocator keeps freed memory (a diagnosis of
//!   the plain loop); the first frame of the TUI
//!   (`App::start` and one 200×50 frame); `schedule::counts` over every card id, and `status`'s
//!   tally of the kept cards: their growth from 10k to 100k is the point (issue #22).
//! - The review session's summary screen, one frame on its own; a review key (flip, grade) with the
//!   queue refilled by a cram whenever a session ends, so each iteration is a review.
//! - Imports: 100,000 notes into an empty folder, and 10,000 into a folder that holds 10,000
//!   (with the backup an import makes first).
//! - A durable grade against small and large histories, a story save among few and many stories, and
//!   coaching insights on a long story.
//!
//! `CLINICPREP_BENCH_SIZES=1k,10k` leaves out the 100k cases (default: all three).
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a benchmark fails

#[allow(dead_code)]
#[path = "../examples/gen_scale.rs"]
mod gen_scale;

use chrono::{Duration, TimeZone, Utc};
use clinicprep::app::{Action, App, Tab, Theme};
use clinicprep::cli::import::ImportArgs;
use clinicprep::cli::status_cards::Study;
use clinicprep::cli::status_cmd;
use clinicprep::domain::content::{Id, Library};
use clinicprep::domain::plan::Focus;
use clinicprep::domain::profile::Profile;
use clinicprep::domain::schedule::{self, DayZone, Grade, ReviewStore, StoreOptions};
use clinicprep::domain::stories::{Coach, Order, Section, Story, StoryStore, analyze};
use clinicprep::domain::study::CardIds;
use clinicprep::storage::paths::Paths;
use criterion::{BatchSize, Criterion, criterion_group};
use crossterm::event::Event;
use gen_scale::{Spec, cached, copy_dir};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

/// A data-dir size: its label and what `gen_scale` writes for it.
#[derive(Clone, Copy)]
struct Size {
    label: &'static str,
    cards: usize,
    reviews: usize,
    stories: usize,
}

const SIZES: [Size; 3] = [
    Size {
        label: "1k/10k/100",
        cards: 1_000,
        reviews: 10_000,
        stories: 100,
    },
    Size {
        label: "10k/100k/1k",
        cards: 10_000,
        reviews: 100_000,
        stories: 1_000,
    },
    Size {
        label: "100k/1M/10k",
        cards: 100_000,
        reviews: 1_000_000,
        stories: 10_000,
    },
];

/// The sizes this run covers (see the module doc).
fn sizes() -> Vec<Size> {
    let wanted = std::env::var("CLINICPREP_BENCH_SIZES").unwrap_or_default();
    SIZES
        .into_iter()
        .filter(|s| {
            wanted.is_empty()
                || wanted
                    .split(',')
                    .any(|w| s.label.starts_with(&format!("{}/", w.trim())))
        })
        .collect()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/scale-data")
}

/// The generated data dir for `size` (made on the first run).
fn data(size: Size) -> PathBuf {
    let spec = Spec {
        cards: size.cards,
        reviews: size.reviews,
        stories: size.stories,
        seed: 42,
        dir: PathBuf::new(),
    };
    cached(&root(), &spec).expect("generate")
}

/// The day `gen_scale` ends its year of history on.
fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn status(dir: &Path) -> Vec<u8> {
    let mut out = Vec::new();
    status_cmd(&Paths::in_dir(dir), true, now(), &mut out).expect("status");
    out
}

fn drop_cache(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir.join(clinicprep::storage::cache::CACHE_DIR));
}

fn status_and_start(c: &mut Criterion) {
    let empty = tempfile::tempdir().expect("temp dir");
    let mut g = c.benchmark_group("status");
    g.sample_size(20);
    g.bench_function("status --json, no user data", |b| {
        b.iter(|| black_box(status(empty.path())))
    });
    for size in sizes() {
        let dir = data(size);
        status(&dir);
        g.bench_function(format!("status --json, {}", size.label), |b| {
            b.iter(|| black_box(status(&dir)))
        });
    }
    for size in sizes().into_iter().skip(1) {
        let dir = data(size);
        g.bench_function(format!("status --json, {}, no cache", size.label), |b| {
            b.iter_batched(
                || drop_cache(&dir),
                |()| black_box(status(&dir)),
                BatchSize::PerIteration,
            )
        });
        status(&dir);
    }
    g.finish();

    let mut g = c.benchmark_group("start");
    g.sample_size(10);
    // `iter_with_large_drop`: the app is freed outside the timing, as the real one is never freed
    // (it is left to the OS at exit), so each figure is of the start alone.
    g.bench_function("App::new, no user data", |b| {
        b.iter_with_large_drop(|| App::new(Paths::in_dir(empty.path()), now(), Theme::COLOR))
    });
    for size in sizes() {
        let dir = data(size);
        // Warm the caches as a first start would.
        drop(App::new(Paths::in_dir(&dir), now(), Theme::COLOR));
        g.bench_function(format!("App::new, {}", size.label), |b| {
            b.iter_with_large_drop(|| App::new(Paths::in_dir(&dir), now(), Theme::COLOR))
        });
        let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
        g.bench_function(
            format!("first frame (App::start, draw 200x50), {}", size.label),
            |b| {
                b.iter_with_large_drop(|| {
                    let mut app = App::start(Paths::in_dir(&dir), now(), Theme::COLOR);
                    app.handle_event(Event::Resize(200, 50));
                    term.draw(|f| f.render_widget(&app, f.area()))
                        .expect("draw");
                    app
                })
            },
        );
    }
    for size in sizes().into_iter().skip(1) {
        let dir = data(size);
        g.bench_function(format!("App::new, {}, no cache", size.label), |b| {
            b.iter_batched(
                || drop_cache(&dir),
                |()| black_box(App::new(Paths::in_dir(&dir), now(), Theme::COLOR)),
                BatchSize::PerIteration,
            )
        });
        drop(App::new(Paths::in_dir(&dir), now(), Theme::COLOR));
    }
    g.finish();
}

/// Set in a child this bench starts to time one `App::new` in a process of its own (see
/// [`start_fresh`]); holds the data dir.
const FRESH_START: &str = "CLINICPREP_BENCH_FRESH_START";

/// `App::new` in a process of its own, as every real start is: a fresh heap whose pages the start
/// touches for the first time. The `App::new` loop above builds each app in the memory the one
/// before it freed, which a real start never can; at 10k that is most of what it needs, at 100k
/// (which outgrows what the allocator keeps) much less, so that loop grows faster than a real start.
/// Only the call is timed (the child reads the clock around it), not starting the process.
fn start_fresh(c: &mut Criterion) {
    let mut g = c.benchmark_group("start");
    g.sample_size(10);
    for size in sizes() {
        let dir = data(size);
        fresh_start(&dir);
        g.bench_function(
            format!("App::new in a fresh process, {}", size.label),
            |b| b.iter_custom(|iters| (0..iters).map(|_| fresh_start(&dir)).sum()),
        );
    }
    g.finish();
}

/// Set in a child this bench starts to time `App::new` in a loop whose allocator keeps what it
/// frees (see [`start_kept`]); holds the data dir. [`KEPT_ITERS`] holds how many starts to time.
const KEPT_LOOP: &str = "CLINICPREP_BENCH_KEPT_LOOP";
const KEPT_ITERS: &str = "CLINICPREP_BENCH_KEPT_ITERS";

/// glibc's setting for the child of [`start_kept`]: keep up to 256 MiB of freed memory at the top of
/// each heap rather than hand it back to the OS.
const KEEP_FREED: &str = "glibc.malloc.top_pad=268435456";

/// The `App::new` loop again, in a child whose allocator keeps the memory a freed app held. In the
/// plain loop, glibc hands most of a freed 100k app back to the OS (the loading thread's heaps are
/// trimmed) and the next start faults it in again page by page, about 5,800 page faults a start
/// more by `perf stat` and most of the plain loop's spread; a freed 10k app it keeps. Neither
/// happens to a real start (one, in a fresh process: [`start_fresh`]). With the memory kept at both
/// sizes, the loop times the start's own work. A diagnosis of the plain loop's growth, not a
/// replacement for it: both are reported.
fn start_kept(c: &mut Criterion) {
    let mut g = c.benchmark_group("start");
    g.sample_size(10);
    for size in sizes() {
        let dir = data(size);
        kept_loop(&dir, 1);
        g.bench_function(
            format!("App::new in a loop, freed memory kept, {}", size.label),
            |b| b.iter_custom(|iters| kept_loop(&dir, iters)),
        );
    }
    g.finish();
}

/// Runs this bench binary as a child, with [`KEEP_FREED`], that times `iters` starts over `dir`
/// after one untimed, and prints their total in nanoseconds.
fn kept_loop(dir: &Path, iters: u64) -> std::time::Duration {
    let iters = iters.to_string();
    let dir = dir.as_os_str();
    child_time(&[
        (KEPT_LOOP.as_ref(), dir),
        (KEPT_ITERS.as_ref(), iters.as_ref()),
        ("GLIBC_TUNABLES".as_ref(), KEEP_FREED.as_ref()),
    ])
}

/// Runs this bench binary as a child with `env` set, and reads the time it prints in nanoseconds.
fn child_time(env: &[(&std::ffi::OsStr, &std::ffi::OsStr)]) -> std::time::Duration {
    let out = std::process::Command::new(std::env::current_exe().expect("bench binary"))
        .envs(env.iter().copied())
        .output()
        .expect("start the child");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let nanos: u64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("the child prints nanoseconds");
    std::time::Duration::from_nanos(nanos)
}

/// The kept-memory child's work: one start untimed, then `iters` timed, each app freed outside
/// the timing as `iter_with_large_drop` frees it.
fn time_kept_starts(dir: &Path, iters: u64) {
    drop(App::new(Paths::in_dir(dir), now(), Theme::COLOR));
    let mut spent = std::time::Duration::ZERO;
    for _ in 0..iters {
        let t = Instant::now();
        let app = App::new(Paths::in_dir(dir), now(), Theme::COLOR);
        spent += t.elapsed();
        drop(black_box(app));
    }
    println!("{}", spent.as_nanos());
}

/// Runs this bench binary as a child that times one `App::new` over `dir` and prints nanoseconds.
fn fresh_start(dir: &Path) -> std::time::Duration {
    child_time(&[(FRESH_START.as_ref(), dir.as_os_str())])
}

/// The child's whole work: one start, timed, and the app left to the OS as the real program leaves it.
fn time_one_start(dir: &Path) {
    let t = Instant::now();
    let app = App::new(Paths::in_dir(dir), now(), Theme::COLOR);
    let spent = t.elapsed();
    std::mem::forget(app);
    println!("{}", spent.as_nanos());
}

/// `schedule::counts` over every card id, sorted, from the cache: the one-pass walk beside the
/// review history that `status` makes when nothing is kept yet.
fn counts(c: &mut Criterion) {
    let mut g = c.benchmark_group("counts");
    for size in sizes() {
        let dir = data(size);
        let ids = CardIds::load_cached(&dir.join("content"), &dir);
        let (ledger, _) = schedule::peek(&dir, DayZone::utc()).expect("history");
        let today = DayZone::utc().date_of(now());
        let settings = schedule::Settings::default();
        g.bench_function(format!("counts over every card, {}", size.label), |b| {
            b.iter(|| {
                black_box(schedule::counts(
                    ids.as_slice(),
                    &ledger,
                    &settings,
                    today,
                    now(),
                ))
            })
        });
    }
    g.finish();
}

/// How `status` counts the cards in focus once their states are kept (`cli::status_cards`): a pass
/// over the states alone, no ids.
fn kept_tally(c: &mut Criterion) {
    let mut g = c.benchmark_group("counts");
    for size in sizes() {
        let dir = data(size);
        let paths = Paths::in_dir(&dir);
        let later = SystemTime::now() + std::time::Duration::from_secs(3600);
        let focus = |lib: &Library| Focus::new(&Profile::default(), lib);
        let load = || Study::load(&paths, focus, DayZone::utc(), later).expect("history");
        let _ = load();
        let _ = load();
        let study = load();
        assert!(
            matches!(study, Study::Kept { .. }),
            "kept by the runs before"
        );
        let today = DayZone::utc().date_of(now());
        let settings = schedule::Settings::default();
        let f = focus(study.lib());
        g.bench_function(
            format!("status tallies the kept cards, {}", size.label),
            |b| b.iter(|| black_box(study.deck_numbers(&f, &settings, (today, now()), now()))),
        );
    }
    g.finish();
}

/// An app over a copy of `size`'s data dir, 200×50, showing the Cards screen.
fn app_at(size: Size) -> (tempfile::TempDir, App, Terminal<TestBackend>) {
    let dir = copy_dir(&data(size)).expect("copy");
    let mut app = App::new(Paths::in_dir(dir.path()), now(), Theme::COLOR);
    app.handle_event(Event::Resize(200, 50));
    app.update(Action::GoTo(Tab::Cards));
    (
        dir,
        app,
        Terminal::new(TestBackend::new(200, 50)).expect("terminal"),
    )
}

/// The end-of-session summary: one frame, drawn again and again (it used to count every card on
/// every frame).
fn summary_frame(c: &mut Criterion) {
    let mut g = c.benchmark_group("summary");
    for size in sizes() {
        let (_dir, mut app, mut term) = app_at(size);
        app.update(Action::Select);
        app.update(Action::Reveal);
        app.update(Action::Grade(Grade::Good));
        app.update(Action::Back);
        let mut shown = String::new();
        term.draw(|f| f.render_widget(&app, f.area()))
            .expect("draw");
        let buf = term.backend().buffer();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                shown.push_str(buf[(x, y)].symbol());
            }
        }
        assert!(shown.contains("Session done"), "not on the summary");
        g.bench_function(
            format!("summary screen, one frame 200x50, {}", size.label),
            |b| {
                b.iter(|| {
                    term.draw(|f| f.render_widget(&app, f.area()))
                        .expect("draw")
                        .area
                })
            },
        );
    }
    g.finish();
}

/// Review keys at 10k: flip and grade (durably), each with its frame. Whenever a session ends, a cram
/// of every card starts another (untimed), so every timed key is a review, never the summary.
fn review_keys(c: &mut Criterion) {
    let Some(size) = sizes().into_iter().find(|s| s.cards == 10_000) else {
        return;
    };
    let (_dir, mut app, mut term) = app_at(size);
    let mut g = c.benchmark_group("review");
    let mut draw = |app: &App| {
        term.draw(|f| f.render_widget(app, f.area())).expect("draw");
    };
    // Back on a card's front, starting a cram when the session is over.
    let refill = |app: &mut App| {
        if app.facts().loading {
            app.finish_loading();
        }
        if !app.reviewing() {
            app.update(Action::Back);
            app.update(Action::Back);
            app.update(Action::Top);
            app.update(Action::Cram);
            assert!(app.reviewing(), "a cram of every card always has cards");
        }
    };
    g.bench_function(
        format!("flip a card and draw 200x50, {}", size.label),
        |b| {
            b.iter_custom(|iters| {
                let mut spent = std::time::Duration::ZERO;
                for _ in 0..iters {
                    refill(&mut app);
                    let start = Instant::now();
                    app.update(Action::Reveal);
                    draw(&app);
                    spent += start.elapsed();
                    app.update(Action::Grade(Grade::Good));
                }
                spent
            })
        },
    );
    g.bench_function(
        format!(
            "grade durably and draw the next card 200x50, {}",
            size.label
        ),
        |b| {
            b.iter_custom(|iters| {
                let mut spent = std::time::Duration::ZERO;
                for _ in 0..iters {
                    refill(&mut app);
                    app.update(Action::Reveal);
                    let start = Instant::now();
                    app.update(Action::Grade(Grade::Good));
                    draw(&app);
                    spent += start.elapsed();
                }
                spent
            })
        },
    );
    g.finish();
}

fn import_args(file: &Path) -> ImportArgs {
    ImportArgs {
        file: file.to_path_buf(),
        deck: None,
        role: Vec::new(),
        dry_run: false,
    }
}

/// 100,000 notes (31 MiB) into an empty folder; 10,000 into a folder that holds 10,000 cards, which
/// backs the folder up first.
fn imports(c: &mut Criterion) {
    let notes = root().join("notes-100k.txt");
    if !notes.is_file() {
        gen_scale::write_import_file(&notes, 100_000, 42).expect("notes");
    }
    let small = root().join("notes-10k.txt");
    if !small.is_file() {
        gen_scale::write_import_file(&small, 10_000, 7).expect("notes");
    }
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    if sizes().iter().any(|s| s.cards == 100_000) {
        g.bench_function("import 100k notes into an empty folder", |b| {
            b.iter_batched(
                || tempfile::tempdir().expect("temp dir"),
                |dir| {
                    let mut out = Vec::new();
                    let code = clinicprep::cli::import::run(
                        &Paths::in_dir(dir.path()),
                        &import_args(&notes),
                        &mut out,
                    )
                    .expect("import");
                    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out));
                    dir
                },
                BatchSize::PerIteration,
            )
        });
    }
    if let Some(size) = sizes().into_iter().find(|s| s.cards == 10_000) {
        let base = data(size);
        g.bench_function(
            "import 10k notes into a folder of 10k (backup first)",
            |b| {
                b.iter_batched(
                    || {
                        // A folder as it is in use: backed up once already.
                        let dir = copy_dir(&base).expect("copy");
                        clinicprep::storage::backup::backup_now(dir.path(), now(), "earlier")
                            .expect("backup");
                        dir
                    },
                    |dir| {
                        let mut out = Vec::new();
                        let code = clinicprep::cli::import::run(
                            &Paths::in_dir(dir.path()),
                            &import_args(&small),
                            &mut out,
                        )
                        .expect("import");
                        assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out));
                        dir
                    },
                    BatchSize::PerIteration,
                )
            },
        );
    }
    g.finish();
}

/// A durable grade (append + `sync_data`) should cost the same after 100 or 100,000 reviews.
fn grade(c: &mut Criterion) {
    let mut g = c.benchmark_group("grade durable");
    for past in [100usize, 100_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut t = now() - Duration::days(365);
        let (mut store, _) =
            ReviewStore::open(dir.path(), &StoreOptions::default(), t).expect("store");
        let history: Vec<_> = (0..past)
            .map(|i| {
                t += Duration::minutes(5);
                (Id::new(format!("c{}", i % 5_000)), Grade::Good, t)
            })
            .collect();
        store.grade_all(&history).expect("history");
        store.snapshot_now().expect("snapshot");
        let mut i = 0usize;
        settle_disk();
        g.bench_function(format!("after {past} reviews"), |b| {
            b.iter(|| {
                i += 1;
                t += Duration::minutes(1);
                let card = Id::new(format!("c{}", i % 5_000));
                black_box(store.grade(&card, Grade::Good, t).expect("grade"))
            })
        });
    }
    g.finish();
}

/// Writes the page cache out before a bench of durable writes. The benches before them (their
/// set-up runs even when a filter skips them) copy and import hundreds of megabytes; without this
/// each fsync here waits behind that write-back, and the figure is of the disk catching up, not of
/// a grade or a save. Best effort: where there is no `sync` command, nothing is done.
fn settle_disk() {
    let _ = std::process::Command::new("sync").status();
}

/// Saving one story should cost the same among 10 or 1,000 stories.
fn story_save(c: &mut Criterion) {
    let mut g = c.benchmark_group("story save");
    for n in [10usize, 1_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        gen_scale::generate(&Spec {
            cards: 0,
            reviews: 0,
            stories: n,
            seed: 42,
            dir: dir.path().to_path_buf(),
        })
        .expect("generate");
        let (mut store, _) = StoryStore::load(dir.path()).expect("stories");
        let mut story = store.list(Order::Title)[n / 2].clone();
        let mut i = 0u32;
        settle_disk();
        g.bench_function(format!("among {n} stories"), |b| {
            b.iter(|| {
                i += 1;
                story.result = format!("We finished {i} sessions without a fall.");
                black_box(store.save(&story, now()).expect("save"))
            })
        });
    }
    g.finish();
}

fn insights(c: &mut Criterion) {
    let lib = Library::builtin();
    let coach = Coach::from_library(&lib);
    let mut story = Story::new(
        clinicprep::domain::stories::StoryId::from_stem("long").expect("id"),
        "A long story",
        now(),
    );
    let sentence = "I checked the gait belt, then we walked the patient to the parallel bars. ";
    story.situation = sentence.repeat(20);
    story.task = sentence.repeat(10);
    story.action = sentence.repeat(100);
    story.result = sentence.repeat(13);
    c.bench_function("insights on a 2,000-word story", |b| {
        b.iter(|| black_box(analyze(&story, &coach)))
    });
    // What a key in the editor costs: the changed part is scanned again, the others are kept.
    let mut analysis = analyze(&story, &coach);
    c.bench_function("insights: rescan the Action of a 2,000-word story", |b| {
        b.iter(|| analysis.rescan(Section::Action, black_box(&story.action), &coach))
    });
}

// The counts come first: they walk data loaded for them, and loaded after the start-up groups
// (which allocate and free hundreds of megabytes) its strings land scattered over the heap. The
// same pass then measured 2.7 ms at 100k in one run and 11.7 ms in another; the app walks a ledger
// it loaded into a fresh process.
criterion_group!(
    benches,
    counts,
    kept_tally,
    status_and_start,
    start_fresh,
    start_kept,
    summary_frame,
    review_keys,
    imports,
    grade,
    story_save,
    insights
);
// `criterion_main!` with one addition: the same binary, started with `FRESH_START` or `KEPT_LOOP`
// set, is the child `start_fresh` or `start_kept` times.
fn main() {
    if let Some(dir) = std::env::var_os(FRESH_START) {
        time_one_start(Path::new(&dir));
        return;
    }
    if let Some(dir) = std::env::var_os(KEPT_LOOP) {
        let iters = std::env::var(KEPT_ITERS)
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(1);
        time_kept_starts(Path::new(&dir), iters);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}

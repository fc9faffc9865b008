//! Costs at scale (10,000 user cards, 100,000 reviews, 1,000 stories, as `gen_scale` writes them):
//! start-up and `status`, a durable grade against small and large histories, a story save among few
//! and many stories, coaching insights on a long story, and review keys drawn on a 200×50 screen.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a benchmark fails

#[allow(dead_code)]
#[path = "../examples/gen_scale.rs"]
mod gen_scale;

use chrono::{Duration, TimeZone, Utc};
use clinicprep::app::{Action, App, Tab, Theme};
use clinicprep::cli::status_cmd;
use clinicprep::domain::content::{Id, Library};
use clinicprep::domain::schedule::{Grade, ReviewStore, StoreOptions};
use clinicprep::domain::stories::{Coach, Order, Section, Story, StoryStore, analyze};
use clinicprep::storage::paths::Paths;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use gen_scale::{Spec, generate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

fn scale_dir(cards: usize, reviews: usize, stories: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    generate(&Spec {
        cards,
        reviews,
        stories,
        seed: 42,
        dir: dir.path().to_path_buf(),
    })
    .expect("generate");
    dir
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn load(c: &mut Criterion) {
    let empty = tempfile::tempdir().expect("temp dir");
    let big = scale_dir(10_000, 100_000, 1_000);
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    for (name, dir) in [("no user data", empty.path()), ("10k/100k/1k", big.path())] {
        g.bench_function(format!("App::new, {name}"), |b| {
            b.iter(|| black_box(App::new(Paths::in_dir(dir), now(), Theme::COLOR)))
        });
        g.bench_function(format!("status --json, {name}"), |b| {
            b.iter(|| {
                let mut out = Vec::new();
                status_cmd(&Paths::in_dir(dir), true, now(), &mut out).expect("status");
                black_box(out)
            })
        });
    }
    // The first run after every file changed (or the cache was deleted): everything parsed, and the
    // cache written.
    let cold = || {
        let _ = std::fs::remove_dir_all(big.path().join(clinicprep::storage::cache::CACHE_DIR));
    };
    g.bench_function("App::new, 10k/100k/1k, no cache", |b| {
        b.iter_batched(
            cold,
            |()| black_box(App::new(Paths::in_dir(big.path()), now(), Theme::COLOR)),
            BatchSize::PerIteration,
        )
    });
    g.bench_function("status --json, 10k/100k/1k, no cache", |b| {
        b.iter_batched(
            cold,
            |()| {
                let mut out = Vec::new();
                status_cmd(&Paths::in_dir(big.path()), true, now(), &mut out).expect("status");
                black_box(out)
            },
            BatchSize::PerIteration,
        )
    });
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

/// Saving one story should cost the same among 10 or 1,000 stories.
fn story_save(c: &mut Criterion) {
    let mut g = c.benchmark_group("story save");
    for n in [10usize, 1_000] {
        let dir = scale_dir(0, 0, n);
        let (mut store, _) = StoryStore::load(dir.path()).expect("stories");
        let mut story = store.list(Order::Title)[n / 2].clone();
        let mut i = 0u32;
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

/// Review keys at scale: reveal the answer and draw, then grade (durably) and draw the next card.
fn review_keys(c: &mut Criterion) {
    let dir = scale_dir(10_000, 100_000, 1_000);
    let mut app = App::new(Paths::in_dir(dir.path()), now(), Theme::COLOR);
    app.handle_event(crossterm::event::Event::Resize(200, 50));
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    app.update(Action::GoTo(Tab::Cards));
    app.update(Action::Select);
    let mut draw = |app: &App| {
        term.draw(|f| f.render_widget(app, f.area())).expect("draw");
    };
    let mut g = c.benchmark_group("review at 10k/100k/1k");
    g.bench_function("flip and draw, grade and draw 200x50", |b| {
        b.iter(|| {
            app.update(Action::Reveal);
            draw(&app);
            app.update(Action::Grade(Grade::Good));
            draw(&app);
        })
    });
    g.finish();
    assert!(dir.path().join("reviews.log").metadata().is_ok());
}

criterion_group!(benches, load, grade, story_save, insights, review_keys);
criterion_main!(benches);

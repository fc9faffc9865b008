//! Start-up and key-to-frame costs (loading built-in content, one key handled plus a full redraw) and
//! the cost of one durable grade.

use chrono::{Duration, Utc};
use clinicprep::app::{Action, App, Tab, Theme};
use clinicprep::content::{Id, Library};
use clinicprep::paths::Paths;
use clinicprep::practice::{Answer, RoundLog, RoundRecord, Rubric};
use clinicprep::schedule::{Grade, ReviewStore, StoreOptions};
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

fn load(c: &mut Criterion) {
    c.bench_function("load built-in content", |b| {
        b.iter(|| black_box(Library::builtin()))
    });
}

fn key_to_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::new(Paths::in_dir(dir.path()), Utc::now(), Theme::COLOR);
    app.size = (200, 50);
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    app.update(Action::GoTo(Tab::Guides));
    c.bench_function("guides: scroll one line and draw 200x50", |b| {
        let mut down = true;
        b.iter(|| {
            app.update(if down { Action::Down } else { Action::Top });
            down = !down;
            term.draw(|f| f.render_widget(&app, f.area()))
                .expect("draw");
        })
    });
}

/// Home with a year of daily reviews and 300 practice rounds: every key redraws all three charts.
fn home_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let now = Utc::now();
    let mut log = RoundLog::default();
    for i in 0..300 {
        log.round.push(RoundRecord {
            started: now - Duration::hours(i * 20),
            role: None,
            target_seconds: 120,
            answer: (0..5)
                .map(|k| Answer {
                    question: Id::new(format!("q-{k}")),
                    seconds: 60 + (i as u32 * 7 + k) % 90,
                    rubric: Rubric::default(),
                    grade: Grade::Hard,
                })
                .collect(),
        });
    }
    log.save(dir.path()).expect("save log");
    let mut app = App::new(Paths::in_dir(dir.path()), now, Theme::COLOR);
    for d in 0..365 {
        let day = (now - Duration::days(d)).date_naive();
        app.facts.reviews_by_day.insert(day, (d % 13) as u32);
    }
    app.facts.due = (0..2000).map(|i| now + Duration::hours(i % 400)).collect();
    app.size = (200, 50);
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    c.bench_function(
        "home: move in the checklist and draw 200x50 with a year of history",
        |b| {
            let mut down = true;
            b.iter(|| {
                app.update(if down { Action::Down } else { Action::Top });
                down = !down;
                term.draw(|f| f.render_widget(&app, f.area()))
                    .expect("draw");
            })
        },
    );
}

/// One timer second on the Practice screen: the tick and the redraw it asks for.
fn practice_tick(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::new(Paths::in_dir(dir.path()), Utc::now(), Theme::COLOR);
    app.size = (200, 50);
    app.update(Action::GoTo(Tab::Practice));
    app.update(Action::Select);
    app.update(Action::ToggleHint);
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    c.bench_function("practice: timer tick and draw 200x50 with hints", |b| {
        b.iter(|| {
            app.now += Duration::seconds(1);
            assert!(app.tick());
            term.draw(|f| f.render_widget(&app, f.area()))
                .expect("draw");
        })
    });
}

fn cards_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::new(Paths::in_dir(dir.path()), Utc::now(), Theme::COLOR);
    app.size = (200, 50);
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    app.update(Action::GoTo(Tab::Cards));
    c.bench_function("cards: move between decks and draw 200x50", |b| {
        let mut down = true;
        b.iter(|| {
            app.update(if down { Action::Down } else { Action::Top });
            down = !down;
            term.draw(|f| f.render_widget(&app, f.area()))
                .expect("draw");
        })
    });
}

/// One durable grade (append + `sync_data`) on a journal with `past` reviews before it: the cost
/// should not grow with history.
fn grade_cost(c: &mut Criterion) {
    for past in [10u32, 10_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        let options = StoreOptions::default();
        let mut now = Utc::now();
        let (mut store, _) = ReviewStore::open(dir.path(), &options, now).expect("store");
        for i in 0..past {
            now += chrono::Duration::minutes(1);
            let card = Id::new(format!("c{}", i % 500));
            store.grade(&card, Grade::Good, now).expect("grade");
        }
        let mut i = 0u32;
        c.bench_function(
            &format!("grade one card durably after {past} reviews"),
            |b| {
                b.iter(|| {
                    i += 1;
                    now += chrono::Duration::minutes(1);
                    let card = Id::new(format!("c{}", i % 500));
                    black_box(store.grade(&card, Grade::Good, now).expect("grade"));
                })
            },
        );
    }
}

/// The Stories editor's worst ordinary case: a 2,000-word Action (far past the 90–120 s target), where
/// every key re-runs the coaching analysis and redraws the wrapped text and the panel.
fn story_key_to_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::new(Paths::in_dir(dir.path()), Utc::now(), Theme::COLOR);
    app.size = (200, 50);
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    app.update(Action::GoTo(Tab::Stories));
    app.update(Action::New);
    for _ in 0..3 {
        app.update(Action::NextField);
    }
    let sentence = "I checked the gait belt, then we walked the patient to the parallel bars. ";
    app.update(Action::Paste(sentence.repeat(2000 / 14)));
    let key = |c| Action::Edit(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    c.bench_function(
        "stories: type into a 2,000-word story and draw 200x50",
        |b| {
            b.iter(|| {
                app.update(key('x'));
                term.draw(|f| f.render_widget(&app, f.area()))
                    .expect("draw");
            })
        },
    );
}

criterion_group!(
    benches,
    load,
    key_to_frame,
    home_frame,
    practice_tick,
    cards_frame,
    grade_cost,
    story_key_to_frame
);
criterion_main!(benches);

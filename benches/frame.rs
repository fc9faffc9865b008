//! Start-up and key-to-frame costs: loading built-in content, and one key handled plus a full redraw.

use chrono::{Duration, Utc};
use clinicprep::app::{Action, App, Tab, Theme};
use clinicprep::content::{Id, Library};
use clinicprep::paths::Paths;
use clinicprep::practice::{Answer, Grade, RoundLog, RoundRecord, Rubric};
use criterion::{Criterion, criterion_group, criterion_main};
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

criterion_group!(benches, load, key_to_frame, home_frame, practice_tick);
criterion_main!(benches);

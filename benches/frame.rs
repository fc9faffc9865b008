//! Start-up and key-to-frame costs: loading built-in content, and one key handled plus a full redraw.

use chrono::Utc;
use clinicprep::app::{Action, App, Tab, Theme};
use clinicprep::content::Library;
use clinicprep::paths::Paths;
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

criterion_group!(benches, load, key_to_frame, story_key_to_frame);
criterion_main!(benches);

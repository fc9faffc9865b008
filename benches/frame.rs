//! Start-up and key-to-frame costs: loading built-in content, and one key handled plus a full redraw.

use chrono::Utc;
use clinicprep::app::{Action, App, Tab, Theme};
use clinicprep::content::Library;
use clinicprep::paths::Paths;
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

criterion_group!(benches, load, key_to_frame);
criterion_main!(benches);

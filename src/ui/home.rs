//! Draws the Home screen: a welcome, where to start, and what is loaded.

use super::doc::Doc;
use crate::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Paragraph, Widget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lib = &app.data.library;
    let block = Block::bordered().title(" Home ").border_style(t.border);
    let inner = block.inner(area);
    block.render(area, buf);
    let mut d = Doc::new(usize::from(inner.width));
    d.text("Welcome to clinicprep", t.title);
    d.text(
        "A study coach for physical and occupational therapy aide and assistant interviews.",
        t.base,
    );
    d.blank();
    d.text("Where to start", t.heading);
    for line in [
        "Guides: read what each role does, what it pays and what interviewers look for.",
        "Cards: practise interview questions and role facts with spaced repetition.",
        "Stories: write 4–6 STAR stories about your own experience.",
        "Practice: rehearse answers against the clock.",
    ] {
        d.prefixed("• ", "  ", line, t.base);
    }
    d.blank();
    d.text("Built-in content", t.heading);
    d.text(
        &format!(
            "{} role guides · {} interview questions · {} fact cards · {} questions to ask · {} checklist steps",
            lib.roles.len(),
            lib.questions.len(),
            lib.facts.len(),
            lib.asks.len(),
            lib.steps.len()
        ),
        t.base,
    );
    if !lib.problems.is_empty() {
        d.blank();
        d.text(
            &format!(
                "{} problem(s) in content files — run `clinicprep check` to list them.",
                lib.problems.len()
            ),
            t.warn,
        );
    }
    d.blank();
    d.text(
        &format!("Your data: {}", app.data.paths.data_dir.display()),
        t.muted,
    );
    Paragraph::new(d.window(0, usize::from(inner.height)).to_vec()).render(inner, buf);
}

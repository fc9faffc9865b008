//! The coaching panel beside the editor: length, balance and one line of advice per insight.

use super::super::Editor;
use crate::domain::stories::insights::spoken;
use crate::domain::stories::{Guidance, Level, Section};
use crate::kit::Theme;
use crate::widgets::doc::Doc;
use crate::widgets::text::draw_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

/// The symbol and style of an insight, so its weight shows without colour too.
pub fn marker(level: Level, t: &Theme) -> (&'static str, Style) {
    match level {
        Level::Warning => ("! ", t.warn),
        Level::Tip => ("› ", t.accent),
        Level::Good => ("✓ ", t.good),
    }
}

pub fn render(ed: &Editor, g: &Guidance, t: &Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .title(" Coaching (updates as you type) ")
        .border_style(t.border);
    let inner = block.inner(area);
    block.render(area, buf);
    let h = usize::from(inner.height);
    let d = doc(ed, g, t, usize::from(inner.width), h);
    let mut lines = d.window(0, h).to_vec();
    if d.len() > h && h > 0 {
        // Say that more coaching is hidden rather than cut it off silently.
        lines.truncate(h - 1);
        lines.push(Line::styled(
            format!(
                "+ {} more lines: make the window taller or wider",
                d.len() - (h - 1)
            ),
            t.muted,
        ));
    }
    draw_lines(&lines, inner, buf);
}

/// The panel's lines at `width`; with little `height` the per-section numbers share one line.
fn doc(ed: &Editor, g: &Guidance, t: &Theme, width: usize, height: usize) -> Doc {
    let m = &ed.analysis.metrics;
    let mut d = Doc::new(width);
    let (lo, hi) = g.target_seconds;
    let secs = m.total_seconds;
    let time_style = if (lo as f32..=hi as f32).contains(&secs) {
        t.good
    } else {
        t.base
    };
    d.line(Line::from(vec![
        Span::styled(format!("{} words · ", m.total_words), t.base),
        Span::styled(format!("about {}", spoken(secs)), time_style),
        Span::styled(format!(" · target {lo}–{hi} s"), t.muted),
    ]));
    if height >= 12 {
        for s in Section::ALL {
            let i = s.index();
            let pct = (m.shares[i] * 100.0).round() as usize;
            let bar = "█".repeat((pct / 10).min(10));
            d.line(Line::from(vec![
                Span::styled(format!("{:<10}", s.label()), t.heading),
                Span::styled(
                    format!(
                        "{:>4} w {:>8} {:>4}% ",
                        m.words[i],
                        spoken(m.seconds[i]),
                        pct
                    ),
                    t.base,
                ),
                Span::styled(bar, t.accent),
            ]));
        }
        d.blank();
    } else {
        let parts: Vec<String> = Section::ALL
            .iter()
            .map(|s| {
                let i = s.index();
                format!(
                    "{} {}w {}%",
                    s.letter(),
                    m.words[i],
                    (m.shares[i] * 100.0).round() as usize
                )
            })
            .collect();
        d.text(&parts.join(" · "), t.muted);
    }
    for insight in &ed.analysis.insights {
        let (mark, style) = marker(insight.level, t);
        d.prefixed(mark, "  ", &insight.text, style);
    }
    d
}

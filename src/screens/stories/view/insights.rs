//! The coaching panel beside the editor: length and balance, the marked phrase at the cursor with its
//! rewrite, and one line of advice per insight.

use super::super::Editor;
use crate::domain::prose::join_and;
use crate::domain::stories::insights::spoken;
use crate::domain::stories::{Coach, Finding, Section};
use crate::kit::Theme;
use crate::widgets::doc::Doc;
use crate::widgets::text::draw_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

pub use crate::widgets::coaching::marker;

pub fn render(ed: &Editor, coach: &Coach, t: &Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .title(" Coaching (updates as you type) ")
        .border_style(t.border);
    let inner = block.inner(area);
    block.render(area, buf);
    let h = usize::from(inner.height);
    let d = doc(ed, coach, t, usize::from(inner.width), h);
    let mut lines = d.window(0, h).to_vec();
    if d.len() > h && h > 0 {
        // Say that more coaching is hidden rather than cut it off silently.
        lines.truncate(h - 1);
        lines.push(Line::styled(
            format!(
                "+ {} more lines: F2 shows all the coaching",
                d.len() - (h - 1)
            ),
            t.muted,
        ));
    }
    draw_lines(&lines, inner, buf);
}

/// The coaching whole over the editor (F2), from line `scroll` (held to the last page): two user
/// walks at 80×24 and 60×16 read only "+ 12 more lines" of it, with no way to see the rest.
pub fn render_whole(
    ed: &Editor,
    coach: &Coach,
    t: &Theme,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let block = Block::bordered()
        .title(" All the coaching · ↑/↓ scroll · F2 or Esc: back to the story ")
        .border_style(t.focus_border);
    let inner = block.inner(area);
    block.render(area, buf);
    let h = usize::from(inner.height);
    // Tall enough for the per-section numbers on lines of their own.
    let d = doc(
        ed,
        coach,
        t,
        usize::from(inner.width),
        usize::from(u16::MAX),
    );
    let top = scroll.min(d.len().saturating_sub(h));
    draw_lines(d.window(top, h), inner, buf);
}

/// How many lines the whole coaching (F2) takes at `width`: what its scrolling is held to.
pub fn whole_lines(ed: &Editor, coach: &Coach, t: &Theme, width: usize) -> usize {
    doc(ed, coach, t, width, usize::from(u16::MAX)).len()
}

/// The panel's lines at `width`; with little `height` the per-section numbers share one line.
fn doc(ed: &Editor, coach: &Coach, t: &Theme, width: usize, height: usize) -> Doc {
    let m = &ed.analysis.metrics;
    let mut d = Doc::new(width);
    let (lo, hi) = coach.guidance.targets.seconds;
    let time_style = if (lo..=hi).contains(&m.spoken) {
        t.good
    } else {
        t.base
    };
    let words = format!("{} words · ", m.total_words);
    let about = format!("about {}", spoken(m.spoken as f32));
    let target = format!("target {lo}–{hi} s");
    // The target goes on a line of its own when the three do not fit whole on one, with a column
    // to spare before the border.
    let one_line = [&words, &about, " · ", &target]
        .iter()
        .map(|p| p.chars().count())
        .sum::<usize>()
        < width;
    let mut first = vec![Span::styled(words, t.base), Span::styled(about, time_style)];
    if one_line {
        first.push(Span::styled(format!(" · {target}"), t.muted));
        d.line(Line::from(first));
    } else {
        d.line(Line::from(first));
        d.line(Line::styled(target, t.muted));
    }
    if height >= 12 {
        for s in Section::ALL {
            let i = s.index();
            let bar = "█".repeat((m.pct[i] / 10).min(10) as usize);
            d.line(Line::from(vec![
                Span::styled(format!("{:<10}", s.label()), t.heading),
                Span::styled(
                    format!(
                        "{:>4} w {:>8} {:>4}% ",
                        m.words[i],
                        spoken(m.seconds[i]),
                        m.pct[i]
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
                format!(
                    "{} {}w {}%",
                    s.letter(),
                    m.words[s.index()],
                    m.pct[s.index()]
                )
            })
            .collect();
        d.text(&parts.join(" · "), t.muted);
    }
    flag_at_cursor(ed, coach, t, &mut d, height >= 12);
    for insight in &ed.analysis.insights {
        let (mark, style) = marker(insight.level, t);
        let mut text = insight.text();
        if matches!(insight.finding, Finding::Flagged { .. }) {
            text.push_str(" Ctrl-N goes to each.");
        }
        d.prefixed(mark, "  ", &text, style);
    }
    if let Some(line) = sounds_like(ed) {
        d.prefixed("› ", "  ", &line, t.base);
    }
    d
}

/// "Sounds like Safety, Empathy and Patient care: add them in Tags so Coverage counts this
/// story." for the skills the story's words suggest and its tags do not name yet (at most three;
/// the Tags field's list says which words suggested each); `None` when there are none.
fn sounds_like(ed: &Editor) -> Option<String> {
    let untagged: Vec<String> = ed
        .heard
        .iter()
        .filter(|h| !h.tagged(&ed.story.tags))
        .take(3)
        .map(|h| h.name.clone())
        .collect();
    let them = match untagged.len() {
        0 => return None,
        1 => "it",
        _ => "them",
    };
    let names = join_and(&untagged);
    Some(format!(
        "Sounds like {names}: add {them} in Tags so Coverage counts this story."
    ))
}

/// The marked phrase at the cursor: what kind it is, why, and the rewrite Ctrl-A makes.
fn flag_at_cursor(ed: &Editor, coach: &Coach, t: &Theme, d: &mut Doc, roomy: bool) {
    let Some((s, flag)) = ed.current_flag() else {
        return;
    };
    let text = ed.story.text(s);
    let phrase = text.get(flag.start..flag.end).unwrap_or("");
    let head = if flag.kind == crate::domain::content::phrasing::PhrasingKind::LongSentence {
        format!("{}: {} words", flag.kind.label(), flag.words)
    } else {
        format!("{}: “{}”", flag.kind.label(), clip_words(phrase, 8))
    };
    d.prefixed("▶ ", "  ", &head, t.warn);
    d.prefixed("  ", "  ", coach.why(flag), t.base);
    let options = ed.rewrites(coach);
    if let Some(choice) = options.get(ed.choice.0) {
        let what = if choice.is_empty() {
            "Ctrl-A deletes it".to_string()
        } else {
            format!("Ctrl-A makes it “{choice}”")
        };
        let more = if options.len() > 1 {
            format!(
                " ({} of {}; Ctrl-O shows another)",
                ed.choice.0 + 1,
                options.len()
            )
        } else {
            String::new()
        };
        d.prefixed(
            "  ",
            "  ",
            &format!("{what}{more}. Ctrl-Z undoes it."),
            t.accent,
        );
    }
    if roomy {
        d.blank();
    }
}

/// The first `n` words of `s`, with "…" if there were more.
fn clip_words(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{}…", words[..n].join(" "))
    }
}

//! The interview setup: the five settings and what the last rounds looked like.

use super::{draw_doc, frame, inset, plural};
use crate::domain::practice::format_mmss;
use crate::domain::practice::history::progress_line;
use crate::kit::ViewCtx;
use crate::screens::practice::{Field, Practice};
use crate::storage::sanitize::clean_line;
use crate::widgets::clip::clip_words;
use crate::widgets::doc::Doc;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub(super) fn render(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let lib = cx.data.library();
    // Inset as the interview's own pages are, so the text does not run against the border.
    let inner = inset(frame(t, "Practice: a mock interview", area, buf));
    let mut d = Doc::new(usize::from(inner.width));
    d.text(
        "An interviewer greets you, asks an opener, questions for your role and a follow-up when \
         an answer needs one, then asks what questions you have. Answer out loud with the timer, \
         or type. Rate each answer in four quick ticks.",
        t.base,
    );
    d.blank();
    let s = &p.setup;
    let persona = p.persona(lib).map_or("—".to_string(), |x| {
        clean_line(&format!("{}, {}", x.name, x.title))
    });
    let length = if s.is_full() {
        "Full interview (about 20–30 minutes)".to_string()
    } else {
        format!("{} questions", s.length)
    };
    let values = [
        p.role(lib)
            .map_or("Any role".to_string(), |r| r.name.clone()),
        persona,
        length,
        s.mode.label().to_string(),
        target_words(s.target_secs),
    ];
    // "‹ " and " ›" after the pointer and the label.
    let room = d.width.saturating_sub(2 + 12 + 4);
    for (field, value) in Field::ALL.iter().zip(values) {
        let value = clip_words(&value, room);
        let on = *field == s.field;
        let style = if on { t.selected } else { t.base };
        d.line(Line::from(vec![
            Span::styled(if on { "▸ " } else { "  " }, t.key),
            Span::styled(format!("{:<12}", field.label()), t.heading),
            Span::styled(format!("‹ {value} ›"), style),
        ]));
    }
    d.blank();
    d.text(
        "Questions favor ones you rated weak and ones no story answers yet. Your ratings \
         update each question's flashcard; an answer under 10 seconds is checked first.",
        t.muted,
    );
    d.blank();
    let log = cx.data.rounds();
    match log.round.iter().rev().find(|r| !r.answer.is_empty()) {
        Some(last) => {
            // Counted as Home counts them (a round of at least the shortest length), with those
            // stopped early beside: a walk read "1 round so far" here and "Rounds 0" on Home.
            let with_answers = log.round.iter().filter(|r| !r.answer.is_empty());
            let full = with_answers
                .clone()
                .filter(|r| r.answer.len() >= crate::domain::plan::ROUND_ANSWERS)
                .count();
            let early = with_answers.count() - full;
            let so_far = match (full, early) {
                (_, 0) => format!("{} so far", plural(full, "round")),
                (0, n) => format!("No whole round yet ({n} stopped early)"),
                (f, n) => format!("{} so far, and {n} stopped early", plural(f, "round")),
            };
            d.text(
                &format!(
                    "{so_far}. Last: {}, average {}.",
                    plural(last.answer.len(), "answer"),
                    format_mmss(last.mean_seconds().unwrap_or(0))
                ),
                t.base,
            );
            if let Some(line) = progress_line(log) {
                d.text(&line, t.base);
            }
            d.text("Press r to look back at every answer.", t.muted);
        }
        None => d.text("No rounds yet: press Enter to start your first.", t.accent),
    }
    draw_doc(&d, 0, inner, buf);
}

/// The target as the set-up shows it: openers and the close get a shorter one, so it says so.
fn target_words(secs: u32) -> String {
    use crate::domain::practice::timer::SHORT_TARGET;
    if secs > SHORT_TARGET {
        format!(
            "{} per answer, {} for openers",
            format_mmss(secs),
            format_mmss(SHORT_TARGET)
        )
    } else {
        format!("{} per answer", format_mmss(secs))
    }
}

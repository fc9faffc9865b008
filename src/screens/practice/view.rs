//! Draws the Practice screen: round setup, the question with its live timer and optional hints, the
//! rubric, and the round summary.

use super::{Field, Practice, Stage};
use crate::domain::content::{Library, Question};
use crate::domain::practice::{Check, Pick, format_mmss};
use crate::kit::facts::StoryOutline;
use crate::kit::{Theme, ViewCtx};
use crate::storage::sanitize::clean_line;
use crate::widgets::doc::{Doc, fit};
use crate::widgets::text::draw_lines;
use crate::widgets::timer::TimerView;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

/// Wider than this, hints sit beside the question instead of under it.
const SIDE_BY_SIDE: u16 = 110;

pub(super) fn render(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    match p.stage {
        Stage::Setup => setup(p, cx, area, buf),
        Stage::Answer => answer(p, cx, area, buf),
        Stage::Rate => rate(p, cx, area, buf),
        Stage::Summary => summary(p, cx, area, buf),
    }
}

/// A bordered block with a title; returns the inner area.
fn frame(t: &Theme, title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), t.title))
        .border_style(t.border);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

fn draw_doc(d: &Doc, area: Rect, buf: &mut Buffer) {
    draw_lines(d.window(0, usize::from(area.height)), area, buf);
}

fn setup(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let inner = frame(t, "Practice: a timed mock interview", area, buf);
    let mut d = Doc::new(usize::from(inner.width));
    d.text(
        "Answer each question out loud, as you would in the interview. The timer runs while you \
         talk; press Space when you finish, then rate your answer in four quick ticks.",
        t.base,
    );
    d.blank();
    let role = p
        .role(cx.data.library())
        .map_or("Any role".to_string(), |r| r.name.clone());
    let values = [
        role,
        format!("{} questions", p.setup.length),
        format!("{} per answer", format_mmss(p.setup.target_secs)),
    ];
    for (field, value) in Field::ALL.iter().zip(values) {
        let label = match field {
            Field::Role => "Role",
            Field::Length => "Length",
            Field::Target => "Target time",
        };
        let on = *field == p.setup.field;
        let style = if on { t.selected } else { t.base };
        d.line(Line::from(vec![
            Span::styled(if on { " ▸ " } else { "   " }, t.key),
            Span::styled(format!("{label:<12}"), t.heading),
            Span::styled(format!("‹ {value} ›"), style),
        ]));
    }
    d.blank();
    d.text(
        "Questions come from different categories, favouring ones you rated weak and ones no \
         story answers yet. Your ratings update each question's flashcard.",
        t.muted,
    );
    d.blank();
    let log = cx.data.rounds();
    match log.round.iter().rev().find(|r| !r.answer.is_empty()) {
        Some(last) => d.text(
            &format!(
                "{} so far. Last: {}, average {}.",
                plural(
                    log.round.iter().filter(|r| !r.answer.is_empty()).count(),
                    "round"
                ),
                plural(last.answer.len(), "answer"),
                format_mmss(last.mean_seconds().unwrap_or(0))
            ),
            t.base,
        ),
        None => d.text("No rounds yet: press Enter to start your first.", t.accent),
    }
    draw_doc(&d, inner, buf);
}

/// The question on screen and why it was picked.
fn current<'a>(lib: &'a Library, p: &'a Practice) -> Option<(&'a Pick, &'a Question)> {
    let pick = p.picks.get(p.index)?;
    Some((pick, lib.question(&pick.id)?))
}

fn answer(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let Some((pick, q)) = current(cx.data.library(), p) else {
        return;
    };
    let title = format!(
        "Question {} of {} · {}",
        p.index + 1,
        p.picks.len(),
        q.category.label()
    );
    let inner = frame(t, &title, area, buf);
    let side = p.hint && inner.width >= SIDE_BY_SIDE;
    let main_w = if side {
        inner.width * 55 / 100
    } else {
        inner.width
    };
    let margin = if main_w > 60 { 3 } else { 1 };
    let text_w = main_w.saturating_sub(2 * margin);
    // The question, large: bold, with a margin and room around it.
    let mut d = Doc::new(usize::from(text_w));
    d.text(&q.text, t.title.add_modifier(Modifier::BOLD));
    let mut why = Vec::new();
    if pick.weak {
        why.push("you rated it weak");
    }
    if pick.no_story {
        why.push("no story answers it yet");
    }
    if !why.is_empty() {
        d.blank();
        d.text(&format!("Picked because {}.", why.join(" and ")), t.muted);
    }
    let q_h = u16::try_from(d.len()).unwrap_or(u16::MAX);
    // Padding, question, gap, timer (2 rows), and the hint prompt when hints are hidden.
    let content_h = 1 + q_h + 1 + 2 + if p.hint { 0 } else { 2 };
    let (main, hints) = if !p.hint {
        (inner, None)
    } else if side {
        let [a, b] =
            Layout::horizontal([Constraint::Length(main_w), Constraint::Fill(1)]).areas(inner);
        (a, Some(b))
    } else {
        let [a, b] =
            Layout::vertical([Constraint::Length(content_h), Constraint::Fill(1)]).areas(inner);
        (a, Some(b))
    };
    let top = if p.hint && !side {
        0
    } else {
        main.height.saturating_sub(content_h) / 3
    };
    let text_area = Rect {
        x: main.x + margin,
        y: main.y + top + 1,
        width: text_w,
        height: main.height.saturating_sub(top + 1),
    };
    draw_doc(
        &d,
        Rect {
            height: q_h.min(text_area.height),
            ..text_area
        },
        buf,
    );
    let timer_y = q_h + 1;
    if text_area.height > timer_y {
        TimerView {
            elapsed: p.elapsed(cx.now),
            target: p.setup.target_secs,
            phase: p
                .timer
                .map_or(crate::domain::practice::TimerPhase::Under, |tm| {
                    tm.phase(cx.now)
                }),
            theme: t,
        }
        .render(
            Rect {
                y: text_area.y + timer_y,
                height: 2.min(text_area.height - timer_y),
                width: text_w.min(48),
                ..text_area
            },
            buf,
        );
    }
    if !p.hint && text_area.height > timer_y + 3 {
        Line::styled(
            "Press h for your story outline and coaching notes.",
            t.muted,
        )
        .render(
            Rect {
                y: text_area.y + timer_y + 3,
                height: 1,
                ..text_area
            },
            buf,
        );
    }
    if let Some(h) = hints {
        hint_panel(cx, q, h, buf);
    }
}

/// The linked story's outline and the question's coaching notes.
fn hint_panel(cx: &ViewCtx, q: &Question, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let block = Block::bordered()
        .title(Span::styled(" Your story and coaching ", t.heading))
        .border_style(t.border);
    let inner = block.inner(area);
    block.render(area, buf);
    let mut d = Doc::new(usize::from(inner.width));
    match cx.facts.stories_by_question.get(&q.id).and_then(|v| v.first()) {
        Some(story) => story_outline(&mut d, story, t),
        None if q.behavioural => d.text(
            "No story is linked to this question yet. Link or write one on the Stories screen.",
            t.muted,
        ),
        None => d.text(
            "This question asks what you know or how you work: answer it directly, no story needed.",
            t.muted,
        ),
    }
    d.blank();
    d.text("What they look for", t.heading);
    d.text(&q.looking_for, t.base);
    d.blank();
    d.text("A strong answer", t.heading);
    for (i, step) in q.outline.iter().enumerate() {
        d.prefixed(&format!("{}. ", i + 1), "   ", step, t.base);
    }
    d.blank();
    d.text("Avoid", t.heading);
    for pit in &q.pitfalls {
        d.prefixed("• ", "  ", pit, t.base);
    }
    draw_doc(&d, inner, buf);
}

fn story_outline(d: &mut Doc, story: &StoryOutline, t: &Theme) {
    d.text(
        &format!("Your story: {}", clean_line(&story.title)),
        t.heading,
    );
    for (letter, text) in ['S', 'T', 'A', 'R'].iter().zip(&story.star) {
        let first = clean_line(text.lines().find(|l| !l.trim().is_empty()).unwrap_or("—"));
        let short = fit(&first, d.width.saturating_sub(3).min(200));
        d.line(Line::from(vec![
            Span::styled(format!("{letter}  "), t.key),
            Span::styled(short.trim_end().to_string(), t.base),
        ]));
    }
}

fn rate(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let Some((_, q)) = current(cx.data.library(), p) else {
        return;
    };
    let title = format!(
        "Rate your answer · question {} of {}",
        p.index + 1,
        p.picks.len()
    );
    let inner = frame(t, &title, area, buf);
    let mut d = Doc::new(usize::from(inner.width));
    let question: Vec<Line<'static>> = {
        let mut qd = Doc::new(usize::from(inner.width));
        qd.text(&q.text, t.muted);
        qd.lines.into_iter().take(2).collect()
    };
    question.into_iter().for_each(|l| d.line(l));
    let took = p.elapsed(cx.now);
    d.line(Line::from(vec![
        Span::styled("You took ", t.base),
        Span::styled(format_mmss(took), t.heading),
        Span::styled(
            format!(" (target {}).", format_mmss(p.setup.target_secs)),
            t.base,
        ),
    ]));
    d.blank();
    let prompts = inner.height >= 18;
    for (i, check) in Check::ALL.iter().enumerate() {
        let on = p.rubric.get(*check);
        let here = i == p.check;
        let style = if here { t.selected } else { t.base };
        d.line(Line::from(vec![
            Span::styled(if here { " ▸ " } else { "   " }, t.key),
            Span::styled(format!("{} ", i + 1), t.key),
            Span::styled(
                format!("[{}] {}", if on { "x" } else { " " }, check.label()),
                style,
            ),
        ]));
        if prompts {
            d.prefixed("       ", "       ", check.prompt(), t.muted);
        }
    }
    d.blank();
    let grade = p.rubric.grade();
    d.line(Line::from(vec![
        Span::styled(format!("{} of 4 ticked → ", p.rubric.score()), t.base),
        Span::styled(grade.label(), t.accent.add_modifier(Modifier::BOLD)),
        Span::styled(" for this question's flashcard.", t.base),
    ]));
    d.text(
        "One point per box: 4 Easy, 3 Good, 2 Hard, 0–1 Again; without a clear structure the best \
         is Hard.",
        t.muted,
    );
    draw_doc(&d, inner, buf);
}

fn summary(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let inner = frame(t, "Round complete", area, buf);
    let Some(round) = &p.round else {
        return;
    };
    let mut d = Doc::new(usize::from(inner.width));
    let within = round
        .answer
        .iter()
        .filter(|a| a.seconds <= round.target_seconds)
        .count();
    d.text(
        &format!(
            "{} · average {} · target {} · {} within time",
            plural(round.answer.len(), "answer"),
            format_mmss(round.mean_seconds().unwrap_or(0)),
            format_mmss(round.target_seconds),
            within
        ),
        t.heading,
    );
    d.blank();
    d.line(Line::styled(" #  Time   S I R T  Grade  Question", t.muted));
    let q_w = usize::from(inner.width).saturating_sub(27);
    for (i, a) in round.answer.iter().enumerate() {
        let tick = |b: bool| if b { "✓" } else { "·" };
        let r = a.rubric;
        let text = cx
            .data
            .library()
            .question(&a.question)
            .map_or(a.question.to_string(), |q| q.text.clone());
        let time_style = if a.seconds > round.target_seconds {
            t.warn
        } else {
            t.base
        };
        d.line(Line::from(vec![
            Span::styled(format!("{:>2}  ", i + 1), t.muted),
            Span::styled(format!("{:<7}", format_mmss(a.seconds)), time_style),
            Span::styled(
                format!(
                    "{} {} {} {}  ",
                    tick(r.structure),
                    tick(r.said_i),
                    tick(r.result),
                    tick(r.in_time)
                ),
                t.base,
            ),
            Span::styled(format!("{:<7}", a.grade.label()), t.accent),
            Span::styled(fit(&clean_line(&text), q_w).trim_end().to_string(), t.base),
        ]));
    }
    d.blank();
    let saved = if cx.data.rounds_unsaved() {
        ("This round is NOT saved yet: see the message below.", t.bad)
    } else {
        (
            "Saved in practice/rounds.toml in your data folder.",
            t.muted,
        )
    };
    d.text(saved.0, saved.1);
    d.text(
        "S structure · I said \"I\" · R result · T within time",
        t.muted,
    );
    d.text("Press Enter for another round.", t.accent);
    draw_doc(&d, inner, buf);
}

/// `1 answer`, `2 answers`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

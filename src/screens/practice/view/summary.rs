//! The end of an interview, the list of past rounds, and one past round answer by answer.

use super::{draw_doc, frame, inset, page_width, plural, says, typed_text};
use crate::domain::content::Library;
use crate::domain::content::QuestionKind;
use crate::domain::practice::followup::recap;
use crate::domain::practice::history::{listed, round_percent};
use crate::domain::practice::timer::{in_time_window, target_for_kind};
use crate::domain::practice::{Answer, Entry, RoundRecord, Row, Timing, format_mmss};
use crate::kit::{Theme, ViewCtx};
use crate::screens::practice::Practice;
use crate::storage::sanitize::clean_line;
use crate::widgets::clip::clip_words;
use crate::widgets::doc::Doc;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The question's text, or its id when the content no longer has it.
fn question_text(lib: &Library, a: &crate::domain::content::Id) -> String {
    lib.question(a)
        .map_or_else(|| clean_line(a.as_str()), |q| q.text.clone())
}

/// The answer's time, or a dash for the close, which is not timed.
fn time(a: &Answer) -> String {
    if a.rubric.kind == QuestionKind::Closer {
        "—".into()
    } else {
        format_mmss(a.seconds)
    }
}

/// `✓✓·✓`: the answer's rubric boxes.
fn ticks(a: &Answer) -> String {
    a.rubric
        .ticks
        .iter()
        .map(|b| if *b { '✓' } else { '·' })
        .collect()
}

/// The numbers that say how a round went, each a phrase kept whole on one line. "In time" means
/// within the answer's own window, so an answer well under it counts as too short, not on time.
fn round_parts(r: &RoundRecord) -> Vec<String> {
    let (c, timed) = (r.time_counts(), r.timed().count());
    let follow_ups = r.answer.iter().filter(|a| a.follow_up.is_some()).count();
    let mut parts = vec![
        plural(r.answer.len(), "answer"),
        format!("average {}", format_mmss(r.mean_seconds().unwrap_or(0))),
        format!("{} of {timed} in time", c.in_time),
    ];
    if c.short > 0 {
        parts.push(format!("{} too short", c.short));
    }
    if c.long > 0 {
        parts.push(format!("{} too long", c.long));
    }
    if follow_ups > 0 {
        parts.push(plural(follow_ups, "follow-up"));
    }
    if !r.skipped.is_empty() {
        parts.push(format!("{} skipped", r.skipped.len()));
    }
    parts
}

/// What "too short" or "too long" means for this round, in plain words, when some answers were:
/// the time to aim for, and what a short answer usually leaves out. None when all were in time.
fn timing_tip(r: &RoundRecord) -> Option<String> {
    let c = r.time_counts();
    if c.short == 0 && c.long == 0 {
        return None;
    }
    // "1:30–2:00", as a person writes it.
    let clock = |s: u32| format!("{}:{:02}", s / 60, s % 60);
    let span = |kind: QuestionKind| {
        let w = in_time_window(target_for_kind(kind, r.target_seconds));
        format!("{}–{}", clock(*w.start()), clock(*w.end()))
    };
    // The story's window first, then each other kind's that this round asked and that differs.
    let main = span(QuestionKind::Star);
    let others: Vec<String> = [
        (&[QuestionKind::Opener][..], "an opener"),
        (
            &[QuestionKind::Direct, QuestionKind::Knowledge][..],
            "a direct or knowledge question",
        ),
    ]
    .into_iter()
    .filter(|(kinds, _)| r.timed().any(|a| kinds.contains(&a.rubric.kind)))
    .map(|(kinds, name)| (span(kinds[0]), name))
    .filter(|(s, _)| *s != main)
    .map(|(s, name)| format!("{s} for {name}"))
    .collect();
    let asks_story = r.timed().any(|a| a.rubric.kind == QuestionKind::Star);
    let aim = match (asks_story, others.as_slice()) {
        (_, []) => format!("Aim for {main} an answer."),
        (true, _) => format!("Aim for {main} a story ({}).", others.join(", ")),
        (false, _) => format!("Aim for {}.", others.join(", ")),
    };
    let why = if c.short > 0 {
        " A short answer often leaves out your example and how it ended."
    } else {
        " A long one loses the listener: stop once you have said how it ended."
    };
    Some(format!("{aim}{why}"))
}

/// `parts` joined by " · ", wrapped between parts so a number stays with its words.
fn round_lines(d: &mut Doc, parts: &[String], style: ratatui::style::Style) {
    let mut line = String::new();
    for part in parts {
        let joined = if line.is_empty() {
            part.clone()
        } else {
            format!("{line} · {part}")
        };
        if joined.chars().count() > d.width && !line.is_empty() {
            d.text(&std::mem::take(&mut line), style);
            line = part.clone();
        } else {
            line = joined;
        }
    }
    d.text(&line, style);
}

pub(super) fn render(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let lib = cx.data.library();
    let inner = inset(frame(t, "Interview complete", area, buf));
    let Some(run) = p.run.as_ref() else {
        return;
    };
    let round = &run.round;
    let mut d = Doc::new(usize::from(inner.width));
    if let Some(x) = run.persona(lib).filter(|_| run.finished) {
        says(&mut d, &x.name, &x.goodbye, t.accent);
        d.blank();
    }
    round_lines(&mut d, &round_parts(round), t.heading);
    if let Some(tip) = timing_tip(round) {
        d.text(&tip, t.muted);
    }
    d.blank();
    d.line(Line::styled(" #  Time   Boxes  Grade  Question", t.muted));
    let q_w = usize::from(inner.width).saturating_sub(25);
    for row in round.rows() {
        let number = row.number.map_or("  ".into(), |n| format!("{n:>2}"));
        let (seconds, question, marks, time_style) = match row.entry {
            Entry::Answered(a) => {
                let style = if timing_note(round, a).is_empty() {
                    t.base
                } else {
                    t.warn
                };
                let marks = vec![
                    Span::styled(format!("{:<7}", ticks(a)), t.base),
                    Span::styled(format!("{:<7}", a.grade.label()), t.accent),
                ];
                (time(a), &a.question, marks, style)
            }
            Entry::Skipped(s) => (
                format_mmss(s.seconds),
                &s.question,
                vec![Span::styled(format!("{:<14}", "skipped"), t.muted)],
                t.muted,
            ),
        };
        let mut spans = vec![
            Span::styled(format!("{number}  "), t.muted),
            Span::styled(format!("{seconds:<7}"), time_style),
        ];
        spans.extend(marks);
        spans.push(Span::styled(
            clip_words(&question_text(lib, question), q_w).into_owned(),
            t.base,
        ));
        d.line(Line::from(spans));
    }
    d.blank();
    let saved = if cx.data.rounds_unsaved() {
        ("This round is NOT saved yet: see the message below.", t.bad)
    } else {
        (
            "Saved in practice/rounds.toml in your data folder. Press r to read every answer again.",
            t.muted,
        )
    };
    d.text(saved.0, saved.1);
    d.text("Press Enter for another interview.", t.accent);
    draw_doc(&d, 0, inner, buf);
}

pub(super) fn history(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let lib = cx.data.library();
    let inner = inset(frame(t, "Past rounds", area, buf));
    let log = cx.data.rounds();
    let rounds = listed(log);
    let mut d = Doc::new(usize::from(inner.width));
    if rounds.is_empty() {
        d.text(
            "No rounds yet. Your interviews show here once you answer a question.",
            t.muted,
        );
        draw_doc(&d, 0, inner, buf);
        return;
    }
    d.text(
        "Newest first. Enter opens a round: every answer with its time, rubric and what you typed.",
        t.muted,
    );
    d.blank();
    let head = d.len();
    for (n, i) in rounds.iter().enumerate() {
        let r = &log.round[*i];
        let when = r
            .started
            .with_timezone(&cx.offset)
            .format("%b %-d, %-I:%M %p");
        let role = r
            .role
            .as_ref()
            .and_then(|id| lib.role(id))
            .map_or("Any role".to_string(), |x| x.short.clone());
        let score = round_percent(r).map_or(String::new(), |s| format!(" · {s}% of boxes"));
        let here = n == p.history;
        d.line(Line::from(vec![
            Span::styled(if here { "▸ " } else { "  " }, t.key),
            Span::styled(
                format!(
                    "{when}  {role} · {}{score}",
                    plural(r.answer.len(), "answer")
                ),
                if here { t.selected } else { t.base },
            ),
        ]));
    }
    let rows = usize::from(inner.height);
    let scroll = (head + p.history + 1).saturating_sub(rows);
    draw_doc(&d, scroll, inner, buf);
}

/// The open round and how many rows it gets, as laid out in `area` (the screen's area).
pub(super) fn round_doc_for(p: &Practice, cx: &ViewCtx, area: Rect) -> (Doc, usize) {
    let rows = usize::from(area.height.saturating_sub(2));
    let width = page_width(area);
    match p.open_round.and_then(|i| cx.data.rounds().round.get(i)) {
        Some(r) => (round_doc(r, cx, width), rows),
        None => (Doc::new(1), rows),
    }
}

fn round_doc(r: &RoundRecord, cx: &ViewCtx, width: u16) -> Doc {
    let (t, lib) = (cx.theme, cx.data.library());
    let mut d = Doc::new(usize::from(width));
    let role = r
        .role
        .as_ref()
        .and_then(|id| lib.role(id))
        .map_or("Any role".to_string(), |x| x.name.clone());
    let who = r
        .interviewer
        .as_ref()
        .and_then(|id| lib.personas.iter().find(|x| &x.id == id))
        .map(|x| format!(" · with {}", x.name))
        .unwrap_or_default();
    let mode = r
        .mode
        .map(|m| format!(" · {} answers", m.done_label()))
        .unwrap_or_default();
    d.text(&format!("{role}{who}{mode}"), t.heading);
    round_lines(&mut d, &round_parts(r), t.base);
    if let Some(tip) = timing_tip(r) {
        d.text(&tip, t.muted);
    }
    let rows = r.rows();
    // Skips whose place in the interview was not kept (older logs) are listed after the rest.
    let (placed, loose): (Vec<&Row>, Vec<&Row>) = rows.iter().partition(|row| row.number.is_some());
    for row in placed {
        d.blank();
        let n = row.number.unwrap_or(0);
        match row.entry {
            Entry::Answered(a) => answer_block(&mut d, n, r, a, lib, t),
            Entry::Skipped(s) => {
                d.prefixed(
                    &format!("{n}. "),
                    "   ",
                    &question_text(lib, &s.question),
                    t.heading,
                );
                let facts = format!("Skipped · {} · no grade", format_mmss(s.seconds));
                d.prefixed("   ", "   ", &facts, t.muted);
                if let Some(text) = &s.typed {
                    typed_text(&mut d, "   You typed: ", "     ", text, t.muted);
                }
            }
        }
    }
    if !loose.is_empty() {
        d.blank();
        d.text("Left without a grade", t.heading);
        for s in loose.iter().filter_map(|row| match row.entry {
            Entry::Skipped(s) => Some(s),
            Entry::Answered(_) => None,
        }) {
            d.prefixed("• ", "  ", &question_text(lib, &s.question), t.base);
            d.prefixed("  ", "  ", &format_mmss(s.seconds), t.muted);
            if let Some(text) = &s.typed {
                typed_text(&mut d, "  You typed: ", "    ", text, t.muted);
            }
        }
    }
    d
}

/// ", too short" or ", too long" after an answer's time when it missed its window.
fn timing_note(r: &RoundRecord, a: &Answer) -> &'static str {
    if a.rubric.kind == QuestionKind::Closer {
        return "";
    }
    match r.timing(a) {
        Timing::InTime => "",
        Timing::Short => ", too short",
        Timing::Long => ", too long",
    }
}

fn answer_block(d: &mut Doc, n: usize, r: &RoundRecord, a: &Answer, lib: &Library, t: &Theme) {
    d.prefixed(
        &format!("{n}. "),
        "   ",
        &question_text(lib, &a.question),
        t.heading,
    );
    let facts = format!(
        "{} · {}{} · {}",
        a.rubric.kind.label(),
        time(a),
        timing_note(r, a),
        a.grade.label()
    );
    d.prefixed("   ", "   ", &facts, t.accent);
    for (c, on) in a.rubric.checks().iter().zip(a.rubric.ticks) {
        let mark = if on { "   [x] " } else { "   [ ] " };
        d.prefixed(mark, "       ", c.label, t.base);
    }
    if let Some(text) = &a.typed {
        typed_text(d, "   You typed: ", "     ", text, t.base);
    }
    for id in &a.asked {
        if let Some(ask) = lib.ask(id) {
            d.prefixed("   You asked: ", "     ", &ask.text, t.base);
        }
    }
    if let Some(f) = &a.follow_up {
        d.prefixed(
            "   Follow-up: ",
            "     ",
            &format!(
                "{} ({}, {})",
                clean_line(&f.text),
                f.trigger.reason(),
                format_mmss(f.seconds)
            ),
            t.muted,
        );
        if let Some(text) = &f.typed {
            typed_text(d, "     You answered: ", "       ", text, t.base);
        }
        if let Some(filled) = f.filled {
            let (mark, style) = if filled {
                ("     ✓ ", t.good)
            } else {
                ("     · ", t.warn)
            };
            d.prefixed(mark, "       ", recap(f.trigger, filled), style);
        }
    }
}

pub(super) fn round(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let Some(r) = p.open_round.and_then(|i| cx.data.rounds().round.get(i)) else {
        return;
    };
    let when = r
        .started
        .with_timezone(&cx.offset)
        .format("%a, %b %-d, %Y, %-I:%M %p");
    let inner = inset(frame(t, &format!("Round of {when}"), area, buf));
    let d = round_doc(r, cx, inner.width);
    draw_doc(&d, p.scroll, inner, buf);
}

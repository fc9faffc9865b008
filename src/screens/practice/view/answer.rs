//! A question being answered: the interviewer's words, the question, the timer or the answer box,
//! and the hints; also "did you answer?" and the pause panel.

use super::{SIDE_BY_SIDE, draw_doc, frame, inset, says};
use crate::domain::content::{Library, Question, QuestionKind};
use crate::domain::practice::plan::lead_in;
use crate::domain::practice::{AnswerMode, MIN_ANSWER_SECS, TimerPhase, format_mmss};
use crate::kit::{Theme, ViewCtx};
use crate::screens::practice::{Practice, Run, Stage};
use crate::widgets::doc::Doc;
use crate::widgets::timer::TimerView;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

/// The title of a question's frame: where it is in the interview and its kind.
pub(super) fn title(run: &Run, q: &Question, follow_up: bool) -> String {
    let n = format!("{} of {}", run.index + 1, run.picks.len());
    if follow_up {
        format!("Follow-up · question {n}")
    } else {
        format!("Question {n} · {}", q.kind().label())
    }
}

/// What is said before the answer: the greeting (first question, if `greet`), the interviewer's
/// lead-in and the question; or, for a follow-up, the follow-up and why it was asked.
pub(super) fn prompt(
    p: &Practice,
    run: &Run,
    q: &Question,
    lib: &Library,
    t: &Theme,
    width: u16,
    greet: bool,
) -> Doc {
    let mut d = Doc::new(usize::from(width));
    let persona = run.persona(lib);
    let name = persona.map_or("Interviewer", |x| x.name.as_str());
    if p.stage == Stage::FollowUp {
        if let Some((f, trigger)) = &run.follow {
            d.text(&format!("{name} follows up:"), t.muted);
            d.text(&f.text, t.title.add_modifier(Modifier::BOLD));
            d.text(&format!("(Asked because {}.)", trigger.reason()), t.muted);
        }
        return d;
    }
    if let Some(x) = persona {
        if greet && run.index == 0 {
            d.text(&format!("{}, {}", x.name, x.title), t.muted);
            says(&mut d, &x.name, &x.greeting, t.base);
            d.blank();
        }
        says(
            &mut d,
            &x.name,
            lead_in(x, q, run.index, run.seed),
            t.accent,
        );
    }
    d.text(&q.text, t.title.add_modifier(Modifier::BOLD));
    d
}

pub(super) fn render(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let lib = cx.data.library();
    let Some((run, q)) = p.asking(lib) else {
        return;
    };
    let inner = frame(t, &title(run, q, p.stage == Stage::FollowUp), area, buf);
    let (main, hints) = if !p.hint {
        (inner, None)
    } else if inner.width >= SIDE_BY_SIDE {
        let [a, b] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(inner);
        (a, Some(b))
    } else {
        // Narrow: the hints take the screen while they are open (the timer is paused).
        (Rect { height: 0, ..inner }, Some(inner))
    };
    if let Some(h) = hints {
        super::hint::hint_panel(p, cx, q, h, buf);
    }
    if main.is_empty() {
        return;
    }
    let body = inset(main);
    let mut d = prompt(p, run, q, lib, t, body.width, true);
    // What goes under the question needs its rows (the timer, or the word count and a box with a
    // few lines to type in); when the window is short the prompt gives up its first lines (the
    // greeting) so the question and the place to answer always show.
    let needs = match run.mode {
        AnswerMode::Speaking => 3,
        AnswerMode::Typing => 6,
    };
    let room = body.height.saturating_sub(needs);
    if d.len() > usize::from(room) {
        d = prompt(p, run, q, lib, t, body.width, false);
    }
    let lines = u16::try_from(d.len()).unwrap_or(u16::MAX);
    let pad = u16::from(room > lines);
    let q_h = lines.min(room.saturating_sub(pad));
    let top = Rect {
        y: body.y + pad,
        height: q_h,
        ..body
    };
    draw_doc(&d, usize::from(lines - q_h), top, buf);
    let below = Rect {
        y: top.bottom() + pad,
        height: body.bottom().saturating_sub(top.bottom() + pad),
        ..body
    };
    match run.mode {
        AnswerMode::Speaking => speaking(p, cx, run, q, below, buf),
        AnswerMode::Typing => typing(p, cx, run, below, buf),
    }
}

fn timer(p: &Practice, cx: &ViewCtx, run: &Run, area: Rect, buf: &mut Buffer) {
    let phase = run.timer.map_or(TimerPhase::Under, |tm| tm.phase(cx.now));
    let target = run.timer.map_or(p.setup.target_secs, |tm| tm.target_secs);
    TimerView {
        elapsed: p.elapsed(cx.now),
        target,
        phase,
        theme: cx.theme,
    }
    .render(area, buf);
}

fn speaking(p: &Practice, cx: &ViewCtx, run: &Run, q: &Question, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    if area.height == 0 {
        return;
    }
    timer(
        p,
        cx,
        run,
        Rect {
            height: area.height.min(2),
            width: area.width.min(48),
            ..area
        },
        buf,
    );
    let mut d = Doc::new(usize::from(area.width));
    if p.stage == Stage::FollowUp {
        d.text(
            "Answer in a few sentences, out loud. Space when you are done.",
            t.muted,
        );
    } else {
        d.text(
            &format!("{}. {}", q.kind().label(), q.kind().advice()),
            t.muted,
        );
        if let Some(pick) = run.pick() {
            let mut why = Vec::new();
            if pick.weak {
                why.push("you rated it weak");
            }
            if pick.no_story {
                why.push("no story answers it yet");
            }
            if pick.meant {
                why.push("it is asked of people in your situation");
            }
            if !why.is_empty() {
                d.text(&format!("Picked because {}.", why.join(" and ")), t.muted);
            }
        }
        d.text(
            if p.hint {
                "Hints are open beside: the timer is paused until you close them."
            } else {
                "Press h for your outline and coaching notes (the timer pauses)."
            },
            t.muted,
        );
    }
    let rest = Rect {
        y: area.y + 3,
        height: area.height.saturating_sub(3),
        ..area
    };
    draw_doc(&d, 0, rest, buf);
}

fn typing(p: &Practice, cx: &ViewCtx, run: &Run, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    if area.height == 0 {
        return;
    }
    let text = run.field.text();
    // Counted and timed as the analysis after Ctrl-S does, so the two never disagree.
    let words = crate::domain::stories::word_count(&text);
    let spoken = words as f32 * 60.0 / p.pace.max(1) as f32;
    let about = crate::domain::stories::insights::spoken(spoken);
    let target = run.timer.map_or(p.setup.target_secs, |tm| tm.target_secs);
    let style = if spoken > target as f32 {
        t.warn
    } else {
        t.muted
    };
    let noun = if words == 1 { "word" } else { "words" };
    let mut spans = vec![
        Span::styled(format!("{words} {noun} · about {about} spoken"), style),
        Span::styled(format!(" · target {}", format_mmss(target)), t.muted),
    ];
    if area.width >= 70 {
        let typed_for = format!(" · typing for {}", format_mmss(p.elapsed(cx.now)));
        spans.push(Span::styled(typed_for, t.muted));
    }
    Line::from(spans).render(Rect { height: 1, ..area }, buf);
    let box_area = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let label = if p.stage == Stage::FollowUp {
        " Your answer to the follow-up · Ctrl-S when done "
    } else {
        " Your answer · Ctrl-S when done · Ctrl-O hints "
    };
    let block = Block::bordered().title(label).border_style(t.focus_border);
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    (&run.field).render(inner, buf);
}

/// "That was only a few seconds. Did you answer?"
pub(super) fn confirm(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let inner = inset(frame(t, "Did you answer?", area, buf));
    let Some(run) = p.run.as_ref() else {
        return;
    };
    let mut d = Doc::new(usize::from(inner.width));
    d.blank();
    let closing = run.question(cx.data.library()).map(|q| q.kind()) == Some(QuestionKind::Closer);
    if closing {
        d.text("You chose no questions to ask.", t.heading);
        d.blank();
        d.text(
            "Interviewers expect one or two. Saying \"No, I think you covered everything\" is \
             graded Again.",
            t.base,
        );
        d.blank();
        d.text(
            "y  rate it anyway     n  choose a question     Esc  pause",
            t.key,
        );
    } else {
        let what = match (run.mode, &run.analysis) {
            // Spoken time is rounded to 5 s: a few words are "under 5 seconds", never "about 0".
            (AnswerMode::Typing, Some(a)) => format!(
                "Your answer is {}: {} when spoken.",
                super::plural(a.words(), "word"),
                match a.seconds() {
                    0 => "under 5 seconds".to_string(),
                    s => format!("about {s} seconds"),
                }
            ),
            _ => format!("That was only {} seconds.", run.seconds),
        };
        d.text(&what, t.heading);
        d.blank();
        let why = if run.mode == AnswerMode::Typing {
            "Said out loud, that would be very short: even a plain answer takes half a minute or \
             more, with one detail from your own work. Rate it if it is all you would say; a grade tells your flashcards how well you know this \
             question."
                .to_string()
        } else {
            format!(
                "An answer under {MIN_ANSWER_SECS} seconds is usually a key pressed too soon. A \
                 grade for an answer you did not give would tell your flashcards you know this \
                 question, so nothing is graded until you say."
            )
        };
        d.text(&why, t.base);
        d.blank();
        d.text(
            if run.mode == AnswerMode::Typing {
                "y  yes, rate it     n  no, add to it     Esc  pause"
            } else {
                "y  yes, rate it     n  no, answer it again     Esc  pause"
            },
            t.key,
        );
    }
    draw_doc(&d, 0, inner, buf);
}

/// Esc in a question: nothing is graded from here unless the user goes back.
pub(super) fn paused(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let inner = inset(frame(t, "Paused", area, buf));
    let mut d = Doc::new(usize::from(inner.width));
    d.blank();
    if let Some(q) = p.run.as_ref().and_then(|r| r.question(cx.data.library())) {
        d.text(&q.text, t.muted);
        d.blank();
    }
    let follow_up = p.paused_from == Some(Stage::FollowUp);
    d.text(
        if follow_up {
            "The timer is stopped. Your answer to the question is already rated."
        } else {
            "The timer is stopped, and nothing is graded for this question yet."
        },
        t.heading,
    );
    d.blank();
    let rows: [(&str, &str); 3] = [
        ("Enter", "back to the question"),
        (
            "n",
            if follow_up {
                "skip the follow-up and go on (what you typed is kept)"
            } else {
                "next question: this one gets no grade (what you typed is kept)"
            },
        ),
        ("x", "end the interview now (answers so far are kept)"),
    ];
    for (key, what) in rows {
        d.prefixed(&format!("{key:<7}"), "       ", what, t.base);
    }
    draw_doc(&d, 0, inner, buf);
}

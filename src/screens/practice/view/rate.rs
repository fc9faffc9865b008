//! The analysis of a typed answer, and the rubric for the question's kind with the grade it gives.

use super::{draw_doc, frame, inset, marker, page_width};
use crate::domain::content::{Library, Question, QuestionKind};
use crate::domain::practice::format_mmss;
use crate::domain::practice::rubric::grade_rule;
use crate::domain::practice::typed::{TalkingPoint, TypedAnalysis, in_time_window};
use crate::domain::stories::insights::spoken;
use crate::domain::stories::{Coach, Flag};
use crate::kit::{Theme, ViewCtx};
use crate::screens::practice::flow::target_for;
use crate::screens::practice::{Practice, Run};
use crate::storage::sanitize::clean_line;
use crate::widgets::doc::Doc;
use crate::widgets::wrap::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// The analysis and how many rows it gets, as laid out in `area` (the screen's area).
pub(super) fn feedback_doc_for(p: &Practice, cx: &ViewCtx, area: Rect) -> (Doc, usize) {
    let width = page_width(area);
    let rows = usize::from(area.height.saturating_sub(2));
    match p
        .run
        .as_ref()
        .and_then(|r| r.analysis.as_ref().map(|a| (r, a)))
    {
        Some((run, a)) => (
            feedback_doc(run, a, p.coach.as_ref(), cx.data.library(), cx.theme, width),
            rows,
        ),
        None => (Doc::new(1), rows),
    }
}

/// Marked phrases listed with why, at most this many (the rest are marked in the text).
const LISTED_MARKS: usize = 6;

/// "Skills it asks" and each skill the question asks for, shown or not, with the words that show it.
fn asked_skills(d: &mut Doc, a: &TypedAnalysis, lib: &Library, t: &Theme) {
    let named = a
        .asked
        .iter()
        .filter_map(|(id, cues)| Some((&lib.competency(id)?.name, cues)));
    for (i, (name, cues)) in named.enumerate() {
        let head = if i == 0 {
            label("Skills it asks")
        } else {
            LABEL_PAD.to_string()
        };
        let (text, style) = if cues.is_empty() {
            (format!("· {name}: not heard yet"), t.muted)
        } else {
            (format!("✓ {name}: {}", cues.join(", ")), t.good)
        };
        d.prefixed(&head, LABEL_PAD, &text, style);
    }
}

fn feedback_doc(
    run: &Run,
    a: &TypedAnalysis,
    coach: Option<&Coach>,
    lib: &Library,
    t: &Theme,
    width: u16,
) -> Doc {
    let mut d = Doc::new(usize::from(width));
    d.text(
        &format!(
            "{} words · about {} when spoken",
            a.words(),
            spoken(a.seconds() as f32)
        ),
        t.heading,
    );
    d.blank();
    d.text("Coaching", t.heading);
    for (level, text) in a.lines() {
        let (mark, style) = marker(level, t);
        d.prefixed(mark, "  ", &text, style);
    }
    d.blank();
    let kind = run.question(lib).map(|q| q.kind());
    talking_points(&mut d, a, kind, t);
    asked_skills(&mut d, a, lib, t);
    let list = |items: Vec<String>| {
        if items.is_empty() {
            "none yet".to_string()
        } else {
            items.join(" · ")
        }
    };
    let terms = list(
        a.coach
            .scan
            .terms
            .iter()
            .map(|h| format!("{} {}×", h.term, h.count))
            .collect(),
    );
    d.prefixed(&label("Job words used"), LABEL_PAD, &terms, t.base);
    let top = list(
        a.top_words
            .iter()
            .map(|(w, n)| format!("{w} {n}×"))
            .collect(),
    );
    d.prefixed(&label("Most-used words"), LABEL_PAD, &top, t.base);
    let text = run.typed.as_deref().unwrap_or("");
    let flags = &a.coach.scan.flags;
    if let Some(coach) = coach.filter(|_| !flags.is_empty()) {
        d.blank();
        d.text("Marked phrases, to reword", t.heading);
        // The same phrase marked again by the same rule is listed once, with its count.
        let mut marks: Vec<(&Flag, String, usize)> = Vec::new();
        for f in flags {
            let phrase = clean_line(text.get(f.start..f.end).unwrap_or(""));
            let same = |(g, p, _): &&mut (&Flag, String, usize)| {
                g.rule == f.rule && p.to_lowercase() == phrase.to_lowercase()
            };
            match marks.iter_mut().find(|m| same(m)) {
                Some(m) => m.2 += 1,
                None => marks.push((f, phrase, 1)),
            }
        }
        for (f, phrase, n) in marks.iter().take(LISTED_MARKS) {
            let better = coach.suggestions(text, f).into_iter().next();
            let why = coach.why(f);
            let try_it = match better.as_deref() {
                // Most deletions' reasons say so already.
                Some("") if why.to_lowercase().contains("leave it out") => String::new(),
                Some("") => " Leave it out.".to_string(),
                Some(b) => format!(" Try \u{201c}{}\u{201d}.", clean_line(b)),
                None => String::new(),
            };
            let times = if *n > 1 {
                format!(" ({n}×)")
            } else {
                String::new()
            };
            d.prefixed(
                "› ",
                "  ",
                &format!("\u{201c}{phrase}\u{201d}{times}: {why}{try_it}"),
                t.accent,
            );
        }
        if marks.len() > LISTED_MARKS {
            d.text(
                &format!(
                    "  and {} more, underlined below.",
                    marks.len() - LISTED_MARKS
                ),
                t.muted,
            );
        }
    }
    d.blank();
    d.text("Your answer", t.heading);
    if text.trim().is_empty() {
        d.text("  (nothing typed)", t.muted);
    } else {
        let mark = t.warn.add_modifier(Modifier::UNDERLINED);
        marked_text(&mut d, "  ", text, flags, t.base, mark);
    }
    d
}

/// `text` wrapped under an `indent`, its line breaks kept, with each flagged byte range drawn in
/// `mark`. The text was cleaned before it was analyzed, so the flags' ranges fall on its characters.
fn marked_text(d: &mut Doc, indent: &str, text: &str, flags: &[Flag], base: Style, mark: Style) {
    let avail = d.width.saturating_sub(indent.chars().count()).max(1);
    let mut at = 0;
    for part in text.split('\n') {
        for r in wrap(part, avail) {
            let (start, end) = (at + r.start, at + r.end);
            let mut spans = vec![Span::styled(indent.to_string(), base)];
            let mut i = start;
            while i < end {
                let inside = flags.iter().find(|f| f.start <= i && i < f.end);
                let stop = match inside {
                    Some(f) => f.end.min(end),
                    None => flags
                        .iter()
                        .map(|f| f.start)
                        .filter(|s| *s > i)
                        .min()
                        .unwrap_or(end)
                        .min(end),
                };
                let piece = text.get(i..stop).unwrap_or("");
                spans.push(Span::styled(
                    piece.to_string(),
                    if inside.is_some() { mark } else { base },
                ));
                i = stop.max(i + 1);
            }
            d.line(Line::from(spans));
        }
        at += part.len() + 1;
    }
}

/// The analysis' labels take this many columns, so their values line up.
const LABEL_PAD: &str = "                 ";

fn label(name: &str) -> String {
    format!("{name:<width$}", width = LABEL_PAD.len())
}

/// "Talking points" for a question of `kind` (see `TalkingPoint::for_kind`), each ticked or not,
/// packed into lines that fit the width; none for the close.
fn talking_points(d: &mut Doc, a: &TypedAnalysis, kind: Option<QuestionKind>, t: &Theme) {
    let points = kind.map_or(&TalkingPoint::ALL[..], TalkingPoint::for_kind);
    if points.is_empty() {
        return;
    }
    // Each item starts with a space, so its mark lines up with the values below.
    let indent = LABEL_PAD.len() - 1;
    let mut line = vec![Span::styled(
        format!("{:<indent$}", "Talking points"),
        t.base,
    )];
    let mut used = indent;
    for p in points {
        let (mark, style) = if a.covers(*p) {
            ("✓ ", t.good)
        } else {
            ("· ", t.muted)
        };
        let item = format!(" {mark}{}", p.label());
        let w = item.chars().count();
        if used + w > d.width && used > indent {
            d.line(Line::from(std::mem::take(&mut line)));
            line.push(Span::raw(" ".repeat(indent)));
            used = indent;
        }
        line.push(Span::styled(item, style));
        used += w;
    }
    d.line(Line::from(line));
}

pub(super) fn feedback(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let Some(run) = p.run.as_ref() else {
        return;
    };
    let title = format!(
        "Your typed answer · question {} of {} · Enter to rate it",
        run.index + 1,
        run.picks.len()
    );
    let inner = inset(frame(t, &title, area, buf));
    if let Some(a) = &run.analysis {
        let d = feedback_doc(run, a, p.coach.as_ref(), cx.data.library(), t, inner.width);
        draw_doc(&d, p.scroll, inner, buf);
    }
}

pub(super) fn render(p: &Practice, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let Some(run) = p.run.as_ref() else {
        return;
    };
    let q = run.question(cx.data.library());
    let kind = run.rubric.kind;
    let title = format!(
        "Rate your answer · question {} of {} · {}",
        run.index + 1,
        run.picks.len(),
        kind.label()
    );
    let inner = inset(frame(t, &title, area, buf));
    // Each box's question under it when there is room; the grade it comes to always shows.
    let mut d = rubric_doc(p, run, q, t, inner.width, true);
    if d.len() > usize::from(inner.height) {
        d = rubric_doc(p, run, q, t, inner.width, false);
    }
    draw_doc(&d, 0, inner, buf);
}

/// The rate page: the question, the time taken, the rubric's boxes (with the question each asks,
/// if `prompts`) and the grade they come to.
fn rubric_doc(
    p: &Practice,
    run: &Run,
    q: Option<&Question>,
    t: &Theme,
    width: u16,
    prompts: bool,
) -> Doc {
    let kind = run.rubric.kind;
    let mut d = Doc::new(usize::from(width));
    if let Some(q) = q {
        let mut qd = Doc::new(usize::from(width));
        qd.text(&q.text, t.muted);
        qd.lines.into_iter().take(2).for_each(|l| d.line(l));
    }
    let target = target_for(q, p.setup.target_secs);
    let took = match (kind, run.analysis.is_some()) {
        (QuestionKind::Closer, _) => {
            format!(
                "You picked {} to ask.",
                super::plural(run.picked.len(), "question")
            )
        }
        (_, true) => format!(
            "About {} when spoken (target {}).",
            format_mmss(run.seconds),
            format_mmss(target)
        ),
        (_, false) => format!(
            "You took {} (target {}).",
            format_mmss(run.seconds),
            format_mmss(target)
        ),
    };
    d.text(&took, t.base);
    if run.analysis.is_some() && kind != QuestionKind::Closer {
        // A persona walk pressed 1 2 3 for the boxes it had met and unticked the ones already
        // ticked from its words.
        d.text(
            "Boxes your words showed start ticked: a number ticks or unticks its box.",
            t.muted,
        );
    }
    d.blank();
    for (i, check) in run.rubric.checks().iter().enumerate() {
        let here = i == run.check;
        let style = if here { t.selected } else { t.base };
        d.line(Line::from(vec![
            Span::styled(if here { "▸ " } else { "  " }, t.key),
            Span::styled(format!("{} ", i + 1), t.key),
            Span::styled(
                format!(
                    "[{}] {}",
                    if run.rubric.get(i) { "x" } else { " " },
                    check.label
                ),
                style,
            ),
        ]));
        if prompts {
            let prompt = match check.key {
                "in_time" => in_time_prompt(target),
                _ => check.prompt.to_string(),
            };
            d.prefixed("      ", "      ", &prompt, t.muted);
        }
    }
    d.blank();
    let grade = run.rubric.grade();
    d.line(Line::from(vec![
        Span::styled(format!("{} of 4 ticked → ", run.rubric.score()), t.base),
        Span::styled(grade.label(), t.accent.add_modifier(Modifier::BOLD)),
        Span::styled(" for this question's flashcard.", t.base),
    ]));
    d.text(grade_rule(kind), t.muted);
    // "Correct, and within my role's scope?" needs something to check against: a knowledge
    // question's outline, below the grade, where a short window leaves it out first.
    if kind == QuestionKind::Knowledge
        && let Some(q) = q
        && !q.outline.is_empty()
    {
        d.blank();
        d.text("To check yours, a strong answer says:", t.heading);
        for step in &q.outline {
            d.prefixed("• ", "  ", step, t.base);
        }
    }
    d
}

/// The time box's question with the window this answer was judged by, which follows its target.
fn in_time_prompt(target: u32) -> String {
    let window = in_time_window(target);
    format!(
        "Ticked for you when the answer took {}–{} s, close to its {} target without going \
         over; change it if you like.",
        window.start(),
        window.end(),
        format_mmss(target)
    )
}

//! The analysis of a typed answer, and the rubric for the question's kind with the grade it gives.

use super::{draw_doc, frame, marker, readable, typed_text};
use crate::domain::content::QuestionKind;
use crate::domain::practice::format_mmss;
use crate::domain::practice::rubric::grade_rule;
use crate::domain::practice::typed::{TalkingPoint, TypedAnalysis};
use crate::kit::{Theme, ViewCtx};
use crate::screens::practice::flow::target_for;
use crate::screens::practice::{Practice, Run};
use crate::widgets::doc::Doc;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

/// The analysis and how many rows it gets, as laid out in `area` (the screen's area).
pub(super) fn feedback_doc_for(p: &Practice, cx: &ViewCtx, area: Rect) -> (Doc, usize) {
    let width = readable(area.width.saturating_sub(2));
    let rows = usize::from(area.height.saturating_sub(2));
    match p
        .run
        .as_ref()
        .and_then(|r| r.analysis.as_ref().map(|a| (r, a)))
    {
        Some((run, a)) => (feedback_doc(run, a, cx.theme, width), rows),
        None => (Doc::new(1), rows),
    }
}

fn feedback_doc(run: &Run, a: &TypedAnalysis, t: &Theme, width: u16) -> Doc {
    let mut d = Doc::new(usize::from(width));
    d.text(
        &format!(
            "{} words · about {} when spoken",
            a.words,
            crate::domain::stories::insights::spoken(a.spoken_secs as f32)
        ),
        t.heading,
    );
    d.blank();
    d.text("Coaching", t.heading);
    for i in &a.insights {
        let (mark, style) = marker(i.level, t);
        d.prefixed(mark, "  ", &i.text, style);
    }
    d.blank();
    talking_points(&mut d, a, t);
    let list = |items: Vec<String>| {
        if items.is_empty() {
            "none yet".to_string()
        } else {
            items.join(" · ")
        }
    };
    let terms = list(
        a.terms
            .iter()
            .map(|h| format!("{} {}×", h.term, h.count))
            .collect(),
    );
    d.prefixed("Job words used  ", "                ", &terms, t.base);
    let top = list(
        a.top_words
            .iter()
            .map(|(w, n)| format!("{w} {n}×"))
            .collect(),
    );
    d.prefixed("Most-used words  ", "                 ", &top, t.base);
    d.blank();
    d.text("Your answer", t.heading);
    match &run.typed {
        Some(text) => typed_text(&mut d, "  ", "  ", text, t.base),
        None => d.text("  (nothing typed)", t.muted),
    }
    d
}

/// "Talking points" and each point, ticked or not, packed into lines that fit the width.
fn talking_points(d: &mut Doc, a: &TypedAnalysis, t: &Theme) {
    let mut line = vec![Span::styled("Talking points ", t.heading)];
    let mut used = 15;
    for (i, p) in TalkingPoint::ALL.iter().enumerate() {
        let (mark, style) = if a.points[i] {
            ("✓ ", t.good)
        } else {
            ("· ", t.muted)
        };
        let item = format!(" {mark}{}", p.label());
        let w = item.chars().count();
        if used + w > d.width && used > 15 {
            d.line(Line::from(std::mem::take(&mut line)));
            line.push(Span::raw(" ".repeat(15)));
            used = 15;
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
    let inner = frame(t, &title, area, buf);
    if let Some(a) = &run.analysis {
        let d = feedback_doc(run, a, t, readable(inner.width));
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
    let inner = frame(t, &title, area, buf);
    let mut d = Doc::new(usize::from(inner.width));
    if let Some(q) = q {
        let mut qd = Doc::new(usize::from(inner.width));
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
    d.blank();
    let prompts = inner.height >= 18;
    for (i, check) in run.rubric.checks().iter().enumerate() {
        let here = i == run.check;
        let style = if here { t.selected } else { t.base };
        d.line(Line::from(vec![
            Span::styled(if here { " ▸ " } else { "   " }, t.key),
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
            d.prefixed("       ", "       ", check.prompt, t.muted);
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
    draw_doc(&d, 0, inner, buf);
}

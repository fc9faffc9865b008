//! The story editor: a one-line preview of each field, the focused field in full, coaching beside it.

use super::super::{Editor, Field, Stories};
use super::insights;
use crate::domain::content::Library;
use crate::kit::{Theme, ViewCtx};
use crate::widgets::doc::{Doc, fit};
use crate::widgets::text::{draw_line, draw_lines};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

/// From this terminal width the coaching panel sits beside the editor rather than below it.
const SIDE_BY_SIDE: u16 = 100;
/// Width of the field labels in the previews.
const LABEL: usize = 11;

pub(super) fn render(st: &Stories, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let Some(ed) = st.editor.as_ref() else {
        return;
    };
    let (fields, panel) = if area.width >= SIDE_BY_SIDE {
        let side = (area.width * 2 / 5).clamp(36, 60);
        let [l, r] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(side)]).areas(area);
        (l, r)
    } else {
        // Leave the fields their header, six previews and a focused box with three lines of text.
        let h = area.height.saturating_sub(12).clamp(4, 12);
        let [top, bottom] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(h)]).areas(area);
        (top, bottom)
    };
    render_fields(cx, ed, fields, buf);
    insights::render(ed, &st.coach.guidance, cx.theme, panel, buf);
}

fn render_fields(cx: &ViewCtx, ed: &Editor, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let lib = cx.data.library();
    let width = usize::from(area.width);
    let mut errors = Doc::new(width);
    if let Some(e) = &ed.error {
        errors.text(&format!("✗ Not saved: {}", e.message), t.bad);
        errors.text(&format!("  {}.", capitalise(e.hint)), t.warn);
    }
    let mut rows = vec![Constraint::Length(1)];
    rows.push(Constraint::Length(errors.len() as u16));
    for f in Field::ALL {
        rows.push(if f == ed.field {
            Constraint::Min(3)
        } else {
            Constraint::Length(1)
        });
    }
    let areas = Layout::vertical(rows).split(area);
    header(cx, ed, areas[0], buf);
    draw_lines(&errors.lines, areas[1], buf);
    for (i, f) in Field::ALL.into_iter().enumerate() {
        let a = areas[i + 2];
        if f == ed.field {
            focused(ed, f, lib, t, a, buf);
        } else {
            draw_line(&Line::from(preview(ed, f, lib, t, width)), a, buf);
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "New story · saved just now" and the way back.
fn header(cx: &ViewCtx, ed: &Editor, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let what = if ed.story.title.trim().is_empty() {
        "New story".to_string()
    } else {
        format!("“{}”", ed.story.title.trim())
    };
    let (state, style) = if ed.error.is_some() {
        ("not saved (see below)".to_string(), t.bad)
    } else if ed.is_dirty() {
        ("saving…".to_string(), t.muted)
    } else if let Some(at) = ed.saved_at {
        (format!("saved {}", super::ago(Some(at), cx.now)), t.good)
    } else if ed.is_new {
        ("saved as you type".to_string(), t.muted)
    } else {
        ("no changes yet".to_string(), t.muted)
    };
    let room = usize::from(area.width)
        .saturating_sub(state.width() + 3)
        .max(1);
    Line::from(vec![
        Span::styled(super::clip(&what, room.min(what.width())), t.title),
        Span::styled(" · ", t.muted),
        Span::styled(state, style),
    ])
    .render(area, buf);
}

/// One line for a field that does not have focus: its label and the start of its text.
fn preview(ed: &Editor, f: Field, lib: &Library, t: &Theme, width: usize) -> Vec<Span<'static>> {
    let label = Span::styled(format!(" {}", fit(f.label(), LABEL - 1)), t.heading);
    let text = match f {
        Field::Title => ed.story.title.clone(),
        Field::Cue => ed.story.cue.clone(),
        Field::Section(s) => {
            let text = ed.story.text(s).trim();
            let mut lines = text.lines();
            let first = lines.next().unwrap_or("").to_string();
            if lines.next().is_some() {
                format!("{first} …")
            } else {
                first
            }
        }
        Field::Tags => ed.story.tags.join(", "),
        Field::Questions => linked_summary(ed, lib),
    };
    let avail = width.saturating_sub(LABEL + 1);
    let body = if text.trim().is_empty() {
        Span::styled(fit("—", avail), t.muted)
    } else {
        Span::styled(super::clip(&text, avail), t.base)
    };
    vec![label, body]
}

fn linked_summary(ed: &Editor, lib: &Library) -> String {
    let n = ed.story.questions.len();
    if n == 0 {
        return String::new();
    }
    let first = ed.story.questions.first().map_or(String::new(), |id| {
        lib.question(id).map_or_else(
            || format!("{id} (not in the question bank)"),
            |q| q.text.clone(),
        )
    });
    if n == 1 {
        first
    } else {
        format!("{n} linked: {first}")
    }
}

/// The focused field in a bordered box, with its pick list for tags and questions.
fn focused(ed: &Editor, f: Field, lib: &Library, t: &Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .title(format!(" {} ", f.label()))
        .border_style(t.focus_border);
    let inner = block.inner(area);
    block.render(area, buf);
    match f {
        Field::Title => (&ed.title).render(inner, buf),
        Field::Cue => (&ed.cue).render(inner, buf),
        Field::Section(s) => (&ed.sections[s.index()]).render(inner, buf),
        Field::Tags => {
            let [input, list] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
            (&ed.tags).render(input, buf);
            tag_suggestions(ed, lib, t, list, buf);
        }
        Field::Questions => {
            let [input, list] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
            (&ed.query).render(input, buf);
            question_list(ed, lib, t, list, buf);
        }
    }
}

fn tag_suggestions(ed: &Editor, lib: &Library, t: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let s = &ed.suggestions;
    let mut lines = vec![Line::styled(
        if s.items.is_empty() {
            "Any words work as tags; no skill from the guides matches this one."
        } else if s.chosen.is_some() {
            "Skills from the guides (↑/↓ choose, Enter adds):"
        } else {
            "Skills from the guides (↓ to choose one, or type your own):"
        },
        t.muted,
    )];
    let room = usize::from(area.height).saturating_sub(1);
    let first = s.chosen.unwrap_or(0).saturating_sub(room.saturating_sub(1));
    for (i, &c) in s.items.iter().enumerate().skip(first).take(room) {
        let Some(c) = lib.competencies.get(c) else {
            continue;
        };
        let sel = s.chosen == Some(i);
        let style = if sel { t.selected } else { t.base };
        let core = if c.core { " · core" } else { "" };
        lines.push(Line::styled(
            super::clip(&format!("  {}  ({}{core})", c.id, c.name), width),
            style,
        ));
    }
    draw_lines(&lines, area, buf);
}

fn question_list(ed: &Editor, lib: &Library, t: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let l = &ed.links;
    let n = ed.story.questions.len();
    let mut lines = vec![Line::styled(
        format!(
            "{n} linked · ↑/↓ choose, Enter links or unlinks · {} shown",
            l.items.len()
        ),
        t.muted,
    )];
    if l.items.is_empty() {
        lines.push(Line::styled(
            "No question has all of these words; try fewer.",
            t.muted,
        ));
    }
    let room = usize::from(area.height).saturating_sub(1).max(1);
    let first = l.pick.saturating_sub(room - 1);
    for (i, &q) in l.items.iter().enumerate().skip(first).take(room) {
        let Some(q) = lib.questions.get(q) else {
            continue;
        };
        let linked = ed.story.questions.contains(&q.id);
        let mark = if linked { "[x] " } else { "[ ] " };
        let sel = i == l.pick;
        let style = if sel {
            t.selected
        } else if linked {
            t.good
        } else {
            Style::new()
        };
        let text = format!("{mark}{}", q.text);
        lines.push(Line::styled(super::clip(&text, width), style));
    }
    draw_lines(&lines, area, buf);
}

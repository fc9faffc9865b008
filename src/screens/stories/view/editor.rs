//! The story editor: a form of every field, the story's parts sharing the height (the focused one
//! larger) so the whole story shows while it is written, and the coaching beside or below it.

use super::super::editor::Shape;
use super::super::{Editor, Field, Stories};
use super::form::{Ask, allocate, rows_needed, wrapped};
use super::insights;
use crate::domain::content::Library;
use crate::kit::{Theme, ViewCtx};
use crate::storage::sanitize::clean_line;
use crate::widgets::doc::{Doc, fit};
use crate::widgets::text::{draw_line, draw_lines};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

/// From this terminal width the coaching panel sits beside the editor rather than below it.
const SIDE_BY_SIDE: u16 = 100;
/// Width of the field labels in the form.
const LABEL: usize = 11;
/// Rows a focused pick list (tags, questions) asks for, borders included.
const PICK_ROWS: u16 = 12;
/// From this form height a focused pick list gets its rows with the story's parts shown whole.
const ROOMY_FORM: u16 = 30;

pub(super) fn render(st: &Stories, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let Some(ed) = st.editor.as_ref() else {
        return;
    };
    if let Some(scroll) = ed.coaching {
        insights::render_whole(ed, &st.coach, cx.theme, scroll, area, buf);
        return;
    }
    let (fields, panel) = if area.width >= SIDE_BY_SIDE {
        let side = (area.width * 2 / 5).clamp(36, 60);
        let [l, r] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(side)]).areas(area);
        (l, r)
    } else {
        // Leave the form its header, the one-line fields and the story's parts at least a row each
        // beside a focused box of three lines of text.
        let h = match area.height {
            // A tiny window: one line of coaching, saying how to see the rest.
            ..16 => 3,
            // Choosing tags or questions, the list is what is read: the coaching keeps two lines.
            _ if ed.field.shape() == Shape::Pick => 4,
            _ => area.height.saturating_sub(12).clamp(4, 12),
        };
        let [top, bottom] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(h)]).areas(area);
        (top, bottom)
    };
    render_fields(cx, ed, fields, buf);
    insights::render(ed, &st.coach, cx.theme, panel, buf);
}

/// What a field asks of the form's height at `width`.
fn ask(ed: &Editor, f: Field, width: usize, limit: u16) -> Ask {
    let focused = f == ed.field;
    let (min, need, flexible) = match (f.shape(), focused) {
        (Shape::Line, true) => (3, 3, false),
        (Shape::Line | Shape::Pick, false) => (1, 1, false),
        (Shape::Pick, true) => (5, PICK_ROWS, true),
        (Shape::Text, _) => {
            let Field::Section(s) = f else {
                return Ask {
                    min: 1,
                    need: 1,
                    flexible: false,
                    focused,
                };
            };
            let text_w = if focused {
                width.saturating_sub(2)
            } else {
                width.saturating_sub(LABEL)
            };
            let text = ed.story.text(s).trim_end();
            let rows = rows_needed(text, text_w.max(1), usize::from(limit)) as u16;
            if ed.field.shape() == Shape::Pick && limit < ROOMY_FORM {
                // Choosing tags or questions in a short window: the list gets the room, the
                // story a line a part.
                (1, 1, false)
            } else if focused {
                // Borders, and a spare row to write into; at least two rows of text.
                (4, rows + 3, true)
            } else {
                (1, rows, true)
            }
        }
    };
    Ask {
        min,
        need,
        flexible,
        focused,
    }
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
    let [head, errs, form] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(errors.len() as u16),
        Constraint::Fill(1),
    ])
    .areas(area);
    header(cx, ed, head, buf);
    draw_lines(&errors.lines, errs, buf);
    let mut asks: Vec<Ask> = Field::ALL
        .iter()
        .map(|&f| ask(ed, f, width, form.height))
        .collect();
    // In a short window the sheet's cue line gives way first, so every part of the story keeps a row.
    let mins: u16 = asks.iter().map(|a| a.min).sum();
    if mins > form.height
        && ed.field != Field::Cue
        && let Some(i) = Field::ALL.iter().position(|f| *f == Field::Cue)
    {
        asks[i].min = 0;
        asks[i].need = 0;
    }
    let rows = allocate(&asks, form.height);
    let mut y = form.y;
    for (f, h) in Field::ALL.into_iter().zip(rows) {
        let a = Rect::new(form.x, y, form.width, h).intersection(form);
        y = y.saturating_add(h);
        if a.is_empty() {
            continue;
        }
        if f == ed.field {
            focused(ed, f, lib, t, a, buf);
        } else if f.shape() == Shape::Text {
            part(ed, f, t, a, buf);
        } else {
            draw_line(&Line::from(preview(ed, f, lib, t, width)), a, buf);
        }
    }
}

/// A part of the story without focus: its label, and its text wrapped in the rows it got, with the
/// marked phrases underlined.
fn part(ed: &Editor, f: Field, t: &Theme, area: Rect, buf: &mut Buffer) {
    let Field::Section(s) = f else { return };
    let label = Line::from(Span::styled(
        format!(" {}", fit(f.label(), LABEL - 1)),
        t.heading,
    ));
    draw_line(&label, area, buf);
    let text_area = Rect {
        x: area.x + LABEL as u16,
        width: area.width.saturating_sub(LABEL as u16),
        ..area
    };
    // Trailing blank lines would take rows and show nothing.
    let text = ed.story.text(s).trim_end();
    if text.trim().is_empty() {
        draw_line(&Line::styled("—", t.muted), text_area, buf);
        return;
    }
    let marks: Vec<_> = ed
        .analysis
        .flags(s)
        .iter()
        .map(|f| f.start..f.end)
        .collect();
    let mark = t.base.patch(t.warn).add_modifier(Modifier::UNDERLINED);
    let (lines, _) = wrapped(
        text,
        usize::from(text_area.width),
        usize::from(text_area.height),
        &marks,
        t.base,
        mark,
    );
    draw_lines(&lines, text_area, buf);
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

/// One line for a one-line field that does not have focus: its label and its text.
fn preview(ed: &Editor, f: Field, lib: &Library, t: &Theme, width: usize) -> Vec<Span<'static>> {
    let label = Span::styled(format!(" {}", fit(f.label(), LABEL - 1)), t.heading);
    let text = match f {
        Field::Title => ed.story.title.clone(),
        Field::Cue => ed.story.cue.clone(),
        Field::Section(s) => ed.story.text(s).lines().next().unwrap_or("").to_string(),
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
        } else if s.spaced {
            "Tags are separated by commas. Enter makes this skill a tag of its own:"
        } else if s.near {
            "No skill is spelled that way. Did you mean this one? (Enter adds it)"
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
        let heard = ed
            .heard
            .iter()
            .find(|h| h.id == c.id)
            .map_or(String::new(), |h| {
                format!(" · in your story: {}", h.cues.join(", "))
            });
        lines.push(Line::styled(
            super::clip(&format!("  {}  ({}{core}){heard}", c.id, c.name), width),
            style,
        ));
    }
    draw_lines(&lines, area, buf);
}

fn question_list(ed: &Editor, lib: &Library, t: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let l = &ed.links;
    let n = ed.story.questions.len();
    // What the list holds first; the keys (also in the footer) give way on a narrow screen.
    let head = format!(
        "{n} linked · {} shown{}{} · ↑/↓ choose, Enter links or unlinks",
        l.items.len(),
        if l.narrowed() { " for your role" } else { "" },
        if l.ranked { ", likeliest first" } else { "" }
    );
    let mut lines = vec![Line::styled(super::clip(&head, width), t.muted)];
    if l.items.is_empty() {
        // Said as it is: one word is not "all of these words", and a list held to the role may
        // have the question under another role (m shows every role's).
        let query = ed.query.text();
        let words: Vec<&str> = query.split_whitespace().collect();
        let whose = if l.narrowed() { " for your role" } else { "" };
        let what = match words.as_slice() {
            [one] => format!("No question{whose} has “{}”.", clean_line(one)),
            _ => format!("No question{whose} has all of these words; try fewer."),
        };
        // On a line of its own: on one line it was cut off below 200 columns (a regression walk).
        lines.push(Line::styled(super::clip(&what, width), t.muted));
        if l.narrowed() {
            lines.push(Line::styled(
                super::clip(
                    "Other roles' questions are hidden: m on the story list shows them.",
                    width,
                ),
                t.muted,
            ));
        }
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

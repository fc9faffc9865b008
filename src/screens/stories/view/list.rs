//! The story list: one row per story, the filter box, unreadable files, and the first-time explanation.

use super::super::Stories;
use super::super::display_title;
use super::{ago, clip, meter};
use crate::domain::stories::Order;
use crate::kit::ViewCtx;
use crate::widgets::doc::{Doc, fit};
use crate::widgets::text::{draw_line, draw_lines};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

/// Width of the "S T A R" meter column.
const METER: usize = 7;
/// Width of the "last change" column.
const WHEN: usize = 12;

pub(super) fn render(st: &Stories, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let show_filter = st.filtering || !st.filter_text().trim().is_empty();
    let [filter_area, list_area] = Layout::vertical([
        Constraint::Length(if show_filter { 3 } else { 0 }),
        Constraint::Fill(1),
    ])
    .areas(area);
    if show_filter {
        let title = if st.filtering {
            " Filter (Enter keeps it, Esc clears it) "
        } else {
            " Filter (/ to change, Esc clears it) "
        };
        let border = if st.filtering {
            t.focus_border
        } else {
            t.border
        };
        let block = Block::bordered().title(title).border_style(border);
        let inner = block.inner(filter_area);
        block.render(filter_area, buf);
        if st.filtering {
            (&st.filter).render(inner, buf);
        } else {
            draw_line(&Line::styled(st.filter_text(), t.base), inner, buf);
        }
    }

    let visible = st.shown(cx.data);
    let total = cx.data.stories().map_or(0, |s| s.len());
    let order = match st.order {
        Order::Updated => "newest first",
        Order::Title => "by title",
    };
    let title = if total == 0 {
        " Stories ".to_string()
    } else if show_filter {
        format!(" Stories: {} of {total} · {order} ", visible.len())
    } else {
        format!(" Stories: {total} · {order} ")
    };
    // Beside the list, when there is room, the selected story and its coaching.
    let selected = st
        .selected_story(cx.data)
        .filter(|_| area.width >= super::preview::BESIDE);
    let list_area = match selected {
        Some(story) => {
            let side = (list_area.width * 2 / 5).clamp(40, 80);
            let [l, r] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(side)])
                .areas(list_area);
            super::preview::render(st, cx, story, r, buf);
            l
        }
        None => list_area,
    };
    let block = Block::bordered().title(title).border_style(t.border);
    let inner = block.inner(list_area);
    block.render(list_area, buf);
    let width = usize::from(inner.width);

    let Some(store) = cx.data.stories() else {
        let mut d = Doc::new(width);
        let e = cx
            .data
            .stories_folder()
            .load_error
            .as_deref()
            .unwrap_or("unknown error");
        d.text(
            &format!("Your stories folder could not be read: {e}."),
            t.bad,
        );
        d.blank();
        d.text(
            "Nothing was changed. Fix the folder (or start clinicprep with --data-dir DIR to use \
             another one), then press n to try again.",
            t.base,
        );
        draw_lines(d.window(0, usize::from(inner.height)), inner, buf);
        return;
    };

    // Problems go below the list, so they take the rows the list does not need; with no list they
    // go in the introduction, indented as it is.
    let mut notes = Doc::new(if total == 0 {
        width.saturating_sub(2)
    } else {
        width
    });
    if !cx.data.stories_folder().bad.is_empty() {
        notes.blank();
        let n = cx.data.stories_folder().bad.len();
        notes.text(
            &format!(
                "{n} story file{} could not be read and {} left exactly as {}:",
                if n == 1 { "" } else { "s" },
                if n == 1 { "is" } else { "are" },
                if n == 1 { "it is" } else { "they are" },
            ),
            t.warn,
        );
        for b in &cx.data.stories_folder().bad {
            let at = match b.line {
                Some(l) => format!(" line {l}"),
                None => String::new(),
            };
            // The parser's wording in plain words, as `clinicprep check` puts it.
            let text = crate::storage::sanitize::clean_line(&format!(
                "{}{at}: {}",
                b.path.display(),
                crate::domain::content::plain::plain(&b.message)
            ));
            notes.prefixed("• ", "  ", &text, t.base);
        }
        let lined = cx
            .data
            .stories_folder()
            .bad
            .iter()
            .any(|b| b.line.is_some());
        notes.text(
            if lined {
                "Fix it in a text editor (the line number says where), then restart clinicprep."
            } else {
                "Fix it in a text editor, or move it out of the stories folder, then restart \
                 clinicprep."
            },
            t.muted,
        );
    }
    if !store.conflict_copies().is_empty() {
        notes.blank();
        notes.text(
            "Copies saved because a story file was changed outside clinicprep (compare and keep what you want):",
            t.warn,
        );
        for p in store.conflict_copies() {
            let text = crate::storage::sanitize::clean_line(&p.display().to_string());
            notes.prefixed("• ", "  ", &text, t.base);
        }
    }

    if total == 0 {
        let d = intro(width, cx, notes);
        draw_lines(d.window(0, usize::from(inner.height)), inner, buf);
        return;
    }

    let notes_h = notes.len().min(usize::from(inner.height) / 2);
    let [rows_area, notes_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(notes_h as u16)]).areas(inner);
    draw_lines(notes.window(0, notes_h), notes_area, buf);

    let tags_w = match width {
        100.. => 32,
        70.. => 18,
        _ => 0,
    };
    let title_w = width
        .saturating_sub(2 + METER + 2 + tags_w + WHEN + 2)
        .max(1);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("  {}", fit("Title", title_w)), t.heading),
        Span::styled(format!("  {}", fit("S T A R", METER)), t.heading),
        Span::styled(
            if tags_w > 0 {
                format!("  {}", fit("Tags", tags_w - 2))
            } else {
                String::new()
            },
            t.heading,
        ),
        Span::styled(format!("  {:>w$}", "Changed", w = WHEN), t.heading),
    ])];
    if visible.is_empty() {
        lines.push(Line::styled(
            format!(
                "  No story matches “{}”. Press Esc to clear the filter.",
                st.filter_text().trim()
            ),
            t.muted,
        ));
    }
    let room = usize::from(rows_area.height).saturating_sub(1).max(1);
    let first = st.selected.saturating_sub(room - 1);
    let rows = (first..visible.len()).take(room);
    for (i, s) in rows.filter_map(|i| Some((i, store.get(visible.get(i)?)?))) {
        let sel = i == st.selected;
        let row = if sel { t.selected } else { Style::new() };
        let mut spans = vec![Span::styled(
            format!(
                "{}{}",
                if sel { "› " } else { "  " },
                clip(display_title(&s.title), title_w)
            ),
            t.base.patch(row),
        )];
        spans.push(Span::styled("  ", row));
        spans.extend(
            meter(s.completeness(), t)
                .into_iter()
                .map(|sp| sp.patch_style(row)),
        );
        if tags_w > 0 {
            spans.push(Span::styled(
                format!("  {}", clip(&s.tags.join(", "), tags_w - 2)),
                t.accent.patch(row),
            ));
        }
        spans.push(Span::styled(
            format!("  {:>w$}", ago(s.updated, cx.now), w = WHEN),
            t.muted.patch(row),
        ));
        lines.push(Line::from(spans));
    }
    draw_lines(&lines, rows_area, buf);
}

/// What a newcomer sees before writing a story: what STAR is, why it matters, and which key to press.
/// `problems` (story files that could not be read) come first, under a heading that says there are
/// stories, only none that can be shown.
fn intro(width: usize, cx: &ViewCtx, problems: Doc) -> Doc {
    let t = cx.theme;
    let mut d = Doc::new(width.saturating_sub(2));
    if problems.is_empty() {
        d.text("No stories yet.", t.title);
    } else {
        d.text("No stories to show.", t.title);
        d.blank();
        d.lines.extend(problems.lines);
    }
    d.blank();
    d.text(
        "Interviewers ask “Tell me about a time when…”. A STAR story is a short, true story from \
         your own experience that answers them, told in four parts:",
        t.base,
    );
    for (letter, text) in [
        ("S", "Situation: where you were and what was going on."),
        ("T", "Task: what you had to do, or what was at stake."),
        (
            "A",
            "Action: what you did, step by step (most of the story).",
        ),
        ("R", "Result: how it turned out, with a number if you can."),
    ] {
        d.prefixed(&format!("  {letter}  "), "     ", text, t.base);
    }
    d.blank();
    d.text(
        "Four to six stories that show teamwork, problem solving, patient care and being organized \
         answer most questions. Any job, school or volunteering experience counts.",
        t.base,
    );
    d.blank();
    d.line(Line::from(vec![
        Span::styled("Press ", t.base),
        Span::styled("n", t.key),
        Span::styled(
            " to write your first story. It is saved as you type.",
            t.base,
        ),
    ]));
    let mut out = Doc::new(width);
    for l in d.lines {
        let mut spans = vec![Span::raw(" ")];
        spans.extend(l.spans);
        out.line(Line::from(spans));
    }
    out
}

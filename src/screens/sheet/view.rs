//! Draws the Sheet screen: whether it fits and what was left out, where the file is, the stories with
//! their place on the sheet, tips, and the sheet as it will print; or the introduction's editor.

use super::{RowState, SheetScreen, build, rows_of_sheet};
use crate::domain::profile::Profile;
use crate::domain::sheet::intro::{self, IntroCoaching};
use crate::domain::sheet::{LineKind, Sheet, fit::shows_text};
use crate::domain::stories::insights::spoken;
use crate::kit::{Theme, ViewCtx};
use crate::widgets::coaching::marker;
use crate::widgets::doc::{Doc, fit};
use crate::widgets::text::{draw_line, draw_lines};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

/// Width of the story list's state column ("not picked").
const STATE_W: usize = 10;

pub(super) fn render(s: &SheetScreen, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let sheet = build(cx);
    if let Some(ed) = &s.intro {
        return intro_editor(s, ed, cx, area, buf);
    }
    let t = cx.theme;
    let width = usize::from(area.width.saturating_sub(1));
    let mut top = Doc::new(width);
    match sheet.left_out_summary() {
        None => top.text(
            &format!(
                "Fits one page of US Letter or A4, about {}% full.",
                (sheet.fill.clamp(0.0, 1.0) * 100.0).round()
            ),
            t.good,
        ),
        Some(left) => top.text(&left, t.warn),
    }
    match &s.written {
        Some(p) => top.text(
            &format!("Written to {} · o opens it in your browser", p.display()),
            t.muted,
        ),
        None => top.text(
            "w writes sheet.html to your data folder; o writes it and opens it to print.",
            t.muted,
        ),
    }
    let top_h = (top.len() as u16).min(area.height);
    let [head, body] =
        Layout::vertical([Constraint::Length(top_h), Constraint::Fill(1)]).areas(area);
    let head = Rect {
        x: head.x.saturating_add(1).min(head.right()),
        width: head.width.saturating_sub(1),
        ..head
    };
    draw_lines(top.window(0, usize::from(top_h)), head, buf);
    if body.height == 0 {
        return;
    }
    let (side, preview) = if body.width >= 70 {
        let side_w = if body.width >= 100 { 46 } else { 36 };
        let [a, b] =
            Layout::horizontal([Constraint::Length(side_w), Constraint::Fill(1)]).areas(body);
        (a, b)
    } else {
        let list_h = body.height / 2;
        let [a, b] =
            Layout::vertical([Constraint::Length(list_h), Constraint::Fill(1)]).areas(body);
        (a, b)
    };
    stories_and_tips(s, cx, &sheet, side, buf);
    preview_box(s, &sheet, t, preview, buf);
}

fn stories_and_tips(s: &SheetScreen, cx: &ViewCtx, sheet: &Sheet, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let rows = rows_of_sheet(cx, sheet);
    let mut tips: Vec<String> = Vec::new();
    if let Some(p) = cx.data.sheet_choices_problem() {
        tips.push(p);
    }
    tips.extend(sheet.notes.iter().cloned());
    // With no stories the box holds a note instead, as many lines as it wraps to.
    let empty_note = rows.is_empty().then(|| {
        // A column free at the right, so a line that fills the box never touches its border.
        let mut d = Doc::new(usize::from(area.width.saturating_sub(3)));
        d.text(
            "No stories yet. Write 4 to 6 on the Stories screen; the best ones come here.",
            t.muted,
        );
        d
    });
    let lines = empty_note.as_ref().map_or(rows.len(), Doc::len);
    let list_h = (lines as u16 + 2).max(3);
    let tips_h = if tips.is_empty() || area.height < list_h + 4 {
        0
    } else {
        area.height - list_h.min(area.height.saturating_sub(4))
    };
    let [list, tips_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(tips_h)]).areas(area);

    let block = Block::bordered()
        .title(" Stories · p pin · d drop ")
        .border_style(t.border);
    let inner = block.inner(list);
    block.render(list, buf);
    let w = usize::from(inner.width);
    let h = usize::from(inner.height);
    if let Some(d) = &empty_note {
        draw_lines(d.window(0, h), inner, buf);
    } else {
        let start = s.sel.saturating_sub(h.saturating_sub(1));
        let lines: Vec<Line> = rows
            .iter()
            .enumerate()
            .skip(start)
            .take(h)
            .map(|(i, r)| {
                let style = match r.state {
                    RowState::Pinned | RowState::OnSheet => t.base,
                    RowState::NoRoom => t.warn,
                    RowState::NotChosen(_) => t.muted,
                };
                let chosen = i == s.sel;
                let mark = if chosen { "› " } else { "  " };
                let text = format!("{mark}{} {}", fit(r.state.label(), STATE_W), r.title);
                // A long title is shortened between words, a column short of the border.
                let text = crate::widgets::clip::clip_words(&text, w.saturating_sub(1));
                Line::from(Span::styled(
                    fit(&text, w),
                    if chosen { t.selected } else { style },
                ))
            })
            .collect();
        draw_lines(&lines, inner, buf);
    }
    if tips_h > 0 {
        let block = Block::bordered().title(" Tips ").border_style(t.border);
        let inner = block.inner(tips_area);
        block.render(tips_area, buf);
        let mut d = Doc::new(usize::from(inner.width.saturating_sub(1)));
        for tip in &tips {
            d.prefixed("› ", "  ", tip, t.base);
        }
        let h = usize::from(inner.height);
        let mut lines = d.window(0, h).to_vec();
        if d.len() > h && h > 0 {
            lines.truncate(h - 1);
            lines.push(Line::styled(
                format!("+ {} more lines", d.len() - (h - 1)),
                t.muted,
            ));
        }
        draw_lines(&lines, inner, buf);
    }
}

fn preview_box(s: &SheetScreen, sheet: &Sheet, t: &Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .title(" Preview: what prints ")
        .border_style(t.border);
    let inner = block.inner(area);
    block.render(area, buf);
    // A column kept free at the right, so a line that fills the width is not read as a cut word.
    let d = preview_doc(sheet, t, usize::from(inner.width.saturating_sub(1)).max(1));
    draw_lines(d.window(s.scroll, usize::from(inner.height)), inner, buf);
}

/// The sheet as lines of text, in the order it prints.
pub(super) fn preview_doc(sheet: &Sheet, t: &Theme, width: usize) -> Doc {
    let mut d = Doc::new(width);
    let hd = &sheet.header;
    let name = if hd.name.is_empty() {
        "My interview sheet (to put your name here, press p on Home)"
    } else {
        &hd.name
    };
    d.text(name, t.title);
    for line in hd.job.iter() {
        d.text(line, t.base);
    }
    if let Some(when) = &hd.when {
        d.text(&format!("Interview: {when}"), t.base);
    }
    if !hd.clinic.is_empty() {
        d.text(&hd.clinic.join(" · "), t.base);
    }
    let heading = |d: &mut Doc, title: &str| {
        d.blank();
        d.text(title, t.heading);
    };
    if let Some(intro) = &sheet.intro {
        heading(&mut d, "Tell me about yourself");
        d.text(intro, t.base);
    }
    if !sheet.stories.is_empty() {
        heading(&mut d, "My stories");
        for st in &sheet.stories {
            d.prefixed(
                "• ",
                "  ",
                &format!("{}{}", st.title, shows_text(&st.shows)),
                t.base,
            );
            match st.kind {
                LineKind::Nothing => d.prefixed("  ", "  ", "(no cue line yet)", t.muted),
                LineKind::Cue => d.prefixed("  ", "  ", &st.line, t.base),
                LineKind::Sentences => d.prefixed("  ", "  ", &st.line, t.muted),
            }
        }
    }
    if !sheet.asks.is_empty() {
        heading(&mut d, "Questions to ask");
        for a in &sheet.asks {
            d.prefixed("• ", "  ", a, t.base);
        }
    }
    if !sheet.certifications.is_empty() {
        heading(&mut d, "Certifications");
        for c in &sheet.certifications {
            d.prefixed("• ", "  ", c, t.base);
        }
    }
    if let Some(b) = &sheet.bring {
        heading(&mut d, "What to bring");
        d.text(b, t.base);
    }
    if !sheet.facts.is_empty() {
        heading(&mut d, "Facts worth saying");
        for f in &sheet.facts {
            d.prefixed(
                "• ",
                "  ",
                &format!("{} {} Source: {}", f.question, f.text, f.source),
                t.base,
            );
        }
    }
    d
}

fn intro_editor(
    s: &SheetScreen,
    ed: &super::IntroEditor,
    cx: &ViewCtx,
    area: Rect,
    buf: &mut Buffer,
) {
    let t = cx.theme;
    let text = ed.field.text();
    let coaching = intro::coach(&text, s.words_per_minute, &job_words(cx), &ed.fillers);
    let field_h = (area.height / 2).clamp(3.min(area.height), 12);
    let [top, field, rest] = Layout::vertical([
        Constraint::Length(1.min(area.height)),
        Constraint::Length(field_h),
        Constraint::Fill(1),
    ])
    .areas(area);
    // As the story editor says it: "not saved yet" while typing read as a warning to a walk,
    // though the text is saved within a second.
    let saved = if ed.due.is_some() {
        "saving…"
    } else {
        "saved"
    };
    draw_line(
        &Line::from(vec![
            Span::styled(" Tell me about yourself", t.heading),
            Span::styled(format!(" · {saved} · Esc when done"), t.muted),
        ]),
        top,
        buf,
    );
    let block = Block::bordered()
        .title(" Your 30-second introduction ")
        .border_style(t.focus_border);
    let inner = block.inner(field);
    block.render(field, buf);
    (&ed.field).render(inner, buf);
    coaching_box(&coaching, t, rest, buf);
}

fn coaching_box(c: &IntroCoaching, t: &Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .title(" Coaching (updates as you type) ")
        .border_style(t.border);
    let inner = block.inner(area);
    block.render(area, buf);
    let mut d = Doc::new(usize::from(inner.width));
    let good = (c.target.0..=c.target.1).contains(&c.words);
    d.text(
        &format!(
            "{} words · about {} spoken · aim for {}–{} words (about 30 seconds)",
            c.words,
            spoken(c.seconds),
            c.target.0,
            c.target.1
        ),
        if good { t.good } else { t.base },
    );
    d.text(
        "Shape: where you are now → what you did before → why this job.",
        t.muted,
    );
    for i in &c.insights {
        let (mark, style) = marker(i.level, t);
        d.prefixed(mark, "  ", &i.text(), style);
    }
    if c.words == 0 {
        d.prefixed(
            "› ",
            "  ",
            "Or press Ctrl-A for a starter built from your profile, with blanks to fill in.",
            t.accent,
        );
    }
    draw_lines(d.window(0, usize::from(inner.height)), inner, buf);
}

/// Names of the job and clinic, for the "name the job" tip.
fn job_words(cx: &ViewCtx) -> Vec<String> {
    let p: &Profile = cx.data.profile();
    let lib = cx.data.library();
    let mut out: Vec<String> = Vec::new();
    for id in &p.roles {
        if let Some(r) = lib.role(id) {
            out.push(r.short.clone());
            out.push(r.name.clone());
            out.extend(r.also_called.iter().cloned());
        }
    }
    if !p.employer.trim().is_empty() {
        out.push(p.employer.trim().to_string());
    }
    out
}

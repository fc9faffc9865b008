//! Draws the role-fit guide: a question with its answers, or the ranked roles with reasons and
//! where each comes from.

use super::{Fit, Stage};
use crate::domain::content::{FitQuestion, Library, Role};
use crate::domain::fit::{Answers, RoleFit, Shown, chosen, score};
use crate::kit::{Theme, ViewCtx};
use crate::widgets::doc::Doc;
use crate::widgets::text::draw_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Clear, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

const MAX_WIDTH: u16 = 90;

pub(super) fn render(f: &Fit, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let lib = cx.data.library();
    let w = area.width.min(MAX_WIDTH);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        width: w,
        ..area
    };
    Clear.render(r, buf);
    buf.set_style(r, t.base);
    let title = match f.stage {
        Stage::Question(n) => format!(
            " Which job fits you? · question {} of {} ",
            n + 1,
            lib.fit.len()
        ),
        Stage::Result => " Which job fits you? · your result ".to_string(),
    };
    let block = Block::bordered()
        .title(Span::styled(title, t.title))
        .border_style(t.focus_border);
    let inner = block.inner(r);
    block.render(r, buf);
    if inner.width < 4 || inner.height < 1 {
        return;
    }
    let body = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let width = usize::from(body.width.saturating_sub(1)).max(1);
    let doc = match f.stage {
        Stage::Question(n) => match lib.fit.get(n) {
            Some(q) => question_doc(q, &f.answers, f.cursor, width, t),
            None => Doc::new(width),
        },
        Stage::Result => result_doc(lib, &f.answers, width, t),
    };
    let h = usize::from(body.height);
    let scroll = match f.stage {
        Stage::Result => f.scroll.min(doc.len().saturating_sub(h)),
        Stage::Question(_) => 0,
    };
    draw_lines(doc.window(scroll, h), body, buf);
    if doc.len() > h {
        let mut state = ScrollbarState::new(doc.len().saturating_sub(h)).position(scroll);
        Scrollbar::new(ScrollbarOrientation::VerticalRight).render(inner, buf, &mut state);
    }
}

fn question_doc(q: &FitQuestion, answers: &Answers, cursor: usize, w: usize, t: &Theme) -> Doc {
    let mut d = Doc::new(w);
    d.text(&q.ask, t.title);
    if !q.help.is_empty() {
        d.text(&q.help, t.muted);
    }
    d.blank();
    let saved = chosen(q, answers).map(|o| &o.id);
    for (i, o) in q.options.iter().enumerate() {
        let style = if i == cursor { t.selected } else { t.base };
        // The cursor is drawn as a mark too, as in the set-up's lists: a terminal without colors
        // or reverse video still shows where Enter goes.
        let mark = match (i == cursor, saved == Some(&o.id)) {
            (true, true) => "› (•) ",
            (true, false) => "› ( ) ",
            (false, true) => "  (•) ",
            (false, false) => "  ( ) ",
        };
        d.prefixed(mark, "      ", &o.text, style);
    }
    d.blank();
    d.text(
        "↑/↓ and Enter choose · → skips · Shift-Tab goes back · Esc closes (answers are kept)",
        t.muted,
    );
    d
}

/// The ranked roles, in words a newcomer can read, with where each claim comes from.
pub fn result_doc(lib: &Library, answers: &Answers, w: usize, t: &Theme) -> Doc {
    let o = score(lib, answers);
    let mut d = Doc::new(w);
    d.text(
        &format!("{} of {} questions answered.", o.answered, o.questions),
        t.muted,
    );
    match o.best() {
        Some(best) => {
            let rest: Vec<&str> = o.ranked[1..]
                .iter()
                .map(|f| f.role.short.as_str())
                .collect();
            d.text(
                &format!(
                    "Best fit for you: {}. Then: {}.",
                    best.role.name,
                    rest.join(", ")
                ),
                t.title,
            );
            if o.is_close() {
                d.text(
                    "Your top two are close: read the reasons and trust what matters most to you.",
                    t.warn,
                );
            }
            d.text(
                &format!(
                    "Enter makes {} the job you prepare for. r answers again.",
                    best.role.short
                ),
                t.accent,
            );
        }
        None => d.text(
            "No answers yet, so no job stands out. Press r to answer the questions; the facts \
             about each job are below.",
            t.title,
        ),
    }
    for (i, fit) in o.ranked.iter().enumerate() {
        d.blank();
        role_part(&mut d, i + 1, fit, t);
    }
    d.blank();
    d.text(
        "These are national facts from the role guides. Pay and rules near you can differ: check \
         local job postings and your state's licensing board.",
        t.muted,
    );
    d
}

fn role_part(d: &mut Doc, rank: usize, fit: &RoleFit<'_>, t: &Theme) {
    let r = fit.role;
    let points = if fit.score.abs() == 1 {
        "point"
    } else {
        "points"
    };
    d.line(Line::from(vec![
        Span::styled(format!("{rank}. {} ", r.name), t.heading),
        Span::styled(format!("({}) · {} {points}", r.short, fit.score), t.muted),
    ]));
    // Each group takes the reasons whose points have this sign.
    let groups = [
        ("Fits you", "+ ", 1),
        ("Good to know", "· ", 0),
        ("Watch out", "- ", -1),
    ];
    for (title, mark, sign) in groups {
        let items: Vec<&Shown<'_>> = fit
            .reasons
            .iter()
            .filter(|x| x.points.signum() == sign)
            .map(|x| &x.shown)
            .collect();
        if items.is_empty() {
            continue;
        }
        d.prefixed("  ", "  ", title, t.base);
        for s in items {
            shown(d, mark, s, r, t);
        }
    }
    d.prefixed("  ", "  ", "The facts", t.base);
    for s in &fit.facts {
        shown(d, "· ", s, r, t);
    }
}

fn shown(d: &mut Doc, mark: &str, s: &Shown<'_>, role: &Role, t: &Theme) {
    let style = match mark {
        "+ " => t.good,
        "- " => t.warn,
        _ => t.base,
    };
    d.prefixed(&format!("   {mark}"), "     ", s.text, style);
    let source = match s.figure {
        Some(f) => format!("{}: {} ({}; {})", f.label, f.value, f.source, f.as_of),
        None => format!("See the {}.", s.source(role)),
    };
    d.prefixed("     ", "     ", &source, t.muted);
    if s.varies_by_state {
        d.prefixed(
            "     ",
            "     ",
            "This depends on your state: check your state's licensing board.",
            t.muted,
        );
    }
}

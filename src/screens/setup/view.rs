//! Draws the set-up: one step at a time in a box, with what it is for and the keys that work.

use super::{Setup, Step};
use crate::domain::prep::reading as date_reading;
use crate::domain::profile::{Background, Setting};
use crate::kit::{Theme, ViewCtx};
use crate::widgets::doc::Doc;
use crate::widgets::text::draw_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

/// Widest the box gets: past this, lines are long to read.
const MAX_WIDTH: u16 = 78;

pub(super) fn render(s: &Setup, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let w = area.width.min(MAX_WIDTH);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        width: w,
        ..area
    };
    Clear.render(r, buf);
    buf.set_style(r, t.base);
    let title = format!(
        " Your profile · step {} of {} ",
        s.step.index() + 1,
        Step::ALL.len()
    );
    let block = Block::bordered()
        .title(Span::styled(title, t.title))
        .border_style(t.focus_border);
    let inner = block.inner(r);
    block.render(r, buf);
    if inner.width < 4 || inner.height < 2 {
        return;
    }
    let text_w = usize::from(inner.width.saturating_sub(2));
    let (above, below) = docs(s, cx, text_w, t);
    let body = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let field = match s.step {
        Step::Date => Some(&s.date),
        Step::Name => Some(&s.name),
        Step::Employer => Some(&s.employer),
        Step::Certifications => Some(&s.certifications),
        _ => None,
    };
    let top = list_window(s, &above, body.height);
    let shown = above.window(top, usize::from(body.height));
    draw_lines(shown, body, buf);
    let mut y = body.y + shown.len() as u16;
    if let Some(f) = field
        && y < body.bottom()
    {
        let row = Rect {
            y,
            height: 1,
            ..body
        };
        let mut area = f.area().clone();
        area.set_cursor_line_style(Style::new());
        area.set_style(t.selected);
        area.render(row, buf);
        y += 2;
    }
    if y < body.bottom() {
        let rest = Rect {
            y,
            height: body.bottom() - y,
            ..body
        };
        draw_lines(below.window(0, usize::from(rest.height)), rest, buf);
    }
}

/// The first line of `above` to show so the highlighted list line stays in view.
fn list_window(s: &Setup, above: &Doc, height: u16) -> usize {
    let h = usize::from(height);
    if s.list_len() == 0 || above.len() <= h {
        return 0;
    }
    // The list is the last `list_len` lines of `above`.
    let first_item = above.len() - s.list_len();
    let line = first_item + s.cursor;
    line.saturating_sub(h.saturating_sub(1))
}

/// The text above the field or list (including the list), and the notes below it.
fn docs(s: &Setup, cx: &ViewCtx, w: usize, t: &Theme) -> (Doc, Doc) {
    let lib = cx.data.library();
    let mut a = Doc::new(w);
    let mut b = Doc::new(w);
    let ask = |d: &mut Doc, q: &str, why: &str| {
        d.text(q, t.title);
        d.text(why, t.muted);
        d.blank();
    };
    match s.step {
        Step::Roles => {
            if s.first_start {
                a.text(
                    "Welcome! A few quick questions so clinicprep can coach you toward your \
                     interview.",
                    t.accent,
                );
                a.line(Line::default());
            }
            ask(
                &mut a,
                "Which job are you interviewing for?",
                "Pick one or more. clinicprep then shows your role's guide, cards and questions \
                 first. Space ticks, Enter goes on.",
            );
            for (i, role) in lib.roles.iter().enumerate() {
                let on = s.roles.get(i).copied().unwrap_or(false);
                a.line(item(
                    t,
                    s.cursor == i,
                    if on { "[x] " } else { "[ ] " },
                    &format!("{}: {}", role.short, role.name),
                ));
            }
            let n = lib.roles.len();
            a.line(item(
                t,
                s.cursor == n,
                if s.not_sure { "[x] " } else { "[ ] " },
                "Not sure yet: help me choose",
            ));
            if s.first_start {
                b.line(Line::default());
                b.text(
                    "Every step is optional. Esc skips the rest; press p on Home any time to \
                     come back.",
                    t.muted,
                );
            }
        }
        Step::Date => {
            ask(
                &mut a,
                "When is your interview?",
                "With a date, clinicprep spreads your cards so you see every one before the day, \
                 and plans each day for you.",
            );
            match date_reading(&s.date.text(), cx.today) {
                Some(Ok(when)) => {
                    b.text(&when, t.good);
                    if s.date.is_offered() {
                        b.text(&crate::widgets::field::offered_note("date"), t.muted);
                    }
                }
                Some(Err(why)) => b.text(&why, t.warn),
                None => b.text(
                    &format!(
                        "Type it like {}. Leave it empty if you do not know yet.",
                        crate::domain::prep::date_examples(cx.today)
                    ),
                    t.muted,
                ),
            }
        }
        Step::Setting => {
            ask(
                &mut a,
                "Where is the job?",
                "This picks the questions to ask the interviewer that suit the place.",
            );
            for (i, v) in Setting::ALL.iter().enumerate() {
                let mark = if s.setting == Some(*v) {
                    "(•) "
                } else {
                    "( ) "
                };
                a.line(item(t, s.cursor == i, mark, v.label()));
            }
            let n = Setting::ALL.len();
            let mark = if s.setting.is_none() {
                "(•) "
            } else {
                "( ) "
            };
            a.line(item(t, s.cursor == n, mark, "Not sure, or skip"));
        }
        Step::Background => {
            ask(
                &mut a,
                "What best describes you?",
                "Your coaching follows it: a CNA moving into therapy gets questions about that \
                 move, a new graduate the licensing ones.",
            );
            for (i, v) in Background::ALL.iter().enumerate() {
                let mark = if s.background == Some(*v) {
                    "(•) "
                } else {
                    "( ) "
                };
                a.line(item(t, s.cursor == i, mark, v.label()));
            }
            let n = Background::ALL.len();
            let mark = if s.background.is_none() {
                "(•) "
            } else {
                "( ) "
            };
            a.line(item(t, s.cursor == n, mark, "Skip"));
        }
        Step::Name => {
            ask(
                &mut a,
                "What is your name? (optional)",
                "It goes at the top of your one-page interview sheet.",
            );
        }
        Step::Employer => {
            ask(
                &mut a,
                "Which clinic or employer? (optional)",
                "It goes on your one-page interview sheet.",
            );
            if s.employer.is_offered() {
                b.text(
                    &crate::widgets::field::offered_note("clinic or employer"),
                    t.muted,
                );
            }
        }
        Step::Certifications => {
            ask(
                &mut a,
                "Which certifications do you hold? (optional)",
                "Separate them with commas, like CNA, CPR/BLS. They go on your one-page sheet.",
            );
        }
        Step::Review => {
            ask(
                &mut a,
                "Is this right?",
                "Enter saves it. Shift-Tab goes back to change something.",
            );
            let roles = s.chosen_roles(lib);
            let role_text = if s.not_sure {
                "Not sure yet: the role-fit questions come next".to_string()
            } else if roles.is_empty() {
                "Every role".to_string()
            } else {
                roles
                    .iter()
                    .filter_map(|r| lib.role(r))
                    .map(|r| r.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let or_none = |v: String| {
                if v.trim().is_empty() {
                    "—".to_string()
                } else {
                    v
                }
            };
            let rows = [
                ("Job", role_text),
                (
                    "Interview",
                    match date_reading(&s.date.text(), cx.today) {
                        Some(Ok(when)) => when,
                        _ => or_none(s.date.text()),
                    },
                ),
                (
                    "Setting",
                    s.setting.map_or("—".into(), |v| v.label().to_string()),
                ),
                (
                    "Background",
                    s.background.map_or("—".into(), |v| v.label().to_string()),
                ),
                ("Name", or_none(s.name.text())),
                ("Employer", or_none(s.employer.text())),
                ("Certifications", or_none(s.certification_list().join(", "))),
            ];
            for (k, v) in rows {
                a.prefixed(&format!("{k:<15}"), &" ".repeat(15), &v, t.base);
            }
        }
    }
    (a, b)
}

/// One choice in a list: the mark and the text, highlighted when selected. The highlighted row
/// also gets a "›" pointer, so the row Enter takes is plain to see with or without colors (on a
/// one-choice step the "(•)" follows it).
fn item(t: &Theme, selected: bool, mark: &str, text: &str) -> Line<'static> {
    let style = if selected { t.selected } else { t.base };
    let pointer = if selected { "› " } else { "  " };
    Line::from(vec![
        Span::styled(pointer, t.accent),
        Span::styled(mark.to_string(), style),
        Span::styled(text.to_string(), style),
    ])
}

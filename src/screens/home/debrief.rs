//! Home's notes after an interview: once it is over (an hour after it starts, or its day past), n
//! opens a box to write how it went (what they asked, what went well, what to change), saved by
//! itself as it is typed.

use super::Home;
use crate::domain::prep::clock;
use crate::kit::{Action, Ctx, Status, Theme, ViewCtx};
use crate::widgets::doc::Doc;
use crate::widgets::field::{Lines, TextField};
use crate::widgets::text::draw_lines;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// How long after the last change the notes are saved by itself: long enough not to write at every
/// key, short enough that a crash loses a few words at most.
const AUTOSAVE_DELAY: TimeDelta = TimeDelta::milliseconds(750);
/// How long to wait before trying again after a save failed.
const RETRY_DELAY: TimeDelta = TimeDelta::seconds(5);

/// The notes while they are open.
#[derive(Debug)]
pub struct DebriefEditor {
    /// The interview the notes are about.
    pub date: NaiveDate,
    pub field: TextField,
    /// When the next autosave is due; `None` when everything is on disk.
    pub due: Option<DateTime<Utc>>,
}

impl Home {
    /// Opens the notes on the interview just past; while the next one is still ahead, the notes
    /// on the last interview noted, to read before the next. With neither, the status line says
    /// when there will be something to note.
    pub(super) fn open_debrief(&mut self, cx: &mut Ctx) {
        let time = cx.data.profile().interview_time;
        // Over once its day has passed, or on the day an hour after it starts.
        let over = cx.data.interview_over(cx.offset, cx.now);
        let past = cx.data.interview().filter(|d| *d < cx.today || over);
        let last_noted = cx.data.debriefs().interviews.last().map(|d| d.date);
        let Some(date) = past.or(last_noted) else {
            return cx.say(Status::info(match cx.data.interview() {
                Some(d) if d == cx.today => format!(
                    "After your interview{}, press n here to note how it went.",
                    time.map_or(" today".to_string(), |t| format!(" at {} today", clock(t)))
                ),
                Some(d) => format!(
                    "After your interview on {}, press n here to note how it went.",
                    d.format("%A, %B %-d")
                ),
                None => "Set your interview date with i first. After the interview, n notes how \
                         it went."
                    .to_string(),
            }));
        };
        // The writer says why when this window may not write.
        if cx.writer().is_none() {
            return;
        }
        let text = cx.data.debriefs().notes_for(date).unwrap_or_default();
        let mut field = TextField::with_text(
            Lines::Many,
            "They asked about …  It went well when …  Next time I will …",
            text,
        );
        field
            .area_mut()
            .set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        field.area_mut().set_placeholder_style(cx.theme.muted);
        field.area_mut().set_max_histories(1000);
        self.debrief = Some(DebriefEditor {
            date,
            field,
            due: None,
        });
        self.detail = false;
    }

    /// Keys while the notes are open: text is typed, Ctrl-S saves now, Esc saves and closes.
    pub(super) fn update_debrief(&mut self, action: Action, cx: &mut Ctx) {
        let Some(ed) = &mut self.debrief else {
            return;
        };
        let changed = match action {
            Action::Edit(key) => ed.field.key(key),
            Action::Paste(text) => ed.field.paste(&text),
            Action::Save => {
                save(&mut self.debrief, cx, true);
                return;
            }
            Action::Back => {
                let noted = !ed.field.text().trim().is_empty();
                if save(&mut self.debrief, cx, true) && noted {
                    cx.say(Status::info(
                        "Your notes are saved. When you have a new interview, set its date with i.",
                    ));
                }
                self.debrief = None;
                return;
            }
            other => {
                cx.ignore(other);
                false
            }
        };
        if changed && let Some(mut w) = cx.writer() {
            w.note_debrief(ed.date, &ed.field.text());
            ed.due = Some(cx.now + AUTOSAVE_DELAY);
        }
    }

    /// Saves the notes when their autosave is due; true when there was something to do.
    pub(super) fn tick_debrief(&mut self, cx: &mut Ctx) -> bool {
        let due = self.debrief.as_ref().and_then(|e| e.due);
        if due.is_some_and(|d| d <= cx.now) {
            save(&mut self.debrief, cx, false);
            return true;
        }
        false
    }
}

/// Saves the notes if they have unsaved changes (or `now` is asked for), and says so on failure,
/// keeping the text in memory and trying again later. True when they are on disk.
fn save(ed: &mut Option<DebriefEditor>, cx: &mut Ctx, now: bool) -> bool {
    let Some(ed) = ed else { return false };
    if ed.due.is_none() && !now {
        return true;
    }
    let Some(mut w) = cx.writer() else {
        return false;
    };
    match w.save_debriefs() {
        Ok(()) => {
            ed.due = None;
            true
        }
        Err(text) => {
            ed.due = Some(cx.now + RETRY_DELAY);
            // Said once: a file that cannot be written over already says so.
            let kept = if text.contains("kept only while the app is open") {
                String::new()
            } else {
                " Your notes are kept while clinicprep is open.".to_string()
            };
            cx.say(Status::error(format!("{text}{kept}")));
            false
        }
    }
}

/// The notes' box over Home: what to write about, the text, and how it is saved.
pub(super) fn render(ed: &DebriefEditor, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t: &Theme = cx.theme;
    let r = super::view::popup(area, 76, 16, buf);
    let b = super::view::block(t, " How did it go? ", true);
    let inner = b.inner(r);
    b.render(r, buf);
    let text_w = usize::from(inner.width.saturating_sub(2));
    let mut ask = Doc::new(text_w);
    ask.text(
        &format!(
            "Your interview on {}: what did they ask, what went well, and what would you do \
             differently next time?",
            ed.date.format("%A, %B %-d")
        ),
        t.base,
    );
    let mut foot = Doc::new(text_w);
    match cx.data.debriefs_problem() {
        Some(problem) => foot.text(&problem, t.warn),
        None => foot.text(
            "Saved as you type in interviews.toml · Esc closes · Ctrl-S saves now",
            t.muted,
        ),
    }
    let [top, _, input, _, bottom] = Layout::vertical([
        Constraint::Length(ask.len() as u16),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(foot.len() as u16),
    ])
    .areas(inner);
    let pad = |r: Rect| Rect {
        x: r.x + 1,
        width: r.width.saturating_sub(2),
        ..r
    };
    draw_lines(ask.window(0, usize::from(top.height)), pad(top), buf);
    let mut f = ed.field.area().clone();
    f.set_cursor_line_style(Style::new());
    f.render(pad(input), buf);
    draw_lines(foot.window(0, usize::from(bottom.height)), pad(bottom), buf);
}

//! The one wrapper around ratatui-textarea: keys the keymap owns never reach the text.

use crate::storage::sanitize;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea};

/// Whether a field holds one line (a title, a search) or several (a story's Situation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// What a view says under a field offered for replacing (see [`TextField::offer_for_replacing`]),
/// `what` naming its value ("date").
pub fn offered_note(what: &str) -> String {
    format!("Type a new {what} to replace it, or Backspace to edit it.")
}

/// A text field.
#[derive(Debug, Clone)]
pub struct TextField {
    area: TextArea<'static>,
    lines: Lines,
    /// Set by [`TextField::offer_for_replacing`] until the next key reaches the text.
    offered: bool,
}

impl TextField {
    /// An empty field showing `placeholder` until something is typed.
    pub fn new(lines: Lines, placeholder: &str) -> TextField {
        let mut area = TextArea::default();
        area.set_cursor_line_style(Style::new());
        area.set_placeholder_text(placeholder);
        // One Ctrl-Z takes back a word, not a letter (vendor/ratatui-textarea/PATCHES.md).
        area.set_word_undo(true);
        TextField {
            area,
            lines,
            offered: false,
        }
    }

    /// A field holding `text`, with the cursor at its end.
    pub fn with_text(lines: Lines, placeholder: &str, text: &str) -> TextField {
        let mut field = TextField::new(lines, placeholder);
        field.area = TextArea::from(text.split('\n'));
        field.area.set_cursor_line_style(Style::new());
        field.area.set_placeholder_text(placeholder);
        field.area.set_word_undo(true);
        field.area.move_cursor(CursorMove::Bottom);
        field.area.move_cursor(CursorMove::End);
        field
    }

    /// Types `key` into the field. Returns true if the text changed. Tab, Shift-Tab, Esc and
    /// Ctrl-S belong to the keymap and never reach the text, nor does Enter (or a newline character
    /// a terminal may send) in a one-line field.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        let keymaps = matches!(key.code, KeyCode::Tab | KeyCode::BackTab | KeyCode::Esc)
            || (key.code == KeyCode::Char('s') && key.modifiers.contains(KeyModifiers::CONTROL));
        let newline = matches!(key.code, KeyCode::Enter | KeyCode::Char('\n' | '\r'));
        if keymaps || (newline && self.lines == Lines::One) {
            return false;
        }
        // A letter first replaces an offered text; Backspace, Delete or an arrow first keeps it.
        let letter = matches!(key.code, KeyCode::Char(_))
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if std::mem::take(&mut self.offered) && letter {
            self.clear();
        }
        // An arrow without Shift ends a selection, as in any text box; the textarea keeps it when
        // the cursor cannot move (Right at the end), and the next letter would replace it all.
        let moves = matches!(
            key.code,
            KeyCode::Left
                | KeyCode::Right
                | KeyCode::Up
                | KeyCode::Down
                | KeyCode::Home
                | KeyCode::End
        );
        if moves && !key.modifiers.contains(KeyModifiers::SHIFT) {
            self.area.cancel_selection();
        }
        self.area.input(key)
    }

    /// Selects the whole text, so the next letter typed replaces it and an arrow keeps it: a search
    /// box opened again offers its last query this way.
    pub fn select_all(&mut self) {
        if !self.text().is_empty() {
            self.area.select_all();
        }
    }

    /// Offers the text for replacing: the next letter typed (or text pasted) replaces it whole,
    /// while Backspace, Delete or an arrow first keeps it to edit. For a field opened on a value
    /// more often changed whole than edited, such as the interview date: typed after the old date,
    /// a new one made text no date reads as, and someone new to terminals had to erase the old
    /// one key by key first. Unlike [`TextField::select_all`], Backspace takes one letter.
    pub fn offer_for_replacing(&mut self) {
        self.offered = !self.text().is_empty();
    }

    /// True while the text is offered for replacing (nothing typed since), so a view can say so.
    pub fn is_offered(&self) -> bool {
        self.offered
    }

    /// Pastes `text`: control characters removed, and line breaks kept only in a field of several
    /// lines. Returns true if the text changed.
    pub fn paste(&mut self, text: &str) -> bool {
        if std::mem::take(&mut self.offered) {
            self.clear();
        }
        let clean = match self.lines {
            Lines::One => sanitize::clean_line(text),
            Lines::Many => sanitize::clean(text),
        };
        // One undo step, even when it replaces a selection.
        self.area.undo_group(|a| a.insert_str(clean))
    }

    /// Where the cursor is, as a byte offset into [`TextField::text`].
    pub fn cursor_offset(&self) -> usize {
        let ratatui_textarea::DataCursor(row, col) = self.area.cursor();
        self.offset_at(row, col)
    }

    /// Selects the next blank in [brackets] after the cursor (`forward`) or the one before the
    /// cursor or selection, going round at the ends, so what is typed next replaces it: a starter's
    /// blanks are filled one Tab at a time, with no erasing. False when there is none.
    pub fn select_blank(&mut self, forward: bool) -> bool {
        let text = self.text();
        let blanks = blanks(&text);
        let at = self.cursor_offset();
        let from = self
            .area
            .selection_range()
            .map_or(at, |((row, col), _)| self.offset_at(row, col).min(at));
        let pick = if forward {
            blanks.iter().find(|b| b.start >= at).or(blanks.first())
        } else {
            blanks
                .iter()
                .rev()
                .find(|b| b.end <= from)
                .or(blanks.last())
        };
        let Some(blank) = pick.cloned() else {
            return false;
        };
        self.offered = false;
        self.area.cancel_selection();
        self.set_cursor_offset(blank.start);
        self.area.start_selection();
        self.set_cursor_offset(blank.end);
        true
    }

    /// The byte offset into [`TextField::text`] of (`row`, column `col` in characters).
    fn offset_at(&self, row: usize, col: usize) -> usize {
        let lines = self.area.lines();
        let before: usize = lines.iter().take(row).map(|l| l.len() + 1).sum();
        let line = lines.get(row).map_or("", String::as_str);
        // Characters are bytes in ASCII, most stories; the coach asks for this several times a key.
        if line.is_ascii() {
            return before + col.min(line.len());
        }
        before + line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
    }

    /// The (row, column in characters) of byte `offset` of [`TextField::text`], clamped to the text.
    fn position(&self, offset: usize) -> (usize, usize) {
        let mut start = 0;
        let lines = self.area.lines();
        for (row, line) in lines.iter().enumerate() {
            let end = start + line.len();
            if offset <= end || row + 1 == lines.len() {
                let at = offset.saturating_sub(start).min(line.len());
                return (row, line[..floor_boundary(line, at)].chars().count());
            }
            start = end + 1;
        }
        (0, 0)
    }

    /// Puts the cursor at byte `offset` of [`TextField::text`].
    pub fn set_cursor_offset(&mut self, offset: usize) {
        let (row, col) = self.position(offset);
        jump(&mut self.area, row, col);
    }

    /// Replaces bytes `start..end` of [`TextField::text`] with `with`, as one undo step, leaving the
    /// cursor after it. Returns true if the text changed.
    pub fn replace(&mut self, start: usize, end: usize, with: &str) -> bool {
        let text = self.text();
        let (start, end) = (start.min(end), end.min(text.len()));
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return false;
        }
        if text[start..end] == *with {
            return false;
        }
        let chars = text[start..end].chars().count();
        let (row, col) = self.position(start);
        let clean = match self.lines {
            Lines::One => sanitize::clean_line(with),
            Lines::Many => sanitize::clean(with),
        };
        self.area.undo_group(|a| {
            jump(a, row, col);
            a.delete_str(chars);
            a.insert_str(clean);
        });
        true
    }

    /// Styles byte ranges of [`TextField::text`] (phrases the coach marked), until the next call. A
    /// range over a line break is drawn on both lines.
    pub fn set_marks(&mut self, marks: &[(usize, usize, Style)]) {
        let lines = self.area.lines();
        let mut out = Vec::new();
        let mut start = 0;
        for (row, line) in lines.iter().enumerate() {
            let end = start + line.len();
            for &(s, e, style) in marks {
                let (s, e) = (s.max(start), e.min(end));
                if s < e {
                    out.push((row, s - start..e - start, style));
                }
            }
            start = end + 1;
        }
        self.area.set_highlights(out);
    }

    /// The text as typed: lines joined by a space in a one-line field, by a newline otherwise.
    pub fn text(&self) -> String {
        match self.lines {
            Lines::One => self.area.lines().join(" "),
            Lines::Many => self.area.lines().join("\n"),
        }
    }

    /// Empties the field, keeping its placeholder, styles, wrapping and undo settings (a field
    /// emptied this way once lost its wrapping, and showed a long text as one scrolled line).
    pub fn clear(&mut self) {
        let old = &mut self.area;
        let mut area = TextArea::default();
        area.set_cursor_line_style(old.cursor_line_style());
        area.set_placeholder_text(old.placeholder_text().to_string());
        if let Some(s) = old.placeholder_style() {
            area.set_placeholder_style(s);
        }
        area.set_style(old.style());
        area.set_selection_style(old.selection_style());
        area.set_wrap_mode(old.wrap_mode());
        area.set_word_undo(old.word_undo());
        area.set_max_histories(old.max_histories());
        self.area = area;
    }

    /// The widget itself, for styling and for editing beyond typing (undo, moves, selections).
    pub fn area(&self) -> &TextArea<'static> {
        &self.area
    }

    pub fn area_mut(&mut self) -> &mut TextArea<'static> {
        &mut self.area
    }
}

/// Moves the cursor to (`row`, `col`); the textarea's jump takes 16-bit places, so a longer line is
/// walked the rest of the way.
fn jump(area: &mut TextArea<'static>, row: usize, col: usize) {
    let clamp = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    area.move_cursor(CursorMove::Jump(clamp(row), clamp(col)));
    while area.cursor().1 < col && area.cursor().0 == row {
        let before = (area.cursor().0, area.cursor().1);
        area.move_cursor(CursorMove::Forward);
        if area.cursor() == before || area.cursor().0 != row {
            break;
        }
    }
}

/// The byte ranges of `text`'s blanks: "[" to the next "]" on the same line, brackets included.
pub fn blanks(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|i| from + i) {
        let rest = &text[open + 1..];
        let close = rest.find([']', '\n', '[']);
        match close.map(|i| (i, rest.as_bytes()[i])) {
            Some((i, b']')) => {
                out.push(open..open + 1 + i + 1);
                from = open + 1 + i + 1;
            }
            Some((i, _)) => from = open + 1 + i,
            None => break,
        }
    }
    out
}

/// The largest char boundary of `s` at or before `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Widget for &TextField {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.area.render(area, buf);
    }
}

#[cfg(test)]
#[path = "field_tests.rs"]
mod tests;

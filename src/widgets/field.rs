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

/// A text field.
#[derive(Debug, Clone)]
pub struct TextField {
    area: TextArea<'static>,
    lines: Lines,
}

impl TextField {
    /// An empty field showing `placeholder` until something is typed.
    pub fn new(lines: Lines, placeholder: &str) -> TextField {
        let mut area = TextArea::default();
        area.set_cursor_line_style(Style::new());
        area.set_placeholder_text(placeholder);
        TextField { area, lines }
    }

    /// A field holding `text`, with the cursor at its end.
    pub fn with_text(lines: Lines, placeholder: &str, text: &str) -> TextField {
        let mut field = TextField::new(lines, placeholder);
        field.area = TextArea::from(text.split('\n'));
        field.area.set_cursor_line_style(Style::new());
        field.area.set_placeholder_text(placeholder);
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
        self.area.input(key)
    }

    /// Pastes `text`: control characters removed, and line breaks kept only in a field of several
    /// lines. Returns true if the text changed.
    pub fn paste(&mut self, text: &str) -> bool {
        let clean = match self.lines {
            Lines::One => sanitize::clean_line(text),
            Lines::Many => sanitize::clean(text),
        };
        self.area.insert_str(clean)
    }

    /// The text as typed: lines joined by a space in a one-line field, by a newline otherwise.
    pub fn text(&self) -> String {
        match self.lines {
            Lines::One => self.area.lines().join(" "),
            Lines::Many => self.area.lines().join("\n"),
        }
    }

    /// Empties the field, keeping its placeholder and styles.
    pub fn clear(&mut self) {
        let mut area = TextArea::default();
        area.set_cursor_line_style(self.area.cursor_line_style());
        area.set_placeholder_text(self.area.placeholder_text().to_string());
        if let Some(s) = self.area.placeholder_style() {
            area.set_placeholder_style(s);
        }
        area.set_style(self.area.style());
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

impl Widget for &TextField {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.area.render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn keys_the_keymap_owns_never_reach_the_text() {
        let mut f = TextField::new(Lines::Many, "");
        for k in [
            press(KeyCode::Tab, KeyModifiers::NONE),
            press(KeyCode::BackTab, KeyModifiers::SHIFT),
            press(KeyCode::Esc, KeyModifiers::NONE),
            press(KeyCode::Char('s'), KeyModifiers::CONTROL),
        ] {
            assert!(!f.key(k), "{k:?}");
        }
        assert_eq!(f.text(), "");
        assert!(f.key(press(KeyCode::Char('a'), KeyModifiers::NONE)));
        assert!(f.key(press(KeyCode::Enter, KeyModifiers::NONE)));
        assert_eq!(
            f.text(),
            "a\n",
            "Enter is a new line where there are several"
        );
    }

    #[test]
    fn a_one_line_field_takes_no_line_break_typed_or_pasted() {
        let mut f = TextField::with_text(Lines::One, "", "ab");
        assert!(!f.key(press(KeyCode::Enter, KeyModifiers::NONE)));
        assert!(!f.key(press(KeyCode::Char('\n'), KeyModifiers::NONE)));
        f.paste("c\nd\u{1b}[31m");
        assert_eq!(f.text(), "abc d[31m");
        f.clear();
        assert_eq!(f.text(), "");
    }
}

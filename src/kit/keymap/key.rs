//! A key with the modifiers held: how bindings name it, match a press and write it in help.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

/// A plain character key.
pub const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

/// A non-character key such as Enter or an arrow.
pub const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

/// A character key with Ctrl held.
pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

impl Key {
    /// Shift is ignored for characters and Shift-Tab: terminals already fold it into the key itself
    /// (`G`, `?`, BackTab), and some report it as a modifier while others do not.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let relevant = |m: KeyModifiers| m & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let same_code = match (self.code, ev.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b,
            (a, b) => a == b,
        };
        same_code && relevant(self.mods) == relevant(ev.modifiers)
    }

    /// The key press this key stands for.
    pub fn event(&self) -> KeyEvent {
        KeyEvent::new(self.code, self.mods)
    }

    /// The key's name as help writes it: "k", "Space", "↑", "Ctrl-S", "Shift-Tab", "F1".
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.mods.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::Insert => "Insert".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        format!("{}{base}", self.prefix())
    }

    /// "Ctrl-", "Alt-", "Shift-" (for keys other than characters and Shift-Tab) or nothing.
    pub fn prefix(&self) -> &'static str {
        let ctrl = self.mods.contains(KeyModifiers::CONTROL);
        let alt = self.mods.contains(KeyModifiers::ALT);
        let shift = self.mods.contains(KeyModifiers::SHIFT)
            && !matches!(self.code, KeyCode::Char(_) | KeyCode::BackTab);
        match (ctrl, alt, shift) {
            (true, true, _) => "Ctrl-Alt-",
            (true, false, true) => "Ctrl-Shift-",
            (true, false, false) => "Ctrl-",
            (false, true, _) => "Alt-",
            (false, false, true) => "Shift-",
            (false, false, false) => "",
        }
    }
}

/// A key with Shift held, for keys whose Shift form is not a character of its own (Shift-←).
pub const fn shift(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::SHIFT,
    }
}

/// A key with Ctrl held, for non-character keys (Ctrl-←).
pub const fn ctrl_code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::CONTROL,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn shift_is_ignored_for_characters_but_ctrl_is_not() {
        assert!(ch('G').matches(&press(KeyCode::Char('G'), KeyModifiers::SHIFT)));
        assert!(!ch('c').matches(&press(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        assert!(ctrl('c').matches(&press(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        assert!(code(KeyCode::BackTab).matches(&press(KeyCode::BackTab, KeyModifiers::SHIFT)));
    }

    #[test]
    fn keys_are_named_as_help_writes_them() {
        assert_eq!(ch(' ').name(), "Space");
        assert_eq!(ctrl('s').name(), "Ctrl-S");
        assert_eq!(code(KeyCode::F(1)).name(), "F1");
        assert_eq!(shift(KeyCode::Left).name(), "Shift-←");
        assert_eq!(ch('G').name(), "G");
    }
}

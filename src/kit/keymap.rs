//! The one keymap table: key dispatch, the footer and the help overlay all read from it.

use super::action::Action;
use super::screen::Typing;
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

/// One line of the keymap: the keys, how the footer shows them, and the action they make.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the footer writes the keys, e.g. "↑/↓" (it may name a neighboring binding's key to save
    /// room). The help overlay does not use it: it names every key that works from `keys` itself.
    pub label: &'static str,
    /// What the keys do, in a few words.
    pub help: &'static str,
    pub action: Action,
    /// The footer's few words for these keys; None keeps them out of the footer (help lists all).
    pub footer: Option<&'static str>,
    /// True when the action changes the user's files (or opens a place that does, such as the story
    /// editor). A read-only window refuses these keys; the writer refuses the write itself too.
    pub writes: bool,
    /// True for keys the focused text field handles itself (word moves, a new line): listed in help
    /// so the user knows them, but never dispatched, so the key reaches the field as text.
    pub typed: bool,
}

impl Binding {
    /// The same binding, marked as changing the user's files.
    pub const fn writes(mut self) -> Binding {
        self.writes = true;
        self
    }
}

/// Builds a binding; `footer` is its text in the footer, if it is shown there.
pub const fn bind(
    keys: &'static [Key],
    label: &'static str,
    help: &'static str,
    action: Action,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        label,
        help,
        action,
        footer,
        writes: false,
        typed: false,
    }
}

/// Keys the focused text field handles itself, for the help overlay: `keys` are typed into the field
/// like any other unbound key. A binding before this one that takes one of the keys wins, and help
/// then leaves that key out of this line.
pub const fn typed(keys: &'static [Key], help: &'static str) -> Binding {
    Binding {
        keys,
        label: "",
        help,
        action: Action::Edit(KeyEvent::new(KeyCode::Null, KeyModifiers::NONE)),
        footer: None,
        writes: false,
        typed: true,
    }
}

/// A titled group of bindings, as the help overlay lists them.
#[derive(Debug, Clone, Copy)]
pub struct Group {
    pub title: &'static str,
    pub bindings: &'static [Binding],
}

/// The keys in force right now, most specific first.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    pub groups: Vec<Group>,
    /// Set while a text field has focus: keys that match no binding are typed into the field.
    pub typing: Option<Typing>,
}

/// What a key press asks for, and whether it changes the user's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dispatch {
    pub action: Action,
    pub writes: bool,
}

impl Keymap {
    /// A keymap of the given groups, with no text field focused.
    pub fn of(groups: Vec<Group>) -> Keymap {
        Keymap {
            groups,
            typing: None,
        }
    }

    /// True while a text field has focus.
    pub fn captures_text(&self) -> bool {
        self.typing.is_some()
    }

    /// The binding a key press goes to: the first one, most specific group first, that has the key.
    /// Bindings of keys a text field handles itself are skipped (see [`typed`]).
    pub fn binding_for(&self, ev: &KeyEvent) -> Option<&'static Binding> {
        self.groups
            .iter()
            .flat_map(|g| g.bindings.iter())
            .find(|b| !b.typed && b.keys.iter().any(|k| k.matches(ev)))
    }

    /// The action for a key press, if any binding has it (or the key is text for a focused field).
    pub fn dispatch(&self, ev: &KeyEvent) -> Option<Dispatch> {
        match (self.binding_for(ev), self.typing) {
            (Some(b), _) => Some(Dispatch {
                action: b.action.clone(),
                writes: b.writes,
            }),
            (None, Some(typing)) => Some(Dispatch {
                action: Action::Edit(*ev),
                writes: typing == Typing::Saved,
            }),
            (None, None) => None,
        }
    }

    /// The bindings the footer shows, in order, without repeating a label. A binding none of whose
    /// keys reaches it (an earlier group took them all) is left out.
    pub fn footer(&self) -> Vec<&'static Binding> {
        let mut out: Vec<&'static Binding> = Vec::new();
        for b in self.groups.iter().flat_map(|g| g.bindings.iter()) {
            let reached = b.keys.iter().any(|k| {
                self.binding_for(&k.event())
                    .is_some_and(|first| std::ptr::eq(first, b))
            });
            if b.footer.is_some() && reached && !out.iter().any(|o| o.label == b.label) {
                out.push(b);
            }
        }
        out
    }
}

/// Keys that work on every screen whenever no text field has focus.
pub static GLOBAL: &[Binding] = &[
    bind(
        &[code(KeyCode::Tab)],
        "Tab",
        "next screen",
        Action::NextTab,
        Some("screens"),
    ),
    bind(
        &[code(KeyCode::BackTab)],
        "Shift-Tab",
        "previous screen",
        Action::PrevTab,
        None,
    ),
    bind(
        &[ch('?'), code(KeyCode::F(1))],
        "?",
        "help: every key that works here",
        Action::ToggleHelp,
        Some("help"),
    ),
    bind(
        &[ch('q'), ctrl('c')],
        "q",
        "quit (saves first)",
        Action::Quit,
        Some("quit"),
    ),
    bind(
        &[ctrl('t')],
        "Ctrl-T",
        "suspend; `fg` in the shell returns",
        Action::Suspend,
        None,
    ),
    bind(
        &[ch('m')],
        "m",
        "your role or every role (named at top right)",
        Action::ToggleAllRoles,
        None,
    ),
];

/// Keys that work while the set-up or the role-fit guide is open over the screens.
pub static PANEL: &[Binding] = &[
    bind(
        &[ch('?'), code(KeyCode::F(1))],
        "?",
        "help: every key here",
        Action::ToggleHelp,
        Some("help"),
    ),
    bind(
        &[ch('q'), ctrl('c')],
        "q",
        "quit (saves first)",
        Action::Quit,
        Some("quit"),
    ),
    bind(
        &[ctrl('t')],
        "Ctrl-T",
        "suspend; `fg` in the shell returns",
        Action::Suspend,
        None,
    ),
];

/// Moving in lists and text.
pub static NAV: &[Binding] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/k",
        "move up",
        Action::Up,
        Some("up"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "move down",
        Action::Down,
        Some("down"),
    ),
    bind(
        &[code(KeyCode::PageUp), ctrl('u')],
        "PgUp",
        "page up",
        Action::PageUp,
        None,
    ),
    bind(
        &[code(KeyCode::PageDown), ctrl('d'), ch(' ')],
        "PgDn/Space",
        "page down",
        Action::PageDown,
        None,
    ),
    bind(
        &[code(KeyCode::Home), ch('g')],
        "Home/g",
        "go to the top",
        Action::Top,
        None,
    ),
    bind(
        &[code(KeyCode::End), ch('G')],
        "End/G",
        "go to the end",
        Action::Bottom,
        None,
    ),
];

/// Scrolling a page of text that has nothing to choose in it: hints, an analysis, a result.
pub static SCROLL: &[Binding] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "scroll",
        Action::Up,
        Some("scroll"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "scroll down",
        Action::Down,
        None,
    ),
    bind(
        &[code(KeyCode::PageUp)],
        "PgUp",
        "page up",
        Action::PageUp,
        None,
    ),
    bind(
        &[code(KeyCode::PageDown), ch(' ')],
        "PgDn/Space",
        "page down",
        Action::PageDown,
        None,
    ),
];

/// Keys inside the help overlay. `q` closes help rather than quitting: a user who opened help from
/// the story editor with F1 expects `q` to take them back to their text.
pub static HELP: &[Binding] = &[
    bind(
        &[code(KeyCode::Esc), ch('q'), ch('?'), code(KeyCode::F(1))],
        "Esc/q",
        "close help",
        Action::ToggleHelp,
        Some("close help"),
    ),
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "scroll up",
        Action::Up,
        Some("scroll"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "scroll down",
        Action::Down,
        None,
    ),
    bind(
        &[code(KeyCode::PageUp)],
        "PgUp",
        "scroll a page up",
        Action::PageUp,
        None,
    ),
    bind(
        &[code(KeyCode::PageDown), ch(' ')],
        "PgDn",
        "scroll a page down",
        Action::PageDown,
        None,
    ),
    bind(
        &[ctrl('c')],
        "Ctrl-C",
        "quit (saves first)",
        Action::Quit,
        Some("quit"),
    ),
];

/// While the app asks whether to quit although a story could not be saved.
pub static CONFIRM_QUIT: &[Binding] = &[
    bind(
        &[ch('y')],
        "y",
        "quit anyway (a copy of the text goes to a temporary file)",
        Action::Quit,
        Some("quit anyway"),
    ),
    bind(
        &[ch('n'), code(KeyCode::Esc)],
        "n/Esc",
        "stay, keep the text and keep trying to save",
        Action::Back,
        Some("stay"),
    ),
];

/// While typing in a text field, only these keys are taken from the text.
pub static TEXT_FIELD: &[Binding] = &[
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "done: leave the field",
        Action::Back,
        Some("done"),
    ),
    bind(
        &[code(KeyCode::F(1))],
        "F1",
        "help: every key that works here",
        Action::ToggleHelp,
        Some("help"),
    ),
    bind(
        &[ctrl('c')],
        "Ctrl-C",
        "quit (saves first)",
        Action::Quit,
        Some("quit"),
    ),
];

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
    fn unmatched_keys_become_text_only_when_a_field_has_focus() {
        let mut km = Keymap {
            groups: vec![Group {
                title: "Editing",
                bindings: TEXT_FIELD,
            }],
            typing: Some(Typing::Saved),
        };
        let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        let typed = km.dispatch(&x).unwrap();
        assert_eq!(typed.action, Action::Edit(x));
        assert!(typed.writes, "typing into a saved field writes");
        km.typing = Some(Typing::Search);
        assert!(!km.dispatch(&x).unwrap().writes, "a search box does not");
        km.typing = None;
        assert_eq!(km.dispatch(&x), None);
    }

    #[test]
    fn first_group_wins_and_footer_has_no_duplicate_labels() {
        let km = Keymap {
            groups: vec![
                Group {
                    title: "Help",
                    bindings: HELP,
                },
                Group {
                    title: "Everywhere",
                    bindings: GLOBAL,
                },
            ],
            typing: None,
        };
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            km.dispatch(&q).map(|d| d.action),
            Some(Action::ToggleHelp),
            "q closes help rather than quitting"
        );
        let labels: Vec<_> = km.footer().iter().map(|b| b.label).collect();
        assert!(
            !labels.contains(&"q"),
            "the global q is shadowed, so the footer must not offer it: {labels:?}"
        );
        assert!(labels.contains(&"Ctrl-C"), "{labels:?}");
        let mut dedup = labels.clone();
        dedup.dedup();
        assert_eq!(labels.len(), dedup.len());
    }

    #[test]
    fn keys_a_field_handles_itself_never_dispatch_to_their_placeholder() {
        static ROWS: &[Binding] = &[typed(&[ctrl('w')], "delete a word")];
        let km = Keymap {
            groups: vec![Group {
                title: "Typing",
                bindings: ROWS,
            }],
            typing: Some(Typing::Saved),
        };
        let ev = press(KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(km.dispatch(&ev).map(|d| d.action), Some(Action::Edit(ev)));
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

//! The one keymap table: key dispatch, the footer and the help overlay all read from it.

mod key;
mod shared;

pub use key::{Key, ch, code, ctrl, ctrl_code, shift};
pub use shared::{
    CONFIRM_LEAVE_ROUND, CONFIRM_QUIT, ESC_HOME, GLOBAL, HELP, NAV, PAGE_DOWN, PAGE_UP, PANEL,
    REDO_TYPING, SAVE_NOW, SCROLL, TEXT_FIELD, TOO_SMALL, TOO_SMALL_TYPING, UNDO_TYPING,
};

use super::action::Action;
use super::screen::Typing;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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

    /// The same binding kept out of the footer: for keys that work but have nothing to act on
    /// now, which the footer should not offer (help still lists them).
    pub const fn quiet(mut self) -> Binding {
        self.footer = None;
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

    /// True while a text field has focus (not for [`Typing::Letters`], where the app's keys work).
    pub fn captures_text(&self) -> bool {
        matches!(self.typing, Some(Typing::Search | Typing::Saved))
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
                writes: typing != Typing::Search,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    /// A quiet binding still dispatches, as a writing one, but leaves the footer.
    #[test]
    fn a_quiet_binding_works_but_is_not_in_the_footer() {
        static QUIET: &[Binding] = &[bind(
            &[code(KeyCode::Enter)],
            "Enter",
            "edit",
            Action::Select,
            Some("edit"),
        )
        .writes()
        .quiet()];
        let km = Keymap {
            groups: vec![Group {
                title: "List",
                bindings: QUIET,
            }],
            typing: None,
        };
        let enter = km
            .dispatch(&press(KeyCode::Enter, KeyModifiers::NONE))
            .unwrap();
        assert_eq!(enter.action, Action::Select);
        assert!(enter.writes);
        assert!(km.footer().is_empty());
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
        km.typing = Some(Typing::Letters);
        let typed = km.dispatch(&x).unwrap();
        assert_eq!(
            typed.action,
            Action::Edit(x),
            "a spoken answer typed instead"
        );
        assert!(typed.writes);
        assert!(
            !km.captures_text(),
            "no field has focus: the app's keys work"
        );
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
}

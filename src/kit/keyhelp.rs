//! The help overlay's rows, made from the keymap in force so they cannot disagree with dispatch.
//!
//! A row names exactly the keys that reach its binding now: a key an earlier group takes is left
//! out (and a binding with no key left is not listed), and every key a binding has is named, so
//! `k` and `h` show beside `↑` and `←`. The binding's `label` is the footer's and is not used here.

use super::action::Action;
use super::keymap::{Binding, Key, Keymap};

/// One line of help: the keys as written, what they do, and what pressing them dispatches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    /// The keys, e.g. "↑/k", "q/Ctrl-C"; for a note with no keys, its label as written.
    pub keys: String,
    pub text: &'static str,
    /// The keys that reach this row's binding now, in the binding's order.
    pub live: Vec<Key>,
    /// The action these keys dispatch; `None` for keys the focused text field handles itself.
    pub action: Option<Action>,
}

/// A titled block of help rows: one group of the keymap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    pub title: &'static str,
    pub rows: Vec<HelpRow>,
}

impl Keymap {
    /// The help overlay's sections for the keys in force, most specific first. Groups left with no
    /// row are dropped; neighboring groups with one title are listed as one.
    pub fn help(&self) -> Vec<HelpSection> {
        let mut out: Vec<HelpSection> = Vec::new();
        for g in &self.groups {
            let rows: Vec<HelpRow> = g.bindings.iter().filter_map(|b| self.row(b)).collect();
            match out.last_mut() {
                _ if rows.is_empty() => {}
                Some(last) if last.title == g.title => last.rows.extend(rows),
                _ => out.push(HelpSection {
                    title: g.title,
                    rows,
                }),
            }
        }
        out
    }

    /// The help row for `b`, or `None` when none of its keys reaches it now.
    fn row(&self, b: &'static Binding) -> Option<HelpRow> {
        if b.keys.is_empty() {
            // A note with no keys (e.g. "paste"): only while a field takes text, where it applies.
            return self.captures_text().then(|| HelpRow {
                keys: b.label.to_string(),
                text: b.help,
                live: Vec::new(),
                action: None,
            });
        }
        let live: Vec<Key> = b
            .keys
            .iter()
            .copied()
            .filter(|k| self.reaches(b, k))
            .collect();
        if live.is_empty() {
            return None;
        }
        Some(HelpRow {
            keys: keys_label(&live),
            text: b.help,
            live,
            action: (!b.typed).then(|| b.action.clone()),
        })
    }

    /// True when pressing `k` now goes to `b`: its first binding, or for a key the field handles
    /// itself, no binding at all while a field has focus.
    fn reaches(&self, b: &'static Binding, k: &Key) -> bool {
        match self.binding_for(&k.event()) {
            Some(first) => std::ptr::eq(first, b),
            None => b.typed && self.captures_text(),
        }
    }
}

/// The keys written for help: names joined by "/", a repeated modifier shortened between arrows
/// ("Shift-←/→"), since "Ctrl-Z/U" could be read as a plain U.
pub fn keys_label(keys: &[Key]) -> String {
    let arrow = |k: &Key| {
        use crossterm::event::KeyCode::{Down, Left, Right, Up};
        matches!(k.code, Up | Down | Left | Right)
    };
    let mut out = String::new();
    let mut prev: Option<&Key> = None;
    for k in keys {
        if let Some(p) = prev {
            out.push('/');
            let same = p.mods == k.mods && !k.prefix().is_empty() && arrow(p) && arrow(k);
            if same {
                out.push_str(k.name().trim_start_matches(k.prefix()));
                prev = Some(k);
                continue;
            }
        }
        out.push_str(&k.name());
        prev = Some(k);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kit::keymap::{
        GLOBAL, Group, NAV, TEXT_FIELD, bind, ch, code, ctrl, ctrl_code, shift, typed,
    };
    use crate::kit::screen::Typing;
    use crossterm::event::KeyCode;

    static SCREEN: &[Binding] = &[
        bind(&[ch('?')], "?", "search", Action::Search, None),
        bind(&[ch('x')], "x", "toggle", Action::Toggle, None),
    ];

    static FIELD: &[Binding] = &[
        typed(
            &[ctrl_code(KeyCode::Left), ctrl_code(KeyCode::Right)],
            "move by word",
        ),
        typed(&[code(KeyCode::Esc)], "never reached: Esc is bound"),
    ];

    fn km(groups: Vec<(&'static str, &'static [Binding])>, typing: Option<Typing>) -> Keymap {
        Keymap {
            groups: groups
                .into_iter()
                .map(|(title, bindings)| Group { title, bindings })
                .collect(),
            typing,
        }
    }

    #[test]
    fn every_key_of_a_binding_is_named() {
        let help = km(vec![("Moving", NAV)], None).help();
        let keys: Vec<&str> = help[0].rows.iter().map(|r| r.keys.as_str()).collect();
        assert_eq!(keys[0], "↑/k");
        assert_eq!(keys[2], "PgUp/Ctrl-U");
        assert_eq!(keys[3], "PgDn/Ctrl-D/Space");
    }

    #[test]
    fn a_key_an_earlier_group_takes_is_left_out_of_the_later_row() {
        let help = km(vec![("Screen", SCREEN), ("Everywhere", GLOBAL)], None).help();
        let global = &help[1];
        let help_row = global
            .rows
            .iter()
            .find(|r| r.action == Some(Action::ToggleHelp))
            .unwrap();
        assert_eq!(help_row.keys, "F1", "? belongs to the screen's search here");
    }

    #[test]
    fn keys_the_field_handles_are_listed_only_where_no_binding_takes_them() {
        let help = km(
            vec![("Field", FIELD), ("Typing", TEXT_FIELD)],
            Some(Typing::Saved),
        )
        .help();
        assert_eq!(help[0].rows.len(), 1, "{help:?}");
        assert_eq!(help[0].rows[0].keys, "Ctrl-←/→");
        assert_eq!(help[0].rows[0].action, None);
        assert_eq!(help[1].rows[0].keys, "Esc");
    }

    #[test]
    fn labels_shorten_a_repeated_modifier_only_between_arrows() {
        assert_eq!(
            keys_label(&[shift(KeyCode::Left), shift(KeyCode::Right)]),
            "Shift-←/→"
        );
        assert_eq!(keys_label(&[ctrl('z'), ctrl('u')]), "Ctrl-Z/Ctrl-U");
        assert_eq!(keys_label(&[ch('q'), ctrl('c')]), "q/Ctrl-C");
        assert_eq!(keys_label(&[code(KeyCode::BackTab)]), "Shift-Tab");
    }
}

//! Sets of ticked content ids saved in the data folder: checklist steps done, questions to ask starred.

use crate::domain::content::{Id, Problem};
use crate::storage::StorageError;
use crate::storage::datafile::{self, LoadError};
use std::collections::BTreeSet;
use std::path::Path;

/// Which set of marks, and so which file and key it lives under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// Preparation checklist steps the user has done: `checklist.toml`, key `done`.
    Checklist,
    /// Questions to ask the interviewer that the user starred: `favourites.toml`, key `starred`.
    /// The one-page export reads this file.
    Favourites,
}

impl MarkKind {
    /// The file name in the data folder.
    pub fn file(self) -> &'static str {
        match self {
            MarkKind::Checklist => "checklist.toml",
            MarkKind::Favourites => "favourites.toml",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            MarkKind::Checklist => "done",
            MarkKind::Favourites => "starred",
        }
    }

    fn header(self) -> &'static str {
        match self {
            MarkKind::Checklist => {
                "Preparation checklist steps you have ticked on the Home screen.\n\
                 Written by clinicprep; you may edit the list, keeping each id in quotes."
            }
            MarkKind::Favourites => {
                "Questions to ask the interviewer that you starred on the Home screen.\n\
                 Written by clinicprep; you may edit the list, keeping each id in quotes."
            }
        }
    }
}

/// A saved set of ids. Ids the content no longer has are kept, so a content update or a typo in a
/// user file never loses a mark; other keys in the file are kept too.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkSet {
    pub kind: MarkKind,
    ids: BTreeSet<Id>,
    rest: toml::Table,
}

impl MarkSet {
    pub fn new(kind: MarkKind) -> MarkSet {
        MarkSet {
            kind,
            ids: BTreeSet::new(),
            rest: toml::Table::new(),
        }
    }

    /// Loads the set from the data folder; no file yet is an empty set.
    pub fn load(data_dir: &Path, kind: MarkKind) -> Result<MarkSet, LoadError> {
        let path = data_dir.join(kind.file());
        let shown = path.display().to_string();
        let Some(text) = datafile::read_text(&path)? else {
            return Ok(MarkSet::new(kind));
        };
        let mut rest: toml::Table = toml::from_str(&text)
            .map_err(|e| LoadError::Damaged(Problem::from_toml(&shown, &text, &e)))?;
        let mut ids = BTreeSet::new();
        if let Some(value) = rest.remove(kind.key()) {
            let wrong = || {
                LoadError::Damaged(Problem::near(
                    &shown,
                    &text,
                    kind.key(),
                    format!(
                        "`{}` should be a list of ids in quotes, like {} = [\"{}\"]",
                        kind.key(),
                        kind.key(),
                        match kind {
                            MarkKind::Checklist => "step-intro",
                            MarkKind::Favourites => "ask-training",
                        }
                    ),
                ))
            };
            let toml::Value::Array(items) = value else {
                return Err(wrong());
            };
            for item in items {
                match item {
                    toml::Value::String(s) => ids.insert(Id::new(s)),
                    _ => return Err(wrong()),
                };
            }
        }
        Ok(MarkSet { kind, ids, rest })
    }

    /// Writes the set atomically. Never call this after a `Damaged` load: it would replace the
    /// user's file.
    pub fn save(&self, data_dir: &Path) -> Result<(), StorageError> {
        let mut table = self.rest.clone();
        let list = self
            .ids
            .iter()
            .map(|id| toml::Value::String(id.as_str().to_string()))
            .collect();
        table.insert(self.kind.key().to_string(), toml::Value::Array(list));
        datafile::save(&data_dir.join(self.kind.file()), self.kind.header(), &table)
    }

    pub fn contains(&self, id: &Id) -> bool {
        self.ids.contains(id)
    }

    /// Flips the mark on `id` and returns whether it is now set.
    pub fn toggle(&mut self, id: &Id) -> bool {
        if self.ids.remove(id) {
            false
        } else {
            self.ids.insert(id.clone());
            true
        }
    }

    /// How many of `ids` are marked (ids the content dropped are not counted).
    pub fn count_among<'a>(&self, ids: impl IntoIterator<Item = &'a Id>) -> usize {
        ids.into_iter().filter(|id| self.ids.contains(*id)).count()
    }

    /// Every marked id, known to the content or not, in sorted order.
    pub fn ids(&self) -> impl Iterator<Item = &Id> {
        self.ids.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggles_round_trip_and_unknown_ids_and_keys_survive() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("checklist.toml"),
            "note = \"mine\"\ndone = [\"step-gone-from-content\"]\n",
        )
        .unwrap();
        let mut set = MarkSet::load(dir.path(), MarkKind::Checklist).unwrap();
        assert!(set.contains(&Id::new("step-gone-from-content")));
        assert!(set.toggle(&Id::new("step-intro")));
        set.save(dir.path()).unwrap();
        let again = MarkSet::load(dir.path(), MarkKind::Checklist).unwrap();
        assert_eq!(again, set);
        let text = std::fs::read_to_string(dir.path().join("checklist.toml")).unwrap();
        assert!(text.starts_with("# Preparation checklist"), "{text}");
        assert!(text.contains("note = \"mine\""), "{text}");
        let known = [Id::new("step-intro"), Id::new("step-rehearse")];
        assert_eq!(again.count_among(&known), 1);
        assert_eq!(again.ids().count(), 2);
    }

    #[test]
    fn toggle_twice_unmarks() {
        let mut set = MarkSet::new(MarkKind::Favourites);
        let id = Id::new("ask-training");
        assert!(set.toggle(&id));
        assert!(!set.toggle(&id));
        assert!(!set.contains(&id));
    }

    #[test]
    fn missing_file_is_empty_and_kinds_use_their_own_files() {
        let dir = tempfile::tempdir().unwrap();
        let mut fav = MarkSet::load(dir.path(), MarkKind::Favourites).unwrap();
        assert_eq!(fav.ids().count(), 0);
        fav.toggle(&Id::new("ask-team"));
        fav.save(dir.path()).unwrap();
        assert!(dir.path().join("favourites.toml").is_file());
        let text = std::fs::read_to_string(dir.path().join("favourites.toml")).unwrap();
        assert!(text.contains("starred = [\"ask-team\"]"), "{text}");
        assert_eq!(
            MarkSet::load(dir.path(), MarkKind::Checklist)
                .unwrap()
                .ids()
                .count(),
            0
        );
    }

    #[test]
    fn a_wrong_shape_is_damaged_at_its_line_and_the_file_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("checklist.toml");
        std::fs::write(&path, "# mine\n\ndone = \"step-intro\"\n").unwrap();
        match MarkSet::load(dir.path(), MarkKind::Checklist) {
            Err(LoadError::Damaged(p)) => {
                assert_eq!(p.line, Some(3), "{p}");
                assert!(p.message.contains("list of ids"), "{p}");
            }
            other => panic!("expected Damaged, got {other:?}"),
        }
        std::fs::write(&path, "done = [1, 2]\n").unwrap();
        assert!(matches!(
            MarkSet::load(dir.path(), MarkKind::Checklist),
            Err(LoadError::Damaged(_))
        ));
        std::fs::write(&path, "done = [\n").unwrap();
        assert!(matches!(
            MarkSet::load(dir.path(), MarkKind::Checklist),
            Err(LoadError::Damaged(_))
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "done = [\n");
    }
}

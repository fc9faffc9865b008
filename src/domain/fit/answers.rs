//! The saved role-fit answers, `fit.toml` in the data folder, so the result can be revisited.
//!
//! ```toml
//! accepted = "pt-aide"
//!
//! [answers]
//! fit-schooling = "weeks"
//! ```
//!
//! Answers to questions the content no longer has are kept (a content update never loses them) and
//! ignored when scoring; other keys in the file are kept too. A file that cannot be read is never
//! written over (see `storage::datafile`).

use super::score::Answers;
use crate::domain::content::{Id, Problem};
use crate::storage::StorageError;
use crate::storage::datafile::{self, LoadError};
use std::path::Path;

/// The file's name in the data folder.
pub const FIT_FILE: &str = "fit.toml";

const HEADER: &str = "Your answers to the role-fit questions (`clinicprep fit`), written by clinicprep.\n\
Each line is a question id and the id of the answer you chose. You may edit or delete this file;\n\
`clinicprep fit` asks again.";

/// The saved answers and the role the user accepted, if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SavedFit {
    pub answers: Answers,
    /// The role the user took from the result.
    pub accepted: Option<Id>,
    rest: toml::Table,
}

impl SavedFit {
    pub fn new(answers: Answers) -> SavedFit {
        SavedFit {
            answers,
            ..SavedFit::default()
        }
    }

    /// Loads `fit.toml` from the data folder; no file yet is no answers.
    pub fn load(data_dir: &Path) -> Result<SavedFit, LoadError> {
        let path = data_dir.join(FIT_FILE);
        let shown = path.display().to_string();
        let Some(text) = datafile::read_text(&path)? else {
            return Ok(SavedFit::default());
        };
        let mut rest: toml::Table = toml::from_str(&text)
            .map_err(|e| LoadError::Damaged(Problem::from_toml(&shown, &text, &e)))?;
        let wrong = |key: &str, how: &str| {
            LoadError::Damaged(Problem::near(&shown, &text, key, format!("`{key}` {how}")))
        };
        let mut answers = Answers::new();
        if let Some(value) = rest.remove("answers") {
            let toml::Value::Table(t) = value else {
                return Err(wrong(
                    "answers",
                    "should be a table: [answers] on its own line, then question = \"answer\" lines",
                ));
            };
            for (q, a) in t {
                let toml::Value::String(a) = a else {
                    return Err(wrong(
                        &q,
                        "should be an answer id in quotes, like \"weeks\"",
                    ));
                };
                answers.insert(Id::new(q), Id::new(a));
            }
        }
        let accepted = match rest.remove("accepted") {
            None => None,
            Some(toml::Value::String(s)) if s.trim().is_empty() => None,
            Some(toml::Value::String(s)) => Some(Id::new(s.trim())),
            Some(_) => {
                return Err(wrong(
                    "accepted",
                    "should be a role id in quotes, like \"pt-aide\"",
                ));
            }
        };
        Ok(SavedFit {
            answers,
            accepted,
            rest,
        })
    }

    /// Writes the file atomically. Never call this after a `Damaged` load: it would replace the
    /// user's file.
    pub fn save(&self, data_dir: &Path) -> Result<(), StorageError> {
        let mut table = self.rest.clone();
        if let Some(role) = &self.accepted {
            table.insert("accepted".into(), toml::Value::String(role.to_string()));
        }
        let answers: toml::Table = self
            .answers
            .iter()
            .map(|(q, a)| (q.to_string(), toml::Value::String(a.to_string())))
            .collect();
        table.insert("answers".into(), toml::Value::Table(answers));
        datafile::save(&data_dir.join(FIT_FILE), HEADER, &table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_answers_the_role_and_unknown_keys() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(SavedFit::load(dir.path()).unwrap(), SavedFit::default());
        std::fs::write(
            dir.path().join(FIT_FILE),
            "mine = 1\n[answers]\nfit-gone = \"x\"\n",
        )
        .unwrap();
        let mut s = SavedFit::load(dir.path()).unwrap();
        s.answers.insert(Id::new("fit-schooling"), Id::new("weeks"));
        s.accepted = Some(Id::new("pt-aide"));
        s.save(dir.path()).unwrap();
        let text = std::fs::read_to_string(dir.path().join(FIT_FILE)).unwrap();
        assert!(text.starts_with("# Your answers"), "{text}");
        let back = SavedFit::load(dir.path()).unwrap();
        assert_eq!(back, s);
        assert_eq!(
            back.answers.len(),
            2,
            "an answer to a question now gone is kept"
        );
        assert!(text.contains("mine = 1"), "{text}");
    }

    #[test]
    fn a_damaged_file_says_where_and_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FIT_FILE);
        for (text, line) in [
            ("[answers]\nfit-schooling = 3\n", 2),
            ("answers = \"weeks\"\n", 1),
            ("accepted = 4\n", 1),
            ("[answers\n", 1),
        ] {
            std::fs::write(&path, text).unwrap();
            let err = SavedFit::load(dir.path()).unwrap_err();
            let LoadError::Damaged(p) = &err else {
                panic!("{err:?}");
            };
            assert_eq!(p.line, Some(line), "{text:?}: {p}");
            let mut kept = crate::storage::datafile::Kept::from_load(Err(err), SavedFit::default());
            assert!(kept.save(|v| v.save(dir.path())).is_err());
            assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        }
    }
}

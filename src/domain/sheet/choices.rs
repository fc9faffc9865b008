//! What the user decides about the sheet, kept in `sheet.toml` in the data folder: the 30-second
//! introduction, the stories pinned to or dropped from the sheet, and the clinic's details.
//!
//! ```toml
//! intro = """
//! I'm a restorative aide at a nursing home...
//! """
//! pinned = ["2026-11-23-a-fall-i-prevented"]
//! dropped = []
//!
//! [clinic]
//! address = "12 Elm Street, Springfield"
//! contact = "Jordan Lee, clinic manager"
//! phone = "(555) 010-0100"
//! ```

use crate::domain::stories::StoryId;
use crate::storage::StorageError;
use crate::storage::datafile::{self, LoadError};
use crate::storage::sanitize::{clean_keep_tabs, clean_line};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The file name in the data folder.
pub const FILE: &str = "sheet.toml";

const HEADER: &str = "Your one-page interview sheet: your 30-second introduction, the stories you\n\
pinned to it or dropped from it, and the clinic's details. Written by clinicprep;\n\
you may edit it by hand (story ids are the file names in stories/, without .toml).";

/// The longest introduction kept, in characters: many times the 90 words it should be.
pub const INTRO_MAX_CHARS: usize = 4000;
/// The longest clinic detail kept, in characters.
pub const DETAIL_MAX_CHARS: usize = 160;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SheetChoices {
    /// "Tell me about yourself", in the user's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub intro: String,
    /// Stories always on the sheet, in the order pinned.
    #[serde(default)]
    pub pinned: Vec<StoryId>,
    /// Stories never on the sheet.
    #[serde(default)]
    pub dropped: Vec<StoryId>,
    #[serde(default, skip_serializing_if = "Clinic::is_empty")]
    pub clinic: Clinic,
    /// Pinned stories dropped since the app opened: letting one back pins it again, so `d` twice
    /// puts a story back as it was (a user walk found its pin gone). Not saved.
    #[serde(skip)]
    pub dropped_pins: Vec<StoryId>,
}

/// Where and whom: printed under the header when given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clinic {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// Who to ask for at the front desk.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
}

impl Clinic {
    pub fn is_empty(&self) -> bool {
        self.address.is_empty() && self.contact.is_empty() && self.phone.is_empty()
    }
}

/// What the user said about one story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryMark {
    /// Chosen by coverage and completeness.
    Auto,
    Pinned,
    Dropped,
}

impl SheetChoices {
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join(FILE)
    }

    /// Loads `sheet.toml`; no file yet means no choices. A damaged file is an error with its path
    /// and line, and must not be saved over.
    pub fn load(data_dir: &Path) -> Result<SheetChoices, LoadError> {
        let loaded: Option<SheetChoices> = datafile::load(&Self::path(data_dir))?;
        Ok(loaded.unwrap_or_default().sanitized())
    }

    /// Writes `sheet.toml` atomically.
    pub fn save(&self, data_dir: &Path) -> Result<(), StorageError> {
        datafile::save(&Self::path(data_dir), HEADER, self)
    }

    /// Control characters out, lengths capped, each id once and never both pinned and dropped
    /// (a pin wins: it is the stronger wish).
    pub fn sanitized(mut self) -> SheetChoices {
        self.intro = cap(&clean_keep_tabs(&self.intro), INTRO_MAX_CHARS);
        for s in [
            &mut self.clinic.address,
            &mut self.clinic.contact,
            &mut self.clinic.phone,
        ] {
            *s = cap(clean_line(s).trim(), DETAIL_MAX_CHARS);
        }
        let mut seen = std::collections::HashSet::new();
        self.pinned.retain(|id| seen.insert(id.clone()));
        self.dropped.retain(|id| seen.insert(id.clone()));
        self
    }

    pub fn mark(&self, id: &StoryId) -> StoryMark {
        if self.pinned.contains(id) {
            StoryMark::Pinned
        } else if self.dropped.contains(id) {
            StoryMark::Dropped
        } else {
            StoryMark::Auto
        }
    }

    /// Pins the story, or unpins it if pinned. A pinned story is never dropped.
    pub fn toggle_pin(&mut self, id: &StoryId) -> StoryMark {
        self.dropped.retain(|d| d != id);
        if let Some(i) = self.pinned.iter().position(|p| p == id) {
            self.pinned.remove(i);
            StoryMark::Auto
        } else {
            self.pinned.push(id.clone());
            StoryMark::Pinned
        }
    }

    /// Drops the story from the sheet, or lets it back if dropped.
    pub fn toggle_drop(&mut self, id: &StoryId) -> StoryMark {
        if let Some(i) = self.pinned.iter().position(|p| p == id) {
            self.pinned.remove(i);
            self.dropped_pins.push(id.clone());
        }
        if let Some(i) = self.dropped.iter().position(|d| d == id) {
            self.dropped.remove(i);
            if let Some(k) = self.dropped_pins.iter().position(|p| p == id) {
                self.dropped_pins.remove(k);
                self.pinned.push(id.clone());
                return StoryMark::Pinned;
            }
            StoryMark::Auto
        } else {
            self.dropped.push(id.clone());
            StoryMark::Dropped
        }
    }
}

/// At most `max` characters, cut at a character boundary (only ever reached by a damaged or
/// pasted-in file; the app's editor stops at the limit).
fn cap(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => s[..i].to_string(),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> StoryId {
        StoryId::from_stem(s).unwrap()
    }

    #[test]
    fn no_file_is_no_choices_and_a_round_trip_keeps_everything() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            SheetChoices::load(dir.path()).unwrap(),
            SheetChoices::default()
        );
        let mut c = SheetChoices {
            intro: "I'm a CNA.\n\nI want this job.".into(),
            ..SheetChoices::default()
        };
        c.toggle_pin(&id("a"));
        c.toggle_drop(&id("b"));
        c.clinic.phone = "(555) 010-0100".into();
        c.save(dir.path()).unwrap();
        let text = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
        assert!(
            text.starts_with("# Your one-page interview sheet"),
            "{text}"
        );
        assert_eq!(SheetChoices::load(dir.path()).unwrap(), c);
    }

    #[test]
    fn empty_parts_are_not_written() {
        let dir = tempfile::tempdir().unwrap();
        SheetChoices::default().save(dir.path()).unwrap();
        let text = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
        assert!(
            !text.contains("intro =") && !text.contains("[clinic]"),
            "{text}"
        );
    }

    #[test]
    fn a_damaged_file_is_reported_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE),
            "pinned = []\nintro = \"\"\"\nunclosed\n",
        )
        .unwrap();
        match SheetChoices::load(dir.path()) {
            Err(LoadError::Damaged(p)) => {
                assert!(p.path.ends_with(FILE), "{p}");
                assert!(p.line.is_some(), "{p}");
            }
            other => panic!("expected Damaged, got {other:?}"),
        }
        std::fs::write(dir.path().join(FILE), "pined = [\"a\"]\n").unwrap();
        let Err(LoadError::Damaged(p)) = SheetChoices::load(dir.path()) else {
            panic!("a misspelled key is reported");
        };
        assert!(p.message.contains("pined"), "{p}");
    }

    #[test]
    fn pin_and_drop_exclude_each_other_and_toggle() {
        let mut c = SheetChoices::default();
        let a = id("a");
        assert_eq!(c.mark(&a), StoryMark::Auto);
        assert_eq!(c.toggle_pin(&a), StoryMark::Pinned);
        assert_eq!(c.toggle_drop(&a), StoryMark::Dropped);
        assert!(c.pinned.is_empty());
        assert_eq!(c.toggle_pin(&a), StoryMark::Pinned);
        assert!(c.dropped.is_empty());
        assert_eq!(c.toggle_pin(&a), StoryMark::Auto);
        assert_eq!(c.mark(&a), StoryMark::Auto);
    }

    /// A user walk pinned a story, pressed d twice, and found it back but no longer pinned.
    #[test]
    fn dropping_a_pinned_story_and_letting_it_back_pins_it_again() {
        let mut c = SheetChoices::default();
        let (a, b) = (id("a"), id("b"));
        c.toggle_pin(&a);
        assert_eq!(c.toggle_drop(&a), StoryMark::Dropped);
        assert_eq!(c.toggle_drop(&a), StoryMark::Pinned);
        assert_eq!(c.mark(&a), StoryMark::Pinned);
        assert_eq!(c.toggle_drop(&b), StoryMark::Dropped);
        assert_eq!(
            c.toggle_drop(&b),
            StoryMark::Auto,
            "never pinned: back as it was"
        );
    }

    #[test]
    fn loading_cleans_text_and_settles_conflicts() {
        let c = SheetChoices {
            intro: "Hi\u{1b}[2J there".into(),
            pinned: vec![id("a"), id("a")],
            dropped: vec![id("a"), id("b")],
            clinic: Clinic {
                address: "12 Elm\nStreet\u{7}".into(),
                ..Clinic::default()
            },
            ..SheetChoices::default()
        }
        .sanitized();
        assert_eq!(c.intro, "Hi[2J there");
        assert_eq!(c.pinned, [id("a")]);
        assert_eq!(c.dropped, [id("b")]);
        assert_eq!(c.clinic.address, "12 Elm Street");
    }
}

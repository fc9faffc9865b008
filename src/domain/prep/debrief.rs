//! Notes after an interview, kept in `interviews.toml` in the data folder: how it went, in the
//! user's words, one entry an interview date, so the next interview starts from what they learned.
//!
//! ```toml
//! [[interview]]
//! date = "2026-12-17"
//! notes = """
//! They asked how I would handle a patient who refuses. Next time: a shorter answer about why PT.
//! """
//! ```

use crate::storage::StorageError;
use crate::storage::datafile::{self, LoadError};
use crate::storage::sanitize::clean_keep_tabs;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The file name in the data folder.
pub const FILE: &str = "interviews.toml";

const HEADER: &str = "Notes after your interviews: how each one went, in your words. Written by\n\
clinicprep (n on Home once the interview day has passed); you may edit it by hand.";

/// The longest note kept, in characters: pages more than anyone writes after an interview.
pub const NOTES_MAX_CHARS: usize = 8000;

/// Every interview the user wrote notes about, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Debriefs {
    #[serde(default, rename = "interview")]
    pub interviews: Vec<Debrief>,
}

/// How one interview went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Debrief {
    /// The interview's date, as it was set when the notes were written.
    pub date: NaiveDate,
    #[serde(default)]
    pub notes: String,
}

impl Debriefs {
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join(FILE)
    }

    /// Loads `interviews.toml`; no file yet means no notes. A damaged file is an error with its
    /// path and line, and must not be saved over.
    pub fn load(data_dir: &Path) -> Result<Debriefs, LoadError> {
        let loaded: Option<Debriefs> = datafile::load(&Self::path(data_dir))?;
        Ok(loaded.unwrap_or_default().sanitized())
    }

    /// Writes `interviews.toml` atomically.
    pub fn save(&self, data_dir: &Path) -> Result<(), StorageError> {
        datafile::save(&Self::path(data_dir), HEADER, self)
    }

    /// Control characters out, notes capped, one entry a date (the last written wins, as a
    /// hand-edited file would mean), in date order.
    pub fn sanitized(mut self) -> Debriefs {
        let mut kept: Vec<Debrief> = Vec::new();
        for mut d in std::mem::take(&mut self.interviews) {
            d.notes = clean_keep_tabs(&d.notes)
                .chars()
                .take(NOTES_MAX_CHARS)
                .collect();
            kept.retain(|k| k.date != d.date);
            kept.push(d);
        }
        kept.sort_by_key(|d| d.date);
        self.interviews = kept;
        self
    }

    /// The notes written about the interview on `date`, if any.
    pub fn notes_for(&self, date: NaiveDate) -> Option<&str> {
        self.interviews
            .iter()
            .find(|d| d.date == date)
            .map(|d| d.notes.as_str())
    }

    /// Sets the notes about the interview on `date`; notes of nothing but spaces remove the entry.
    /// Returns whether anything changed.
    pub fn set(&mut self, date: NaiveDate, notes: &str) -> bool {
        let notes: String = notes.chars().take(NOTES_MAX_CHARS).collect();
        let at = self.interviews.iter().position(|d| d.date == date);
        match (at, notes.trim().is_empty()) {
            (Some(i), true) => {
                self.interviews.remove(i);
                true
            }
            (None, true) => false,
            (Some(i), false) => match self.interviews.get_mut(i) {
                Some(d) if d.notes != notes => {
                    d.notes = notes;
                    true
                }
                _ => false,
            },
            (None, false) => {
                self.interviews.push(Debrief { date, notes });
                self.interviews.sort_by_key(|d| d.date);
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn notes_are_written_read_back_and_emptied_away() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = Debriefs::default();
        assert!(d.set(
            day("2026-12-17"),
            "They asked about\n\tgait belts. 🙂 Ça va."
        ));
        assert!(d.set(day("2026-11-02"), "First one."));
        assert!(
            !d.set(day("2026-11-02"), "First one."),
            "the same text changes nothing"
        );
        d.save(dir.path()).unwrap();
        let text = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
        assert!(text.starts_with("# Notes after your interviews"), "{text}");
        let back = Debriefs::load(dir.path()).unwrap();
        assert_eq!(back, d);
        assert_eq!(
            back.notes_for(day("2026-12-17")),
            Some("They asked about\n\tgait belts. 🙂 Ça va.")
        );
        let dates: Vec<_> = back.interviews.iter().map(|i| i.date).collect();
        assert_eq!(
            dates,
            [day("2026-11-02"), day("2026-12-17")],
            "oldest first"
        );
        let mut emptied = back;
        assert!(emptied.set(day("2026-11-02"), "  \n "));
        assert_eq!(emptied.notes_for(day("2026-11-02")), None);
    }

    #[test]
    fn a_hand_edited_file_is_cleaned_and_a_damaged_one_is_reported_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        std::fs::write(
            &path,
            "[[interview]]\ndate = \"2026-12-17\"\nnotes = \"old\"\n\n\
             [[interview]]\ndate = \"2026-12-17\"\nnotes = \"new \\u001b[31mred\"\n",
        )
        .unwrap();
        let d = Debriefs::load(dir.path()).unwrap();
        assert_eq!(d.interviews.len(), 1, "one entry a date");
        assert_eq!(d.notes_for(day("2026-12-17")), Some("new [31mred"));
        std::fs::write(&path, "[[interview]]\ndate = \"someday\"\n").unwrap();
        let e = Debriefs::load(dir.path()).unwrap_err();
        let p = e.problem();
        assert!(p.path.ends_with(FILE), "{p}");
        assert!(p.to_string().contains(&format!("{FILE}:2:")), "{p}");
    }
}

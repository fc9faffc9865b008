//! What a search hit opened in a guide: its paragraph's matched words, to mark where they show.

use crate::domain::content::GuideSection;
use crate::domain::content::search::{Hit, Target};
use crate::widgets::mark::lower;

/// The block of a guide a search hit opened, and the words that matched in it (lowercase), so the
/// reader sees why the search led there: "salary" finds a paragraph about pay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub role: usize,
    pub section: GuideSection,
    pub block: usize,
    pub words: Vec<String>,
}

impl Found {
    /// What `hit` marks in its guide block; None for a hit elsewhere (a question, a term).
    pub fn of(hit: &Hit) -> Option<Found> {
        let Target::Section {
            role,
            section,
            block,
        } = hit.target
        else {
            return None;
        };
        let mut words: Vec<String> = hit
            .ranges
            .iter()
            .filter_map(|r| hit.text.get(r.clone()))
            .map(lower)
            .filter(|w| !w.trim().is_empty())
            .collect();
        words.sort();
        words.dedup();
        Some(Found {
            role,
            section,
            block,
            words,
        })
    }
}

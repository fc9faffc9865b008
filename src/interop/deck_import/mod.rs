//! Turns imported notes into cards in the user's deck files: stable ids, duplicates skipped, files
//! appended to without touching what is already there.

mod ids;
mod write;

pub use ids::card_id;
pub use write::{Written, apply};

use crate::domain::content::{Card, ContentFile, Id, Library, Problem};
use crate::interop::anki::{Note, NoteFile};
use crate::storage::sanitize;
use crate::storage::{self, StorageError};
use ids::{card_id_of, normal};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Folder under the user content dir that imported decks are written to.
pub const IMPORT_DIR: &str = "imported";

/// The largest deck file an import writes: the largest content file the library loads, so what is
/// written always loads.
pub const MAX_DECK_BYTES: u64 = crate::domain::content::library::MAX_USER_FILE;

/// What was skipped, for the summary's counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkipKind {
    /// Already in the user's cards (same id or same front), or twice in the file.
    Duplicate,
    /// The front or the back is empty.
    Empty,
    /// The row or header line could not be read.
    Bad,
}

/// One skipped row and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    pub kind: SkipKind,
    pub reason: String,
}

/// New cards for one deck file.
#[derive(Debug, Clone)]
pub struct DeckUpdate {
    pub deck: String,
    pub path: PathBuf,
    /// The new cards; [`apply`] takes them out as it writes them.
    pub cards: Vec<Card>,
    /// How many new cards the deck gets.
    pub added: usize,
    /// The file's current text, when it exists; it is kept byte for byte and the cards appended.
    pub(super) existing: Option<String>,
    pub(super) existing_cards: usize,
}

/// What an import would do; nothing is written until [`apply`].
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub updates: Vec<DeckUpdate>,
    pub skipped: Vec<Skipped>,
}

impl Plan {
    pub fn added(&self) -> usize {
        self.updates.iter().map(|u| u.added).sum()
    }
}

/// Why an import could not go ahead or finish.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A deck file the cards belong in exists but cannot be read; it is left alone and nothing is
    /// written.
    #[error(
        "{0}. The cards would be added to this deck file, but it cannot be read, so nothing was \
         imported and the file was not touched. Fix it (`clinicprep check` lists its problems) or \
         move it away, then import again."
    )]
    BrokenDeck(Problem),
    /// The deck file would grow past [`MAX_DECK_BYTES`], so it would no longer load; nothing was
    /// written.
    #[error("{}", too_large(.path, *.bytes))]
    TooLarge { path: PathBuf, bytes: u64 },
    /// Writing a deck file failed; `saved` lists the deck files written before it.
    #[error("{error} ({})", error.cli_hint())]
    Write {
        error: StorageError,
        saved: Vec<PathBuf>,
    },
}

/// The message for [`ImportError::TooLarge`].
fn too_large(path: &Path, bytes: u64) -> String {
    format!(
        "{} would grow to {}, more than the {} a deck file may be, so it would no longer load. \
         Nothing was imported. Split the file and import the parts into different decks (--deck NAME)",
        path.display(),
        storage::safe::size(bytes),
        storage::safe::size(MAX_DECK_BYTES)
    )
}

/// Where cards go: `deck` overrides every note's own deck; `fallback` names notes that have none.
pub struct DeckChoice<'a> {
    pub deck: Option<&'a str>,
    pub fallback: &'a str,
}

/// Works out which notes become new cards in which deck files, against everything already in `lib`
/// and in the deck files under `user_dir/imported`. Takes the notes, so their text moves into the
/// cards rather than being copied (an import of 100,000 notes holds it once).
pub fn plan(
    file: NoteFile,
    lib: &Library,
    user_dir: &Path,
    choice: &DeckChoice,
) -> Result<Plan, ImportError> {
    let mut known = Known::from_library(lib);
    let mut plan = Plan::default();
    plan.skipped.extend(file.bad.into_iter().map(|b| Skipped {
        line: b.line,
        kind: SkipKind::Bad,
        reason: b.reason,
    }));
    // Each note deck's name and slot in `plan.updates`, by the note's own deck (most notes share
    // one), so names and file names are worked out once a deck rather than once a note.
    let mut slots: HashMap<Option<String>, (usize, String)> = HashMap::new();
    for note in file.notes {
        let skip = |kind, reason: String| Skipped {
            line: note.line,
            kind,
            reason,
        };
        if note.front.is_empty() {
            plan.skipped
                .push(skip(SkipKind::Empty, "the front is empty".into()));
            continue;
        }
        if note.back.is_empty() {
            plan.skipped
                .push(skip(SkipKind::Empty, "the back is empty".into()));
            continue;
        }
        let (slot, deck) = match slots.get(&note.deck) {
            Some((i, deck)) => (*i, deck.clone()),
            None => {
                let deck = deck_name(&note, choice);
                let path = user_dir.join(IMPORT_DIR).join(file_name(&deck));
                // Two deck names can make one file name: they share the file, each card keeping
                // its own deck name.
                let i = match plan.updates.iter().position(|u| u.path == path) {
                    Some(i) => i,
                    None => {
                        plan.updates.push(open_deck(&deck, path, &mut known)?);
                        plan.updates.len() - 1
                    }
                };
                slots.insert(note.deck.clone(), (i, deck.clone()));
                (i, deck)
            }
        };
        let front = normal(&note.front);
        let id = card_id_of(&note, &front);
        if let Some(why) = known.duplicate(&id, &front) {
            plan.skipped.push(skip(SkipKind::Duplicate, why));
            continue;
        }
        known.add_normal(&id, front);
        plan.updates[slot].cards.push(Card {
            id,
            deck: deck.into(),
            front: note.front,
            back: note.back,
            tags: note
                .tags
                .into_iter()
                .map(compact_str::CompactString::from)
                .collect(),
            roles: Vec::new(),
        });
    }
    plan.updates.retain(|u| !u.cards.is_empty());
    for u in &mut plan.updates {
        u.added = u.cards.len();
    }
    plan.skipped.sort_by_key(|s| s.line);
    Ok(plan)
}

/// Reads the deck file the cards will join, if it exists, refusing one that does not parse.
fn open_deck(deck: &str, path: PathBuf, known: &mut Known) -> Result<DeckUpdate, ImportError> {
    let shown = path.display().to_string();
    let existing = match storage::safe::read_regular(&path, MAX_DECK_BYTES) {
        Ok(bytes) => Some(String::from_utf8(bytes).map_err(|_| {
            ImportError::BrokenDeck(Problem::new(&shown, "the deck file is not UTF-8 text"))
        })?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(ImportError::BrokenDeck(Problem::new(
                &shown,
                format!("could not read the deck file: {e}"),
            )));
        }
    };
    let mut existing_cards = 0;
    if let Some(text) = &existing {
        let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let file: ContentFile = toml::from_str(body)
            .map_err(|e| ImportError::BrokenDeck(Problem::from_toml(&shown, body, &e)))?;
        existing_cards = file.card.len();
        for c in &file.card {
            known.add(&c.id, &sanitize::clean(&c.front));
        }
    }
    Ok(DeckUpdate {
        deck: deck.to_string(),
        path,
        cards: Vec::new(),
        added: 0,
        existing,
        existing_cards,
    })
}

/// Every id in use and every card front, to spot what is already there. (foldhash: an import of
/// 100,000 notes looks each one up twice.)
struct Known {
    ids: foldhash::HashSet<String>,
    fronts: foldhash::HashMap<String, String>,
}

impl Known {
    fn from_library(lib: &Library) -> Known {
        let mut k = Known {
            ids: foldhash::HashSet::default(),
            fronts: foldhash::HashMap::default(),
        };
        let other_ids = lib.roles.iter().map(|r| &r.id).chain(
            lib.competencies
                .iter()
                .map(|c| &c.id)
                .chain(lib.asks.iter().map(|a| &a.id))
                .chain(lib.steps.iter().map(|s| &s.id))
                .chain(lib.terms.iter().map(|t| &t.id)),
        );
        for id in other_ids {
            k.ids.insert(id.0.to_string());
        }
        for q in &lib.questions {
            k.add(&q.id, &q.text);
        }
        for f in &lib.facts {
            k.add(&f.id, &f.front);
        }
        for c in &lib.cards {
            k.add(&c.id, &c.front);
        }
        k
    }

    fn add(&mut self, id: &Id, front: &str) {
        self.add_normal(id, normal(front));
    }

    /// [`Known::add`] with the front already in its [`normal`] form.
    fn add_normal(&mut self, id: &Id, front: String) {
        self.ids.insert(id.0.to_string());
        self.fronts.entry(front).or_insert(id.0.to_string());
    }

    /// Why a card with `id` and a front whose [`normal`] form is `front` is already there, if it is.
    fn duplicate(&self, id: &Id, front: &str) -> Option<String> {
        if self.ids.contains(id.as_str()) {
            return Some(format!("already in your cards (id {id})"));
        }
        self.fronts.get(front).map(|other| {
            format!("a card with the same front is already in your cards (id {other})")
        })
    }
}

fn deck_name(note: &Note, choice: &DeckChoice) -> String {
    let name = choice
        .deck
        .or(note.deck.as_deref())
        .map(|d| sanitize::clean_line(d).trim().to_string())
        .filter(|d| !d.is_empty());
    name.unwrap_or_else(|| sanitize::clean_line(choice.fallback).trim().to_string())
}

/// A safe, portable file name for a deck: lowercase ASCII letters, digits and dashes.
pub fn file_name(deck: &str) -> String {
    let mut slug = String::new();
    for c in deck.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    if slug.is_empty() {
        slug.push_str("deck");
    }
    // Names Windows reserves for devices.
    let reserved = ["con", "prn", "aux", "nul"];
    let device = slug.len() == 4
        && (slug.starts_with("com") || slug.starts_with("lpt"))
        && slug.ends_with(|c: char| c.is_ascii_digit());
    if reserved.contains(&slug.as_str()) || device {
        slug.push_str("-deck");
    }
    format!("{slug}.toml")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A note with `front` and `guid` (line 1, back "b", no tags or deck), for the tests of this
    /// module's parts too.
    pub(super) fn note(front: &str, guid: Option<&str>) -> crate::interop::anki::Note {
        crate::interop::anki::Note {
            line: 1,
            front: front.into(),
            back: "b".into(),
            tags: vec![],
            guid: guid.map(str::to_string),
            deck: None,
        }
    }

    #[test]
    fn file_names_are_portable() {
        assert_eq!(file_name("Rehab::Words"), "rehab-words.toml");
        assert_eq!(file_name("  ¿Qué?  "), "qu.toml");
        assert_eq!(file_name("!!!"), "deck.toml");
        assert_eq!(file_name("CON"), "con-deck.toml");
        assert_eq!(file_name("com1"), "com1-deck.toml");
        assert_eq!(file_name(&"x".repeat(100)).len(), 65);
    }
}

//! Turns imported notes into cards in the user's deck files: stable ids, duplicates skipped, files
//! appended to without touching what is already there.

use crate::domain::content::library::valid_id;
use crate::domain::content::{Card, ContentFile, Id, Library, Problem};
use crate::interop::anki::{Note, NoteFile};
use crate::storage::sanitize;
use crate::storage::{self, StorageError};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
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
    pub cards: Vec<Card>,
    /// The file's current text, when it exists; it is kept byte for byte and the cards appended.
    existing: Option<String>,
    existing_cards: usize,
}

/// What an import would do; nothing is written until [`apply`].
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub updates: Vec<DeckUpdate>,
    pub skipped: Vec<Skipped>,
}

impl Plan {
    pub fn added(&self) -> usize {
        self.updates.iter().map(|u| u.cards.len()).sum()
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
/// and in the deck files under `user_dir/imported`.
pub fn plan(
    file: &NoteFile,
    lib: &Library,
    user_dir: &Path,
    choice: &DeckChoice,
) -> Result<Plan, ImportError> {
    let mut known = Known::from_library(lib);
    let mut plan = Plan::default();
    plan.skipped.extend(file.bad.iter().map(|b| Skipped {
        line: b.line,
        kind: SkipKind::Bad,
        reason: b.reason.clone(),
    }));
    let mut by_path: HashMap<PathBuf, usize> = HashMap::new();
    for note in &file.notes {
        let deck = deck_name(note, choice);
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
        let path = user_dir.join(IMPORT_DIR).join(file_name(&deck));
        let slot = match by_path.get(&path) {
            Some(i) => *i,
            None => {
                let update = open_deck(&deck, path.clone(), &mut known)?;
                plan.updates.push(update);
                by_path.insert(path, plan.updates.len() - 1);
                plan.updates.len() - 1
            }
        };
        let id = card_id(note);
        if let Some(why) = known.duplicate(&id, &note.front) {
            plan.skipped.push(skip(SkipKind::Duplicate, why));
            continue;
        }
        known.add(&id, &note.front);
        plan.updates[slot].cards.push(Card {
            id,
            deck,
            front: note.front.clone(),
            back: note.back.clone(),
            tags: note.tags.clone(),
            roles: Vec::new(),
        });
    }
    plan.updates.retain(|u| !u.cards.is_empty());
    plan.skipped.sort_by_key(|s| s.line);
    Ok(plan)
}

/// Writes every deck file in the plan atomically. `source` (the imported file's name) and `date` go in
/// a comment above the new cards.
pub fn apply(plan: &Plan, source: &str, date: &str) -> Result<Vec<PathBuf>, ImportError> {
    apply_within(plan, source, date, MAX_DECK_BYTES)
}

/// [`apply`] with the size limit given, for tests at the boundary. Every deck's text is made and
/// measured before anything is written, so a deck over the limit stops the import whole.
fn apply_within(
    plan: &Plan,
    source: &str,
    date: &str,
    limit: u64,
) -> Result<Vec<PathBuf>, ImportError> {
    let mut texts = Vec::with_capacity(plan.updates.len());
    for u in &plan.updates {
        let text = deck_text(u, source, date).map_err(ImportError::BrokenDeck)?;
        if text.len() as u64 > limit {
            return Err(ImportError::TooLarge {
                path: u.path.clone(),
                bytes: text.len() as u64,
            });
        }
        texts.push(text);
    }
    let mut saved = Vec::new();
    for (u, text) in plan.updates.iter().zip(texts) {
        let write = |error| ImportError::Write {
            error,
            saved: saved.clone(),
        };
        if let Some(dir) = u.path.parent() {
            storage::ensure_private_dir(dir).map_err(write)?;
        }
        storage::write_atomic(&u.path, text.as_bytes()).map_err(write)?;
        saved.push(u.path.clone());
    }
    Ok(saved)
}

/// The deck file's new text: the old text untouched, then the new cards. Checked by reading it back.
fn deck_text(u: &DeckUpdate, source: &str, date: &str) -> Result<String, Problem> {
    #[derive(Serialize)]
    struct Cards<'a> {
        card: &'a [Card],
    }
    let shown = u.path.display().to_string();
    let cards = toml::to_string(&Cards { card: &u.cards })
        .map_err(|e| Problem::new(&shown, format!("could not write the new cards: {e}")))?;
    let mut text = match &u.existing {
        Some(t) if t.is_empty() || t.ends_with('\n') => t.clone(),
        Some(t) => format!("{t}\n"),
        None => {
            "# Cards added by `clinicprep import`. Edit the text as you like, but keep each id: \
                 your review history follows it.\n"
                .to_string()
        }
    };
    let source = sanitize::clean_line(source);
    text.push_str(&format!(
        "\n# {} card(s) imported from {source} on {date}\n",
        u.cards.len()
    ));
    text.push_str(&cards);
    let back: ContentFile = toml::from_str(&text).map_err(|e| {
        let mut p = Problem::from_toml(&shown, &text, &e);
        p.message = format!(
            "the new cards did not read back, so nothing was written: {}",
            p.message
        );
        p
    })?;
    if back.card.len() != u.existing_cards + u.cards.len() {
        return Err(Problem::new(
            &shown,
            "the new cards did not read back whole",
        ));
    }
    Ok(text)
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
        existing,
        existing_cards,
    })
}

/// Every id in use and every card front, to spot what is already there.
struct Known {
    ids: HashSet<String>,
    fronts: HashMap<String, String>,
}

impl Known {
    fn from_library(lib: &Library) -> Known {
        let mut k = Known {
            ids: HashSet::new(),
            fronts: HashMap::new(),
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
            k.ids.insert(id.0.clone());
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
        self.ids.insert(id.0.clone());
        self.fronts.entry(normal(front)).or_insert(id.0.clone());
    }

    fn duplicate(&self, id: &Id, front: &str) -> Option<String> {
        if self.ids.contains(id.as_str()) {
            return Some(format!("already in your cards (id {id})"));
        }
        self.fronts.get(&normal(front)).map(|other| {
            format!("a card with the same front is already in your cards (id {other})")
        })
    }
}

/// Fronts compare without case or spacing differences.
fn normal(front: &str) -> String {
    front
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A card id that is the same every time the same note is imported: the Anki note id when the file
/// has one (as is, if it is already a valid id, as clinicprep's own exports write), else a hash of
/// the front.
pub fn card_id(note: &Note) -> Id {
    match note.guid.as_deref() {
        Some(g) if valid_id(g) => Id::new(g),
        Some(g) => Id::new(format!("imp-{:016x}", fnv1a(&format!("guid\0{g}")))),
        None => Id::new(format!(
            "imp-{:016x}",
            fnv1a(&format!("front\0{}", normal(&note.front)))
        )),
    }
}

/// 64-bit FNV-1a: tiny, and fixed forever (std's hasher may change between Rust versions, and ids
/// must not).
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
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

    fn note(front: &str, guid: Option<&str>) -> Note {
        Note {
            line: 1,
            front: front.into(),
            back: "b".into(),
            tags: vec![],
            guid: guid.map(str::to_string),
            deck: None,
        }
    }

    #[test]
    fn ids_are_stable_and_ignore_spacing_and_case() {
        let a = card_id(&note("Gait  belt", None));
        assert_eq!(a, card_id(&note("gait belt", None)));
        assert_ne!(a, card_id(&note("gait belts", None)));
        assert!(valid_id(a.as_str()));
        // Pinned: ids must never change between versions.
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn guids_become_ids_valid_ones_as_they_are() {
        assert_eq!(
            card_id(&note("x", Some("q-transfer"))).as_str(),
            "q-transfer"
        );
        let hashed = card_id(&note("x", Some("Ab$9/x")));
        assert!(hashed.as_str().starts_with("imp-") && valid_id(hashed.as_str()));
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

    #[test]
    fn a_deck_is_written_up_to_the_load_limit_and_refused_whole_past_it() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("content");
        let file = NoteFile {
            notes: (0..20).map(|i| note(&format!("front {i}"), None)).collect(),
            bad: vec![],
            separator: ',',
            html: false,
            anki: false,
        };
        let choice = DeckChoice {
            deck: Some("Big"),
            fallback: "x",
        };
        let lib = Library::builtin();
        let p = plan(&file, &lib, &user, &choice).unwrap();
        let size = deck_text(&p.updates[0], "f.csv", "2026-11-23")
            .unwrap()
            .len() as u64;
        let err = apply_within(&p, "f.csv", "2026-11-23", size - 1).unwrap_err();
        assert!(
            matches!(err, ImportError::TooLarge { bytes, .. } if bytes == size),
            "{err}"
        );
        assert!(err.to_string().contains("Nothing was imported"), "{err}");
        assert!(!user.join(IMPORT_DIR).exists(), "nothing written");
        let saved = apply_within(&p, "f.csv", "2026-11-23", size).unwrap();
        assert_eq!(std::fs::metadata(&saved[0]).unwrap().len(), size);
        // The real limit is the library's: what import writes, the library loads.
        assert_eq!(
            MAX_DECK_BYTES,
            crate::domain::content::library::MAX_USER_FILE
        );
        let loaded = Library::load(Some(&user));
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    }
}

//! Turns imported notes into cards in the user's deck files: stable ids, duplicates skipped, files
//! appended to without touching what is already there.

use crate::domain::content::library::valid_id;
use crate::domain::content::{Card, ContentFile, Id, Library, Problem};
use crate::interop::anki::{Note, NoteFile};
use crate::interop::deck_text::deck_text;
use crate::interop::staged::Staged;
use crate::storage::cache::Encoded;
use crate::storage::sanitize;
use crate::storage::{self, StorageError};
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

/// A deck file [`apply`] wrote: where, the hash of the bytes written, and its cards as they were read
/// back to check the text, encoded for the parse cache so that the next start need not parse the
/// file again (`None` for a file that starts with a byte-order mark, which loading reads without).
#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    pub hash: u64,
    pub parsed: Option<Encoded<ContentFile>>,
}

/// Writes every deck file in the plan atomically. `source` (the imported file's name) and `date` go in
/// a comment above the new cards. The cards are taken out of the plan as their text is made, so an
/// import does not hold them twice; the plan keeps how many each deck got.
pub fn apply(plan: &mut Plan, source: &str, date: &str) -> Result<Vec<Written>, ImportError> {
    apply_within(plan, source, date, MAX_DECK_BYTES)
}

/// One deck's new text, made, read back to check it and written beside the deck file (see
/// [`Staged`]), with its hash and what the parse cache keeps of it.
struct Made {
    staged: Staged,
    hash: u64,
    parsed: Option<Encoded<ContentFile>>,
}

/// Why a deck could not be made.
enum Unmade {
    Problem(Problem),
    TooLarge(u64),
    Write(StorageError),
}

fn make(
    u: &DeckUpdate,
    cards: Vec<Card>,
    source: &str,
    date: &str,
    limit: u64,
) -> Result<Made, Unmade> {
    let (text, back) = deck_text(u, cards, source, date).map_err(Unmade::Problem)?;
    let len = text.len() as u64;
    if len > limit {
        return Err(Unmade::TooLarge(len));
    }
    let parsed = (!text.starts_with('\u{FEFF}'))
        .then(|| Encoded::of(&back))
        .flatten();
    drop(back);
    if let Some(dir) = u.path.parent() {
        storage::ensure_private_dir(dir).map_err(Unmade::Write)?;
    }
    let staged = Staged::write(&u.path, text.as_bytes()).map_err(Unmade::Write)?;
    Ok(Made {
        staged,
        hash: crate::storage::cache::hash(text.as_bytes()),
        parsed,
    })
}

/// Every deck's text made, checked and staged, the decks shared out among the processor's cores
/// (the check reads each text back with the TOML parser, the bulk of an import's time). Each deck's
/// text is dropped once it is staged, so an import holds one text per core, not all of them.
fn make_all(plan: &mut Plan, source: &str, date: &str, limit: u64) -> Vec<Result<Made, Unmade>> {
    let jobs: Vec<(usize, Vec<Card>)> = plan
        .updates
        .iter_mut()
        .map(|u| std::mem::take(&mut u.cards))
        .enumerate()
        .collect();
    let updates = &plan.updates;
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, jobs.len().max(1));
    let jobs = std::sync::Mutex::new(jobs.into_iter());
    let next = || jobs.lock().unwrap_or_else(|p| p.into_inner()).next();
    let work = || {
        let mut out = Vec::new();
        while let Some((i, cards)) = next() {
            out.push((i, make(&updates[i], cards, source, date, limit)));
        }
        out
    };
    // This thread works too: it reuses the memory the notes were read into, where another thread
    // would take fresh memory from the system.
    let mut made: Vec<(usize, Result<Made, Unmade>)> = std::thread::scope(|s| {
        let others: Vec<_> = (1..workers).map(|_| s.spawn(work)).collect();
        let mut made = work();
        for h in others {
            made.extend(h.join().unwrap_or_default());
        }
        made
    });
    made.sort_by_key(|(i, _)| *i);
    made.into_iter().map(|(_, m)| m).collect()
}

/// [`apply`] with the size limit given, for tests at the boundary. Every deck's text is made,
/// measured and written beside its file before any file is replaced, so a deck over the limit (or
/// any failure until then) stops the import whole.
fn apply_within(
    plan: &mut Plan,
    source: &str,
    date: &str,
    limit: u64,
) -> Result<Vec<Written>, ImportError> {
    let made = make_all(plan, source, date, limit);
    let mut ready = Vec::with_capacity(made.len());
    let mut failed = None;
    for (u, m) in plan.updates.iter().zip(made) {
        match m {
            Ok(m) => ready.push(m),
            Err(e) if failed.is_none() => {
                failed = Some(match e {
                    Unmade::Problem(p) => ImportError::BrokenDeck(p),
                    Unmade::TooLarge(bytes) => ImportError::TooLarge {
                        path: u.path.clone(),
                        bytes,
                    },
                    Unmade::Write(error) => ImportError::Write {
                        error,
                        saved: Vec::new(),
                    },
                });
            }
            Err(_) => {}
        }
    }
    if ready.len() != plan.updates.len() {
        ready.into_iter().for_each(|m| m.staged.discard());
        return Err(failed.unwrap_or_else(|| {
            let p = Problem::new("import", "the new cards could not all be prepared");
            ImportError::BrokenDeck(p)
        }));
    }
    let mut saved: Vec<PathBuf> = Vec::new();
    let mut written = Vec::with_capacity(ready.len());
    let mut ready = ready.into_iter();
    while let Some(m) = ready.next() {
        let path = m.staged.path().to_path_buf();
        if let Err(error) = m.staged.commit() {
            ready.for_each(|m| m.staged.discard());
            return Err(ImportError::Write { error, saved });
        }
        saved.push(path.clone());
        written.push(Written {
            path,
            hash: m.hash,
            parsed: m.parsed,
        });
    }
    Ok(written)
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

/// Fronts compare without case or spacing differences. (Card ids hash this form, so it must never
/// change: `str::to_lowercase` of the words joined by single spaces.)
fn normal(front: &str) -> String {
    let mut joined = String::with_capacity(front.len());
    for w in front.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(w);
    }
    if joined.is_ascii() {
        // The same as `to_lowercase` for ASCII, without a second string.
        joined.make_ascii_lowercase();
        joined
    } else {
        joined.to_lowercase()
    }
}

/// A card id that is the same every time the same note is imported: the Anki note id when the file
/// has one (as is, if it is already a valid id, as clinicprep's own exports write), else a hash of
/// the front.
pub fn card_id(note: &Note) -> Id {
    card_id_of(note, &normal(&note.front))
}

/// [`card_id`] with the front already in its [`normal`] form.
fn card_id_of(note: &Note, normal_front: &str) -> Id {
    match note.guid.as_deref() {
        Some(g) if valid_id(g) => Id::new(g),
        Some(g) => Id::new(format!("imp-{:016x}", fnv1a(&format!("guid\0{g}")))),
        None => Id::new(format!(
            "imp-{:016x}",
            fnv1a(&format!("front\0{normal_front}"))
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
    fn the_normal_form_of_a_front_never_changes() {
        let old = |f: &str| {
            f.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        for f in [
            "  Gait\tBELT  check ",
            "ΟΔΟΣ ΣΟΦΙΑΣ",
            "Ünïcode  Straße",
            "",
            "a\u{00A0}b\u{2003}c",
        ] {
            assert_eq!(normal(f), old(f), "{f:?}");
        }
        use proptest::prelude::*;
        proptest!(|(f in "[ a-zA-ZΣσς\t\u{00A0}İ]{0,20}")| {
            prop_assert_eq!(normal(&f), old(&f));
        });
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
        let mut p = plan(file, &lib, &user, &choice).unwrap();
        let size = deck_text(
            &p.updates[0],
            p.updates[0].cards.clone(),
            "f.csv",
            "2026-11-23",
        )
        .unwrap()
        .0
        .len() as u64;
        let mut again = p.clone();
        let err = apply_within(&mut p, "f.csv", "2026-11-23", size - 1).unwrap_err();
        assert!(
            matches!(err, ImportError::TooLarge { bytes, .. } if bytes == size),
            "{err}"
        );
        assert!(err.to_string().contains("Nothing was imported"), "{err}");
        assert!(!user.join(IMPORT_DIR).exists(), "nothing written");
        let saved = apply_within(&mut again, "f.csv", "2026-11-23", size).unwrap();
        assert_eq!(std::fs::metadata(&saved[0].path).unwrap().len(), size);
        // The real limit is the library's: what import writes, the library loads.
        assert_eq!(
            MAX_DECK_BYTES,
            crate::domain::content::library::MAX_USER_FILE
        );
        let loaded = Library::load(Some(&user));
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    }
}

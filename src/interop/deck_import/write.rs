//! Writing a plan's deck files: every text made, checked and staged before any file is replaced.

use super::{DeckUpdate, ImportError, MAX_DECK_BYTES, Plan};
use crate::domain::content::{Card, ContentFile, Problem};
use crate::interop::deck_text::deck_text;
use crate::interop::staged::Staged;
use crate::storage::cache::Encoded;
use crate::storage::{self, StorageError};
use std::path::PathBuf;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::Library;
    use crate::interop::anki::NoteFile;
    use crate::interop::deck_import::tests::note;
    use crate::interop::deck_import::{DeckChoice, IMPORT_DIR, plan};

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

//! Loads built-in and user content files into one library and checks it.

use super::builtin_cache::{self, Parsed};
use super::model::*;
use super::prep_model::{Coaching, FitQuestion, FitRole};
use super::problem::Problem;
use super::script::{FollowUp, Persona};
pub(crate) use super::user_files::user_files;
use super::user_files::{load_user_files, parse_user_file};
use crate::storage::cache::ParseCache;
use std::cell::OnceCell;
use std::fs;
use std::path::{Path, PathBuf};

mod validate;

pub use validate::valid_id;

include!(concat!(env!("OUT_DIR"), "/builtin_content.rs"));

/// The parse cache of user content files: `<data dir>/cache/content.bin`.
const CONTENT_CACHE: &str = "content";

/// User content files larger than this are refused: no real deck is this big, and it keeps a stray
/// binary file from stalling start-up.
pub const MAX_USER_FILE: u64 = 32 * 1024 * 1024;

/// All content, built-in and the user's, merged and checked.
#[derive(Debug, Default)]
pub struct Library {
    pub roles: Vec<Role>,
    pub competencies: Vec<Competency>,
    pub questions: Vec<Question>,
    pub facts: Vec<Fact>,
    pub asks: Vec<Ask>,
    pub steps: Vec<Step>,
    pub terms: Vec<Term>,
    pub cards: Vec<Card>,
    /// Groups of words a search treats as the same (see `content/synonyms.toml`).
    pub synonyms: Vec<Synonym>,
    /// Mock-interview interviewers and follow-up questions.
    pub personas: Vec<Persona>,
    pub follow_ups: Vec<FollowUp>,
    /// Coaching by background and setting (see `content/coaching.toml`).
    pub coaching: Vec<Coaching>,
    /// The role-fit questionnaire, and the facts its result shows per role (`content/fit.toml`).
    pub fit: Vec<FitQuestion>,
    pub fit_roles: Vec<FitRole>,
    /// The story coach's phrasing rules, in file order (see `content/phrasing.toml`).
    pub phrasing: Vec<super::phrasing::PhrasingRule>,
    /// Everything wrong that was found; the rest still loaded.
    pub problems: Vec<Problem>,
    /// The search index, built on the first search; the library does not change after loading.
    pub(crate) search_index: std::sync::OnceLock<super::search::Index>,
}

/// One content file's text, kept for locating validation problems. A user file's text is read again
/// only when a problem needs locating: a file that came from the cache was never read at all.
struct Source {
    path: String,
    file: Option<PathBuf>,
    text: OnceCell<String>,
}

impl Source {
    fn with_text(path: String, text: String) -> Source {
        Source {
            path,
            file: None,
            text: OnceCell::from(text),
        }
    }

    fn text(&self) -> &str {
        self.text.get_or_init(|| {
            self.file
                .as_ref()
                .and_then(|f| crate::storage::safe::read_regular(f, MAX_USER_FILE).ok())
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default()
        })
    }
}

impl Library {
    /// Built-in content only.
    pub fn builtin() -> Library {
        Library::load(None)
    }

    /// Built-in content plus every `*.toml` under `user_dir` (if given and present). Never fails: bad
    /// files and bad entries are reported in `problems` and left out.
    pub fn load(user_dir: Option<&Path>) -> Library {
        Library::load_with(user_dir, &mut ParseCache::off())
    }

    /// Like [`Library::load`], reusing the parsed form of every unchanged user file from the cache
    /// under `data_dir` (see [`crate::storage::cache`]) and updating it. A cache that cannot be written only
    /// costs time, so that error is dropped.
    pub fn load_cached(user_dir: &Path, data_dir: &Path) -> Library {
        // Deck files are few and large: each value is read from the cache file as it is decoded,
        // so the whole cache is never in memory at once.
        let mut cache = ParseCache::open_lazy(data_dir, CONTENT_CACHE);
        let (mut lib, sources) = Library::gather(Some(user_dir), &mut cache);
        // The cache is written on another core while the library is checked: they share nothing,
        // and at 100,000 cards each takes tens of milliseconds. With no thread to be had, the cache
        // goes unwritten, which only costs time.
        std::thread::scope(|s| {
            let _ = std::thread::Builder::new().spawn_scoped(s, move || {
                let _ = cache.save();
            });
            lib.finish(&sources);
        });
        lib
    }

    /// The parse cache [`Library::load_cached`] uses, opened lazily: for a caller that writes user
    /// content files and puts their parsed form in it (an import).
    pub fn content_cache(data_dir: &Path) -> ParseCache<ContentFile> {
        ParseCache::open_lazy(data_dir, CONTENT_CACHE)
    }

    /// A fingerprint of everything [`Library::load_cached`] would load: the built-in files, and each
    /// user file's path and content hash as the parse cache vouches for it, without parsing or
    /// decoding anything. `None` when the cache cannot vouch for every user file (one is new, changed,
    /// too large, broken, or a folder cannot be read): then only a full load knows what it holds.
    /// Values worked out from the library can be kept under it (see [`crate::storage::cache::DerivedCache`]).
    pub fn cached_fingerprint(user_dir: &Path, data_dir: &Path) -> Option<u64> {
        let cache = ParseCache::<ContentFile>::open_lazy(data_dir, CONTENT_CACHE);
        let mut problems = Vec::new();
        let files = user_files(user_dir, &mut problems);
        if !problems.is_empty() {
            return None;
        }
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for (path, text) in BUILTIN {
            for part in [path.as_bytes(), text.as_bytes()] {
                h.update(&(part.len() as u64).to_le_bytes());
                h.update(part);
            }
        }
        for path in files {
            let meta = fs::metadata(&path).ok()?;
            if meta.len() > MAX_USER_FILE {
                return None;
            }
            let key = path
                .strip_prefix(user_dir)
                .unwrap_or(&path)
                .to_string_lossy();
            let hash = cache.vouch(&key, &path, &meta)?;
            h.update(&(key.len() as u64).to_le_bytes());
            h.update(key.as_bytes());
            h.update(&hash.to_le_bytes());
        }
        Some(h.digest())
    }

    fn load_with(user_dir: Option<&Path>, cache: &mut ParseCache<ContentFile>) -> Library {
        let (mut lib, sources) = Library::gather(user_dir, cache);
        lib.finish(&sources);
        lib
    }

    /// Every file's items, not yet checked, and where each came from.
    fn gather(
        user_dir: Option<&Path>,
        cache: &mut ParseCache<ContentFile>,
    ) -> (Library, Vec<Source>) {
        let mut lib = Library::default();
        let mut sources = Vec::new();
        for ((path, parsed), (_, text)) in builtin_parsed().iter().zip(BUILTIN) {
            match parsed {
                Ok(file) => lib.add(file.clone()),
                Err(p) => lib.problems.push(p.clone()),
            }
            sources.push(Source::with_text(path.clone(), (*text).to_string()));
        }
        if let Some(dir) = user_dir {
            let files = user_files(dir, &mut lib.problems);
            for (path, loaded) in files.iter().zip(load_user_files(cache, dir, &files)) {
                match loaded {
                    Ok(file) => {
                        lib.add(file);
                        sources.push(Source {
                            path: path.display().to_string(),
                            file: Some(path.clone()),
                            text: OnceCell::new(),
                        });
                    }
                    Err(p) => lib.problems.push(p),
                }
            }
        }
        (lib, sources)
    }

    /// Only the given user files, named and with the bytes `load` would read from disk, and no built-in
    /// content: the whole parse, check and clean path without I/O, for the fuzzer and tests. References
    /// to built-in ids are reported as missing.
    pub fn from_user_files(files: &[(&str, &[u8])]) -> Library {
        let mut lib = Library::default();
        let mut sources = Vec::new();
        for (path, bytes) in files {
            match parse_user_file(path, bytes) {
                Ok(file) => lib.add(file),
                Err(p) => lib.problems.push(p),
            }
            let text = String::from_utf8_lossy(bytes).into_owned();
            sources.push(Source::with_text(path.to_string(), text));
        }
        lib.finish(&sources);
        lib
    }

    fn finish(&mut self, sources: &[Source]) {
        self.validate(sources);
        self.roles
            .sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.name.cmp(&b.name)));
    }

    /// Adds a parsed file's items. Their text is already clean: every way in (the built-in files,
    /// [`parse_user_file`] and a cached file's decoding) runs [`ContentFile::sanitize`] first.
    fn add(&mut self, file: ContentFile) {
        self.roles.extend(file.role);
        self.competencies.extend(file.competency);
        self.questions.extend(file.question);
        self.facts.extend(file.fact);
        self.asks.extend(file.ask);
        self.steps.extend(file.step);
        self.terms.extend(file.term);
        self.cards.extend(file.card);
        self.synonyms.extend(file.synonym);
        self.personas.extend(file.persona);
        self.follow_ups.extend(file.follow_up);
        self.coaching.extend(file.coaching);
        self.fit.extend(file.fit);
        self.fit_roles.extend(file.fit_role);
        self.phrasing.extend(file.phrasing);
    }

    pub fn role(&self, id: &Id) -> Option<&Role> {
        self.roles.iter().find(|r| &r.id == id)
    }

    pub fn question(&self, id: &Id) -> Option<&Question> {
        self.questions.iter().find(|q| &q.id == id)
    }

    pub fn ask(&self, id: &Id) -> Option<&Ask> {
        self.asks.iter().find(|a| &a.id == id)
    }

    pub fn competency(&self, id: &Id) -> Option<&Competency> {
        self.competencies.iter().find(|c| &c.id == id)
    }

    /// True when this library has the same roles, competencies, questions, facts and coaching as
    /// `builtin` (the built-in library): the user's files added nothing to them. The built-in
    /// entries come first and a repeated id is dropped, so the same number of each means the same.
    pub fn same_non_cards(&self, builtin: &Library) -> bool {
        self.roles.len() == builtin.roles.len()
            && self.competencies.len() == builtin.competencies.len()
            && self.questions.len() == builtin.questions.len()
            && self.facts.len() == builtin.facts.len()
            && self.coaching.len() == builtin.coaching.len()
    }
}

/// The built-in files parsed, once a process: start-up loads the built-in content for its first
/// frame and again with the user's files, and a copy costs a fraction of a parse.
static PARSED: std::sync::OnceLock<Parsed> = std::sync::OnceLock::new();

/// The data folder whose cache keeps the built-in parse (see [`keep_builtin_in`]).
static CACHE_DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

fn builtin_parsed() -> &'static [(String, Result<ContentFile, Problem>)] {
    PARSED.get_or_init(|| {
        let dir = CACHE_DIR.get();
        if let Some(parsed) = dir.and_then(|d| builtin_cache::read(d, BUILTIN)) {
            return parsed;
        }
        let parsed = parse_builtin(BUILTIN);
        if let Some(d) = dir {
            builtin_cache::write(d, BUILTIN, &parsed);
        }
        parsed
    })
}

/// Parses and cleans each of `builtin`'s (path, text) files.
pub(super) fn parse_builtin(builtin: &[(&str, &str)]) -> Parsed {
    builtin
        .iter()
        .map(|(path, text)| {
            let path = builtin_cache::shown_path(path);
            let parsed = toml::from_str::<ContentFile>(text)
                .map(|mut file| {
                    file.sanitize();
                    file
                })
                .map_err(|e| Problem::from_toml(&path, text, &e));
            (path, parsed)
        })
        .collect()
}

/// From now on, when the built-in content is first needed, it is taken from `data_dir`'s cache,
/// or parsed and stored there: decoding costs a fraction of parsing 400 KB of TOML, which every
/// start and many a `status` paid. Only the first folder given counts (a process works on one);
/// with none, the built-in content is parsed as before.
pub fn keep_builtin_in(data_dir: &Path) {
    let _ = CACHE_DIR.set(data_dir.to_path_buf());
}

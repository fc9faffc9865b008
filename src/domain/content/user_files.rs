//! Reading the user's content files: finding every deck under the content folder, and parsing
//! each through the parse cache, the ones it cannot vouch for on every core.

use super::library::MAX_USER_FILE;
use super::model::ContentFile;
use super::problem::Problem;
use crate::storage::cache::{Job, LoadError, ParseCache, Want};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Every `*.toml` under `dir`, sorted. Linked folders are followed once each (a link back to a parent
/// would otherwise loop forever). The app also walks it to notice deck files changed while it runs (`kit::decks`).
pub(crate) fn user_files(dir: &Path, problems: &mut Vec<Problem>) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    collect_user_files(dir, problems, &mut seen, &mut out);
    out.sort();
    out
}

fn collect_user_files(
    dir: &Path,
    problems: &mut Vec<Problem>,
    seen: &mut HashSet<std::path::PathBuf>,
    out: &mut Vec<std::path::PathBuf>,
) {
    if !seen.insert(fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())) {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
        Err(e) => {
            problems.push(Problem::new(
                dir.display().to_string(),
                format!("could not read the folder: {e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_user_files(&path, problems, seen, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

/// Each user file through the cache, in order; the files it cannot vouch for are parsed on every
/// core (100,000 cards in a hundred decks take a second to parse on one).
pub(super) fn load_user_files(
    cache: &mut ParseCache<ContentFile>,
    dir: &Path,
    files: &[PathBuf],
) -> Vec<Result<ContentFile, Problem>> {
    let shown: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    // Each file's outcome: known before the cache is asked, or the position of its job.
    let mut early = Vec::with_capacity(files.len());
    let mut jobs = Vec::new();
    for (path, name) in files.iter().zip(&shown) {
        let problem = |msg: String| Problem::new(name, msg);
        match fs::metadata(path) {
            Err(e) => early.push(Err(problem(format!("could not read the file: {e}")))),
            Ok(meta) if meta.len() > MAX_USER_FILE => early.push(Err(problem(format!(
                "the file is {} MiB; content files must be under 32 MiB",
                meta.len() >> 20
            )))),
            Ok(meta) => {
                early.push(Ok(name.as_str()));
                let key = path.strip_prefix(dir).unwrap_or(path).to_string_lossy();
                jobs.push(Job {
                    key: key.into_owned(),
                    path: path.clone(),
                    meta,
                });
            }
        }
    }
    let names: Vec<&str> = early
        .iter()
        .filter_map(|e| e.as_ref().ok().copied())
        .collect();
    let parse =
        |i: usize, bytes: &[u8]| parse_user_file(names.get(i).copied().unwrap_or(""), bytes);
    // A parsed file is cleaned on its worker; one from the cache (a file like any other) as soon
    // as it is decoded.
    let mut loaded = cache
        .load_many_then(&jobs, Want::Values, parse, ContentFile::sanitize)
        .into_iter();
    early
        .into_iter()
        .map(|e| {
            let name = e?;
            let problem = |msg: String| Problem::new(name, msg);
            match loaded.next() {
                Some(Ok(l)) => l.value.ok_or_else(|| problem("could not be read".into())),
                Some(Err(LoadError::Read(e))) => {
                    Err(problem(format!("could not read the file: {e}")))
                }
                Some(Err(LoadError::Parse(p))) => Err(p),
                None => Err(problem("could not be read".into())),
            }
        })
        .collect()
}

/// A user file's bytes parsed and its text cleaned, on whichever core parsed it: at 100,000 cards,
/// cleaning on the one thread that gathers the files was a sixth of a first `status`.
pub(super) fn parse_user_file(shown: &str, bytes: &[u8]) -> Result<ContentFile, Problem> {
    let text = decode_user_file(shown, bytes)?;
    let mut file: ContentFile =
        toml::from_str(text).map_err(|e| Problem::from_toml(shown, text, &e))?;
    file.sanitize();
    Ok(file)
}

/// A user file's bytes as text, without a leading byte-order mark. Text that is not UTF-8 is a problem,
/// located at the first bad byte's line and column. Borrowed, not copied: a deck can be 30 MB.
fn decode_user_file<'a>(shown: &str, bytes: &'a [u8]) -> Result<&'a str, Problem> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = e.valid_up_to();
        let before = String::from_utf8_lossy(&bytes[..good]);
        Problem::at_offset(
            shown,
            &before,
            good,
            format!("the file is not UTF-8 text (bad byte at offset {good}); save it as UTF-8"),
        )
    })?;
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::cache::LoadError;

    /// Every file under `content/`, with its name.
    fn builtin_files() -> Vec<(String, Vec<u8>)> {
        let mut found = Vec::new();
        let mut problems = Vec::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        collect_user_files(&root, &mut problems, &mut HashSet::new(), &mut found);
        assert!(problems.is_empty(), "{problems:?}");
        found
            .into_iter()
            .map(|p| (p.display().to_string(), fs::read(&p).unwrap()))
            .collect()
    }

    /// The parse cache keeps files in a binary form with no field names, so a field a type leaves
    /// out when serializing cannot be read back, and the file is parsed again at every start. Every
    /// shape of content there is (all the built-in files, a deck as `import` writes it, whose cards
    /// have no roles, and a question with no kind) must come back as it went in.
    #[test]
    fn every_content_file_reads_back_from_the_cache_form() {
        let mut files = builtin_files();
        files.push((
            "deck.toml".into(),
            b"[[card]]\nid = \"c-1\"\ndeck = \"D\"\nfront = \"f\"\nback = \"b\"\n".to_vec(),
        ));
        files.push((
            "question.toml".into(),
            b"[[question]]\nid = \"my-q\"\nroles = [\"pta\"]\ntext = \"Why?\"\ncategory = \"motivation\"\n\
              competencies = [\"teamwork\"]\nlooking_for = \"A reason.\"\noutline = [\"Say.\"]\n\
              pitfalls = [\"Rambling.\"]\n"
                .to_vec(),
        ));
        assert!(files.len() > 10, "{}", files.len());
        for (name, bytes) in files {
            let file = parse_user_file(&name, &bytes).unwrap();
            let encoded = postcard::to_allocvec(&file).unwrap();
            let back: ContentFile = postcard::from_bytes(&encoded)
                .unwrap_or_else(|e| panic!("{name} does not read back from the cache form: {e}"));
            assert_eq!(postcard::to_allocvec(&back).unwrap(), encoded, "{name}");
        }
    }

    /// The second load of unchanged files parses nothing: every file comes from the cache.
    #[test]
    fn unchanged_user_files_come_from_the_cache_without_parsing() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("content");
        fs::create_dir(&user).unwrap();
        fs::write(
            user.join("deck.toml"),
            "[[card]]\nid = \"c-1\"\ndeck = \"D\"\nfront = \"f\"\nback = \"b\"\n\
             [[card]]\nid = \"c-2\"\ndeck = \"D\"\nfront = \"f\"\nback = \"b\"\nroles = [\"pta\"]\n",
        )
        .unwrap();
        let (_, interviews) = builtin_files()
            .into_iter()
            .find(|(n, _)| n.contains("/questions/"))
            .unwrap();
        fs::write(user.join("questions.toml"), interviews).unwrap();
        let jobs: Vec<Job> = ["deck.toml", "questions.toml"]
            .map(|n| Job {
                key: n.into(),
                path: user.join(n),
                meta: fs::metadata(user.join(n)).unwrap(),
            })
            .into();
        let mut first = ParseCache::open(dir.path(), "content");
        let parsed = first.load_many(&jobs, Want::Values, |_, b| parse_user_file("f", b));
        assert!(parsed.iter().all(|r| matches!(r, Ok(l) if !l.cached)));
        first.save().unwrap();
        let mut again = ParseCache::<ContentFile>::open(dir.path(), "content");
        let no_parse = |_: usize, _: &[u8]| Err(Problem::new("f", "parsed again"));
        for r in again.load_many(&jobs, Want::Values, no_parse) {
            match r {
                Ok(l) => assert!(l.cached && l.value.is_some()),
                Err(LoadError::Parse(p)) => panic!("parsed again: {p:?}"),
                Err(LoadError::Read(e)) => panic!("{e}"),
            }
        }
    }

    /// Text is cleaned on the core that parsed it, and again when it comes out of the cache, which
    /// is a file like any other: a cache entry holding an escape sequence (written here by a parse
    /// that skips the cleaning) still reaches the library clean.
    #[test]
    fn a_deck_is_clean_whether_parsed_or_read_from_a_tampered_cache() {
        use crate::domain::content::Library;
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("content");
        fs::create_dir(&user).unwrap();
        let deck = "[[card]]\nid = \"c-1\"\ndeck = \"D\"\nfront = \"red \\u001b[31m text\"\nback = \"b\"\n";
        fs::write(user.join("deck.toml"), deck).unwrap();
        let front = |lib: &Library| {
            lib.cards
                .iter()
                .find(|c| c.id.as_str() == "c-1")
                .unwrap()
                .front
                .clone()
        };
        let parsed = Library::load_cached(&user, dir.path());
        assert_eq!(front(&parsed), "red [31m text");

        // The cache now holds what a parse that never cleaned would have kept.
        fs::remove_dir_all(dir.path().join("cache")).unwrap();
        let jobs = [Job {
            key: "deck.toml".into(),
            path: user.join("deck.toml"),
            meta: fs::metadata(user.join("deck.toml")).unwrap(),
        }];
        let mut cache = Library::content_cache(dir.path());
        let raw = |_: usize, b: &[u8]| {
            toml::from_str::<ContentFile>(std::str::from_utf8(b).unwrap())
                .map_err(|e| Problem::new("f", e.to_string()))
        };
        let kept = cache.load_many(&jobs, Want::Values, raw);
        let raw_front = &kept[0].as_ref().ok().unwrap().value.as_ref().unwrap().card[0].front;
        assert!(
            raw_front.contains('\u{1b}'),
            "the cache was not given raw text"
        );
        cache.save().unwrap();

        let cached = Library::load_cached(&user, dir.path());
        assert_eq!(front(&cached), "red [31m text");
    }
}

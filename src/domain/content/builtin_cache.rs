//! The built-in content's parsed form kept in the data folder's cache, so a run decodes it instead of parsing its TOML.

use super::model::ContentFile;
use super::problem::Problem;
use crate::storage::cache::DerivedCache;
use std::path::Path;

/// `<data dir>/cache/builtin-content.bin`.
const NAME: &str = "builtin-content";

/// The built-in files in the order the library adds them: (shown path, parsed file).
pub(super) type Parsed = Vec<(String, Result<ContentFile, Problem>)>;

/// What the stored form depends on besides this build's types (which the cache's schema covers):
/// every built-in file's path and text.
fn fingerprint(builtin: &[(&str, &str)]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for (path, text) in builtin {
        for part in [path, text] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
    }
    h.digest()
}

/// The built-in files as `data_dir`'s cache holds them for exactly `builtin`, cleaned of control
/// characters as a parse cleans them (the cache is a file anyone could edit); `None` when it holds
/// nothing usable, and the caller parses.
pub(super) fn read(data_dir: &Path, builtin: &[(&str, &str)]) -> Option<Parsed> {
    let files: Vec<(String, ContentFile)> =
        DerivedCache::get(data_dir, NAME, fingerprint(builtin))?;
    let same_files = files.len() == builtin.len()
        && files
            .iter()
            .zip(builtin)
            .all(|((shown, _), (path, _))| *shown == shown_path(path));
    same_files.then(|| {
        files
            .into_iter()
            .map(|(shown, mut file)| {
                file.sanitize();
                (shown, Ok(file))
            })
            .collect()
    })
}

/// Stores `parsed` for `builtin` under `data_dir`, unless a built-in file failed to parse (a broken
/// build, which then shows its problem every run). A cache that cannot be written only costs time.
pub(super) fn write(
    data_dir: &Path,
    builtin: &[(&str, &str)],
    parsed: &[(String, Result<ContentFile, Problem>)],
) {
    let files: Option<Vec<(&String, &ContentFile)>> = parsed
        .iter()
        .map(|(shown, file)| file.as_ref().ok().map(|f| (shown, f)))
        .collect();
    if let Some(files) = files {
        let _ = DerivedCache::put(data_dir, NAME, fingerprint(builtin), &files);
    }
}

/// How a built-in file is named in problems and sources.
pub(super) fn shown_path(path: &str) -> String {
    format!("(built-in) content/{path}")
}

#[cfg(test)]
mod tests {
    use super::super::library::{BUILTIN, parse_builtin};
    use super::*;

    fn debug(p: &Parsed) -> String {
        format!("{p:?}")
    }

    #[test]
    fn what_is_stored_reads_back_as_the_parse_gives_it() {
        let dir = tempfile::tempdir().unwrap();
        let parsed = parse_builtin(BUILTIN);
        assert!(read(dir.path(), BUILTIN).is_none(), "nothing stored yet");
        write(dir.path(), BUILTIN, &parsed);
        let back = read(dir.path(), BUILTIN).expect("stored");
        assert_eq!(debug(&back), debug(&parsed));
    }

    #[test]
    fn other_content_or_a_damaged_file_reads_as_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let parsed = parse_builtin(BUILTIN);
        write(dir.path(), BUILTIN, &parsed);
        // A build whose content differs by one character does not take this build's parse.
        let (path, text) = BUILTIN[0];
        let edited = format!("{text}\n# edited\n");
        let mut other: Vec<(&str, &str)> = BUILTIN.to_vec();
        other[0] = (path, &edited);
        assert!(read(dir.path(), &other).is_none());
        let file = dir.path().join("cache").join(format!("{NAME}.bin"));
        let mut bytes = std::fs::read(&file).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0x40;
        std::fs::write(&file, bytes).unwrap();
        assert!(read(dir.path(), BUILTIN).is_none());
    }

    #[test]
    fn text_read_from_the_cache_is_cleaned_like_parsed_text() {
        let dir = tempfile::tempdir().unwrap();
        let mut parsed = parse_builtin(BUILTIN);
        let role = parsed
            .iter_mut()
            .find_map(|(_, f)| f.as_mut().ok().and_then(|f| f.role.first_mut()))
            .expect("a built-in role");
        role.name = "PT aide\u{1b}[2J".into();
        write(dir.path(), BUILTIN, &parsed);
        let back = read(dir.path(), BUILTIN).expect("stored");
        let name = back
            .iter()
            .find_map(|(_, f)| f.as_ref().ok().and_then(|f| f.role.first()))
            .map(|r| r.name.clone())
            .unwrap();
        assert!(!name.contains('\u{1b}'), "{name:?}");
        assert!(name.starts_with("PT aide"), "{name:?}");
    }

    #[test]
    fn a_built_in_file_that_failed_is_not_stored() {
        let dir = tempfile::tempdir().unwrap();
        let broken: Vec<(&str, &str)> = vec![("x.toml", "role = [")];
        let parsed = parse_builtin(&broken);
        assert!(parsed[0].1.is_err());
        write(dir.path(), &broken, &parsed);
        assert!(read(dir.path(), &broken).is_none());
    }
}

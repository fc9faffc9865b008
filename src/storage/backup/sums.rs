//! Each backup's manifest of checksums (`sums.txt`): every file's size and XXH3, and the stamp of the
//! data file it was copied from. Restore checks every file against it, so a damaged backup is refused
//! rather than restored; the next backup reads it to tell which data files are unchanged since, and
//! links those to this backup's copies instead of copying them again.
//!
//! One line a file, `<hash> <size> <stamp or -> <path>`, between a header and a last line holding
//! the XXH3 of everything before it. Text, so that it reads the same in any later build.

use crate::storage::cache::{Stamp, hash};
use crate::storage::{self, StorageError};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The file beside `backup.toml` and `files/`.
pub const SUMS: &str = "sums.txt";
const HEADER: &str = "clinicprep backup sums 1";
/// No manifest is larger: about 100 bytes a file.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One backed-up file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sum {
    pub size: u64,
    pub hash: u64,
    /// The data file's stamp when it was read for this backup; `None` when it had changed too
    /// recently for its stamp to vouch for its content (see [`Stamp::is_racy`]), so that the next
    /// backup copies it again rather than trusting the stamp.
    pub source: Option<Stamp>,
}

/// Every file of one backup by its path (see [`key`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sums(pub BTreeMap<String, Sum>);

/// A file's path relative to `files/` as one line of text: `/`-separated, with `%`, line breaks,
/// tabs and other controls written as `%XX` (a name that is not UTF-8 is read lossily, so it may
/// match nothing and its file is simply copied and checked as a whole backup is).
pub fn key(rel: &Path) -> String {
    let mut out = String::new();
    for (i, part) in rel.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for c in part.as_os_str().to_string_lossy().chars() {
            if c == '%' || c.is_control() {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "%{b:02X}");
                }
            } else {
                out.push(c);
            }
        }
    }
    out
}

impl Sums {
    pub fn get(&self, rel: &Path) -> Option<&Sum> {
        self.0.get(&key(rel))
    }

    pub fn insert(&mut self, rel: &Path, sum: Sum) {
        self.0.insert(key(rel), sum);
    }

    fn to_text(&self) -> String {
        let mut text = format!("{HEADER}\n");
        for (path, s) in &self.0 {
            let source = s.source.map_or("-".to_string(), |st| st.to_string());
            let _ = writeln!(text, "{:016x} {} {source} {path}", s.hash, s.size);
        }
        let sum = hash(text.as_bytes());
        let _ = writeln!(text, "end {sum:016x}");
        text
    }

    fn from_text(text: &str) -> Option<Sums> {
        let body_end = text.trim_end_matches('\n').rfind('\n')? + 1;
        let (body, last) = text.split_at(body_end);
        let want = u64::from_str_radix(last.trim_end().strip_prefix("end ")?, 16).ok()?;
        if hash(body.as_bytes()) != want {
            return None;
        }
        let mut lines = body.lines();
        if lines.next()? != HEADER {
            return None;
        }
        let mut sums = BTreeMap::new();
        for line in lines {
            let mut parts = line.splitn(4, ' ');
            let hash = u64::from_str_radix(parts.next()?, 16).ok()?;
            let size = parts.next()?.parse().ok()?;
            let source = match parts.next()? {
                "-" => None,
                s => Some(s.parse().ok()?),
            };
            let path = parts.next()?.to_string();
            sums.insert(path, Sum { size, hash, source });
        }
        Some(Sums(sums))
    }

    /// The manifest in `backup_dir`, or `None` when there is none (a backup made before manifests)
    /// or it is damaged.
    pub fn read(backup_dir: &Path) -> Option<Sums> {
        let bytes = storage::safe::read_regular(&backup_dir.join(SUMS), MAX_BYTES).ok()?;
        Sums::from_text(std::str::from_utf8(&bytes).ok()?)
    }

    /// Writes the manifest into `dir` (a backup being built), whole and synced.
    pub fn write(&self, dir: &Path) -> Result<(), StorageError> {
        storage::write_atomic(&dir.join(SUMS), self.to_text().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn sample() -> Sums {
        let meta = std::fs::metadata(env!("CARGO_MANIFEST_DIR")).unwrap();
        let mut s = Sums::default();
        s.insert(
            Path::new("stories/fall.toml"),
            Sum {
                size: 12,
                hash: 0xabc,
                source: Some(Stamp::of(&meta)),
            },
        );
        s.insert(
            &PathBuf::from("odd %name\nwith\tcontrols ü.toml"),
            Sum {
                size: 0,
                hash: 1,
                source: None,
            },
        );
        s
    }

    #[test]
    fn a_manifest_reads_back_exactly_and_any_damage_is_refused() {
        let text = sample().to_text();
        assert_eq!(Sums::from_text(&text), Some(sample()));
        assert_eq!(text.lines().count(), 4, "one line a file: {text}");
        // Every byte but the last line break is covered.
        for i in 0..text.len() - 1 {
            let mut bad = text.clone().into_bytes();
            bad[i] ^= 0x01;
            if let Ok(bad) = String::from_utf8(bad) {
                assert_eq!(Sums::from_text(&bad), None, "byte {i}");
            }
        }
        assert_eq!(Sums::from_text(&text[..text.len() - 3]), None);
    }

    #[test]
    fn keys_are_one_line_and_tell_names_apart() {
        let k = key(&PathBuf::from("a/b%c\nd.toml"));
        assert_eq!(k, "a/b%25c%0Ad.toml");
        assert_ne!(key(Path::new("x%0A")), key(Path::new("x\n")));
    }
}

//! Writing the sheet to a file: where it goes by default, the two formats, and errors a person can act
//! on (a missing folder is named as such, not as a failed temporary file).

use super::{Sheet, html, markdown};
use crate::storage;
use std::path::{Path, PathBuf};

/// The file formats the sheet is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One self-contained page to open in a browser and print.
    Html,
    Markdown,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
        }
    }

    pub fn render(self, sheet: &Sheet) -> String {
        match self {
            Format::Html => html::render(sheet),
            Format::Markdown => markdown::render(sheet),
        }
    }
}

/// Where the sheet is written unless told otherwise: `sheet.html` (or `sheet.md`) in the data folder.
pub fn default_path(data_dir: &Path, format: Format) -> PathBuf {
    data_dir.join(format!("sheet.{}", format.extension()))
}

/// Why the sheet could not be written, in words for the user.
#[derive(Debug)]
pub enum WriteError {
    /// The folder to write into does not exist.
    NoFolder(PathBuf),
    /// Anything else: permissions, a full disk...
    Storage(storage::StorageError),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::NoFolder(dir) => write!(
                f,
                "the folder {} does not exist; create it first or choose another place",
                dir.display()
            ),
            WriteError::Storage(e) => write!(f, "{e}"),
        }
    }
}

/// Writes `text` to `path`, replacing any file there whole (never half-written). The folder must
/// already exist: the sheet never creates folders where the user did not ask for them.
pub fn write(path: &Path, text: &str) -> Result<(), WriteError> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(WriteError::NoFolder(parent));
    }
    storage::write_atomic(path, text.as_bytes()).map_err(WriteError::Storage)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_whole_and_names_a_missing_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = default_path(dir.path(), Format::Html);
        assert!(path.ends_with("sheet.html"));
        write(&path, "first version, longer").unwrap();
        write(&path, "second").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        let missing = dir.path().join("no/such/folder/sheet.md");
        let e = write(&missing, "x").unwrap_err();
        assert!(matches!(e, WriteError::NoFolder(_)));
        assert!(e.to_string().contains("does not exist"), "{e}");
        assert!(!missing.exists());
    }
}

//! The inbox hand-off: `clinicprep import` leaves a checked file here while the app holds the data folder, and the app imports it.
//!
//! One writer per data folder stays the rule: the import command, refused the lock, writes only a
//! new request file under `<data>/inbox/` (atomically, never through a link, never over another
//! file), and only the lock holder reads a request, imports it and deletes it. A request carries the
//! file's whole text, so the app reads nothing outside the data folder.

use crate::domain::content::Library;
use crate::interop::anki;
use crate::interop::deck_import::{self, DeckChoice};
use crate::interop::import_run::{self, SaveError};
use crate::storage::paths::Paths;
use crate::storage::{self, StorageError, safe};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub use crate::storage::paths::INBOX_DIR;

/// The largest request read: a 32 MiB import file, with room for TOML's escapes.
const MAX_REQUEST_BYTES: u64 = 160 * 1024 * 1024;

/// One import handed to the open app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// The imported file's name (no folder), for the deck name and the note above the cards.
    pub file: String,
    /// `--deck`, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deck: Option<String>,
    /// `--role` names as typed; checked again when the request is imported.
    #[serde(default)]
    pub roles: Vec<String>,
    /// The file's text, as read and checked by the command.
    pub text: String,
}

/// Writes `request` as a new file `<data>/inbox/<UTC time>-<pid>.toml` and returns its path. The
/// names sort oldest first. An existing file of that name is never replaced.
pub fn write(
    data_dir: &Path,
    request: &Request,
    now: DateTime<Utc>,
) -> Result<PathBuf, StorageError> {
    let dir = data_dir.join(INBOX_DIR);
    storage::ensure_private_dir(&dir)?;
    let name = format!(
        "{}-{}.toml",
        now.format("%Y%m%dT%H%M%S%.9fZ"),
        std::process::id()
    );
    let path = dir.join(name);
    let taken = || {
        std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "the file is already there",
        )
    };
    if std::fs::symlink_metadata(&path).is_ok() {
        return Err(StorageError::new(&path, "save", taken()));
    }
    let text = toml::to_string(request)
        .map_err(|e| StorageError::new(&path, "save", std::io::Error::other(e)))?;
    let text = format!(
        "# Cards `clinicprep import` handed to the open clinicprep, which adds them and deletes this \
         file.\n{text}"
    );
    storage::write_atomic(&path, text.as_bytes())?;
    Ok(path)
}

/// The requests waiting in the inbox, oldest first: regular `.toml` files only (a link or a
/// half-written temporary file is never read). None when the inbox is missing or is a link.
pub fn pending(data_dir: &Path) -> Vec<PathBuf> {
    let dir = data_dir.join(INBOX_DIR);
    if !std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
        return Vec::new();
    }
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| !storage::is_temp_name(&n.to_string_lossy()))
        })
        .collect();
    out.sort();
    out
}

/// Reads one request, or says why it cannot be read.
pub fn read(path: &Path) -> Result<Request, String> {
    let bytes = safe::read_regular(path, MAX_REQUEST_BYTES).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())?;
    toml::from_str(&text).map_err(|e| {
        let p = crate::domain::content::Problem::from_toml(path.display().to_string(), &text, &e);
        match p.line {
            Some(line) => format!("line {line}: {}", p.message),
            None => p.message,
        }
    })
}

/// What importing a request did: the cards added by deck, in order (empty: nothing new).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub added: Vec<(String, usize)>,
}

/// Imports a request as `clinicprep import` would under the lock: the notes, the role names and
/// the plan checked again against the decks as they are now, a backup, then the deck files. The
/// caller holds the data-folder lock and deletes the request once this succeeds.
pub fn import(paths: &Paths, request: &Request, now: DateTime<Utc>) -> Result<Imported, String> {
    let notes = anki::read(request.text.as_bytes()).map_err(|e| e.to_string())?;
    let user_dir = paths.user_content_dir();
    let lib = Library::load_cached(&user_dir, &paths.data_dir);
    let roles = import_run::roles(&request.roles, &lib)?;
    let stem = Path::new(&request.file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Imported".into());
    let choice = DeckChoice {
        deck: request.deck.as_deref(),
        fallback: &stem,
    };
    let mut plan = deck_import::plan(notes, &lib, &user_dir, &choice).map_err(|e| e.to_string())?;
    import_run::set_roles(&mut plan, &roles);
    let added = plan
        .updates
        .iter()
        .map(|u| (u.deck.clone(), u.added))
        .collect();
    if plan.added() == 0 {
        return Ok(Imported { added: Vec::new() });
    }
    import_run::back_up_and_apply(&paths.data_dir, &mut plan, &request.file, now).map_err(|e| {
        match e {
            SaveError::Backup(e) => format!(
                "could not back up your data first ({e}), so nothing was imported; {}",
                e.hint()
            ),
            SaveError::Apply(e) => e.to_string(),
        }
    })?;
    Ok(Imported { added })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Request {
        Request {
            file: "gait.csv".into(),
            deck: Some("Gait".into()),
            roles: vec!["pta".into()],
            text: "What is \"gait\"?,How a person walks\n\tTab,\"quoted, comma\"\n".into(),
        }
    }

    #[test]
    fn a_request_reads_back_as_written_and_names_sort_oldest_first() {
        let dir = tempfile::tempdir().unwrap();
        let t0 = DateTime::from_timestamp(1_795_424_400, 5).unwrap();
        let later = write(dir.path(), &request(), t0 + chrono::Duration::seconds(1)).unwrap();
        let first = write(dir.path(), &request(), t0).unwrap();
        assert_eq!(pending(dir.path()), [first.clone(), later]);
        assert_eq!(read(&first).unwrap(), request());
    }

    #[test]
    fn an_existing_request_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let t0 = DateTime::from_timestamp(1_795_424_400, 0).unwrap();
        let path = write(dir.path(), &request(), t0).unwrap();
        std::fs::write(&path, "mine").unwrap();
        let err = write(dir.path(), &request(), t0).unwrap_err();
        assert_eq!(err.source.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_inbox_is_neither_written_nor_read() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join(INBOX_DIR)).unwrap();
        let t0 = DateTime::from_timestamp(1_795_424_400, 0).unwrap();
        assert!(write(dir.path(), &request(), t0).is_err());
        assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
        std::fs::write(elsewhere.path().join("x.toml"), "").unwrap();
        assert!(pending(dir.path()).is_empty());
    }

    #[test]
    fn a_damaged_request_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.toml");
        std::fs::write(&path, "file = \"a.csv\"\n").unwrap();
        assert!(read(&path).is_err());
        std::fs::write(&path, [0xff, 0xfe]).unwrap();
        assert!(read(&path).unwrap_err().contains("UTF-8"));
    }
}

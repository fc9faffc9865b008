//! Durable file writes: atomic replace with fsync, private permissions, and private folders.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::safe;

/// An I/O failure with the path and what was being done, ready to show a user.
#[derive(Debug, thiserror::Error)]
#[error("could not {doing} {}: {source}", path.display())]
pub struct StorageError {
    pub path: PathBuf,
    pub doing: &'static str,
    pub source: io::Error,
}

impl StorageError {
    pub fn new(path: &Path, doing: &'static str, source: io::Error) -> Self {
        StorageError {
            path: path.to_path_buf(),
            doing,
            source,
        }
    }

    /// A short hint for the user on what to do about this error, in the app, where a failed save
    /// keeps the text and retries.
    pub fn hint(&self) -> &'static str {
        match self.source.kind() {
            _ if safe::is_refusal(&self.source) => "nothing was written there",
            io::ErrorKind::FileTooLarge => "nothing was written; make it smaller",
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                "check that the folder is writable, or choose another with --data-dir"
            }
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                "free some disk space; your text is kept in memory and saving is retried"
            }
            _ => "your text is kept in memory and saving is retried",
        }
    }

    /// The same for a command-line command, which keeps nothing in memory and retries nothing.
    pub fn cli_hint(&self) -> &'static str {
        match self.source.kind() {
            _ if safe::is_refusal(&self.source) => "nothing was written there",
            io::ErrorKind::FileTooLarge => "nothing was written",
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                "check that the folder is writable, or choose another with --data-dir"
            }
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                "free some disk space, then run the command again"
            }
            _ => "run the command again; if it keeps failing, check the folder",
        }
    }
}

/// Replaces `path` with `bytes` atomically: the file on disk is always the old version or the new one,
/// whole. The temp file and the folder are fsynced around the rename. The file is mode 0600 whatever
/// the old one was. A `path` that is a symbolic link or not a regular file is refused, so a save never
/// replaces a link (or writes through one) and never writes into a pipe or device.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    safe::check_replaceable(path).map_err(|e| StorageError::new(path, "save", e))?;
    let mut opts = atomic_write_file::AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        opts.mode(0o600);
        opts.preserve_mode(false).preserve_owner(false);
    }
    let mut file = opts
        .open(path)
        .map_err(|e| StorageError::new(path, "create a temporary file for", e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(fs::Permissions::from_mode(0o600))
            .map_err(|e| StorageError::new(path, "make private", e))?;
    }
    file.write_all(bytes)
        .map_err(|e| StorageError::new(path, "write", e))?;
    file.commit()
        .map_err(|e| StorageError::new(path, "save", e))?;
    Ok(())
}

/// Makes sure `dir`, a folder inside the data folder, exists and is private: created (with parents)
/// mode 0700 if missing, set to 0700 if it was looser. A folder that is a symbolic link is refused, so
/// nothing is ever written through it.
pub fn ensure_private_dir(dir: &Path) -> Result<(), StorageError> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => Err(StorageError::new(
            dir,
            "use the folder",
            io::Error::new(io::ErrorKind::InvalidInput, safe::DIR_IS_LINK),
        )),
        Ok(m) if m.is_dir() => {
            tighten(dir, &m);
            Ok(())
        }
        _ => create_private(dir),
    }
}

/// Makes sure the data folder itself (or another folder the person chose, such as the config folder)
/// exists: created mode 0700 if missing. Unlike [`ensure_private_dir`] it may be a link, since the
/// person chose it, and an existing one keeps its mode (a loose one gets a warning instead: see
/// [`safe::folder_warning`]).
pub fn ensure_data_dir(dir: &Path) -> Result<(), StorageError> {
    if dir.is_dir() {
        return Ok(());
    }
    create_private(dir)
}

fn create_private(dir: &Path) -> Result<(), StorageError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| StorageError::new(dir, "create the folder", e))
}

/// Sets an existing folder of ours to 0700. Best effort: one owned by someone else cannot be changed.
fn tighten(dir: &Path, meta: &fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o7777 != 0o700 {
            let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
        }
    }
    #[cfg(not(unix))]
    let _ = (dir, meta);
}

/// Extensions of the files clinicprep writes with [`write_atomic`]. A temporary file is only taken for
/// ours when the name it stands in for has one of these.
const OUR_EXTENSIONS: &[&str] = &["toml", "json", "jsonl", "log", "txt", "md", "csv"];

/// True for the name `atomic-write-file` gives a temporary file while it writes `NAME`: `.NAME.XXXXXX`,
/// six random letters and digits (checked in its source, `RandomName`, v0.3). To never take a user's
/// own file for one, `NAME` must end in one of our extensions and the suffix must not look like a word
/// (all lower case, all upper case or Capitalised, as in `.notes.txt.backup`); the ~1.6% of real
/// temporary files that look like words are left alone, which is harmless: no loader reads dot-files.
pub fn is_temp_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    let Some((target, suffix)) = rest.rsplit_once('.') else {
        return false;
    };
    let word_like = suffix.chars().all(|c| c.is_ascii_lowercase())
        || suffix.chars().all(|c| c.is_ascii_uppercase())
        || (suffix.starts_with(|c: char| c.is_ascii_uppercase())
            && suffix[1..].chars().all(|c| c.is_ascii_lowercase()));
    suffix.len() == 6
        && suffix.chars().all(|c| c.is_ascii_alphanumeric())
        && !word_like
        && target
            .rsplit_once('.')
            .is_some_and(|(stem, ext)| !stem.is_empty() && OUR_EXTENSIONS.contains(&ext))
}

/// Deletes temporary files that a killed save left under `dir` (recursively, not following links,
/// skipping the top-level folders named in `skip`). Call it only while holding the data-folder lock,
/// before anything is saved: then no save of ours is in progress and every such file is stale.
/// Best effort: returns the files removed; one that cannot be removed is left for next time.
pub fn remove_stale_temps(dir: &Path, skip: &[&str]) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    remove_temps_in(dir, skip, &mut removed);
    removed
}

fn remove_temps_in(dir: &Path, skip: &[&str], removed: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if kind.is_dir() {
            if !skip.contains(&name.as_ref()) {
                remove_temps_in(&entry.path(), &[], removed);
            }
        } else if kind.is_file() && is_temp_name(&name) && fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_atomic_replaces_whole_file_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write_atomic(&path, b"first version, quite long").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "second");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temp files left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_save_makes_the_file_0600_and_never_replaces_a_link() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let link = dir.path().join("b.toml");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        let err = write_atomic(&link, b"through the link").unwrap_err();
        assert!(err.to_string().contains("b.toml"), "{err}");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        // A loose folder of ours is tightened; a linked one is refused.
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        fs::set_permissions(&sub, fs::Permissions::from_mode(0o777)).unwrap();
        ensure_private_dir(&sub).unwrap();
        assert_eq!(
            fs::metadata(&sub).unwrap().permissions().mode() & 0o777,
            0o700
        );
        std::os::unix::fs::symlink(&sub, dir.path().join("linked")).unwrap();
        assert!(ensure_private_dir(&dir.path().join("linked")).is_err());
        ensure_data_dir(&dir.path().join("linked")).unwrap();
    }

    #[test]
    fn ensure_private_dir_creates_nested_0700() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("x/y");
        ensure_private_dir(&nested).unwrap();
        assert!(nested.is_dir());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&nested).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o700);
        }
    }

    #[test]
    fn temp_names_match_the_crate_and_spare_user_files() {
        assert!(is_temp_name(".schedule.json.aB3dE9"));
        assert!(is_temp_name(".2026-11-23-fall.toml.Q1w2E3"));
        assert!(is_temp_name(".reviews.log.x9y8z7"));
        for user in [
            "schedule.json",
            ".gitignore",
            ".notes.txt.backup",
            ".notes.txt.BACKUP",
            ".notes.txt.Backup",
            ".photo.png.aB3dE9",
            ".toml.aB3dE9",
            ".a.toml.aB3dE",
            ".a.toml.aB3dE9x",
            ".a.toml.aB-dE9",
        ] {
            assert!(!is_temp_name(user), "{user} taken for a temp file");
        }
    }

    #[test]
    fn the_crate_names_its_temp_files_as_the_matcher_expects() {
        // Open saves and leave them uncommitted, as a kill would (the crate removes them on drop, so
        // the names are read while they exist). A crate update that renames them fails here.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.toml");
        let files: Vec<_> = (0..8)
            .map(|_| atomic_write_file::AtomicWriteFile::open(&path).unwrap())
            .collect();
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 8, "{names:?}");
        for n in &names {
            let suffix = n.strip_prefix(".story.toml.").expect(n);
            assert_eq!(suffix.len(), 6, "{n}");
            assert!(suffix.chars().all(|c| c.is_ascii_alphanumeric()), "{n}");
        }
        // Random suffixes can look like words (~1.6% each); eight in a row would be a bug.
        assert!(names.iter().any(|n| is_temp_name(n)), "{names:?}");
        drop(files);
    }

    #[test]
    fn stale_temps_are_removed_only_where_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("stories")).unwrap();
        fs::create_dir_all(root.join("backups/2026")).unwrap();
        let stale = [
            root.join(".schedule.json.aB3dE9"),
            root.join("stories/.fall.toml.Zz9Yy8"),
        ];
        let kept = [
            root.join("schedule.json"),
            root.join("stories/fall.toml"),
            root.join("stories/.notes.txt.backup"),
            root.join("backups/2026/.fall.toml.Zz9Yy8"),
        ];
        for p in stale.iter().chain(&kept) {
            fs::write(p, "x").unwrap();
        }
        let mut removed = remove_stale_temps(root, &["backups"]);
        removed.sort();
        let mut want = stale.to_vec();
        want.sort();
        assert_eq!(removed, want);
        for p in &stale {
            assert!(!p.exists(), "{p:?} left");
        }
        for p in &kept {
            assert!(p.exists(), "{p:?} removed");
        }
    }

    #[test]
    fn write_into_missing_folder_reports_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/a.toml");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert!(err.to_string().contains("missing"), "{err}");
    }
}

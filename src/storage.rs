//! Durable file writes: atomic replace with fsync, private permissions, and private folders.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// An I/O failure with the path and what was being done, ready to show a user.
#[derive(Debug)]
pub struct StorageError {
    pub path: PathBuf,
    pub doing: &'static str,
    pub source: io::Error,
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "could not {} {}: {}",
            self.doing,
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for StorageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

impl StorageError {
    pub fn new(path: &Path, doing: &'static str, source: io::Error) -> Self {
        StorageError {
            path: path.to_path_buf(),
            doing,
            source,
        }
    }

    /// A short hint for the user on what to do about this error.
    pub fn hint(&self) -> &'static str {
        match self.source.kind() {
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                "check that the folder is writable, or choose another with --data-dir"
            }
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                "free some disk space; your text is kept in memory and saving is retried"
            }
            _ => "your text is kept in memory and saving is retried",
        }
    }
}

/// Replaces `path` with `bytes` atomically: the file on disk is always the old version or the new one,
/// whole. The temp file and the folder are fsynced around the rename. New files get mode 0600.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    let mut opts = atomic_write_file::AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut file = opts
        .open(path)
        .map_err(|e| StorageError::new(path, "create a temporary file for", e))?;
    file.write_all(bytes)
        .map_err(|e| StorageError::new(path, "write", e))?;
    file.commit()
        .map_err(|e| StorageError::new(path, "save", e))?;
    Ok(())
}

/// Creates `dir` (and parents) if missing; new folders get mode 0700 so others cannot read the data.
pub fn ensure_private_dir(dir: &Path) -> Result<(), StorageError> {
    if dir.is_dir() {
        return Ok(());
    }
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
    fn write_into_missing_folder_reports_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/a.toml");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert!(err.to_string().contains("missing"), "{err}");
    }
}

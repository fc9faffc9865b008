//! Files written in two steps, for an import's deck files: each to a temporary file beside it,
//! synced, and only once every one is written, all renamed into place. A large import then never
//! holds all its deck texts in memory to be able to stop whole, and a kill before the renames leaves
//! only temporary files that the next start removes (they are named as `storage::is_temp_name`
//! expects).

use crate::storage::{self, StorageError};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// A file written beside its final place, waiting to be renamed there.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    path: PathBuf,
}

/// Numbers temporary file names within this process.
static NEXT: AtomicU32 = AtomicU32::new(0);

/// `.NAME.Xnnnnn` beside `path`: six letters and digits that are not a word, as the stale-file
/// cleaner requires before it deletes anything.
fn temp_for(path: &Path, n: u32) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    Some(path.with_file_name(format!(".{name}.Q{:05}", n % 100_000)))
}

impl Staged {
    /// Writes `bytes` to a new private temporary file beside `path` (never through a link), synced.
    pub fn write(path: &Path, bytes: &[u8]) -> Result<Staged, StorageError> {
        let failed = |e| StorageError::new(path, "create a temporary file for", e);
        let seed = std::process::id().wrapping_mul(7919);
        loop {
            let n = seed.wrapping_add(NEXT.fetch_add(1, Ordering::Relaxed));
            let temp = temp_for(path, n)
                .ok_or_else(|| failed(std::io::Error::other("the file name is not plain text")))?;
            let mut opts = fs::OpenOptions::new();
            opts.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                opts.mode(0o600);
            }
            let mut file = match opts.open(&temp) {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(failed(e)),
            };
            let staged = Staged {
                temp,
                path: path.to_path_buf(),
            };
            let written = file.write_all(bytes).and_then(|()| file.sync_all());
            return match written {
                Ok(()) => Ok(staged),
                Err(e) => {
                    staged.discard();
                    Err(StorageError::new(path, "write", e))
                }
            };
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the file into place (refusing a link or anything but a regular file there) and syncs
    /// the folder, so the new version survives a power cut.
    pub fn commit(self) -> Result<(), StorageError> {
        let path = self.path.clone();
        let result = storage::safe::check_replaceable(&path)
            .and_then(|()| fs::rename(&self.temp, &path))
            .map_err(|e| StorageError::new(&path, "save", e));
        if result.is_err() {
            self.discard();
            return result;
        }
        #[cfg(unix)]
        if let Some(dir) = path.parent() {
            fs::File::open(dir)
                .and_then(|d| d.sync_all())
                .map_err(|e| StorageError::new(dir, "save the folder", e))?;
        }
        Ok(())
    }

    /// Removes the temporary file: nothing was written in the file's place.
    pub fn discard(self) {
        let _ = fs::remove_file(&self.temp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_shows_until_commit_and_a_discard_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deck.toml");
        fs::write(&path, "old").unwrap();
        let s = Staged::write(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        let temps: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != "deck.toml")
            .collect();
        assert_eq!(temps.len(), 1);
        assert!(
            storage::is_temp_name(&temps[0]),
            "{temps:?}: cleaned after a kill"
        );
        s.commit().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        Staged::write(&path, b"never").unwrap().discard();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_file_place_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere.txt");
        fs::write(&target, "keep").unwrap();
        let path = dir.path().join("deck.toml");
        std::os::unix::fs::symlink(&target, &path).unwrap();
        let s = Staged::write(&path, b"new").unwrap();
        assert!(s.commit().is_err());
        assert_eq!(fs::read_to_string(&target).unwrap(), "keep");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "no temp left");
    }
}

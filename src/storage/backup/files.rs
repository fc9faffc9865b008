//! Which files a backup holds, and a cheap fingerprint that says whether any of them changed.

use crate::storage::{self, StorageError};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// One regular file under a folder, by its path relative to that folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFile {
    pub rel: PathBuf,
    pub size: u64,
    pub modified: Option<SystemTime>,
}

/// Every regular file under `root`, sorted by relative path, leaving out the top-level entries named in
/// `skip`, temporary files of unfinished saves, and symbolic links (never followed, so a backup cannot
/// wander outside the folder). An unreadable folder is an error: a backup that silently missed it
/// would look complete.
pub fn walk(root: &Path, skip: &[&str]) -> Result<Vec<DataFile>, StorageError> {
    let mut out = Vec::new();
    walk_in(root, Path::new(""), skip, &mut out)?;
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

fn walk_in(
    root: &Path,
    rel: &Path,
    skip: &[&str],
    out: &mut Vec<DataFile>,
) -> Result<(), StorageError> {
    let dir = root.join(rel);
    let entries = match fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && rel.as_os_str().is_empty() => {
            return Ok(());
        }
        Err(e) => return Err(StorageError::new(&dir, "read the folder", e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| StorageError::new(&dir, "read the folder", e))?;
        let name = entry.file_name();
        let name_str = name.to_string_lossy();
        if rel.as_os_str().is_empty() && skip.contains(&name_str.as_ref()) {
            continue;
        }
        let kind = entry
            .file_type()
            .map_err(|e| StorageError::new(&entry.path(), "read", e))?;
        let child = rel.join(&name);
        if kind.is_dir() {
            walk_in(root, &child, &[], out)?;
        } else if kind.is_file() && !storage::is_temp_name(&name_str) {
            let meta = entry
                .metadata()
                .map_err(|e| StorageError::new(&entry.path(), "read", e))?;
            out.push(DataFile {
                rel: child,
                size: meta.len(),
                modified: meta.modified().ok(),
            });
        }
    }
    Ok(())
}

/// A short string that changes when any file is added, removed, resized or touched: a CRC-32 of every
/// path, size and modification time, plus the count and total size. Reading only metadata keeps the
/// periodic check cheap however large the stories are.
pub fn fingerprint(files: &[DataFile]) -> String {
    let mut h = crc32fast::Hasher::new();
    let mut bytes = 0u64;
    for f in files {
        h.update(f.rel.to_string_lossy().as_bytes());
        h.update(&[0]);
        h.update(&f.size.to_le_bytes());
        let nanos = f
            .modified
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        h.update(&nanos.to_le_bytes());
        bytes += f.size;
    }
    format!("{:08x}-{}-{}", h.finalize(), files.len(), bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_skips_named_top_level_entries_temps_and_links() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("stories/deep")).unwrap();
        fs::create_dir_all(root.join("backups/x")).unwrap();
        fs::write(root.join("schedule.json"), "{}").unwrap();
        fs::write(root.join("stories/deep/a.toml"), "a").unwrap();
        fs::write(root.join("stories/.a.toml.aB3dE9"), "half").unwrap();
        fs::write(root.join("backups/x/old.toml"), "old").unwrap();
        fs::write(root.join("clinicprep.lock"), "1").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("/etc", root.join("stories/link")).unwrap();
        let files = walk(root, &["backups", "clinicprep.lock"]).unwrap();
        let rels: Vec<_> = files.iter().map(|f| f.rel.clone()).collect();
        assert_eq!(
            rels,
            vec![
                PathBuf::from("schedule.json"),
                PathBuf::from("stories/deep/a.toml")
            ]
        );
        assert_eq!(files[0].size, 2);
    }

    #[test]
    fn walk_of_a_missing_folder_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert!(walk(&dir.path().join("none"), &[]).unwrap().is_empty());
    }

    #[test]
    fn fingerprint_changes_with_content_size_time_and_names() {
        let base = vec![DataFile {
            rel: "a.toml".into(),
            size: 3,
            modified: Some(UNIX_EPOCH + std::time::Duration::from_secs(10)),
        }];
        let fp = fingerprint(&base);
        assert_eq!(fp, fingerprint(&base.clone()));
        let mut bigger = base.clone();
        bigger[0].size = 4;
        let mut touched = base.clone();
        touched[0].modified = Some(UNIX_EPOCH + std::time::Duration::from_nanos(10_000_000_001));
        let mut renamed = base.clone();
        renamed[0].rel = "b.toml".into();
        for other in [bigger, touched, renamed, vec![]] {
            assert_ne!(fp, fingerprint(&other), "{other:?}");
        }
    }
}

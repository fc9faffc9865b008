//! Which data files a new backup can take from the previous backup as links, and the checked copy of
//! the others.

use super::files::DataFile;
use super::sums::{Sum, Sums};
use crate::storage::cache::Stamp;
use crate::storage::{self, StorageError};
use std::collections::HashMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The newest backup with a manifest of checksums: its `files/` folder and the manifest.
pub struct Previous {
    files: PathBuf,
    sums: Sums,
}

/// The newest listed backup that has a readable manifest of checksums, if any.
pub fn previous(data_dir: &Path) -> Option<Previous> {
    super::list(data_dir).ok()?.into_iter().find_map(|b| {
        let sums = Sums::read(&b.dir)?;
        Some(Previous {
            files: super::files_dir(&b),
            sums,
        })
    })
}

/// For each data file unchanged since the previous backup, that backup's copy and its entry.
pub struct Plan {
    links: HashMap<PathBuf, (PathBuf, Sum)>,
    /// Bytes of the files that must be copied.
    copy: u64,
}

/// Sorts `files` into those the previous backup holds unchanged (their stamp now is the stamp it
/// recorded when it copied them, and that stamp vouched for the content then) and those to copy.
pub fn plan(data_dir: &Path, files: &[DataFile], prev: Option<Previous>) -> Plan {
    let mut links = HashMap::new();
    let mut copy = 0;
    for f in files {
        let unchanged = prev.as_ref().and_then(|p| {
            let sum = *p.sums.get(&f.rel)?;
            let meta = fs::symlink_metadata(data_dir.join(&f.rel)).ok()?;
            (sum.source == Some(Stamp::of(&meta))).then(|| (p.files.join(&f.rel), sum))
        });
        match unchanged {
            Some(link) => {
                links.insert(f.rel.clone(), link);
            }
            None => copy += f.size,
        }
    }
    Plan { links, copy }
}

impl Plan {
    /// Bytes the backup will copy (links take no space).
    pub fn to_copy(&self) -> u64 {
        self.copy
    }

    /// Links the previous backup's copy of `rel` to `to`, if the plan has one and it is still the
    /// regular file of the size its manifest says; returns its entry. `None` means copy instead
    /// (also when the file system cannot link).
    pub fn link(&self, rel: &Path, to: &Path) -> Option<Sum> {
        let (from, sum) = self.links.get(rel)?;
        let meta = fs::symlink_metadata(from).ok()?;
        if !meta.is_file() || meta.len() != sum.size {
            return None;
        }
        fs::hard_link(from, to).ok()?;
        Some(*sum)
    }
}

/// Copies a regular file (never a link or a pipe that took its place) to a new private file, fsynced,
/// and returns its manifest entry: size, checksum, and the stamp the file had when it was opened
/// (left out when the file had changed too recently for the stamp to vouch for what was read).
pub fn copy_private(from: &Path, to: &Path) -> Result<Sum, StorageError> {
    let (mut src, meta) =
        storage::safe::open_regular(from).map_err(|e| StorageError::new(from, "back up", e))?;
    let stamp = Stamp::of(&meta);
    let read_at = SystemTime::now();
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let failed = |e| StorageError::new(to, "save the backup copy", e);
    let mut dst = opts.open(to).map_err(failed)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut size = 0u64;
    loop {
        let n = match src.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(StorageError::new(from, "back up", e)),
        };
        hasher.update(&buf[..n]);
        dst.write_all(&buf[..n]).map_err(failed)?;
        size += n as u64;
    }
    dst.sync_all().map_err(failed)?;
    Ok(Sum {
        size,
        hash: hasher.digest(),
        source: (!stamp.is_racy(read_at)).then_some(stamp),
    })
}

/// The XXH3 of a file's bytes, read in pieces.
pub fn hash_file(path: &Path) -> std::io::Result<(u64, u64)> {
    let (mut file, _) = storage::safe::open_regular(path)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut size = 0u64;
    loop {
        match file.read(&mut buf) {
            Ok(0) => return Ok((size, hasher.digest())),
            Ok(n) => {
                hasher.update(&buf[..n]);
                size += n as u64;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

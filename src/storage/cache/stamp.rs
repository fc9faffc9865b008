//! What identifies one version of a file without reading it: size, times and inode, plus a content hash.

use serde::{Deserialize, Serialize};
use std::fs::Metadata;
use std::time::{SystemTime, UNIX_EPOCH};

/// A file that changed less than this long before it was read may change again within the same tick
/// of the file system's clock (the kernel stamps files from a coarse clock), keeping the same size and
/// times. Such "racy" entries (git's term) are trusted only after their content hash is checked again.
const RACY_WINDOW_NS: i128 = 2_000_000_000;

/// The 64-bit XXH3 of a file's bytes. Stable across builds and platforms, unlike `DefaultHasher`, so
/// it can be stored; fast enough (several GB/s) that checking a racy file costs about as much as
/// reading it.
pub fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The metadata that changes whenever a file's content does. `ctime` and the inode matter: a tool can
/// put back an old modification time (`cp -p`, `rsync -t`, `touch -r`) but cannot set the change time,
/// and a save by rename gives the file a new inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    mtime_ns: i128,
    ctime_ns: i128,
    ino: u64,
    dev: u64,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
            Stamp {
                len: meta.len(),
                mtime_ns: ns(meta.mtime(), meta.mtime_nsec()),
                ctime_ns: ns(meta.ctime(), meta.ctime_nsec()),
                ino: meta.ino(),
                dev: meta.dev(),
            }
        }
        #[cfg(not(unix))]
        {
            Stamp {
                len: meta.len(),
                mtime_ns: meta.modified().map(since_epoch).unwrap_or(0),
                ctime_ns: 0,
                ino: 0,
                dev: 0,
            }
        }
    }

    /// True when the stamp alone cannot vouch for the content read at `read_at`: the file changed too
    /// recently, its times are in the future, or the platform has no change time or inode to go on.
    pub fn is_racy(&self, read_at: SystemTime) -> bool {
        if cfg!(not(unix)) {
            return true;
        }
        let latest = self.mtime_ns.max(self.ctime_ns);
        since_epoch(read_at) - latest < RACY_WINDOW_NS
    }
}

/// As text: `len,mtime_ns,ctime_ns,ino,dev`, for manifests meant to outlive a build (backups).
impl std::fmt::Display for Stamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Stamp {
            len,
            mtime_ns,
            ctime_ns,
            ino,
            dev,
        } = self;
        write!(f, "{len},{mtime_ns},{ctime_ns},{ino},{dev}")
    }
}

impl std::str::FromStr for Stamp {
    type Err = ();

    fn from_str(s: &str) -> Result<Stamp, ()> {
        let mut parts = s.split(',');
        let mut next = || parts.next().ok_or(());
        let stamp = Stamp {
            len: next()?.parse().map_err(|_| ())?,
            mtime_ns: next()?.parse().map_err(|_| ())?,
            ctime_ns: next()?.parse().map_err(|_| ())?,
            ino: next()?.parse().map_err(|_| ())?,
            dev: next()?.parse().map_err(|_| ())?,
        };
        match parts.next() {
            None => Ok(stamp),
            Some(_) => Err(()),
        }
    }
}

fn since_epoch(t: SystemTime) -> i128 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn any_write_changes_the_stamp_even_with_the_old_mtime_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deck.toml");
        std::fs::write(&path, "aaaa").unwrap();
        let before = Stamp::of(&std::fs::metadata(&path).unwrap());
        let old_mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&path, "bbbb").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(old_mtime)
            .unwrap();
        let after = Stamp::of(&std::fs::metadata(&path).unwrap());
        assert_eq!(before.len, after.len);
        assert_eq!(before.mtime_ns, after.mtime_ns, "mtime put back");
        assert_ne!(before, after, "ctime still tells the change");
    }

    #[test]
    fn a_file_is_racy_only_just_after_it_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        std::fs::write(&path, "x").unwrap();
        let stamp = Stamp::of(&std::fs::metadata(&path).unwrap());
        let now = SystemTime::now();
        assert!(stamp.is_racy(now), "just written");
        assert!(!stamp.is_racy(now + Duration::from_secs(3)), "settled");
        assert!(
            stamp.is_racy(now - Duration::from_secs(60)),
            "times in the future are never trusted"
        );
    }

    #[test]
    fn a_stamp_reads_back_from_its_text_and_nothing_else_does() {
        let meta = std::fs::metadata(env!("CARGO_MANIFEST_DIR")).unwrap();
        let stamp = Stamp::of(&meta);
        assert_eq!(stamp.to_string().parse::<Stamp>(), Ok(stamp));
        for bad in ["", "1,2,3,4", "1,2,3,4,5,6", "1,2,x,4,5", "-1,2,3,4,5"] {
            assert!(bad.parse::<Stamp>().is_err(), "{bad}");
        }
    }

    #[test]
    fn hash_is_stable_across_builds() {
        // XXH3-64 of the empty input and of "abc", from the reference implementation's test vectors.
        assert_eq!(hash(b""), 0x2D06_8005_38D3_94C2);
        assert_eq!(hash(b"abc"), 0x78AF_5F94_892F_3950);
    }
}

//! One value worked out from many files (the ids of every card, say), stored under a fingerprint of
//! those files, so a command that needs only the value skips loading the files.
//!
//! The caller makes the fingerprint from what the parse caches vouch for (each file's content hash,
//! see [`super::ParseCache::vouch`]) and from anything else the value depends on. A stored value is
//! used only under the same fingerprint, this build's schema and an intact checksum; anything else
//! reads as no value, and the caller works it out from the files again.

use super::container::schema;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::io::{self, Write};
use std::path::Path;

const MAGIC: &[u8; 8] = b"CLPDERIV";
/// Magic, schema, fingerprint and the payload's XXH3.
const HEADER_LEN: usize = 8 + 16 + 8 + 8;
/// No derived value we store comes near this.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Derived values under `<data dir>/cache/<name>.bin`, one a file.
pub struct DerivedCache;

impl DerivedCache {
    /// The value stored as `name` under `fingerprint`, if there is one and it is intact.
    pub fn get<T: DeserializeOwned>(data_dir: &Path, name: &str, fingerprint: u64) -> Option<T> {
        let file = super::cache_file(data_dir, name);
        let bytes = crate::storage::safe::read_regular(&file, MAX_BYTES).ok()?;
        let (header, payload) = bytes.split_at_checked(HEADER_LEN)?;
        let (magic, rest) = header.split_at(8);
        let (schema_hex, rest) = rest.split_at(16);
        let (fp, sum) = rest.split_at(8);
        if magic != MAGIC || schema_hex != schema().as_bytes() {
            return None;
        }
        if u64::from_le_bytes(fp.try_into().ok()?) != fingerprint
            || u64::from_le_bytes(sum.try_into().ok()?) != super::hash(payload)
        {
            return None;
        }
        postcard::from_bytes(payload).ok()
    }

    /// Stores `value` as `name` under `fingerprint`, replacing what was there. Like the parse caches,
    /// it is written without fsync and never creates a data folder; an error only costs time later.
    pub fn put<T: Serialize>(
        data_dir: &Path,
        name: &str,
        fingerprint: u64,
        value: &T,
    ) -> io::Result<()> {
        if !data_dir.is_dir() {
            return Ok(());
        }
        let file = super::cache_file(data_dir, name);
        if let Some(dir) = file.parent() {
            crate::storage::ensure_private_dir(dir).map_err(|e| e.source)?;
        }
        let payload = postcard::to_allocvec(value).map_err(io::Error::other)?;
        super::save::replace_unsynced(&file, |w| {
            w.write_all(MAGIC)?;
            w.write_all(schema().as_bytes())?;
            w.write_all(&fingerprint.to_le_bytes())?;
            w.write_all(&super::hash(&payload).to_le_bytes())?;
            w.write_all(&payload)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_read_back_only_under_its_fingerprint_and_intact() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let value = vec!["a".to_string(), "b".to_string()];
        DerivedCache::put(d, "ids", 42, &value).unwrap();
        assert_eq!(DerivedCache::get::<Vec<String>>(d, "ids", 42), Some(value));
        assert_eq!(DerivedCache::get::<Vec<String>>(d, "ids", 43), None);
        assert_eq!(DerivedCache::get::<Vec<String>>(d, "other", 42), None);
        let file = d.join("cache/ids.bin");
        let good = std::fs::read(&file).unwrap();
        for i in 0..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0x04;
            std::fs::write(&file, &bad).unwrap();
            assert_eq!(
                DerivedCache::get::<Vec<String>>(d, "ids", 42),
                None,
                "byte {i}"
            );
        }
    }

    #[test]
    fn no_data_folder_is_created_for_a_derived_value() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing");
        DerivedCache::put(&missing, "ids", 1, &1u32).unwrap();
        assert!(!missing.exists());
    }
}

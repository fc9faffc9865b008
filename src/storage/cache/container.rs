//! The cache file's layout: a header that says which build's types it holds, a checksum, the entries.

use super::Stamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io;

const MAGIC: &[u8; 8] = b"CLPCACHE";

/// Changes whenever a cached type's source does (computed by `build.rs` from those files). Postcard is
/// not self-describing, so a value written by a build with a different layout could decode as wrong
/// data rather than fail; such a cache is never read.
const SCHEMA: &str = env!("CLINICPREP_CACHE_SCHEMA");

/// Magic, the schema as 16 hex digits, and the payload's XXH3.
const HEADER_LEN: usize = 8 + 16 + 8;

/// One source file's entry: its stamp and hash, and its parsed value still encoded, so entries that
/// are reused are copied back unchanged at save and only the values looked up are decoded.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RawEntry {
    pub stamp: Stamp,
    pub hash: u64,
    /// The hash must be checked before the stamp is trusted (see [`Stamp::is_racy`]).
    pub racy: bool,
    #[serde(with = "serde_bytes")]
    pub value: Vec<u8>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Container {
    pub entries: BTreeMap<String, RawEntry>,
}

impl Container {
    pub fn encode(&self) -> io::Result<Vec<u8>> {
        let payload = postcard::to_allocvec(self).map_err(io::Error::other)?;
        let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(schema().as_bytes());
        out.extend_from_slice(&super::hash(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        Ok(out)
    }

    /// The container in `bytes`, or `None` for anything but an intact cache written by this build.
    pub fn decode(bytes: &[u8]) -> Option<Container> {
        let (header, payload) = bytes.split_at_checked(HEADER_LEN)?;
        let (magic, rest) = header.split_at(8);
        let (schema_hex, sum) = rest.split_at(16);
        if magic != MAGIC || schema_hex != schema().as_bytes() {
            return None;
        }
        let sum = u64::from_le_bytes(sum.try_into().ok()?);
        if super::hash(payload) != sum {
            return None;
        }
        postcard::from_bytes(payload).ok()
    }
}

/// The schema id padded or cut to exactly 16 bytes.
fn schema() -> String {
    format!("{SCHEMA:0>16.16}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Container {
        let meta = std::fs::metadata(env!("CARGO_MANIFEST_DIR")).unwrap();
        let mut c = Container::default();
        c.entries.insert(
            "a.toml".into(),
            RawEntry {
                stamp: Stamp::of(&meta),
                hash: 7,
                racy: false,
                value: vec![1, 2, 3],
            },
        );
        c
    }

    #[test]
    fn round_trips() {
        let bytes = sample().encode().unwrap();
        let back = Container::decode(&bytes).unwrap();
        assert_eq!(back.entries["a.toml"].value, vec![1, 2, 3]);
        assert_eq!(
            back.entries["a.toml"].stamp,
            sample().entries["a.toml"].stamp
        );
    }

    /// A payload with a valid header and checksum but any bytes at all (what a bug in an older build
    /// with the same schema could leave) decodes or is refused, never panics; so does any value in it.
    #[test]
    fn any_payload_with_a_good_checksum_never_panics() {
        use proptest::prelude::*;
        proptest!(|(payload in proptest::collection::vec(any::<u8>(), 0..512))| {
            let mut bytes = Vec::new();
            bytes.extend_from_slice(MAGIC);
            bytes.extend_from_slice(schema().as_bytes());
            bytes.extend_from_slice(&crate::storage::cache::hash(&payload).to_le_bytes());
            bytes.extend_from_slice(&payload);
            let _ = Container::decode(&bytes);
            let _ = postcard::from_bytes::<crate::domain::content::ContentFile>(&payload);
            let _ = postcard::from_bytes::<crate::domain::stories::Story>(&payload);
        });
    }

    #[test]
    fn any_damage_or_other_schema_is_refused() {
        let bytes = sample().encode().unwrap();
        for cut in 0..bytes.len() {
            assert!(Container::decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x10;
            assert!(Container::decode(&bad).is_none(), "bit flipped at {i}");
        }
    }
}

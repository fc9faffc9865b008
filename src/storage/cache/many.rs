//! Loading many files through one parse cache, with the files it cannot vouch for parsed on every
//! core at once: a first start over 10,000 stories or a hundred large decks.

use super::{
    Entry, Key, LoadError, Loaded, Lookup, MAX_SOURCE_BYTES, ParseCache, Stamp, Value, hash,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs::Metadata;
use std::io;
use std::path::PathBuf;
use std::time::SystemTime;

/// One file to load: its name in the cache, its path and its metadata.
pub struct Job {
    pub key: String,
    pub path: PathBuf,
    pub meta: Metadata,
}

/// Which values [`ParseCache::load_many`] hands back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// Every file's value, from the cache or parsed.
    Values,
    /// Only the values of the files parsed anyway (those the cache could not vouch for); the
    /// others are checked, not decoded. A count over a first start can then use what it parsed.
    Parsed,
    /// None: every file is only checked.
    Checks,
}

/// A file the cache could not vouch for, with the bytes read to check it, if any.
struct Miss {
    job: usize,
    stamp: Stamp,
    bytes: Option<Vec<u8>>,
}

/// A miss parsed: the value (if asked for), what the cache keeps of it, and its hash and length.
struct Parsed<T> {
    value: Option<T>,
    encoded: Option<Vec<u8>>,
    hash: u64,
    len: u64,
    racy: bool,
}

type Outcome<T, E> = Result<Loaded<Option<T>>, LoadError<E>>;

/// A miss with what became of it.
type Done<T, E> = (Miss, Result<Parsed<T>, LoadError<E>>);

impl<T: Serialize + DeserializeOwned + Send> ParseCache<T> {
    /// [`ParseCache::load`] of every job, in order, with the values `want` asks for (for those it
    /// does not, [`ParseCache::check`]: the value is `None`). `parse` gets the job's index.
    /// Cached values are decoded on this thread; the misses are read, parsed and encoded on every
    /// core, then remembered as `load` would, so the cache written is the same either way.
    pub fn load_many<E: Send>(
        &mut self,
        jobs: &[Job],
        want: Want,
        parse: impl Fn(usize, &[u8]) -> Result<T, E> + Sync,
    ) -> Vec<Outcome<T, E>> {
        self.load_many_then(jobs, want, parse, |_| {})
    }

    /// [`ParseCache::load_many`], with `then` applied to each value decoded from the cache as soon
    /// as it is decoded, while its memory is still in the processor's cache (at 100,000 cards, a
    /// pass over every value afterwards missed it at nearly every string).
    pub fn load_many_then<E: Send>(
        &mut self,
        jobs: &[Job],
        want: Want,
        parse: impl Fn(usize, &[u8]) -> Result<T, E> + Sync,
        then: impl Fn(&mut T),
    ) -> Vec<Outcome<T, E>> {
        let mut out: Vec<Outcome<T, E>> = Vec::with_capacity(jobs.len());
        let mut misses = Vec::new();
        for (i, job) in jobs.iter().enumerate() {
            let stamp = Stamp::of(&job.meta);
            let found = match self.lookup(&job.key, &job.path, stamp) {
                Err(e) => Err(LoadError::Read(e)),
                Ok(Lookup::Hit(at, slot)) => {
                    let value = if want == Want::Values {
                        self.old_decoded(&slot).map(|mut value| {
                            then(&mut value);
                            Some(value)
                        })
                    } else {
                        Some(None)
                    };
                    match value {
                        Some(value) => {
                            self.keep(at, slot, stamp);
                            Ok(Loaded {
                                value,
                                hash: slot.hash,
                                len: job.meta.len(),
                                cached: true,
                            })
                        }
                        None => {
                            // The entry vouched for the file but its value cannot be read.
                            self.changed = true;
                            misses.push(Miss {
                                job: i,
                                stamp,
                                bytes: None,
                            });
                            Err(LoadError::Read(io::Error::other("not parsed")))
                        }
                    }
                }
                Ok(Lookup::Miss(bytes)) => {
                    misses.push(Miss {
                        job: i,
                        stamp,
                        bytes,
                    });
                    Err(LoadError::Read(io::Error::other("not parsed")))
                }
            };
            out.push(found);
        }
        let enabled = self.enabled;
        let keep = want != Want::Checks;
        for (miss, parsed) in parse_all(jobs, misses, keep, enabled, &parse) {
            let Some(job) = jobs.get(miss.job) else {
                continue;
            };
            let result = parsed.map(|p| {
                if let Some(bytes) = p.encoded {
                    self.remember_bytes(&job.key, miss.stamp, p.hash, p.racy, bytes);
                }
                Loaded {
                    value: p.value,
                    hash: p.hash,
                    len: p.len,
                    cached: false,
                }
            });
            if let Some(slot) = out.get_mut(miss.job) {
                *slot = result;
            }
        }
        out
    }
}

impl<T> ParseCache<T> {
    /// Keeps an encoded value for `key`, as [`ParseCache::load`] does for a file it parsed.
    pub(super) fn remember_bytes(
        &mut self,
        key: &str,
        stamp: Stamp,
        hash: u64,
        racy: bool,
        bytes: Vec<u8>,
    ) {
        if !self.enabled {
            return;
        }
        let sum = super::hash(&bytes);
        self.new.push(Entry {
            key: Key::Own(key.to_string()),
            stamp,
            hash,
            racy,
            value: Value::Fresh { bytes, sum },
        });
        self.changed = true;
    }
}

/// Reads and parses the misses, spread over the machine's cores (one thread for one miss).
fn parse_all<T: Serialize + Send, E: Send>(
    jobs: &[Job],
    misses: Vec<Miss>,
    keep: bool,
    encode: bool,
    parse: &(impl Fn(usize, &[u8]) -> Result<T, E> + Sync),
) -> Vec<Done<T, E>> {
    let one = |miss: Miss| {
        let result = parse_one(jobs, &miss, keep, encode, parse);
        (miss, result)
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(misses.len());
    if workers <= 1 {
        return misses.into_iter().map(one).collect();
    }
    let mut shares: Vec<Vec<Miss>> = (0..workers).map(|_| Vec::new()).collect();
    for (i, miss) in misses.into_iter().enumerate() {
        if let Some(share) = shares.get_mut(i % workers) {
            share.push(miss);
        }
    }
    std::thread::scope(|s| {
        let running: Vec<_> = shares
            .into_iter()
            .map(|share| s.spawn(move || share.into_iter().map(one).collect::<Vec<_>>()))
            .collect();
        // A worker that panicked leaves its files unparsed; they are reported as unread.
        running
            .into_iter()
            .flat_map(|r| r.join().unwrap_or_default())
            .collect()
    })
}

fn parse_one<T: Serialize, E>(
    jobs: &[Job],
    miss: &Miss,
    keep: bool,
    encode: bool,
    parse: &impl Fn(usize, &[u8]) -> Result<T, E>,
) -> Result<Parsed<T>, LoadError<E>> {
    let job = jobs
        .get(miss.job)
        .ok_or_else(|| LoadError::Read(io::Error::other("no such file")))?;
    let read_at = SystemTime::now();
    let read;
    let bytes = match &miss.bytes {
        Some(b) => b,
        None => {
            read = crate::storage::safe::read_regular_seen(&job.path, &job.meta, MAX_SOURCE_BYTES)
                .map_err(LoadError::Read)?;
            &read
        }
    };
    let value = parse(miss.job, bytes).map_err(LoadError::Parse)?;
    // The encoding is about as long as the text it came from: room for it up front spares the
    // doublings (and their copies) of a buffer grown from empty.
    let encoded = encode
        .then(|| postcard::to_extend(&value, Vec::with_capacity(bytes.len())).ok())
        .flatten();
    Ok(Parsed {
        value: keep.then_some(value),
        encoded,
        hash: hash(bytes),
        len: bytes.len() as u64,
        racy: miss.stamp.is_racy(read_at),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::cache::CACHE_DIR;
    use std::fs;
    use std::path::Path;

    fn parse(bytes: &[u8]) -> Result<String, String> {
        let text = String::from_utf8(bytes.to_vec()).map_err(|e| e.to_string())?;
        if text.contains("broken") {
            Err(format!("broken: {text}"))
        } else {
            Ok(text.to_uppercase())
        }
    }

    /// A folder of sources: good ones, broken ones, and one that vanishes before it is read.
    fn sources(dir: &Path) -> Vec<Job> {
        let mut jobs = Vec::new();
        for i in 0..9 {
            let name = format!("f{i}.toml");
            let path = dir.join(&name);
            fs::write(
                &path,
                if i % 4 == 1 { "broken" } else { "fine" }.repeat(i + 1),
            )
            .unwrap();
            let meta = fs::metadata(&path).unwrap();
            jobs.push(Job {
                key: name,
                path,
                meta,
            });
        }
        if let Some(gone) = jobs.get(7) {
            fs::remove_file(&gone.path).unwrap();
        }
        jobs
    }

    fn shown(r: &Outcome<String, String>) -> String {
        match r {
            Ok(l) => format!("ok {:?} {} {}", l.value, l.hash, l.len),
            Err(LoadError::Read(e)) => format!("read {:?}", e.kind()),
            Err(LoadError::Parse(e)) => format!("parse {e}"),
        }
    }

    #[test]
    fn many_files_load_as_one_at_a_time_would_and_the_same_cache_is_written() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let jobs = sources(a.path());
        // One at a time, through `load`, into b's cache.
        let mut one = ParseCache::<String>::open(b.path(), "t");
        let want: Vec<String> = jobs
            .iter()
            .map(|j| {
                let r = one.load(&j.key, &j.path, &j.meta, parse);
                shown(&r.map(|l| Loaded {
                    value: Some(l.value),
                    hash: l.hash,
                    len: l.len,
                    cached: l.cached,
                }))
            })
            .collect();
        one.save().unwrap();
        // All at once, into a's cache.
        let mut many = ParseCache::<String>::open(a.path(), "t");
        let got: Vec<String> = many
            .load_many(&jobs, Want::Values, |_, b| parse(b))
            .iter()
            .map(shown)
            .collect();
        many.save().unwrap();
        assert_eq!(got, want);
        assert!(got[0].starts_with("ok Some(\"FINE\")"), "{got:?}");
        assert!(got[1].starts_with("parse broken"), "{got:?}");
        assert_eq!(got[7], "read NotFound");
        let cache = |d: &Path| fs::read(d.join(CACHE_DIR).join("t.bin")).unwrap();
        assert_eq!(
            cache(a.path()),
            cache(b.path()),
            "the same entries are kept"
        );

        // Next time the good files come from the cache: decoded, or only checked.
        let mut again = ParseCache::<String>::open(a.path(), "t");
        let second = again.load_many(&jobs, Want::Values, |_, _| Err("parsed again".to_string()));
        for (i, r) in second.iter().enumerate() {
            match r {
                Ok(l) => assert!(l.cached && l.value.is_some(), "{i}"),
                Err(LoadError::Parse(e)) => {
                    assert_eq!(e, "parsed again", "{i}: broken ones are read again")
                }
                Err(LoadError::Read(e)) => assert_eq!(e.kind(), io::ErrorKind::NotFound),
            }
        }
        let checked = again.load_many(&jobs[..1], Want::Checks, |_, b| parse(b));
        assert!(matches!(&checked[0], Ok(l) if l.value.is_none()));
    }

    #[test]
    fn asked_for_what_was_parsed_only_the_files_the_cache_could_not_vouch_for_come_with_values() {
        let dir = tempfile::tempdir().unwrap();
        let jobs = sources(dir.path());
        // Files 0 and 2 are known to the cache; the rest are new to it.
        let mut first = ParseCache::<String>::open(dir.path(), "t");
        first.load_many(&[0, 2].map(|i| job(&jobs[i])), Want::Checks, |_, b| {
            parse(b)
        });
        first.save().unwrap();
        let mut cache = ParseCache::<String>::open(dir.path(), "t");
        let got = cache.load_many(&jobs, Want::Parsed, |_, b| parse(b));
        for (i, r) in got.iter().enumerate() {
            match r {
                Ok(l) if l.cached => assert!(l.value.is_none(), "{i}: checked, not decoded"),
                Ok(l) => assert_eq!(l.value.as_deref(), Some("FINE".repeat(i + 1).as_str())),
                Err(_) => assert!(i % 4 == 1 || i == 7, "{i}"),
            }
        }
        let cached: Vec<usize> = (0..got.len())
            .filter(|&i| matches!(&got[i], Ok(l) if l.cached))
            .collect();
        assert_eq!(cached, [0, 2]);
    }

    fn job(j: &Job) -> Job {
        Job {
            key: j.key.clone(),
            path: j.path.clone(),
            meta: fs::metadata(&j.path).unwrap(),
        }
    }
}

use super::container::{Container, RawEntry};
use super::*;
use std::cell::Cell;
use std::fs;

/// A data dir with one source file, and a parser that counts its calls.
struct Fixture {
    dir: tempfile::TempDir,
    parses: Cell<usize>,
}

impl Fixture {
    fn new(text: &str) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("deck.toml"), text).unwrap();
        Fixture {
            dir,
            parses: Cell::new(0),
        }
    }

    fn source(&self) -> PathBuf {
        self.dir.path().join("deck.toml")
    }

    fn cache_file(&self) -> PathBuf {
        self.dir.path().join(CACHE_DIR).join("test.bin")
    }

    /// Opens the cache, loads the source through it and saves it again, as start-up does.
    fn load(&self) -> Result<Loaded<String>, LoadError<String>> {
        let mut cache = ParseCache::<String>::open(self.dir.path(), "test");
        let meta = fs::metadata(self.source()).unwrap();
        let got = cache.load("deck.toml", &self.source(), &meta, |b| {
            self.parses.set(self.parses.get() + 1);
            let text = String::from_utf8(b.to_vec()).map_err(|e| e.to_string())?;
            if text.contains("broken") {
                Err("broken".to_string())
            } else {
                Ok(text.to_uppercase())
            }
        });
        cache.save().unwrap();
        got
    }

    fn edit_cache(&self, f: impl FnOnce(&mut RawEntry)) {
        let mut c = Container::decode(&fs::read(self.cache_file()).unwrap()).unwrap();
        f(c.entries.get_mut("deck.toml").unwrap());
        fs::write(self.cache_file(), c.encode().unwrap()).unwrap();
    }
}

#[test]
fn an_unchanged_file_is_parsed_once() {
    let fx = Fixture::new("hello");
    let first = fx.load().unwrap();
    assert_eq!((first.value.as_str(), first.cached), ("HELLO", false));
    let second = fx.load().unwrap();
    assert_eq!((second.value.as_str(), second.cached), ("HELLO", true));
    assert_eq!(fx.parses.get(), 1);
    assert_eq!(first.hash, hash(b"hello"));
    assert_eq!(second.hash, first.hash);
}

#[test]
fn an_edited_file_is_parsed_again_even_at_the_same_size() {
    let fx = Fixture::new("hello");
    fx.load().unwrap();
    fs::write(fx.source(), "world").unwrap();
    let got = fx.load().unwrap();
    assert_eq!((got.value.as_str(), got.cached), ("WORLD", false));
    assert_eq!(fx.parses.get(), 2);
}

#[test]
fn a_racy_entry_is_trusted_only_if_its_hash_matches() {
    let fx = Fixture::new("hello");
    fx.load().unwrap();
    // The file was read right after it was written, so its stamp alone is not trusted.
    fx.edit_cache(|e| {
        assert!(e.racy, "just-written files are racy");
        e.hash ^= 1;
    });
    let got = fx.load().unwrap();
    assert!(!got.cached, "hash mismatch means parse again");
    assert_eq!(fx.parses.get(), 2);
}

#[test]
fn a_settled_entry_is_trusted_on_its_stamp_alone() {
    let fx = Fixture::new("hello");
    fx.load().unwrap();
    // Pretend the entry was recorded long after the file last changed, and give it a different value
    // to tell where the result came from.
    fx.edit_cache(|e| {
        e.racy = false;
        e.value = postcard::to_allocvec("FROM CACHE").unwrap();
    });
    let got = fx.load().unwrap();
    assert_eq!((got.value.as_str(), got.cached), ("FROM CACHE", true));
    assert_eq!(fx.parses.get(), 1);
}

#[test]
fn a_damaged_cache_is_ignored_and_rebuilt() {
    let fx = Fixture::new("hello");
    fx.load().unwrap();
    let mut bytes = fs::read(fx.cache_file()).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    fs::write(fx.cache_file(), &bytes).unwrap();
    let got = fx.load().unwrap();
    assert_eq!((got.value.as_str(), got.cached), ("HELLO", false));
    assert!(fx.load().unwrap().cached, "rebuilt by the save");
}

#[test]
fn a_file_that_fails_to_parse_is_never_cached() {
    let fx = Fixture::new("broken");
    assert!(matches!(fx.load(), Err(LoadError::Parse(_))));
    assert!(matches!(fx.load(), Err(LoadError::Parse(_))));
    assert_eq!(
        fx.parses.get(),
        2,
        "parsed each time, so it is reported each time"
    );
}

#[test]
fn a_file_that_breaks_loses_its_entry() {
    let fx = Fixture::new("hello");
    fx.load().unwrap();
    fs::write(fx.source(), "broken").unwrap();
    assert!(fx.load().is_err());
    let c = Container::decode(&fs::read(fx.cache_file()).unwrap()).unwrap();
    assert!(c.entries.is_empty());
}

#[test]
fn files_no_longer_looked_up_are_dropped() {
    let fx = Fixture::new("hello");
    fx.load().unwrap();
    let cache = ParseCache::<String>::open(fx.dir.path(), "test");
    cache.save().unwrap();
    let c = Container::decode(&fs::read(fx.cache_file()).unwrap()).unwrap();
    assert!(c.entries.is_empty());
}

#[test]
fn an_unchanged_cache_is_not_rewritten() {
    let fx = Fixture::new("hello");
    fx.load().unwrap();
    // Let the entry settle so the next load has nothing to update.
    fx.edit_cache(|e| e.racy = false);
    let before = Stamp::of(&fs::metadata(fx.cache_file()).unwrap());
    assert!(fx.load().unwrap().cached);
    assert_eq!(Stamp::of(&fs::metadata(fx.cache_file()).unwrap()), before);
}

#[test]
fn no_data_folder_is_created_just_to_cache() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("deck.toml");
    fs::write(&src, "x").unwrap();
    let data = dir.path().join("missing");
    let mut cache = ParseCache::<String>::open(&data, "test");
    let meta = fs::metadata(&src).unwrap();
    let got = cache.load("deck.toml", &src, &meta, |b| {
        Ok::<_, ()>(String::from_utf8_lossy(b).into_owned())
    });
    assert_eq!(got.unwrap().value, "x");
    cache.save().unwrap();
    assert!(!data.exists());
}

#[test]
fn a_cache_that_cannot_be_written_is_an_error_for_the_caller_not_a_panic() {
    let fx = Fixture::new("hello");
    // A file where the cache folder should be makes every write fail.
    fs::write(fx.dir.path().join(CACHE_DIR), "not a folder").unwrap();
    let mut cache = ParseCache::<String>::open(fx.dir.path(), "test");
    let meta = fs::metadata(fx.source()).unwrap();
    let got = cache.load("deck.toml", &fx.source(), &meta, |b| {
        Ok::<_, ()>(String::from_utf8_lossy(b).into_owned())
    });
    assert_eq!(got.unwrap().value, "hello");
    assert!(cache.save().is_err());
}

#[test]
fn check_vouches_for_a_file_without_decoding_and_still_catches_edits() {
    let fx = Fixture::new("hello");
    fx.load().unwrap();
    fx.edit_cache(|e| {
        e.racy = false;
        // Not a valid encoding of a String: `check` must not need to decode it.
        e.value = vec![0xff; 3];
    });
    let parse = |b: &[u8]| Ok::<_, ()>(String::from_utf8_lossy(b).into_owned());
    let mut cache = ParseCache::<String>::open(fx.dir.path(), "test");
    let meta = fs::metadata(fx.source()).unwrap();
    let got = cache
        .check("deck.toml", &fx.source(), &meta, parse)
        .unwrap();
    assert!(got.cached);
    fs::write(fx.source(), "world").unwrap();
    let mut cache = ParseCache::<String>::open(fx.dir.path(), "test");
    let meta = fs::metadata(fx.source()).unwrap();
    let got = cache
        .check("deck.toml", &fx.source(), &meta, parse)
        .unwrap();
    assert!(!got.cached, "an edited file is parsed");
    assert_eq!(got.hash, hash(b"world"));
}

/// Loads `name` through a cache opened with `open`, as a caller of either kind does, and saves it.
fn load_with(
    dir: &Path,
    open: fn(&Path, &str) -> ParseCache<String>,
    name: &str,
) -> Loaded<String> {
    let path = dir.join(name);
    let mut cache = open(dir, "test");
    let meta = fs::metadata(&path).unwrap();
    let got = cache
        .load(name, &path, &meta, |b| {
            Ok::<_, ()>(String::from_utf8_lossy(b).to_uppercase())
        })
        .unwrap();
    cache.save().unwrap();
    got
}

/// Makes every entry of the test cache settled, as if recorded long after its file last changed.
fn settle(dir: &Path) {
    let file = dir.join(CACHE_DIR).join("test.bin");
    let mut c = Container::decode(&fs::read(&file).unwrap()).unwrap();
    c.entries.values_mut().for_each(|e| e.racy = false);
    fs::write(&file, c.encode().unwrap()).unwrap();
}

#[test]
fn a_lazy_cache_reads_values_from_the_file_and_keeps_the_others_when_it_saves() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.toml"), "alpha").unwrap();
    fs::write(d.join("b.toml"), "beta").unwrap();
    load_with(d, ParseCache::open, "a.toml");
    // A lazy cache that looks up both: `a` comes from the file's values, `b` is parsed and added.
    let mut cache = ParseCache::<String>::open_lazy(d, "test");
    let parse = |b: &[u8]| Ok::<_, ()>(String::from_utf8_lossy(b).to_uppercase());
    for (name, cached) in [("a.toml", true), ("b.toml", false)] {
        let path = d.join(name);
        let meta = fs::metadata(&path).unwrap();
        let got = cache.load(name, &path, &meta, parse).unwrap();
        assert_eq!(got.cached, cached, "{name}");
    }
    cache.save().unwrap();
    settle(d);
    let c = Container::decode(&fs::read(d.join("cache/test.bin")).unwrap()).unwrap();
    assert_eq!(c.entries.len(), 2);
    let mut cache = ParseCache::<String>::open_lazy(d, "test");
    for (name, text) in [("a.toml", "ALPHA"), ("b.toml", "BETA")] {
        let path = d.join(name);
        let meta = fs::metadata(&path).unwrap();
        let got = cache.load(name, &path, &meta, parse).unwrap();
        assert_eq!((got.value.as_str(), got.cached), (text, true), "{name}");
    }
}

#[test]
fn a_lazy_cache_that_only_checks_still_carries_every_value_over() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.toml"), "alpha").unwrap();
    fs::write(d.join("b.toml"), "beta").unwrap();
    load_with(d, ParseCache::open, "a.toml");
    let mut cache = ParseCache::<String>::open(d, "test");
    let parse = |b: &[u8]| Ok::<_, ()>(String::from_utf8_lossy(b).to_uppercase());
    for name in ["a.toml", "b.toml"] {
        let path = d.join(name);
        let meta = fs::metadata(&path).unwrap();
        cache.load(name, &path, &meta, parse).unwrap();
    }
    cache.save().unwrap();
    settle(d);
    // `status` checks both and finds `b` edited: it rewrites the cache, copying `a`'s value over.
    fs::write(d.join("b.toml"), "bravo").unwrap();
    let mut cache = ParseCache::<String>::open_lazy(d, "test");
    for name in ["a.toml", "b.toml"] {
        let path = d.join(name);
        let meta = fs::metadata(&path).unwrap();
        cache.check(name, &path, &meta, parse).unwrap();
    }
    cache.save().unwrap();
    settle(d);
    let got = load_with(d, ParseCache::open, "a.toml");
    assert_eq!((got.value.as_str(), got.cached), ("ALPHA", true));
}

#[test]
fn a_damaged_value_is_parsed_again_and_the_rest_of_the_cache_still_serves() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.toml"), "alpha").unwrap();
    fs::write(d.join("b.toml"), "beta").unwrap();
    let mut cache = ParseCache::<String>::open(d, "test");
    let parse = |b: &[u8]| Ok::<_, ()>(String::from_utf8_lossy(b).to_uppercase());
    for name in ["a.toml", "b.toml"] {
        let path = d.join(name);
        cache
            .load(name, &path, &fs::metadata(&path).unwrap(), parse)
            .unwrap();
    }
    cache.save().unwrap();
    settle(d);
    // Values are in key order at the end of the file: the last byte is `b`'s.
    let file = d.join("cache/test.bin");
    let mut bytes = fs::read(&file).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x20;
    fs::write(&file, &bytes).unwrap();
    for open in [ParseCache::open, ParseCache::open_lazy] {
        let mut cache = open(d, "test");
        let load = |cache: &mut ParseCache<String>, name: &str| {
            let path = d.join(name);
            cache
                .load(name, &path, &fs::metadata(&path).unwrap(), parse)
                .unwrap()
        };
        let a = load(&mut cache, "a.toml");
        let b = load(&mut cache, "b.toml");
        assert_eq!((a.value.as_str(), a.cached), ("ALPHA", true));
        assert_eq!(
            (b.value.as_str(), b.cached),
            ("BETA", false),
            "never misread"
        );
    }
}

#[test]
fn vouch_gives_the_hash_only_for_an_unchanged_file() {
    let fx = Fixture::new("hello");
    fx.load().unwrap();
    let meta = || fs::metadata(fx.source()).unwrap();
    let cache = ParseCache::<String>::open_lazy(fx.dir.path(), "test");
    assert_eq!(
        cache.vouch("deck.toml", &fx.source(), &meta()),
        Some(hash(b"hello")),
        "a racy entry whose hash still matches"
    );
    assert_eq!(cache.vouch("other.toml", &fx.source(), &meta()), None);
    edit_in_place_keeping_stamp_apart_from_ctime(&fx.source(), "jello");
    let cache = ParseCache::<String>::open_lazy(fx.dir.path(), "test");
    assert_eq!(cache.vouch("deck.toml", &fx.source(), &meta()), None);
}

/// Rewrites a file with text of the same length and puts its old modification time back.
fn edit_in_place_keeping_stamp_apart_from_ctime(path: &Path, text: &str) {
    let mtime = fs::metadata(path).unwrap().modified().unwrap();
    fs::write(path, text).unwrap();
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
}

#[test]
fn put_records_a_file_just_written_so_it_is_not_parsed_again() {
    let fx = Fixture::new("hello");
    let mut cache = ParseCache::<String>::open(fx.dir.path(), "test");
    let meta = fs::metadata(fx.source()).unwrap();
    cache.put("deck.toml", &meta, hash(b"hello"), &"HELLO".to_string());
    cache.save().unwrap();
    let got = fx.load().unwrap();
    assert_eq!((got.value.as_str(), got.cached), ("HELLO", true));
    assert_eq!(fx.parses.get(), 0);
    // Had the file changed after the write, the racy entry's hash would not match: parsed again.
    let mut cache = ParseCache::<String>::open(fx.dir.path(), "test");
    cache.put("deck.toml", &meta, hash(b"other"), &"OTHER".to_string());
    cache.save().unwrap();
    let got = fx.load().unwrap();
    assert_eq!((got.value.as_str(), got.cached), ("HELLO", false));
}

use super::container::Container;
use super::*;
use std::cell::Cell;

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

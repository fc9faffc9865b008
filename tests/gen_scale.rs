//! The scale generator writes data the app reads back whole, and the same seed writes the same bytes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

#[allow(dead_code)]
#[path = "../examples/gen_scale.rs"]
mod gen_scale;

use clinicprep::domain::content::Library;
use clinicprep::domain::schedule::{DayZone, peek};
use clinicprep::domain::stories::StoryStore;
use gen_scale::{Spec, generate};
use std::collections::BTreeMap;
use std::path::Path;

fn spec(dir: &Path) -> Spec {
    Spec {
        cards: 1_200,
        reviews: 3_000,
        stories: 7,
        seed: 7,
        dir: dir.to_path_buf(),
    }
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for sub in ["", "content", "stories"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                out.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

#[test]
fn generated_data_loads_whole_and_is_the_same_for_the_same_seed() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    generate(&spec(a.path())).unwrap();
    generate(&spec(b.path())).unwrap();

    let lib = Library::load(Some(&a.path().join("content")));
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert_eq!(lib.cards.len(), 1_200);
    let (ledger, notices) = peek(a.path(), DayZone::Local).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(ledger.last_seq(), 3_000);
    let (stories, bad) = StoryStore::load(a.path()).unwrap();
    assert!(bad.is_empty());
    assert_eq!(stories.len(), 7);

    let (fa, fb) = (files(a.path()), files(b.path()));
    assert!(fa.contains_key("schedule.json") && fa.contains_key("reviews.log"));
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (name, bytes) in &fa {
        assert!(bytes == &fb[name], "{name} differs between two runs");
    }
}

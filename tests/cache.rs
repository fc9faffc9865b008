//! The parse cache as a user meets it: never stale, never in the way, rebuilt when damaged.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::domain::content::Id;
use clinicprep::domain::stories::StoryId;
use common::Harness;
use common::files::edit_keeping_size_and_mtime;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime};

const DECK: &str = "[[card]]\nid = \"mine-1\"\ndeck = \"Mine\"\nfront = \"What is a gait belt?\"\nback = \"A safety belt.\"\n";
const STORY: &str = "title = \"Fall\"\nsituation = \"A patient slipped.\"\ntask = \"\"\naction = \"\"\nresult = \"\"\n";

fn write_data(dir: &Path) {
    fs::create_dir_all(dir.join("content")).unwrap();
    fs::write(dir.join("content/mine.toml"), DECK).unwrap();
    fs::create_dir_all(dir.join("stories")).unwrap();
    fs::write(dir.join("stories/fall.toml"), STORY).unwrap();
}

/// Makes every file look long settled, so the cache trusts their stamps without re-reading them.
fn age(dir: &Path) {
    let past = SystemTime::now() - Duration::from_secs(3600);
    for f in ["content/mine.toml", "stories/fall.toml"] {
        fs::File::options()
            .write(true)
            .open(dir.join(f))
            .unwrap()
            .set_modified(past)
            .unwrap();
    }
}

fn front_of(h: &Harness, id: &str) -> String {
    let lib = h.app.data().library();
    let card = lib
        .cards
        .iter()
        .find(|c| c.id == Id::new(id))
        .expect("card");
    card.front.clone()
}

fn situation_of(h: &Harness, id: &str) -> String {
    let store = h.app.data().stories().expect("stories loaded");
    let id = StoryId::from_stem(id).unwrap();
    store.get(&id).expect("story").situation.clone()
}

#[test]
fn edits_made_outside_the_app_show_after_a_restart_even_at_the_same_size_and_mtime() {
    let dir = tempfile::tempdir().unwrap();
    write_data(dir.path());
    age(dir.path());
    let h = Harness::in_dir(dir);
    assert_eq!(front_of(&h, "mine-1"), "What is a gait belt?");
    assert_eq!(situation_of(&h, "fall"), "A patient slipped.");
    assert!(h.dir.path().join("cache/content.bin").is_file());
    assert!(h.dir.path().join("cache/stories.bin").is_file());

    // A second start reads both from the cache and sees the same.
    let h = h.restart();
    assert_eq!(front_of(&h, "mine-1"), "What is a gait belt?");

    let d = h.dir.path().to_path_buf();
    edit_keeping_size_and_mtime(
        &d.join("content/mine.toml"),
        &DECK.replace("What is a gait belt?", "What is a walk belt?"),
    );
    edit_keeping_size_and_mtime(
        &d.join("stories/fall.toml"),
        &STORY.replace("A patient slipped.", "A patient tripped."),
    );
    let h = h.restart();
    assert_eq!(front_of(&h, "mine-1"), "What is a walk belt?");
    assert_eq!(situation_of(&h, "fall"), "A patient tripped.");
}

#[test]
fn a_damaged_cache_is_ignored_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    write_data(dir.path());
    let Harness { app, dir } = Harness::in_dir(dir);
    drop(app);
    let d = dir.path().to_path_buf();
    for f in ["cache/content.bin", "cache/stories.bin"] {
        let mut bytes = fs::read(d.join(f)).unwrap();
        bytes.truncate(bytes.len() / 2);
        fs::write(d.join(f), bytes).unwrap();
    }
    let h = Harness::in_dir(dir);
    assert_eq!(front_of(&h, "mine-1"), "What is a gait belt?");
    assert_eq!(situation_of(&h, "fall"), "A patient slipped.");
    assert!(
        fs::read(d.join("cache/content.bin"))
            .unwrap()
            .starts_with(b"CLPCACH2")
    );
}

fn status(dir: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_clinicprep"))
        .env_remove("CLINICPREP_DATA_DIR")
        .env_remove("CLINICPREP_CONFIG")
        .arg("--data-dir")
        .arg(dir)
        .args(["status", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn status_reads_the_same_with_or_without_the_cache_and_sees_a_story_break() {
    let dir = tempfile::tempdir().unwrap();
    write_data(dir.path());
    age(dir.path());
    let first = status(dir.path());
    assert!(first.contains("\"stories\":1"), "{first}");
    assert!(first.contains("\"new\":"), "{first}");
    assert!(dir.path().join("cache/stories.bin").is_file());
    assert_eq!(status(dir.path()), first, "from the cache");
    fs::remove_dir_all(dir.path().join("cache")).unwrap();
    assert_eq!(status(dir.path()), first, "without it");

    // A story broken after it was cached is reported, not counted from the cache.
    edit_keeping_size_and_mtime(
        &dir.path().join("stories/fall.toml"),
        &STORY.replace("title = ", "title @ "),
    );
    let broken = status(dir.path());
    assert!(broken.contains("\"stories\":0"), "{broken}");
    assert!(broken.contains("\"unreadable_stories\":1"), "{broken}");
}

#[test]
fn status_never_creates_a_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("not-yet");
    let out = status(&missing);
    assert!(out.contains("\"stories\":0"), "{out}");
    assert!(!missing.exists());
}

#[test]
fn the_built_in_content_is_kept_once_and_a_damaged_copy_is_parsed_around_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    write_data(dir.path());
    age(dir.path());
    let first = status(dir.path());
    let kept = dir.path().join("cache/builtin-content.bin");
    let bytes = fs::read(&kept).expect("kept after the first run");
    assert!(bytes.starts_with(b"CLPDERIV"));
    assert_eq!(status(dir.path()), first, "decoded from the cache");

    let mut damaged = bytes.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x20;
    fs::write(&kept, &damaged).unwrap();
    assert_eq!(status(dir.path()), first, "parsed again");
    assert_eq!(fs::read(&kept).unwrap(), bytes, "and kept again whole");
}

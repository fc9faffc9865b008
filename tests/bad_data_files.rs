//! A corpus of damaged files for every kind of user data file (story, config, checklist, favourites,
//! practice log, review journal, schedule snapshot, user deck, interview notes): the app opens, works and quits without
//! a panic, tells the user, and never rewrites or deletes the damaged file.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use common::Harness;
use std::path::{Path, PathBuf};

/// Every kind of file the app reads from the data folder, with a valid example of each.
const KINDS: &[(&str, &str)] = &[
    (
        "stories/bad.toml",
        "title = \"A story\"\naction = \"I helped.\"\n",
    ),
    ("config.toml", "answer_seconds = 90\n"),
    ("checklist.toml", "done = [\"research-clinic\"]\n"),
    ("favourites.toml", "starred = [\"ask-training\"]\n"),
    (
        "practice/rounds.toml",
        "[[round]]\nstarted = \"2026-11-22T08:00:00Z\"\ntarget_seconds = 120\n",
    ),
    ("reviews.log", "not a journal line\n"),
    ("schedule.json", "{\"cards\": {}}"),
    (
        "content/deck.toml",
        "[[card]]\nid = \"c-1\"\nfront = \"F\"\nback = \"B\"\n",
    ),
    (
        "interviews.toml",
        "[[interview]]\ndate = \"2026-11-20\"\nnotes = \"It went well.\"\n",
    ),
];

/// The ways a file gets damaged: cut short, binary, wrong types, huge, deeply nested, not UTF-8, BOM.
fn variants(valid: &str) -> Vec<(&'static str, Vec<u8>)> {
    let mut truncated = valid.as_bytes().to_vec();
    truncated.truncate(valid.len() * 2 / 3);
    vec![
        ("truncated", truncated),
        ("binary", (0..=255u8).cycle().take(4096).collect()),
        ("wrong types", b"title = 5\ndone = 7\nstarred = \"x\"\nround = 3\ncard = 1\nanswer_seconds = \"long\"\n".to_vec()),
        ("huge, never closed", "x = \"".bytes().chain(std::iter::repeat_n(b'a', 2 << 20)).collect()),
        ("deep nesting", "x = ".bytes().chain(std::iter::repeat_n(b'[', 10_000)).collect()),
        ("invalid UTF-8", [valid.as_bytes(), b"\xff\xfe\xc3\x28"].concat()),
        ("BOM", ["\u{FEFF}".as_bytes(), valid.as_bytes()].concat()),
    ]
}

#[test]
fn every_data_file_kind_survives_every_kind_of_damage_and_is_never_rewritten() {
    for (path, valid) in KINDS {
        for (how, bytes) in variants(valid) {
            let (dir, file) = folder_with(path, &bytes);
            let mut h = Harness::in_dir(dir);
            // apply_config is what start-up does with the config file.
            let (config, _) =
                clinicprep::domain::config::Config::load(&h.dir.path().join("config.toml"));
            h.app.apply_config(&config);
            for tab in [
                Tab::Home,
                Tab::Guides,
                Tab::Cards,
                Tab::Stories,
                Tab::Practice,
            ] {
                h.app.update(Action::GoTo(tab));
                h.press("<enter><space>3<esc>jk");
                h.render(80, 24);
                h.render(1, 1);
            }
            h.advance(2);
            h.press("q");
            h.press("q");
            assert!(
                h.app.should_quit(),
                "{path} ({how}): the app would not quit"
            );
            let after =
                std::fs::read(&file).unwrap_or_else(|e| panic!("{path} ({how}) was removed: {e}"));
            // The journal keeps what it could not read: damaged lines stay in place (new grades go
            // after them), and only a torn last line may be cut, after it is copied aside.
            if *path == "reviews.log" {
                let kept = after.starts_with(&bytes) || bytes.starts_with(&after);
                assert!(
                    kept || aside_exists(h.dir.path()),
                    "{path} ({how}): rewritten ({} bytes, now {}) and nothing set aside",
                    bytes.len(),
                    after.len()
                );
            } else if *path == "schedule.json" && after != bytes {
                // The snapshot is derived from the journal: a damaged one is copied aside whole,
                // then rebuilt.
                assert!(
                    aside_copy(h.dir.path(), "schedule.json.").as_deref() == Some(&bytes[..]),
                    "{path} ({how}): replaced without keeping a copy"
                );
            } else if how != "BOM" {
                // A BOM-prefixed file is read as valid (editors on Windows add one), so the keys
                // above may edit and save it; every other variant cannot be read and must stay as is.
                assert!(
                    after == bytes,
                    "{path} ({how}): the damaged file was rewritten ({} bytes, now {})",
                    bytes.len(),
                    after.len()
                );
            }
        }
    }
}

/// A fresh data folder with `bytes` written at `path` inside it, and that file's full path.
fn folder_with(path: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(path);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, bytes).unwrap();
    (dir, file)
}

fn aside_exists(dir: &Path) -> bool {
    aside_copy(dir, "reviews.log.").is_some()
}

/// The bytes of a copy set aside next to the original (`NAME.<why>-<time>`), if there is one.
fn aside_copy(dir: &Path, prefix: &str) -> Option<Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .and_then(|e| std::fs::read(e.path()).ok())
}

#[test]
fn check_names_each_damaged_file_without_panicking() {
    for (path, valid) in KINDS {
        for (how, bytes) in variants(valid) {
            let (dir, _) = folder_with(path, &bytes);
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_clinicprep"))
                .arg("--data-dir")
                .arg(dir.path())
                .arg("--config")
                .arg(dir.path().join("config.toml"))
                .arg("check")
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!err.contains("panicked"), "{path} ({how}): {err}");
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{path} ({how}): {:?} {err}",
                out.status
            );
        }
    }
}

/// A user walk: while the app was open, a hand edit to the checklist (valid, or with a list left
/// open) was overwritten by the next tick, and interview notes typed over a damaged file were
/// dropped at quit without a word. Now the edited file is left as it is and the screen says why;
/// quitting stops once to say where a copy of the changes went.
#[test]
fn a_file_changed_by_hand_while_open_is_not_overwritten_and_quitting_keeps_a_copy() {
    for hand in [
        "done = [\"step-scope\", \"hand-added\"]\n",
        "done = [\"step-research-clinic\", \"hand-added\"\n",
    ] {
        let mut h = Harness::new();
        let path = h.dir.path().join("checklist.toml");
        h.press("<space>");
        assert!(h.file("checklist.toml").is_some(), "the tick is saved");
        std::fs::write(&path, hand).unwrap();
        h.press("<down><space>");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), hand);
        let said = h.status();
        assert!(said.starts_with("Not saved: "), "{said}");
        assert!(said.contains("checklist.toml"), "{said}");
        h.press("q");
        assert!(
            !h.app.should_quit(),
            "the first q stops to say where the copy is"
        );
        let copy = h.copy_folder();
        let copied = std::fs::read_to_string(copy.join("checklist.toml")).unwrap();
        assert!(copied.contains("step-research-clinic"), "{copied}");
        assert!(copied.contains("step-read-posting"), "both ticks: {copied}");
        // A tick after the warning reaches the copy too (a regression walk found it lost).
        h.press("<down><space>");
        h.press("q");
        assert!(h.app.should_quit());
        let copied = std::fs::read_to_string(copy.join("checklist.toml")).unwrap();
        assert!(copied.contains("step-scope"), "the latest tick: {copied}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            hand,
            "never written"
        );
        std::fs::remove_dir_all(&copy).unwrap();
    }
}

/// A robustness walk: the app said fit.toml was damaged while `clinicprep check` said ok.
#[test]
fn check_names_a_damaged_role_fit_file() {
    let (dir, _) = folder_with("fit.toml", b"answers = [1,2");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clinicprep"))
        .arg("--data-dir")
        .arg(dir.path())
        .arg("check")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("fit.toml:1"), "{text}");
}

/// A regression walk: with the checklist and the favourites both changed by hand, the warning
/// named one copy and the other went to a folder never mentioned. Both go to one folder, named.
#[test]
fn two_files_that_could_not_be_saved_are_copied_to_one_folder_that_is_named() {
    let mut h = Harness::new();
    h.press("<space>");
    h.press("<right><space>");
    assert!(h.file("favourites.toml").is_some(), "the star is saved");
    std::fs::write(h.dir.path().join("checklist.toml"), "done = []\n").unwrap();
    std::fs::write(h.dir.path().join("favourites.toml"), "starred = []\n").unwrap();
    h.press("<left><down><space>");
    h.press("<right><down><space>");
    h.press("q");
    let said = h.status();
    assert!(
        said.contains("checklist ticks and starred questions"),
        "{said}"
    );
    let copy = h.copy_folder();
    for file in ["checklist.toml", "favourites.toml"] {
        assert!(copy.join(file).is_file(), "{file} in {}", copy.display());
    }
    h.press("q");
    assert!(h.app.should_quit());
    std::fs::remove_dir_all(copy).unwrap();
}

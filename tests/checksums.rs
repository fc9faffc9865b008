//! Checksums everywhere it matters: a changed digit in `schedule.json` is caught, reported by
//! `clinicprep check` and the snapshot rebuilt from the journal; a flipped byte in the journal
//! before the snapshot point is reported by `check` with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use clinicprep::domain::content::Id;
use clinicprep::domain::schedule::{DayZone, Grade, ReviewStore, StoreOptions};
use std::fs;
use std::path::Path;
use std::process::Command;

fn options() -> StoreOptions {
    StoreOptions {
        snapshot_every: 0,
        zone: DayZone::utc(),
        ..StoreOptions::default()
    }
}

fn at(ms: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(ms).unwrap()
}

/// A data folder with three grades, all covered by the snapshot.
fn graded() -> (tempfile::TempDir, clinicprep::domain::schedule::Ledger) {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = ReviewStore::open(dir.path(), &options(), at(1_795_000_000_000)).unwrap();
    for (i, card) in ["q-a", "q-b", "q-c"].iter().enumerate() {
        s.grade(
            &Id::new(*card),
            Grade::Good,
            at(1_795_000_000_000 + i as i64 * 1000),
        )
        .unwrap();
    }
    s.snapshot_now().unwrap();
    let ledger = s.ledger().clone();
    (dir, ledger)
}

fn check(dir: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_clinicprep"))
        .env_remove("CLINICPREP_DATA_DIR")
        .arg("--data-dir")
        .arg(dir)
        .arg("--config")
        .arg(dir.join("config.toml"))
        .arg("check")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn a_changed_digit_in_the_snapshot_is_reported_and_rebuilt_from_the_journal() {
    let (dir, ledger) = graded();
    let (code, out) = check(dir.path());
    assert_eq!(code, 0, "{out}");
    let path = dir.path().join("schedule.json");
    let mut text = fs::read_to_string(&path).unwrap();
    // Move a due date a century on by changing one digit, as in the issue.
    let at = text.find("\"due_ms\":1").unwrap() + "\"due_ms\":".len();
    text.replace_range(at..at + 1, "4");
    fs::write(&path, &text).unwrap();
    let (code, out) = check(dir.path());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("checksum"), "{out}");
    let (s, notices) = ReviewStore::open(dir.path(), &options(), at_now()).unwrap();
    assert!(
        notices.iter().any(|n| n.to_string().contains("checksum")),
        "{notices:?}"
    );
    assert_eq!(
        s.ledger().cards(),
        ledger.cards(),
        "rebuilt from the journal"
    );
    drop(s);
    let (code, out) = check(dir.path());
    assert_eq!(code, 0, "the rebuilt snapshot is good: {out}");
}

fn at_now() -> chrono::DateTime<chrono::Utc> {
    at(1_795_000_100_000)
}

#[test]
fn a_flipped_byte_before_the_snapshot_point_is_reported_by_check() {
    let (dir, _) = graded();
    let path = dir.path().join("reviews.log");
    let mut bytes = fs::read(&path).unwrap();
    let first_tab = bytes.iter().position(|&b| b == b'\t').unwrap();
    bytes[first_tab + 1] ^= 0x01; // the first record's sequence number
    fs::write(&path, &bytes).unwrap();
    let (code, out) = check(dir.path());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("review history") && out.contains("line 1"),
        "{out}"
    );
}

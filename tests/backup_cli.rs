//! `clinicprep restore` as a user runs it: list the backups, restore one, undo it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use chrono::{TimeDelta, Utc};
use clinicprep::storage::backup;
use std::fs;
use std::process::Command;

fn clinicprep(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_clinicprep"))
        .env_remove("CLINICPREP_DATA_DIR")
        .env("TZ", "UTC")
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn no_backups_yet_says_when_they_are_made() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = clinicprep(dir.path(), &["restore"]);
    assert_eq!(code, 0);
    assert!(out.contains("No backups yet"), "{out}");
    assert!(out.contains("30 minutes"), "{out}");
}

#[test]
fn lists_newest_first_then_restores_and_can_undo() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("stories")).unwrap();
    fs::write(d.join("stories/fall.toml"), "title = 'Fall'\n").unwrap();
    let an_hour_ago = Utc::now() - TimeDelta::hours(1);
    let old = backup::backup_now(d, an_hour_ago, "before import of deck.apkg").unwrap();
    fs::write(d.join("stories/fall.toml"), "title = 'Broken by import'\n").unwrap();
    fs::write(d.join("stories/new.toml"), "title = 'New'\n").unwrap();
    let newer = backup::backup_now(d, an_hour_ago + TimeDelta::minutes(1), "automatic").unwrap();

    let (code, out, err) = clinicprep(d, &["restore"]);
    assert_eq!(code, 0, "{err}");
    let newer_at = out.find(&newer.id).expect("newer listed");
    let old_at = out.find(&old.id).expect("older listed");
    assert!(newer_at < old_at, "newest first: {out}");
    let old_line = out.lines().find(|l| l.starts_with(&old.id)).unwrap();
    assert!(
        old_line.contains("before import of deck.apkg"),
        "{old_line}"
    );
    assert!(old_line.contains("    1  "), "file count: {old_line}");
    assert!(out.contains("clinicprep restore ID"), "{out}");

    let (code, out, err) = clinicprep(d, &["restore", &old.id]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        fs::read_to_string(d.join("stories/fall.toml")).unwrap(),
        "title = 'Fall'\n"
    );
    assert!(!d.join("stories/new.toml").exists());
    assert!(out.contains("1 newer files removed"), "{out}");
    let safety = backup::list(d).unwrap()[0].clone();
    assert!(safety.reason.starts_with("before restoring"), "{safety:?}");
    assert!(
        out.contains(&format!("clinicprep restore {}", safety.id)),
        "{out}"
    );

    let (code, _, err) = clinicprep(d, &["restore", &safety.id]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        fs::read_to_string(d.join("stories/fall.toml")).unwrap(),
        "title = 'Broken by import'\n"
    );
    assert!(d.join("stories/new.toml").exists());
}

#[test]
fn an_unknown_backup_is_refused_with_a_pointer_to_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = clinicprep(dir.path(), &["restore", "2020-01-01T00-00-00Z"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no backup called 2020-01-01T00-00-00Z"),
        "{err}"
    );
    assert!(err.contains("`clinicprep restore`"), "{err}");
}

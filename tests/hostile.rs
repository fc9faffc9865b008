//! A hostile data folder: symbolic links where our files should be, pipes and devices named like
//! them, loose permissions. Nothing outside the folder is ever changed, nothing hangs, every file we
//! write is 0600 and every folder 0700, and each refusal names the path.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails
#![cfg(unix)]

mod common;

use clinicprep::app::Tab;
use clinicprep::domain::schedule::{ReviewStore, StoreOptions};
use clinicprep::domain::stories::{Story, StoryStore};
use clinicprep::storage::lock::DataLock;
use common::{Harness, fixed_now};
use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn mode(p: &Path) -> u32 {
    fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

/// A file outside the data folder that a link points at: it must never change.
fn precious(outside: &Path, name: &str) -> PathBuf {
    let p = outside.join(name);
    fs::write(&p, "precious bytes\nand a partial line").unwrap();
    p
}

fn untouched(p: &Path) {
    assert_eq!(
        fs::read_to_string(p).unwrap(),
        "precious bytes\nand a partial line",
        "{p:?} was changed"
    );
}

/// Runs the real binary on `dir`, failing the test if it has not finished within `secs`.
fn run(dir: &Path, args: &[&str], secs: u64) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_clinicprep"))
        .arg("--data-dir")
        .arg(dir)
        .arg("--config")
        .arg(dir.join("config.toml"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(secs);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "clinicprep {args:?} hung for {secs} s:\n{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Builds the app over `dir` on another thread and fails if that takes more than 20 s (a pipe read
/// would block forever).
fn app_opens(dir: tempfile::TempDir) -> Harness {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut h = Harness::in_dir(dir);
        for tab in [Tab::Cards, Tab::Stories, Tab::Home] {
            h.app.update(clinicprep::app::Action::GoTo(tab));
        }
        let _ = tx.send(h);
    });
    rx.recv_timeout(Duration::from_secs(20))
        .expect("the app hung opening the folder")
}

fn mkfifo(p: &Path) {
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    let ok = Command::new("mkfifo").arg(p).status().unwrap().success();
    assert!(ok, "mkfifo {p:?}");
}

#[test]
fn a_linked_lock_file_or_journal_is_refused_and_its_target_untouched() {
    let outside = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let lock_target = precious(outside.path(), "lock-target");
    let journal_target = precious(outside.path(), "journal-target");
    symlink(&lock_target, dir.path().join("clinicprep.lock")).unwrap();
    symlink(&journal_target, dir.path().join("reviews.log")).unwrap();

    let err = DataLock::acquire(dir.path()).unwrap_err().to_string();
    assert!(
        err.contains("clinicprep.lock") && err.contains("symbolic link"),
        "{err}"
    );
    let err = ReviewStore::open(dir.path(), &StoreOptions::default(), fixed_now())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("reviews.log") && err.contains("symbolic link"),
        "{err}"
    );
    // The app starts anyway, says why, and still changes nothing outside.
    let mut h = app_opens(dir);
    h.app.open_data(clinicprep::app::Access::Writer);
    h.app.finish_backup();
    untouched(&lock_target);
    untouched(&journal_target);
    // `restore` and `import` take the lock the same way and refuse the same way.
    let out = run(h.dir.path(), &["restore", "x"], 20);
    assert!(text(&out).contains("symbolic link"), "{}", text(&out));
    untouched(&lock_target);
}

#[test]
fn a_linked_story_or_config_is_never_replaced_and_files_we_write_are_private() {
    let outside = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let stories = d.join("stories");
    fs::create_dir(&stories).unwrap();
    fs::set_permissions(&stories, fs::Permissions::from_mode(0o755)).unwrap();
    let story_target = precious(outside.path(), "story.toml");
    symlink(&story_target, stories.join("linked.toml")).unwrap();
    fs::write(stories.join("loose.toml"), "title = \"Loose\"\n").unwrap();
    fs::set_permissions(
        stories.join("loose.toml"),
        fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let config_target = outside.path().join("config.toml");
    fs::write(&config_target, "answer_seconds = 90\n").unwrap();
    symlink(&config_target, d.join("config.toml")).unwrap();

    let (mut store, bad) = StoryStore::load(d).unwrap();
    // The link's target does not parse as a story, so it is reported; saving under its id is refused.
    assert_eq!(bad.len(), 1, "{bad:?}");
    let s = Story::new(
        clinicprep::domain::stories::StoryId::from_stem("linked").unwrap(),
        "Mine",
        fixed_now(),
    );
    let _ = store.save(&s, fixed_now());
    assert!(
        fs::symlink_metadata(stories.join("linked.toml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    untouched(&story_target);

    // A loose existing story becomes 0600 when saved, and the stories folder 0700.
    let loose = store
        .list(clinicprep::domain::stories::Order::Title)
        .into_iter()
        .find(|s| s.title == "Loose")
        .cloned()
        .unwrap();
    store.save(&loose, fixed_now()).unwrap();
    assert_eq!(mode(&stories.join("loose.toml")), 0o600);
    assert_eq!(mode(&stories), 0o700);

    // The config file: saving the interview date refuses the link and names it.
    let err = clinicprep::domain::config::save_interview_date(
        &d.join("config.toml"),
        Some(chrono::NaiveDate::from_ymd_opt(2027, 1, 5).unwrap()),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("config.toml") && err.contains("symbolic link"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(&config_target).unwrap(),
        "answer_seconds = 90\n"
    );
    assert!(
        fs::symlink_metadata(d.join("config.toml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_linked_stories_folder_is_not_written_into() {
    let outside = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    symlink(outside.path(), dir.path().join("stories")).unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    let id = store.new_id("Fall", fixed_now());
    let s = Story::new(id, "Fall", fixed_now());
    let err = store.save(&s, fixed_now()).unwrap_err().to_string();
    assert!(
        err.contains("stories") && err.contains("symbolic link"),
        "{err}"
    );
    assert_eq!(fs::read_dir(outside.path()).unwrap().count(), 0);
}

#[test]
fn check_warns_about_a_folder_others_can_write_or_own() {
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let out = run(dir.path(), &["check"], 30);
    assert!(
        text(&out).contains("Other users can write in the data folder"),
        "{}",
        text(&out)
    );
    assert_eq!(out.status.code(), Some(1));
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
    let out = run(dir.path(), &["check"], 30);
    assert!(!text(&out).contains("data folder"), "{}", text(&out));
    // Owned by another user: only root can make one, so this half runs only as root.
    if rustix_uid() == 0 {
        std::os::unix::fs::chown(dir.path(), Some(4242), None).unwrap();
        let out = run(dir.path(), &["check"], 30);
        assert!(
            text(&out).contains("belongs to another user (uid 4242)"),
            "{}",
            text(&out)
        );
    } else {
        eprintln!("note: not root, so a folder owned by another user was not tried");
    }
}

fn rustix_uid() -> u32 {
    let out = Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

/// Where a pipe, or a link to `/dev/zero`, may sit in a data folder.
const PLACES: &[&str] = &[
    "stories/x.toml",
    "config.toml",
    "checklist.toml",
    "favourites.toml",
    "practice/rounds.toml",
    "reviews.log",
    "schedule.json",
    "content/deck.toml",
    "cache/stories.bin",
    "cache/content.bin",
    "cache/schedule.bin",
];

#[test]
fn pipes_in_the_data_folder_hang_nothing() {
    for place in PLACES {
        let dir = tempfile::tempdir().unwrap();
        mkfifo(&dir.path().join(place));
        for args in [&["status"][..], &["check"], &["export", "stories"]] {
            let out = run(dir.path(), args, 20);
            if args == ["check"] && !place.starts_with("cache/") {
                // Every file kind but the parse cache (derived, silently rebuilt) is reported.
                assert!(
                    text(&out).contains("not a regular file"),
                    "{place}: {}",
                    text(&out)
                );
            }
        }
        let h = app_opens(dir);
        assert!(h.dir.path().join(place).exists(), "{place} was removed");
    }
}

#[test]
fn links_to_dev_zero_are_refused_before_reading() {
    for place in PLACES {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(place);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        symlink("/dev/zero", &p).unwrap();
        for args in [&["status"][..], &["check"]] {
            run(dir.path(), args, 20);
        }
        app_opens(dir);
    }
}

#[test]
fn importing_a_device_or_a_pipe_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["import", "/dev/zero"], 20);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("not a regular file"), "{}", text(&out));
    let fifo = dir.path().join("deck.csv");
    mkfifo(&fifo);
    let out = run(dir.path(), &["import", fifo.to_str().unwrap()], 20);
    assert!(text(&out).contains("not a regular file"), "{}", text(&out));
}

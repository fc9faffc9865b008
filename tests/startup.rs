//! Opening the data folder: the writer cleans up, recovers and backs up; a second instance is read-only.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use chrono::{TimeDelta, Utc};
use clinicprep::app::{Access, Action, Tab};
use clinicprep::kit::Level;
use clinicprep::storage::backup;
use clinicprep::storage::lock::{Acquired, DataLock};
use common::{Harness, find};
use std::fs;
use std::path::Path;

/// A data folder with a story, a temp file from a killed save and text stashed by a crash.
fn after_a_crash() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("stories")).unwrap();
    fs::write(d.join("stories/fall.toml"), "title = 'Fall'\n").unwrap();
    fs::write(d.join("stories/.fall.toml.Xy12Zw"), "title = 'Fa").unwrap();
    clinicprep::storage::recovery::stash(
        d,
        "fall",
        "I stayed with the patient",
        common::fixed_now(),
    )
    .unwrap();
    dir
}

fn backups(d: &Path) -> usize {
    backup::list(d).unwrap().len()
}

#[test]
fn the_writer_cleans_temps_offers_recovered_text_and_backs_up() {
    let mut h = Harness::in_dir(after_a_crash());
    h.app.open_data(Access::Writer);
    h.app.finish_backup();
    let d = h.dir.path().to_path_buf();

    assert!(
        !d.join("stories/.fall.toml.Xy12Zw").exists(),
        "stale temp left"
    );
    assert!(d.join("stories/fall.toml").exists());

    assert_eq!(h.app.recovered().len(), 1);
    let r = &h.app.recovered()[0];
    assert_eq!(r.text, "I stayed with the patient");
    assert!(r.path.starts_with(d.join("stories")), "{:?}", r.path);
    let status = h.app.status().cloned().expect("a status message");
    assert_eq!(status.level, Level::Warning);
    assert!(
        status
            .text
            .starts_with("Recovered unsaved text from the last crash: saved as"),
        "{}",
        status.text
    );
    let screen = h.screen(200, 30);
    assert!(screen.contains("Recovered unsaved text"), "{screen}");

    // The backup made at start already holds the recovered text.
    let list = backup::list(&d).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(
        list[0].files, 3,
        "the story, the recovered text and the review journal"
    );
    assert!(h.app.can_write());
}

#[test]
fn tick_backs_up_again_only_after_a_change_and_thirty_minutes() {
    let mut h = Harness::in_dir(after_a_crash());
    h.app.open_data(Access::Writer);
    h.app.finish_backup();
    let d = h.dir.path().to_path_buf();
    assert_eq!(backups(&d), 1);
    fs::write(d.join("stories/fall.toml"), "title = 'Fall, edited'\n").unwrap();
    h.app.set_now(h.app.now() + TimeDelta::minutes(29));
    h.app.tick();
    h.app.finish_backup();
    assert_eq!(backups(&d), 1, "not due yet");
    h.app.set_now(h.app.now() + TimeDelta::minutes(1));
    h.app.tick();
    h.app.finish_backup();
    assert_eq!(backups(&d), 2);
    h.app.set_now(h.app.now() + TimeDelta::minutes(60));
    h.app.tick();
    h.app.finish_backup();
    assert_eq!(backups(&d), 2, "nothing changed");
}

#[test]
fn a_second_instance_is_read_only_says_so_and_changes_nothing() {
    let dir = after_a_crash();
    let first = match DataLock::acquire(dir.path()).unwrap() {
        Acquired::Writer(l) => l,
        Acquired::ReadOnly(h) => panic!("{h:?}"),
    };
    let Acquired::ReadOnly(holder) = DataLock::acquire(dir.path()).unwrap() else {
        panic!("second lock granted");
    };
    let mut h = Harness::in_dir(dir);
    h.app.open_data(Access::ReadOnly(holder));
    let d = h.dir.path().to_path_buf();

    assert!(!h.app.can_write());
    assert!(
        d.join("stories/.fall.toml.Xy12Zw").exists(),
        "not ours to clean"
    );
    assert!(
        h.app.recovered().is_empty(),
        "the writer takes recovered text"
    );
    assert!(
        d.join(clinicprep::storage::recovery::RECOVERY_DIR)
            .read_dir()
            .unwrap()
            .next()
            .is_some()
    );
    assert!(!d.join(backup::BACKUP_DIR).exists());
    h.app.set_now(h.app.now() + TimeDelta::hours(2));
    h.app.tick();
    h.app.finish_backup();
    assert!(!d.join(backup::BACKUP_DIR).exists(), "tick made a backup");

    let buf = h.render(80, 24);
    let screen = common::buffer_text(&buf);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(
        lines[1].starts_with(" READ-ONLY  Another clinicprep (process"),
        "{screen}"
    );
    let banner: Vec<&str> = lines[1..4].iter().map(|l| l.trim()).collect();
    let banner = banner.join(" ");
    assert!(banner.contains(&d.display().to_string()), "{screen}");
    assert!(
        banner.contains("close the other one to make changes"),
        "{screen}"
    );
    let (x, y) = find(&buf, "READ-ONLY").unwrap();
    assert_eq!(buf[(x, y)].style().bg, h.app.theme().banner.bg);
    assert_eq!(
        buf[(79, y)].style().bg,
        h.app.theme().banner.bg,
        "full width"
    );
    for (w, hgt) in [(1, 1), (20, 5), (59, 15), (60, 16), (61, 17), (250, 80)] {
        h.render(w, hgt);
    }
    // Still usable: keys work and every screen draws.
    h.press("<tab><tab><tab><tab>");
    assert!(h.screen(80, 24).contains("READ-ONLY"));

    // Nothing that would write is allowed: no ticking, no new story, no review, no practice round.
    let before = snapshot_files(&d);
    for tab in [Tab::Home, Tab::Cards, Tab::Stories, Tab::Practice] {
        h.app.update(Action::GoTo(tab));
        h.press(" <enter>nd");
        h.type_text("typed into a read-only window");
        h.advance(2);
    }
    h.app.update(Action::GoTo(Tab::Home));
    h.press("<esc>i");
    assert!(!h.app.typing(), "the date field stays shut");
    let status = h.app.status().cloned().expect("the refusal is explained");
    assert!(status.text.contains("read-only"), "{}", status.text);
    h.press("q");
    assert!(h.app.should_quit());
    assert_eq!(
        snapshot_files(&d),
        before,
        "a read-only window changed files"
    );
    drop(first);
}

/// Every file under `dir` with its bytes, to prove nothing changed.
fn snapshot_files(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n != "clinicprep.lock") {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn an_unlockable_folder_still_opens_for_writing_with_a_warning() {
    let mut h = Harness::in_dir(after_a_crash());
    h.app
        .open_data(Access::Unlocked("locks unsupported".into()));
    h.app.finish_backup();
    assert!(h.app.can_write());
    let status = h.app.status().cloned().unwrap().text;
    assert!(status.contains("only one clinicprep"), "{status}");
    assert_eq!(backups(h.dir.path()), 1);
}

/// No clock value panics: the app opens, backs up, takes keys and ticks with its clock before 1970,
/// at the epoch, and at the far end of what the kernel can set, and jumping between them.
#[test]
fn extreme_clocks_never_panic() {
    use chrono::TimeZone;
    let clocks = [
        Utc.with_ymd_and_hms(1960, 1, 1, 0, 0, 0).unwrap(),
        chrono::DateTime::from_timestamp_millis(-1).unwrap(),
        chrono::DateTime::from_timestamp(0, 0).unwrap(),
        Utc.with_ymd_and_hms(2040, 6, 1, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2262, 4, 11, 0, 0, 0).unwrap(),
    ];
    for start in clocks {
        let mut h = Harness::new();
        h.app.set_now(start);
        h.app.open_data(Access::Writer);
        h.app.finish_backup();
        for now in clocks {
            h.app.set_now(now);
            h.app.tick();
            h.press("<tab><tab><tab>n");
            h.type_text("Clock title");
            h.press("<esc><tab><tab>");
            h.screen(100, 30);
        }
        h.app.quit();
    }
}

#[test]
fn a_story_file_that_cannot_be_read_is_named_on_the_first_screen_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    fs::create_dir_all(&stories).unwrap();
    fs::write(stories.join("broken.toml"), "title = \"Broken\n").unwrap();
    fs::write(stories.join("fine.toml"), "title = 'Fine'\n").unwrap();
    let mut h = Harness::in_dir(dir);
    let status = h.app.status().cloned().unwrap();
    assert_eq!(status.level, Level::Warning);
    assert!(
        status.text.starts_with("1 story file could not be read"),
        "{}",
        status.text
    );
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("1 story file could not be read"),
        "{screen}"
    );
    assert!(
        screen.contains("the Stories screen says which line"),
        "{screen}"
    );
    // The Stories screen names the file, and the file stays as it was.
    h.app.update(Action::GoTo(Tab::Stories));
    assert!(h.screen(100, 30).contains("broken.toml"));
    assert_eq!(h.file("stories/broken.toml").unwrap(), "title = \"Broken\n");
}

#[test]
fn with_every_story_readable_the_first_screen_says_nothing_of_them() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("stories")).unwrap();
    fs::write(dir.path().join("stories/fine.toml"), "title = 'Fine'\n").unwrap();
    let h = Harness::in_dir(dir);
    assert!(!h.status().contains("could not be read"), "{}", h.status());
}

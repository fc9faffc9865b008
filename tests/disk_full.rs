//! A full disk and a read-only folder, for real: the data dir is a tiny tmpfs. Saving a story and
//! grading a card must fail with the path on screen, leave the old files whole, keep the text in the
//! editor and the app running, and succeed on retry once the problem is gone.
//!
//! Mounting needs root (or CAP_SYS_ADMIN); where `mount` fails the tests say SKIPPED and pass.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails
#![cfg(target_os = "linux")]

mod common;

use clinicprep::app::{Action, Tab};
use clinicprep::domain::stories::{Order, Section, StoryStore};
use common::Harness;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A tmpfs mounted on a fresh temporary folder, unmounted (lazily, so it never fails) on drop.
struct Tmpfs {
    path: PathBuf,
    _outer: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let outer = tempfile::tempdir().ok()?;
        let path = outer.path().join("mnt");
        fs::create_dir(&path).ok()?;
        let out = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(&path)
            .output()
            .ok()?;
        if !out.status.success() {
            eprintln!(
                "SKIPPED: cannot mount a tmpfs here ({}); run as root to test a full disk",
                String::from_utf8_lossy(&out.stderr).trim()
            );
            return None;
        }
        Some(Tmpfs {
            path,
            _outer: outer,
        })
    }

    fn remount(&self, opt: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,{opt}")])
            .arg(&self.path)
            .status()
            .unwrap()
            .success();
        assert!(ok, "remount {opt}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

/// Fills the file system holding `dir` until a write fails with "no space"; returns the filler.
fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("filler");
    let mut f = fs::File::create(&path).unwrap();
    let chunk = vec![0xAAu8; 4096];
    loop {
        match f.write(&chunk) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.raw_os_error() == Some(28) => break,
            Err(e) => panic!("filling {}: {e}", path.display()),
        }
    }
    // Partial pages: fill byte by byte until even one byte fails.
    while f.write(&[0]).is_ok_and(|n| n == 1) {}
    path
}

fn status(h: &Harness) -> String {
    h.app.status().map(|s| s.text.clone()).unwrap_or_default()
}

fn only_story_file(data: &Path) -> PathBuf {
    let files: Vec<PathBuf> = fs::read_dir(data.join("stories"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "toml")
                && !p.file_name().unwrap().to_string_lossy().starts_with('.')
        })
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

fn journal_lines(data: &Path) -> usize {
    fs::read_to_string(data.join("reviews.log"))
        .map(|s| s.lines().count())
        .unwrap_or(0)
}

/// The situation the open editor holds in memory (saved or not).
fn situation_in_editor(h: &Harness) -> String {
    let story = h.app.open_story().expect("editor open");
    story.text(Section::Situation).to_string()
}

#[test]
fn full_disk_keeps_old_files_reports_the_path_and_retries() {
    let Some(fs_) = Tmpfs::mount("512k") else {
        return;
    };
    let data = tempfile::tempdir_in(&fs_.path).unwrap();
    let data_path = data.path().to_path_buf();
    let mut h = Harness::in_dir(data);

    // A story saved while there is room.
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n")
        .type_text("Full disk")
        .press("<tab>")
        .type_text("First words.");
    h.press("<c-s>");
    let file = only_story_file(&data_path);
    let old = fs::read(&file).unwrap();
    assert!(String::from_utf8_lossy(&old).contains("First words."));

    let filler = fill(&fs_.path);
    h.type_text(" More words that do not fit.");
    h.press("<c-s>");
    let st = status(&h);
    assert!(st.contains("Not saved"), "status: {st}");
    assert!(st.contains(&file.display().to_string()), "path: {st}");
    let screen = h.screen(250, 40);
    assert!(screen.contains("Not saved"), "{screen}");
    assert_eq!(fs::read(&file).unwrap(), old, "the old file is intact");
    assert_eq!(
        situation_in_editor(&h),
        "First words. More words that do not fit."
    );
    assert!(h.app.unsaved_story().is_some(), "marked unsaved");
    assert!(!h.app.should_quit());

    // A grade on a full disk: reported with the journal's path, nothing written, card still up.
    h.app.update(Action::GoTo(Tab::Cards));
    h.press("<enter><space>3");
    let st = status(&h);
    assert!(st.contains("NOT saved"), "status: {st}");
    assert!(st.contains("reviews.log"), "path: {st}");
    assert_eq!(journal_lines(&data_path), 0);
    let screen = h.screen(120, 30);
    assert!(screen.contains("NOT saved"), "{screen}");

    // Room again: the retries succeed.
    fs::remove_file(&filler).unwrap();
    h.press("3");
    assert_eq!(journal_lines(&data_path), 1, "status: {}", status(&h));
    h.app.update(Action::GoTo(Tab::Stories));
    h.advance_ms(2_000);
    let (store, bad) = StoryStore::load(&data_path).unwrap();
    assert!(bad.is_empty());
    let stories = store.list(Order::Title);
    assert_eq!(
        stories[0].text(Section::Situation),
        "First words. More words that do not fit.",
        "status: {}",
        status(&h)
    );
    drop(h);
}

#[test]
fn read_only_folder_reports_keeps_the_file_and_saves_after_remount() {
    let Some(fs_) = Tmpfs::mount("1m") else {
        return;
    };
    // A first session writes a story and quits.
    let mut h = Harness::in_dir(tempfile::tempdir_in(&fs_.path).unwrap());
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n")
        .type_text("Read only")
        .press("<tab>")
        .type_text("Old words.")
        .press("<c-s>");
    let data_path = h.dir.path().to_path_buf();
    let file = only_story_file(&data_path);
    let old = fs::read(&file).unwrap();
    assert!(String::from_utf8_lossy(&old).contains("Old words."));
    let Harness { app, dir } = h;
    drop(app);

    // The next session opens on a folder it cannot write.
    fs_.remount("ro");
    let mut h = Harness::in_dir(dir);
    let _ = h.screen(80, 24);
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("<enter>")
        .press("<tab><end>")
        .type_text(" Typed while read-only.");
    let typed = situation_in_editor(&h);
    assert!(typed.contains("Typed while read-only."), "{typed}");
    h.press("<c-s>");
    let st = status(&h);
    assert!(st.contains("Not saved"), "status: {st}");
    assert!(st.contains(&data_path.display().to_string()), "path: {st}");
    assert!(h.screen(250, 40).contains("Not saved"));
    assert_eq!(fs::read(&file).unwrap(), old, "the old file is intact");
    assert_eq!(
        situation_in_editor(&h),
        typed,
        "the text stays in the editor"
    );
    assert!(h.app.unsaved_story().is_some(), "marked unsaved");
    // Other screens still work.
    h.app.update(Action::GoTo(Tab::Home));
    assert!(!h.screen(80, 24).is_empty());
    h.app.update(Action::GoTo(Tab::Cards));
    let _ = h.screen(80, 24);
    h.app.update(Action::GoTo(Tab::Stories));
    assert!(!h.app.should_quit());

    // Writable again: the retry succeeds.
    fs_.remount("rw");
    h.advance_ms(2_000);
    let (store, _) = StoryStore::load(&data_path).unwrap();
    assert_eq!(
        store.list(Order::Title)[0].text(Section::Situation),
        typed,
        "status: {}",
        status(&h)
    );
    drop(h);
}

#[test]
fn a_cache_that_does_not_fit_is_skipped_and_leaves_nothing_behind() {
    let Some(fs_) = Tmpfs::mount("512k") else {
        return;
    };
    let data = tempfile::tempdir_in(&fs_.path).unwrap();
    let deck: String = (0..400)
        .map(|i| format!("[[card]]\nid = \"big-{i}\"\ndeck = \"Big\"\nfront = \"Front {i}\"\nback = \"Back {i}\"\n"))
        .collect();
    fs::create_dir_all(data.path().join("content")).unwrap();
    fs::write(data.path().join("content/big.toml"), deck).unwrap();
    let data_path = data.path().to_path_buf();
    let filler = fill(&fs_.path);

    let h = Harness::in_dir(data);
    assert!(
        h.app
            .data()
            .library()
            .cards
            .iter()
            .any(|c| c.id.as_str() == "big-399"),
        "the deck loads without its cache"
    );
    let leftovers: Vec<_> = fs::read_dir(data_path.join("cache"))
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(
        leftovers.is_empty(),
        "nothing left in cache/: {leftovers:?}"
    );

    // With room again, the next start writes the cache.
    fs::remove_file(&filler).unwrap();
    let h = Harness::in_dir(h.dir);
    assert!(data_path.join("cache/content.bin").is_file());
    drop(h);
}

/// A backup never takes the free space a save needs: on a small disk it is refused with the sizes
/// named, leaves nothing behind, and saving still works afterwards.
#[test]
fn a_backup_that_would_fill_the_disk_is_refused_and_saves_still_work() {
    let Some(fs_) = Tmpfs::mount("6m") else {
        return;
    };
    let d = fs_.path.join("data");
    fs::create_dir_all(d.join("stories")).unwrap();
    // 2.5 MiB of data: a copy fits on the disk, but would leave less than the reserve free.
    for i in 0..5 {
        fs::write(d.join(format!("stories/s{i}.toml")), vec![b'a'; 512 * 1024]).unwrap();
    }
    let now = common::fixed_now();
    let err = clinicprep::storage::backup::backup_now(&d, now, "test").unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("not enough free space") && msg.contains("free"),
        "{msg}"
    );
    let leftovers: Vec<_> = fs::read_dir(d.join("backups")).unwrap().flatten().collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A save of a file as large as the largest still fits.
    clinicprep::storage::write_atomic(&d.join("stories/s0.toml"), &vec![b'b'; 512 * 1024]).unwrap();
    // With less data the backup is made.
    for i in 1..5 {
        fs::remove_file(d.join(format!("stories/s{i}.toml"))).unwrap();
    }
    clinicprep::storage::backup::backup_now(&d, now, "test").unwrap();
}

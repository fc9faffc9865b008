//! Backups finish or leave nothing: a backup stopped part-way (as quitting does past its bound)
//! removes its staging folder whole and publishes nothing; one that is let run is whole.
//!
//! Its own test binary: stopping a backup is process-wide, so no other backup may run beside it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use clinicprep::storage::backup;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

fn big_folder(d: &Path, files: usize) {
    fs::create_dir_all(d.join("stories")).unwrap();
    for i in 0..files {
        fs::write(
            d.join(format!("stories/s{i}.toml")),
            format!("title = \"Story {i}\"\n"),
        )
        .unwrap();
    }
}

fn stagings(d: &Path) -> usize {
    fs::read_dir(d.join(backup::BACKUP_DIR))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".staging-"))
        .count()
}

#[test]
fn a_backup_stopped_part_way_leaves_nothing_and_one_let_run_is_whole() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    big_folder(&d, 400);
    let now = chrono::DateTime::from_timestamp(1_795_424_400, 0).unwrap();
    let worker = {
        let d = d.clone();
        std::thread::spawn(move || backup::backup_now(&d, now, "test"))
    };
    // Wait (with a deadline, no fixed sleep) until it is copying, then stop it as quitting does.
    let deadline = Instant::now() + Duration::from_secs(30);
    while stagings(&d) == 0 && !worker.is_finished() {
        assert!(Instant::now() < deadline, "the backup never started");
        std::thread::yield_now();
    }
    backup::cancel_running();
    assert!(backup::wait_idle(Duration::from_secs(30)));
    let result = worker.join().unwrap();
    assert_eq!(stagings(&d), 0, "a half-made backup was left behind");
    match result {
        // It finished before the stop arrived: then it is whole.
        Ok(b) => assert_eq!(b.files, 400),
        Err(e) => {
            assert!(e.to_string().contains("closing"), "{e}");
            assert!(
                backup::list(&d).unwrap().is_empty(),
                "a stopped backup was published"
            );
        }
    }
    // The next one runs to the end and is whole.
    let b = backup::backup_now(&d, now, "test").unwrap();
    assert_eq!(b.files, 400);
    assert!(!backup::in_progress());
    assert_eq!(stagings(&d), 0);
}

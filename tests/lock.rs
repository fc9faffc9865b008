//! One writer per data folder, across real processes: a lock held by another process makes us
//! read-only, and a process killed with SIGKILL leaves no stale lock behind.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use clinicprep::storage::lock::{Acquired, DataLock};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// What the helper prints once it holds the lock. libtest may print its own text on the same line.
const LOCKED: &str = "<<helper holds the lock>>";

/// Set in the helper process to the folder it should lock.
const CHILD_DIR: &str = "CLINICPREP_TEST_LOCK_CHILD_DIR";

/// Not a test: the body of the helper process the tests below start (this same test binary, run with
/// `--ignored --exact`). It takes the lock, says so on stdout and holds it until it is killed; it
/// waits on stdin, which the parent never closes, so nothing depends on timing.
#[test]
#[ignore = "helper process for the lock tests, started by them"]
fn helper_hold_lock_until_killed() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let lock = match DataLock::acquire(Path::new(&dir)) {
        Ok(Acquired::Writer(lock)) => lock,
        other => panic!("helper could not lock: {other:?}"),
    };
    println!("{LOCKED}");
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
    drop(lock);
}

/// Starts the helper on `dir` and returns once it holds the lock.
fn child_holding_lock(dir: &Path) -> Child {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--ignored",
            "--exact",
            "helper_hold_lock_until_killed",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DIR, dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start helper");
    let out = child.stdout.take().expect("helper stdout");
    let mut lines = BufReader::new(out).lines();
    loop {
        match lines.next() {
            Some(Ok(l)) if l.contains(LOCKED) => break,
            Some(Ok(_)) => continue,
            other => panic!("helper ended before locking: {other:?}"),
        }
    }
    // Keep reading so the helper never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    child
}

#[test]
fn lock_held_by_another_process_makes_us_read_only_and_a_kill_frees_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = child_holding_lock(dir.path());
    match DataLock::acquire(dir.path()).unwrap() {
        Acquired::ReadOnly(holder) => {
            assert_eq!(holder.pid, Some(child.id()), "the holder's pid is shown");
            assert!(holder.message().contains("read-only"));
        }
        Acquired::Writer(_) => panic!("took the lock another process holds"),
    }
    // The holder is undisturbed by our attempt: it is still running.
    assert!(child.try_wait().unwrap().is_none(), "helper died");

    // SIGKILL: no destructor runs, yet the OS drops the lock with the process.
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        matches!(DataLock::acquire(dir.path()).unwrap(), Acquired::Writer(_)),
        "a killed process left a stale lock"
    );
}

#[test]
fn restore_refuses_while_another_instance_is_open() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("schedule.json"), "{}").unwrap();
    let mut child = child_holding_lock(dir.path());
    let out = Command::new(env!("CARGO_BIN_EXE_clinicprep"))
        .env_remove("CLINICPREP_DATA_DIR")
        .arg("--data-dir")
        .arg(dir.path())
        .args(["restore", "2026-01-01T00-00-00Z"])
        .output()
        .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("Another clinicprep"), "{err}");
    assert!(err.contains("close"), "{err}");
    assert!(
        !dir.path().join("backups").exists(),
        "nothing was written while another instance had the folder"
    );
}

/// Runs `clinicprep import FILE` over `dir` while the helper holds the lock, as an open app would.
fn import_while_open(dir: &Path, csv: &Path) -> (Option<i32>, String) {
    let mut child = child_holding_lock(dir);
    let started = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_clinicprep"))
        .env_remove("CLINICPREP_DATA_DIR")
        .arg("--data-dir")
        .arg(dir)
        .arg("import")
        .arg(csv)
        .output()
        .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        started.elapsed() >= clinicprep::storage::lock::COMMAND_WAIT,
        "it waited first"
    );
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn import_while_the_app_is_open_hands_the_deck_to_its_inbox() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("deck.csv");
    std::fs::write(&csv, "front one,back one\n").unwrap();
    let (code, text) = import_while_open(dir.path(), &csv);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("open in another window") && text.contains("status line"),
        "{text}"
    );
    let pending = clinicprep::interop::import_request::pending(dir.path());
    assert_eq!(pending.len(), 1, "one request");
    let request = clinicprep::interop::import_request::read(&pending[0]).unwrap();
    assert_eq!(request.file, "deck.csv");
    assert_eq!(request.text, "front one,back one\n");
    assert!(!dir.path().join("content").exists(), "no deck written");
    assert!(!dir.path().join("backups").exists(), "no backup made");
}

#[test]
fn import_refuses_as_before_when_the_inbox_cannot_be_written() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("deck.csv");
    std::fs::write(&csv, "front one,back one\n").unwrap();
    // A file where the inbox folder would go.
    std::fs::write(dir.path().join("inbox"), "not a folder").unwrap();
    let (code, text) = import_while_open(dir.path(), &csv);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("Another clinicprep") && text.contains("nothing was imported"),
        "{text}"
    );
    assert!(!dir.path().join("content").exists(), "nothing was written");
}

/// Four imports of 200 different cards each into one deck at once: each waits its turn, so every
/// card of every import that said "Added" is in the deck, and the deck loads.
#[test]
fn concurrent_imports_into_one_deck_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let children: Vec<_> = (0..4)
        .map(|i| {
            let csv = dir.path().join(format!("part{i}.csv"));
            let rows: String = (0..200)
                .map(|n| format!("front {i}-{n},back {i}-{n}\n"))
                .collect();
            std::fs::write(&csv, rows).unwrap();
            Command::new(env!("CARGO_BIN_EXE_clinicprep"))
                .env_remove("CLINICPREP_DATA_DIR")
                .arg("--data-dir")
                .arg(dir.path())
                .args(["import", "--deck", "Same"])
                .arg(&csv)
                .stdout(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut added = 0;
    for c in children {
        let out = c.wait_with_output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        match out.status.code() {
            // Another import held the folder past the wait: the file went to the inbox for an
            // app, and not into the deck.
            Some(0) if text.contains("open in another window") => {}
            Some(0) => {
                assert!(text.contains("Added 200 cards"), "{text}");
                added += 200;
            }
            _ => assert!(text.contains("nothing was imported"), "{text}"),
        }
    }
    assert!(added > 0);
    let lib = clinicprep::domain::content::Library::load(Some(&dir.path().join("content")));
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert_eq!(lib.cards.len(), added, "cards lost between imports");
}

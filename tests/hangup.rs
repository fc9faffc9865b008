//! Closing the terminal window under the running app: it saves and leaves, and that is not a crash.
//!
//! The app runs in a real pseudo-terminal made by `script` (util-linux); killing `script` closes the
//! terminal, as closing a window does. Skipped where there is no `script`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use clinicprep::storage::lock::{Acquired, DataLock};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Polls `done` until it holds or `limit` passes.
fn within(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    done()
}

/// True while another process holds the data folder's lock (the app is running).
fn held(dir: &Path) -> bool {
    matches!(DataLock::acquire(dir), Ok(Acquired::ReadOnly(_)))
}

#[test]
fn closing_the_terminal_window_leaves_no_crash_report() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` to make a terminal with");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let app = format!(
        "{} --data-dir {}",
        env!("CARGO_BIN_EXE_clinicprep"),
        dir.path().display()
    );
    let mut terminal = Command::new("script")
        .args(["-qfec", &app, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // What the terminal shows, read as it comes (and drained, so the app never waits on it).
    let shown = Arc::new(Mutex::new(Vec::new()));
    let mut out = terminal.stdout.take().unwrap();
    let sink = Arc::clone(&shown);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n @ 1..) = out.read(&mut buf) {
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    // The terminal `script` makes has no size, so nothing is drawn in it; entering the alternate
    // screen says the app's terminal session has begun.
    let began = || {
        let seen = shown.lock().unwrap();
        seen.windows(8).any(|w| w == b"\x1b[?1049h")
    };
    assert!(
        within(Duration::from_secs(20), began),
        "the app started its terminal session"
    );
    assert!(held(dir.path()), "the app holds the data folder");
    terminal.kill().unwrap();
    terminal.wait().unwrap();
    assert!(
        within(Duration::from_secs(30), || !held(dir.path())),
        "the app left when its terminal closed"
    );
    let crashes = dir.path().join("crashes");
    let reports: Vec<_> = std::fs::read_dir(&crashes)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(
        reports.is_empty(),
        "a closed terminal is not a crash: {:?}",
        reports
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap_or_default())
            .collect::<Vec<_>>()
    );
}

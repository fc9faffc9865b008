//! Crash reports: on a panic, write the message and backtrace to a file and tell the person where it is.

use crate::storage::recovery;
use crate::storage::{self, StorageError};
use chrono::{DateTime, Utc};
use std::io::Write as _;
use std::panic::PanicHookInfo;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Crash reports go to `<data>/crashes/`, which backups leave out: they describe the program, not the
/// person's work.
pub const CRASH_DIR: &str = "crashes";

static DATA_DIR: OnceLock<PathBuf> = OnceLock::new();

/// Tells the panic handler which data folder to write to. The first call wins; until then reports go
/// to the system's temporary folder.
pub fn set_data_dir(dir: &Path) {
    let _ = DATA_DIR.set(dir.to_path_buf());
}

fn data_dir() -> PathBuf {
    DATA_DIR.get().cloned().unwrap_or_else(std::env::temp_dir)
}

/// Everything a crash report says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub time: DateTime<Utc>,
    pub message: String,
    pub location: String,
    pub thread: String,
    pub backtrace: String,
}

impl Report {
    /// The report's text, for a person to read or attach to a bug report.
    pub fn text(&self) -> String {
        format!(
            "clinicprep {} crashed at {}\n\npanic: {}\nat: {}\nthread: {}\nsystem: {} {}\n\nbacktrace:\n{}\n",
            env!("CARGO_PKG_VERSION"),
            self.time.to_rfc3339(),
            self.message,
            self.location,
            self.thread,
            std::env::consts::OS,
            std::env::consts::ARCH,
            self.backtrace
        )
    }

    /// Writes the report to `<data_dir>/crashes/crash-<time>.txt` and returns the path.
    pub fn write(&self, data_dir: &Path) -> Result<PathBuf, StorageError> {
        let dir = data_dir.join(CRASH_DIR);
        storage::ensure_private_dir(&dir)?;
        let stem = format!("crash-{}", self.time.format("%Y-%m-%dT%H-%M-%SZ"));
        let mut path = dir.join(format!("{stem}.txt"));
        let mut n = 1;
        while path.exists() {
            n += 1;
            path = dir.join(format!("{stem}-{n}.txt"));
        }
        storage::write_atomic(&path, self.text().as_bytes())?;
        Ok(path)
    }
}

/// What the panic hook calls once the terminal is restored: writes the crash report, stashes unsaved
/// editor text, and prints what happened and where both are. Returns the message printed.
pub fn handle_panic(info: &PanicHookInfo<'_>) -> String {
    let report = Report {
        time: crate::storage::clock::now(),
        message: payload_text(info),
        location: info
            .location()
            .map_or_else(|| "unknown".to_string(), |l| l.to_string()),
        thread: std::thread::current()
            .name()
            .unwrap_or("unnamed")
            .to_string(),
        backtrace: std::backtrace::Backtrace::force_capture().to_string(),
    };
    let dir = data_dir();
    let stashed = recovery::stash_pending(&dir, report.time);
    let written = report.write(&dir);
    let msg = user_message(&report, &written, stashed.as_ref());
    // Not `eprintln!`: with the terminal gone it would panic inside this panic hook, and abort.
    let _ = writeln!(std::io::stderr(), "{msg}");
    msg
}

/// The panic's message: panics carry a `&str` or a `String` (what `panic!` with formatting makes).
fn payload_text(info: &PanicHookInfo<'_>) -> String {
    let p = info.payload();
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_string())
}

/// The words a person sees after a crash: what happened, that saved work is safe, where things are.
pub fn user_message(
    report: &Report,
    written: &Result<PathBuf, StorageError>,
    stashed: Option<&Result<PathBuf, StorageError>>,
) -> String {
    let mut m = format!(
        "clinicprep stopped because of a bug: {} ({}). Sorry.\n\
         Your saved work is safe: stories and review history are saved as you go.\n",
        report.message, report.location
    );
    match stashed {
        Some(Ok(p)) => m.push_str(&format!(
            "Text you had not saved yet was kept in {}; clinicprep offers it back when you open it again.\n",
            p.display()
        )),
        Some(Err(e)) => m.push_str(&format!("Text you had not saved yet could not be kept: {e}.\n")),
        None => {}
    }
    match written {
        Ok(p) => m.push_str(&format!(
            "A crash report is in {}. Please include it if you report the problem.",
            p.display()
        )),
        Err(e) => m.push_str(&format!(
            "The crash report could not be written ({e}); here it is:\n\n{}",
            report.text()
        )),
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn report() -> Report {
        Report {
            time: Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap(),
            message: "index out of bounds".into(),
            location: "src/ui/cards.rs:10:5".into(),
            thread: "main".into(),
            backtrace: "0: clinicprep::ui::cards::render".into(),
        }
    }

    #[test]
    fn report_is_written_privately_under_crashes_without_overwriting() {
        let dir = tempfile::tempdir().unwrap();
        let a = report().write(dir.path()).unwrap();
        let b = report().write(dir.path()).unwrap();
        assert_eq!(a, dir.path().join("crashes/crash-2026-11-23T09-00-00Z.txt"));
        assert_ne!(a, b);
        let text = std::fs::read_to_string(&a).unwrap();
        for part in [
            "index out of bounds",
            "src/ui/cards.rs:10:5",
            "clinicprep::ui::cards::render",
        ] {
            assert!(text.contains(part), "{part} missing from {text}");
        }
    }

    #[test]
    fn message_says_work_is_safe_and_where_the_report_and_text_are() {
        let written = Ok(PathBuf::from("/d/crashes/crash-1.txt"));
        let stashed = Ok(PathBuf::from("/d/recovery/t.txt"));
        let m = user_message(&report(), &written, Some(&stashed));
        assert!(m.contains("saved work is safe"), "{m}");
        assert!(m.contains("/d/crashes/crash-1.txt"), "{m}");
        assert!(m.contains("/d/recovery/t.txt"), "{m}");
        assert!(m.contains("index out of bounds"), "{m}");
    }

    #[test]
    fn unwritable_report_is_printed_instead() {
        let err = StorageError::new(
            Path::new("/ro"),
            "save",
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        );
        let m = user_message(&report(), &Err(err), None);
        assert!(m.contains("could not be written"), "{m}");
        assert!(m.contains("clinicprep::ui::cards::render"), "{m}");
    }
}

//! A panic leaves a crash report and the unsaved editor text, and the next start gets the text back.
//! One test in its own binary: the panic hook is global to the process.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use clinicprep::storage::{crash, recovery};
use std::fs;

#[test]
fn a_panic_writes_a_report_and_keeps_unsaved_text_for_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    crash::set_data_dir(dir.path());
    recovery::remember("story fall", "first draft");
    recovery::remember("story fall", "I stayed with the patient and called the PT");
    std::panic::set_hook(Box::new(|info| {
        crash::handle_panic(info);
    }));
    let caught = std::panic::catch_unwind(|| panic!("boom {}", 42));
    assert!(caught.is_err());

    let reports: Vec<_> = fs::read_dir(dir.path().join(crash::CRASH_DIR))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(reports.len(), 1, "{reports:?}");
    let name = reports[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("crash-") && name.ends_with(".txt"),
        "{name}"
    );
    let report = fs::read_to_string(&reports[0]).unwrap();
    assert!(report.contains("panic: boom 42"), "{report}");
    assert!(report.contains("tests/crash.rs"), "{report}");
    assert!(report.contains("backtrace:"), "{report}");

    // The next start: the text comes back, once, from a file in the stories folder.
    let stories = dir.path().join("stories");
    let got = recovery::take(dir.path(), &stories);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].text, "I stayed with the patient and called the PT");
    assert_eq!(got[0].label, "story-fall");
    assert!(got[0].path.starts_with(&stories));

    // Once saved, the text is forgotten: a later crash has nothing to keep.
    recovery::forget();
    let caught = std::panic::catch_unwind(|| panic!("again"));
    assert!(caught.is_err());
    let _ = std::panic::take_hook();
    assert!(recovery::take(dir.path(), &stories).is_empty());
    assert_eq!(
        fs::read_dir(dir.path().join(crash::CRASH_DIR))
            .unwrap()
            .count(),
        2
    );
}

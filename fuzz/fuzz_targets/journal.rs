//! Fuzz the review journal reader: any bytes as `reviews.log` must load (with notices) or fail with an
//! error, never panic, and reading the same bytes twice gives the same history.
#![no_main]

use clinicprep::domain::schedule::{DayZone, JOURNAL_FILE, peek};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else { return };
    if std::fs::write(dir.path().join(JOURNAL_FILE), data).is_err() {
        return;
    }
    let first = peek(dir.path(), DayZone::utc()).map(|(l, _)| l.cards().len());
    let second = peek(dir.path(), DayZone::utc()).map(|(l, _)| l.cards().len());
    assert_eq!(first.ok(), second.ok());
});

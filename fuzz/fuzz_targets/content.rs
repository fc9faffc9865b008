//! Fuzz the content parser: any bytes as a user content file must load without a panic, and whatever
//! loads must be clean for the terminal.
#![no_main]

use clinicprep::domain::content::Library;
use clinicprep::storage::sanitize;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lib = Library::from_user_files(&[("fuzz.toml", data)]);
    let clean = |s: &str| !s.chars().any(|c| sanitize::is_forbidden(c) || c == '\t');
    for c in &lib.cards {
        assert!(clean(&c.front) && clean(&c.back) && clean(&c.deck), "{c:?}");
    }
    for q in &lib.questions {
        assert!(clean(&q.text) && clean(&q.looking_for), "{q:?}");
    }
    for p in &lib.problems {
        // Problems name a line inside the file, when they name one at all.
        let lines = data.split(|b| *b == b'\n').count();
        assert!(p.line.is_none_or(|l| l >= 1 && l <= lines), "{p:?} of {lines} lines");
    }
});

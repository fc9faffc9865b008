//! Text typed in the story editor but not yet saved is what a crash would write out (its own test
//! binary: the remembered text is process-wide).
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use clinicprep::storage::recovery;
use common::Harness;

#[test]
fn unsaved_editor_text_is_what_the_panic_hook_would_stash_and_saving_clears_it() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n");
    h.type_text("Night shift");
    h.press("<tab>");
    h.type_text("The lift broke at 2 a.m.");
    let dir = tempfile::tempdir().unwrap();
    let path = recovery::stash_pending(dir.path(), h.app.now())
        .expect("text is remembered")
        .expect("stash written");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("Night shift"), "{text}");
    assert!(text.contains("The lift broke at 2 a.m."), "{text}");

    h.press("<c-s>");
    assert!(
        recovery::stash_pending(dir.path(), h.app.now()).is_none(),
        "saved text is not stashed again"
    );
}

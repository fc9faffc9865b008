//! The command line's exit codes and messages: a closed pipe ends quietly, an empty import fails,
//! an export says when it replaced a file, messages name what happened rather than internal paths,
//! and `check` says what is wrong in plain words.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use common::cli::{clinicprep, run};
use std::fs;
use std::io::Read;
use std::process::Stdio;

#[test]
fn a_reader_that_stops_early_ends_the_export_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = clinicprep(dir.path())
        .args(["export", "deck"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one small piece, then close the pipe as `head` does.
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(!err.contains("Broken pipe"), "{err}");
    assert!(err.is_empty(), "nothing on stderr: {err}");
}

#[test]
fn an_empty_file_imports_nothing_and_exits_1_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("empty.csv");
    fs::write(&file, "").unwrap();
    let r = run(clinicprep(dir.path()).arg("import").arg(&file));
    assert_eq!(r.code, 1, "{}{}", r.out, r.err);
    assert!(r.out.contains("Nothing could be imported"), "{}", r.out);
    assert!(r.out.contains("front and a back"), "{}", r.out);
    let dry = run(clinicprep(dir.path())
        .arg("import")
        .arg(&file)
        .arg("--dry-run"));
    assert_eq!(dry.code, 1, "a dry run agrees");
}

#[test]
fn a_second_import_of_the_same_file_succeeds_and_says_nothing_was_new() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("words.csv");
    fs::write(&file, "front,back\nHEP,Home exercise program\n").unwrap();
    let first = run(clinicprep(dir.path()).arg("import").arg(&file));
    assert_eq!(first.code, 0, "{}", first.out);
    assert!(first.out.contains("1 to the deck “words”"), "{}", first.out);
    assert!(
        !first.out.contains("content/imported"),
        "the summary says what happened, not where files are: {}",
        first.out
    );
    let again = run(clinicprep(dir.path()).arg("import").arg(&file));
    assert_eq!(again.code, 0, "{}", again.out);
    assert!(again.out.contains("already in your decks"), "{}", again.out);
}

#[test]
fn an_export_over_an_existing_file_says_it_replaced_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("deck.txt");
    let new = run(clinicprep(dir.path())
        .args(["export", "deck", "-o"])
        .arg(&target));
    assert_eq!(new.code, 0, "{}", new.err);
    assert!(!new.err.contains("replacing"), "{}", new.err);
    let again = run(clinicprep(dir.path())
        .args(["export", "deck", "-o"])
        .arg(&target));
    assert_eq!(again.code, 0);
    assert!(
        again.err.contains("replacing the file that was there"),
        "{}",
        again.err
    );
    let stories = dir.path().join("stories.md");
    fs::write(&stories, "my notes").unwrap();
    let r = run(clinicprep(dir.path())
        .args(["export", "stories", "-o"])
        .arg(&stories));
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out.contains("replacing the file that was there"),
        "{}",
        r.out
    );
}

/// An export to a folder that is not there fails with what happened and what to do, for decks and
/// stories alike, and writes nothing.
#[test]
fn an_export_that_cannot_be_written_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let nowhere = dir.path().join("no-such-folder");
    for (what, file) in [("deck", "deck.txt"), ("stories", "stories.md")] {
        let r = run(clinicprep(dir.path())
            .args(["export", what, "-o"])
            .arg(nowhere.join(file)));
        assert_eq!(r.code, 1, "{what}: {}", r.out);
        assert!(
            r.err.contains(
                "Check that the folder exists and is writable, or choose another file with -o FILE."
            ),
            "{what}: {}",
            r.err
        );
        assert!(!r.out.contains("Wrote"), "{what}: {}", r.out);
        assert!(!r.err.contains("Wrote"), "{what}: {}", r.err);
    }
    assert!(!nowhere.exists());
}

#[test]
fn check_says_what_is_wrong_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("content")).unwrap();
    fs::write(
        dir.path().join("content/mine.toml"),
        "[[card]]\nid = \"my-1\"\ndeck = \"Mine\"\nfront = 5\nback = \"b\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("content/typo.toml"),
        "[[card]]\nid = \"my-2\"\ndeck = \"Mine\"\nfrnt = \"a\"\nfront = \"a\"\nback = \"b\"\n",
    )
    .unwrap();
    let r = run(clinicprep(dir.path()).arg("check"));
    assert_eq!(r.code, 1);
    assert!(
        r.out
            .contains("mine.toml:4:9: expected text in quotes, found the number 5"),
        "{}",
        r.out
    );
    assert!(
        r.out.contains("unknown key frnt: check its spelling"),
        "{}",
        r.out
    );
    assert!(!r.out.contains("invalid type"), "{}", r.out);
    let json = run(clinicprep(dir.path()).args(["check", "--json"]));
    assert!(json.out.contains("expected text in quotes"), "{}", json.out);
}

//! `clinicprep fit` as a user runs it, answers typed (here: piped) one per line.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use std::io::Write;
use std::process::{Command, Stdio};

fn run(dir: &std::path::Path, args: &[&str], input: &str) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_clinicprep"))
        .env_remove("CLINICPREP_DATA_DIR")
        .env_remove("CLINICPREP_CONFIG")
        .arg("--data-dir")
        .arg(dir)
        .arg("--config")
        .arg(dir.join("config.toml"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run clinicprep");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write answers");
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The persona: on-the-job training, helping, movement, injured workers, a clinic, entry pay, no
/// exam, office work fine, on their feet fine, seeing people walk again; then Enter takes the role.
const PT_AIDE: &str = "1\n2\n1\n3\n1\n1\n2\n1\n1\n1\n\n";

#[test]
fn answers_rank_the_roles_save_and_set_the_role() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = run(dir.path(), &["fit"], PT_AIDE);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Question 1 of 10"), "{out}");
    assert!(out.contains("Best fit for you: PT aide."), "{out}");
    assert!(
        out.contains("1. Physical therapy aide / technician (PT aide)"),
        "{out}"
    );
    assert!(
        out.contains("Source: BLS Occupational Employment and Wage Statistics"),
        "{out}"
    );
    assert!(out.contains("depends on your state"), "{out}");
    assert!(
        out.contains("Done. clinicprep will now show PT aide material first"),
        "{out}"
    );
    let config = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert!(config.contains("roles = [\"pt-aide\"]"), "{config}");
    let saved = std::fs::read_to_string(dir.path().join("fit.toml")).unwrap();
    assert!(saved.contains("fit-schooling = \"weeks\""), "{saved}");
    assert!(saved.contains("accepted = \"pt-aide\""), "{saved}");

    // Revisiting: --show asks nothing and shows the same result.
    let (code, shown) = run(dir.path(), &["fit", "--show"], "");
    assert_eq!(code, 0);
    assert!(!shown.contains("Question 1"), "{shown}");
    assert!(shown.contains("Best fit for you: PT aide."), "{shown}");

    // Asking again, Enter keeps every last answer; the role is already set.
    let (code, again) = run(dir.path(), &["fit"], &"\n".repeat(10));
    assert_eq!(code, 0);
    assert!(again.contains("(your last answer)"), "{again}");
    assert!(
        again.contains("You are already preparing for PT aide"),
        "{again}"
    );
}

#[test]
fn bad_input_is_asked_again_q_stops_and_no_keeps_the_role() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = run(dir.path(), &["fit"], "9\nthree\n3\n1\nq\nn\n");
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.matches("Please type a number from 1 to 5").count(),
        2,
        "{out}"
    );
    assert!(
        out.contains("Stopped. Your answers so far are kept."),
        "{out}"
    );
    assert!(out.contains("(2 of 10 questions answered)"), "{out}");
    assert!(out.contains("Your role is unchanged"), "{out}");
    assert!(!dir.path().join("config.toml").exists());
    let saved = std::fs::read_to_string(dir.path().join("fit.toml")).unwrap();
    assert!(saved.contains("fit-schooling = \"degree\""), "{saved}");
}

#[test]
fn the_end_of_the_input_stops_without_changing_the_role() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = run(dir.path(), &["fit"], "");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("No more answers"), "{out}");
    assert!(
        out.contains("No answers yet, so no role stands out"),
        "{out}"
    );
    assert!(!dir.path().join("config.toml").exists());
}

#[test]
fn a_damaged_answers_file_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fit.toml");
    std::fs::write(&path, "[answers]\nfit-schooling = 1\n").unwrap();
    let (_, out) = run(dir.path(), &["fit"], PT_AIDE);
    assert!(out.contains("fit.toml:2"), "{out}");
    assert!(out.contains("Not saved"), "{out}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "[answers]\nfit-schooling = 1\n"
    );
}

#[test]
fn while_the_app_is_open_nothing_is_written() {
    use clinicprep::storage::lock::{Acquired, DataLock};
    let dir = tempfile::tempdir().unwrap();
    let Ok(Acquired::Writer(_held)) = DataLock::acquire(dir.path()) else {
        panic!("could not take the lock");
    };
    let (code, out) = run(dir.path(), &["fit"], PT_AIDE);
    assert!(out.contains("nothing will be saved this time"), "{out}");
    assert!(out.contains("Best fit for you: PT aide."), "{out}");
    assert!(out.contains("Your role was not changed"), "{out}");
    assert_eq!(code, 1);
    assert!(!dir.path().join("fit.toml").exists());
    assert!(!dir.path().join("config.toml").exists());
}

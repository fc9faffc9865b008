//! `clinicprep export stories`, `status` and `check` run as a user runs them, over story files in a temp dir.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use std::fs;
use std::path::Path;
use std::process::Command;

fn clinicprep(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_clinicprep"));
    c.env_remove("CLINICPREP_DATA_DIR")
        .env_remove("CLINICPREP_CONFIG")
        .arg("--data-dir")
        .arg(dir);
    c
}

struct Run {
    code: i32,
    out: String,
    err: String,
}

fn run(c: &mut Command) -> Run {
    let o = c.output().expect("run clinicprep");
    Run {
        code: o.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&o.stdout).into_owned(),
        err: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

const FALL: &str = r#"title = "Patient nearly fell"
situation = """
A patient lost her balance stepping off the treadmill. The PT was with someone else.
"""
task = "Keep her safe until the PT could check her."
action = """
I held her gait belt and lowered her to the chair.
I called the PT and stayed with her.
"""
result = "No injury; the PT added a rail to the plan within 2 days."
tags = ["safety", "patient-care"]
questions = ["q-fall"]
created = 2026-11-20T10:00:00Z
updated = 2026-11-21T08:15:00Z
"#;

/// Hand-written, with only some fields.
const DESK: &str =
    "title = 'Double booking at the front desk'\naction = 'I rebooked one patient_*.'\n";

/// A data dir with two good stories and one that does not parse (line 3).
fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    fs::create_dir(&stories).unwrap();
    fs::write(stories.join("2026-11-20-fall.toml"), FALL).unwrap();
    fs::write(stories.join("desk.toml"), DESK).unwrap();
    fs::write(
        stories.join("broken.toml"),
        "title = 'x'\n\nresult = \"unclosed\n",
    )
    .unwrap();
    dir
}

#[test]
fn markdown_summary_goes_to_stdout_in_title_order() {
    let dir = data_dir();
    let r = run(clinicprep(dir.path()).args(["export", "stories"]));
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(
        r.out,
        "# My interview stories\n\
         \n_One line a part, to glance at before the interview; \
         `clinicprep export stories --format full` has every word._\n\
         \n## Double booking at the front desk\n\n\
         - **Action:** I rebooked one patient\\_\\*.\n\
         \n## Patient nearly fell\n\n\
         - **Situation:** A patient lost her balance stepping off the treadmill.\n\
         - **Task:** Keep her safe until the PT could check her.\n\
         - **Action:** I held her gait belt and lowered her to the chair.\n\
         - **Result:** No injury; the PT added a rail to the plan within 2 days.\n\
         - _Tags:_ safety, patient-care\n"
    );
    // The bad file is named with its line, and left alone.
    assert!(r.err.contains("broken.toml:3"), "{}", r.err);
    assert!(r.err.contains("Fix that line"), "{}", r.err);
    let broken = fs::read_to_string(dir.path().join("stories/broken.toml")).unwrap();
    assert_eq!(broken, "title = 'x'\n\nresult = \"unclosed\n");
}

#[test]
fn output_file_is_new_and_private_or_replaced_whole() {
    let dir = data_dir();
    let target = dir.path().join("summary.md");
    let r = run(clinicprep(dir.path())
        .args(["export", "stories", "-o"])
        .arg(&target));
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(r.out, format!("Wrote 2 stories to {}.\n", target.display()));
    let written = fs::read_to_string(&target).unwrap();
    let printed = run(clinicprep(dir.path()).args(["export", "stories"])).out;
    assert_eq!(written, printed);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // An older, longer export is replaced whole, leaving no temp files.
    fs::write(
        &target,
        "an older export, much longer than the new one ".repeat(50),
    )
    .unwrap();
    let r = run(clinicprep(dir.path())
        .args(["export", "stories", "-o"])
        .arg(&target));
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(fs::read_to_string(&target).unwrap(), printed);
    let leftovers: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "stories" && n != "summary.md" && n != "cache")
        .collect();
    assert!(leftovers.is_empty(), "no temp files: {leftovers:?}");
}

#[test]
fn relative_output_path_is_taken_from_the_current_folder() {
    let dir = data_dir();
    let r = run(clinicprep(dir.path())
        .current_dir(dir.path())
        .args(["export", "stories", "--output", "out.md"]));
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        fs::read_to_string(dir.path().join("out.md"))
            .unwrap()
            .starts_with("# My interview stories\n")
    );
}

/// A user ran `export stories -o -` and got a file named "-" in the current folder, where
/// `export sheet -o -` prints. Every export prints for `-`.
#[test]
fn a_dash_for_the_output_prints_and_writes_no_file_named_dash() {
    let dir = data_dir();
    for what in ["stories", "deck"] {
        let r = run(clinicprep(dir.path())
            .current_dir(dir.path())
            .args(["export", what, "-o", "-"]));
        assert_eq!(r.code, 0, "{what}: {}", r.err);
        assert!(!dir.path().join("-").exists(), "{what}");
        assert!(!r.out.is_empty(), "{what} printed");
    }
}

#[test]
fn output_into_a_missing_folder_fails_with_the_path_and_what_to_do() {
    let dir = data_dir();
    let target = dir.path().join("no/such/folder/summary.md");
    let r = run(clinicprep(dir.path())
        .args(["export", "stories", "-o"])
        .arg(&target));
    assert_eq!(r.code, 1);
    assert!(r.err.contains("no/such/folder"), "{}", r.err);
    assert!(r.err.contains("Check that the folder exists"), "{}", r.err);
    assert!(!target.exists());
}

#[test]
fn json_export_keeps_full_text_and_times() {
    let dir = data_dir();
    let r = run(clinicprep(dir.path()).args(["export", "stories", "--format", "json"]));
    assert_eq!(r.code, 0, "{}", r.err);
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2);
    let fall = &stories[1];
    assert_eq!(fall["id"], "2026-11-20-fall");
    assert_eq!(
        fall["action"],
        "I held her gait belt and lowered her to the chair.\nI called the PT and stayed with her.\n"
    );
    assert_eq!(fall["questions"][0], "q-fall");
    assert_eq!(fall["created"], "2026-11-20T10:00:00Z");
    assert_eq!(fall["updated"], "2026-11-21T08:15:00Z");
    assert_eq!(v["certifications"], serde_json::json!([]));
    assert_eq!(v["questions_to_ask"], serde_json::json!([]));
}

/// A walk read the summary's one line a part as its stories cut short: `--format full` is every
/// word, in Markdown to read or print.
#[test]
fn full_markdown_export_keeps_every_line() {
    let dir = data_dir();
    let r = run(clinicprep(dir.path()).args(["export", "stories", "--format", "full"]));
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out.contains(
            "### Action\n\nI held her gait belt and lowered her to the chair.  \nI called the PT \
             and stayed with her.\n"
        ),
        "{}",
        r.out
    );
    assert!(
        r.out.contains(
            "A patient lost her balance stepping off the treadmill. The PT was with someone else."
        ),
        "{}",
        r.out
    );
    assert!(!r.out.contains('…'), "{}", r.out);
}

#[test]
fn empty_data_dir_exports_a_friendly_page() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(clinicprep(dir.path()).args(["export", "stories"]));
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("No stories yet"), "{}", r.out);
    assert!(r.err.is_empty(), "{}", r.err);
    assert!(
        !dir.path().join("stories").exists(),
        "export creates nothing"
    );
}

#[test]
fn unknown_format_is_refused_by_the_parser() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(clinicprep(dir.path()).args(["export", "stories", "--format", "pdf"]));
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains("markdown") && r.err.contains("json"),
        "{}",
        r.err
    );
}

#[test]
fn status_counts_readable_stories_and_mentions_bad_files() {
    let dir = data_dir();
    let r = run(clinicprep(dir.path()).arg("status"));
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains(" · 2 stories\n"), "{}", r.out);
    assert!(
        r.out
            .contains("1 story file could not be read: run `clinicprep check` to see why\n"),
        "{}",
        r.out
    );
    let r = run(clinicprep(dir.path()).args(["status", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(v["stories"], 2);
    assert_eq!(v["unreadable_stories"], 1);
    fs::remove_file(dir.path().join("stories/broken.toml")).unwrap();
    fs::remove_file(dir.path().join("stories/desk.toml")).unwrap();
    let r = run(clinicprep(dir.path()).arg("status"));
    assert!(r.out.ends_with(" · 1 story\n"), "{}", r.out);
    assert_eq!(r.out.lines().count(), 1, "{}", r.out);
}

#[test]
fn check_names_a_bad_story_file_and_line() {
    let dir = data_dir();
    let r = run(clinicprep(dir.path()).arg("check"));
    assert_eq!(r.code, 1, "{}", r.out);
    assert!(r.out.contains("stories: 2 readable"), "{}", r.out);
    assert!(r.out.contains("broken.toml:3:"), "{}", r.out);
    let r = run(clinicprep(dir.path()).args(["check", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["stories"], 2);
    assert_eq!(v["problems"][0]["line"], 3);
}

//! `clinicprep export sheet` run as a user runs it, over a data folder and config file in a temp dir.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use clinicprep::domain::sheet::output;
use std::fs;
use std::path::Path;
use std::process::Command;

fn clinicprep(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_clinicprep"));
    c.env_remove("CLINICPREP_DATA_DIR")
        .env_remove("CLINICPREP_CONFIG")
        .arg("--data-dir")
        .arg(dir)
        .arg("--config")
        .arg(dir.join("config.toml"));
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

const CONFIG: &str = r#"interview_date = 2026-12-03
certifications = ["CPR/BLS", "CNA"]

[profile]
name = "Dana Reyes"
roles = ["pt-aide"]
interview_time = "10:00"
employer = "Riverside Orthopedics"
setting = "outpatient"
"#;

const FALL: &str = r#"title = "A fall I prevented"
cue = "Unsteady resident: gait belt, called the nurse, no fall."
situation = "A resident stood up too fast after lunch."
task = "Keep her safe."
action = "I held her gait belt and sat her down. I called the nurse."
result = "No fall, and the nurse changed her care plan."
tags = ["safety", "patient-care"]
"#;

const SHIFT: &str = r#"title = "Short-staffed <script>alert(1)</script>"
situation = "Two aides called in sick on a Saturday."
task = "Get every resident to therapy."
action = """
So we kind of split up the work. I took the residents who needed the most help and walked each of them to the gym with a gait belt while the others waited with the activities aide, which took most of the morning.
"""
result = "Everyone got their therapy that day."
tags = ["teamwork"]
"#;

fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    fs::create_dir(&stories).unwrap();
    fs::write(stories.join("fall.toml"), FALL).unwrap();
    fs::write(stories.join("shift.toml"), SHIFT).unwrap();
    fs::write(dir.path().join("config.toml"), CONFIG).unwrap();
    fs::write(
        dir.path().join("favourites.toml"),
        "starred = [\"ask-training\", \"ask-team\"]\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("sheet.toml"),
        "intro = \"I'm a CNA at a nursing home. I want to be a PT aide at your clinic.\"\n",
    )
    .unwrap();
    dir
}

#[test]
fn by_default_it_writes_sheet_html_in_the_data_folder_and_says_so() {
    let dir = data_dir();
    let r = run(clinicprep(dir.path()).args(["export", "sheet"]));
    assert_eq!(r.code, 0, "{}", r.err);
    let path = dir.path().join("sheet.html");
    assert!(
        r.out.starts_with(&format!(
            "Wrote your one-page sheet to {}\n",
            path.display()
        )),
        "{}",
        r.out
    );
    assert!(r.out.contains("print it (Ctrl+P)"), "{}", r.out);
    assert!(
        r.out
            .contains("On it: your introduction, 2 stories, 2 questions to ask"),
        "{}",
        r.out
    );
    let page = fs::read_to_string(&path).unwrap();
    assert!(page.contains("<h1>Dana Reyes</h1>"));
    assert!(page.contains("Riverside Orthopedics"));
    assert!(page.contains("Interview: Thursday, December 3, 2026, 10:00 AM"));
    assert!(page.contains("Unsteady resident: gait belt, called the nurse, no fall."));
    // No cue: whole sentences, the filler taken out, nothing cut.
    assert!(page.contains("We split up the work. Everyone got their therapy that day."));
    assert!(!page.contains('…'));
    assert!(page.contains("Short-staffed &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains("<script>"));
    assert!(page.contains("I&#39;m a CNA at a nursing home."));
}

#[test]
fn markdown_to_stdout_with_the_summary_on_stderr() {
    let dir = data_dir();
    let r = run(clinicprep(dir.path()).args(["export", "sheet", "--format", "md", "-o", "-"]));
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.starts_with("# Dana Reyes\n"), "{}", r.out);
    assert!(r.out.contains("## My stories"));
    assert!(r.err.contains("On it:"), "{}", r.err);
    assert!(!dir.path().join("sheet.md").exists());
}

#[test]
fn a_chosen_file_is_replaced_whole_and_a_missing_folder_is_named() {
    let dir = data_dir();
    let target = dir.path().join("mine.html");
    fs::write(&target, "an old, much longer file ".repeat(2000)).unwrap();
    let r = run(clinicprep(dir.path())
        .args(["export", "sheet", "-o"])
        .arg(&target));
    assert_eq!(r.code, 0, "{}", r.err);
    let page = fs::read_to_string(&target).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    assert!(!page.contains("an old"));

    let missing = dir.path().join("no-such-folder/sheet.html");
    let r = run(clinicprep(dir.path())
        .args(["export", "sheet", "-o"])
        .arg(&missing));
    assert_eq!(r.code, 1);
    assert!(r.err.contains("does not exist"), "{}", r.err);
    assert!(r.err.contains("no-such-folder"), "{}", r.err);
    assert!(!dir.path().join("no-such-folder").exists());
}

#[test]
fn a_damaged_sheet_file_is_named_with_its_line_and_left_as_it_is() {
    let dir = data_dir();
    let bad = "pinned = [\"fall\"]\nintro = \"unclosed\n";
    fs::write(dir.path().join("sheet.toml"), bad).unwrap();
    let r = run(clinicprep(dir.path()).args(["export", "sheet"]));
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.err.contains("sheet.toml:2"), "{}", r.err);
    assert!(r.err.contains("fix that line"), "{}", r.err);
    assert_eq!(
        fs::read_to_string(dir.path().join("sheet.toml")).unwrap(),
        bad
    );
    assert!(dir.path().join("sheet.html").exists());
    // `check` names it too, and fails.
    let r = run(clinicprep(dir.path()).arg("check"));
    assert_eq!(r.code, 1, "{}", r.out);
    assert!(r.out.contains("sheet.toml:2"), "{}", r.out);
}

#[test]
fn export_stories_still_works_and_keeps_its_format() {
    let dir = data_dir();
    let r = run(clinicprep(dir.path()).args(["export", "stories"]));
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.starts_with("# My interview stories\n"), "{}", r.out);
    assert!(r.out.contains("## A fall I prevented"));
}

/// The browser opener, started for real (a fake one that records its arguments).
#[cfg(unix)]
#[test]
fn the_opener_gets_the_path_and_its_output_is_discarded() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let got = dir.path().join("got.txt");
    let fake = dir.path().join("fake-open");
    std::fs::write(
        &fake,
        format!(
            "#!/bin/sh\necho noise\necho noise >&2\nprintf '%s' \"$*\" > '{}'\n",
            got.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let page = dir.path().join("sheet.html");
    let o = output::run_launcher(
        &output::Launcher::Run(fake.clone(), vec!["--new".into()]),
        &page,
    );
    assert_eq!(o, output::Opened::Asked(fake.display().to_string()));
    // The fake browser runs on its own; wait (up to 10 s) for it to have written all it will.
    let want = format!("--new {}", page.display());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let mut written = String::new();
    while written != want && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        written = std::fs::read_to_string(&got).unwrap_or_default();
    }
    assert_eq!(written, want);
}

#[test]
fn a_program_that_cannot_start_is_not_an_error_and_the_path_is_given() {
    let path = Path::new("/data/sheet.html");
    let o = output::run_launcher(
        &output::Launcher::Run("/no/such/program".into(), vec![]),
        path,
    );
    assert!(matches!(o, output::Opened::Failed(_)), "{o:?}");
    assert!(o.message(path).contains("/data/sheet.html"));
}

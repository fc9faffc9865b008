//! The command line as a user runs it: paths, data-dir precedence, check and status.

use std::process::Command;

fn clinicprep() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_clinicprep"));
    c.env_remove("CLINICPREP_DATA_DIR")
        .env_remove("CLINICPREP_CONFIG");
    c
}

fn stdout(c: &mut Command) -> (i32, String) {
    let out = c.output().expect("run clinicprep");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn data_dir_comes_from_the_flag_then_the_environment() {
    let (_, env_only) = stdout(
        clinicprep()
            .env("CLINICPREP_DATA_DIR", "/tmp/from-env")
            .arg("paths"),
    );
    assert!(
        env_only.contains("data dir:    /tmp/from-env"),
        "{env_only}"
    );
    let (_, both) = stdout(
        clinicprep()
            .env("CLINICPREP_DATA_DIR", "/tmp/from-env")
            .args(["--data-dir", "/tmp/from-flag", "paths"]),
    );
    assert!(both.contains("data dir:    /tmp/from-flag"), "{both}");
    let (_, neither) = stdout(clinicprep().arg("paths"));
    assert!(neither.contains("clinicprep"), "{neither}");
}

#[test]
fn version_and_help_work() {
    let (code, v) = stdout(clinicprep().arg("--version"));
    assert_eq!(code, 0);
    assert!(v.starts_with("clinicprep "));
    let (code, h) = stdout(clinicprep().arg("--help"));
    assert_eq!(code, 0);
    assert!(h.contains("--data-dir") && h.contains("check"));
}

#[test]
fn check_json_reports_counts_and_ok() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = stdout(
        clinicprep()
            .args(["--data-dir"])
            .arg(dir.path())
            .args(["check", "--json"]),
    );
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["content"]["roles"], 4);
    assert!(v["content"]["questions"].as_u64().unwrap() >= 80);
    assert!(v["content"]["facts"].as_u64().unwrap() >= 60);
    assert!(v["content"]["asks"].as_u64().unwrap() >= 12);
    assert!(v["content"]["checklist"].as_u64().unwrap() >= 10);
    let cards = v["content"]["cards"].as_u64().unwrap();
    assert_eq!(
        cards,
        v["content"]["questions"].as_u64().unwrap() + v["content"]["facts"].as_u64().unwrap()
    );
}

#[test]
fn check_exits_1_and_names_the_file_and_line_of_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::write(
        dir.path().join("content/broken.toml"),
        "[[card]]\nid = \"c\"\nfront = 3\n",
    )
    .unwrap();
    let (code, out) = stdout(clinicprep().arg("--data-dir").arg(dir.path()).arg("check"));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("broken.toml:3:"), "{out}");
    let (code, json) = stdout(
        clinicprep()
            .arg("--data-dir")
            .arg(dir.path())
            .args(["check", "--json"]),
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["problems"][0]["line"], 3);
}

#[test]
fn status_counts_stories() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = stdout(
        clinicprep()
            .arg("--data-dir")
            .arg(dir.path())
            .args(["status", "--json"]),
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["stories"], 0);
}

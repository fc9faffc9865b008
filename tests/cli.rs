//! The command line as a user runs it: paths, data-dir precedence, check and status.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

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
fn status_follows_the_profile_and_paces_to_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let day = chrono::Local::now().date_naive() + chrono::Days::new(10);
    std::fs::write(
        dir.path().join("config.toml"),
        format!("interview_date = {day}\n[profile]\nroles = [\"pt-aide\"]\n"),
    )
    .unwrap();
    let run = |json: bool| {
        let mut c = clinicprep();
        c.arg("--data-dir")
            .arg(dir.path())
            .arg("--config")
            .arg(dir.path().join("config.toml"))
            .arg("status");
        if json {
            c.arg("--json");
        }
        stdout(&mut c)
    };
    let (code, out) = run(true);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["role"], "pt-aide");
    assert_eq!(v["interview_date"], day.to_string());
    assert_eq!(v["days_left"], 10);
    let total = v["total"].as_u64().unwrap();
    assert_eq!(v["unseen"], total);
    assert!(
        total > 100 && total < 200,
        "only PT aide and general cards: {v}"
    );
    // Every card seen by 3 days before: spread over 8 days, never below the limit of 20.
    let paced = total.div_ceil(8).max(20);
    assert_eq!(v["new"], paced);
    assert_eq!(v["plan"]["cards"], paced);
    assert!(
        v["plan"]["story"]
            .as_str()
            .is_some_and(|s| s.contains("story"))
    );
    assert_eq!(v["plan"]["practice"], false);
    let (_, line) = run(false);
    assert!(
        line.trim_end().ends_with("· PT aide, 10 days left"),
        "{line}"
    );
    assert_eq!(line.lines().count(), 1, "one line, for a shell prompt");
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

mod reviews {
    use super::{clinicprep, stdout};
    use chrono::{Duration, Utc};
    use clinicprep::domain::content::Id;
    use clinicprep::domain::schedule::{Grade, JOURNAL_FILE, ReviewStore, StoreOptions};
    use std::path::Path;

    fn status(dir: &Path, json: bool) -> (i32, String) {
        let mut c = clinicprep();
        c.arg("--data-dir").arg(dir).arg("status");
        if json {
            c.arg("--json");
        }
        stdout(&mut c)
    }

    #[test]
    fn status_counts_due_new_reviewed_today_and_streak_while_the_app_is_open() {
        let dir = tempfile::tempdir().unwrap();
        let (_, out) = status(dir.path(), true);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let total = v["total"].as_u64().unwrap_or(0);
        assert!(total > 200, "{v}");
        assert_eq!(
            v,
            serde_json::json!({"due": 0, "new": 20, "reviewed_today": 0, "stories": 0, "streak": 0,
                "unreadable_stories": 0, "role": null, "interview_date": null, "days_left": null,
                "unseen": total, "total": total,
                "plan": {"cards": 20, "minutes": 13, "story": "write a story that shows Teamwork",
                    "practice": false}})
        );
        // The store stays open (and locked) as in a running app; status must not need the lock.
        let now = Utc::now();
        let (mut store, _) = ReviewStore::open(dir.path(), &StoreOptions::default(), now).unwrap();
        store
            .grade(&Id::new("q-tell-me-about-yourself"), Grade::Easy, now)
            .unwrap();
        store
            .grade(
                &Id::new("f-cert-capte"),
                Grade::Good,
                now - Duration::days(30),
            )
            .unwrap();
        let (code, out) = status(dir.path(), true);
        assert_eq!(code, 0, "{out}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            v["due"], 1,
            "the card in a learning step from a month ago: {v}"
        );
        assert_eq!(v["new"], 19, "one new card used today: {v}");
        assert_eq!(v["reviewed_today"], 1);
        assert_eq!(v["streak"], 1);
        assert_eq!(v["unseen"], total - 2);
        let (_, text) = status(dir.path(), false);
        assert_eq!(
            text,
            "1 due · 19 new today · 1 reviewed today · streak 1 day · 0 stories\n"
        );
    }

    #[test]
    fn check_lists_reviews_of_cards_that_no_longer_exist_and_keeps_them() {
        let dir = tempfile::tempdir().unwrap();
        {
            let now = Utc::now();
            let (mut store, _) =
                ReviewStore::open(dir.path(), &StoreOptions::default(), now).unwrap();
            store
                .grade(&Id::new("q-renamed-long-ago"), Grade::Good, now)
                .unwrap();
            store
                .grade(&Id::new("f-cert-capte"), Grade::Good, now)
                .unwrap();
        }
        let journal = std::fs::read(dir.path().join(JOURNAL_FILE)).unwrap();
        let (code, out) = stdout(clinicprep().arg("--data-dir").arg(dir.path()).arg("check"));
        assert_eq!(code, 0, "orphans are not an error: {out}");
        assert!(
            out.contains("reviews: 2 cards have review history"),
            "{out}"
        );
        assert!(
            out.contains("1 card(s) have reviews but are no longer in your content")
                && out.contains("q-renamed-long-ago"),
            "{out}"
        );
        let (_, json) = stdout(
            clinicprep()
                .arg("--data-dir")
                .arg(dir.path())
                .args(["check", "--json"]),
        );
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            v["reviews"]["orphans"],
            serde_json::json!(["q-renamed-long-ago"])
        );
        assert_eq!(
            std::fs::read(dir.path().join(JOURNAL_FILE)).unwrap(),
            journal,
            "nothing deleted"
        );
    }

    #[test]
    fn check_reports_a_torn_journal_tail_without_touching_it() {
        let dir = tempfile::tempdir().unwrap();
        {
            let now = Utc::now();
            let (mut store, _) =
                ReviewStore::open(dir.path(), &StoreOptions::default(), now).unwrap();
            store
                .grade(&Id::new("f-cert-capte"), Grade::Good, now)
                .unwrap();
        }
        let path = dir.path().join(JOURNAL_FILE);
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.extend_from_slice(b"g\t2\tf-cert");
        std::fs::write(&path, &bytes).unwrap();
        let (code, out) = stdout(clinicprep().arg("--data-dir").arg(dir.path()).arg("check"));
        assert_eq!(code, 1, "{out}");
        assert!(
            out.contains("problem: review history:") && out.contains("incomplete record"),
            "{out}"
        );
        assert!(out.contains("Start clinicprep to repair it."), "{out}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }
}

//! The config file: defaults, every key, problems with their line, never rewritten, themes, and
//! `clinicprep paths`/`check` as a user runs them.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use chrono::NaiveDate;
use clinicprep::app::Theme;
use clinicprep::domain::config::{Config, ConfigSaveError, ThemeName, save_interview_date};
use ratatui::style::Color;
use std::path::Path;
use std::process::Command;

fn write(dir: &Path, text: &str) -> std::path::PathBuf {
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_missing_file_means_defaults_and_no_problems() {
    let dir = tempfile::tempdir().unwrap();
    let (c, problems) = Config::load(&dir.path().join("config.toml"));
    assert!(problems.is_empty());
    assert_eq!(c, Config::default());
    assert_eq!(c.answer_seconds, 120);
    assert_eq!(c.words_per_minute, 140);
    assert_eq!(c.desired_retention, 0.9);
    assert_eq!(c.daily_new_limit, 20);
    assert_eq!(c.maximum_interval_days, 365);
    assert_eq!(c.theme, ThemeName::Dark);
    assert!(c.interview_date.is_none() && c.certifications.is_empty());
    assert!(
        !dir.path().join("config.toml").exists(),
        "loading never creates the file"
    );
}

#[test]
fn every_key_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        r#"# my settings
interview_date = 2026-12-04
answer_seconds = 90
words_per_minute = 160
desired_retention = 0.85
daily_new_limit = 0
maximum_interval_days = 60
theme = "high-contrast"
certifications = ["CPR/BLS", "First aid"]
"#,
    );
    let (c, problems) = Config::load(&path);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        c,
        Config {
            interview_date: NaiveDate::from_ymd_opt(2026, 12, 4),
            answer_seconds: 90,
            words_per_minute: 160,
            desired_retention: 0.85,
            daily_new_limit: 0,
            maximum_interval_days: 60,
            theme: ThemeName::HighContrast,
            certifications: vec!["CPR/BLS".into(), "First aid".into()],
            profile: Default::default(),
            practice: Default::default(),
        }
    );
}

#[test]
fn an_unknown_key_is_a_warning_with_its_line_and_the_rest_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "theme = \"light\"\n\nthme = \"dark\"\n[favourites]\nx = 1\n",
    );
    let (c, problems) = Config::load(&path);
    assert_eq!(c.theme, ThemeName::Light);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!((problems[0].line, problems[0].column), (Some(3), Some(1)));
    assert!(
        problems[0].message.contains("did you mean \"theme\""),
        "{}",
        problems[0]
    );
    assert_eq!(problems[1].line, Some(4));
    assert!(
        problems[1]
            .message
            .contains("unknown setting \"favourites\"")
    );
    assert!(
        problems[0]
            .to_string()
            .starts_with(&format!("{}:3:1: ", path.display()))
    );
}

#[test]
fn a_bad_value_names_its_line_and_column_and_only_that_setting_falls_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "answer_seconds = 100\ndesired_retention = 1.5\ntheme = \"purple\"\nwords_per_minute = \"fast\"\ninterview_date = \"next week\"\n",
    );
    let (c, problems) = Config::load(&path);
    assert_eq!(c.answer_seconds, 100);
    assert_eq!(c.desired_retention, 0.9);
    assert_eq!(c.theme, ThemeName::Dark);
    assert_eq!(c.words_per_minute, 140);
    assert!(c.interview_date.is_none());
    let at: Vec<(Option<usize>, Option<usize>)> =
        problems.iter().map(|p| (p.line, p.column)).collect();
    assert_eq!(
        at,
        [
            (Some(2), Some(21)),
            (Some(3), Some(9)),
            (Some(4), Some(20)),
            (Some(5), Some(18))
        ]
    );
    assert!(problems[0].message.contains("between 0.70 and 0.99"));
    assert!(problems[1].message.contains("\"high-contrast\""));
    assert!(problems[3].message.contains("YYYY-MM-DD"));
}

#[test]
fn broken_toml_gives_defaults_and_one_problem_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = "theme = \"light\"\nanswer_seconds = = 3\n";
    let path = write(dir.path(), text);
    let (c, problems) = Config::load(&path);
    assert_eq!(c, Config::default());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(2));
    assert!(
        problems[0]
            .message
            .contains("every setting uses its default")
    );
}

#[test]
fn a_broken_file_is_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# keep me\ninterview_date = 2026-12-0\n";
    let path = write(dir.path(), text);
    let _ = Config::load(&path);
    let err = save_interview_date(&path, NaiveDate::from_ymd_opt(2026, 12, 5)).unwrap_err();
    assert!(matches!(err, ConfigSaveError::Invalid(_)));
    assert!(err.to_string().contains(":2:"), "{err}");
    assert!(err.to_string().contains("not overwritten"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    let files = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(files, 1, "no temporary file left behind");
}

#[test]
fn not_utf8_is_a_problem_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, b"theme = \"dark\"\ncertifications = [\"caf\xe9\"]\n").unwrap();
    let (c, problems) = Config::load(&path);
    assert_eq!(c, Config::default());
    assert_eq!(problems[0].line, Some(2));
    assert!(problems[0].message.contains("UTF-8"));
}

#[test]
fn saving_the_interview_date_changes_only_that_key() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# Big day below\ninterview_date = 2026-01-01  # first guess\n\n# pace\nwords_per_minute = 150\n";
    let path = write(dir.path(), text);
    let day = NaiveDate::from_ymd_opt(2026, 12, 10);
    save_interview_date(&path, day).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text.replace("2026-01-01", "2026-12-10")
    );
    let (c, problems) = Config::load(&path);
    assert!(problems.is_empty());
    assert_eq!((c.interview_date, c.words_per_minute), (day, 150));
    save_interview_date(&path, None).unwrap();
    let (c, problems) = Config::load(&path);
    assert!(problems.is_empty() && c.interview_date.is_none());
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("# Big day below\n")
    );
}

#[test]
fn the_configured_theme_is_used_and_no_color_wins() {
    for name in ThemeName::ALL {
        assert_eq!(ThemeName::parse(name.as_str()), Some(name));
        assert_eq!(Theme::choose(name, true), Theme::PLAIN);
    }
    assert_eq!(
        ThemeName::parse("High_Contrast"),
        Some(ThemeName::HighContrast)
    );
}

#[test]
fn high_contrast_paints_every_cell_white_on_black() {
    let mut h = common::Harness::themed(Theme::choose(ThemeName::HighContrast, false));
    for (w, hgt) in [(80, 24), (120, 40), (20, 5)] {
        let buf = h.render(w, hgt);
        for y in 0..hgt {
            for x in 0..w {
                let cell = &buf[(x, y)];
                assert_ne!(
                    cell.bg,
                    Color::Reset,
                    "cell {x},{y} at {w}x{hgt} has no background"
                );
                assert_ne!(cell.fg, cell.bg, "cell {x},{y} is invisible");
            }
        }
    }
    // Back to a size the screens draw at (a window too small takes only q), then help.
    h.render(100, 30);
    h.press("?");
    let buf = h.render(100, 30);
    let (x, y) = common::find(&buf, "Keys that work now").expect("help open");
    assert_eq!(
        buf[(x, y + 3)].bg,
        Color::Black,
        "help overlay keeps the background"
    );
}

fn clinicprep() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_clinicprep"));
    c.env_remove("CLINICPREP_DATA_DIR")
        .env_remove("CLINICPREP_CONFIG");
    c
}

#[test]
fn paths_shows_the_config_file_from_flag_or_environment() {
    let out = clinicprep()
        .env("CLINICPREP_CONFIG", "/tmp/from-env.toml")
        .args(["--data-dir", "/tmp/d", "paths"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("config file: /tmp/from-env.toml"), "{text}");
    let out = clinicprep()
        .env("CLINICPREP_CONFIG", "/tmp/from-env.toml")
        .args(["--config", "/tmp/flag.toml", "paths"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("config file: /tmp/flag.toml"), "{text}");
}

#[test]
fn check_reports_config_problems_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "theme = \"dark\"\nanswer_seconds = 1\n");
    let out = clinicprep()
        .arg("--data-dir")
        .arg(dir.path())
        .arg("--config")
        .arg(&path)
        .arg("check")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!("problem: {}:2:18: answer_seconds", path.display())),
        "{text}"
    );
    let out = clinicprep()
        .arg("--data-dir")
        .arg(dir.path())
        .arg("--config")
        .arg(dir.path().join("missing.toml"))
        .args(["check", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["config"]["found"], false);
    assert_eq!(v["ok"], true);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "theme = \"dark\"\nanswer_seconds = 1\n"
    );
}

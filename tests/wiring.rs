//! The screens share what they know: the config file, practice ratings into the card schedule, story
//! links on cards and in practice, review counts on Home, and the one-page export's extra sections.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use chrono::NaiveDate;
use clinicprep::app::{Action, Tab};
use clinicprep::domain::config::Config;
use common::Harness;
use std::fs;

#[test]
fn setting_the_interview_date_on_home_writes_the_config_and_survives_a_restart() {
    let mut h = Harness::new();
    let config = h.dir.path().join("config.toml");
    fs::write(&config, "# my settings\nwords_per_minute = 150\n").unwrap();
    h.press("i");
    h.type_text("2026-12-07");
    h.press("<enter>");
    let text = fs::read_to_string(&config).unwrap();
    assert!(text.contains("# my settings"), "comments kept: {text}");
    assert!(text.contains("2026-12-07"), "{text}");
    let want = NaiveDate::from_ymd_opt(2026, 12, 7);
    h.app.update(Action::GoTo(Tab::Cards));
    let s = h.screen(100, 30);
    assert!(
        s.contains("interview Dec 7, 2026"),
        "cram mode aims at the new date: {s}"
    );

    let mut h = h.restart();
    let (loaded, problems) = Config::load(&config);
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&loaded);
    assert_eq!(h.app.data().interview(), want);
    assert!(spoken_time_of_150_words(&mut h).contains("about 1 min"));
}

/// What the story editor's coaching says 150 words take to say: a minute at 150 words a minute.
fn spoken_time_of_150_words(h: &mut Harness) -> String {
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n<tab>").paste(&"word ".repeat(150));
    let screen = h.screen(120, 40);
    let line = screen
        .lines()
        .find(|l| l.contains("150 words"))
        .unwrap_or("");
    line.to_string()
}

#[test]
fn a_failed_config_save_keeps_the_date_and_says_so() {
    let mut h = Harness::new();
    // A folder where the config file should be: the save must fail, whoever runs the test.
    fs::create_dir(h.dir.path().join("config.toml")).unwrap();
    h.press("i");
    h.type_text("2026-12-07");
    h.press("<enter>");
    assert_eq!(
        h.app.data().interview(),
        NaiveDate::from_ymd_opt(2026, 12, 7)
    );
    let s = h.screen(100, 30);
    assert!(s.contains("could not be saved"), "{s}");
}

#[test]
fn config_settings_reach_cards_practice_and_stories() {
    let mut h = Harness::new();
    let (config, problems) = Config::from_text(
        "config.toml",
        "answer_seconds = 90\nwords_per_minute = 120\ndaily_new_limit = 3\ndesired_retention = 0.85\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    // 150 words at 120 a minute: a minute and a quarter.
    assert!(spoken_time_of_150_words(&mut h).contains("about 1 min 15 s"));
    let store = h.app.data().reviews().expect("store");
    assert_eq!(store.settings().daily_new_limit, 3);
    assert_eq!(store.settings().desired_retention, 0.85);
    h.app.update(Action::GoTo(Tab::Practice));
    assert!(h.screen(100, 30).contains("01:30"), "target shown on setup");
}

#[test]
fn a_review_shows_on_home_as_a_study_day_and_cards_due() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Cards));
    h.press("<enter><space>1");
    h.app.update(Action::GoTo(Tab::Home));
    let s = h.screen(120, 40);
    assert!(s.contains("Study days: 1 in 16 weeks"), "{s}");
    assert!(s.contains("Cards due now 0"), "{s}");
    assert!(
        !s.contains("Study some cards"),
        "the graded card has a due date: {s}"
    );
}

#[test]
fn a_story_linked_to_a_question_shows_on_its_card_and_in_practice() {
    let dir = tempfile::tempdir().unwrap();
    let h = Harness::in_dir(dir);
    let q = h.app.data().library().questions[0].id.clone();
    let stories = h.dir.path().join("stories");
    fs::create_dir_all(&stories).unwrap();
    fs::write(
        stories.join("fall.toml"),
        format!(
            "title = \"The near fall\"\nsituation = \"A patient slipped.\"\ntags = [\"teamwork\"]\nquestions = [\"{q}\"]\n"
        ),
    )
    .unwrap();
    let mut h = h.restart();
    h.app.update(Action::GoTo(Tab::Home));
    let facts = h.app.facts();
    let linked = facts.story_by_question.get(&q);
    assert_eq!(linked.map(|o| o.title.as_str()), Some("The near fall"));
    assert_eq!(facts.stories_written, Some(1));
    assert!(facts.linked_questions().contains(&q));
    let covered = facts.competencies_covered.clone().unwrap();
    assert!(
        covered.iter().any(|c| c.as_str() == "teamwork"),
        "{covered:?}"
    );
}

#[test]
fn the_export_lists_certifications_from_the_config_and_starred_asks() {
    let dir = tempfile::tempdir().unwrap();
    let ask = clinicprep::domain::content::Library::builtin().asks[0].clone();
    fs::write(
        dir.path().join("config.toml"),
        "certifications = [\"CPR/BLS (American Heart Association)\"]\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("favourites.toml"),
        format!("starred = [\"{}\"]\n", ask.id),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clinicprep"))
        .arg("--data-dir")
        .arg(dir.path())
        .arg("--config")
        .arg(dir.path().join("config.toml"))
        .args(["export", "stories"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("CPR/BLS (American Heart Association)"),
        "{text}"
    );
    let first_words: String = ask
        .text
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains(&first_words), "{text}");
}

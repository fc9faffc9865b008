//! `s` on Home does what the Next line says, also once today's plan is done: after the interview
//! it points at the thank-you note, then opens the notes on how it went.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::domain::config::Config;
use common::Harness;

/// An app whose interview was the day before the harness's clock (2026-11-23).
fn interview_yesterday() -> Harness {
    let mut h = Harness::new();
    let (config, problems) = Config::from_text("config.toml", "interview_date = 2026-11-22\n");
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    h
}

#[test]
fn after_the_interview_s_highlights_the_thank_you_note_then_opens_the_notes() {
    let mut h = interview_yesterday();
    let home = h.screen(100, 30);
    assert!(
        home.contains("Next: Send a thank-you note (tick it below)"),
        "{home}"
    );
    h.press("s");
    assert!(
        h.status()
            .starts_with("“Send a thank-you note” is highlighted in the checklist below"),
        "{}",
        h.status()
    );
    let home = h.screen(100, 30);
    assert!(home.contains("› [ ] Send a thank-you note"), "{home}");
    // Space ticks the step the cursor is on: the one s pointed at, and the hint goes.
    h.press("<space>");
    assert!(h.screen(100, 30).contains("[x] Send a thank-you note"));
    assert_eq!(h.status(), "", "no 'Space ticks it' once it is ticked");
    // Then the Next line says to note how it went, and s opens the notes.
    assert!(
        h.screen(100, 30)
            .contains("Next: Your interview has passed: n notes how it went")
    );
    h.press("s");
    assert!(h.app.typing(), "the notes box is open: {}", h.status());
}

/// A walk's interview morning: the Next line said to reread the stories, and s said there was
/// nothing more to do. It says where they are. Once the notes are written, Next stops asking
/// for them.
#[test]
fn on_the_interview_morning_s_points_to_the_stories_and_written_notes_are_not_asked_for() {
    let mut h = Harness::new();
    let (config, problems) = Config::from_text(
        "config.toml",
        "interview_date = 2026-11-23\n[profile]\ninterview_time = \"16:00\"\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    let home = h.screen(100, 30);
    assert!(home.contains("Next: Interview today"), "{home}");
    h.press("s");
    assert!(
        h.status().contains("Tab to Stories to reread"),
        "{}",
        h.status()
    );

    let mut h = interview_yesterday();
    h.press("s<space>s");
    assert!(h.app.typing(), "the notes are open");
    h.type_text("They asked about transfers.");
    h.press("<esc>");
    h.advance_ms(1000);
    let home = h.screen(100, 30);
    assert!(!home.contains("n notes how it went"), "{home}");
    assert!(home.contains("your notes are saved (n)"), "{home}");
}

/// The Today line and the Next line give one measure of the cards: minutes. At 60 columns the
/// Today line keeps its three steps whole, the practice step said in a word.
#[test]
fn today_and_next_agree_on_minutes_and_every_step_stays_whole_when_narrow() {
    let mut h = Harness::new();
    h.set_interview("2026-12-03");
    let s = h.screen(100, 30);
    let minutes = |line: &str, after: &str| -> String {
        let at = line
            .find(after)
            .unwrap_or_else(|| panic!("{after} in {line}"))
            + after.len();
        line[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect()
    };
    let today = s.lines().find(|l| l.contains("Today:")).unwrap();
    let next = s.lines().find(|l| l.contains("Next:")).unwrap();
    assert!(next.contains("min. Press s to start."), "{next}");
    assert_eq!(
        minutes(today, "(~"),
        minutes(next, "about "),
        "{today}\n{next}"
    );
    let narrow = h.screen(60, 16);
    let today = narrow.lines().find(|l| l.contains("Today:")).unwrap();
    assert!(!today.contains('…'), "{today}");
    assert!(
        today.ends_with("then practice") || today.ends_with("practice"),
        "{today}"
    );
}

/// After a first session of new cards answered Good, each comes back for its learning step within
/// minutes: Home says so rather than "cards done", which sent a tester away ten minutes early.
#[test]
fn cards_coming_back_later_today_are_not_called_done() {
    use clinicprep::app::{Action, Tab};
    let mut h = Harness::new();
    h.set_interview("2026-12-03");
    h.press("s");
    assert_eq!(h.app.tab(), Tab::Cards);
    // Every card once, Good: each is put back for its learning step, then the session is ended.
    let s = h.screen(100, 30);
    let n: usize = s
        .split(" of ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a card count: {s}"));
    for _ in 0..n {
        h.press("<space>3");
    }
    h.press("<esc>");
    h.app.update(Action::GoTo(Tab::Home));
    let home = h.screen(120, 40);
    let today = home.lines().find(|l| l.contains("Today:")).unwrap();
    assert!(
        today.contains(&format!("cards done for now, {n} back later today")),
        "{today}"
    );
}

/// The one-page sheet is no tab: Home's first line names its key where there is room, and never
/// at the cost of the date or the employer.
#[test]
fn home_names_the_sheet_key_where_the_line_has_room() {
    let mut h = Harness::new();
    let first = |h: &mut Harness, w: u16| h.screen(w, 24).lines().nth(1).unwrap_or("").to_string();
    assert!(first(&mut h, 80).ends_with("p profile, i date, o sheet"));
    let text = "interview_date = 2026-12-03\n[profile]\nemployer = \"Lakeside Orthopedic Physical Therapy\"\n";
    let (config, problems) = Config::from_text("config.toml", text);
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    let line = first(&mut h, 100);
    assert!(
        line.contains("at Lakeside Orthopedic Physical Therapy"),
        "{line}"
    );
    assert!(
        line.ends_with("p profile, i date"),
        "the employer stays, the sheet key gives way: {line}"
    );
    h.press("o");
    assert_eq!(h.app.tab(), clinicprep::app::Tab::Sheet);
}

/// After the interview, i opens an empty date box for the next one, not the old date read back as
/// "in the past" before anything is typed (a walk).
#[test]
fn after_the_interview_i_opens_an_empty_date_for_the_next_one() {
    let mut h = interview_yesterday();
    h.press("i");
    assert!(h.app.typing());
    let s = h.screen(100, 30);
    assert!(!s.contains("in the past"), "{s}");
    h.type_text("12/16/2026").press("<enter>");
    assert!(h.status().contains("Interview set for"), "{}", h.status());
}

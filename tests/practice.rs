//! The Practice screen driven by keys over a temporary data dir, with a fake clock.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use clinicprep::domain::content::Id;
use clinicprep::domain::practice::{Grade, ROUNDS_FILE, RoundLog, Rubric};
use clinicprep::kit::Level;
use clinicprep::kit::facts::StoryOutline;
use common::{Harness, find};
use ratatui::style::Color;

/// A harness on the Practice screen.
fn practice() -> Harness {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Practice));
    h
}

/// The question on screen: the longest one whose whole text the screen shows (wrapped or not).
fn shown_question(h: &mut Harness) -> Id {
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let screen = squash(&h.screen(100, 40).replace('│', " "));
    let lib = h.app.data().library();
    lib.questions
        .iter()
        .filter(|q| screen.contains(&squash(&q.text)))
        .max_by_key(|q| q.text.len())
        .map(|q| q.id.clone())
        .unwrap_or_else(|| panic!("no question on screen: {screen}"))
}

/// Whether the rating's "within time" box is ticked.
fn in_time_ticked(h: &mut Harness) -> bool {
    let s = h.screen(100, 40);
    assert!(s.contains("Rate your answer"), "{s}");
    s.contains("[x] Finished within the target time")
}

fn log(h: &Harness) -> RoundLog {
    RoundLog::load(h.dir.path()).expect("round log loads")
}

#[test]
fn a_full_round_by_keys_times_rates_saves_and_summarises() {
    let mut h = practice();
    h.press("<enter>");
    assert!(
        h.screen(80, 24).contains("Question 1 of 5"),
        "default length"
    );
    let first = shown_question(&mut h);
    assert!(h.screen(80, 24).contains("00:00 / 02:00"));

    h.advance(95);
    assert!(h.screen(80, 24).contains("01:35 / 02:00"));
    h.press("<space>");
    assert!(in_time_ticked(&mut h), "pre-ticked from the timer");
    h.press("13<enter>");

    let saved = log(&h);
    assert_eq!(saved.round.len(), 1);
    let a = &saved.round[0].answer[0];
    assert_eq!(
        (a.question.clone(), a.seconds, a.grade),
        (first.clone(), 95, Grade::Good)
    );
    assert_eq!(
        a.rubric,
        Rubric {
            structure: true,
            said_i: false,
            result: true,
            in_time: true
        }
    );
    // The rating reached the card schedule: the question now has a review history.
    assert!(h.app.data().pending_grades().is_empty());
    let store = h.app.data().reviews().expect("review store open");
    let state = store
        .state(&first)
        .expect("the answered question is scheduled");
    assert_eq!(state.reps, 1);
    assert!(
        h.screen(80, 24).contains("Question 2 of 5"),
        "next question"
    );

    // Second answer runs over: "within time" starts unticked; ticking every box but it gives Good.
    h.advance(130);
    h.press("<space>");
    assert!(!in_time_ticked(&mut h));
    h.press("123<enter>");
    // Three more, quick and with nothing ticked but time.
    for _ in 0..3 {
        h.advance(40);
        h.press("<space><enter>");
    }
    assert!(h.screen(80, 24).contains("Round complete"));
    let saved = log(&h);
    assert_eq!(saved.round.len(), 1, "the same round grew, not five rounds");
    let grades: Vec<Grade> = saved.round[0].answer.iter().map(|a| a.grade).collect();
    assert_eq!(
        grades,
        [
            Grade::Good,
            Grade::Good,
            Grade::Again,
            Grade::Again,
            Grade::Again
        ]
    );
    assert_eq!(saved.round[0].answer[1].seconds, 130);
    assert!(h.app.data().pending_grades().is_empty());
    assert_eq!(
        h.app
            .data()
            .reviews()
            .expect("store")
            .reviewed_on(h.app.data().reviews().expect("store").today(h.app.now())),
        5,
        "every answer became a review"
    );
    let s = h.screen(80, 24);
    assert!(s.contains("Round complete"), "{s}");
    assert!(
        s.contains("5 answers · average 01:09 · target 02:00 · 4 within time"),
        "{s}"
    );
    h.press("<enter>");
    assert!(h.screen(80, 24).contains("1 round so far"));
}

#[test]
fn the_timer_asks_for_one_redraw_per_second_only_while_a_question_is_on_screen() {
    let mut h = practice();
    assert!(!h.advance(1), "no timer during setup");
    h.press("<enter>");
    assert!(!h.advance(0), "same second: nothing to draw");
    assert!(h.advance(1));
    assert!(!h.advance(0));
    h.app
        .set_now(h.app.now() + chrono::Duration::milliseconds(400));
    assert!(!h.app.tick(), "still the same second");
    h.app
        .set_now(h.app.now() + chrono::Duration::milliseconds(700));
    assert!(h.app.tick(), "the second rolled over");
    h.app.update(Action::GoTo(Tab::Home));
    assert!(!h.advance(5), "not drawn while another screen shows");
    h.app.update(Action::GoTo(Tab::Practice));
    assert!(h.advance(0), "coming back redraws the time that passed");
    h.press("<space>");
    assert!(!h.advance(5), "stopped once the answer ended");
}

/// The cell where the running time is drawn, and its colour.
fn timer_colour(h: &mut Harness, shown: &str) -> Color {
    let buf = h.render(80, 24);
    let (x, y) = find(&buf, shown).unwrap_or_else(|| panic!("{shown} not on screen"));
    buf[(x, y)].fg
}

#[test]
fn the_timer_changes_colour_near_and_past_the_target() {
    let mut h = practice();
    h.press("<enter>");
    h.advance(30);
    assert_eq!(timer_colour(&mut h, "00:30 /"), Color::Green);
    h.advance(80);
    assert_eq!(timer_colour(&mut h, "01:50 /"), Color::Yellow);
    assert!(h.screen(80, 24).contains("time to give your result"));
    h.advance(11);
    assert_eq!(timer_colour(&mut h, "02:01 /"), Color::Red);
    assert!(h.screen(80, 24).contains("over your target"));
}

#[test]
fn setup_keys_change_role_length_and_target() {
    let mut h = practice();
    h.press("<right>"); // first role
    let role = h.app.data().library().roles[0].id.clone();
    h.press("<down><right><down><left><left>");
    let s = h.screen(80, 24);
    assert!(
        s.contains("‹ 6 questions ›") && s.contains("‹ 01:30 per answer ›"),
        "{s}"
    );
    h.press("<enter>");
    assert!(h.screen(80, 24).contains("Question 1 of 6"));
    let q = shown_question(&mut h);
    let lib = h.app.data().library();
    let roles = &lib.question(&q).unwrap().roles;
    assert!(roles.is_empty() || roles.contains(&role), "{q}");
    h.advance(100);
    h.press("<space>");
    assert!(!in_time_ticked(&mut h), "100 s is over a 1:30 target");
    h.press("<enter>");
    assert_eq!(log(&h).round[0].target_seconds, 90);
    assert_eq!(log(&h).round[0].role, Some(role));
}

#[test]
fn esc_ends_the_round_early_and_an_unanswered_round_saves_nothing() {
    let mut h = practice();
    h.press("<enter>");
    h.press("<esc>");
    assert!(
        h.screen(80, 24)
            .contains("Practice: a timed mock interview")
    );
    assert!(!h.dir.path().join(ROUNDS_FILE).exists());

    h.press("<enter>");
    h.advance(20);
    h.press("<space>1<enter>");
    h.press("<esc>");
    assert!(h.screen(80, 24).contains("Round complete"));
    assert!(h.screen(80, 24).contains("1 answer · average 00:20"));
    assert_eq!(log(&h).round[0].answer.len(), 1);
}

#[test]
fn h_shows_the_linked_story_outline_and_the_coaching_notes() {
    let mut h = practice();
    h.press("<enter>");
    let first = shown_question(&mut h);
    h.app.facts_mut().stories_by_question.insert(
        first.clone(),
        vec![StoryOutline {
            title: "The wheelchair \u{1b}[31mbrake".into(),
            star: [
                "Busy Monday at the clinic.".into(),
                "Keep the gym safe.".into(),
                "I checked every brake.".into(),
                "No falls that quarter.".into(),
            ],
        }],
    );
    assert!(!h.screen(100, 30).contains("The wheelchair"));
    h.press("h");
    let s = h.screen(100, 30);
    assert!(
        s.contains("Your story: The wheelchair [31mbrake"),
        "sanitized: {s}"
    );
    assert!(s.contains("A  I checked every brake."), "{s}");
    assert!(s.contains("What they look for"), "{s}");
    h.press("h");
    assert!(!h.screen(100, 30).contains("What they look for"));
}

#[test]
fn a_damaged_round_log_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ROUNDS_FILE);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let junk = "[[round]]\nstarted = \"2026-11-01T09:00:00Z\"\ntarget_seconds = \"two minutes\"\n";
    std::fs::write(&path, junk).unwrap();
    let mut h = Harness::in_dir(dir);
    let status = h
        .app
        .status()
        .cloned()
        .expect("a problem is reported at start");
    assert_eq!(status.level, Level::Error);
    assert!(status.text.contains("rounds.toml:3"), "{}", status.text);
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("<enter>");
    h.advance(10);
    h.press("<space><enter>");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), junk);
    let s = h.screen(100, 30);
    assert!(s.contains("Not saved: "), "{s}");
    h.press("<esc>");
    assert!(h.screen(100, 30).contains("NOT saved"));
    assert_eq!(
        h.app
            .data()
            .reviews()
            .expect("store")
            .reviewed_on(h.app.data().reviews().expect("store").today(h.app.now())),
        1,
        "the grade still reaches the cards"
    );
    h.press("q");
    assert!(
        h.app.should_quit(),
        "a damaged file does not hold up quitting"
    );
}

#[test]
fn weak_and_story_less_picks_say_why_they_were_chosen() {
    let mut h = practice();
    // Every question weak, none with a story: each behavioural pick says both.
    let ids: Vec<Id> = h
        .app
        .data()
        .library()
        .questions
        .iter()
        .map(|q| q.id.clone())
        .collect();
    for id in ids {
        h.app.facts_mut().recall.insert(id, 0.2);
    }
    h.press("<enter>");
    let mut saw_both = false;
    for _ in 0..5 {
        let s = h.screen(120, 40);
        if s.contains("Picked because you rated it weak and no story answers it yet.") {
            saw_both = true;
        } else {
            assert!(s.contains("Picked because you rated it weak."), "{s}");
        }
        h.press("<space><enter>");
    }
    assert!(saw_both, "a five-question round has a behavioural question");
}

#[test]
fn nothing_on_the_practice_screen_panics_at_any_stage_or_size() {
    let mut h = practice();
    let sizes = [(1, 1), (20, 5), (60, 16), (61, 17), (80, 24), (200, 60)];
    for keys in ["", "<enter>", "h", "<space>", "2", "<enter>", "<esc>"] {
        h.press(keys);
        h.advance(7);
        for (w, ht) in sizes {
            h.render(w, ht);
        }
    }
}

#[test]
fn practice_views_match_their_snapshots() {
    let mut h = practice();
    let mut shots = Vec::new();
    let mut shoot = |h: &mut Harness, name: &str| {
        for (w, ht) in [(80, 24), (120, 40)] {
            shots.push((format!("{name}_{w}x{ht}"), h.screen(w, ht)));
        }
    };
    shoot(&mut h, "setup");
    h.press("<enter>");
    h.advance(83);
    shoot(&mut h, "answer");
    let first = shown_question(&mut h);
    h.app.facts_mut().stories_by_question.insert(
        first,
        vec![StoryOutline {
            title: "Calming a worried patient".into(),
            star: [
                "A patient was anxious before her first session.".into(),
                "I had to get her ready for the therapist.".into(),
                "I explained each step and stayed beside her.".into(),
                "She finished the session and came back the next week.".into(),
            ],
        }],
    );
    h.press("h");
    shoot(&mut h, "answer_hints");
    h.press("<space>12");
    shoot(&mut h, "rate");
    h.press("<enter>");
    for _ in 0..4 {
        h.advance(61);
        h.press("<space>1<enter>");
    }
    shoot(&mut h, "summary");
    for (name, screen) in shots {
        insta::assert_snapshot!(name, screen);
    }
}

//! Home's story step, as the persona meets it: the plan names the story to tag, write or finish,
//! and s opens exactly that, over a temporary data dir.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use common::Harness;
use common::data::{NO_QUESTIONS, story_with};

/// Sets the interview date twelve days out, as a user does.
fn set_interview(h: &mut Harness) {
    h.set_interview("2026-12-07");
}

/// Studies today's cards (Easy on each, so none is due again today) and goes back Home, where the
/// story step is then what s starts.
fn study_todays_cards(h: &mut Harness) {
    h.app.update(Action::GoTo(Tab::Home));
    h.press("s");
    assert_eq!(h.app.tab(), Tab::Cards);
    for _ in 0..40 {
        if h.screen(100, 30).contains("Session done") {
            break;
        }
        h.press("<space>4");
    }
    assert!(h.screen(100, 30).contains("Session done"));
    h.app.update(Action::GoTo(Tab::Home));
}

/// The persona's busy-shift story: its words show teamwork (a coworker, a teammate, covering for
/// someone), but its only tag is the one they thought of.
fn busy_shift(dir: &std::path::Path) {
    story_with(
        dir,
        "2026-11-20-busy-shift",
        "Busy shift",
        &["time-management"],
        NO_QUESTIONS,
        [
            "It was a short-staffed Saturday on my hall.",
            "Eight residents needed to be up and dressed by nine.",
            "I covered for a coworker who called out and asked my teammate to take the front hall.",
            "Everyone was ready on time.",
        ],
    );
}

#[test]
fn a_story_that_already_shows_a_skill_is_tagged_with_one_key_then_the_plan_moves_on() {
    let dir = tempfile::tempdir().unwrap();
    busy_shift(dir.path());
    let mut h = Harness::in_dir(dir);
    set_interview(&mut h);
    let s = h.screen(100, 30);
    assert!(
        s.contains("tag “Busy shift”"),
        "today's plan names the story: {s}"
    );

    study_todays_cards(&mut h);
    let s = h.screen(100, 30);
    assert!(
        s.contains("Next: “Busy shift” shows Teamwork: tag it. Press s to open it."),
        "{s}"
    );
    h.press("s");
    assert_eq!(h.app.tab(), Tab::Stories);
    assert_eq!(h.app.open_story().unwrap().title, "Busy shift");
    assert!(
        h.status().contains("Enter adds the tag “teamwork”"),
        "{}",
        h.status()
    );
    // One Enter adds it; the tag the user had stays.
    h.press("<enter>");
    assert_eq!(
        h.app.open_story().unwrap().tags,
        ["time-management", "teamwork"]
    );
    assert_eq!(
        h.status(),
        "Tagged “teamwork”: this story counts for Teamwork now."
    );
    h.press("<esc>");
    let file = h.file("stories/2026-11-20-busy-shift.toml").unwrap();
    assert!(file.contains("\"teamwork\""), "{file}");

    // Teamwork is covered now; the next core skill no story shows is one to write a story for,
    // and s starts that story already tagged with it.
    h.app.update(Action::GoTo(Tab::Home));
    let s = h.screen(100, 30);
    assert!(
        s.contains("Next: write a STAR story that shows Problem solving."),
        "{s}"
    );
    h.press("s");
    assert_eq!(h.app.tab(), Tab::Stories);
    let new = h.app.open_story().unwrap();
    assert_eq!(new.title, "");
    assert_eq!(new.tags, ["problem-solving"]);
    assert!(
        h.status().contains("tagged “problem-solving”"),
        "{}",
        h.status()
    );
}

#[test]
fn s_opens_the_story_to_finish_on_its_missing_part_saving_the_one_open_first() {
    let dir = tempfile::tempdir().unwrap();
    common::data::finished_stories(
        dir.path(),
        &[
            "teamwork",
            "problem-solving",
            "patient-care",
            "admin-organization",
        ],
    );
    story_with(
        dir.path(),
        "2026-11-20-the-fall",
        "The fall I prevented",
        &["safety"],
        NO_QUESTIONS,
        [
            "A resident stood up too fast after lunch.",
            "Keep her safe until the nurse came.",
            "I stepped in, held her gait belt and helped her sit back down.",
            "",
        ],
    );
    let mut h = Harness::in_dir(dir);
    set_interview(&mut h);
    study_todays_cards(&mut h);
    let s = h.screen(100, 30);
    assert!(
        s.contains("Next: finish “The fall I prevented”: add Result. Press s to open it."),
        "{s}"
    );

    // Another story is open with a word typed and not yet saved when the user goes Home.
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("<enter>");
    let other = h.app.open_story().unwrap().id.clone();
    assert_ne!(other.to_string(), "2026-11-20-the-fall");
    h.type_text(" Really");
    assert!(h.app.unsaved_story().is_some());
    h.app.update(Action::GoTo(Tab::Home));

    h.press("s");
    assert_eq!(h.app.tab(), Tab::Stories);
    let open = h.app.open_story().unwrap();
    assert_eq!(open.title, "The fall I prevented");
    assert!(
        h.status().contains("Add the Result to finish this story"),
        "{}",
        h.status()
    );
    let saved = h.file(&format!("stories/{other}.toml")).unwrap();
    assert!(
        saved.contains("Really"),
        "the other story was saved first: {saved}"
    );
    // What is typed goes to the Result.
    h.type_text("She sat safely and the nurse checked her.");
    assert_eq!(
        h.app.open_story().unwrap().result,
        "She sat safely and the nurse checked her."
    );
}

#[test]
fn a_deleted_story_leaves_the_plan_and_s_starts_the_story_to_write() {
    let dir = tempfile::tempdir().unwrap();
    busy_shift(dir.path());
    let mut h = Harness::in_dir(dir);
    set_interview(&mut h);
    study_todays_cards(&mut h);
    // Deleted from the Stories screen: the plan moves on with it, so s starts a new story instead.
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("d");
    h.press("y");
    assert!(h.file("stories/2026-11-20-busy-shift.toml").is_none());
    h.app.update(Action::GoTo(Tab::Home));
    assert!(!h.screen(100, 30).contains("Busy shift"));
    h.press("s");
    let new = h.app.open_story().unwrap();
    assert_eq!(
        (new.title.as_str(), new.tags.clone()),
        ("", vec!["teamwork".to_string()])
    );
}

#[test]
fn a_long_title_is_shortened_so_the_key_to_press_still_shows_at_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    story_with(
        dir.path(),
        "2026-11-20-short",
        "The Saturday we were three aides short on the long-term care hall",
        &[],
        NO_QUESTIONS,
        [
            "Two aides called out.",
            "Get everyone to therapy.",
            "I covered for a coworker and my teammate took the front hall.",
            "Nobody missed a session.",
        ],
    );
    let mut h = Harness::in_dir(dir);
    set_interview(&mut h);
    study_todays_cards(&mut h);
    let s = h.screen(80, 24);
    let next = s.lines().find(|l| l.starts_with(" Next: ")).unwrap();
    assert!(next.trim_end().ends_with("Press s to open it."), "{next}");
    assert!(
        next.contains("Next: “The Saturday we were three aides short"),
        "{next}"
    );
    assert!(next.contains('…'), "the title is what is shortened: {next}");
    assert!(
        unicode_width::UnicodeWidthStr::width(next.trim_end()) < 80,
        "{next}"
    );
}

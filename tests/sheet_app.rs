//! The Sheet screen as a user meets it: from Home (and the checklist step), pin and drop stories,
//! write the introduction with coaching, write the sheet, and the cue line in the story editor.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use clinicprep::domain::config::Config;
use common::Harness;
use std::fs;

const CONFIG: &str = r#"interview_date = 2026-12-03
certifications = ["CPR/BLS", "Certified Nursing Assistant"]

[profile]
name = "Dana Reyes"
roles = ["pt-aide"]
interview_time = "10:00"
employer = "Riverside Orthopedics"
setting = "outpatient"
"#;

// Both stories carry the same saved time, so the list's newest-first order falls back to the
// title; without it, the files' modification times decided, and two files written a tick apart
// swapped places now and then.
const FALL: &str = r#"title = "A fall I prevented"
updated = 2026-11-20T10:00:00Z
cue = "Unsteady resident: gait belt, sat her down, told the nurse; no fall."
situation = "After lunch a resident stood up too fast and started to sway."
task = "Keep her safe."
action = "I kept my hand on her gait belt and sat her down. I told the nurse."
result = "She did not fall."
tags = ["safety", "patient-care"]
"#;

const SHIFT: &str = r#"title = "Two aides short on a Saturday"
updated = 2026-11-20T10:00:00Z
situation = "Two aides called in sick."
task = "Get everyone to therapy."
action = "So we kind of split up the work. I took the residents who needed the most help."
result = "All twelve residents had their sessions."
tags = ["teamwork"]
"#;

/// An app over a data folder with a profile, two stories and two starred questions.
fn harness() -> Harness {
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
    let mut h = Harness::in_dir(dir);
    let (config, problems) = Config::load(&h.dir.path().join("config.toml"));
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    h
}

#[test]
fn o_on_home_opens_the_sheet_and_esc_goes_back() {
    let mut h = harness();
    h.press("o");
    assert_eq!(h.app.tab(), Tab::Sheet);
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Fits one page of US Letter or A4"),
        "{screen}"
    );
    assert!(screen.contains("Dana Reyes"), "{screen}");
    assert!(screen.contains("on sheet"), "{screen}");
    // The tab bar keeps Home lit, and the footer names the keys.
    assert!(screen.contains("p pin"), "{screen}");
    // ? lists every key of the screen.
    h.press("?");
    let help = h.screen(120, 60);
    for key in [
        "pin the story",
        "leave the story off",
        "30-second introduction",
        "web browser",
    ] {
        assert!(help.contains(key), "help lacks {key}: {help}");
    }
    h.press("<esc><esc>");
    assert_eq!(h.app.tab(), Tab::Home);
}

#[test]
fn the_checklist_step_for_a_one_page_summary_points_to_the_sheet() {
    let mut h = harness();
    let steps = &h.app.data().library().steps;
    let i = steps
        .iter()
        .position(|s| s.id.as_str() == "step-summary")
        .expect("the checklist has the summary step");
    for _ in 0..i {
        h.press("<down>");
    }
    h.press("<enter>");
    let screen = h.screen(100, 30);
    assert!(screen.contains("press o to see your one-page"), "{screen}");
    h.press("o");
    assert_eq!(h.app.tab(), Tab::Sheet);
}

#[test]
fn pin_and_drop_are_saved_to_sheet_toml_and_shown() {
    let mut h = harness();
    h.app.update(Action::GoTo(Tab::Sheet));
    // The list is in sheet order; move to the second story and pin it.
    h.press("j").press("p");
    let file = h.file("sheet.toml").expect("sheet.toml written");
    assert!(file.contains("pinned = ["), "{file}");
    assert!(h.status().starts_with("Pinned"), "{}", h.status());
    let screen = h.screen(100, 30);
    assert!(screen.contains("pinned"), "{screen}");
    // Drop the pinned one: it leaves the sheet and the pin goes.
    h.press("d");
    let file = h.file("sheet.toml").unwrap();
    assert!(file.contains("pinned = []"), "{file}");
    assert!(file.contains("dropped = ["), "{file}");
    assert!(h.screen(100, 30).contains("dropped"));
    // Still there after a restart.
    let mut h = h.restart();
    let (config, _) = Config::load(&h.dir.path().join("config.toml"));
    h.app.apply_config(&config);
    h.app.update(Action::GoTo(Tab::Sheet));
    assert!(h.screen(100, 30).contains("dropped"));
}

#[test]
fn the_introduction_is_coached_as_typed_and_saved_by_itself() {
    let mut h = harness();
    h.app.update(Action::GoTo(Tab::Sheet));
    h.press("i");
    assert!(h.typing());
    h.type_text("I'm a CNA at a nursing home. Um, I want this job.");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Cut filler words"), "{screen}");
    assert!(screen.contains("add a sentence"), "{screen}");
    assert!(screen.contains("saving…"), "{screen}");
    // Autosave, without leaving the field.
    h.advance_ms(1000);
    let file = h.file("sheet.toml").expect("saved by itself");
    assert!(file.contains("I'm a CNA at a nursing home."), "{file}");
    h.type_text(" Riverside is close to home.");
    h.press("<esc>");
    assert!(!h.typing());
    let file = h.file("sheet.toml").unwrap();
    assert!(
        file.contains("Riverside is close to home."),
        "Esc saves: {file}"
    );
    assert!(h.screen(80, 24).contains("Tell me about yourself"));
}

#[test]
fn an_empty_introduction_offers_a_starter_that_only_ever_fills_an_empty_box() {
    let mut h = harness();
    h.app.update(Action::GoTo(Tab::Sheet));
    h.press("i");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Ctrl-A starter"),
        "the footer offers it: {screen}"
    );
    assert!(screen.contains("Or press Ctrl-A for a starter"), "{screen}");
    h.press("<c-a>");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Fill in the"),
        "the blanks come first: {screen}"
    );
    assert!(
        !screen.contains("Ctrl-A starter"),
        "not offered once there is text: {screen}"
    );
    assert!(h.status().starts_with("A starter from your profile is in"));
    // Saved like typing; built from the profile: the role's short name and the clinic, blanks
    // for the rest.
    h.advance_ms(1000);
    let file = h.file("sheet.toml").unwrap();
    assert!(file.contains("[where you work now]"), "{file}");
    assert!(
        file.contains("as a PT aide at Riverside Orthopedics because"),
        "{file}"
    );
    // Ctrl-A again replaces nothing the user has, and moves nothing: it says why. (As the
    // editor's own key, to the line's start, it sent a walk's next words to the front.)
    h.press("<c-a>");
    assert!(
        h.status().contains("only into an empty introduction"),
        "{}",
        h.status()
    );
    h.advance_ms(1000);
    assert_eq!(h.file("sheet.toml").unwrap(), file);
    // Ctrl-Z takes the whole starter out in one step.
    h.press("<c-z>");
    assert!(h.app.typing());
    let screen = h.screen(80, 24);
    assert!(screen.contains("0 words"), "{screen}");
    assert!(screen.contains("Ctrl-A starter"), "{screen}");
    assert!(
        h.status()
            .starts_with("Undone in the introduction: took out “I"),
        "the message about the starter makes way: {}",
        h.status()
    );
    // Typing over a starter: the message that announced it goes with the first key.
    h.press("<c-a>");
    assert!(h.status().starts_with("A starter from your profile is in"));
    h.type_text("x");
    assert_eq!(h.status(), "");
}

#[test]
fn quitting_while_typing_the_introduction_saves_it() {
    let mut h = harness();
    h.app.update(Action::GoTo(Tab::Sheet));
    h.press("i").type_text("I'm a CNA.");
    h.press("<c-c>");
    let file = h.file("sheet.toml").expect("saved at quit");
    assert!(file.contains("I'm a CNA."), "{file}");
}

#[test]
fn w_writes_the_sheet_and_says_where_and_o_never_fails_without_a_browser() {
    let mut h = harness();
    h.app.update(Action::GoTo(Tab::Sheet));
    h.press("w");
    let page = h.file("sheet.html").expect("sheet.html written");
    assert!(page.contains("<h1>Dana Reyes</h1>"));
    assert!(
        page.contains("We split up the work."),
        "fillers out, whole sentences"
    );
    assert!(h.status().contains("sheet.html"), "{}", h.status());
    assert!(h.screen(80, 24).contains("Written to"));
    // Tests never start a browser: o writes the file and says where it is.
    h.press("o");
    assert!(h.status().contains("sheet.html"), "{}", h.status());
    h.press("m");
    assert!(h.file("sheet.md").unwrap().starts_with("# Dana Reyes"));
}

#[test]
fn the_cue_is_a_field_of_the_story_editor_and_goes_to_the_file() {
    let mut h = harness();
    h.app.update(Action::GoTo(Tab::Stories));
    // Stories are listed by title: "A fall…" first, then "Two aides…".
    h.press("j<enter>");
    // The cue is the last field: Title, Situation, Task, Action, Result, Tags, Questions, Cue.
    for _ in 0..7 {
        h.press("<tab>");
    }
    let screen = h.screen(100, 30);
    assert!(screen.contains("┌ Cue"), "{screen}");
    h.type_text("Short-staffed: made a list, took the hardest residents, all 12 seen.");
    h.press("<c-s>");
    let file = h.file("stories/shift.toml").unwrap();
    assert!(
        file.contains(
            "cue = \"Short-staffed: made a list, took the hardest residents, all 12 seen.\""
        ),
        "{file}"
    );
    h.app.update(Action::GoTo(Tab::Sheet));
    assert!(h.screen(120, 40).contains("Short-staffed: made a list"));
}

#[test]
fn snapshots_at_80x24_and_160x50() {
    let mut h = harness();
    h.app.update(Action::GoTo(Tab::Sheet));
    insta::assert_snapshot!("sheet_80x24", h.screen(80, 24));
    insta::assert_snapshot!("sheet_160x50", h.screen(160, 50));
    h.press("i");
    insta::assert_snapshot!("sheet_intro_80x24", h.screen(80, 24));
}

#[test]
fn any_size_draws_without_panic() {
    let mut h = harness();
    h.app.update(Action::GoTo(Tab::Sheet));
    for (w, ht) in [
        (1, 1),
        (2, 3),
        (20, 5),
        (59, 15),
        (60, 16),
        (61, 17),
        (70, 20),
        (250, 80),
    ] {
        h.render(w, ht);
        h.press("i");
        h.render(w, ht);
        h.press("<esc>");
    }
}

#[test]
fn an_empty_data_folder_gets_a_kind_sheet_and_tips() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Sheet));
    let screen = h.screen(100, 30);
    assert!(screen.contains("No stories yet"), "{screen}");
    assert!(screen.contains("Tips"), "{screen}");
    h.press("p");
    assert!(h.status().contains("No stories yet"), "{}", h.status());
}

#[test]
fn a_damaged_sheet_file_is_named_and_never_saved_over() {
    let h = harness();
    let bad = "pinned = [\"fall\"]\nintro = \"unclosed\n";
    fs::write(h.dir.path().join("sheet.toml"), bad).unwrap();
    let mut h = h.restart();
    let (config, _) = Config::load(&h.dir.path().join("config.toml"));
    h.app.apply_config(&config);
    h.app.update(Action::GoTo(Tab::Sheet));
    let screen = h.screen(120, 40);
    assert!(
        screen.contains("sheet.toml"),
        "the tip names the file: {screen}"
    );
    h.press("p");
    assert!(h.status().starts_with("Not saved"), "{}", h.status());
    h.press("i").type_text("I'm a CNA.").press("<esc>");
    assert_eq!(
        fs::read_to_string(h.dir.path().join("sheet.toml")).unwrap(),
        bad
    );
}

/// Without a name the sheet's preview says where to give one: the set-up (p on Home), which asks
/// for it, not a key in a file the user has never opened. Given there, it heads the sheet.
#[test]
fn without_a_name_the_sheet_sends_the_user_to_the_set_up_which_puts_it_on_top() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Sheet));
    let s = h.screen(160, 50);
    assert!(s.contains("to put your name here, press p on Home"), "{s}");
    assert!(!s.contains("config.toml"), "{s}");
    h.app.update(Action::GoTo(Tab::Home));
    h.press("p");
    // Roles, date, setting and background keep what they have; the fifth step asks the name.
    h.press("<enter><enter><enter><enter>");
    assert!(h.screen(80, 24).contains("What is your name?"));
    h.type_text("Maria López")
        .press("<enter><enter><enter><enter>");
    assert!(!h.app.panel_open(), "saved and closed");
    h.app.update(Action::GoTo(Tab::Sheet));
    let s = h.screen(160, 50);
    assert!(s.contains("Maria López"), "{s}");
    assert!(!s.contains("to put your name here"), "{s}");
}

/// The set-up (p on Home) asks for certifications, so the tip for a sheet without any points there,
/// not to the config file.
#[test]
fn without_certifications_the_tip_points_to_the_profile() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Sheet));
    let s = h.screen(160, 50);
    assert!(s.contains("No certifications listed"), "{s}");
    assert!(!s.contains("`certifications` in the"), "{s}");
    assert!(s.contains("(p on Home)"), "{s}");
}

/// Before any story is written, the stories box holds a note on what to do; at 80×24 it is all
/// there, not cut after its first line.
#[test]
fn with_no_stories_the_note_is_whole_at_80_by_24() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Sheet));
    let s = h.screen(80, 24);
    let note: String = s
        .lines()
        .filter_map(|l| l.split('│').nth(1))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        note.contains(
            "No stories yet. Write 4 to 6 on the Stories screen; the best ones come here."
        ),
        "{s}"
    );
}

/// "Undone in the introduction… Ctrl-Y redoes it" stayed on screen while the user typed their own
/// introduction and after Esc, when Ctrl-Y no longer applied.
#[test]
fn the_undo_message_goes_when_the_user_types_their_own() {
    let mut h = harness();
    h.app.update(Action::GoTo(Tab::Sheet));
    h.press("i<c-a><c-z>");
    assert!(
        h.status().starts_with("Undone in the introduction"),
        "{}",
        h.status()
    );
    h.type_text("I'm a PTA.");
    assert_eq!(h.status(), "");
    h.press("<c-z>");
    assert!(
        h.status().starts_with("Undone in the introduction"),
        "{}",
        h.status()
    );
    h.press("<esc>");
    assert!(!h.status().contains("Ctrl-Y"), "{}", h.status());
}

/// A user walk: the starter's blanks had to be found and erased letter by letter. The first blank
/// is selected when the starter goes in, so typing fills it; Tab selects the next, Shift-Tab the
/// one before, and the footer says so while a blank is left.
#[test]
fn tab_selects_each_blank_of_the_starter_so_typing_fills_it() {
    let mut h = harness();
    h.app.update(Action::GoTo(Tab::Sheet));
    h.press("i<c-a>");
    let text = |h: &mut Harness| {
        h.advance_ms(1000);
        h.file("sheet.toml").unwrap()
    };
    let first = text(&mut h);
    assert!(first.contains("[where you work now]"), "{first}");
    assert!(h.screen(100, 30).contains("Tab next blank"));
    h.type_text("Sunny Acres");
    let after = text(&mut h);
    let blanks = |s: &str| {
        let intro = s.lines().find(|l| l.starts_with("intro = ")).unwrap();
        intro.matches('[').count()
    };
    assert_eq!(blanks(&after), blanks(&first) - 1, "{after}");
    h.press("<tab>");
    h.type_text("six years");
    let after = text(&mut h);
    assert_eq!(blanks(&after), blanks(&first) - 2, "{after}");
    assert!(after.contains("six years"), "{after}");
    // Shift-Tab goes back: the blank before the cursor, wrapping round to the last.
    h.press("<s-tab>");
    h.type_text("Z");
    let after = text(&mut h);
    assert_eq!(blanks(&after), blanks(&first) - 3, "{after}");
    // Tab until none is left: then the footer no longer offers it, and Tab changes nothing.
    let mut presses = 0;
    while h.screen(100, 30).contains("Tab next blank") && presses < 20 {
        h.press("<tab>");
        h.type_text("q");
        presses += 1;
    }
    let done = text(&mut h);
    assert_eq!(blanks(&done), 0, "{done}");
    assert_eq!(presses, blanks(&first) - 3, "one Tab a blank");
    h.press("<tab>");
    assert_eq!(text(&mut h), done);
}

/// A walk typed into its introduction, pressed Ctrl-A for the starter the footer had offered, and
/// typed on: Ctrl-A, the editor's "to the line's start", had sent the new words to the front.
/// With words in the box, Ctrl-A says the starter is for an empty one and moves nothing.
#[test]
fn ctrl_a_in_an_introduction_with_words_moves_nothing() {
    let mut h = harness();
    h.app.update(Action::GoTo(Tab::Sheet));
    h.press("i");
    h.type_text("I just graduated from the PTA program.");
    h.press("<c-a>");
    assert!(
        h.status().contains("only into an empty introduction"),
        "{}",
        h.status()
    );
    h.type_text(" I want to grow here.");
    h.advance_ms(1000);
    let file = h.file("sheet.toml").unwrap();
    assert!(
        file.contains("I just graduated from the PTA program. I want to grow here."),
        "{file}"
    );
}

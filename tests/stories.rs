//! The Stories screen as a user meets it: writing by keys, autosave, editing, deleting, filtering,
//! unreadable files, failed saves, quitting, coverage, and snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::AUTOSAVE_DELAY;
use clinicprep::app::{Action, Tab};
use clinicprep::domain::stories::{Story, StoryId, file};
use common::{Harness, buffer_text, find};
use proptest::prelude::*;
use ratatui::style::Modifier;
use std::fs;
use std::path::{Path, PathBuf};

/// A hand-written story, as a user might have saved it.
const DESK: &str = include_str!("fixtures/desk_story.toml");

const FALL: &str = r#"title = "A patient who nearly fell"
situation = "A patient stood up too fast after exercise."
action = "I steadied him with the gait belt and called the PT."
tags = ["safety"]
created = 2026-11-22T08:00:00Z
updated = 2026-11-22T08:15:00Z
"#;

/// A data dir holding the given story files, with the app open on the Stories screen.
fn with_files(files: &[(&str, &str)]) -> Harness {
    let dir = tempfile::tempdir().expect("temp dir");
    let stories = dir.path().join("stories");
    fs::create_dir(&stories).unwrap();
    for (name, text) in files {
        fs::write(stories.join(name), text).unwrap();
    }
    let mut h = Harness::in_dir(dir);
    h.app.update(Action::GoTo(Tab::Stories));
    h
}

fn on_stories() -> Harness {
    with_files(&[])
}

fn stories_dir(h: &Harness) -> PathBuf {
    h.dir.path().join("stories")
}

/// The story files on disk, by name.
fn files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Reads the one story file in the stories folder.
fn only_story(h: &Harness) -> Story {
    let dir = stories_dir(h);
    let names = files(&dir);
    assert_eq!(names.len(), 1, "{names:?}");
    let text = fs::read_to_string(dir.join(&names[0])).unwrap();
    let id = StoryId::from_stem(names[0].trim_end_matches(".toml")).unwrap();
    file::from_str(&text, id, None).expect("the saved file parses")
}

fn screen(h: &mut Harness, w: u16, ht: u16) -> String {
    let dir = h.dir.path().display().to_string();
    h.screen(w, ht).replace(&dir, "[DATA]")
}

/// The story open in the editor, as typed so far.
fn editor(h: &Harness) -> &Story {
    h.app.open_story().expect("the editor is open")
}

/// The label of the editor field with focus: the one drawn in a box of its own.
fn field(h: &mut Harness) -> &'static str {
    let s = h.screen(120, 40);
    [
        "Title",
        "Situation",
        "Task",
        "Action",
        "Result",
        "Tags",
        "Questions",
        "Cue",
    ]
    .into_iter()
    .find(|f| s.contains(&format!("┌ {f} ")))
    .unwrap_or_else(|| panic!("no field has focus: {s}"))
}

/// The titles the list shows, top to bottom.
fn listed(h: &mut Harness) -> Vec<String> {
    // Rows of the list only: they are inside its border, the status line is not.
    let s: String = h
        .screen(120, 30)
        .lines()
        .filter(|l| l.starts_with('│'))
        .collect();
    let titles = ["Covering the front desk", "A patient who nearly fell"];
    let mut found: Vec<(usize, String)> = titles
        .iter()
        .filter_map(|t| s.find(t).map(|at| (at, t.to_string())))
        .collect();
    found.sort();
    found.into_iter().map(|(_, t)| t).collect()
}

#[test]
fn empty_list_explains_star_stories_and_the_key_to_start() {
    let mut h = on_stories();
    let s = screen(&mut h, 80, 24);
    assert!(s.contains("No stories yet"), "{s}");
    assert!(s.contains("Situation") && s.contains("Result"));
    assert!(s.contains("Press n to write your first story"));
}

#[test]
fn a_story_typed_by_keys_is_on_disk_within_a_second_of_the_first_keystroke() {
    let mut h = on_stories();
    h.press("n");
    assert!(h.app.open_story().is_some(), "the editor opened");
    assert_eq!(field(&mut h), "Title", "a new story starts in the title");
    assert!(h.app.typing());
    h.type_text("Café rush 🙂");
    let delay = AUTOSAVE_DELAY.num_milliseconds();
    assert!(delay < 1000, "saved within a second of the first keystroke");
    h.advance_ms(delay - 1);
    assert!(files(&stories_dir(&h)).is_empty(), "not yet");
    assert_eq!(
        h.app.next_deadline(),
        Some(common::fixed_now() + AUTOSAVE_DELAY),
        "the event loop is told when to wake"
    );
    h.advance_ms(1);
    assert_eq!(h.app.next_deadline(), None, "nothing left to save");
    assert_eq!(only_story(&h).title, "Café rush 🙂");
    assert_eq!(files(&stories_dir(&h)), ["2026-11-23-cafe-rush.toml"]);

    h.press("<tab>");
    assert_eq!(field(&mut h), "Situation");
    let situation = "Très occupé ce lundi — 患者さん were waiting 🙂\nI had two patients at once.";
    h.type_text(situation);
    h.advance_ms(1000);
    let saved = only_story(&h);
    assert_eq!(saved.situation, situation);
    assert_eq!(
        saved.title, "Café rush 🙂",
        "the same file, not a second one"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = stories_dir(&h).join("2026-11-23-cafe-rush.toml");
        let mode = fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "story files are private");
    }
}

#[test]
fn changing_field_and_leaving_the_editor_save_at_once() {
    let mut h = on_stories();
    h.press("n").type_text("Short title").press("<tab>");
    assert_eq!(only_story(&h).title, "Short title", "saved on Tab");
    h.type_text("Busy day");
    h.press("<esc>");
    assert_eq!(only_story(&h).situation, "Busy day", "saved on Esc");
    assert!(h.app.open_story().is_none(), "back to the list");
    let s = screen(&mut h, 80, 24);
    assert!(s.contains("Short title"), "{s}");
    assert!(s.contains("S · · ·"), "meter shows only the Situation: {s}");
    assert!(s.contains("just now"));
}

#[test]
fn a_new_story_left_empty_makes_no_file() {
    let mut h = on_stories();
    h.press("n<tab><tab><esc>");
    h.advance_ms(5000);
    assert!(files(&stories_dir(&h)).is_empty());
    assert!(screen(&mut h, 80, 24).contains("No stories yet"));
}

#[test]
fn keys_that_mean_something_in_the_list_are_typed_while_editing() {
    let mut h = on_stories();
    h.press("n");
    h.type_text("quit? no: d, u, s, c, n and / are letters");
    assert!(!h.app.should_quit());
    assert_eq!(h.app.tab(), Tab::Stories);
    assert_eq!(
        editor(&h).title,
        "quit? no: d, u, s, c, n and / are letters"
    );
    h.press("<tab><tab>");
    assert_eq!(h.app.tab(), Tab::Stories, "Tab moves between fields");
    assert_eq!(field(&mut h), "Task");
    h.press("<s-tab>");
    assert_eq!(field(&mut h), "Situation");
}

#[test]
fn editing_a_hand_written_story_keeps_its_other_fields() {
    let mut h = with_files(&[("desk.toml", DESK)]);
    assert!(screen(&mut h, 100, 30).contains("Covering the front desk"));
    h.press("<enter>");
    h.press("<tab><tab><end>");
    h.type_text(" Two therapists were waiting.");
    h.press("<c-s>");
    let s = only_story(&h);
    assert_eq!(
        s.task,
        "Check patients in without delaying their therapy. Two therapists were waiting."
    );
    assert_eq!(s.tags, ["admin-organization", "teamwork"]);
    assert!(s.action.starts_with("I took over check-in"));
    assert_eq!(s.created.unwrap().to_rfc3339(), "2026-11-09T10:00:00+00:00");
    assert!(h.app.status().unwrap().text.contains("Saved"));
}

#[test]
fn delete_moves_the_file_to_the_trash_and_u_brings_it_back_unchanged() {
    let mut h = with_files(&[("desk.toml", DESK), ("fall.toml", FALL)]);
    // Newest first: the fall story was changed last.
    let s = screen(&mut h, 120, 30);
    assert!(s.contains("› A patient who nearly fell"), "{s}");
    h.press("d");
    assert_eq!(files(&stories_dir(&h)), ["desk.toml"]);
    let trash = h.dir.path().join("trash");
    assert_eq!(files(&trash).len(), 1);
    assert_eq!(listed(&mut h), ["Covering the front desk"]);
    // The status line wraps to a second row rather than cutting the message: read it as one.
    let s = screen(&mut h, 120, 30);
    let squashed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        squashed.contains("press u to undo. The file is in [DATA]/trash/"),
        "{s}"
    );
    h.press("u");
    assert_eq!(files(&stories_dir(&h)), ["desk.toml", "fall.toml"]);
    assert_eq!(
        fs::read_to_string(stories_dir(&h).join("fall.toml")).unwrap(),
        FALL
    );
    assert!(files(&trash).is_empty());
    assert!(screen(&mut h, 120, 30).contains("nearly fell"));
    h.press("u");
    assert!(screen(&mut h, 120, 30).contains("Nothing to undo"));
}

#[test]
fn filter_narrows_by_words_or_tag_and_esc_clears_it() {
    let mut h = with_files(&[("desk.toml", DESK), ("fall.toml", FALL)]);
    h.press("/");
    assert!(h.app.typing(), "the filter box takes typing");
    h.type_text("gait");
    assert_eq!(listed(&mut h), ["A patient who nearly fell"]);
    h.press("<enter>");
    assert!(!h.app.typing());
    let s = screen(&mut h, 100, 30);
    assert!(
        s.contains("nearly fell") && !s.contains("front desk"),
        "{s}"
    );
    assert!(s.contains("1 of 2"), "{s}");
    h.press("<esc>");
    assert_eq!(listed(&mut h).len(), 2);
    h.press("/").type_text("#teamwork");
    assert_eq!(listed(&mut h), ["Covering the front desk"]);
    h.press("<esc>");
    assert!(!h.app.typing());
    assert_eq!(listed(&mut h).len(), 2);
}

#[test]
fn s_switches_between_newest_first_and_by_title() {
    let mut h = with_files(&[("desk.toml", DESK), ("fall.toml", FALL)]);
    let first = |h: &mut Harness| listed(h)[0].clone();
    assert_eq!(first(&mut h), "A patient who nearly fell");
    h.press("s");
    assert_eq!(first(&mut h), "A patient who nearly fell", "A before C");
    assert!(screen(&mut h, 100, 30).contains("by title"));
    h.press("s");
    assert!(screen(&mut h, 100, 30).contains("newest first"));
    let s = screen(&mut h, 100, 30);
    let fell = s.find("nearly fell").unwrap();
    let desk = s.find("front desk").unwrap();
    assert!(fell < desk, "the fall was changed last");
    assert!(s.contains("yesterday") && s.contains("Nov 10, 2026"), "{s}");
}

#[test]
fn an_unreadable_file_is_listed_with_path_and_line_and_never_touched() {
    let broken = "title = \"Half written\nsituation = \"oops\"\n";
    let mut h = with_files(&[("broken.toml", broken), ("desk.toml", DESK)]);
    let bad = h.app.data().stories_folder().bad.clone();
    assert_eq!(bad.len(), 1);
    let line = bad[0].line.expect("a parse error has a line");
    let s = screen(&mut h, 120, 30);
    assert!(
        s.contains(&format!("[DATA]/stories/broken.toml line {line}:")),
        "{s}"
    );
    assert!(s.contains("left exactly as it is"), "{s}");
    // The parser's wording is put in plain words, as `clinicprep check` says it.
    assert!(
        s.contains("text in quotes is not") && s.contains("closing quote"),
        "{s}"
    );
    assert!(!s.contains("invalid basic string"), "{s}");
    assert!(
        s.contains("Covering the front desk"),
        "the other stories work"
    );
    // Edit the good story and quit: the broken file keeps every byte.
    h.press("<enter><tab>").type_text("x").press("<esc><c-c>");
    assert!(h.app.should_quit());
    assert_eq!(
        fs::read(stories_dir(&h).join("broken.toml")).unwrap(),
        broken.as_bytes()
    );
}

#[test]
fn an_outside_edit_is_never_overwritten_and_the_user_is_told_where_the_text_went() {
    let mut h = with_files(&[("desk.toml", DESK)]);
    h.press("<enter><tab>").type_text(" Mine.");
    let theirs = DESK.replace("busy Monday", "quiet Tuesday");
    fs::write(stories_dir(&h).join("desk.toml"), &theirs).unwrap();
    h.press("<c-s>");
    assert_eq!(
        fs::read_to_string(stories_dir(&h).join("desk.toml")).unwrap(),
        theirs
    );
    let names = files(&stories_dir(&h));
    let copy = names
        .iter()
        .find(|n| n.starts_with("desk.conflict-"))
        .expect("a conflict copy");
    let status = h.app.status().cloned().unwrap().text;
    assert!(status.contains("changed outside clinicprep"), "{status}");
    assert!(status.contains(copy.as_str()), "{status}");
    let text = fs::read_to_string(stories_dir(&h).join(copy)).unwrap();
    assert!(text.contains("busy Monday.\n Mine."), "{text}");
}

#[test]
fn a_failed_save_shows_the_error_keeps_the_text_and_retries() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    // The stories folder's path is taken by a regular file, so no story can be written.
    let blocker = stories_dir(&h);
    fs::write(&blocker, "not a folder").unwrap();
    h.press("n").type_text("Précieux 🙂");
    h.advance_ms(1000);
    let s = screen(&mut h, 120, 30);
    assert!(s.contains("Not saved"), "{s}");
    assert!(s.contains("[DATA]/stories"), "the path is shown: {s}");
    assert!(
        s.contains("Your text is kept in memory and saving is retried"),
        "{s}"
    );
    assert_eq!(editor(&h).title, "Précieux 🙂");
    // Esc does not throw the text away while it is unsaved.
    h.press("<esc>");
    assert!(h.app.open_story().is_some(), "still in the editor");
    // The folder is fixed: the next try (a second later) saves.
    fs::remove_file(&blocker).unwrap();
    let delay = AUTOSAVE_DELAY.num_milliseconds();
    h.advance_ms(delay / 2);
    assert!(files(&blocker).is_empty(), "retries are spaced out");
    h.advance_ms(delay);
    assert_eq!(only_story(&h).title, "Précieux 🙂");
    let s = screen(&mut h, 120, 30);
    assert!(!s.contains("Not saved"), "{s}");
    assert!(s.contains("saved just now"), "{s}");
}

#[test]
fn an_unreadable_stories_folder_is_explained_and_n_tries_again() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("stories");
    fs::write(&blocker, "not a folder").unwrap();
    let mut h = Harness::in_dir(dir);
    h.app.update(Action::GoTo(Tab::Stories));
    let s = screen(&mut h, 100, 30);
    assert!(s.contains("Your stories folder could not be read"), "{s}");
    assert!(s.contains("[DATA]/stories"), "{s}");
    h.press("n");
    assert!(h.app.open_story().is_none(), "the editor stays shut");
    assert!(screen(&mut h, 100, 30).contains("Stories cannot be written"));
    fs::remove_file(&blocker).unwrap();
    h.press("n");
    assert!(h.app.open_story().is_some(), "fixed: n works now");
}

#[test]
fn quitting_with_unsaved_text_asks_first_and_rescues_a_copy() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    fs::write(stories_dir(&h), "not a folder").unwrap();
    h.press("n").type_text("Do not lose me");
    h.press("<c-c>");
    assert!(!h.app.should_quit(), "asks instead of quitting");
    let s = screen(&mut h, 100, 30);
    assert!(s.contains("Quit anyway?"), "{s}");
    h.press("n");
    assert!(!screen(&mut h, 100, 30).contains("Quit anyway?") && !h.app.should_quit());
    assert_eq!(editor(&h).title, "Do not lose me");
    h.press("<c-c>y");
    assert!(h.app.should_quit());
    let note = h
        .app
        .exit_note()
        .map(str::to_string)
        .expect("says where the copy went");
    let path = note.rsplit(' ').next().unwrap();
    let copy = fs::read_to_string(path).unwrap();
    fs::remove_file(path).unwrap();
    assert!(copy.contains("title = \"Do not lose me\""), "{copy}");
}

#[test]
fn sigterm_right_after_typing_saves_everything() {
    let mut h = on_stories();
    h.press("n").type_text("Signal").press("<tab>");
    h.type_text("Typed just before the signal é🙂");
    // The event loop calls this when SIGTERM or SIGHUP arrives; no clock advance, no autosave yet.
    h.app.shutdown();
    assert!(h.app.should_quit());
    assert!(h.app.exit_note().is_none());
    assert_eq!(only_story(&h).situation, "Typed just before the signal é🙂");
}

#[test]
fn q_on_the_list_saves_nothing_twice_and_quits() {
    let mut h = with_files(&[("desk.toml", DESK)]);
    h.press("q");
    assert!(h.app.should_quit());
    assert_eq!(
        fs::read_to_string(stories_dir(&h).join("desk.toml")).unwrap(),
        DESK
    );
}

#[test]
fn undo_and_redo_work_in_a_field_a_word_at_a_time() {
    let mut h = on_stories();
    h.press("n").type_text("abc def");
    h.press("<c-z>");
    assert_eq!(editor(&h).title, "abc ", "one Ctrl-Z takes back a word");
    h.press("<c-z>");
    assert_eq!(editor(&h).title, "");
    h.press("<c-y>");
    assert_eq!(editor(&h).title, "abc ");
    h.press("<c-left>").type_text("X");
    assert_eq!(editor(&h).title, "Xabc ", "Ctrl-← moves back a word");
    h.press("<end>").type_text("!");
    assert_eq!(editor(&h).title, "Xabc !");
}

#[test]
fn a_short_sentence_is_undone_a_word_a_press_and_a_paste_in_one() {
    let mut h = on_stories();
    h.press("n<tab><tab><tab>");
    h.type_text("We moved the mat.");
    h.paste(" Then I cleaned it, twice.");
    h.press("<c-z>");
    assert_eq!(
        editor(&h).action,
        "We moved the mat.",
        "the paste goes in one step"
    );
    let mut presses = 0;
    while !editor(&h).action.is_empty() {
        h.press("<c-z>");
        presses += 1;
        assert!(presses < 10, "{:?}", editor(&h).action);
    }
    assert_eq!(presses, 4, "a word a press, not 17 characters");
}

#[test]
fn paste_keeps_newlines_only_in_multi_line_fields_and_strips_escapes() {
    let mut h = on_stories();
    h.press("n");
    h.paste("Two\nlines\u{1b}[31m");
    assert_eq!(editor(&h).title, "Two lines[31m");
    h.press("<tab>");
    h.paste("One\r\nTwo é🙂");
    assert_eq!(editor(&h).situation, "One\nTwo é🙂");
}

#[test]
fn the_cursor_is_drawn_after_wide_characters() {
    let mut h = on_stories();
    h.press("n").type_text("日本🙂");
    let buf = h.render(80, 24);
    let (bx, by) = find(&buf, "┌ Title").expect("the title box");
    let (x, y) = (bx + 1, by + 1);
    assert_eq!(buf[(x, y)].symbol(), "日");
    let cursor = |buf: &ratatui::buffer::Buffer| {
        (1..buf.area.height)
            .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
            .find(|&(x, y)| {
                buf[(x, y)]
                    .style()
                    .add_modifier
                    .contains(Modifier::REVERSED)
            })
    };
    assert_eq!(
        cursor(&buf),
        Some((x + 6, y)),
        "after three double-width characters"
    );
    h.press("<left>");
    let buf = h.render(80, 24);
    assert_eq!(cursor(&buf), Some((x + 4, y)), "on the emoji");
}

#[test]
fn tag_suggestions_complete_competencies_and_free_text_works_too() {
    let mut h = on_stories();
    h.press("n")
        .type_text("Tags")
        .press("<tab><tab><tab><tab><tab>");
    assert_eq!(field(&mut h), "Tags");
    h.type_text("tea");
    assert!(screen(&mut h, 100, 30).contains("teamwork  (Teamwork · core)"));
    h.press("<enter>");
    h.type_text("my own tag, pat");
    h.press("<enter>");
    assert_eq!(editor(&h).tags, ["teamwork", "my own tag", "patient-care"]);
    assert_eq!(field(&mut h), "Tags", "Enter added, focus stays");
    h.press("<enter>");
    assert_eq!(
        field(&mut h),
        "Questions",
        "Enter with nothing to add moves on"
    );
    h.press("<esc>");
    assert_eq!(
        only_story(&h).tags,
        ["teamwork", "my own tag", "patient-care"]
    );
}

#[test]
fn questions_are_linked_and_unlinked_from_a_search_list() {
    let mut h = on_stories();
    // Shift-Tab from the Title wraps to the last field, the Cue, then to Questions.
    h.press("n").type_text("Links").press("<s-tab>");
    assert_eq!(field(&mut h), "Cue");
    h.press("<s-tab>");
    assert_eq!(field(&mut h), "Questions");
    h.type_text("upset");
    let s = screen(&mut h, 100, 30);
    assert!(s.contains("[ ] Tell me about a time"), "{s}");
    h.press("<enter>");
    let linked = editor(&h).questions.clone();
    assert_eq!(linked.len(), 1);
    assert!(screen(&mut h, 100, 30).contains("[x] Tell me about a time"));
    h.press("<esc>");
    assert_eq!(only_story(&h).questions, linked);
    h.press("<enter><s-tab><s-tab>");
    h.press("<enter>");
    assert!(editor(&h).questions.is_empty(), "Enter again unlinks");
}

#[test]
fn the_questions_a_story_likely_answers_are_listed_first() {
    let story = r#"title = "The resident who refused therapy"
situation = "At my nursing home, Mrs. K had a new hip and refused to go to therapy every morning."
action = "I sat with her and asked what scared her. She was afraid of falling again, so I walked beside her with a gait belt."
result = "She went to 12 of her next 14 sessions."
created = 2026-11-22T08:00:00Z
updated = 2026-11-22T08:15:00Z
"#;
    let mut h = with_files(&[("2026-11-22-refused.toml", story)]);
    h.press("<enter><s-tab><s-tab>");
    assert_eq!(field(&mut h), "Questions");
    // At 80×24 the list takes the room (the story a line a part, the coaching two lines), and
    // the question the title names comes first.
    let s = screen(&mut h, 80, 24);
    assert!(s.contains("shown, likeliest first"), "{s}");
    let listed: Vec<&str> = s.lines().filter_map(|l| l.split("[ ] ").nth(1)).collect();
    assert!(listed.len() >= 5, "{s}");
    assert!(
        listed[0].starts_with("A patient refuses to do the session"),
        "{listed:#?}"
    );
    assert!(listed.iter().any(|q| q.contains("falling")), "{listed:#?}");
    // A tall window keeps the story whole beside the list.
    let s = screen(&mut h, 160, 50);
    assert!(s.contains("with a gait belt."), "{s}");
}

#[test]
fn insights_beside_the_editor_update_as_you_type() {
    let mut h = on_stories();
    h.press("n").type_text("Coached").press("<tab>");
    let s = screen(&mut h, 120, 40);
    assert!(s.contains("Coaching"), "{s}");
    assert!(s.contains("Start with the Situation"), "{s}");
    h.press("<tab><tab>")
        .type_text("We moved the chairs and we called the nurse.");
    let s = screen(&mut h, 120, 40);
    assert!(s.contains("“We” 2× and “I” 0×"), "{s}");
    assert!(s.contains("Result is empty"), "{s}");
    // Warnings are drawn in the theme's warning style.
    let buf = h.render(120, 40);
    let (x, y) = find(&buf, "! “We” 2×").unwrap();
    assert_eq!(
        buf[(x + 2, y)].style().fg,
        clinicprep::app::Theme::COLOR.warn.fg
    );
}

#[test]
fn coverage_shows_the_grid_the_gaps_and_questions_without_a_story() {
    let mut h = with_files(&[("desk.toml", DESK), ("fall.toml", FALL)]);
    h.press("c");
    let s = screen(&mut h, 120, 60);
    assert!(s.contains("No story shows Problem solving yet"), "{s}");
    let teamwork = s.lines().find(|l| l.starts_with("│Teamwork *")).unwrap();
    assert_eq!(teamwork.matches('●').count(), 1, "{teamwork}");
    let safety = s.lines().find(|l| l.starts_with("│Safety")).unwrap();
    assert_eq!(safety.matches('●').count(), 1, "{safety}");
    assert!(s.contains("Gaps a new story could fill"), "{s}");
    h.press("<esc>");
    assert!(!screen(&mut h, 120, 60).contains("Coverage: the skills"));
}

#[test]
fn f1_shows_the_editor_keys_and_esc_goes_back_to_typing() {
    let mut h = on_stories();
    h.press("n<f1>");
    assert!(h.app.help_open());
    let s = screen(&mut h, 120, 50);
    for text in ["next field", "save now", "undo typing", "move by word"] {
        assert!(s.contains(text), "help lacks {text}: {s}");
    }
    h.press("<esc>");
    assert!(!h.app.help_open() && h.app.typing());
}

#[test]
fn snapshots_of_list_editor_and_coverage() {
    let broken = "title = \"Half written\nsituation = \"oops\"\n";
    let mut h = with_files(&[
        ("desk.toml", DESK),
        ("fall.toml", FALL),
        ("broken.toml", broken),
    ]);
    for (w, ht) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("list_{w}x{ht}"), screen(&mut h, w, ht));
    }
    // The desk story, with the Action focused and its coaching beside or below it.
    h.press("j<enter><tab><tab><tab>");
    for (w, ht) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("editor_{w}x{ht}"), screen(&mut h, w, ht));
    }
    h.press("<esc>c");
    for (w, ht) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("coverage_{w}x{ht}"), screen(&mut h, w, ht));
    }
}

#[test]
fn snapshots_of_the_coaching_panel_on_a_story_that_needs_work() {
    let mut h = on_stories();
    h.press("n").type_text("Moving day").press("<tab>");
    h.type_text("We basically had to move the whole gym to another floor, and I think it was kind of a mess because nobody knew where the equipment should go.");
    h.press("<tab>").type_text("Help the team move.");
    h.press("<tab>")
        .type_text("We packed the weights. We labelled the boxes. We would carry them up.");
    h.press("<tab>")
        .type_text("It went well and everyone was happy.");
    for (w, ht) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("insights_{w}x{ht}"), screen(&mut h, w, ht));
    }
    // The focused field is the one drawn with the focus border.
    let buf = h.render(120, 40);
    let (x, y) = find(&buf, "┌ Result").unwrap();
    assert_eq!(
        buf[(x, y)].style().fg,
        clinicprep::app::Theme::COLOR.focus_border.fg
    );
}

/// The rows of the bordered box titled `title`, read cell by cell as a user sees them (a wide
/// character's second cell is skipped).
fn rows_in_box(buf: &ratatui::buffer::Buffer, title: &str) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let (left, top) = find(buf, &format!("┌ {title}")).expect("the focused box");
    let right = (left + 1..buf.area.width)
        .find(|&x| buf[(x, top)].symbol() == "┐")
        .expect("the box's right corner");
    let mut rows = Vec::new();
    for y in top + 1..buf.area.height {
        if buf[(left, y)].symbol() == "└" {
            break;
        }
        let mut row = String::new();
        let mut x = left + 1;
        while x < right {
            let symbol = buf[(x, y)].symbol();
            row.push_str(symbol);
            x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
        }
        rows.push(row);
    }
    rows
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The editor's drawing and wrapping have fast paths for ASCII (see
    /// vendor/ratatui-textarea/PATCHES.md); a long paragraph that mixes ASCII with accents,
    /// curly quotes, combining marks, CJK and emoji must still show all its text, in order,
    /// never split a word across rows, and never start a row with the space after a word.
    /// (Chinese and Japanese may break between any two characters, as they do in print.)
    #[test]
    fn a_long_paragraph_wraps_word_by_word_and_shows_every_word(
        words in prop::collection::vec(
            prop::sample::select(vec![
                "I", "walked", "the", "patient", "to", "parallel", "bars.", "I’m", "don't",
                "café", "re\u{301}sume\u{301}", "日本語", "🙂", "3.5", "e.g.", "“gait", "belt”",
                "ROM,", "x", "well-being",
            ]),
            60..160,
        ),
        width in 60u16..=140,
    ) {
        let text = words.join(" ");
        let mut h = on_stories();
        h.press("n<tab><tab><tab>");
        h.paste(&text);
        let buf = h.render(width, 60);
        let rows = rows_in_box(&buf, "Action");
        for row in rows.iter().skip(1).filter(|r| !r.trim().is_empty()) {
            prop_assert!(!row.starts_with(' '), "a row starts with a space: {:?}", row);
        }
        let rows: Vec<Vec<&str>> = rows.iter().map(|r| r.split_whitespace().collect()).collect();
        let shown: Vec<&str> = rows.iter().flatten().copied().collect();
        prop_assert_eq!(shown.concat(), words.concat(), "all the text, in order");
        let cjk = |w: &str| w.chars().all(|c| ('\u{3040}'..='\u{9fff}').contains(&c));
        for w in shown.iter().filter(|w| !cjk(w)) {
            prop_assert!(words.contains(w), "{:?} is a word cut in two", w);
        }
        prop_assert!(rows.iter().filter(|r| !r.is_empty()).count() >= 2, "long enough to wrap");
    }

    #[test]
    fn typed_text_is_exactly_what_the_field_holds(text in "[a-zA-Z0-9 é日本🙂,.'\n]{0,60}") {
        let mut h = on_stories();
        h.press("n<tab>");
        h.type_text(&text);
        prop_assert_eq!(&editor(&h).situation, &text);
    }

    #[test]
    fn the_editor_draws_at_any_size_without_panic(w in 1u16..=200, ht in 1u16..=60, field in 0usize..7) {
        let mut h = with_files(&[("desk.toml", DESK)]);
        h.press("<enter>");
        for _ in 0..field {
            h.press("<tab>");
        }
        let buf = h.render(w, ht);
        prop_assert!(!buffer_text(&buf).is_empty());
        h.press("c");
    }
}

#[test]
fn the_coaching_panel_beside_the_editor_keeps_the_time_target_whole() {
    for (w, ht) in [(100, 30), (120, 40), (160, 50)] {
        let mut h = Harness::new();
        h.press("<s-tab><s-tab>n");
        h.type_text("Steadying a patient");
        h.press("<tab>");
        // Over a hundred words, so the panel's first line is at its longest.
        h.type_text(
            &"During a busy Monday in the rehab gym, an older patient began to fall. ".repeat(8),
        );
        let s = h.screen(w, ht);
        assert!(s.contains("target 90–120 s"), "{w}x{ht}:\n{s}");
    }
}

/// A message about the empty list ("no story to edit yet: press n") is gone once n opens the
/// editor: it would contradict the story being written under it.
#[test]
fn opening_the_editor_clears_a_message_about_the_list() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("<enter>");
    assert!(h.status().contains("no story to edit"), "{}", h.status());
    h.press("n");
    assert!(h.app.open_story().is_some());
    assert_eq!(h.status(), "", "the old message is cleared");
    assert!(!h.screen(80, 24).contains("no story to edit"));
}

/// The footer offers Enter and `d` only while the list shows a story for them to act on: with no
/// stories, or a filter that matches none, they leave it (and Enter still says what to do).
#[test]
fn the_footer_offers_edit_and_delete_only_with_a_story_to_act_on() {
    let footer = |h: &mut Harness| {
        let s = h.screen(100, 24);
        s.lines().last().unwrap_or_default().to_string()
    };
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    let empty = footer(&mut h);
    assert!(empty.contains("n new"), "{empty}");
    assert!(
        !empty.contains("Enter edit") && !empty.contains("d delete"),
        "{empty}"
    );
    h.press("<enter>");
    assert!(h.status().contains("no story to edit"), "{}", h.status());
    h.press("n");
    h.type_text("Steadying a patient");
    h.press("<esc>");
    let one = footer(&mut h);
    assert!(
        one.contains("Enter edit") && one.contains("d delete"),
        "{one}"
    );
    // A filter that matches nothing leaves nothing to act on.
    h.press("/");
    h.type_text("zzzz");
    h.press("<enter>");
    let none = footer(&mut h);
    assert!(!none.contains("Enter edit"), "{none}");
    h.press("<esc>");
    assert!(footer(&mut h).contains("Enter edit"));
}

/// A folder whose only story cannot be read does not greet the user with "No stories yet": their
/// story is there, only unreadable. The file and what to fix come first, then the STAR basics.
#[test]
fn with_only_an_unreadable_story_the_list_says_none_can_be_shown_and_why_first() {
    let mut h = with_files(&[("broken.toml", "title = \"Half written\n")]);
    let s = screen(&mut h, 80, 24);
    assert!(!s.contains("No stories yet"), "{s}");
    assert!(s.contains("No stories to show."), "{s}");
    let why = s.find("could not be read").expect("the problem is named");
    let star = s.find("A STAR story is").expect("the basics still follow");
    assert!(why < star, "{s}");
    for (w, hgt) in [(1, 1), (2, 3), (20, 5)] {
        screen(&mut h, w, hgt);
    }
}

/// The coach hears which skills a story shows from its words, says so beside it, and offers those
/// skills first in Tags with the words that suggested them; a skill tagged is no longer suggested.
#[test]
fn the_skills_a_story_shows_are_suggested_as_tags_until_tagged() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n");
    h.type_text("Afraid to walk");
    h.press("<tab>");
    h.type_text("A resident was scared of falling after a hip fracture.");
    h.press("<tab><tab>");
    h.type_text("I showed her the gait belt and how I would guard her on every step.");
    let s = h.screen(160, 50);
    assert!(s.contains("Sounds like Safety"), "{s}");
    assert!(s.contains("add them in Tags"), "{s}");
    // In Tags, the skills heard come first, each with the words that suggested it.
    h.press("<tab><tab>");
    let s = h.screen(160, 50);
    let safety = s
        .find("safety  (Safety) · in your story: falling, gait belt")
        .expect(&s);
    let teamwork = s.find("teamwork  (Teamwork").expect(&s);
    assert!(safety < teamwork, "heard first:\n{s}");
    // ↓ and Enter add it; then the coaching no longer asks for it.
    h.press("<down><enter>");
    let story = h.app.open_story().expect("the editor is open");
    assert_eq!(story.tags, ["safety"]);
    let s = h.screen(160, 50);
    assert!(!s.contains("Sounds like Safety"), "{s}");
}

/// Coverage says when a story already shows a skill no story is tagged with: the gap needs a tag,
/// not a new story. Once tagged, the line is gone and the grid counts it.
#[test]
fn coverage_points_to_a_story_that_shows_an_untagged_skill() {
    let untagged = "title = \"Afraid to walk\"\n\
        situation = \"A resident was scared of falling.\"\n\
        action = \"I showed her the gait belt and how I would guard her.\"\n\
        created = 2026-11-22T08:00:00Z\nupdated = 2026-11-22T08:15:00Z\n";
    let mut h = with_files(&[("afraid.toml", untagged)]);
    h.press("c");
    let s = h.screen(120, 40);
    assert!(
        s.contains("“Afraid to walk” sounds like Safety and Empathy: add the tags “safety” and"),
        "{s}"
    );
    // The general line for a core skill gives way to the one naming the story that shows it.
    let care = untagged.replace("A resident was", "A resident doing her exercises was");
    let mut h = with_files(&[("afraid.toml", &care)]);
    h.press("c");
    let s = h.screen(120, 40);
    assert!(
        s.contains("sounds like Safety, Patient care and Empathy"),
        "{s}"
    );
    assert!(!s.contains("No story shows Patient care yet"), "{s}");
    assert!(s.contains("No story shows Teamwork yet"), "{s}");
    let tagged = untagged.replace("created", "tags = [\"safety\"]\ncreated");
    let mut h = with_files(&[("afraid.toml", &tagged)]);
    h.press("c");
    let s = h.screen(120, 40);
    assert!(!s.contains("sounds like Safety"), "{s}");
}

/// A user walk: Enter linked a question, which moved to the top of the list while the highlight
/// stayed on its row, so a second Enter linked another question. The highlight follows it, and a
/// second Enter unlinks the same one.
#[test]
fn enter_twice_in_the_question_list_links_and_unlinks_the_same_question() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n").type_text("A busy Monday");
    h.press("<tab><tab><tab><tab><tab><tab>");
    h.press("<down><down><down><enter>");
    let first = h.status();
    assert!(first.starts_with("Linked “"), "{first}");
    h.press("<enter>");
    let second = h.status();
    assert_eq!(
        second.replacen("Unlinked", "Linked", 1),
        first,
        "the same question: {second}"
    );
    assert!(h.app.open_story().unwrap().questions.is_empty());
}

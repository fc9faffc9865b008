//! The Stories screen's points from issue #21, each at the sizes a user meets (80×24, 120×40, 200×50,
//! 60×16): file names, coverage from linked questions, writing a story for a gap, linking, the preview
//! beside the list, the editor laid out as a form, and `u` in the footer after a delete.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use common::Harness;
use std::fs;

const SIZES: [(u16, u16); 4] = [(80, 24), (120, 40), (200, 50), (60, 16)];

const DESK: &str = include_str!("fixtures/desk_story.toml");

fn with_desk() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("stories")).unwrap();
    fs::write(dir.path().join("stories/desk.toml"), DESK).unwrap();
    let mut h = Harness::in_dir(dir);
    h.app.update(Action::GoTo(Tab::Stories));
    h
}

fn story_files(h: &Harness) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(h.dir.path().join("stories"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn footer(h: &mut Harness, w: u16, ht: u16) -> String {
    h.screen(w, ht).lines().last().unwrap_or("").to_string()
}

#[test]
fn a_long_title_makes_a_file_name_cut_after_a_whole_word() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n")
        .type_text("Helping a resident who refused therapy with a gait belt")
        .press("<tab>");
    assert_eq!(
        story_files(&h),
        ["2026-11-23-helping-a-resident-who-refused-therapy.toml"]
    );
}

#[test]
fn a_linked_questions_competencies_count_in_coverage() {
    let mut h = with_desk();
    h.press("c");
    let row = |h: &mut Harness| {
        h.screen(120, 60)
            .lines()
            .find(|l| l.starts_with("│Problem solving *"))
            .unwrap()
            .to_string()
    };
    assert!(row(&mut h).contains("none yet"));
    // Link the desk story to "a patient who was upset", which probes problem solving.
    h.press("<esc><enter><s-tab><s-tab>")
        .type_text("upset or angry")
        .press("<enter><esc>");
    h.press("c");
    let r = row(&mut h);
    assert_eq!(r.matches('●').count(), 1, "{r}");
}

#[test]
fn enter_on_a_gap_in_coverage_starts_a_story_for_it() {
    let mut h = with_desk();
    h.press("c");
    assert!(h.screen(80, 24).contains("Press ↓ to choose a gap"));
    h.press("<enter>");
    assert!(h.app.open_story().is_none(), "nothing chosen yet");
    assert!(h.status().contains("Press ↓ to choose a gap first"));
    // The first gaps are the core skills no story shows; the questions follow.
    h.press("<down>");
    let s = h.screen(80, 24);
    assert!(
        s.contains("Problem solving (core skill)"),
        "the chosen gap is in sight: {s}"
    );
    h.press("<enter>");
    let story = h.app.open_story().expect("a new story");
    assert_eq!(story.tags, ["problem-solving"]);
    assert!(
        h.status()
            .starts_with("New story, tagged “problem-solving”")
    );
    h.press("<esc>");
    assert_eq!(story_files(&h), ["desk.toml"], "nothing typed, no file");

    let gaps = |h: &mut Harness| -> usize {
        let s = h.screen(200, 120);
        let needle = "Gaps a new story could fill (";
        let at = s.find(needle).expect("gaps listed") + needle.len();
        s[at..].split(')').next().unwrap().parse().unwrap()
    };
    h.press("c");
    let before = gaps(&mut h);
    h.press("<down><down><down>");
    h.press("<enter>");
    let story = h.app.open_story().expect("a new story");
    assert_eq!(story.questions.len(), 1);
    let q = story.questions[0].clone();
    assert!(
        h.status().contains("linked to “Tell me about a time"),
        "{}",
        h.status()
    );
    h.type_text("A new story").press("<esc>");
    let saved = fs::read_to_string(h.dir.path().join("stories/2026-11-23-a-new-story.toml"))
        .expect("saved");
    assert!(saved.contains(&format!("questions = [\"{q}\"]")), "{saved}");
    // Now that question is no gap (nor, maybe, a skill it probes).
    h.press("c");
    assert!(gaps(&mut h) < before);
    let lib = clinicprep::domain::content::Library::builtin();
    let text = &lib.question(&q).expect("in the bank").text;
    let s = h.screen(200, 120);
    assert!(!s.contains(&format!("• {text}")), "{s}");
    assert_eq!(
        s.matches("│• ").count(),
        gaps(&mut h),
        "every gap is listed: {s}"
    );
}

#[test]
fn linking_says_linked_and_unlinked_and_checks_the_linked_ones() {
    let mut h = with_desk();
    h.press("<enter><s-tab><s-tab>").type_text("upset or angry");
    h.press("<enter>");
    assert!(
        h.status()
            .starts_with("Linked “Tell me about a time you dealt with"),
        "{}",
        h.status()
    );
    for (w, ht) in SIZES {
        let s = h.screen(w, ht);
        if ht >= 24 {
            assert!(s.contains("[x] Tell me"), "{w}x{ht}: {s}");
        }
    }
    h.press("<enter>");
    assert!(
        h.status().starts_with("Unlinked “Tell me about a time"),
        "{}",
        h.status()
    );
    assert!(h.screen(120, 40).contains("[ ] Tell me"));
    assert!(h.app.open_story().unwrap().questions.is_empty());
}

#[test]
fn the_list_shows_the_selected_story_and_its_coaching_beside_it_when_there_is_room() {
    let mut h = with_desk();
    for (w, ht) in SIZES {
        let s = h.screen(w, ht);
        let beside = w >= 110;
        assert_eq!(s.contains("Selected story"), beside, "{w}x{ht}: {s}");
        if beside {
            assert!(
                s.contains("I called the two late patients"),
                "{w}x{ht}: {s}"
            );
            assert!(s.contains("Coaching"), "{w}x{ht}: {s}");
            assert!(
                s.contains("Result has a measurable outcome"),
                "{w}x{ht}: {s}"
            );
        }
    }
}

#[test]
fn the_editor_is_a_form_that_shows_every_part_of_the_story() {
    let mut h = with_desk();
    h.press("<enter>");
    // The title has focus: a box of one line, not the whole height.
    let s = h.screen(120, 40);
    let title_box = s.lines().position(|l| l.starts_with("┌ Title")).unwrap();
    assert!(
        s.lines().nth(title_box + 2).unwrap().starts_with("└"),
        "{s}"
    );
    for text in [
        "The receptionist called in sick on a busy Monday.",
        "Check patients in without delaying their therapy.",
        "I called the two late patients to reschedule.",
        "Every patient was seen within 10 minutes of their time.",
    ] {
        assert!(s.contains(text), "every part shows in full at 120x40: {s}");
    }
    // The Action focused: the others still show, each with as much text as fits.
    h.press("<tab><tab><tab>");
    for (w, ht) in SIZES {
        let s = h.screen(w, ht);
        assert!(s.contains("┌ Action"), "{w}x{ht}: {s}");
        if ht >= 24 {
            assert!(
                s.contains(" Title     Covering the front desk"),
                "{w}x{ht}: {s}"
            );
            for label in [" Situation ", " Task ", " Result "] {
                assert!(s.contains(label), "{w}x{ht} lacks {label}: {s}");
            }
        }
    }
    let s = h.screen(200, 50);
    assert!(
        s.contains("I took over check-in, kept the sign-in sheet in order"),
        "{s}"
    );
}

#[test]
fn after_a_delete_the_footer_shows_u_to_undo_it() {
    let mut h = with_desk();
    for (w, ht) in [(80, 24), (120, 40), (200, 50)] {
        assert!(!footer(&mut h, w, ht).contains("u undo"), "{w}x{ht}");
    }
    h.press("d");
    for (w, ht) in [(80, 24), (120, 40), (200, 50)] {
        assert!(footer(&mut h, w, ht).contains("u undo"), "{w}x{ht}");
    }
    h.press("u");
    assert_eq!(story_files(&h), ["desk.toml"]);
    assert!(!footer(&mut h, 120, 40).contains("u undo"));
}

#[test]
fn enter_on_a_gap_a_story_already_shows_opens_that_story_to_add_the_tag() {
    let dir = tempfile::tempdir().unwrap();
    common::data::story_with(
        dir.path(),
        "2026-11-20-busy-shift",
        "Busy shift",
        &["time-management"],
        common::data::NO_QUESTIONS,
        [
            "It was a short-staffed Saturday.",
            "Get everyone up for therapy.",
            "I covered for a coworker and asked my teammate to take the front hall.",
            "Everyone was ready on time.",
        ],
    );
    let mut h = Harness::in_dir(dir);
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("c<down>");
    let s = h.screen(120, 40);
    assert!(
        s.contains("Teamwork (core skill): “Busy shift” shows it; Enter opens it to add the tag"),
        "{s}"
    );
    h.press("<enter>");
    let open = h.app.open_story().expect("the story opens");
    assert_eq!(open.title, "Busy shift");
    assert!(
        h.status().contains("Enter adds the tag “teamwork”"),
        "{}",
        h.status()
    );
    h.press("<enter><esc>");
    let file = fs::read_to_string(h.dir.path().join("stories/2026-11-20-busy-shift.toml")).unwrap();
    assert!(
        file.contains("tags = [\"time-management\", \"teamwork\"]"),
        "{file}"
    );
    // The gap is filled: coverage no longer lists it.
    h.press("c");
    assert!(!h.screen(120, 40).contains("Teamwork (core skill)"));
}

/// Two user walks at 80×24 and 60×16 read "+ 12 more lines: make the window taller or wider" under
/// the coaching and could not see the rest. F2 shows it whole over the form, to scroll; F2 or Esc
/// goes back to the story where it was, and nothing typed meanwhile reaches the text.
#[test]
fn f2_shows_all_the_coaching_whole_and_goes_back_to_the_story() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Stories));
    h.press("n").type_text("Busy Monday");
    h.press("<tab>");
    h.type_text(
        "Basically we were short staffed and we kind of just had to help each other, and I \
         would say it was a very busy day at the clinic for everyone on the team that week.",
    );
    let s = h.screen(80, 24);
    assert!(s.contains("F2 shows all the coaching"), "{s}");
    h.press("<f2>");
    let s = h.screen(80, 24);
    assert!(s.contains("All the coaching"), "{s}");
    assert!(
        !s.contains("Title     Busy Monday"),
        "the form is covered: {s}"
    );
    // All of it fits at 80×24; at 60×16 it scrolls.
    assert!(s.contains("Cut filler words"), "{s}");
    let top = h.screen(60, 16);
    h.press("<pgdn>");
    let below = h.screen(60, 16);
    assert_ne!(below, top, "it scrolls");
    assert!(
        below.contains("sounds fluent"),
        "down to the last line: {below}"
    );
    // Many Downs past the end, then Up moves within a press or two (a regression walk needed 27).
    for _ in 0..30 {
        h.press("<down>");
    }
    let bottom = h.screen(60, 16);
    h.press("<up><up>");
    assert_ne!(h.screen(60, 16), bottom, "Up answers at once");
    h.press("x");
    h.press("<esc>");
    let s = h.screen(80, 24);
    assert!(!s.contains("All the coaching"), "{s}");
    let story = h.app.open_story().expect("still editing");
    assert!(
        story.situation.ends_with("that week."),
        "{}",
        story.situation
    );
    h.press("<f2>");
    h.press("<f2>");
    assert!(
        !h.screen(80, 24).contains("All the coaching"),
        "F2 toggles back"
    );
    for (w, hgt) in [(1, 1), (20, 5), (60, 16), (200, 60)] {
        h.press("<f2>");
        let _ = h.screen(w, hgt);
        h.press("<f2>");
    }
}

//! The Practice screen's mock interview driven by keys over a temporary data dir, with a fake clock:
//! answering out loud, the timer, rating, follow-ups, the close and the guards on the schedule.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use chrono::Duration;
use clinicprep::app::{Action, Tab};
use clinicprep::domain::content::{Id, QuestionKind, Trigger};
use clinicprep::domain::practice::{Grade, ROUNDS_FILE, RoundLog};
use clinicprep::domain::schedule::Grade as ReviewGrade;
use clinicprep::kit::Level;
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

fn kind_shown(h: &mut Harness) -> QuestionKind {
    let id = shown_question(h);
    h.app.data().library().question(&id).unwrap().kind()
}

fn log(h: &Harness) -> RoundLog {
    RoundLog::load(h.dir.path()).expect("round log loads")
}

fn reviews_today(h: &Harness) -> u32 {
    let store = h.app.data().reviews().expect("review store open");
    store.reviewed_on(store.today(h.app.now()))
}

/// Answers the question on screen out loud for `secs` and ticks every box: no follow-up comes.
fn answer_well(h: &mut Harness, secs: i64) {
    let kind = kind_shown(h);
    if kind == QuestionKind::Closer {
        h.press("<space><enter>34<enter>");
        return;
    }
    // A direct or knowledge answer's window is 45–75 s: a story's length runs over it.
    let secs = match kind {
        QuestionKind::Direct | QuestionKind::Knowledge => secs.min(60),
        _ => secs,
    };
    h.advance(secs);
    h.press("<space>");
    let s = h.screen(100, 40);
    assert!(s.contains("Rate your answer"), "{s}");
    for (n, line) in ["1 [", "2 [", "3 [", "4 ["].iter().enumerate() {
        let ticked = s.lines().any(|l| l.contains(&format!("{line}x]")));
        if !ticked {
            h.press(&(n + 1).to_string());
        }
    }
    h.press("<enter>");
}

#[test]
fn a_whole_interview_out_loud_opens_asks_closes_and_summarises() {
    let mut h = practice();
    h.press("<enter>");
    let s = h.screen(80, 24);
    assert!(s.contains("Question 1 of 5 · Opener"), "{s}");
    assert!(s.contains("I'm Dana"), "the interviewer greets you: {s}");
    assert!(
        s.contains("00:00 / 01:30"),
        "an opener wants about a minute: {s}"
    );
    h.advance(60);
    assert!(h.screen(80, 24).contains("01:00 / 01:30"));
    answer_well(&mut h, 0);
    for i in 2..=4 {
        assert!(h.screen(80, 24).contains(&format!("Question {i} of 5")));
        let kind = kind_shown(&mut h);
        assert!(
            matches!(
                kind,
                QuestionKind::Star | QuestionKind::Direct | QuestionKind::Knowledge
            ),
            "{kind:?}"
        );
        answer_well(&mut h, 95);
    }
    let s = h.screen(80, 24);
    assert!(s.contains("Question 5 of 5 · Your questions"), "{s}");
    assert!(s.contains("Do you have any questions for us?"), "{s}");
    answer_well(&mut h, 0);
    let s = h.screen(80, 24);
    assert!(s.contains("Interview complete"), "{s}");
    assert!(s.contains("Thanks so much for coming in"), "goodbye: {s}");
    assert!(
        s.contains("5 answers · average 01:09 · 4 of 4 in time"),
        "the close is not timed: {s}"
    );

    let saved = log(&h);
    assert_eq!(saved.round.len(), 1, "the same round grew, not five rounds");
    let r = &saved.round[0];
    let kinds: Vec<QuestionKind> = r.answer.iter().map(|a| a.rubric.kind).collect();
    assert_eq!(kinds[0], QuestionKind::Opener);
    assert_eq!(kinds[4], QuestionKind::Closer);
    assert!(r.answer.iter().all(|a| a.grade == Grade::Easy), "{r:?}");
    assert_eq!(r.answer[4].asked, [Id::new("ask-training")]);
    assert_eq!(
        r.interviewer.as_ref().unwrap().as_str(),
        "persona-outpatient-manager"
    );
    assert!(h.app.data().pending_grades().is_empty());
    assert_eq!(reviews_today(&h), 5, "every answer became a review");
    h.press("<enter>");
    assert!(h.screen(80, 24).contains("1 round so far"));
}

#[test]
fn a_follow_up_probes_what_the_answer_lacked_and_is_kept_with_it() {
    let mut h = practice();
    h.press("<enter>");
    h.advance(60);
    // Where I am now and a strength, but not why this job.
    h.press("<space>12<enter>");
    let s = h.screen(80, 24);
    assert!(s.contains("Follow-up · question 1 of 5"), "{s}");
    assert!(s.contains("Dana follows up:"), "{s}");
    assert!(s.contains("never said why this job"), "{s}");
    h.advance(20);
    h.press("<space>");
    assert!(h.screen(80, 24).contains("Question 2 of 5"));
    let a = &log(&h).round[0].answer[0];
    let f = a.follow_up.as_ref().expect("the follow-up is saved");
    assert_eq!((f.trigger, f.seconds), (Trigger::NoWhyRole, 20));
    assert_eq!(a.grade, Grade::Good, "the follow-up changes no grade");
    assert_eq!(reviews_today(&h), 1);
}

#[test]
fn a_one_sentence_follow_up_has_a_one_sentence_target() {
    let mut h = practice();
    h.press("<enter>");
    h.advance(60);
    // A strength and why this job, but not where I am now: the interviewer asks for one sentence.
    h.press("<space>23<enter>");
    let s = h.screen(80, 24);
    assert!(s.contains("sum yourself up in one sentence"), "{s}");
    assert!(
        s.contains("/ 00:20"),
        "a 20-second target, not the usual minute: {s}"
    );
}

#[test]
fn an_answer_under_ten_seconds_asks_did_you_answer_before_any_grade() {
    let mut h = practice();
    h.press("<enter>");
    h.advance(2);
    h.press("<space>");
    let s = h.screen(80, 24);
    assert!(
        s.contains("Did you answer?") && s.contains("only 2 seconds"),
        "{s}"
    );
    h.press("<enter><space>");
    assert!(
        h.screen(80, 24).contains("Did you answer?"),
        "Enter and Space do not say yes"
    );
    assert!(
        !h.dir.path().join(ROUNDS_FILE).exists(),
        "nothing stored yet"
    );
    h.press("n");
    let s = h.screen(80, 24);
    assert!(
        s.contains("Question 1 of 5") && s.contains("00:00 / 01:30"),
        "{s}"
    );
    h.advance(3);
    h.press("<space>y");
    let s = h.screen(80, 24);
    assert!(
        s.contains("[ ] Kept to the target time"),
        "never pre-ticked: {s}"
    );
    h.press("123");
    assert!(h.screen(80, 24).contains("3 of 4 ticked → Good"));
    // Two-second answers all the way, ticking every box: not one is stored as Easy.
    for _ in 0..40 {
        let s = h.screen(100, 40);
        if s.contains("Interview complete") {
            break;
        } else if s.contains("Rate your answer") {
            h.press("1234<enter>");
        } else if s.contains("Did you answer?") {
            h.press("y");
        } else if s.contains("Your questions") {
            h.press("<space><enter>");
        } else {
            h.advance(2);
            h.press("<space>");
        }
    }
    assert!(h.screen(80, 24).contains("Interview complete"));
    let r = &log(&h).round[0];
    assert!(!r.answer.is_empty());
    for a in r.timed() {
        assert!(a.grade < Grade::Easy, "{a:?}");
    }
}

#[test]
fn esc_leaves_a_question_without_grading_it_from_the_answer_or_the_rubric() {
    let mut h = practice();
    h.press("<enter>");
    h.advance(30);
    h.press("<esc>");
    let s = h.screen(80, 24);
    assert!(
        s.contains("Paused") && s.contains("nothing is graded"),
        "{s}"
    );
    h.advance(40);
    h.press("<esc>");
    assert!(
        h.screen(80, 24).contains("00:30 / 01:30"),
        "paused meanwhile"
    );
    h.press("<esc>n");
    assert!(h.screen(80, 24).contains("Question 2 of 5"));
    h.advance(40);
    h.press("<space>");
    assert!(h.screen(80, 24).contains("Rate your answer"));
    h.press("1<esc>");
    assert!(
        h.screen(80, 24).contains("Paused"),
        "Esc on the rubric pauses"
    );
    h.press("n");
    assert!(h.screen(80, 24).contains("Question 3 of 5"));
    let r = &log(&h).round[0];
    assert!(r.answer.is_empty(), "no grade stored");
    let skipped: Vec<u32> = r.skipped.iter().map(|s| s.seconds).collect();
    assert_eq!(skipped, [30, 40]);
    assert_eq!(reviews_today(&h), 0, "nothing reached the cards");
    h.press("<esc>x");
    let s = h.screen(80, 24);
    assert!(
        s.contains("Interview complete") && s.contains("2 skipped"),
        "{s}"
    );
}

#[test]
fn ending_at_once_saves_nothing() {
    let mut h = practice();
    h.press("<enter><esc>x");
    assert!(h.screen(80, 24).contains("Practice: a mock interview"));
    assert!(!h.dir.path().join(ROUNDS_FILE).exists());
}

#[test]
fn the_timer_pauses_while_help_or_hints_are_open_or_another_screen_shows() {
    let mut h = practice();
    h.press("<enter>");
    h.advance(10);
    h.press("?");
    h.advance(0);
    h.advance(30);
    assert!(h.screen(80, 24).contains("close help") || h.app.help_open());
    h.press("?");
    h.advance(0);
    assert!(h.screen(80, 24).contains("00:10 / 01:30"), "help paused it");
    h.press("h");
    h.advance(25);
    assert!(h.screen(80, 24).contains("timer paused"));
    h.press("h");
    assert!(
        h.screen(80, 24).contains("00:10 / 01:30"),
        "hints paused it"
    );
    h.advance(5);
    h.app.update(Action::GoTo(Tab::Home));
    h.advance(0);
    h.advance(100);
    h.app.update(Action::GoTo(Tab::Practice));
    h.advance(0);
    assert!(
        h.screen(80, 24).contains("00:15 / 01:30"),
        "another screen paused it"
    );
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
    h.advance(20);
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
    // An opener's window is 60–90 s: before it, half a minute in is not yet "on time".
    h.advance(30);
    assert_eq!(timer_colour(&mut h, "00:30 /"), Color::Magenta);
    assert!(h.screen(80, 24).contains("keep going"));
    h.advance(35);
    assert_eq!(timer_colour(&mut h, "01:05 /"), Color::Green);
    assert!(h.screen(80, 24).contains("on time"));
    h.advance(15);
    assert_eq!(timer_colour(&mut h, "01:20 /"), Color::Yellow);
    assert!(h.screen(80, 24).contains("time to give your result"));
    h.advance(11);
    assert_eq!(timer_colour(&mut h, "01:31 /"), Color::Red);
    assert!(h.screen(80, 24).contains("over your target"));
}

#[test]
fn setup_keys_change_each_setting_and_h_means_nothing_there() {
    let mut h = practice();
    h.press("h");
    assert_eq!(
        h.status(),
        "That key does nothing here. Press ? to see the keys that work."
    );
    assert!(
        h.screen(80, 24).contains("‹ Any role ›"),
        "h no longer changes the role"
    );
    h.press("<right>"); // first role
    let role = h.app.data().library().roles[0].id.clone();
    h.press("<down><right>"); // second interviewer for it
    h.press("<down><right><right><right>"); // 8 questions
    h.press("<down><right>"); // typing
    h.press("<down><left><left>"); // 1:30
    let s = h.screen(80, 24);
    assert!(
        s.contains("‹ Marcus, rehab supervisor at a community hospital ›"),
        "{s}"
    );
    assert!(
        s.contains("‹ 8 questions ›") && s.contains("‹ Type (or paste) ›"),
        "{s}"
    );
    assert!(s.contains("‹ 01:30 per answer ›"), "{s}");
    h.press("<up><up><right><right><right>");
    assert!(
        h.screen(80, 24)
            .contains("‹ Full interview (about 20–30 minutes) ›")
    );
    h.press("<enter>");
    assert!(h.screen(80, 24).contains("Question 1 of 12"));
    let q = shown_question(&mut h);
    let roles = h.app.data().library().question(&q).unwrap().roles.clone();
    assert!(roles.is_empty() || roles.contains(&role), "{q}");
    h.type_text(
        "I have worked as a CNA for six years in a busy nursing home, and I want this job \
         because I love helping people get moving again after an injury.",
    );
    h.press("<c-s><enter><enter>");
    let r = &log(&h).round[0];
    assert_eq!((r.role.clone(), r.target_seconds), (Some(role), 90));
    assert_eq!(
        r.mode,
        Some(clinicprep::domain::practice::AnswerMode::Typing)
    );
    assert_eq!(
        r.interviewer.as_ref().unwrap().as_str(),
        "persona-hospital-supervisor"
    );
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
    h.advance(30);
    h.press("<space><enter>");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), junk);
    let s = h.screen(100, 30);
    assert!(s.contains("Not saved: "), "{s}");
    h.press("<esc>x");
    assert!(h.screen(100, 30).contains("NOT saved"));
    assert_eq!(reviews_today(&h), 1, "the grade still reaches the cards");
    // Quitting stops once to say where a copy of the round went (it used to drop it without a
    // word), then quits; the damaged file is still as it was.
    h.press("q");
    assert!(!h.app.should_quit());
    let copy = h.copy_folder();
    let kept = std::fs::read_to_string(copy.join(ROUNDS_FILE)).unwrap();
    assert!(kept.contains("[[round]]"), "{kept}");
    h.press("q");
    assert!(h.app.should_quit());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), junk);
    std::fs::remove_dir_all(copy).unwrap();
}

#[test]
fn weak_and_story_less_picks_say_why_they_were_chosen() {
    // Every question was graded Again ten days ago: none is likely to be recalled now.
    let dir = tempfile::tempdir().unwrap();
    let ids = common::data::question_ids();
    common::data::grade_all_at(
        dir.path(),
        &ids,
        ReviewGrade::Again,
        common::fixed_now() - Duration::days(10),
    );
    let mut h = Harness::in_dir(dir);
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("<enter>");
    let mut saw_both = false;
    for _ in 0..4 {
        let s = h.screen(120, 40);
        if s.contains("Picked because you rated it weak and no story answers it yet.") {
            saw_both = true;
        } else {
            assert!(s.contains("Picked because you rated it weak."), "{s}");
        }
        h.press("<esc>n");
    }
    assert!(saw_both, "a five-question interview has a story question");
}

#[test]
fn h_shows_the_linked_story_in_full_and_the_coaching_notes_scroll() {
    // A story linked to every question, written before the app starts: the first question has it.
    let dir = tempfile::tempdir().unwrap();
    let ids = common::data::question_ids();
    let long = "I checked every brake on every chair in the gym before the first patient came in, \
                and I wrote each one down on the log sheet by the door.";
    common::data::story_with(
        dir.path(),
        "brake",
        "The wheelchair \u{1b}[31mbrake",
        &[],
        &ids,
        [
            "Busy Monday at the clinic.",
            "Keep the gym safe.",
            long,
            "No falls that quarter.",
        ],
    );
    let mut h = Harness::in_dir(dir);
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("<enter>");
    assert!(!h.screen(80, 24).contains("The wheelchair"));
    h.press("h");
    let s = h.screen(80, 24);
    assert!(
        s.contains("Your story: The wheelchair [31mbrake"),
        "sanitized: {s}"
    );
    assert!(
        s.contains("log sheet by the door."),
        "never cut mid-word: {s}"
    );
    assert!(
        !s.contains("Pitfalls"),
        "at 80×24 the notes run past the panel"
    );
    for _ in 0..40 {
        h.press("<down>");
    }
    let s = h.screen(80, 24);
    assert!(s.contains("Pitfalls"), "scrolled to the end: {s}");
    h.press("<esc>");
    assert!(!h.screen(80, 24).contains("What they are looking for"));
}

/// A user who wrote a story about safety and teamwork but linked it to no question was told "No
/// story is linked to this question yet" under every story question. The hint now offers the
/// story that shows what the question asks about.
#[test]
fn h_offers_a_story_that_fits_a_story_question_no_story_is_linked_to() {
    let dir = tempfile::tempdir().unwrap();
    let lib = clinicprep::domain::content::Library::builtin();
    let every: Vec<&str> = lib.competencies.iter().map(|c| c.id.as_str()).collect();
    let no_questions: &[&str] = &[];
    common::data::story_with(
        dir.path(),
        "fall",
        "Mr. Peña's near-fall",
        &every,
        no_questions,
        [
            "A resident stood up too fast.",
            "Keep him safe.",
            "I steadied him with the gait belt and called the nurse.",
            "No fall, and the nurse added a chair alarm.",
        ],
    );
    let mut h = Harness::in_dir(dir);
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("<enter>");
    let mut star = false;
    for _ in 0..4 {
        if kind_shown(&mut h) == QuestionKind::Star {
            star = true;
            break;
        }
        answer_well(&mut h, 60);
    }
    assert!(star, "a five-question round asks a story question");
    h.press("h");
    let s = h.screen(100, 40);
    assert!(
        s.contains("No story is linked to this question yet, but this one shows"),
        "{s}"
    );
    assert!(s.contains("Your story: Mr. Peña's near-fall"), "{s}");
    assert!(s.contains("I steadied him with the gait belt"), "{s}");
}

#[test]
fn nothing_on_the_practice_screen_panics_at_any_stage_or_size() {
    let mut h = practice();
    let sizes = [(1, 1), (20, 5), (60, 16), (61, 17), (80, 24), (200, 60)];
    let keys = [
        "",
        "r",
        "<enter>",
        "<esc>",
        "<down><down><down><right><up><up><up>",
        "<enter>",
        "h",
        "<down>",
        "h",
        "typed words",
        "<c-s>",
        "y",
        "<enter>",
        "2",
        "<esc>",
        "<enter>",
        "<enter>",
        "<c-s>",
        "<esc>n",
        "<esc>x",
        "r",
        "<enter>",
        "<pgdn>",
        "<esc>",
        "<esc>",
    ];
    for k in keys {
        h.press(k);
        h.paste("a pasted\nline");
        h.advance(7);
        for (w, ht) in sizes {
            h.render(w, ht);
        }
    }
}

#[test]
fn kept_to_the_target_is_ticked_only_near_the_target_and_never_over_it() {
    // The opener's target is 01:30: 60–90 s is near it, as the coach judges a typed answer.
    for (secs, ticked) in [(40, false), (70, true), (100, false)] {
        let mut h = practice();
        h.press("<enter>");
        h.advance(secs);
        h.press("<space>");
        let s = h.screen(100, 40);
        let mark = if ticked { "[x]" } else { "[ ]" };
        assert!(
            s.contains(&format!("{mark} Kept to the target time")),
            "{secs} s: {s}"
        );
    }
}

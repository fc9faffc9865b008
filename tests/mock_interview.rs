//! The mock interview as a whole, by keys: typed and pasted answers with their analysis, the role
//! filter over every role, the close with starred questions, past rounds, Home's progress line, and
//! each stage's look at 80×24 and 160×50.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use clinicprep::domain::content::{Id, QuestionKind};
use clinicprep::domain::practice::{AnswerMode, ROUNDS_FILE, RoundLog};
use common::Harness;
use ratatui::style::Modifier;

fn practice() -> Harness {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Practice));
    h
}

/// A harness whose setup answers by typing.
fn typing() -> Harness {
    let mut h = practice();
    h.press("<down><down><down><right><up><up><up>");
    assert!(h.screen(80, 24).contains("‹ Type (or paste) ›"));
    h
}

fn log(h: &Harness) -> RoundLog {
    RoundLog::load(h.dir.path()).expect("round log loads")
}

const OPENER: &str = "I have worked as a CNA for six years in a busy nursing home. I am calm \
    and patient with residents, and I learned to listen before I help. I want this job because I \
    love seeing people walk again, and your clinic is where I want to grow.";

#[test]
fn a_typed_answer_gets_the_story_analysis_and_what_interview_warmup_shows() {
    let mut h = typing();
    h.press("<enter>");
    assert!(h.typing(), "the answer box takes the keys");
    let s = h.screen(80, 24);
    assert!(s.contains("Your answer · Ctrl-S when done"), "{s}");
    h.type_text(OPENER);
    h.type_text("\nUm, I use a gait belt for every transfer, um, and I check the brakes.");
    let s = h.screen(80, 24);
    assert!(s.contains("64 words · about 25 s spoken"), "{s}");
    h.press("<c-s>");
    let s = h.screen(80, 24);
    assert!(s.contains("Your typed answer"), "{s}");
    assert!(s.contains("64 words · about 25 s when spoken"), "{s}");
    assert!(s.contains("Talking points"), "{s}");
    assert!(
        s.contains("✓ your experience") && s.contains("✓ why this role"),
        "{s}"
    );
    assert!(
        s.contains("Job words used   Certified nursing assistant (CNA) 1× · Gait belt 1× ·"),
        "{s}"
    );
    assert!(s.contains("Most-used words"), "{s}");
    assert!(s.contains("Cut filler words"), "{s}");
    h.press("<enter>");
    let s = h.screen(80, 24);
    assert!(s.contains("About 00:25 when spoken"), "{s}");
    assert!(
        s.contains("[x] Spoke from who I am now"),
        "pre-ticked from the text: {s}"
    );
    assert!(s.contains("[x] Said why this job, here"), "{s}");
    h.press("<enter>");
    let r = &log(&h).round[0];
    assert_eq!(r.mode, Some(AnswerMode::Typing));
    let typed = r.answer[0].typed.as_deref().expect("the text is saved");
    assert!(typed.starts_with("I have worked as a CNA") && typed.contains("\nUm, I use"));
    assert_eq!(
        r.answer[0].seconds, 25,
        "the coach's spoken estimate (to 5 s), not the typing time"
    );
}

#[test]
fn a_pasted_transcript_is_analyzed_and_a_short_one_asks_did_you_answer() {
    let mut h = typing();
    h.press("<enter>");
    h.paste("Yes.");
    h.press("<c-s>");
    let s = h.screen(80, 24);
    assert!(
        s.contains("Did you answer?")
            && s.contains("Your answer is 1 word: under 5 seconds when spoken."),
        "a word is not 'about 0 seconds': {s}"
    );
    // Typed, so no key was pressed too soon: it is only short, and n goes back to add to it.
    assert!(s.contains("Said out loud, that would be very short"), "{s}");
    assert!(!s.contains("pressed too soon"), "{s}");
    assert!(s.contains("n  no, add to it"), "{s}");
    assert!(
        s.lines().last().unwrap_or("").contains("n no, add to it"),
        "the footer says the same: {s}"
    );
    h.press("n");
    assert!(h.typing(), "back in the box");
    assert!(h.screen(80, 24).contains("Yes."), "the text is kept");
    h.paste(&format!(" {OPENER}"));
    h.press("<c-s>");
    assert!(h.screen(80, 24).contains("Your typed answer"));
}

/// A typed round answered up to its first story question, with a story typed that has no ending
/// (not yet sent).
fn a_story_without_an_ending() -> Harness {
    let mut h = typing();
    h.press("<enter>");
    h.type_text(OPENER);
    h.press("<c-s><enter><enter>");
    // Answer until a story question comes, then type one with no ending.
    for _ in 0..4 {
        if h.screen(100, 40).contains("Story question") {
            break;
        }
        h.press("<esc>n");
    }
    assert!(h.screen(100, 40).contains("Story question"));
    h.type_text(
        "At the nursing home a resident was upset about her lunch tray and shouting. I listened \
         to her, I said sorry, I checked her diet order with the nurse and I found the right tray.",
    );
    h
}

#[test]
fn a_story_typed_without_an_ending_is_followed_up() {
    let mut h = a_story_without_an_ending();
    h.press("<c-s>");
    let s = h.screen(100, 40);
    assert!(s.contains("No clear ending"), "{s}");
    h.press("<enter>");
    let s = h.screen(100, 40);
    assert!(s.contains("[ ] Gave a measurable result"), "{s}");
    h.press("1<enter>");
    let s = h.screen(100, 40);
    assert!(
        s.contains("follows up:") && s.contains("the story had no clear ending"),
        "{s}"
    );
    h.type_text("She ate the whole meal and thanked me.");
    h.press("<c-s>");
    // Before the next question, the coach says the follow-up gave what was missing.
    let s = h.screen(100, 40);
    assert!(
        s.contains("Follow-up saved. This time you said how it ended."),
        "{s}"
    );
    let round = &log(&h).round[0];
    let story = round
        .answer
        .iter()
        .find(|a| a.rubric.kind == QuestionKind::Star)
        .unwrap();
    let f = story.follow_up.as_ref().unwrap();
    assert_eq!(
        f.typed.as_deref(),
        Some("She ate the whole meal and thanked me.")
    );
    // Eight typed words are timed as spoken, as the main answer was, not by the typing clock.
    assert!(f.seconds <= 5, "{}", f.seconds);
}

#[test]
fn a_follow_up_that_still_lacks_an_ending_is_told_how_to_add_one() {
    let mut h = a_story_without_an_ending();
    h.press("<c-s><enter>1<enter>");
    assert!(h.screen(100, 40).contains("follows up:"));
    h.type_text("I listened to her again.");
    h.press("<c-s>");
    let s = h.screen(100, 40);
    assert!(
        s.contains("It still did not say how it ended: close with what changed"),
        "{s}"
    );
    // Looking back at the round, the follow-up's answer says what it still lacked.
    h.press("<esc>x");
    h.press("r<enter>");
    let s = h.screen(160, 50);
    assert!(
        s.contains("You answered: I listened to her again.")
            && s.contains("· still no clear ending"),
        "{s}"
    );
    let saved = h.file(ROUNDS_FILE).unwrap();
    assert!(saved.contains("filled = false"), "{saved}");
}

#[test]
fn esc_from_a_typed_answer_keeps_the_text_without_a_grade() {
    let mut h = typing();
    h.press("<enter>");
    h.type_text("Half an answer that I will finish later");
    h.press("<esc>");
    assert!(!h.typing(), "paused: keys are no longer text");
    h.press("n");
    let r = &log(&h).round[0];
    assert!(r.answer.is_empty());
    assert_eq!(
        r.skipped[0].typed.as_deref(),
        Some("Half an answer that I will finish later")
    );
}

#[test]
fn never_a_question_from_another_role_over_every_role() {
    let roles: Vec<Id> = clinicprep::domain::content::Library::builtin()
        .roles
        .iter()
        .map(|r| r.id.clone())
        .collect();
    for (i, role) in roles.iter().enumerate() {
        let mut h = practice();
        for _ in 0..=i {
            h.press("<right>");
        }
        h.press("<down><down>");
        for _ in 0..10 {
            h.press("<right>");
        }
        h.press("<enter>");
        assert!(h.screen(80, 24).contains("of 12"), "a full interview");
        assert_eq!(every_question_suits(&mut h, role), 12, "{role}");
    }
}

/// Skips through the interview on screen, checking each question is one for `role`; returns how
/// many were asked.
fn every_question_suits(h: &mut Harness, role: &Id) -> usize {
    let mut seen = 0;
    // Skipped questions are kept in the round, so skipping them all ends on its summary.
    while !h.screen(80, 24).contains("Interview complete") {
        let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let screen = squash(&h.screen(160, 50).replace('│', " "));
        let lib = h.app.data().library();
        let q = lib
            .questions
            .iter()
            .filter(|q| screen.contains(&squash(&q.text)))
            .max_by_key(|q| q.text.len())
            .unwrap_or_else(|| panic!("no question: {screen}"));
        assert!(
            q.roles.is_empty() || q.roles.contains(role),
            "{role} was asked {}",
            q.id
        );
        seen += 1;
        h.press("<esc>n");
        assert!(seen <= 12);
    }
    seen
}

#[test]
fn the_role_in_focus_comes_from_the_profile_and_the_interview_keeps_to_it() {
    let mut h = practice();
    let (config, problems) = clinicprep::domain::config::Config::from_text(
        "config.toml",
        "[profile]\nroles = [\"ota\"]\nsetting = \"school\"\nset_up = true\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    let s = h.screen(100, 30);
    assert!(s.contains("‹ Occupational therapy assistant ›"), "{s}");
    assert!(
        s.contains("‹ Priya, school-based"),
        "the setting's interviewer: {s}"
    );
    h.press("<enter>");
    assert!(h.screen(100, 30).contains("I'm Priya"), "she greets you");
    assert!(every_question_suits(&mut h, &Id::new("ota")) >= 3);
}

#[test]
fn the_close_offers_starred_questions_first_and_saves_the_ones_asked() {
    let mut h = Harness::with_file(
        "favourites.toml",
        "starred = [\"ask-success\", \"ask-team\"]\n",
    );
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("<down><down><left><left>"); // 3 questions
    h.press("<enter><esc>n<esc>n");
    let s = h.screen(80, 24);
    assert!(s.contains("Question 3 of 3 · Your questions"), "{s}");
    assert!(
        s.contains("▸ [ ] ★ How is the team set up"),
        "starred first: {s}"
    );
    assert!(!s.contains("have not starred"), "{s}");
    h.press("<enter>");
    assert!(h.screen(80, 24).contains("You chose no questions to ask."));
    h.press("n<down><space><enter>");
    let s = h.screen(80, 24);
    assert!(s.contains("[x] Asked at least one real question"), "{s}");
    h.press("<enter>");
    let r = &log(&h).round[0];
    assert_eq!(r.answer[0].asked, [Id::new("ask-success")]);
    assert!(h.screen(80, 24).contains("Interview complete"));
}

#[test]
fn past_rounds_show_every_answer_with_its_time_rubric_and_text() {
    let mut h = typing();
    h.press("<enter>");
    h.type_text(OPENER);
    h.press("<c-s><enter><enter><esc>x");
    assert!(h.screen(80, 24).contains("Interview complete"));
    h.press("r");
    let s = h.screen(80, 24);
    assert!(
        s.contains("Past rounds") && s.contains("▸ Nov 23, 9:00 AM"),
        "{s}"
    );
    h.press("<enter>");
    let s = h.screen(160, 50);
    // US English dates, as everywhere else: month before day, 12-hour time.
    assert!(s.contains("Round of Mon, Nov 23, 2026, 9:00 AM"), "{s}");
    assert!(s.contains("typed answers"), "{s}");
    assert!(s.contains("Opener · 00:20"), "{s}");
    assert!(s.contains("[x] Said why this job, here"), "{s}");
    assert!(s.contains("You typed: I have worked as a CNA"), "{s}");
    h.press("<esc><esc>");
    assert!(h.screen(80, 24).contains("Practice: a mock interview"));
    assert!(h.file(ROUNDS_FILE).unwrap().contains("typed = "));
}

#[test]
fn home_shows_progress_between_rounds() {
    let mut h = practice();
    for ticks in ["1", "123"] {
        h.press("<enter>");
        h.advance(40);
        h.press(&format!("<space>{ticks}<enter><esc>x<enter>"));
    }
    h.app.update(Action::GoTo(Tab::Home));
    let s = h.screen(160, 50);
    assert!(
        // 40 s is under three quarters of the target: "kept to the target time" is not ticked.
        s.contains("Practice: 75% of rubric boxes ticked last round, up from 25%."),
        "{s}"
    );
    // A panel too narrow for the sentence on one row gives it two, over the chart, and says
    // which round the grades are from.
    let s = h.screen(120, 40);
    assert!(
        s.contains("Practice: 75% of rubric") && s.contains("Last round: 1 Good"),
        "{s}"
    );
    assert!(h.screen(80, 24).contains("ticked 75% ↑"));
}

#[test]
fn every_stage_of_a_mock_interview_matches_its_snapshot() {
    let mut h = typing();
    let mut shots = Vec::new();
    let mut shoot = |h: &mut Harness, name: &str| {
        for (w, ht) in [(80, 24), (160, 50)] {
            shots.push((format!("mock_{name}_{w}x{ht}"), h.screen(w, ht)));
        }
    };
    h.press("<up><up><left>"); // back to speaking for the first answers
    h.press("<down><down>");
    shoot(&mut h, "setup");
    h.press("<enter>");
    h.advance(42);
    shoot(&mut h, "answer");
    h.press("h");
    shoot(&mut h, "hints");
    h.press("h<esc>");
    shoot(&mut h, "paused");
    h.press("<esc>");
    h.advance(20);
    h.press("<space>12");
    shoot(&mut h, "rate");
    h.press("<enter>");
    shoot(&mut h, "follow_up");
    h.advance(3);
    h.press("<space>");
    h.advance(4);
    h.press("<space>");
    shoot(&mut h, "did_you_answer");
    h.press("<esc>n<esc>n<esc>n");
    shoot(&mut h, "close");
    h.press("<space><enter><enter>");
    shoot(&mut h, "summary");
    h.press("r");
    shoot(&mut h, "history");
    h.press("<enter>");
    shoot(&mut h, "round");
    // Typing: the box, then the analysis.
    h.press("<esc><esc><down><down><down><right><up><up><up><enter>");
    h.type_text(OPENER);
    shoot(&mut h, "typing");
    h.press("<c-s>");
    shoot(&mut h, "analysis");
    for (name, screen) in shots {
        insta::assert_snapshot!(name, screen);
    }
}

#[test]
fn the_profile_setting_chooses_the_interviewer_and_words_per_minute_the_spoken_time() {
    let mut h = practice();
    let (config, problems) = clinicprep::domain::config::Config::from_text(
        "config.toml",
        "words_per_minute = 70\n[profile]\nsetting = \"school\"\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    let s = h.screen(100, 30);
    assert!(
        s.contains("‹ Priya, school-based occupational therapist"),
        "{s}"
    );
    // A PT aide is not interviewed by the school OT: the first interviewer for the role instead.
    h.press("<right>");
    assert!(h.screen(100, 30).contains("‹ Dana, clinic manager"));
    h.press("<down><down><down><right><up><up><up><left><enter>");
    h.type_text("one two three four five six seven eight nine ten");
    assert!(
        h.screen(100, 30).contains("10 words · about 10 s spoken"),
        "70 words a minute"
    );
}

#[test]
fn a_typed_answer_marks_its_phrases_with_why_and_a_rewrite() {
    let mut h = typing();
    h.press("<enter>");
    h.type_text(
        "I have worked as a CNA for six years. Um, I kind of think I am good with residents, \
         and I want this job because I love seeing people walk again.",
    );
    h.press("<c-s>");
    let s = h.screen(100, 40);
    assert!(s.contains("Marked phrases, to reword"), "{s}");
    assert!(s.contains("“Um”:") || s.contains("“um”:"), "{s}");
    assert!(s.contains("Leave it out."), "a filler's rewrite: {s}");
    assert!(
        s.contains("phrases are marked in the text to reword"),
        "the coach's finding: {s}"
    );
    // In the answer itself, the marked words stand out; the words around them do not.
    let buf = h.render(100, 40);
    let text = common::buffer_text(&buf);
    let answer_row = text
        .lines()
        .position(|l| l.contains("Um, I kind of think"))
        .unwrap_or_else(|| panic!("the answer is shown: {text}")) as u16;
    let (x, _) = common::find(&buf, "Um, I kind of think").unwrap();
    let um = &buf[(x, answer_row)];
    assert!(
        um.modifier.contains(Modifier::UNDERLINED),
        "a filler is underlined: {um:?}"
    );
    let plain = &buf[(x + 4, answer_row)];
    assert!(!plain.modifier.contains(Modifier::UNDERLINED), "{plain:?}");
}

/// The rate page leaves out each box's question before it would cut off the grade the boxes come
/// to: at every height where the page has room for its boxes, the grade line shows, and the
/// questions under the boxes show whenever they fit.
#[test]
fn the_grade_the_boxes_give_always_shows_on_the_rate_page() {
    let mut h = practice();
    h.press("<enter>");
    h.advance(42);
    h.press("<space>12");
    let tall = h.screen(80, 30);
    assert!(tall.contains("Did one real example show"), "{tall}");
    for rows in 17..=30 {
        let screen = h.screen(80, rows);
        assert!(screen.contains("ticked → "), "at 80×{rows}:\n{screen}");
        assert!(
            screen.contains("[x] Backed a strength"),
            "at 80×{rows}:\n{screen}"
        );
    }
    // Where the questions under the boxes cannot all fit, none of them shows.
    let short = h.screen(80, 20);
    assert!(!short.contains("Did one real example show"), "{short}");
}

//! What a user test of the mock interview found, as the user sees it: short answers counted as on
//! time, harsh words about a past job not flagged, rubric boxes ticked for what the answer did not
//! show, follow-ups and lead-ins that did not fit the question, a skipped question dropped from
//! the summary, and a reason for wanting the job not heard in a follow-up.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use clinicprep::domain::content::{Id, QuestionKind};
use clinicprep::domain::practice::{Entry, RoundLog};
use clinicprep::domain::schedule::Grade;
use common::Harness;

fn practice() -> Harness {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Practice));
    h
}

/// The screen as one line of words: wrapped text reads whole.
fn words(h: &mut Harness, w: u16, ht: u16) -> String {
    h.screen(w, ht)
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The question on screen: the longest one whose whole text the screen shows.
fn shown(h: &mut Harness) -> Option<(Id, QuestionKind)> {
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let screen = words(h, 160, 50);
    let lib = h.app.data().library();
    lib.questions
        .iter()
        .filter(|q| screen.contains(&squash(&q.text)))
        .max_by_key(|q| q.text.len())
        .map(|q| (q.id.clone(), q.kind()))
}

/// Sends a typed answer, saying yes if it asks "did you answer?" for a short one.
fn send(h: &mut Harness) {
    h.press("<c-s>");
    if h.screen(100, 40).contains("Did you answer?") {
        h.press("y");
    }
}

/// The user test: every answer 15–20 s against 90–120 s (openers 60–90 s) read "4 of 4 on
/// time". Now an answer well under its window is too short, and the summary says what to aim for.
#[test]
fn answers_far_under_the_target_are_too_short_not_on_time() {
    let mut h = practice();
    h.press("<enter>");
    for secs in [15, 100, 18, 20] {
        assert_ne!(shown(&mut h).map(|(_, k)| k), Some(QuestionKind::Closer));
        h.advance(secs);
        // Every box but the time: no follow-up comes.
        h.press("<space>123<enter>");
    }
    h.press("<space><enter><enter>");
    let s = words(&mut h, 100, 30);
    assert!(s.contains("Interview complete"), "{s}");
    assert!(
        s.contains("1 of 4 in time · 3 too short"),
        "one story in its window, three far under: {s}"
    );
    assert!(!s.contains("on time"), "{s}");
    assert!(
        s.contains(
            "Aim for 1:30–2:00 a story (1:00–1:30 for an opener, 0:45–1:15 for a direct or \
             knowledge question)."
        ),
        "{s}"
    );
}

/// The user test: a question skipped with Esc and n vanished from the summary, and the rows after
/// it moved up a number.
#[test]
fn a_skipped_question_shows_as_skipped_and_the_rest_keep_their_numbers() {
    let mut h = practice();
    h.press("<enter>");
    h.advance(70);
    h.press("<space>123<enter>");
    let (skipped, _) = shown(&mut h).unwrap();
    h.press("<esc>n");
    let (third, _) = shown(&mut h).unwrap();
    h.advance(60);
    h.press("<space>123<enter><esc>x");
    let s = h.screen(120, 30);
    assert!(s.contains("Interview complete"), "{s}");
    let row = |n: &str| {
        s.lines()
            .find(|l| l.trim_start_matches('│').trim_start().starts_with(n))
            .unwrap_or_else(|| panic!("no row {n}: {s}"))
            .to_string()
    };
    assert!(row("2  00:00  skipped").contains("skipped"), "{s}");
    assert!(row("3  01:00").contains("Easy"), "{s}");
    assert!(s.contains("1 skipped"), "{s}");
    // The round log keeps where it came, so past rounds number it the same.
    let log = RoundLog::load(h.dir.path()).unwrap();
    let rows = log.round[0].rows();
    assert!(matches!(rows[1].entry, Entry::Skipped(x) if x.question == skipped));
    assert!(matches!(rows[2].entry, Entry::Answered(a) if a.question == third));
    assert_eq!(rows[2].number, Some(3));
    h.press("r<enter>");
    let past = words(&mut h, 160, 50);
    assert!(
        past.contains("2. ") && past.contains("Skipped · 00:00 · no grade"),
        "{past}"
    );
}

/// The user test: a rant about the last employer got only filler coaching.
#[test]
fn harsh_words_about_a_past_job_get_kind_coaching_in_the_analysis() {
    let mut h = Harness::practice_by_typing();
    h.press("<enter>");
    h.type_text(
        "Honestly my agency is a mess. The scheduler is terrible and management never listens, \
         so I need to get out of there as soon as I can.",
    );
    send(&mut h);
    let s = words(&mut h, 100, 40);
    assert!(s.contains("Your typed answer"), "{s}");
    assert!(
        s.contains(
            "Say what you are moving toward, not what you are running from. (“a mess”, \
             “terrible”, “never listens”)"
        ),
        "{s}"
    );
}

/// A user walk: "push through … it's probably nothing" to a dizzy patient, and "I can start
/// treating patients right away" before a license, got only length coaching. The analysis names
/// the words that can sound unsafe or outside the role, among its warnings.
#[test]
fn unsafe_or_out_of_scope_words_are_named_in_the_analysis() {
    let mut h = Harness::practice_by_typing();
    h.press("<enter>");
    h.type_text(
        "I have worked in rehab for a while. I'd tell them to push through a bit and drink some \
         water, it's probably nothing, and I can start treating patients right away.",
    );
    send(&mut h);
    let s = words(&mut h, 100, 40);
    assert!(s.contains("Your typed answer"), "{s}");
    assert!(
        s.contains(
            "the therapist decides the plan. (“push through”, “probably nothing”, \
             “start treating”)"
        ),
        "{s}"
    );
}

/// The user test: "I'm good at keeping people safe" ticked "Backed a strength with an example",
/// which raised the grade that schedules the card.
#[test]
fn a_claimed_strength_is_left_for_the_user_to_tick_and_a_told_one_is_ticked() {
    for (text, ticked) in [
        (
            "I've been a CNA for 3 years at a nursing home. I'm good at keeping people safe, and \
             I want this job because I love rehab.",
            false,
        ),
        (
            "I've been a CNA for 3 years. I'm good at keeping people safe: last week a resident \
             stood up too fast, and I grabbed her gait belt and sat her down before she fell. I \
             want this job because I love rehab.",
            true,
        ),
    ] {
        let mut h = Harness::practice_by_typing();
        h.press("<enter>");
        h.type_text(text);
        send(&mut h);
        h.press("<enter>");
        let s = h.screen(100, 40);
        let mark = if ticked { "[x]" } else { "[ ]" };
        assert!(
            s.contains(&format!("{mark} Backed a strength with an example")),
            "{text}: {s}"
        );
    }
}

/// A follow-up to "What draws you here?": pay and hours are a reason, with a nudge; a word about
/// this employer is a full one.
#[test]
fn a_practical_reason_in_a_follow_up_is_heard_and_nudged() {
    for (answer, said) in [
        (
            "The hours are better than driving all day and it pays more.",
            "Follow-up saved. You gave a reason (pay, hours), but one that fits any job. Add one \
             thing about this job or this team that draws you, so it does not sound like only \
             running away.",
        ),
        (
            "Your district serves many elementary schools and I loved my school fieldwork.",
            "Follow-up saved. This time you said why you want this job.",
        ),
    ] {
        let mut h = Harness::practice_by_typing();
        h.press("<enter>");
        h.type_text(
            "I have been a CNA for six years at a nursing home, and I am good with residents.",
        );
        send(&mut h);
        h.press("<enter><enter>");
        let s = words(&mut h, 100, 40);
        assert!(s.contains("never said why this job"), "{s}");
        h.type_text(answer);
        h.press("<c-s>");
        assert_eq!(h.status(), said);
    }
}

/// A harness for a hospital applicant: the hospital's interviewer, Marcus, asks.
fn hospital() -> Harness {
    let mut h = practice();
    let (config, problems) = clinicprep::domain::config::Config::from_text(
        "config.toml",
        "[profile]\nsetting = \"hospital\"\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    assert!(h.screen(100, 30).contains("‹ Marcus"));
    h
}

/// Starts interviews (a second apart, so each is drawn anew) until `id` is asked within the first
/// `within` questions; skips to it. False if it never comes.
fn until_asked(h: &mut Harness, id: &str, within: usize) -> bool {
    for _ in 0..60 {
        h.press("<enter>");
        for _ in 0..within {
            if shown(h).is_some_and(|(q, _)| q.as_str() == id) {
                return true;
            }
            h.press("<esc>n");
        }
        if !h.screen(80, 24).contains("Interview complete") {
            h.press("<esc>x");
        }
        if h.screen(80, 24).contains("Interview complete") {
            h.press("<enter>");
        }
        assert!(h.screen(80, 24).contains("Practice: a mock interview"));
        h.advance(1);
    }
    false
}

/// The user test: "First, tell me a little about where you're coming from." before "Why do you
/// want to work at our clinic specifically?".
#[test]
fn the_first_lead_in_fits_an_opener_that_is_not_about_yourself() {
    // "Tell me about yourself" opens every round until it is known well: here it is.
    let dir = tempfile::tempdir().unwrap();
    let tmay = ["q-tell-me-about-yourself"];
    for days in [30, 20, 2] {
        let when = common::fixed_now() - chrono::Duration::days(days);
        common::data::grade_all_at(dir.path(), &tmay, Grade::Easy, when);
    }
    let mut h = Harness::in_dir(dir);
    h.app.update(Action::GoTo(Tab::Practice));
    let (config, _) = clinicprep::domain::config::Config::from_text(
        "config.toml",
        "[profile]\nsetting = \"hospital\"\n",
    );
    h.app.apply_config(&config);
    assert!(until_asked(&mut h, "q-why-this-clinic", 1));
    let s = words(&mut h, 160, 50);
    assert!(s.contains("Marcus:"), "{s}");
    assert!(!s.contains("where you're coming from"), "{s}");
}

/// The user test: "This one is about how you work on a busy unit." before "Why are you leaving…",
/// then "If you had to put that in two or three steps, what would they be?" after it.
#[test]
fn why_are_you_leaving_gets_a_lead_in_and_a_follow_up_that_fit_it() {
    let mut h = hospital();
    h.press("<down><down>");
    for _ in 0..10 {
        h.press("<right>");
    }
    h.press("<up><up>");
    assert!(until_asked(&mut h, "q-why-leaving", 12));
    let s = words(&mut h, 160, 50);
    for line in ["how you work on a busy unit", "a practical one"] {
        assert!(!s.contains(line), "{line}: {s}");
    }
    h.advance(60);
    // Honest, safe and with an example, but hard to follow: the "clear steps" box is left empty.
    h.press("<space>23<enter>");
    let s = words(&mut h, 160, 50);
    assert!(s.contains("Marcus follows up:"), "{s}");
    assert!(!s.contains("steps"), "{s}");
    assert!(
        s.contains("If you had to say that in one sentence, what would it be?"),
        "{s}"
    );
}

/// The user test: "Correct, and within my role's scope?" with nothing to check against. The rate
/// page of a knowledge question lists what a strong answer says, below the grade.
#[test]
fn a_knowledge_question_is_rated_beside_what_a_strong_answer_says() {
    let mut h = practice();
    h.press("<down><down><right><right><right>"); // 8 questions
    h.press("<enter>");
    for _ in 0..8 {
        match shown(&mut h) {
            Some((id, QuestionKind::Knowledge)) => {
                h.advance(60);
                h.press("<space>");
                let s = words(&mut h, 160, 50);
                assert!(s.contains("Rate your answer"), "{s}");
                assert!(s.contains("To check yours, a strong answer says:"), "{s}");
                let lib = h.app.data().library();
                let q = lib.questions.iter().find(|q| q.id == id).unwrap();
                let first: String = q.outline[0]
                    .split_whitespace()
                    .take(6)
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(s.contains(&first), "{first} in {s}");
                return;
            }
            Some((_, QuestionKind::Closer)) | None => break,
            Some(_) => {
                h.press("<esc>n");
            }
        }
    }
    panic!("no knowledge question came up in eight");
}

/// A persona walk pressed 1 2 3 on the rate page for the boxes its typed answer met, and
/// unticked the ones its words had ticked already. The page says which start ticked.
#[test]
fn the_typed_rate_page_says_boxes_start_ticked_from_the_words() {
    let mut h = Harness::practice_by_typing();
    h.press("<enter>");
    h.type_text(
        "I'm a CNA at Sunny Acres, and last week a resident stood up too fast, so I grabbed her \
         gait belt and sat her down. I want this job because I loved my rehab rotation.",
    );
    send(&mut h);
    h.press("<enter>");
    let s = words(&mut h, 100, 40);
    assert!(s.contains("Rate your answer"), "{s}");
    assert!(
        s.contains("Boxes your words showed start ticked: a number ticks or unticks its box."),
        "{s}"
    );
}

//! Every screen state a user can reach by keys, each with the keys that reach it from a fresh app,
//! for tests that must hold everywhere (help that tells the truth, text never cut mid-word).

use super::Harness;
use clinicprep::domain::content::search;

/// A named state and how to reach it from a fresh app on Home.
pub struct State {
    pub name: &'static str,
    pub reach: fn(&mut Harness),
}

/// True when a group of the keys in force has this title: how a test knows which sub-view shows.
pub fn showing(h: &Harness, group: &str) -> bool {
    h.app
        .keymap_beneath()
        .groups
        .iter()
        .any(|g| g.title == group)
}

/// Presses `keys` until `group` is among the keys in force, at most `tries` times.
fn until(h: &mut Harness, keys: &str, group: &str, tries: usize) {
    for _ in 0..tries {
        if showing(h, group) {
            return;
        }
        h.press(keys);
    }
    assert!(showing(h, group), "never reached {group}");
}

fn guides_question(h: &mut Harness) {
    h.press("<tab>/");
    h.type_text("tell me about yourself");
    let hits = search::search(h.app.data().library(), "tell me about yourself", 200);
    let pos = hits
        .iter()
        .position(|hit| hit.place.starts_with("Question"))
        .expect("a question hit");
    for _ in 0..pos {
        h.press("<down>");
    }
    h.press("<enter>");
    assert!(showing(h, "Question"));
}

fn cards_choice(h: &mut Harness) {
    h.press("<tab><tab><enter>");
    until(h, " 3", "Multiple choice", 30);
}

fn cards_choice_wrong(h: &mut Harness) {
    // Pick a on multiple-choice cards until a is wrong: the proposed grade is then Again.
    cards_choice(h);
    for _ in 0..20 {
        h.press("a");
        if h.screen(100, 40).contains("Not quite") {
            return;
        }
        h.press("3");
        until(h, " 3", "Multiple choice", 30);
    }
    panic!("a was right on every multiple-choice card");
}

fn stories_with_one(h: &mut Harness) {
    h.press("<s-tab><s-tab>n");
    h.type_text("Calming an upset patient");
    h.press("<tab>");
    h.type_text("A patient was angry about waiting forty minutes for therapy.");
    h.press("<esc>");
}

/// Practice, its setup showing.
fn practice(h: &mut Harness) {
    h.press("<s-tab>");
    assert!(showing(h, "Interview setup"));
}

/// A mock interview answered by typing, its answer box open on the opener.
fn practice_typing(h: &mut Harness) {
    practice(h);
    h.press("<down><down><down><right><enter>");
    assert!(showing(h, "Typing your answer"));
}

/// The rubric of the opener, answered out loud for a minute.
fn practice_rate(h: &mut Harness) {
    practice(h);
    h.press("<enter>");
    h.advance(60);
    h.press("<space>");
    assert!(showing(h, "Rating your answer"));
}

/// Answers each question out loud for a minute with every box ticked (so no follow-up comes) and
/// picks a question at the close, until `group` shows.
fn practice_until(h: &mut Harness, group: &str) {
    for _ in 0..40 {
        if showing(h, group) {
            return;
        }
        if showing(h, "Your questions for them") {
            h.press("<space><enter>");
        } else if showing(h, "Rating your answer") {
            h.press("<enter>");
        } else {
            h.advance(60);
            h.press("<space>");
            for n in 1..=4 {
                let box_n = format!("{n} [ ]");
                if h.screen(100, 40).contains(&box_n) {
                    h.press(&n.to_string());
                }
            }
        }
    }
    assert!(showing(h, group), "never reached {group}");
}

/// The shortest interview, under way: an opener, one question and the close.
fn practice_short(h: &mut Harness) {
    practice(h);
    h.press("<down><down><left><left><up><up><enter>");
}

fn practice_summary(h: &mut Harness) {
    practice_short(h);
    practice_until(h, "Interview summary");
}

/// Every state, in screen order.
pub fn all() -> Vec<State> {
    let s = |name, reach| State { name, reach };
    vec![
        s("home", |_| {}),
        s("home asks list", |h| {
            h.press("<right>");
        }),
        s("home item read in full", |h| {
            h.press("<enter>");
        }),
        s("home date field", |h| {
            h.press("i");
        }),
        s("home date field with a bad date", |h| {
            h.press("i");
            h.type_text("next thursday");
            h.press("<enter>");
        }),
        s("home setup panel", |h| {
            h.press("p");
        }),
        s("home setup panel, a later step", |h| {
            h.press("p<space><enter><enter>");
        }),
        s("home sheet", |h| {
            h.press("o");
        }),
        s("guides guide", |h| {
            h.press("<tab>");
        }),
        s("guides guide scrolled", |h| {
            h.press("<tab>]]]");
        }),
        s("guides search empty", |h| {
            h.press("<tab>/");
        }),
        s("guides search results", |h| {
            h.press("<tab>/");
            h.type_text("gait belt");
        }),
        s("guides search no match", |h| {
            h.press("<tab>/");
            h.type_text("xyzzyplugh");
        }),
        s("guides question", guides_question),
        s("guides compare", |h| {
            h.press("<tab>c");
        }),
        s("guides compare scrolled", |h| {
            h.press("<tab>c<pgdn>");
        }),
        s("guides fit guide", |h| {
            h.press("<tab>f");
        }),
        s("guides fit guide, a later question", |h| {
            h.press("<tab>f<enter><enter>");
        }),
        s("cards decks", |h| {
            h.press("<tab><tab>");
        }),
        s("cards front", |h| {
            h.press("<tab><tab><enter>");
        }),
        s("cards back", |h| {
            h.press("<tab><tab><enter><space>");
        }),
        s("cards multiple choice front", cards_choice),
        s("cards multiple choice back, wrong pick", cards_choice_wrong),
        s("cards summary", |h| {
            h.press("<tab><tab><enter><space>3<esc>");
        }),
        s("cards undo message", |h| {
            h.press("<tab><tab><enter><space>3u");
        }),
        s("cards search empty", |h| {
            h.press("<tab><tab>/");
        }),
        s("cards search results", |h| {
            h.press("<tab><tab>/");
            h.type_text("transfer");
        }),
        s("cards search no match", |h| {
            h.press("<tab><tab>/");
            h.type_text("xyzzyplugh");
        }),
        s("cards browse", |h| {
            h.press("<tab><tab>/");
            h.type_text("transfer");
            h.press("<enter>");
        }),
        s("stories empty list", |h| {
            h.press("<s-tab><s-tab>");
        }),
        s("stories list", stories_with_one),
        s("stories filter", |h| {
            stories_with_one(h);
            h.press("/");
            h.type_text("patient");
        }),
        s("stories coverage", |h| {
            stories_with_one(h);
            h.press("c");
        }),
        s("stories deleted", |h| {
            stories_with_one(h);
            h.press("d");
        }),
        s("stories editor title", |h| {
            h.press("<s-tab><s-tab>n");
        }),
        s("stories editor situation", |h| {
            stories_with_one(h);
            h.press("<enter><tab>");
        }),
        s("stories editor tags", |h| {
            stories_with_one(h);
            h.press("<enter><tab><tab><tab><tab><tab>");
        }),
        s("stories editor questions", |h| {
            stories_with_one(h);
            h.press("<enter><tab><tab><tab><tab><tab><tab>");
        }),
        s("stories rewrite offered", |h| {
            h.press("<s-tab><s-tab>n");
            h.type_text("Transfers");
            h.press("<tab><tab>");
            h.type_text("We had to move the gym.");
            h.press("<tab>");
            h.type_text("I helped with the transfers. Um, I would call the PT.");
            h.press("<c-n><c-n><c-o>");
        }),
        s("practice setup", practice),
        s("practice answer", |h| {
            practice(h);
            h.press("<enter>");
        }),
        s("practice answer with hints", |h| {
            practice(h);
            h.press("<enter>h");
        }),
        s("practice hints scrolled", |h| {
            practice(h);
            h.press("<enter>h<pgdn>");
        }),
        s("practice did you answer", |h| {
            practice(h);
            h.press("<enter><space>");
        }),
        s("practice paused", |h| {
            practice(h);
            h.press("<enter><esc>");
        }),
        s("practice rate", practice_rate),
        s("practice follow-up", |h| {
            // Nothing ticked on the opener: the interviewer asks why this job.
            practice_rate(h);
            h.press("<enter>");
            assert!(h.screen(80, 24).contains("follows up"));
        }),
        s("practice typing, nothing typed yet", practice_typing),
        s("practice typing", |h| {
            practice_typing(h);
            h.type_text("I have worked as a CNA for six years, um, and I want this job.");
        }),
        s("practice typed analysis", |h| {
            practice_typing(h);
            h.type_text(
                "I have worked as a CNA for six years in a busy nursing home. Um, I am calm and \
                 patient with residents, and I learned to listen before I help. I want this job \
                 because I love seeing people walk again, and I kind of think your clinic is \
                 where I want to grow.",
            );
            h.press("<c-s>");
            assert!(showing(h, "Your typed answer"));
        }),
        s("practice close", |h| {
            practice_short(h);
            practice_until(h, "Your questions for them");
        }),
        s("practice summary", practice_summary),
        s("practice past rounds", |h| {
            practice_summary(h);
            h.press("r");
            assert!(showing(h, "Past rounds"));
        }),
        s("practice past round", |h| {
            practice_summary(h);
            h.press("r<enter>");
            assert!(showing(h, "A past round"));
        }),
        s("a key that does nothing", |h| {
            h.press("z");
        }),
    ]
}

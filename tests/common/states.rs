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

fn practice_summary(h: &mut Harness) {
    h.press("<s-tab><enter>");
    until(h, "<space><enter>", "Round summary", 30);
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
        s("practice setup", |h| {
            h.press("<s-tab>");
        }),
        s("practice answer", |h| {
            h.press("<s-tab><enter>");
        }),
        s("practice answer with hints", |h| {
            h.press("<s-tab><enter>h");
        }),
        s("practice rate", |h| {
            h.press("<s-tab><enter><space>");
        }),
        s("practice summary", practice_summary),
        s("a key that does nothing", |h| {
            h.press("z");
        }),
    ]
}

//! Tests of the skills a story's words suggest: over the built-in competencies' signals, and over
//! small made-up ones where a rule is the point.

use super::*;
use crate::domain::content::Competency;
use crate::domain::stories::story::StoryId;
use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use std::sync::LazyLock;

static BUILTIN: LazyLock<Skills> = LazyLock::new(|| Skills::from_library(&Library::builtin()));

fn story(title: &str, s: &str, a: &str, r: &str) -> Story {
    let now = Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, 0).unwrap();
    let mut story = Story::new(StoryId::from_stem("t").unwrap(), title, now);
    story.situation = s.into();
    story.action = a.into();
    story.result = r.into();
    story
}

fn skills(list: &[(&str, &[&str])]) -> Skills {
    let lib = Library {
        competencies: list
            .iter()
            .map(|(id, signals)| Competency {
                id: Id::new(*id),
                name: id.to_uppercase(),
                description: String::new(),
                core: false,
                signals: signals.iter().map(|s| s.to_string()).collect(),
            })
            .collect(),
        ..Library::default()
    };
    Skills::from_library(&lib)
}

fn ids(heard: &[Heard]) -> Vec<&str> {
    heard.iter().map(|h| h.id.as_str()).collect()
}

/// The persona's story of a resident afraid to walk is heard as safety and empathy (and patient
/// care), with the words that gave each away.
#[test]
fn a_story_about_a_frightened_resident_is_heard_as_safety_and_empathy() {
    let s = story(
        "Mrs. Núñez refused therapy",
        "A resident recovering from a hip fracture refused her PT session twice. She was scared \
         of falling.",
        "I sat with her and asked what worried her. I showed her the gait belt and how I would \
         guard her, and we started with seated exercises.",
        "She finished all five sessions that week.",
    );
    let heard = BUILTIN.heard(&s);
    let found = ids(&heard);
    for id in ["safety", "empathy", "patient-care"] {
        assert!(found.contains(&id), "{id} in {found:?}");
    }
    let safety = heard.iter().find(|h| h.id.as_str() == "safety").unwrap();
    assert!(safety.cues.contains(&"gait belt".to_string()), "{safety:?}");
    assert!(
        safety.cues.contains(&"falling".to_string()),
        "falling is a fall, shown as written: {safety:?}"
    );
    assert!(!found.contains(&"admin-organization"), "{found:?}");
}

/// One signal is not enough: "patient" alone is in nearly every story.
#[test]
fn one_signal_alone_suggests_nothing() {
    let s = story("A patient", "A patient came in.", "", "");
    assert!(!ids(&BUILTIN.heard(&s)).contains(&"patient-care"));
    assert!(BUILTIN.heard(&story("", "", "", "")).is_empty());
}

/// A short word matches itself with the usual endings; a stem of six letters or more matches any
/// word it begins; a phrase matches its words in order, across hyphens and capitals and accents.
#[test]
fn words_match_with_their_endings_stems_and_phrases() {
    let k = skills(&[
        ("short", &["fall", "son"]),
        ("stem", &["organiz", "schedul"]),
        ("phrase", &["gait belt", "co-worker"]),
    ]);
    let heard = |text: &str| ids(&k.heard(&story("", text, "", ""))).join(" ");
    assert_eq!(heard("Falls and a son"), "short");
    assert_eq!(heard("She was falling; my son"), "short");
    assert_eq!(heard("fallacy, something"), "", "not an ending, not a word");
    assert_eq!(
        heard("I reorganized the rescheduled day"),
        "",
        "a stem begins a word"
    );
    assert_eq!(heard("I organized the schedule"), "stem");
    assert_eq!(heard("GAIT BELT and my Co Worker"), "phrase");
    assert_eq!(
        heard("a belt for the gait, a worker"),
        "",
        "in order, whole"
    );
    assert_eq!(heard("Ça: gait-belt, co‑worker's help, coworker"), "phrase");
}

/// Two spellings of one signal ("set up", "set-up") count once: one cue is not two.
#[test]
fn two_spellings_of_a_signal_count_once() {
    let k = skills(&[("initiative", &["set up", "set-up", "Set Up"])]);
    assert!(
        k.heard(&story("", "The PTA set up the station.", "", ""))
            .is_empty()
    );
}

/// The skill with the most signals comes first; equal counts keep the content's order.
#[test]
fn the_skill_with_the_most_signals_comes_first() {
    let k = skills(&[
        ("a", &["one", "two"]),
        ("b", &["three", "four", "five"]),
        ("c", &["six", "seven"]),
    ]);
    let s = story("", "one two three four five six seven", "", "");
    assert_eq!(ids(&k.heard(&s)), ["b", "a", "c"]);
}

/// Signals in the content are lowercase words or phrases of words, and there are enough of them
/// for every competency to be heard at all.
#[test]
fn every_built_in_competency_has_signals_to_be_heard_by() {
    let lib = Library::builtin();
    for c in &lib.competencies {
        assert!(c.signals.len() >= 8, "{}: {:?}", c.id, c.signals);
        for s in &c.signals {
            assert_eq!(s, &s.to_lowercase(), "{}", c.id);
            let w = words(s);
            assert!(!w.is_empty(), "{}: {s:?}", c.id);
            // A signal is found by its first two letters.
            assert!(first_two(w[0]).is_some(), "{}: {s:?}", c.id);
        }
    }
}

proptest! {
    /// Any text at all is heard without a panic, and every skill heard has at least two cues.
    #[test]
    fn any_text_is_heard_safely(text in "\\PC{0,300}") {
        for h in BUILTIN.heard(&story(&text, &text, &text, "")) {
            prop_assert!(h.cues.len() >= HEARD_FROM);
        }
    }
}

/// A typed answer is asked about one skill at a time: every signal of it the answer holds, even
/// one, in content order; none for a skill it does not show, or one the content does not have.
#[test]
fn the_cues_of_one_skill_in_an_answer_are_listed_even_one() {
    let text = "My co-worker and I worked together as a team.";
    assert_eq!(
        BUILTIN.cues_of(text, &Id::new("teamwork")),
        ["team", "co-worker", "together"]
    );
    assert_eq!(BUILTIN.cues_of("I am calm.", &Id::new("empathy")), ["calm"]);
    assert!(BUILTIN.cues_of(text, &Id::new("safety")).is_empty());
    assert!(BUILTIN.cues_of(text, &Id::new("no-such-skill")).is_empty());
}

/// A signal of several words matches with a space, a hyphen or nothing between them, with the usual
/// endings but not as a stem; two spellings of it in the content count as one cue.
#[test]
fn a_signal_of_several_words_matches_spaced_hyphened_or_run_together() {
    let k = skills(&[
        ("staff", &["short-staffed", "call off"]),
        ("desk", &["check-in", "checkin", "front desk"]),
    ]);
    let heard = |text: &str| ids(&k.heard(&story("", text, "", ""))).join(" ");
    for text in [
        "We were short staffed and two aides called off.",
        "We were short-staffed; two call-offs.",
        "Shortstaffed again, and two calloffs.",
    ] {
        assert_eq!(heard(text), "staff", "{text}");
    }
    assert_eq!(
        heard("I was checking the desk."),
        "",
        "not a stem run together"
    );
    assert_eq!(heard("The checkin at the front desk"), "desk");
    assert_eq!(
        heard("The checkin, then another checkin"),
        "",
        "one cue, once"
    );
    assert_eq!(
        k.cues_of("Check-in at the front desk", &Id::new("desk")),
        ["check-in", "front desk"]
    );
}

/// A CNA's short-staffed shift is heard as adaptability, and a story of owning a mistake as
/// professionalism, in the words a CNA uses.
#[test]
fn a_short_staffed_shift_and_an_owned_mistake_are_heard_in_plain_cna_words() {
    let s = story(
        "Short staffed on the floor",
        "We were short staffed on a Saturday: two aides called off.",
        "I asked the nurse which residents to get up first.",
        "Everyone was up by breakfast.",
    );
    let found = BUILTIN.heard(&s);
    assert!(ids(&found).contains(&"adaptability"), "{found:?}");
    let s = story(
        "I forgot to chart a transfer",
        "I forgot to chart a resident's transfer. It was my fault.",
        "I told the nurse right away. I wanted to be honest.",
        "She thanked me for owning it, and I double-check my charting now.",
    );
    let found = BUILTIN.heard(&s);
    let professionalism = found
        .iter()
        .find(|h| h.id.as_str() == "professionalism")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(
        professionalism.cues,
        ["own it", "my fault", "be honest"],
        "{found:?}"
    );
    for text in [
        "It was my mistake and I owned up.",
        "I made a mistake; I took responsibility.",
    ] {
        assert_eq!(
            BUILTIN.cues_of(text, &Id::new("professionalism")).len(),
            2,
            "{text}"
        );
    }
}

/// "We talked with the nurse… we all communicated well" is communication, in so many words.
#[test]
fn talking_with_the_nurse_and_communicating_are_heard_as_communication() {
    let cues = BUILTIN.cues_of(
        "We talked with the nurse about his blood pressure. We all communicated really well.",
        &Id::new("communication"),
    );
    // The word as written, not the signal's stem ("communicat"), which read as a word cut off.
    assert_eq!(cues, ["talked with", "communicated"]);
}

/// A persona walk: the short-shift story ("the other aide and I helped each other") was never
/// heard as Teamwork, and the mistake story ("since then I double-check") not as Learning.
#[test]
fn helping_each_other_is_teamwork_and_doing_it_differently_since_is_learning() {
    let shift = BUILTIN.cues_of(
        "It was just me and the other aide, so we helped each other with every two-person transfer.",
        &Id::new("teamwork"),
    );
    assert!(shift.len() >= 2, "{shift:?}");
    let mistake = BUILTIN.cues_of(
        "I wrote the wrong time. I told my supervisor, and since then I double-check the sheet.",
        &Id::new("learning"),
    );
    assert!(mistake.len() >= 2, "{mistake:?}");
}

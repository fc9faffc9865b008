use super::*;
use crate::domain::content::{Id, Library};

fn lib() -> Library {
    Library::builtin()
}

fn run(lib: &Library, question: &str, text: &str) -> TypedAnalysis {
    let q = lib.question(&Id::new(question)).unwrap();
    analyze_typed(text, q, &Glossary::from_library(lib), 140, 120)
}

const GOOD_STORY: &str = "At the nursing home, a resident refused her walk with therapy. \
    I sat with her and asked what worried her. She was scared of falling again, so I fetched a \
    gait belt and walked beside her, and I told the therapist. In the end she walked 40 feet that \
    day and thanked me.";

#[test]
fn a_typed_story_is_measured_like_a_story() {
    let lib = lib();
    let a = run(&lib, "q-upset-patient", GOOD_STORY);
    assert_eq!(a.words, 53);
    assert_eq!(a.spoken_secs, 23, "53 words at 140 a minute");
    assert!(a.i_count >= 4 && a.we_count == 0);
    assert!(a.ending && a.measurable && a.example && a.help_call);
    assert!(
        a.terms
            .iter()
            .any(|t| t.term.eq_ignore_ascii_case("gait belt")),
        "{:?}",
        a.terms
    );
    assert!(
        !a.insights
            .iter()
            .any(|i| i.text.starts_with("No job words")),
        "{:?}",
        a.insights
    );
    assert!(
        a.insights.iter().all(|i| i.level != Level::Warning),
        "a good story"
    );
}

#[test]
fn fillers_we_and_would_are_counted() {
    let lib = lib();
    let a = run(
        &lib,
        "q-teamwork-example",
        "Um, we basically just helped. We would, um, move the patients and we would clean up.",
    );
    assert_eq!(a.we_count, 3);
    assert_eq!(a.i_count, 0);
    assert_eq!(a.would_count, 2);
    let fillers: usize = a.fillers.iter().map(|(_, n)| n).sum();
    assert!(fillers >= 4, "{:?}", a.fillers);
    assert!(a.insights[0].level == Level::Warning);
}

#[test]
fn most_used_words_leave_out_common_words_and_need_two_uses() {
    let lib = lib();
    let a = run(
        &lib,
        "q-fall-prevention",
        "Safety first. I check the belt, the brakes and the belt again. Safety means the brakes are locked.",
    );
    let words: Vec<&str> = a.top_words.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(words, ["belt", "brakes", "safety"]);
}

#[test]
fn talking_points_are_found_from_plain_words() {
    let lib = lib();
    let a = run(
        &lib,
        "q-tell-me-about-yourself",
        "I have worked as a CNA for six years. I'm calm and reliable with residents. \
         I learned to listen first. I want to join this clinic because I love seeing people walk again.",
    );
    assert_eq!(a.points, [true, true, true, true]);
    let b = run(&lib, "q-tell-me-about-yourself", "Hello.");
    assert_eq!(b.points, [false; 4]);
    assert!(!b.covers(TalkingPoint::WhyRole));
}

#[test]
fn an_empty_answer_has_no_numbers_and_no_panic() {
    let lib = lib();
    let a = run(&lib, "q-upset-patient", "");
    assert_eq!((a.words, a.spoken_secs), (0, 0));
    assert!(a.top_words.is_empty());
    let odd = run(&lib, "q-upset-patient", "’’ 🙂 naïve — I’d… ok");
    assert!(odd.words > 0);
}

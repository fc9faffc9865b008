//! Tests of the built-in rule table (`content/phrasing.toml`) on what a user test of the story coach
//! found: a CNA's nursing-home stories, marked where they should not be or rewritten into wrong
//! English. Each test reads a sentence as the editor does and checks what is marked and offered.

use super::*;
use std::sync::LazyLock;

static BUILTIN: LazyLock<Phrasing> = LazyLock::new(|| Phrasing::from_library(&Library::builtin()));

/// The rule ids and marked text of `text` read as `part`.
fn marks(text: &str, part: Section) -> Vec<(String, String)> {
    BUILTIN
        .scan(text, Some(part))
        .iter()
        .map(|f| {
            let id = BUILTIN.rule(f.rule).unwrap().id.to_string();
            (id, text[f.start..f.end].to_string())
        })
        .collect()
}

/// Whether `text` read as `part` has a mark by rule `id`.
fn marked_by(text: &str, part: Section, id: &str) -> bool {
    marks(text, part).iter().any(|(r, _)| r == id)
}

/// The text after accepting each rewrite rule `id`'s first mark in `text` offers, in order.
fn rewrites(text: &str, part: Section, id: &str) -> Vec<String> {
    let flags = BUILTIN.scan(text, Some(part));
    let flag = flags
        .iter()
        .find(|f| BUILTIN.rule(f.rule).unwrap().id.as_str() == id)
        .unwrap_or_else(|| panic!("{id} marks nothing in {text:?}: {:?}", marks(text, part)));
    (0..BUILTIN.suggestions(text, flag).len())
        .map(|c| BUILTIN.rewrite(text, flag, c).unwrap().apply(text))
        .collect()
}

#[test]
fn would_need_becomes_needed_not_need() {
    let text = "I would need to get her to participate in therapy.";
    assert_eq!(
        rewrites(text, Section::Task, "would-past"),
        ["I needed to get her to participate in therapy."]
    );
    let text = "I would succeed when I would proceed slowly.";
    assert_eq!(
        rewrites(text, Section::Action, "would-past")[0],
        "I succeeded when I would proceed slowly."
    );
}

#[test]
fn would_inside_a_plan_is_left_alone_and_a_would_after_it_is_not() {
    for text in [
        "We made a plan where I would do the early risers.",
        "We made a plan that I would do the early risers.",
        "The plan was I would walk her first.",
        "We agreed I would be the one to call.",
        "We planned I would take the early risers.",
    ] {
        let kinds: Vec<PhrasingKind> = BUILTIN
            .scan(text, Some(Section::Task))
            .iter()
            .map(|f| f.kind)
            .collect();
        assert!(!kinds.contains(&PhrasingKind::Would), "{text}: {kinds:?}");
    }
    // The plan is in another sentence: the "would" is told as what happened.
    assert!(marked_by(
        "We made a plan. Where I would go, she went.",
        Section::Action,
        "would-past"
    ));
}

#[test]
fn a_we_that_is_the_aide_and_the_resident_is_not_marked() {
    for (text, id) in [
        (
            "I put on her favorite música on my phone while we walked.",
            "we",
        ),
        (
            "Mrs. L was unsteady. I did not want anyone to get hurt just because we were rushing.",
            "we-were",
        ),
        ("He sang along as we walked to the window.", "we"),
        ("I held her arm until we reached her room.", "we"),
    ] {
        assert!(
            !marked_by(text, Section::Action, id),
            "{text}: {:?}",
            marks(text, Section::Action)
        );
    }
}

#[test]
fn a_we_that_did_the_work_is_still_marked_and_rewritten_to_i() {
    for (text, id) in [
        ("We decided to call the nurse.", "we"),
        ("She was upset, so we decided to call the nurse.", "we"),
        ("Mr. K was heavy. We transferred him with the lift.", "we"),
        (
            "Mr. K was heavy, so I stayed while we transferred him.",
            "we",
        ),
        ("She was scared. I talked to her while we turned her.", "we"),
        (
            "She was weak, so I stayed close while we walked her to the gym.",
            "we",
        ),
        ("She was in pain, because we decided to wait.", "we"),
        ("She was nervous because we were rushing her.", "we-were"),
        // No patient named in this sentence or the one before: the "we" is the staff.
        ("The gym was full. I set up the bars while we waited.", "we"),
    ] {
        assert!(
            marked_by(text, Section::Action, id),
            "{text}: {:?}",
            marks(text, Section::Action)
        );
    }
    assert_eq!(
        rewrites("We decided to call the nurse.", Section::Action, "we")[0],
        "I decided to call the nurse."
    );
}

#[test]
fn just_meaning_recently_or_in_a_fixed_phrase_is_not_a_filler() {
    for text in [
        "Mr. K who just came back from the hospital was weak.",
        "I did not want anyone to get hurt just because we were rushing.",
        "She had just finished lunch.",
        "He'd just arrived.",
        "I brought a spare gown just in case.",
        "I got there just as she stood up.",
        "It felt just like home to her.",
        "We had just enough time.",
        "I checked her just before lunch and just after.",
        "She just moved in last week.",
    ] {
        assert!(!marked_by(text, Section::Action, "filler-just"), "{text}");
    }
    for text in ["I just called the nurse.", "I just sat with her."] {
        assert!(marked_by(text, Section::Action, "filler-just"), "{text}");
    }
}

#[test]
fn made_sure_to_becomes_the_action_and_never_checked_to() {
    let text = "I also made sure to document every transfer.";
    assert_eq!(
        marks(text, Section::Action),
        [(
            "weak-made-sure-to".to_string(),
            "made sure to document".to_string()
        )]
    );
    assert_eq!(
        rewrites(text, Section::Action, "weak-made-sure-to"),
        ["I also documented every transfer."]
    );
    // No past for "always": nothing is offered rather than a wrong rewrite.
    let text = "I made sure to always lock the brakes.";
    assert!(
        marks(text, Section::Action).is_empty(),
        "{:?}",
        marks(text, Section::Action)
    );
    // "Made sure" with a clause after it still becomes a check.
    assert_eq!(
        rewrites(
            "I made sure the brakes were on.",
            Section::Action,
            "weak-made-sure"
        ),
        [
            "I checked the brakes were on.",
            "I confirmed the brakes were on."
        ]
    );
}

#[test]
fn helped_with_offers_only_verbs_that_take_a_thing() {
    let text = "I stopped and helped with the mechanical lift and the vitals.";
    let all = rewrites(text, Section::Action, "weak-helped-with");
    assert_eq!(
        all,
        [
            "I stopped and handled the mechanical lift and the vitals.",
            "I stopped and set up the mechanical lift and the vitals.",
            "I stopped and ran the mechanical lift and the vitals.",
        ]
    );
}

#[test]
fn the_vague_result_example_is_in_feet() {
    let lib = Library::builtin();
    let rule = lib
        .phrasing
        .iter()
        .find(|r| r.id.as_str() == "vague-result")
        .unwrap();
    assert!(rule.why.contains("feet"), "{}", rule.why);
    assert!(!rule.why.contains(" m "), "{}", rule.why);
}

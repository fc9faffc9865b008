use super::*;
use QuestionKind::*;

fn r(kind: QuestionKind, ticks: [bool; 4]) -> Rubric {
    Rubric { kind, ticks }
}

const T: bool = true;
const F: bool = false;

#[test]
fn one_point_per_box_for_every_kind_when_every_gate_is_ticked() {
    for kind in QuestionKind::ALL {
        assert_eq!(r(kind, [T, T, T, T]).grade(), Grade::Easy, "{kind:?}");
    }
    assert_eq!(r(Star, [T, T, T, F]).grade(), Grade::Good);
    assert_eq!(r(Star, [T, F, T, T]).grade(), Grade::Good);
    assert_eq!(r(Star, [T, F, F, T]).grade(), Grade::Hard);
    assert_eq!(r(Star, [T, F, F, F]).grade(), Grade::Again);
    assert_eq!(r(Direct, [T, T, F, T]).grade(), Grade::Good);
    assert_eq!(r(Direct, [T, T, F, F]).grade(), Grade::Hard);
    assert_eq!(r(Knowledge, [T, T, T, F]).grade(), Grade::Good);
    assert_eq!(r(Opener, [T, F, T, T]).grade(), Grade::Good);
    assert_eq!(r(Closer, [T, T, F, F]).grade(), Grade::Hard);
}

#[test]
fn each_kind_has_its_own_gates() {
    // A story without structure: at best Hard.
    assert_eq!(r(Star, [F, T, T, T]).grade(), Grade::Hard);
    // A direct answer that does not answer: Hard; one that is unsafe: Again, however good the rest.
    assert_eq!(r(Direct, [F, T, T, T]).grade(), Grade::Hard);
    assert_eq!(r(Direct, [T, F, T, T]).grade(), Grade::Again);
    // A wrong knowledge answer is Again; an unanswered one Hard.
    assert_eq!(r(Knowledge, [T, F, T, T]).grade(), Grade::Again);
    assert_eq!(r(Knowledge, [F, T, T, T]).grade(), Grade::Hard);
    // An opener that never says where you are now: Hard. A close that asks nothing: Again.
    assert_eq!(r(Opener, [F, T, T, T]).grade(), Grade::Hard);
    assert_eq!(r(Closer, [F, T, T, T]).grade(), Grade::Again);
}

#[test]
fn a_good_direct_answer_can_reach_easy_unlike_the_old_star_only_rubric() {
    // The issue: a good direct answer scored at best Hard because it had no S/T/A/R.
    let good = r(Direct, [T, T, T, T]);
    assert_eq!(good.grade(), Grade::Easy);
}

#[test]
fn no_grade_is_better_than_its_score_for_any_kind_or_ticks() {
    for kind in QuestionKind::ALL {
        for bits in 0u8..16 {
            let rb = r(kind, [0, 1, 2, 3].map(|i| bits & (1 << i) != 0));
            assert!(rb.grade().number() <= rb.score().max(1), "{rb:?}");
        }
    }
}

#[test]
fn every_kind_but_the_close_has_a_time_box_and_keys_are_unique() {
    for kind in QuestionKind::ALL {
        let rb = Rubric::for_answer(kind, true);
        let has_time = kind != Closer;
        assert_eq!(rb.index_of("in_time").is_some(), has_time, "{kind:?}");
        assert_eq!(rb.score(), u8::from(has_time));
        let mut keys: Vec<&str> = checks(kind).iter().map(|c| c.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 4, "{kind:?}");
    }
    assert_eq!(Rubric::for_answer(Star, false).score(), 0);
}

#[test]
fn toggling_flips_one_box() {
    let mut rb = Rubric::new(Direct);
    rb.toggle(1);
    assert!(rb.get(1) && rb.has("safe"));
    rb.toggle(1);
    assert!(!rb.get(1));
    rb.toggle(9);
    assert_eq!(rb.score(), 0, "a box that does not exist changes nothing");
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Holder {
    rubric: Rubric,
}

#[test]
fn old_story_rubrics_read_and_every_kind_round_trips() {
    let old = "rubric = { structure = true, said_i = false, result = true, in_time = true }";
    let h: Holder = toml::from_str(old).unwrap();
    assert_eq!(h.rubric, r(Star, [T, F, T, T]));
    for kind in QuestionKind::ALL {
        let h = Holder {
            rubric: r(kind, [T, F, T, F]),
        };
        let text = toml::to_string(&h).unwrap();
        assert_eq!(toml::from_str::<Holder>(&text).unwrap(), h, "{text}");
    }
    let direct: Holder =
        toml::from_str("rubric = { answered = true, safe = true, detail = false }").unwrap();
    assert_eq!(direct.rubric, r(Direct, [T, T, F, F]));
}

#[test]
fn mixed_or_unknown_boxes_are_refused() {
    for bad in [
        "rubric = { structure = true, safe = true }",
        "rubric = { superb = true }",
        "rubric = { structure = \"yes\" }",
    ] {
        assert!(toml::from_str::<Holder>(bad).is_err(), "{bad}");
    }
}

#[test]
fn grade_numbers_match_the_review_journal() {
    let n: Vec<u8> = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy]
        .iter()
        .map(|g| g.number())
        .collect();
    assert_eq!(n, [1, 2, 3, 4]);
}

/// The rubric a typed answer to `question` starts with, taken as in time.
fn typed(question: &str, text: &str) -> Rubric {
    use crate::domain::content::{Id, Library};
    use crate::domain::practice::typed::analyze_typed;
    use crate::domain::stories::Coach;
    let lib = Library::builtin();
    let q = lib.question(&Id::new(question)).unwrap();
    let a = analyze_typed(text, q, &mut Coach::from_library(&lib), 120);
    Rubric::for_typed(q.kind(), true, &a)
}

/// The user test: pre-ticks that raised the grade scheduling the card. An ending is not a
/// measurable result.
#[test]
fn a_measurable_result_needs_a_number_or_a_change_someone_could_check() {
    let vague = typed(
        "q-upset-patient",
        "A resident was upset about his walk. I listened, I told him it was okay and I walked \
         with him so he could keep moving. We all communicated really well as a team.",
    );
    assert!(!vague.has("result"), "{vague:?}");
    let counted = typed(
        "q-upset-patient",
        "A resident was upset about his walk. I listened, I told him it was okay and I walked \
         with him. By the end of the week he walked 40 feet with no falls.",
    );
    assert!(counted.has("result"), "{counted:?}");
}

/// The user test: "I'm good at keeping people safe" ticked "Backed a strength with an example".
#[test]
fn a_strength_needs_an_example_told_not_claimed() {
    let claimed = typed(
        "q-tell-me-about-yourself",
        "I've been a CNA for 3 years at a nursing home. I'm good at keeping people safe, and I \
         want this job because I love rehab.",
    );
    assert!(!claimed.has("strength"), "{claimed:?}");
    assert!(
        claimed.has("why_role") && claimed.has("present"),
        "{claimed:?}"
    );
    let shown = typed(
        "q-tell-me-about-yourself",
        "I've been a CNA for 3 years. I'm good at keeping people safe: last week a resident \
         stood up too fast, and I grabbed her gait belt and sat her down before she fell.",
    );
    assert!(shown.has("strength"), "{shown:?}");
}

/// The user test: a rant ticked "Gave a specific example or detail".
#[test]
fn a_rant_is_not_a_specific_example_or_detail() {
    let rant = typed(
        "q-why-leaving",
        "Honestly my agency is a mess. I've asked for help at my agency for 2 years. The \
         scheduler is terrible and management never listens.",
    );
    assert!(!rant.has("detail"), "{rant:?}");
    let example = typed(
        "q-why-leaving",
        "I want more time with each patient. For example, last month I had twelve home visits a \
         day and I could not finish the exercises with every patient.",
    );
    assert!(example.has("detail"), "{example:?}");
    let tool = typed(
        "q-patient-starts-to-fall",
        "I hold the gait belt, lower the patient slowly to the floor and call the therapist.",
    );
    assert!(tool.has("detail"), "a real tool named: {tool:?}");
}

/// Two user walks: "Said why this job, here" was ticked for "I like kids so I want to change" and
/// for an answer that never named the clinic. Wanting a job of the kind is not this job: the box
/// is ticked when the answer names this job or employer.
#[test]
fn why_this_job_is_ticked_only_when_the_answer_names_this_job() {
    for vague in [
        "I like kids so I want to change.",
        "I have always been interested in rehab and I am excited to grow as a PTA.",
    ] {
        let r = typed("q-tell-me-about-yourself", vague);
        assert!(!r.has("why_role"), "{vague}: {r:?}");
    }
    for named in [
        "I'm a CNA, and I'd like to work at your clinic because your team sees a lot of knees.",
        "I want this job because I loved my outpatient rotation.",
        "I loved my school fieldwork, and I want to keep doing it.",
    ] {
        let r = typed("q-tell-me-about-yourself", named);
        assert!(r.has("why_role"), "{named}: {r:?}");
    }
}

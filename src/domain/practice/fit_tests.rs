use super::*;
use crate::domain::content::{Id, Library, Trigger};
use crate::domain::practice::followup::choose;
use crate::domain::practice::plan::lead_in;

fn question<'a>(lib: &'a Library, id: &str) -> &'a Question {
    lib.question(&Id::new(id)).unwrap()
}

#[test]
fn how_to_and_scenario_questions_ask_how_and_why_questions_do_not() {
    let lib = Library::builtin();
    for id in [
        "q-patient-starts-to-fall",
        "q-several-patients-at-once",
        "q-cleaning-infection-control",
        "q-pta-measure-rom",
        "q-pt-aide-transport",
    ] {
        assert!(asks_how(question(&lib, id)), "{id}");
    }
    for id in [
        "q-why-leaving",
        "q-five-years",
        "q-greatest-strength",
        "q-tell-me-about-yourself",
        "q-why-this-clinic",
        "q-certifications",
        "q-ot-aide-vs-ota",
        "q-rehab-aide-vs-cna-day",
        "q-questions-for-us",
    ] {
        assert!(!asks_how(question(&lib, id)), "{id}");
    }
}

/// The user test: after "Why are you leaving…" the interviewer asked "If you had to put that in
/// two or three steps, what would they be?".
#[test]
fn a_why_question_is_never_followed_up_with_steps() {
    let lib = Library::builtin();
    let why = question(&lib, "q-why-leaving");
    for seed in 0..20 {
        let f = choose(&lib.follow_ups, why, None, &[Trigger::NoSteps], seed).unwrap();
        assert!(!asks_for_steps(&f.text), "{}: {}", f.id, f.text);
        assert_eq!(f.id.as_str(), "fu-no-steps-motivation");
    }
    // A knowledge question on a difference has no follow-up for steps: the next gap is asked.
    let vs = question(&lib, "q-ot-aide-vs-ota");
    let next = choose(
        &lib.follow_ups,
        vs,
        None,
        &[Trigger::NoSteps, Trigger::TooLong],
        0,
    )
    .unwrap();
    assert_eq!(next.trigger, Trigger::TooLong);
    // A how-to question still gets its steps.
    let how = question(&lib, "q-fall-prevention");
    let f = choose(&lib.follow_ups, how, None, &[Trigger::NoSteps], 0).unwrap();
    assert_eq!(f.id.as_str(), "fu-no-steps");
    assert!(asks_for_steps("Walk me through it, step by step."));
}

/// The user test: "This one is about how you work on a busy unit." before "Why are you leaving…",
/// and "First, tell me a little about where you're coming from." before "Why do you want to work
/// at our clinic specifically?".
#[test]
fn a_lead_in_fits_the_question_it_comes_before() {
    let lib = Library::builtin();
    let why_leaving = question(&lib, "q-why-leaving");
    let why_here = question(&lib, "q-why-this-clinic");
    let about_you = question(&lib, "q-tell-me-about-yourself");
    let busy = "This one is about how you work on a busy unit.";
    let coming_from = "First, tell me a little about where you're coming from.";
    assert!(!lead_in_fits(busy, why_leaving, 3));
    assert!(lead_in_fits(
        busy,
        question(&lib, "q-several-patients-at-once"),
        3
    ));
    assert!(lead_in_fits("Next one. Take your time.", why_leaving, 3));
    assert!(!lead_in_fits(coming_from, why_here, 0));
    assert!(lead_in_fits(coming_from, about_you, 0));
    assert!(
        !lead_in_fits("Let's start easy.", about_you, 1),
        "not later"
    );
    assert!(
        !lead_in_fits("One more about you.", why_here, 0),
        "not first"
    );
    // Over every interviewer, seed and place, no line said before these questions announces a
    // topic they are not about.
    for p in &lib.personas {
        for seed in 0..12 {
            for index in 0..4 {
                let before_leaving = lead_in(p, why_leaving, index + 1, seed).to_lowercase();
                for topic in ["how you", "practical", "judgment", "day on the floor"] {
                    assert!(
                        !before_leaving.contains(topic),
                        "{}: {before_leaving}",
                        p.id
                    );
                }
                let before_here = lead_in(p, why_here, index, seed).to_lowercase();
                assert!(
                    !before_here.contains("yourself") && !before_here.contains("coming from"),
                    "{}: {before_here}",
                    p.id
                );
            }
        }
    }
}

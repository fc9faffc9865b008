use super::*;
use crate::domain::content::Library;
use crate::domain::practice::typed::analyze_typed;
use crate::domain::stories::Coach;

fn text_lacks(lib: &Library, question: &str, text: &str) -> Vec<Trigger> {
    let q = lib.question(&Id::new(question)).unwrap();
    let a = analyze_typed(text, q, &mut Coach::from_library(lib), 120);
    from_text(q, &a, 120)
}

/// One good answer and one crafted to lack something, per trigger the text can show.
#[test]
fn each_text_trigger_fires_on_a_crafted_answer_and_not_on_a_good_one() {
    let lib = Library::builtin();
    let cases: [(Trigger, &str, &str, &str); 6] = [
        (
            Trigger::NoResult,
            "q-upset-patient",
            "A man was shouting at the desk about his wait. I listened, I said sorry and I checked the schedule with the therapist.",
            "A man was shouting at the desk about his wait. I listened, I said sorry and I checked the schedule. In the end he calmed down and stayed for his 2 pm session.",
        ),
        (
            Trigger::OnlyWe,
            "q-teamwork-example",
            "We had a busy Monday. We split the gym and we cleaned every table. In the end we saw 30 patients on time.",
            "We had a busy Monday. I took the hot packs and I cleaned every table myself. In the end we saw 30 patients on time.",
        ),
        (
            Trigger::Hypothetical,
            "q-gone-beyond",
            "I would stay late and I would call the family. In the end she felt better.",
            "I stayed late and I called the family. In the end she felt better.",
        ),
        (
            Trigger::NoHelpCall,
            "q-patient-starts-to-fall",
            "I hold the gait belt, keep my back straight and lower the patient slowly to the floor.",
            "I hold the gait belt, lower the patient slowly to the floor, stay with them and call the therapist.",
        ),
        (
            Trigger::NoExample,
            "q-confirm-instructions",
            "I ask again politely so I know what to do.",
            "I ask again politely. For example, at my last job I repeated the order back to the nurse.",
        ),
        (
            Trigger::NoWhyRole,
            "q-tell-me-about-yourself",
            "I have been a CNA for six years at a nursing home, and I am good with residents.",
            "I have been a CNA for six years at a nursing home. I want this job because I love helping people walk again.",
        ),
    ];
    for (trigger, q, bad, good) in cases {
        assert!(
            text_lacks(&lib, q, bad).contains(&trigger),
            "{trigger:?} on the crafted answer"
        );
        assert!(
            !text_lacks(&lib, q, good).contains(&trigger),
            "{trigger:?} on the good answer: {:?}",
            text_lacks(&lib, q, good)
        );
    }
}

#[test]
fn a_long_typed_answer_asks_for_the_short_version() {
    let lib = Library::builtin();
    let long = "I checked the brakes and the belt and the floor. ".repeat(40);
    assert!(text_lacks(&lib, "q-fall-prevention", &long).contains(&Trigger::TooLong));
    assert!(
        !text_lacks(
            &lib,
            "q-fall-prevention",
            "I lock the brakes, use a gait belt and call the therapist if they feel faint."
        )
        .contains(&Trigger::TooLong)
    );
}

#[test]
fn the_rubric_names_what_a_spoken_answer_lacked() {
    let lib = Library::builtin();
    let story = lib.question(&Id::new("q-upset-patient")).unwrap();
    let mut r = Rubric::new(QuestionKind::Star);
    assert_eq!(
        from_rubric(story, &r, 60, 120),
        [Trigger::NoResult, Trigger::OnlyWe, Trigger::NoSteps]
    );
    r.ticks = [true; 4];
    assert!(
        from_rubric(story, &r, 60, 120).is_empty(),
        "a good answer gets none"
    );
    assert_eq!(from_rubric(story, &r, 160, 120), [Trigger::TooLong]);
    let safety = lib.question(&Id::new("q-patient-starts-to-fall")).unwrap();
    let mut d = Rubric::new(QuestionKind::Direct);
    d.ticks = [true, false, true, true];
    assert_eq!(from_rubric(safety, &d, 60, 120), [Trigger::NoHelpCall]);
    let close = lib.question(&Id::new("q-questions-for-us")).unwrap();
    assert!(from_rubric(close, &Rubric::new(QuestionKind::Closer), 900, 120).is_empty());
}

#[test]
fn the_most_specific_follow_up_is_chosen_for_the_role() {
    let lib = Library::builtin();
    let q = lib.question(&Id::new("q-patient-starts-to-fall")).unwrap();
    let ask = |role: &str| {
        choose(
            &lib.follow_ups,
            q,
            Some(&Id::new(role)),
            &[Trigger::NoHelpCall],
            0,
        )
        .map(|f| f.text.clone())
    };
    assert_eq!(
        ask("pt-aide").as_deref(),
        Some("When would you stop and get the therapist?")
    );
    assert!(ask("pta").unwrap().contains("supervising PT"));
    let general = choose(&lib.follow_ups, q, None, &[Trigger::NoHelpCall], 0).unwrap();
    assert_eq!(general.id.as_str(), "fu-help-call");
    // A trigger with nothing fitting gives way to the next one.
    let story = lib.question(&Id::new("q-upset-patient")).unwrap();
    let next = choose(
        &lib.follow_ups,
        story,
        None,
        &[Trigger::NoHelpCall, Trigger::TooLong],
        0,
    )
    .unwrap();
    assert_eq!(next.trigger, Trigger::TooLong);
    assert!(choose(&lib.follow_ups, story, None, &[], 0).is_none());
}

/// A new grad's answer on when their license would be active was followed by "How would that
/// look with a patient … after a knee replacement?" (a persona walk): a follow-up aimed at the
/// question by id beats the role's.
#[test]
fn a_follow_up_aimed_at_a_question_beats_the_roles() {
    let lib = Library::builtin();
    for (id, role) in [
        ("q-new-grad-pta-license-timeline", "pta"),
        ("q-new-grad-ota-license-timeline", "ota"),
    ] {
        let q = lib.question(&Id::new(id)).unwrap();
        let f = choose(
            &lib.follow_ups,
            q,
            Some(&Id::new(role)),
            &[Trigger::NoExample],
            0,
        )
        .unwrap();
        assert_eq!(f.id.as_str(), "fu-no-example-license", "{id}");
    }
    // Elsewhere the role's still is.
    let rom = lib.question(&Id::new("q-pta-measure-rom")).unwrap();
    let f = choose(
        &lib.follow_ups,
        rom,
        Some(&Id::new("pta")),
        &[Trigger::NoExample],
        0,
    )
    .unwrap();
    assert_eq!(f.id.as_str(), "fu-no-example-pta");
}

#[test]
fn every_trigger_has_a_follow_up_and_every_follow_up_can_be_asked() {
    let lib = Library::builtin();
    for t in Trigger::ALL {
        assert!(lib.follow_ups.iter().any(|f| f.trigger == t), "{t:?}");
    }
    for f in &lib.follow_ups {
        let fits = lib
            .questions
            .iter()
            .any(|q| f.fits(q, None) || lib.roles.iter().any(|r| f.fits(q, Some(&r.id))));
        assert!(fits, "{} fits no question", f.id);
    }
}

#[test]
fn for_a_typed_answer_the_ticks_win_where_the_rubric_has_a_box() {
    let lib = Library::builtin();
    let q = lib.question(&Id::new("q-gone-beyond")).unwrap();
    let text = "We would stay late and we would call the family.";
    let a = analyze_typed(text, q, &mut Coach::from_library(&lib), 120);
    let mut r = Rubric::new(QuestionKind::Star);
    r.ticks = [true; 4];
    // The user ticked "result" and "said I": only what the rubric cannot show is left.
    assert_eq!(lacks(q, &r, 60, 120, Some(&a)), [Trigger::Hypothetical]);
    assert!(lacks(q, &r, 60, 120, None).is_empty());
}

/// A user walk: a knowledge answer ending "…and tell the therapist what I saw", its "correct"
/// box left for the user, was followed by "who would you go to?". Words that plainly get help
/// are not asked about again; without them, the empty box still asks.
#[test]
fn an_answer_that_says_it_gets_the_therapist_is_not_asked_who_it_would_go_to() {
    let lib = Library::builtin();
    let q = lib.question(&Id::new("q-rehab-aide-vs-cna-day")).unwrap();
    let r = Rubric::new(QuestionKind::Knowledge);
    let told = "Transfers and privacy stay the same. The aide sets up and cleans, and I would let \
                patients do more themselves and tell the therapist what I saw.";
    let a = analyze_typed(told, q, &mut Coach::from_library(&lib), 75);
    assert!(a.help_call);
    assert!(!lacks(q, &r, 60, 75, Some(&a)).contains(&Trigger::NoHelpCall));
    let silent = "Transfers and privacy stay the same. The aide sets up and cleans the mats.";
    let a = analyze_typed(silent, q, &mut Coach::from_library(&lib), 75);
    assert!(lacks(q, &r, 60, 75, Some(&a)).contains(&Trigger::NoHelpCall));
}

/// A follow-up's typed answer: which gap the interviewer probed, and whether this answer filled it.
fn judged(trigger: Trigger, text: &str, target: u32) -> Option<Judged> {
    judged_after("q-upset-patient", trigger, text, target)
}

fn judged_after(question: &str, trigger: Trigger, text: &str, target: u32) -> Option<Judged> {
    let lib = Library::builtin();
    let q = lib.question(&Id::new(question)).unwrap();
    let a = analyze_typed(text, q, &mut Coach::from_library(&lib), target);
    judge(trigger, &a, target)
}

#[test]
fn a_follow_up_that_gives_what_was_asked_is_told_so_and_one_that_does_not_is_told_how() {
    let ended = judged(
        Trigger::NoResult,
        "In the end he calmed down and stayed for his 2 pm session.",
        60,
    )
    .unwrap();
    assert!(ended.filled, "{ended:?}");
    assert!(ended.text.contains("how it ended"));
    let still = judged(Trigger::NoResult, "I listened to him.", 60).unwrap();
    assert!(!still.filled, "{still:?}");
    assert!(still.text.contains("close with what changed"));

    let mine = judged(
        Trigger::OnlyWe,
        "I took the hot packs and I cleaned the tables.",
        60,
    );
    assert!(mine.is_some_and(|j| j.filled));
    let ours = judged(Trigger::OnlyWe, "We took the hot packs and we cleaned.", 60).unwrap();
    assert!(
        !ours.filled && ours.text.contains("name the steps"),
        "{ours:?}"
    );
    let nobody = judged(Trigger::OnlyWe, "The tables got cleaned.", 60).unwrap();
    assert!(!nobody.filled, "no \"I\" at all is not your part");

    let real = judged(Trigger::Hypothetical, "I walked him to a quiet room.", 60).unwrap();
    assert!(real.filled, "{real:?}");
    let would = judged(
        Trigger::Hypothetical,
        "I would walk him to a quiet room and I would listen.",
        60,
    )
    .unwrap();
    assert!(!would.filled, "{would:?}");
}

#[test]
fn help_examples_and_why_this_job_are_each_heard_in_a_follow_up() {
    let cases: [(&str, Trigger, &str, &str); 3] = [
        (
            "q-upset-patient",
            Trigger::NoHelpCall,
            "If he got louder I would stop and get the therapist right away.",
            "I would stay calm.",
        ),
        (
            "q-upset-patient",
            Trigger::NoExample,
            "Last March a patient waited 40 minutes, so I offered him water and a new time.",
            "I stay calm.",
        ),
        (
            "q-tell-me-about-yourself",
            Trigger::NoWhyRole,
            "I want this job because I love seeing patients get stronger.",
            "I have been a CNA for six years.",
        ),
    ];
    for (question, trigger, good, weak) in cases {
        let yes = judged_after(question, trigger, good, 60).unwrap();
        assert!(yes.filled, "{trigger:?}: {yes:?}");
        let no = judged_after(question, trigger, weak, 60).unwrap();
        assert!(
            !no.filled && no.text.starts_with("It still"),
            "{trigger:?}: {no:?}"
        );
    }
}

#[test]
fn a_long_follow_up_is_judged_by_the_follow_ups_own_target() {
    let short = judged(
        Trigger::TooLong,
        "I said sorry and checked the schedule.",
        60,
    )
    .unwrap();
    assert!(short.filled, "{short:?}");
    let long = "I said sorry and I checked the schedule with the therapist. ".repeat(20);
    let still = judged(Trigger::TooLong, &long, 60).unwrap();
    assert!(
        !still.filled && still.text.contains("for a follow-up of 60 s"),
        "{still:?}"
    );
}

#[test]
fn how_easy_an_answer_was_to_follow_is_not_judged_from_its_words() {
    assert_eq!(
        judged(Trigger::NoSteps, "First I checked, then I called.", 60),
        None
    );
}

#[test]
fn each_gap_has_its_own_recap_either_way() {
    let mut seen = std::collections::HashSet::new();
    for t in Trigger::ALL {
        for filled in [true, false] {
            let r = recap(t, filled);
            assert!(!r.is_empty() && seen.insert(r), "{t:?} {filled}: {r}");
            assert_eq!(r.starts_with("still"), !filled, "{t:?}: {r}");
        }
    }
}

#[test]
fn walking_beside_a_patient_is_an_action_not_how_it_ended() {
    let me = judged(
        Trigger::NoResult,
        "I walked beside her with the gait belt.",
        60,
    )
    .unwrap();
    assert!(!me.filled, "{me:?}");
    let her = judged(
        Trigger::NoResult,
        "By Friday she walked to the dining room.",
        60,
    )
    .unwrap();
    assert!(her.filled, "{her:?}");
}

/// The user test: a follow-up to "What draws you to this position?" got "It still did not say why
/// this job" for a practical reason and for a reason about this employer.
#[test]
fn a_practical_reason_is_a_reason_with_a_nudge_and_this_employer_is_a_full_one() {
    let pay = judged_after(
        "q-tell-me-about-yourself",
        Trigger::NoWhyRole,
        "The hours are better than driving all day and it pays more.",
        60,
    )
    .unwrap();
    // Heard as a reason, but one that fits any job: not filled (a PTA user walk).
    assert!(!pay.filled, "{pay:?}");
    assert_eq!(
        pay.text,
        "You gave a reason (pay, hours), but one that fits any job. Add one thing about this job \
         or this team that draws you, so it does not sound like only running away."
    );
    let district = judged_after(
        "q-tell-me-about-yourself",
        Trigger::NoWhyRole,
        "Your district serves many elementary schools and I loved my school fieldwork.",
        60,
    )
    .unwrap();
    assert!(district.filled, "{district:?}");
    assert_eq!(district.text, "This time you said why you want this job.");
}

/// A school OTA user walk: "The student finished the activity safely and the aide said my
/// instructions were clear" was told it still did not say how it ended.
#[test]
fn someone_else_finishing_is_how_it_ended() {
    for text in [
        "The student finished the activity safely and the aide said my instructions were clear.",
        "He completed all ten steps with me beside him.",
    ] {
        let j = judged(Trigger::NoResult, text, 60).unwrap();
        assert!(j.filled, "{text}: {j:?}");
    }
    let j = judged(
        Trigger::NoResult,
        "I finished my notes and went to lunch.",
        60,
    )
    .unwrap();
    assert!(
        !j.filled,
        "the speaker's own chores are not how it ended: {j:?}"
    );
}

/// A persona walk: "We got Mr. H walking to the dining room again after he refused therapy for a
/// week" was told it still had no example. A patient named by title is one.
#[test]
fn a_patient_named_by_title_is_an_example() {
    let j = judged(
        Trigger::NoExample,
        "We got Mr. H walking to the dining room again after he refused therapy for a week.",
        60,
    )
    .unwrap();
    assert!(j.filled, "{j:?}");
}

#[test]
fn a_follow_up_aimed_at_a_question_that_does_not_exist_is_a_problem() {
    let lib = Library::from_user_files(&[(
        "mine.toml",
        b"[[follow_up]]\nid = \"fu-mine\"\ntrigger = \"no-example\"\nquestions = [\"q-nowhere\"]\n\
          text = \"And then?\"\n",
    )]);
    assert!(
        lib.problems
            .iter()
            .any(|p| p.to_string().contains("refers to question q-nowhere")),
        "{:?}",
        lib.problems
    );
}

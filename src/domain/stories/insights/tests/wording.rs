//! Tests of the wording rules: "I" vs "we", "would", a measurable result, fillers and job words.

use super::*;

#[test]
fn voice_counts_i_and_we_after_the_situation() {
    let a = run(&story(
        "We we we we.",
        "We had to.",
        "I’ve checked the list, then I called. We helped; they thanked us.",
        "Done in 5 minutes.",
    ));
    assert_eq!((a.metrics.i_count, a.metrics.we_count), (2, 3));
    assert!(
        a.has(&Finding::WeOverI { we: 3, i: 2 }),
        "{:?}",
        findings(&a)
    );
}

#[test]
fn voice_tips_below_three_i_to_each_we() {
    let a = run(&story(
        "s",
        "t",
        "I checked, I called, and we lifted him.",
        "3",
    ));
    assert!(a.has(&Finding::FewI {
        i: 2,
        we: 1,
        per_we: 3
    }));
}

#[test]
fn voice_tips_when_there_is_no_i_and_praises_a_clear_i() {
    let a = run(&story("s", "t", "Checked the schedule and called.", "3"));
    assert!(a.has(&Finding::NoI));
    let a = run(&story(
        "s",
        "t",
        "I checked. I called. I asked the PT.",
        "3",
    ));
    assert!(a.has(&Finding::ClearI { i: 3, we: 0 }));
    assert_eq!(Finding::ClearI { i: 3, we: 0 }.level(), Level::Good);
    let a = run(&story("s", "", "", ""));
    assert!(
        !a.findings()
            .any(|f| matches!(f, Finding::NoI | Finding::ClearI { .. })),
        "nothing told after the Situation: no voice"
    );
}

#[test]
fn would_is_a_warning_in_the_action_and_the_result_and_never_beside_praise() {
    let a = run(&story(
        "s",
        "t",
        "I would call the PT. I checked. I walked him.",
        "I would see him smile, 3 times.",
    ));
    assert_eq!(a.metrics.would, 2);
    assert!(a.has(&Finding::Would { count: 2 }));
    assert_eq!(Finding::Would { count: 2 }.level(), Level::Warning);
    assert!(
        !a.findings().any(|f| matches!(f, Finding::ClearI { .. })),
        "never “clear what you did” beside “would”: {:?}",
        findings(&a)
    );
    let a = run(&story("s", "t", "I asked if he would like water.", "3"));
    assert_eq!(a.metrics.would, 0, "“he would” is not a plan");
    let a = run(&story(
        "I would usually work the desk.",
        "t",
        "I acted.",
        "3",
    ));
    assert_eq!(a.metrics.would, 0, "a habit in the Situation is fine");
}

#[test]
fn result_is_measurable_with_a_number_percent_time_or_number_word() {
    for r in [
        "Wait times fell by 20%.",
        "He was seen in 15 minutes.",
        "Seen within two hours.",
        "We halved the no-shows.",
        "Le délai est passé à ５ jours.",
        "Every patient was ready by 10:30.",
        "It took a few weeks.",
    ] {
        let a = run(&story("s", "t", "I acted.", r));
        assert!(a.metrics.measurable_result, "{r}");
        assert!(a.has(&Finding::Measurable), "{r}");
        assert!(!a.has(&Finding::NoNumber), "{r}");
    }
}

#[test]
fn result_without_a_number_gets_the_question() {
    for r in [
        "He was happy.",
        "Once he calmed down, he thanked me.",
        "患者さんは喜んでくれました 🙂",
    ] {
        let a = run(&story("s 1", "t 2", "I acted 3 times.", r));
        assert!(!a.metrics.measurable_result, "{r}");
        assert!(a.has(&Finding::NoNumber), "{r}");
    }
    let a = run(&story("s", "t", "I acted.", ""));
    assert!(
        !a.has(&Finding::NoNumber),
        "empty Result: only the empty warning"
    );
}

#[test]
fn fillers_and_hedges_come_from_the_rule_table_and_are_counted_as_said() {
    let a = run(&story(
        "Um, it was basically a busy day.",
        "I think I had to, like, sort of cover the desk.",
        "I just called. I just, you know, checked. Maybe I guess I asked. Honestly, I mean, I \
         really actually did.",
        "Seen in 5 minutes.",
    ));
    let got: Vec<(&str, usize)> = a
        .metrics
        .fillers
        .iter()
        .map(|(w, n)| (w.as_str(), *n))
        .collect();
    assert_eq!(
        got,
        [
            ("just", 2),
            ("I guess", 1),
            ("I mean", 1),
            ("I think", 1),
            ("actually", 1),
            ("basically", 1),
            ("honestly", 1),
            ("like", 1),
            ("maybe", 1),
            ("really", 1),
            ("sort of", 1),
            ("um", 1),
            ("you know", 1),
        ]
    );
    assert_eq!(a.metrics.filler_total, 14);
    let Some(Finding::Fillers {
        total,
        allowed,
        per_minute,
        top,
    }) = a
        .findings()
        .find(|f| matches!(f, Finding::Fillers { .. }))
        .cloned()
    else {
        panic!("no filler finding: {:?}", findings(&a));
    };
    assert_eq!((total, allowed, per_minute), (14, 1, 1));
    assert_eq!(top.len(), 4);
    assert_eq!(top[0], ("just".to_string(), 2));
}

#[test]
fn ordinary_phrases_are_not_fillers() {
    let a = run(&story(
        "It was a kind of walker I had not used.",
        "The sort of task that needs care.",
        "I let you know what I did. Did you know the plan? I would like to help.",
        "Seen in 5 minutes.",
    ));
    assert!(a.metrics.fillers.is_empty(), "{:?}", a.metrics.fillers);
    // One filler in a short story is allowed.
    let a = run(&story("s", "t", "I just called.", "3"));
    assert_eq!(a.metrics.filler_total, 1);
    assert!(!a.findings().any(|f| matches!(f, Finding::Fillers { .. })));
}

#[test]
fn every_marked_phrase_is_counted_once() {
    let a = run(&story(
        "s",
        "We had to move the gym.",
        "I helped with the transfers. The mats were moved.",
        "It went well.",
    ));
    assert_eq!(
        a.metrics.flagged, 4,
        "we, helped with, were moved, went well"
    );
    assert!(a.has(&Finding::Flagged { count: 4 }));
    assert_eq!(a.flags(Section::Task).len(), 1);
}

/// The glossary terms the built-in glossary finds in a story of these four parts, by id.
fn terms_in(parts: [&str; 4]) -> (Analysis, Vec<String>) {
    let c = Coach {
        glossary: Glossary::from_library(&BUILTIN),
        ..coach()
    };
    assert!(!c.glossary.is_empty());
    let a = analyze(&story(parts[0], parts[1], parts[2], parts[3]), &c);
    let ids = a
        .metrics
        .terms
        .iter()
        .map(|t| t.id.as_str().to_string())
        .collect();
    (a, ids)
}

#[test]
fn job_words_come_from_the_content_glossary() {
    let (a, ids) = terms_in([
        "A patient needed help with ADLs.",
        "The PT asked me to help.",
        "I fastened a gait belt and helped with the transfer to the mat.",
        "3 transfers done safely.",
    ]);
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    assert!(ids.contains(&"t-gait-belt"), "{ids:?}");
    assert!(ids.contains(&"t-adls"), "{ids:?}");
    let names = a.findings().find_map(|f| match f {
        Finding::JobWords { names, .. } => Some(names.clone()),
        _ => None,
    });
    assert!(names.is_some_and(|n| n.iter().any(|t| t == "Gait belt")));
}

#[test]
fn naming_a_role_counts_as_that_role_not_as_the_therapist() {
    let (_, ids) = terms_in([
        "I want to be a PT aide.",
        "The PTA and the OT aide asked me to help.",
        "I worked beside the PT tech and an occupational therapy assistant.",
        "3 patients moved safely.",
    ]);
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    for role in ["t-pt-aide", "t-pta", "t-ot-aide", "t-ota"] {
        assert!(ids.contains(&role), "{role} in {ids:?}");
    }
    assert!(
        !ids.contains(&"t-physical-therapist") && !ids.contains(&"t-occupational-therapist"),
        "\"PT aide\" is not a word about the therapist: {ids:?}"
    );
}

#[test]
fn a_cna_moving_into_outpatient_rehab_is_heard_using_job_words() {
    // The persona's own words were "none yet" as job words before the glossary had them.
    let (_, ids) = terms_in([
        "I have been a CNA for six years at a skilled nursing facility.",
        "I wanted to work in rehab at an outpatient ortho clinic.",
        "I walked a resident at the parallel bars, keeping her hip precautions.",
        "After her total hip she went home.",
    ]);
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    for term in [
        "t-cna",
        "t-snf",
        "t-rehab",
        "t-outpatient",
        "t-orthopedic",
        "t-parallel-bars",
        "t-precautions",
        "t-joint-replacement",
    ] {
        assert!(ids.contains(&term), "{term} in {ids:?}");
    }
}

#[test]
fn job_words_tip_only_for_a_long_story_without_any() {
    let c = Coach {
        glossary: glossary(&[("t-gait-belt", "Gait belt")]),
        ..coach()
    };
    let long = sized(10, 10, 60, 20);
    assert!(analyze(&long, &c).has(&Finding::NoJobWords));
    let short = story("s", "t", "I helped.", "3");
    assert!(!analyze(&short, &c).has(&Finding::NoJobWords));
    assert!(!run(&long).has(&Finding::NoJobWords), "no glossary, no tip");
}

#[test]
fn job_words_list_is_capped() {
    let c = Coach {
        glossary: glossary(&[
            ("alpha", "alpha"),
            ("bravo", "bravo"),
            ("charlie", "charlie"),
            ("delta", "delta"),
            ("echo", "echo"),
            ("foxtrot", "foxtrot"),
            ("golf", "golf"),
        ]),
        ..coach()
    };
    let s = story(
        "alpha bravo",
        "charlie",
        "I used delta, echo and foxtrot.",
        "golf 3",
    );
    let a = analyze(&s, &c);
    assert!(
        a.has(&Finding::JobWords {
            names: ["alpha", "bravo", "charlie", "delta", "echo"]
                .map(String::from)
                .to_vec(),
            more: 2
        })
    );
}

#[test]
fn glossary_includes_the_users_own_terms() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.toml"),
        "[[term]]\nid = \"t-biodex\"\nterm = \"Biodex\"\nmeaning = \"A balance testing machine.\"\n",
    )
    .unwrap();
    let lib = Library::load(Some(dir.path()));
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    let c = Coach::from_library(&lib);
    let a = analyze(&story("s", "t", "I set up the Biodex.", "3"), &c);
    assert!(a.metrics.terms.iter().any(|t| t.id.as_str() == "t-biodex"));
}

#[test]
fn each_finding_reads_as_one_plain_line() {
    // Spot checks that the text is built from the values, not a list of sentences to keep in step.
    let short = Finding::Short {
        seconds: 40,
        target: (90, 120),
        add_to: Some(Part::Action),
    };
    assert!(short.text().contains("40 s") && short.text().contains("90–120 s"));
    let long = Finding::Long {
        seconds: 130,
        max: 120,
        trim: Some(Part::Action),
        far: false,
    };
    assert!(long.text().contains("the Action") && long.text().contains("2 min"));
    let thin = Finding::ResultThin {
        pct: 9,
        target: (10, 20),
    };
    assert!(thin.text().contains("9%") && thin.text().contains("10–20%"));
}

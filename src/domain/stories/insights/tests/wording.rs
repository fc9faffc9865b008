//! Tests of the wording rules: “I” vs “we”, “would”, a measurable result, fillers and job words.

use super::*;

#[test]
fn voice_counts_i_and_we_in_the_action_only() {
    let a = run(&story(
        "We we we we.",
        "We had to.",
        "I’ve checked the list, then I called. We helped; they thanked us.",
        "Done in 5 minutes.",
    ));
    assert_eq!((a.metrics.i_count, a.metrics.we_count), (2, 2));
    let t = texts(&a);
    assert!(
        t.contains(
            &"Action says “I” 2× and “we” 2×: aim for 3 to 1, and credit the team in the Result."
        ),
        "{t:?}"
    );
}

#[test]
fn voice_warns_when_we_outnumbers_i() {
    let a = run(&story(
        "s",
        "t",
        "We moved him. Our team did it, and I helped.",
        "3",
    ));
    let w = find(&a, "say what you did yourself");
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].level, Level::Warning);
    assert_eq!(
        w[0].text,
        "Action says “we” 2× and “I” 1×: say what you did yourself."
    );
}

#[test]
fn voice_tips_when_there_is_no_i_and_praises_a_clear_i() {
    let a = run(&story("s", "t", "Checked the schedule and called.", "3"));
    assert_eq!(find(&a, "never says “I”").len(), 1);
    let a = run(&story(
        "s",
        "t",
        "I checked. I called. I asked the PT.",
        "3",
    ));
    let good = find(&a, "clear what you did");
    assert_eq!(good.len(), 1);
    assert_eq!(good[0].level, Level::Good);
    let a = run(&story("s", "t", "", "3"));
    assert!(find(&a, "Action says").is_empty(), "empty Action: no voice");
}

#[test]
fn would_in_the_action_is_a_warning() {
    let a = run(&story(
        "s",
        "t",
        "I would call the PT. We would wait. I checked.",
        "3",
    ));
    assert_eq!(a.metrics.would_count, 2);
    let w = find(&a, "“would”");
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].level, Level::Warning);
    let a = run(&story("s", "t", "I asked if he would like water.", "3"));
    assert_eq!(a.metrics.would_count, 0, "“he would” is not a plan");
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
        assert_eq!(
            find(&a, "Result has a measurable outcome")[0].level,
            Level::Good
        );
        assert!(find(&a, "no number").is_empty(), "{r}");
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
        let tip = find(&a, "Result has no number");
        assert_eq!(tip.len(), 1, "{r}");
        assert_eq!(
            tip[0].text,
            "Result has no number: how much, how many, how fast?"
        );
        assert_eq!(tip[0].level, Level::Tip);
    }
    let a = run(&story("s", "t", "I acted.", ""));
    assert!(
        find(&a, "no number").is_empty(),
        "empty Result: only the empty warning"
    );
}

#[test]
fn fillers_and_hedges_are_counted_and_named() {
    let a = run(&story(
        "Um, it was basically a busy day.",
        "I think I had to, like, sort of cover the desk.",
        "I just called. I just, you know, checked. Maybe I guess I asked.",
        "Seen in 5 minutes.",
    ));
    assert_eq!(
        a.metrics.fillers,
        [
            ("just", 2),
            ("I guess", 1),
            ("I think", 1),
            ("basically", 1),
            ("maybe", 1),
            ("sort of", 1),
            ("um/uh", 1),
            ("you know", 1),
        ]
    );
    let tip = find(&a, "Cut filler words");
    assert_eq!(tip.len(), 1);
    assert_eq!(
        tip[0].text,
        "Cut filler words (“just” 2×, “I guess” 1×, “I think” 1×, “basically” 1×): about one a minute at most sounds fluent."
    );
}

#[test]
fn ordinary_phrases_are_not_fillers() {
    let a = run(&story(
        "It was a kind of walker I had not used.",
        "The sort of task that needs care.",
        "I let you know what I did. Did you know the plan?",
        "Seen in 5 minutes.",
    ));
    assert!(a.metrics.fillers.is_empty(), "{:?}", a.metrics.fillers);
    // One filler in a short story is allowed.
    let a = run(&story("s", "t", "I just called.", "3"));
    assert_eq!(a.metrics.fillers, [("just", 1)]);
    assert!(find(&a, "filler").is_empty());
}

#[test]
fn job_words_come_from_the_content_glossary() {
    let lib = Library::builtin();
    let glossary = Glossary::from_library(&lib);
    assert!(!glossary.is_empty());
    let s = story(
        "A patient needed help with ADLs.",
        "The PT asked me to help.",
        "I fastened a gait belt and helped with the transfer to the mat.",
        "3 transfers done safely.",
    );
    let a = analyze(&s, &glossary, &Guidance::default());
    let ids: Vec<&str> = a.metrics.terms.iter().map(|t| t.id.as_str()).collect();
    assert!(ids.contains(&"t-gait-belt"), "{ids:?}");
    assert!(ids.contains(&"t-adls"), "{ids:?}");
    let good = find(&a, "Job words used:");
    assert_eq!(good.len(), 1);
    assert_eq!(good[0].level, Level::Good);
    assert!(good[0].text.contains("Gait belt"), "{}", good[0].text);
}

#[test]
fn job_words_tip_only_for_a_long_story_without_any() {
    let g = Glossary::new(&[Term {
        id: Id::new("t-gait-belt"),
        term: "Gait belt".into(),
        aliases: vec![],
        meaning: String::new(),
    }]);
    let long = sized(10, 10, 60, 20);
    let a = analyze(&long, &g, &Guidance::default());
    assert_eq!(find(&a, "No job words yet")[0].level, Level::Tip);
    let short = story("s", "t", "I helped.", "3");
    let a = analyze(&short, &g, &Guidance::default());
    assert!(find(&a, "job words").is_empty() && find(&a, "Job words").is_empty());
    let a = run(&long);
    assert!(find(&a, "job words").is_empty(), "no glossary, no tip");
}

#[test]
fn job_words_list_is_capped() {
    let terms: Vec<Term> = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
    ]
    .iter()
    .map(|t| Term {
        id: Id::new(*t),
        term: t.to_string(),
        aliases: vec![],
        meaning: String::new(),
    })
    .collect();
    let g = Glossary::new(&terms);
    let s = story(
        "alpha bravo",
        "charlie",
        "I used delta, echo and foxtrot.",
        "golf 3",
    );
    let a = analyze(&s, &g, &Guidance::default());
    assert_eq!(
        find(&a, "Job words used")[0].text,
        "Job words used: alpha, bravo, charlie, delta, echo and 2 more."
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
    let g = Glossary::from_library(&lib);
    let s = story("s", "t", "I set up the Biodex.", "3");
    let a = analyze(&s, &g, &Guidance::default());
    assert!(a.metrics.terms.iter().any(|t| t.id.as_str() == "t-biodex"));
}

//! Tests of the insight rules: each rule's hits and misses, measurement, and text in any script.

use super::rules::{self, Out};
use super::*;
use crate::content::{Id, Library, Term};
use crate::stories::story::StoryId;
use chrono::{TimeZone, Utc};
use proptest::prelude::*;

fn story(s: &str, t: &str, a: &str, r: &str) -> Story {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut story = Story::new(StoryId::from_stem("t").unwrap(), "Test", now);
    story.situation = s.into();
    story.task = t.into();
    story.action = a.into();
    story.result = r.into();
    story
}

/// `n` neutral words: no pronouns, fillers, numbers or glossary terms.
fn filler_free(n: usize) -> String {
    vec!["clinic"; n].join(" ")
}

fn run(story: &Story) -> Analysis {
    analyze(story, &Glossary::default(), &Guidance::default())
}

fn texts(a: &Analysis) -> Vec<&str> {
    a.insights.iter().map(|i| i.text.as_str()).collect()
}

/// The insights whose text contains `needle`, with their level.
fn find<'a>(a: &'a Analysis, needle: &str) -> Vec<&'a Insight> {
    a.insights
        .iter()
        .filter(|i| i.text.contains(needle))
        .collect()
}

/// Applies one rule to `m` and returns what it said.
fn rule(f: impl FnOnce(&mut Out)) -> Vec<Insight> {
    let mut v = Vec::new();
    f(&mut Out(&mut v));
    v
}

/// A story of the given section sizes in words, with "I" leading every Action sentence and a number in
/// the Result, so only the rule under test has anything to say.
fn sized(s: usize, t: usize, a: usize, r: usize) -> Story {
    let action = (0..a)
        .map(|i| if i % 5 == 0 { "I" } else { "clinic" })
        .collect::<Vec<_>>()
        .join(" ");
    let result = if r == 0 {
        String::new()
    } else {
        format!("3 {}", filler_free(r - 1))
    };
    story(&filler_free(s), &filler_free(t), &action, &result)
}

#[test]
fn empty_story_gets_a_single_tip_to_start() {
    let a = run(&story("", " \n ", "", ""));
    assert_eq!(a.metrics, Metrics::default());
    assert_eq!(a.insights.len(), 1);
    assert_eq!(a.insights[0].level, Level::Tip);
    assert!(a.insights[0].text.starts_with("Start with the Situation"));
}

#[test]
fn each_empty_section_gets_a_warning_and_full_ones_none() {
    let a = run(&story("We were busy.", "", "", ""));
    let empty: Vec<&str> = find(&a, "is empty")
        .iter()
        .map(|i| {
            assert_eq!(i.level, Level::Warning);
            i.text.split(' ').next().unwrap()
        })
        .collect();
    assert_eq!(empty, ["Task", "Action", "Result"]);
    let full = run(&sized(5, 5, 20, 5));
    assert!(find(&full, "is empty").is_empty(), "{:?}", texts(&full));
}

#[test]
fn words_and_seconds_are_counted_per_section_at_the_configured_rate() {
    let s = sized(7, 14, 70, 35);
    let a = run(&s);
    assert_eq!(a.metrics.words, [7, 14, 70, 35]);
    assert_eq!(a.metrics.total_words, 126);
    assert_eq!(a.metrics.seconds[2], 30.0, "70 words at 140 a minute");
    assert!((a.metrics.total_seconds - 54.0).abs() < 1e-3);
    assert!((a.metrics.shares.iter().sum::<f32>() - 1.0).abs() < 1e-5);

    let slow = Guidance {
        words_per_minute: 70,
        ..Guidance::default()
    };
    let a = analyze(&s, &Glossary::default(), &slow);
    assert_eq!(a.metrics.seconds[2], 60.0);
    let zero = Guidance {
        words_per_minute: 0,
        ..Guidance::default()
    };
    let a = analyze(&s, &Glossary::default(), &zero);
    assert!(a.metrics.total_seconds.is_finite());
}

#[test]
fn length_is_judged_against_the_target() {
    let g = Guidance::default();
    let say = |secs: f32| {
        let m = Metrics {
            total_seconds: secs,
            ..Metrics::default()
        };
        rule(|out| rules::length(&m, &g, out))
    };
    let short = say(40.0);
    assert_eq!(short[0].level, Level::Tip);
    assert_eq!(
        short[0].text,
        "About 40 s spoken: add detail to the Action to reach 90–120 s."
    );
    let right = say(105.0);
    assert_eq!(right[0].level, Level::Good);
    assert!(right[0].text.contains("within the 90–120 s target"));
    let long = say(130.0);
    assert_eq!(long[0].level, Level::Tip);
    assert_eq!(
        long[0].text,
        "About 2 min 10 s spoken: trim to under 2 min, starting with the set-up."
    );
    assert_eq!(say(151.0)[0].level, Level::Warning, "25% over is a warning");
    // The edges of the target are inside it.
    assert_eq!(say(90.0)[0].level, Level::Good);
    assert_eq!(say(120.0)[0].level, Level::Good);
}

#[test]
fn length_uses_the_configured_target_and_rate_end_to_end() {
    let s = sized(20, 20, 120, 35); // 195 words: 84 s at 140 a minute.
    assert_eq!(find(&run(&s), "add detail")[0].level, Level::Tip);
    let g = Guidance {
        words_per_minute: 120,
        ..Guidance::default()
    };
    let a = analyze(&s, &Glossary::default(), &g);
    assert_eq!(find(&a, "within the 90–120 s")[0].level, Level::Good);
}

#[test]
fn spoken_time_is_rounded_to_five_seconds() {
    assert_eq!(rules::spoken(0.0), "0 s");
    assert_eq!(rules::spoken(43.0), "45 s");
    assert_eq!(rules::spoken(59.0), "1 min");
    assert_eq!(rules::spoken(104.0), "1 min 45 s");
    assert_eq!(rules::spoken(-3.0), "0 s");
    assert_eq!(rules::spoken(f32::NAN), "0 s");
}

#[test]
fn balance_is_right_when_action_leads() {
    let a = run(&sized(10, 10, 60, 20));
    let good = find(&a, "Balance is right");
    assert_eq!(good.len(), 1, "{:?}", texts(&a));
    assert_eq!(
        good[0].text,
        "Balance is right: Action 60%, set-up 20%, Result 20%."
    );
}

#[test]
fn balance_flags_thin_action_long_setup_and_result_size() {
    let a = run(&sized(30, 20, 35, 15));
    let t = texts(&a);
    assert!(
        t.contains(
            &"Action is only 35% of the story: say more about what you did (aim for about 60%)."
        ),
        "{t:?}"
    );
    assert!(
        t.contains(&"Situation and Task are 50% of the story: cut the set-up to under about 30%."),
        "{t:?}"
    );
    assert!(find(&a, "Balance is right").is_empty());

    let a = run(&sized(10, 10, 78, 2));
    assert_eq!(find(&a, "Result is only 2%").len(), 1, "{:?}", texts(&a));
    let a = run(&sized(5, 5, 55, 35));
    assert_eq!(find(&a, "Result is 35%").len(), 1, "{:?}", texts(&a));
}

#[test]
fn balance_is_not_judged_on_drafts() {
    // Lopsided, but too short to judge, or missing a section (which has its own warning).
    for s in [sized(20, 20, 10, 5), sized(40, 0, 40, 20)] {
        let a = run(&s);
        assert!(find(&a, "% of the story").is_empty(), "{:?}", texts(&a));
        assert!(find(&a, "Balance").is_empty(), "{:?}", texts(&a));
    }
}

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
fn insights_are_ordered_warnings_then_tips_then_good() {
    let a = run(&story("", "t", "We did it. I helped.", "Fine."));
    let levels: Vec<Level> = a.insights.iter().map(|i| i.level).collect();
    let mut sorted = levels.clone();
    sorted.sort();
    assert_eq!(levels, sorted);
    assert!(levels.contains(&Level::Warning) && levels.contains(&Level::Tip));
}

#[test]
fn accents_emoji_and_cjk_are_measured_without_surprises() {
    let s = story(
        "Un patient était très fâché 😠 à l’accueil.",
        "我必须安排时间。",
        "J’ai écouté. I listened 👂, then I called the PT; 我打电话了。",
        "Il a été vu en 10 minutes ✅.",
    );
    let a = run(&s);
    assert_eq!(
        a.metrics.words[0], 7,
        "emoji are not words; l’accueil is one"
    );
    assert_eq!(a.metrics.words[1], 7, "each Chinese character is a word");
    assert_eq!(a.metrics.i_count, 2);
    assert!(a.metrics.measurable_result);
    for i in &a.insights {
        assert!(!i.text.contains('\n'), "{i:?}");
    }
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

proptest! {
    #[test]
    fn any_text_gives_consistent_metrics_and_one_line_insights(
        s in any::<String>(), t in any::<String>(), a in any::<String>(), r in ".{0,40}",
    ) {
        let story = story(&s, &t, &a, &r);
        let out = run(&story);
        prop_assert_eq!(out.metrics.total_words, out.metrics.words.iter().sum::<usize>());
        prop_assert!(!out.insights.is_empty());
        for i in &out.insights {
            prop_assert!(!i.text.is_empty() && !i.text.contains('\n'));
        }
    }
}

//! Tests of the length and balance rules.

use super::*;

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

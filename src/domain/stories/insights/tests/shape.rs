//! Tests of the length and balance rules, and of the contradictions issue #19 found in them.

use super::*;
use crate::domain::stories::insights::rules::{length, round5, spoken};

#[test]
fn length_is_judged_on_the_rounded_seconds_shown() {
    let t = &TARGETS;
    let judge = |secs: f32| length(round5(secs), t, Some(Part::Action), None);
    assert_eq!(
        judge(40.0),
        Finding::Short {
            seconds: 40,
            target: (90, 120),
            add_to: Some(Part::Action)
        }
    );
    assert_eq!(judge(40.0).level(), Level::Tip);
    // 88 s is shown as "1 min 30 s": that is on target, never "add detail to reach 90–120 s".
    assert_eq!(
        judge(88.0),
        Finding::OnTarget {
            seconds: 90,
            target: (90, 120)
        }
    );
    assert_eq!(
        judge(122.4),
        Finding::OnTarget {
            seconds: 120,
            target: (90, 120)
        }
    );
    let long = judge(130.0);
    assert_eq!(
        long,
        Finding::Long {
            seconds: 130,
            max: 120,
            trim: None,
            far: false
        }
    );
    assert_eq!(long.level(), Level::Tip);
    let far = judge(153.0);
    assert!(matches!(far, Finding::Long { far: true, .. }), "{far:?}");
    assert_eq!(
        far.level(),
        Level::Warning,
        "more than 25% over is a warning"
    );
}

#[test]
fn length_uses_the_configured_pace_end_to_end() {
    let s = sized(20, 20, 120, 35); // 195 words: 84 s at 140 a minute.
    let a = run(&s);
    assert!(
        a.findings()
            .any(|f| matches!(f, Finding::Short { seconds: 85, .. }))
    );
    let slower = coach_with(Guidance {
        words_per_minute: 120,
        ..Guidance::default()
    });
    let a = analyze(&s, &slower);
    assert!(a.has(&Finding::OnTarget {
        seconds: 100,
        target: (90, 120)
    }));
}

#[test]
fn a_story_of_88_seconds_is_on_target_not_short() {
    // 205 words at 140 a minute is 87.9 s, shown as "1 min 30 s".
    let a = run(&sized(20, 20, 140, 25));
    assert_eq!(a.metrics.spoken, 90);
    assert!(a.has(&Finding::OnTarget {
        seconds: 90,
        target: (90, 120)
    }));
    assert!(!a.findings().any(|f| matches!(f, Finding::Short { .. })));
}

#[test]
fn spoken_time_is_rounded_to_five_seconds() {
    assert_eq!(spoken(0.0), "0 s");
    assert_eq!(spoken(43.0), "45 s");
    assert_eq!(spoken(59.0), "1 min");
    assert_eq!(spoken(104.0), "1 min 45 s");
    assert_eq!(spoken(-3.0), "0 s");
    assert_eq!(spoken(f32::NAN), "0 s");
}

#[test]
fn balance_is_right_only_when_every_share_is_on_target() {
    let a = run(&sized(10, 10, 65, 15));
    assert!(a.has(&Finding::Balanced {
        action: 65,
        setup: 20,
        result: 15
    }));
    // Result at 9% is under 10–20%: a tip, never "balance is right".
    let a = run(&sized(10, 10, 71, 9));
    assert!(a.has(&Finding::ResultThin {
        pct: 9,
        target: (10, 20)
    }));
    assert!(!a.findings().any(|f| matches!(f, Finding::Balanced { .. })));
}

#[test]
fn balance_flags_each_share_outside_its_target() {
    let a = run(&sized(30, 20, 35, 15));
    assert!(a.has(&Finding::ActionThin {
        pct: 35,
        target: (55, 70)
    }));
    assert!(a.has(&Finding::SetupLong { pct: 50, max: 30 }));
    let a = run(&sized(5, 5, 55, 35));
    assert!(a.has(&Finding::ResultHeavy {
        pct: 35,
        target: (10, 20)
    }));
    // An Action above 70% gets a tip too.
    let a = run(&sized(5, 5, 80, 10));
    assert!(a.has(&Finding::ActionHeavy {
        pct: 80,
        target: (55, 70)
    }));
}

#[test]
fn a_long_story_is_trimmed_where_it_is_over_not_in_the_set_up() {
    // Set-up 5%, Action 90%: trim the Action, never "starting with the set-up".
    let a = run(&sized(8, 7, 270, 15));
    assert!(
        a.has(&Finding::Long {
            seconds: 130,
            max: 120,
            trim: Some(Part::Action),
            far: false
        }),
        "{:?}",
        findings(&a)
    );
    let a = run(&sized(150, 10, 110, 30));
    assert!(a.findings().any(|f| matches!(
        f,
        Finding::Long {
            trim: Some(Part::Setup),
            ..
        }
    )));
}

#[test]
fn a_short_story_says_where_to_add() {
    let a = run(&sized(20, 20, 25, 15)); // Action 31%.
    assert!(a.findings().any(|f| matches!(
        f,
        Finding::Short {
            add_to: Some(Part::Action),
            ..
        }
    )));
    let a = run(&sized(10, 10, 55, 2)); // Result 3%, Action 71%.
    assert!(a.findings().any(|f| matches!(
        f,
        Finding::Short {
            add_to: Some(Part::Result),
            ..
        }
    )));
}

#[test]
fn balance_is_not_judged_on_drafts() {
    // Lopsided, but too short to judge, or missing a section (which has its own warning).
    for s in [sized(20, 20, 10, 5), sized(40, 0, 40, 20)] {
        let a = run(&s);
        let judged = a.findings().any(|f| {
            matches!(
                f,
                Finding::Balanced { .. }
                    | Finding::ActionThin { .. }
                    | Finding::ActionHeavy { .. }
                    | Finding::SetupLong { .. }
                    | Finding::ResultThin { .. }
                    | Finding::ResultHeavy { .. }
            )
        });
        assert!(!judged, "{:?}", findings(&a));
    }
}

/// A Result with no number is the first tip, before the marked phrases and the length: a small
/// window shows the first few lines only, and this is the one an interviewer misses most.
#[test]
fn a_result_with_nothing_to_check_is_the_first_tip() {
    let s = story(
        "I was on the rehab hall and um, a resident would not do her exercises.",
        "I had to get her to do her restorative program.",
        "I would sit with her and basically talk about her grandkids first.",
        "She started doing it again and she was happier.",
    );
    let a = run(&s);
    let found = findings(&a);
    let tips: Vec<&&Finding> = found.iter().filter(|f| f.level() == Level::Tip).collect();
    assert!(matches!(tips.first(), Some(Finding::NoNumber)), "{found:?}");
    assert!(found.iter().any(|f| matches!(f, Finding::Flagged { .. })));
}

//! Tests of the insight rules: measurement, empty stories, ordering and text in any script. They
//! assert findings (which rule, which numbers), not sentences, so a copy edit leaves them green.

use super::*;
use crate::domain::content::{Id, Library, Term};
use crate::domain::stories::phrasing::Phrasing;
use crate::domain::stories::story::StoryId;
use crate::domain::stories::words::Glossary;
use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use std::sync::LazyLock;

mod shape;
mod wording;

static BUILTIN: LazyLock<Library> = LazyLock::new(Library::builtin);

fn story(s: &str, t: &str, a: &str, r: &str) -> Story {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut story = Story::new(StoryId::from_stem("t").unwrap(), "Test", now);
    story.situation = s.into();
    story.task = t.into();
    story.action = a.into();
    story.result = r.into();
    story
}

/// A coach with the built-in phrasing rules, no glossary, and `guidance`.
fn coach_with(guidance: Guidance) -> Coach {
    Coach {
        glossary: Glossary::default(),
        phrasing: Phrasing::from_library(&BUILTIN),
        guidance,
        skills: Default::default(),
    }
}

fn coach() -> Coach {
    coach_with(Guidance::default())
}

/// `n` neutral words: no pronouns, fillers, numbers or glossary terms.
fn neutral(n: usize) -> String {
    vec!["clinic"; n].join(" ")
}

fn run(story: &Story) -> Analysis {
    analyze(story, &coach())
}

fn findings(a: &Analysis) -> Vec<&Finding> {
    a.findings().collect()
}

/// A story of the given section sizes in words, with "I" leading every fifth word of the Action and a
/// number in the Result, so only the rule under test has anything to say.
fn sized(s: usize, t: usize, a: usize, r: usize) -> Story {
    let action = (0..a)
        .map(|i| if i % 5 == 0 { "I" } else { "clinic" })
        .collect::<Vec<_>>()
        .join(" ");
    let result = if r == 0 {
        String::new()
    } else {
        format!("3 {}", neutral(r - 1))
    };
    story(&neutral(s), &neutral(t), &action, &result)
}

#[test]
fn empty_story_gets_a_single_tip_to_start() {
    let a = run(&story("", " \n ", "", ""));
    assert_eq!(a.metrics, Metrics::default());
    assert_eq!(findings(&a), [&Finding::Start]);
    assert_eq!(a.insights[0].level, Level::Tip);
}

#[test]
fn each_empty_section_gets_a_warning_and_full_ones_none() {
    let a = run(&story("We were busy.", "", "", ""));
    let empty: Vec<Section> = a
        .insights
        .iter()
        .filter_map(|i| match i.finding {
            Finding::Empty(s) => {
                assert_eq!(i.level, Level::Warning);
                Some(s)
            }
            _ => None,
        })
        .collect();
    assert_eq!(empty, [Section::Task, Section::Action, Section::Result]);
    let full = run(&sized(5, 5, 20, 5));
    assert!(!full.findings().any(|f| matches!(f, Finding::Empty(_))));
}

#[test]
fn words_and_seconds_are_counted_per_section_at_the_configured_rate() {
    let s = sized(7, 14, 70, 35);
    let a = run(&s);
    assert_eq!(a.metrics.words, [7, 14, 70, 35]);
    assert_eq!(a.metrics.total_words, 126);
    assert_eq!(a.metrics.seconds[2], 30.0, "70 words at 140 a minute");
    assert!((a.metrics.total_seconds - 54.0).abs() < 1e-3);
    assert_eq!(a.metrics.spoken, 55, "rounded to 5 s");
    assert_eq!(a.metrics.pct, [6, 11, 56, 28]);
    assert_eq!(a.metrics.setup_pct, 17);

    let slow = coach_with(Guidance {
        words_per_minute: 70,
        ..Guidance::default()
    });
    let a = analyze(&s, &slow);
    assert_eq!(a.metrics.seconds[2], 60.0);
    let zero = coach_with(Guidance {
        words_per_minute: 0,
        ..Guidance::default()
    });
    assert!(analyze(&s, &zero).metrics.total_seconds.is_finite());
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
fn rescanning_one_section_gives_what_a_whole_analysis_gives() {
    let c = coach();
    let mut s = story(
        "Busy day.",
        "Cover the desk.",
        "I just called.",
        "Seen in 5 min.",
    );
    let mut a = analyze(&s, &c);
    s.action = "We would call. I think we helped with the transfers.".into();
    a.rescan(Section::Action, &s.action, &c);
    assert_eq!(a, analyze(&s, &c));
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
        assert!(!i.text().contains('\n'), "{i:?}");
    }
}

#[test]
fn a_typed_answer_is_coached_without_sections() {
    let c = coach();
    let a = c.answer("Um, we would move the chairs. I think we helped with it, you know.");
    assert_eq!(a.scan.words, 14);
    assert!(a.has(&Finding::WeOverI { we: 2, i: 1 }), "{:?}", a.insights);
    assert!(a.has(&Finding::Would { count: 1 }));
    assert!(a.has(&Finding::Short {
        seconds: 5,
        target: (90, 120),
        add_to: None
    }));
    let kinds: Vec<_> = a.scan.flags.iter().map(|f| f.kind).collect();
    use crate::domain::content::phrasing::PhrasingKind as K;
    assert_eq!(
        kinds,
        [K::Filler, K::Would, K::Hedge, K::We, K::WeakVerb, K::Filler]
    );
    assert!(c.answer(" ").insights.is_empty());
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
            let text = i.text();
            prop_assert!(!text.is_empty() && !text.contains('\n'));
        }
        for sec in Section::ALL {
            for f in out.flags(sec) {
                prop_assert!(story.text(sec).get(f.start..f.end).is_some());
            }
        }
    }
}

/// A glossary of the given (id, term) pairs.
fn glossary(terms: &[(&str, &str)]) -> Glossary {
    let terms: Vec<Term> = terms
        .iter()
        .map(|(id, t)| Term {
            id: Id::new(*id),
            term: t.to_string(),
            aliases: vec![],
            meaning: String::new(),
        })
        .collect();
    Glossary::new(&terms)
}

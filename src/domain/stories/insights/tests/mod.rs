//! Tests of the insight rules: helpers, measurement, empty stories, ordering and text in any script.

use super::rules::{self, Out};
use super::*;
use crate::domain::content::{Id, Library, Term};
use crate::domain::stories::story::StoryId;
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

mod shape;
mod wording;

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

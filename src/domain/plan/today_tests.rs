//! Tests of today's plan: cards, story, practice and next, over the ten days and after.

use super::super::story_step::{Skill, Unfinished};
use super::*;
use crate::domain::content::Id;
use chrono::Days;

fn teamwork() -> Skill {
    Skill {
        id: Id::new("teamwork"),
        name: "Teamwork".into(),
    }
}

/// `n` stories, with `uncovered` the first core competency none shows.
fn stories(n: usize, uncovered: Option<Skill>) -> Option<StoryNumbers> {
    Some(StoryNumbers {
        count: n,
        uncovered_core: uncovered,
        ..StoryNumbers::default()
    })
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The persona on day 1: PT aide, 10 days out, nothing done yet.
fn day_one() -> Inputs {
    Inputs {
        today: d("2026-11-23"),
        interview: Some(d("2026-12-03")),
        total: 150,
        unseen: 150,
        daily_new_limit: 20,
        stories: stories(0, Some(teamwork())),
        ..Inputs::default()
    }
}

#[test]
fn day_one_studies_paced_cards_then_writes_a_story() {
    let p = plan(&day_one());
    assert_eq!(p.days_left, Some(10));
    assert_eq!(
        p.cards.new, 20,
        "150 over 8 days is 19; the limit of 20 stands"
    );
    assert_eq!(p.cards.reviews, (40, 60));
    assert_eq!(p.cards.minutes, 13);
    assert_eq!(
        p.story,
        Some(Story::Write {
            have: 0,
            about: Some(teamwork())
        })
    );
    assert_eq!(p.practice, Practice::NotYet);
    assert_eq!(p.next, Next::Cards);
    let text = p.lines().join("\n");
    assert!(
        text.contains("Cards: 20 (20 new, 0 due), about 40–60 reviews"),
        "{text}"
    );
    assert!(text.contains("write one that shows Teamwork"), "{text}");
}

#[test]
fn due_cards_alone_give_a_number_of_reviews_not_a_range() {
    let mut i = day_one();
    i.unseen = 0;
    i.due = 12;
    let p = plan(&i);
    assert_eq!((p.cards.new, p.cards.reviews), (0, (12, 12)));
    let text = p.lines().join("\n");
    assert!(text.contains("about 12 reviews,"), "{text}");
    assert_eq!(reviews_words((1, 1)), "1 review");
    assert_eq!(reviews_words((40, 60)), "40–60 reviews");
}

#[test]
fn what_was_done_today_counts() {
    let mut i = day_one();
    i.unseen = 130;
    i.introduced_today = 20;
    i.reviewed_today = 55;
    i.stories = stories(1, Some(teamwork()));
    let p = plan(&i);
    assert_eq!(p.cards.count(), 0);
    assert_eq!(p.next, Next::Story);
    assert_eq!(
        p.practice,
        Practice::Today,
        "one story is enough to practice"
    );
    i.stories = stories(5, None);
    let p = plan(&i);
    assert_eq!(p.story, None);
    assert_eq!(p.next, Next::Practice);
    i.rounds_today = 1;
    let p = plan(&i);
    assert_eq!((p.practice, p.next), (Practice::Done, Next::Rest));
}

#[test]
fn the_last_days_and_the_day_itself() {
    let mut i = day_one();
    i.unseen = 40;
    let fall = Unfinished {
        story: crate::domain::stories::StoryId::from_stem("the-fall").unwrap(),
        title: "The fall".into(),
        missing: vec!["Result".into()],
    };
    i.stories = Some(StoryNumbers {
        unfinished: Some(fall.clone()),
        ..stories(2, Some(teamwork())).unwrap()
    });
    i.today = d("2026-12-02");
    let p = plan(&i);
    assert_eq!(p.days_left, Some(1));
    assert_eq!(
        p.cards.new, 20,
        "the night before, no more new cards than any day's"
    );
    assert!(
        p.lines()
            .iter()
            .any(|l| l.contains("The night before") && l.contains("the 20 unseen can wait")),
        "{:?}",
        p.lines()
    );
    assert_eq!(
        p.story,
        Some(Story::Finish(fall)),
        "no new story on the last day, but finish one"
    );
    assert_eq!(p.practice, Practice::Today);
    i.today = d("2026-12-03");
    i.due = 12;
    let p = plan(&i);
    assert_eq!(p.cards.count(), 0);
    assert_eq!(
        (p.story.clone(), p.practice, p.next),
        (None, Practice::Rest, Next::Rest)
    );
    assert!(p.lines()[0].starts_with("Interview today"));
    i.today = d("2026-12-04");
    let p = plan(&i);
    assert_eq!(p.days_left, Some(-1));
    assert_eq!(p.cards.pace.reason, PaceReason::Passed);
    assert_eq!(
        (p.cards.count(), p.story.clone(), p.practice, p.next),
        (0, None, Practice::Rest, Next::Rest),
        "nothing more is asked until a new date is set, cards neither"
    );
    assert_eq!(
        p.lines(),
        [
            "Interview over: nothing planned. Set your next interview's date to plan again.",
            "Practice: when you have a new date."
        ]
    );
}

#[test]
fn without_a_date_the_limit_paces_and_practice_waits_for_a_story() {
    let mut i = day_one();
    i.interview = None;
    i.unseen = 226;
    let p = plan(&i);
    assert_eq!(p.days_left, None);
    assert_eq!(p.cards.new, 20);
    assert_eq!(p.practice, Practice::NotYet);
    i.daily_new_limit = 0;
    i.due = 0;
    let p = plan(&i);
    assert_eq!(p.cards.count(), 0);
    assert_eq!(p.next, Next::Story);
}

#[test]
fn every_day_of_the_countdown_gives_a_plan_that_reads() {
    let start = d("2026-11-23");
    for n in -2..=30i64 {
        let mut i = day_one();
        i.interview = Some(if n >= 0 {
            start + Days::new(n as u64)
        } else {
            start - Days::new((-n) as u64)
        });
        let p = plan(&i);
        assert!(!p.lines().is_empty());
        assert!(
            p.lines().iter().all(|l| !l.is_empty() && l.len() < 120),
            "{:?}",
            p.lines()
        );
    }
}

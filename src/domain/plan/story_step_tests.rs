//! Tests of the plan's story step: which story to tag, write or finish.

use super::*;
use crate::domain::stories::Story as StarStory;
use chrono::{DateTime, Utc};

fn lib() -> Library {
    Library::builtin()
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_424_400, 0).unwrap()
}

/// A whole story (every STAR part) with `action` as its Action and `tags`.
fn story(stem: &str, title: &str, action: &str, tags: &[&str]) -> StarStory {
    let mut s = StarStory::new(StoryId::from_stem(stem).unwrap(), title, now());
    s.situation = "It was a Monday at the nursing home.".into();
    s.task = "I had to get the residents to their sessions.".into();
    s.action = action.into();
    s.result = "Every session started on time.".into();
    s.tags = tags.iter().map(|t| t.to_string()).collect();
    s
}

/// The persona's busy-shift story: it speaks of teammates and covering for a coworker, but
/// carries only the tag they thought of.
fn busy_shift() -> StarStory {
    story(
        "2026-12-07-busy-shift",
        "Busy shift",
        "I covered for a coworker who was out sick and asked my teammate to cover the front hall.",
        &["time-management"],
    )
}

#[test]
fn a_story_whose_words_show_an_untagged_core_skill_is_the_one_to_tag() {
    let s = busy_shift();
    let n = story_inputs(&lib(), &[&s]);
    let t = n
        .untagged
        .clone()
        .expect("teamwork is heard in the busy shift");
    assert_eq!(t.story, s.id);
    assert_eq!(t.title, "Busy shift");
    assert_eq!(
        (t.skill.id.as_str(), t.skill.name.as_str()),
        ("teamwork", "Teamwork")
    );
    assert_eq!(story_step(Some(&n), false), Some(Story::Tag(t)));

    // Once tagged, the gap is filled: nothing is left to tag, and the plan asks for a new story.
    let mut tagged = s.clone();
    tagged.tags.push("teamwork".into());
    let n = story_inputs(&lib(), &[&tagged]);
    assert_eq!(n.untagged, None);
    assert!(matches!(
        story_step(Some(&n), false),
        Some(Story::Write { have: 1, about: Some(ref a) }) if a.id.as_str() != "teamwork"
    ));
}

#[test]
fn words_alone_never_count_as_a_tag_for_coverage() {
    // The story shows teamwork in words only: the plan still names it uncovered, and offers the tag.
    let s = busy_shift();
    let n = story_inputs(&lib(), &[&s]);
    assert_eq!(
        n.uncovered_core.map(|k| k.name),
        Some("Teamwork".to_string())
    );
}

#[test]
fn of_several_stories_the_first_skill_in_content_order_then_the_first_title_is_offered() {
    let refusal = story(
        "2026-12-07-refusal",
        "A resident who refused therapy",
        "I found a different way to get her up: we came up with a plan she liked.",
        &[],
    );
    let shift_b = story(
        "2026-12-07-b",
        "Busy shift (B)",
        "I covered for a coworker and asked my teammate for help.",
        &[],
    );
    let shift_a = story(
        "2026-12-07-a",
        "Busy shift (A)",
        "I covered for a coworker and asked my teammate for help.",
        &[],
    );
    // Teamwork comes before problem solving in the content, whatever order the stories come in.
    for order in [
        [&refusal, &shift_b, &shift_a],
        [&shift_a, &refusal, &shift_b],
        [&shift_b, &shift_a, &refusal],
    ] {
        let n = story_inputs(&lib(), &order);
        let t = n.untagged.unwrap();
        assert_eq!(
            (t.title.as_str(), t.skill.id.as_str()),
            ("Busy shift (A)", "teamwork")
        );
    }
    // With teamwork tagged elsewhere, the refusal story's problem solving is next.
    let mut shift = shift_a.clone();
    shift.tags.push("teamwork".into());
    let t = story_inputs(&lib(), &[&shift, &refusal]).untagged.unwrap();
    assert_eq!(
        (t.title.as_str(), t.skill.id.as_str()),
        ("A resident who refused therapy", "problem-solving")
    );
}

#[test]
fn words_are_searched_only_in_a_set_of_stories_a_person_writes() {
    let quiet = |i: usize| {
        story(
            &format!("2026-12-07-q{i:03}"),
            &format!("Quiet {i:03}"),
            "I did my work.",
            &[],
        )
    };
    let mut all: Vec<StarStory> = (1..HEARD_UP_TO).map(quiet).collect();
    all.push(busy_shift());
    let refs: Vec<&StarStory> = all.iter().collect();
    assert!(
        story_inputs(&lib(), &refs).untagged.is_some(),
        "fifty are searched"
    );
    all.push(quiet(0));
    let refs: Vec<&StarStory> = all.iter().collect();
    let n = story_inputs(&lib(), &refs);
    assert_eq!(n.untagged, None, "fifty-one are not");
    assert!(n.uncovered_core.is_some(), "the gap is still named");
}

#[test]
fn tagging_comes_first_then_writing_then_finishing_and_the_last_day_only_finishes() {
    let skill = |id: &str| Skill {
        id: Id::new(id),
        name: id.into(),
    };
    let fall = Unfinished {
        story: StoryId::from_stem("the-fall").unwrap(),
        title: "The fall".into(),
        missing: vec!["Result".into()],
    };
    let tag = Untagged {
        story: StoryId::from_stem("busy").unwrap(),
        title: "Busy shift".into(),
        skill: skill("teamwork"),
    };
    let mut n = StoryNumbers {
        count: 5,
        uncovered_core: Some(skill("teamwork")),
        unfinished: Some(fall.clone()),
        untagged: Some(tag.clone()),
    };
    assert_eq!(story_step(Some(&n), false), Some(Story::Tag(tag)));
    assert_eq!(
        story_step(Some(&n), true),
        Some(Story::Finish(fall.clone()))
    );
    n.untagged = None;
    assert!(matches!(
        story_step(Some(&n), false),
        Some(Story::Write { have: 5, .. })
    ));
    n.uncovered_core = None;
    assert_eq!(story_step(Some(&n), false), Some(Story::Finish(fall)));
    n.count = 3;
    assert_eq!(
        story_step(Some(&n), false),
        Some(Story::Write {
            have: 3,
            about: None
        }),
        "fewer than four stories: write another before finishing"
    );
    n.unfinished = None;
    n.count = 4;
    assert_eq!(story_step(Some(&n), false), None);
    assert_eq!(
        story_step(None, false),
        None,
        "stories not read: no story step"
    );
}

/// The story to finish next is the first by title that misses a part; of two with one title,
/// the first given; finished stories are passed over however they sort.
#[test]
fn the_story_to_finish_is_the_first_by_title_that_misses_a_part() {
    let now = DateTime::from_timestamp(1_795_424_400, 0).unwrap();
    let make = |stem: &str, title: &str, done: bool| {
        let mut s = StarStory::new(StoryId::from_stem(stem).unwrap(), title, now);
        s.situation = "At the clinic.".into();
        if done {
            s.task = "Help.".into();
            s.action = "I helped.".into();
            s.result = "It went well.".into();
        } else {
            s.action = "I helped.".into();
        }
        s
    };
    let mut stories = [
        make("2026-11-20-d", "Delta", false),
        make("2026-11-20-a", "Alpha", true),
        make("2026-11-20-b1", "Bravo", false),
        make("2026-11-20-b2", "Bravo", false),
    ];
    // The second Bravo misses three parts, the first two: the count tells them apart.
    stories[3].action.clear();
    let refs: Vec<&StarStory> = stories.iter().collect();
    let n = story_inputs(&lib(), &refs);
    let Unfinished {
        story,
        title,
        missing,
    } = n.unfinished.unwrap();
    assert_eq!(story.to_string(), "2026-11-20-b1");
    assert_eq!(title, "Bravo");
    assert_eq!(missing.len(), 2, "the first Bravo given: {missing:?}");
    let only_done: Vec<&StarStory> = stories.iter().filter(|s| s.title == "Alpha").collect();
    assert!(story_inputs(&lib(), &only_done).unfinished.is_none());
}

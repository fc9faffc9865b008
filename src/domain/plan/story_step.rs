//! The story part of today's plan: which story to tag, write or finish next, and what the stories
//! give the plan to decide it.
//!
//! The rule, in order: a core competency no story is tagged with, that a story's own words already
//! show ("heard", see [`Skills::heard`]): tag that story, a few seconds' work that fills the gap.
//! Else fewer than [`STORIES_WANTED`] stories, or a core competency no story shows: write one
//! about the first such competency. Else a story missing a STAR part: finish it. In the last day
//! before the interview only finishing is suggested.

use crate::domain::content::{Id, Library};
use crate::domain::stories::coverage::Coverage;
use crate::domain::stories::{Skills, Story as StarStory, StoryId};

pub use crate::domain::prep::next::STORIES_WANTED;

/// Up to this many stories, their words are searched for core skills no story is tagged with. A
/// person's set is four to six stories, rarely a few dozen; past fifty, nobody needs reminding to
/// tag, and searching a thousand stories' words would cost every start ~20 ms (19 µs a story,
/// release build, 2026-12-07), where the rest of the stories' facts take ~0.1 ms.
pub const HEARD_UP_TO: usize = 50;

/// A competency, by id (what a tag holds) and name (what a person reads).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Skill {
    pub id: Id,
    pub name: String,
}

/// A story missing STAR parts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Unfinished {
    pub story: StoryId,
    pub title: String,
    /// The parts missing, by name ("Result").
    pub missing: Vec<String>,
}

/// A story whose words show a core competency no story is tagged with.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Untagged {
    pub story: StoryId,
    pub title: String,
    pub skill: Skill,
}

/// The story parts of the plan's inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StoryNumbers {
    pub count: usize,
    /// The first core competency no story shows.
    pub uncovered_core: Option<Skill>,
    /// The first story (by title) missing a STAR part, and the parts missing.
    pub unfinished: Option<Unfinished>,
    /// The first story (by title) that shows the first core competency (in content order) that
    /// only stories' words show; never with more than [`HEARD_UP_TO`] stories.
    pub untagged: Option<Untagged>,
}

/// The story work to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Story {
    /// Add a tag to a story that shows its skill already.
    Tag(Untagged),
    /// Write a new story; `about` is a core competency no story shows yet, if any.
    Write { have: usize, about: Option<Skill> },
    /// Finish a story that lacks some STAR parts.
    Finish(Unfinished),
}

/// How many stories, the first core competency none shows, a story that shows one untagged, and
/// the first story (by title) missing a STAR part.
pub fn story_inputs(lib: &Library, stories: &[&StarStory]) -> StoryNumbers {
    story_inputs_covered(lib, &Coverage::from_library(lib, stories), stories)
}

/// [`story_inputs`] with the stories' coverage already worked out (it reads every story).
pub fn story_inputs_covered(
    lib: &Library,
    coverage: &Coverage,
    stories: &[&StarStory],
) -> StoryNumbers {
    let uncovered = coverage.core_uncovered().next().map(|r| Skill {
        id: r.id.clone(),
        name: r.name.clone(),
    });
    // The first by title (of equal titles, the first given) that misses a part: one pass, not a
    // sort of every story.
    let unfinished = stories
        .iter()
        .filter_map(|s| {
            let missing = s.completeness().missing();
            (!missing.is_empty()).then_some((s, missing))
        })
        .min_by(|(a, _), (b, _)| a.title.cmp(&b.title))
        .map(|(s, missing)| Unfinished {
            story: s.id.clone(),
            title: s.title.clone(),
            missing: missing.iter().map(|m| m.label().to_string()).collect(),
        });
    let untagged = (uncovered.is_some() && stories.len() <= HEARD_UP_TO)
        .then(|| untagged(lib, coverage, stories))
        .flatten();
    StoryNumbers {
        count: stories.len(),
        uncovered_core: uncovered,
        unfinished,
        untagged,
    }
}

/// The story to tag: for the first uncovered core competency (in content order) any story's words
/// show, the first such story by title.
fn untagged(lib: &Library, coverage: &Coverage, stories: &[&StarStory]) -> Option<Untagged> {
    let open: Vec<(usize, &Id, &str)> = coverage
        .core_uncovered()
        .enumerate()
        .map(|(k, r)| (k, &r.id, r.name.as_str()))
        .collect();
    let skills = Skills::from_library(lib);
    let mut best: Option<(usize, &StarStory, &Id, &str)> = None;
    for story in stories {
        let heard = skills.heard(story);
        let Some(&(k, id, name)) = open
            .iter()
            .filter(|(_, id, _)| heard.iter().any(|h| h.id == **id))
            .min_by_key(|(k, _, _)| *k)
        else {
            continue;
        };
        let better = match best {
            None => true,
            Some((bk, b, _, _)) => (k, &story.title) < (bk, &b.title),
        };
        if better {
            best = Some((k, story, id, name));
        }
    }
    best.map(|(_, story, id, name)| Untagged {
        story: story.id.clone(),
        title: story.title.clone(),
        skill: Skill {
            id: id.clone(),
            name: name.to_string(),
        },
    })
}

/// The story step of the plan, when the stories could be read (see the module notes).
pub(super) fn story_step(stories: Option<&StoryNumbers>, last_day: bool) -> Option<Story> {
    let numbers = stories?;
    if !last_day {
        if let Some(t) = &numbers.untagged {
            return Some(Story::Tag(t.clone()));
        }
        if numbers.count < STORIES_WANTED || numbers.uncovered_core.is_some() {
            return Some(Story::Write {
                have: numbers.count,
                about: numbers.uncovered_core.clone(),
            });
        }
    }
    numbers.unfinished.clone().map(Story::Finish)
}

#[cfg(test)]
#[path = "story_step_tests.rs"]
mod tests;

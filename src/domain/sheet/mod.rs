//! The one-page interview sheet: what goes on it, what is left out to keep it to one printed page, and
//! the sheet as printable HTML or Markdown.
//!
//! [`build`] takes everything the sheet could hold ([`Inputs`]: the profile, stories, starred
//! questions, certifications, content and the user's [`SheetChoices`]) and decides it all here, with
//! no browser: which stories ([`select`]), what line stands for each (the user's cue, or whole
//! sentences from the story, never a cut one: [`sentences`]), and what must go so the page still fits
//! in both US Letter and A4 at 10 pt ([`fit`]). The result, a [`Sheet`], is what the preview shows
//! and what [`html`] and [`markdown`] write, so the screen, the file and the paper agree.

pub mod choices;
pub mod fit;
mod header;
pub mod html;
pub mod intro;
pub mod markdown;
pub mod output;
pub mod select;
pub mod sentences;
pub mod sources;
pub mod starter;
mod story_line;

pub use choices::{Clinic, SheetChoices, StoryMark};
use header::header;
pub use header::{Header, when};
use story_line::story_line;
pub use story_line::{LineKind, fallback_line};

use crate::domain::content::{Ask, Fact, Id, Library, Topic};
use crate::domain::plan::Focus;
use crate::domain::profile::Profile;
use crate::domain::prose::join_and;
use crate::domain::stories::{Story, StoryId};
use crate::storage::sanitize::{clean, clean_line};
use chrono::NaiveDate;

/// Most stories on the sheet, and how many it keeps when space is short.
pub const MAX_STORIES: usize = 6;
/// Stories the sheet keeps before it gives up anything but facts and the fifth and sixth story.
pub const CORE_STORIES: usize = 4;
/// A cue longer than this many words is not "a line to glance at": the sheet uses sentences from the
/// story instead and says why.
pub const CUE_MAX_WORDS: usize = 40;
/// Words of whole sentences shown for a story without a cue: at most as long as a cue may be, about
/// two printed lines.
pub const FALLBACK_MAX_WORDS: usize = 40;
/// The introduction is shown in whole sentences up to this many words (the advice is 60–90).
pub const INTRO_MAX_WORDS: usize = 130;
/// Questions to ask kept before any is given up for space.
pub const CORE_ASKS: usize = 3;
/// The checklist step "Make a one-page summary to bring", which leads to the sheet.
pub const SUMMARY_STEP: &str = "step-summary";
/// The checklist step whose first sentence says what to bring.
pub const BRING_STEP: &str = "step-documents";

/// Everything the sheet could hold. Text here may come from hand-edited files: [`build`] cleans it.
pub struct Inputs<'a> {
    pub profile: &'a Profile,
    pub interview_date: Option<NaiveDate>,
    pub certifications: &'a [String],
    pub lib: &'a Library,
    pub stories: &'a [&'a Story],
    /// Ids of the questions to ask that the user starred, in any order.
    pub starred: &'a [Id],
    pub choices: &'a SheetChoices,
}

/// The sheet as it will print: every part decided, and what was left out and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub header: Header,
    /// The 30-second introduction in whole sentences, or `None` when there is none to show.
    pub intro: Option<String>,
    pub stories: Vec<SheetStory>,
    pub certifications: Vec<String>,
    pub asks: Vec<String>,
    pub facts: Vec<SheetFact>,
    /// What to bring, from the checklist.
    pub bring: Option<String>,
    /// Parts that would have been on the sheet but did not fit, in the order they were given up.
    pub left_out: Vec<LeftOut>,
    /// Stories not on the sheet and why (dropped by the user, or more than fit among the best).
    pub not_chosen: Vec<NotChosen>,
    /// Things worth knowing about the sheet, each a sentence that says what to do.
    pub notes: Vec<String>,
    /// The estimated height of the printed content as a share of the page, 0.0–1.0.
    pub fill: f32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetStory {
    pub id: StoryId,
    pub title: String,
    /// Names of the competencies the story shows.
    pub shows: Vec<String>,
    pub line: String,
    pub kind: LineKind,
    pub pinned: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetFact {
    /// The question the fact answers, e.g. "Who establishes a patient's plan of care?".
    pub question: String,
    pub text: String,
    pub source: String,
}

/// A part given up for space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeftOut {
    Fact(String),
    Story(String),
    Ask(String),
    Certification(String),
    Bring,
    Clinic,
    Intro,
}

impl LeftOut {
    /// Short words for the preview, e.g. `the story "Busy Saturday"`.
    pub fn describe(&self) -> String {
        match self {
            LeftOut::Fact(_) => "a fact of your role".into(),
            LeftOut::Story(t) => format!("the story \"{t}\""),
            LeftOut::Ask(_) => "a question to ask".into(),
            LeftOut::Certification(c) => format!("the certification \"{c}\""),
            LeftOut::Bring => "what to bring".into(),
            LeftOut::Clinic => "a line of the clinic's details".into(),
            LeftOut::Intro => "your introduction".into(),
        }
    }
}

/// Why a story is not on the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The user dropped it.
    Dropped,
    /// Other stories cover the role's competencies better, and the sheet holds six.
    NotAmongBest,
    /// Nothing is written in it yet.
    Empty,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotChosen {
    pub id: StoryId,
    pub title: String,
    pub why: Why,
}

impl Sheet {
    /// One sentence for the preview on what was left out to fit the page, or `None` if nothing was.
    /// For example: `To fit one page, the sheet leaves out 3 facts of your role and the story "Busy
    /// Saturday".`
    pub fn left_out_summary(&self) -> Option<String> {
        if self.left_out.is_empty() {
            return None;
        }
        let count = |f: fn(&LeftOut) -> bool| self.left_out.iter().filter(|l| f(l)).count();
        let mut parts: Vec<String> = Vec::new();
        let plural = |n: usize, one: &str, many: &str| {
            if n == 1 {
                one.to_string()
            } else {
                format!("{n} {many}")
            }
        };
        let facts = count(|l| matches!(l, LeftOut::Fact(_)));
        if facts > 0 {
            parts.push(plural(facts, "a fact of your role", "facts of your role"));
        }
        for l in &self.left_out {
            if let LeftOut::Story(_) | LeftOut::Certification(_) = l {
                parts.push(l.describe());
            }
        }
        let asks = count(|l| matches!(l, LeftOut::Ask(_)));
        if asks > 0 {
            parts.push(plural(asks, "a question to ask", "questions to ask"));
        }
        for l in &self.left_out {
            if let LeftOut::Bring | LeftOut::Intro = l {
                parts.push(l.describe());
            }
        }
        let clinic = count(|l| matches!(l, LeftOut::Clinic));
        if clinic > 0 {
            parts.push(plural(
                clinic,
                "a line of the clinic's details",
                "lines of the clinic's details",
            ));
        }
        Some(format!(
            "To fit one page, the sheet leaves out {}.",
            join_and(&parts)
        ))
    }
}

/// Decides the whole sheet: the parts, the stories and their lines, then what to leave out so it
/// fits one page.
pub fn build(inputs: &Inputs) -> Sheet {
    let mut notes = Vec::new();
    let header = header(inputs);
    let intro = intro(&inputs.choices.intro, &mut notes);
    let selection = select::choose(inputs);
    let mut stories = Vec::new();
    for chosen in &selection.chosen {
        let story = chosen.story;
        let (line, kind) = story_line(story, &mut notes);
        stories.push(SheetStory {
            id: story.id.clone(),
            title: title_of(story),
            shows: chosen.shows.clone(),
            line,
            kind,
            pinned: chosen.pinned,
        });
    }
    if inputs.stories.is_empty() {
        notes.push("You have no stories yet: write 4 to 6 on the Stories screen.".into());
    } else if stories.len() < CORE_STORIES {
        notes.push(format!(
            "The sheet has room for {CORE_STORIES} to {MAX_STORIES} stories; you have {} ready.",
            stories.len()
        ));
    }
    let certifications: Vec<String> = inputs
        .certifications
        .iter()
        .map(|c| one_line(c))
        .filter(|c| !c.is_empty())
        .collect();
    if certifications.is_empty() {
        notes.push(
            "No certifications listed: add yours (e.g. CPR/BLS) in your profile (p on Home)."
                .into(),
        );
    }
    let mut asks: Vec<String> = inputs
        .lib
        .asks
        .iter()
        .filter(|a: &&Ask| inputs.starred.contains(&a.id))
        .map(|a| one_line(&a.text))
        .filter(|a| !a.is_empty())
        .collect();
    if asks.is_empty() {
        // A sheet printed the night before should still hold questions to ask: the first ones
        // Home lists for the user's role and background, until they star their own.
        asks = Focus::new(inputs.profile, inputs.lib)
            .asks(inputs.lib)
            .into_iter()
            .map(|a| one_line(&a.text))
            .filter(|a| !a.is_empty())
            .take(CORE_ASKS)
            .collect();
        if !asks.is_empty() {
            notes.push(format!(
                "No questions starred yet, so the sheet suggests the first {} Home lists for you: \
                 star the ones you like on the Home screen to choose your own.",
                asks.len()
            ));
        }
    }
    let facts = facts(inputs);
    if facts.is_empty() && !inputs.profile.has_focus() {
        notes.push("Choose your role in your profile to add facts of your role.".into());
    }
    let bring = inputs
        .lib
        .steps
        .iter()
        .find(|s| s.id.as_str() == BRING_STEP)
        .and_then(|s| sentences::split(&clean(&s.detail)).into_iter().next());
    let mut sheet = Sheet {
        header,
        intro,
        stories,
        certifications,
        asks,
        facts,
        bring,
        left_out: Vec::new(),
        not_chosen: selection.not_chosen,
        notes,
        fill: 0.0,
    };
    fit::fit(&mut sheet);
    sheet
}

fn one_line(text: &str) -> String {
    clean_line(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn title_of(story: &Story) -> String {
    let t = one_line(&story.title);
    if t.is_empty() {
        "Untitled story".into()
    } else {
        t
    }
}

fn intro(text: &str, notes: &mut Vec<String>) -> Option<String> {
    let all = sentences::split(&clean(text));
    if all.is_empty() {
        notes.push(
            "Write your 30-second introduction (\"Tell me about yourself\") to put it at the top."
                .into(),
        );
        return None;
    }
    let total = sentences::word_count(&all.join(" "));
    let kept = sentences::leading_within(&all, INTRO_MAX_WORDS);
    if kept.is_empty() {
        notes.push(format!(
            "Your introduction's first sentence is over {INTRO_MAX_WORDS} words, so it is left off \
             the sheet: split it into shorter sentences."
        ));
        return None;
    }
    let blanks = starter::blanks(text).len();
    if blanks > 0 {
        notes.push(format!(
            "Your introduction still has {} in [brackets] from the starter: fill {} in before you \
             print.",
            if blanks == 1 { "a part" } else { "parts" },
            if blanks == 1 { "it" } else { "them" },
        ));
    }
    if kept.len() < all.len() {
        let n = sentences::word_count(&kept.join(" "));
        notes.push(format!(
            "Your introduction is {total} words; the sheet shows its first {} sentences ({n} words). \
             Aim for 60–90.",
            kept.len()
        ));
    }
    Some(kept.join(" "))
}

/// Facts of the first chosen role worth saying out loud: up to three on scope (what the role may and
/// may not do), then the path: one on certification, and one on training, preferring the one that
/// says how to move up ("become"). None without a role. Each is the card's question and its answer,
/// so an answer like "No." or "Neither needs a license" reads on its own.
fn facts(inputs: &Inputs) -> Vec<SheetFact> {
    let Some(role) = inputs.profile.roles.first() else {
        return Vec::new();
    };
    let for_role = |topic: Topic| -> Vec<&Fact> {
        inputs
            .lib
            .facts
            .iter()
            .filter(|f| f.topic == topic && (f.roles.is_empty() || f.roles.contains(role)))
            .collect()
    };
    let mut picked: Vec<&Fact> = for_role(Topic::Scope).into_iter().take(3).collect();
    picked.extend(for_role(Topic::Certification).into_iter().take(1));
    let training = for_role(Topic::Training);
    let path = training
        .iter()
        .find(|f| f.front.to_lowercase().contains("become"))
        .or(training.first());
    picked.extend(path);
    picked
        .into_iter()
        .map(|f| SheetFact {
            question: one_line(&f.front).replacen("Which of these ", "What ", 1),
            text: one_line(&f.back),
            source: one_line(&f.source),
        })
        .filter(|f| !f.text.is_empty())
        .collect()
}

#[cfg(test)]
mod tests;

//! The story coach: the glossary, the phrasing rules and the targets, built once when content loads.
//! Both the story editor and typed mock-interview answers are coached through it.

use super::insights::{Analysis, AnswerAnalysis, Guidance, Scan, analyze};
use super::phrasing::{Flag, Phrasing, Replacement};
use super::skills::Skills;
use super::story::{Section, Story};
use super::words::Glossary;
use crate::domain::content::Library;

/// What the coaching needs.
#[derive(Debug, Default)]
pub struct Coach {
    pub glossary: Glossary,
    pub phrasing: Phrasing,
    pub guidance: Guidance,
    /// The skills a story's words suggest, offered as tags.
    pub skills: Skills,
}

impl Coach {
    /// The coach for all loaded content, at the default pace; set `guidance.words_per_minute` from
    /// the user's config.
    pub fn from_library(lib: &Library) -> Coach {
        Coach {
            glossary: Glossary::from_library(lib),
            phrasing: Phrasing::from_library(lib),
            guidance: Guidance::default(),
            skills: Skills::from_library(lib),
        }
    }

    /// A whole story, measured and coached.
    pub fn story(&self, story: &Story) -> Analysis {
        analyze(story, self)
    }

    /// A typed answer, measured and coached.
    pub fn answer(&self, text: &str) -> AnswerAnalysis {
        AnswerAnalysis::new(text, self)
    }

    /// Plain `text` as `part` of a story (`None` for an answer): words, counts and marked phrases.
    pub fn scan(&self, text: &str, part: Option<Section>) -> Scan {
        Scan::new(text, part, self)
    }

    /// Why a marked phrase is worth rewording.
    pub fn why(&self, flag: &Flag) -> &str {
        self.phrasing.rule(flag.rule).map_or("", |r| r.why.as_str())
    }

    /// The rewrites a marked phrase offers, filled in from `text` (`""` deletes the phrase).
    pub fn suggestions(&self, text: &str, flag: &Flag) -> Vec<String> {
        self.phrasing.suggestions(text, flag)
    }

    /// The edit accepting rewrite `choice` of `flag` makes to `text`.
    pub fn rewrite(&self, text: &str, flag: &Flag, choice: usize) -> Option<Replacement> {
        self.phrasing.rewrite(text, flag, choice)
    }
}

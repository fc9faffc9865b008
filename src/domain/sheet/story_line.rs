//! The line under a story's title: the user's cue, or else whole sentences from the story.

use super::{CUE_MAX_WORDS, FALLBACK_MAX_WORDS, one_line, sentences, title_of};
use crate::domain::stories::{Section, Story};
use crate::storage::sanitize::clean;

/// How a story's line came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The user's own cue.
    Cue,
    /// Whole sentences from the story (fillers taken out), since there is no usable cue.
    Sentences,
    /// Nothing to show: no cue, and no sentence short enough.
    Nothing,
}

/// The line under a story's title: the cue if there is a usable one, else whole sentences.
pub(super) fn story_line(story: &Story, notes: &mut Vec<String>) -> (String, LineKind) {
    let cue = one_line(&story.cue);
    let title = title_of(story);
    if !cue.is_empty() {
        let n = sentences::word_count(&cue);
        if n <= CUE_MAX_WORDS {
            return (cue, LineKind::Cue);
        }
        notes.push(format!(
            "The cue for \"{title}\" is {n} words, too long to glance at; the sheet uses sentences \
             from the story. Keep a cue to one short sentence."
        ));
    }
    let line = fallback_line(story);
    if line.is_empty() {
        notes.push(format!(
            "\"{title}\" has no cue and no sentence short enough for the sheet: write a cue line."
        ));
        (line, LineKind::Nothing)
    } else {
        (line, LineKind::Sentences)
    }
}

/// Up to [`FALLBACK_MAX_WORDS`] words of whole sentences: the first Action sentence that fits, then
/// the first Result sentence that fits what is left; if neither fits, the first Situation sentence
/// that does. Fillers are taken out first. Never part of a sentence, never "…".
pub fn fallback_line(story: &Story) -> String {
    let pick = |section: Section, budget: usize| -> Option<String> {
        sentences::split(&clean(story.text(section)))
            .iter()
            .map(|s| sentences::with_stop(&sentences::strip_fillers(s)))
            .find(|s| !s.is_empty() && sentences::word_count(s) <= budget)
    };
    let mut out: Vec<String> = Vec::new();
    let mut left = FALLBACK_MAX_WORDS;
    for section in [Section::Action, Section::Result] {
        if let Some(s) = pick(section, left) {
            left -= sentences::word_count(&s);
            out.push(s);
        }
    }
    if out.is_empty()
        && let Some(s) = pick(Section::Situation, left)
    {
        out.push(s);
    }
    out.join(" ")
}

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

/// Up to [`FALLBACK_MAX_WORDS`] words of whole sentences: how it ended first (the Result's first
/// sentence with a number, else its first, that fits), then the first Action sentence that fits
/// what is left, shown Action first; if neither fits, the first Situation sentence that does.
/// The Result is chosen first because it is what an interviewer remembers: a long opening Action
/// sentence used to leave no room for "he reached 110 degrees". Fillers are taken out first.
/// Never part of a sentence, never "…".
pub fn fallback_line(story: &Story) -> String {
    let fitting = |section: Section, budget: usize| -> Vec<String> {
        sentences::split(&clean(story.text(section)))
            .iter()
            .map(|s| sentences::with_stop(&sentences::strip_fillers(s)))
            .filter(|s| !s.is_empty() && sentences::word_count(s) <= budget)
            .collect()
    };
    let result = {
        let all = fitting(Section::Result, FALLBACK_MAX_WORDS);
        let measured = all.iter().find(|s| s.chars().any(|c| c.is_ascii_digit()));
        measured.or(all.first()).cloned()
    };
    let left = FALLBACK_MAX_WORDS - result.as_deref().map_or(0, sentences::word_count);
    let action = fitting(Section::Action, left).into_iter().next();
    let out: Vec<String> = action.into_iter().chain(result).collect();
    if out.is_empty() {
        return fitting(Section::Situation, FALLBACK_MAX_WORDS)
            .into_iter()
            .next()
            .unwrap_or_default();
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stories::StoryId;
    use chrono::{TimeZone, Utc};

    /// A tester's knee story: the first Action sentence ran long, and the cue left out the
    /// measurable result the story was told for.
    #[test]
    fn the_measured_result_is_kept_even_after_a_long_action_sentence() {
        let at = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        let mut s = Story::new(StoryId::from_stem("knee").unwrap(), "Knee", at);
        s.action = "I measured his knee flexion with a goniometer three sessions in a row, wrote \
                    each number in my note and messaged my supervising PT the same day when it \
                    stopped going up. She changed the plan."
            .into();
        s.result =
            "He was happy. He reached 110 degrees and could climb stairs step over step.".into();
        let line = fallback_line(&s);
        assert!(
            line.ends_with("He reached 110 degrees and could climb stairs step over step."),
            "{line}"
        );
        assert!(sentences::word_count(&line) <= FALLBACK_MAX_WORDS, "{line}");
        assert!(
            line.starts_with("She changed the plan.") || line.starts_with("I measured"),
            "{line}"
        );
    }
}

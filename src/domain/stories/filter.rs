//! The story list's filter: words typed after `/` that a story must contain, in any field or its tags.

use super::story::{Section, Story, fold};

/// A parsed filter. Every word must appear somewhere in the story (title, S/T/A/R, tags or linked
/// question ids); a word written `#word` must appear in a tag. Matching ignores case and common accents,
/// so "cafe" finds "Café", and matches parts of words, so the list narrows as the user types.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    words: Vec<String>,
    tags: Vec<String>,
}

impl Filter {
    pub fn new(query: &str) -> Filter {
        let mut f = Filter::default();
        for word in query.split_whitespace() {
            match word.strip_prefix('#') {
                Some("") => {}
                Some(tag) => f.tags.push(fold(tag)),
                None => f.words.push(fold(word)),
            }
        }
        f
    }

    /// The words asked for anywhere in a story, folded.
    pub(super) fn words(&self) -> &[String] {
        &self.words
    }

    /// The words asked for in a tag (written `#word`), folded.
    pub(super) fn tags(&self) -> &[String] {
        &self.tags
    }

    /// True when the filter lets every story through.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.tags.is_empty()
    }

    pub fn matches(&self, story: &Story) -> bool {
        self.is_empty() || self.matches_text(&SearchText::of(story))
    }

    /// True when every story this filter lets through, `wider` lets through too: each of `wider`'s
    /// words is part of one of these words or tags (tags are part of the text searched), and each of
    /// its tags part of one of these tags. So a query grown by a letter or a word need only look
    /// through what the shorter one matched.
    pub fn narrows(&self, wider: &Filter) -> bool {
        let within = |w: &String, among: &[String]| among.iter().any(|x| x.contains(w.as_str()));
        wider
            .words
            .iter()
            .all(|w| within(w, &self.words) || within(w, &self.tags))
            && wider.tags.iter().all(|t| within(t, &self.tags))
    }

    /// `matches` for a story whose text was folded beforehand.
    pub fn matches_text(&self, story: &SearchText) -> bool {
        self.tags
            .iter()
            .all(|want| story.tags.iter().any(|t| t.contains(want)))
            && self.words.iter().all(|w| story.text.contains(w.as_str()))
    }
}

/// A story's text as the filter searches it: folded (lowercase, accents off) once, so the Stories
/// screen can keep it while the user types in the filter box rather than fold every story per key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchText {
    tags: Vec<String>,
    /// Title, the four sections, tags and linked question ids, a line each.
    text: String,
}

impl SearchText {
    pub fn of(story: &Story) -> SearchText {
        let tags: Vec<String> = story.tags.iter().map(|t| fold(t)).collect();
        let mut text = fold(&story.title);
        for s in Section::ALL {
            text.push('\n');
            text.push_str(&fold(story.text(s)));
        }
        for t in &tags {
            text.push('\n');
            text.push_str(t);
        }
        for q in &story.questions {
            text.push('\n');
            text.push_str(&fold(q.as_str()));
        }
        SearchText { tags, text }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::Id;
    use crate::domain::stories::story::StoryId;
    use chrono::{TimeZone, Utc};

    fn story() -> Story {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let mut s = Story::new(StoryId::from_stem("x").unwrap(), "Café rush", now);
        s.action = "I used the GAIT belt.\nThen I called the PT.".into();
        s.tags = vec!["Patient-Care".into(), "teamwork".into()];
        s.questions = vec![Id::new("q-angry-patient")];
        s
    }

    #[test]
    fn empty_or_blank_filter_matches_everything() {
        for q in ["", "   ", "#"] {
            let f = Filter::new(q);
            assert!(f.is_empty(), "{q:?}");
            assert!(f.matches(&story()));
        }
    }

    #[test]
    fn every_word_must_appear_somewhere_ignoring_case_and_accents() {
        let s = story();
        for q in [
            "cafe",
            "CAFÉ rush",
            "gait belt",
            "pt",
            "angry",
            "team",
            "care",
            "be",
        ] {
            assert!(Filter::new(q).matches(&s), "{q:?}");
        }
        for q in ["cafe zebra", "wheelchair", "rush-hour"] {
            assert!(!Filter::new(q).matches(&s), "{q:?}");
        }
    }

    #[test]
    fn hash_words_match_tags_only() {
        let s = story();
        assert!(Filter::new("#patient").matches(&s));
        assert!(Filter::new("#team #care belt").matches(&s));
        assert!(
            !Filter::new("#gait").matches(&s),
            "gait is in the text, not a tag"
        );
        assert!(!Filter::new("#team zebra").matches(&s));
    }

    #[test]
    fn a_longer_query_narrows_a_shorter_one_only_when_it_asks_for_more() {
        let narrows = |a: &str, b: &str| Filter::new(a).narrows(&Filter::new(b));
        for (longer, shorter) in [
            ("gait", "gai"),
            ("gait", ""),
            ("gait belt", "gait"),
            ("gait b", "gait"),
            ("Gait", "gait "),
            ("#team", "tea"),
            ("#team", "#te"),
            ("belt #care", "#car"),
        ] {
            assert!(narrows(longer, shorter), "{longer:?} narrows {shorter:?}");
        }
        for (a, b) in [
            ("gai", "gait"),
            ("gait", "belt"),
            ("team", "#team"),
            ("", "a"),
            ("ga", "gait b"),
        ] {
            assert!(!narrows(a, b), "{a:?} does not narrow {b:?}");
        }
        // What it promises: whatever the narrower filter matches, the wider one matches too.
        let s = story();
        for (longer, shorter) in [("gait belt", "gait"), ("#team", "tea"), ("cafe r", "caf")] {
            assert!(narrows(longer, shorter));
            assert!(Filter::new(longer).matches(&s) && Filter::new(shorter).matches(&s));
        }
    }

    #[test]
    fn non_latin_text_matches() {
        let mut s = story();
        s.result = "患者さんは喜んだ 🙂".into();
        assert!(Filter::new("喜ん").matches(&s));
        assert!(Filter::new("🙂").matches(&s));
        assert!(!Filter::new("怒").matches(&s));
    }
}

//! The story filter's word index: every distinct word of the stories' folded text and which stories hold it.
//!
//! A filter word has no space in it, so it is part of a story's text exactly when it is part of
//! one of the story's words (runs of non-space). With ten thousand stories, reading every story's
//! text on each key typed costs milliseconds (a story without the word is read to its end); the
//! index looks the word up among the few thousand distinct words once, then reads which stories
//! hold those words, or, when nearly every story does, checks each story's word numbers.

use super::filter::Filter;
use super::story::{Section, Story, fold};
use foldhash::{HashMap, HashMapExt};

/// The stories' words, numbered, with which stories hold each; stories are numbered in the order
/// the index was built from.
#[derive(Debug, Clone, Default)]
pub struct StoryIndex {
    /// Every distinct word, each ended by a newline (which no word or filter word has in it), and
    /// where each starts (one more at the end).
    text: String,
    starts: Vec<usize>,
    /// For each story, its distinct words' numbers (in the order first met):
    /// `of_story[story_at[s]..story_at[s + 1]]`.
    of_story: Vec<u32>,
    story_at: Vec<usize>,
    /// For each word, the stories that hold it, in order: `holders[word_at[w]..word_at[w + 1]]`.
    holders: Vec<u32>,
    word_at: Vec<usize>,
    /// Each story's tags, folded, for `#tag` words.
    tags: Vec<Vec<String>>,
}

/// Stories whose word lists are read one by one rather than through the words' holders, when the
/// holders would be more than this many times the stories left: so many holders mean most stories
/// match, and reading a story's numbers stops at its first match.
const HOLDERS_PER_STORY: usize = 8;

impl StoryIndex {
    /// The index of `stories`, numbered in the order given.
    pub fn build<'a>(stories: impl IntoIterator<Item = &'a Story>) -> StoryIndex {
        let mut ix = StoryIndex::default();
        let mut numbers: HashMap<String, u32> = HashMap::new();
        // For each word, how many stories hold it, and the last story seen holding it.
        let mut holders: Vec<usize> = Vec::new();
        let mut last_story: Vec<usize> = Vec::new();
        ix.story_at.push(0);
        for (story, s) in stories.into_iter().enumerate() {
            let fields = [s.title.as_str()]
                .into_iter()
                .chain(Section::ALL.map(|section| s.text(section)))
                .chain(s.tags.iter().map(String::as_str))
                .chain(s.questions.iter().map(|q| q.as_str()));
            for field in fields {
                let folded = fold(field);
                for word in words(&folded) {
                    let n = match numbers.get(word) {
                        Some(&n) => n as usize,
                        None => {
                            let n = ix.starts.len();
                            ix.starts.push(ix.text.len());
                            ix.text.push_str(word);
                            ix.text.push('\n');
                            holders.push(0);
                            last_story.push(usize::MAX);
                            numbers.insert(word.to_string(), n as u32);
                            n
                        }
                    };
                    // Each word once a story.
                    if last_story[n] != story {
                        last_story[n] = story;
                        holders[n] += 1;
                        ix.of_story.push(n as u32);
                    }
                }
            }
            ix.story_at.push(ix.of_story.len());
            ix.tags.push(s.tags.iter().map(|t| fold(t)).collect());
        }
        ix.starts.push(ix.text.len());
        // Each word's holders, filled in story order so each list comes out sorted.
        ix.word_at = Vec::with_capacity(holders.len() + 1);
        let mut at = 0;
        for c in &holders {
            ix.word_at.push(at);
            at += c;
        }
        ix.word_at.push(at);
        let mut next: Vec<usize> = ix.word_at.clone();
        ix.holders = vec![0; at];
        for (s, ends) in ix.story_at.windows(2).enumerate() {
            for &n in &ix.of_story[ends[0]..ends[1]] {
                ix.holders[next[n as usize]] = s as u32;
                next[n as usize] += 1;
            }
        }
        ix
    }

    /// How many stories the index holds.
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    fn words_of(&self, story: usize) -> &[u32] {
        match (self.story_at.get(story), self.story_at.get(story + 1)) {
            (Some(&a), Some(&b)) => &self.of_story[a..b],
            _ => &[],
        }
    }

    fn holders_of(&self, word: usize) -> &[u32] {
        match (self.word_at.get(word), self.word_at.get(word + 1)) {
            (Some(&a), Some(&b)) => &self.holders[a..b],
            _ => &[],
        }
    }

    /// The stories `filter` lets through, by number, in order: among `wider`'s picks when given
    /// (the stories a filter it narrows let through, see [`Filter::narrows`]), otherwise among all.
    /// What `filter.matches` says of each story, without reading the stories' text.
    pub fn matching(&self, filter: &Filter, wider: Option<(&Filter, &[u32])>) -> Vec<u32> {
        let mut picks: Vec<u32> = match wider {
            Some((_, picks)) => picks.to_vec(),
            None => (0..self.len() as u32).collect(),
        };
        // What the wider filter asked for, its picks have: a word part of one of its words or
        // tags, a tag part of one of its tags.
        let (old_words, old_tags) =
            wider.map_or((&[][..], &[][..]), |(f, _)| (f.words(), f.tags()));
        let within = |w: &String, among: &[String]| among.iter().any(|x| x.contains(w.as_str()));
        for w in filter.words() {
            if !(within(w, old_words) || within(w, old_tags)) {
                self.keep_holding(w, &mut picks);
            }
        }
        for t in filter.tags() {
            if !within(t, old_tags) {
                picks.retain(|&s| {
                    let tags = self.tags.get(s as usize);
                    tags.is_some_and(|tags| tags.iter().any(|x| x.contains(t.as_str())))
                });
            }
        }
        picks
    }

    /// Keeps the stories of `picks` whose text has `part` in it.
    fn keep_holding(&self, part: &str, picks: &mut Vec<u32>) {
        if picks.is_empty() {
            return;
        }
        // The words `part` is a part of, found in one pass through every distinct word.
        let words = self.starts.len().saturating_sub(1);
        let mut hit = vec![0u64; words.div_ceil(64)];
        let mut holders = 0;
        let (mut from, mut w) = (0, 0);
        while let Some(found) = self.text.get(from..).and_then(|t| t.find(part)) {
            let at = from + found;
            while self.starts.get(w + 1).is_some_and(|&next| next <= at) {
                w += 1;
            }
            hit[w / 64] |= 1 << (w % 64);
            holders += self.holders_of(w).len();
            // On to the next word: this one is found.
            match self.starts.get(w + 1) {
                Some(&next) if next > at => from = next,
                _ => break,
            }
        }
        let has = |w: u32| hit[w as usize / 64] >> (w % 64) & 1 != 0;
        if holders <= picks.len() * HOLDERS_PER_STORY {
            let mut holding = vec![0u64; self.len().div_ceil(64)];
            for w in (0..words).filter(|&w| has(w as u32)) {
                for &s in self.holders_of(w) {
                    holding[s as usize / 64] |= 1 << (s % 64);
                }
            }
            picks.retain(|&s| holding[s as usize / 64] >> (s % 64) & 1 != 0);
        } else {
            picks.retain(|&s| self.words_of(s as usize).iter().any(|&w| has(w)));
        }
    }
}

/// The words of `text`: its runs of non-space, as `str::split_whitespace` gives them, but for
/// plain ASCII text (most stories) without looking up each character's Unicode properties.
fn words(text: &str) -> Box<dyn Iterator<Item = &str> + '_> {
    if !text.is_ascii() {
        return Box::new(text.split_whitespace());
    }
    // The ASCII characters `char::is_whitespace` is true of: tab, line feed, vertical tab, form
    // feed, carriage return and space.
    let space = |c: char| matches!(c, '\t'..='\r' | ' ');
    Box::new(text.split(space).filter(|w| !w.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::Id;
    use crate::domain::stories::story::StoryId;
    use chrono::{TimeZone, Utc};
    use proptest::prelude::*;

    fn story(title: &str, action: &str, tags: &[&str], questions: &[&str]) -> Story {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let mut s = Story::new(StoryId::from_stem("x").unwrap(), title, now);
        s.action = action.into();
        s.tags = tags.iter().map(|t| t.to_string()).collect();
        s.questions = questions.iter().map(|q| Id::new(*q)).collect();
        s
    }

    fn stories() -> Vec<Story> {
        vec![
            story(
                "Café rush",
                "I used the GAIT belt.\nThen I called the PT.",
                &["Patient-Care", "teamwork"],
                &["q-angry-patient"],
            ),
            story(
                "Wheelchair transfer",
                "Locked the brakes; used a gait belt",
                &["safety"],
                &[],
            ),
            story(
                "Front desk",
                "Answered the phone, 患者さんは喜んだ 🙂",
                &["team"],
                &[],
            ),
            story("", "", &[], &[]),
        ]
    }

    /// What `Filter::matches` says, story by story.
    fn slow(all: &[Story], query: &str) -> Vec<u32> {
        let f = Filter::new(query);
        (0..all.len() as u32)
            .filter(|&i| f.matches(&all[i as usize]))
            .collect()
    }

    #[test]
    fn the_index_finds_what_reading_every_story_finds() {
        let all = stories();
        let ix = StoryIndex::build(&all);
        assert_eq!(ix.len(), 4);
        for q in [
            "",
            "cafe",
            "CAFÉ rush",
            "gait belt",
            "belt.",
            "pt",
            "angry",
            "q-angry",
            "team",
            "#team",
            "#care belt",
            "e",
            "the",
            "喜ん",
            "🙂",
            "rush transfer",
            "zebra",
            "d t",
            "k;",
            "eel",
        ] {
            assert_eq!(ix.matching(&Filter::new(q), None), slow(&all, q), "{q:?}");
        }
    }

    #[test]
    fn ascii_text_is_split_into_words_as_split_whitespace_splits_it() {
        for text in ["", " a  b\t\nc\x0bd\x0ce\rf ", "one", "  ", "x\u{a0}y ü z"] {
            let want: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(words(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    #[test]
    fn a_narrower_query_looks_only_through_the_wider_ones_picks() {
        let all = stories();
        let ix = StoryIndex::build(&all);
        let wide = Filter::new("be");
        let picks = ix.matching(&wide, None);
        assert_eq!(picks, [0, 1]);
        let narrow = Filter::new("belt #saf");
        assert!(narrow.narrows(&wide));
        assert_eq!(ix.matching(&narrow, Some((&wide, &picks))), [1]);
        // Only the picks given are looked through: a story left out stays out.
        assert_eq!(ix.matching(&narrow, Some((&wide, &[0]))), Vec::<u32>::new());
    }

    proptest! {
        #[test]
        fn any_query_over_any_stories_matches_as_the_filter_does(
            texts in proptest::collection::vec("[a-cé #.\n]{0,24}", 0..8),
            query in "[a-cé #.]{0,6}",
            narrower in "[a-c]{0,2}",
        ) {
            let all: Vec<Story> = texts
                .iter()
                .map(|t| story(t, t, &t.split('#').skip(1).collect::<Vec<_>>(), &[]))
                .collect();
            let ix = StoryIndex::build(&all);
            let want = slow(&all, &query);
            let got = ix.matching(&Filter::new(&query), None);
            prop_assert_eq!(&got, &want);
            let longer = format!("{query}{narrower}");
            let (wide, narrow) = (Filter::new(&query), Filter::new(&longer));
            if narrow.narrows(&wide) {
                prop_assert_eq!(ix.matching(&narrow, Some((&wide, &got))), slow(&all, &longer));
            }
        }
    }
}

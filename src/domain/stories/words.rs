//! Splitting story text into lowercase words, and finding glossary terms among them.

use crate::domain::content::{Id, Library, Term};
use std::collections::HashMap;

/// The words of a text, lowercased, with curly apostrophes made straight, stored in one buffer so that
/// splitting a long story costs two allocations rather than one per word.
///
/// A word is a run of letters and digits, with apostrophes inside it ("I've", "patient’s"), combining
/// accents (a decomposed "naïve") and number punctuation between digits ("3.5", "10:30", "1,200"), but
/// not at its ends; hyphens, slashes and other punctuation separate words. Chinese and Japanese are
/// written without spaces, so each of their characters counts as a word, as word processors count them.
pub(crate) struct Words {
    norm: String,
    spans: Vec<(usize, usize)>,
    /// Where each word is in the text as written, for marking and rewriting it there.
    orig: Vec<(usize, usize)>,
}

/// How many words the coaching counts in `text` (see [`Words`]): what a live count shows, so it
/// agrees with the analysis that follows it.
pub fn word_count(text: &str) -> usize {
    Words::new(text).len()
}

impl Words {
    pub(crate) fn new(text: &str) -> Words {
        if text.is_ascii() {
            Words::ascii(text.as_bytes())
        } else {
            Words::general(text)
        }
    }

    /// The same split as [`Words::general`] for ASCII text, a byte at a time: most stories are ASCII,
    /// and the analysis runs on every key, so a long Action is split hundreds of times a minute.
    fn ascii(text: &[u8]) -> Words {
        let mut norm = String::with_capacity(text.len());
        let mut spans = Vec::with_capacity(text.len() / 5);
        let mut orig = Vec::with_capacity(text.len() / 5);
        let mut start: Option<usize> = None;
        let mut from = 0;
        for (i, &b) in text.iter().enumerate() {
            let prev = if i == 0 { b' ' } else { text[i - 1] };
            let next = text.get(i + 1).copied();
            let inner = next.is_some_and(|n| {
                (b == b'\'' && n.is_ascii_alphanumeric())
                    || (matches!(b, b'.' | b',' | b':')
                        && prev.is_ascii_digit()
                        && n.is_ascii_digit())
            });
            if b.is_ascii_alphanumeric() {
                if start.is_none() {
                    start = Some(norm.len());
                    from = i;
                }
                norm.push(char::from(b.to_ascii_lowercase()));
            } else if start.is_some() && inner {
                norm.push(char::from(b));
            } else if let Some(s) = start.take() {
                spans.push((s, norm.len()));
                orig.push((from, i));
            }
        }
        if let Some(s) = start {
            spans.push((s, norm.len()));
            orig.push((from, text.len()));
        }
        Words { norm, spans, orig }
    }

    fn general(text: &str) -> Words {
        let mut norm = String::with_capacity(text.len());
        let mut spans = Vec::with_capacity(text.len() / 5);
        let mut orig = Vec::with_capacity(text.len() / 5);
        let mut start: Option<usize> = None;
        let mut from = 0;
        let mut prev = ' ';
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if is_cjk(c) {
                if let Some(s) = start.take() {
                    spans.push((s, norm.len()));
                    orig.push((from, i));
                }
                let s = norm.len();
                norm.push(c);
                spans.push((s, norm.len()));
                orig.push((i, i + c.len_utf8()));
            } else if c.is_alphanumeric() {
                if start.is_none() {
                    start = Some(norm.len());
                    from = i;
                }
                if c.is_ascii() {
                    norm.push(c.to_ascii_lowercase());
                } else {
                    norm.extend(c.to_lowercase());
                }
            } else if start.is_some() && is_combining(c) {
                norm.push(c);
            } else if start.is_some() && inner(c, prev, next) {
                norm.push(if is_apostrophe(c) { '\'' } else { c });
            } else if let Some(s) = start.take() {
                spans.push((s, norm.len()));
                orig.push((from, i));
            }
            prev = c;
        }
        if let Some(s) = start {
            spans.push((s, norm.len()));
            orig.push((from, text.len()));
        }
        Words { norm, spans, orig }
    }

    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        self.spans.get(i).map(|&(s, e)| &self.norm[s..e])
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.spans.iter().map(|&(s, e)| &self.norm[s..e])
    }

    /// Where word `i` is in the text as written, as a byte range; `(0, 0)` past the last word.
    pub(crate) fn span(&self, i: usize) -> (usize, usize) {
        self.orig.get(i).copied().unwrap_or((0, 0))
    }
}

/// Punctuation that belongs inside a word: an apostrophe before a letter, or number punctuation
/// between digits.
fn inner(c: char, prev: char, next: Option<char>) -> bool {
    let Some(next) = next else { return false };
    (is_apostrophe(c) && next.is_alphanumeric())
        || (matches!(c, '.' | ',' | ':') && prev.is_numeric() && next.is_numeric())
}

/// Combining accents, which follow the letter they go on in decomposed text (e.g. from macOS files).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Han ideographs, kana and their iteration marks: scripts written without spaces between words.
/// (Korean puts spaces between words, so Hangul is left to the ordinary rule.)
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3005}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}'
        | '\u{20000}'..='\u{2FA1F}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// A glossary term seen in a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermHit {
    pub id: Id,
    /// The term as the glossary spells it, for display.
    pub term: String,
    pub count: usize,
}

/// Glossary terms and their aliases, indexed by first word so a story is scanned once however many
/// terms there are. Build it when content loads, not on every keystroke.
#[derive(Debug, Default)]
pub struct Glossary {
    /// foldhash rather than SipHash: every word of a story is looked up on every key, and the keys
    /// are the built-in and the user's own glossary, so there is nothing to flood.
    by_first: HashMap<String, Vec<Pattern>, foldhash::fast::FixedState>,
    terms: Vec<(Id, String)>,
}

#[derive(Debug)]
struct Pattern {
    rest: Vec<String>,
    term: usize,
}

impl Glossary {
    pub fn new(terms: &[Term]) -> Glossary {
        let mut g = Glossary::default();
        for (index, t) in terms.iter().enumerate() {
            g.terms.push((t.id.clone(), t.term.clone()));
            for spelling in std::iter::once(&t.term).chain(&t.aliases) {
                let words = Words::new(spelling);
                let mut it = words.iter();
                let Some(first) = it.next() else { continue };
                let rest = it.map(str::to_string).collect();
                g.by_first
                    .entry(first.to_string())
                    .or_default()
                    .push(Pattern { rest, term: index });
            }
        }
        // Longest first, so "gait belt" wins over "gait" at the same place.
        for patterns in g.by_first.values_mut() {
            patterns.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        g
    }

    /// The glossary of all loaded content, built-in and the user's own terms.
    pub fn from_library(lib: &Library) -> Glossary {
        Glossary::new(&lib.terms)
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Counts whole-word, case-insensitive matches in `words`, adding to `hits` (first appearance first).
    /// A plain plural ("gait belts") counts for the singular term. Matches do not overlap.
    pub(crate) fn scan(&self, words: &Words, hits: &mut Vec<TermHit>) {
        let mut i = 0;
        while let Some(word) = words.get(i) {
            match self.longest_at(words, i, word) {
                Some((term, len)) => {
                    let (id, name) = &self.terms[term];
                    match hits.iter_mut().find(|h| h.id == *id) {
                        Some(h) => h.count += 1,
                        None => hits.push(TermHit {
                            id: id.clone(),
                            term: name.clone(),
                            count: 1,
                        }),
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
    }

    /// The term matching at word `i` with the most words, and how many words it spans.
    fn longest_at(&self, words: &Words, i: usize, word: &str) -> Option<(usize, usize)> {
        if let Some(patterns) = self.by_first.get(word) {
            for p in patterns {
                let matched = p.rest.iter().enumerate().all(|(k, want)| {
                    let last = k + 1 == p.rest.len();
                    words.get(i + 1 + k).is_some_and(|w| same(w, want, last))
                });
                if matched {
                    return Some((p.term, 1 + p.rest.len()));
                }
            }
        }
        // A one-word term in the plural.
        let singular = word
            .strip_suffix("es")
            .into_iter()
            .chain(word.strip_suffix('s'));
        for stem in singular {
            if let Some(p) = self
                .by_first
                .get(stem)
                .and_then(|ps| ps.iter().find(|p| p.rest.is_empty()))
            {
                return Some((p.term, 1));
            }
        }
        None
    }
}

/// Equal words, or, for the last word of a term, its plain plural.
fn same(word: &str, want: &str, last: bool) -> bool {
    word == want
        || (last
            && word
                .strip_prefix(want)
                .is_some_and(|tail| tail == "s" || tail == "es"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<String> {
        Words::new(text).iter().map(str::to_string).collect()
    }

    proptest! {
        /// The ASCII fast path splits exactly as the general one: same words, same spans.
        #[test]
        fn ascii_split_is_the_general_split(text in "[a-zA-Z0-9 .,:;'\"!?()\t\n%/-]{0,80}") {
            let fast = Words::ascii(text.as_bytes());
            let general = Words::general(&text);
            prop_assert_eq!(&fast.norm, &general.norm);
            prop_assert_eq!(&fast.spans, &general.spans);
            prop_assert_eq!(&fast.orig, &general.orig);
        }
    }

    proptest! {
        /// Each word's place in the text as written holds that word, before lowercasing.
        #[test]
        fn spans_point_at_the_words_as_written(text in any::<String>()) {
            let w = Words::new(&text);
            for i in 0..w.len() {
                let (s, e) = w.span(i);
                let written = crate::domain::content::phrasing::normalize(&text[s..e]);
                prop_assert_eq!(Some(written.as_str()), w.get(i));
            }
        }
    }

    #[test]
    fn ascii_text_takes_the_fast_path_with_the_same_words() {
        let text = "I'd walk 3.5 m, at 10:30; 'quoted' sit-to-stand 1,200 x.y 4.";
        assert_eq!(
            Words::ascii(text.as_bytes()).norm,
            Words::general(text).norm
        );
        assert_eq!(
            words(text),
            [
                "i'd", "walk", "3.5", "m", "at", "10:30", "quoted", "sit", "to", "stand", "1,200",
                "x", "y", "4"
            ]
        );
    }

    fn term(id: &str, term: &str, aliases: &[&str]) -> Term {
        Term {
            id: Id::new(id),
            term: term.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            meaning: String::new(),
        }
    }

    #[test]
    fn splits_on_punctuation_and_keeps_inner_apostrophes() {
        assert_eq!(
            words("I’ve seen the patient's chart—twice; 'quoted' sit-to-stand 30%"),
            [
                "i've",
                "seen",
                "the",
                "patient's",
                "chart",
                "twice",
                "quoted",
                "sit",
                "to",
                "stand",
                "30"
            ]
        );
        assert_eq!(words("ÉCOLE Straße"), ["école", "straße"]);
        assert!(words("  — … 🙂 👩‍⚕️").is_empty());
    }

    #[test]
    fn keeps_decomposed_accents_and_number_punctuation_inside_words() {
        assert_eq!(
            words("nai\u{308}ve cafe\u{301}"),
            ["nai\u{308}ve", "cafe\u{301}"]
        );
        assert_eq!(
            words("3.5 hours, 10:30, 1,200 patients. End."),
            ["3.5", "hours", "10:30", "1,200", "patients", "end"]
        );
        assert_eq!(words("'tis 'quoted'"), ["tis", "quoted"]);
    }

    #[test]
    fn each_chinese_or_japanese_character_is_a_word() {
        assert_eq!(words("我帮助了病人"), ["我", "帮", "助", "了", "病", "人"]);
        assert_eq!(words("PTの患者"), ["pt", "の", "患", "者"]);
        assert_eq!(
            words("환자를 도왔다"),
            ["환자를", "도왔다"],
            "Korean has spaces"
        );
    }

    #[test]
    fn finds_terms_aliases_plurals_and_prefers_the_longest() {
        let g = Glossary::new(&[
            term("gait-belt", "gait belt", &[]),
            term("gait", "gait", &[]),
            term("adl", "ADLs", &["ADL", "activities of daily living"]),
            term("rom", "ROM", &[]),
        ]);
        let mut hits = Vec::new();
        let text = "I used a Gait Belt, then two gait belts. She needed help with ADL and \
                    activities of daily living; her gait improved. Romantic is not ROM.";
        g.scan(&Words::new(text), &mut hits);
        let got: Vec<(&str, usize)> = hits.iter().map(|h| (h.id.as_str(), h.count)).collect();
        assert_eq!(got, [("gait-belt", 2), ("adl", 2), ("gait", 1), ("rom", 1)]);
        assert_eq!(hits[1].term, "ADLs");
    }

    #[test]
    fn no_terms_no_hits() {
        let mut hits = Vec::new();
        Glossary::new(&[]).scan(&Words::new("gait belt"), &mut hits);
        assert!(hits.is_empty());
    }
}

//! Search across role guides, the question bank, questions to ask and the glossary, as the user types.
//!
//! A query is split into terms (a phrase from a synonym group, such as "gait belt", is one term). A
//! place matches when every term is found there, at the start of a word, as itself, as a word from
//! its synonym group (`content/synonyms.toml`) or, when a word is found nowhere, as a near spelling
//! of a word that is. Results are ranked: exact words before synonyms before typo matches and,
//! among equal matches, guides before glossary terms and questions, and those before notes.
//!
//! The index is built on the first search (or by [`prepare`]) and kept with the library: each word
//! of the texts points at the places it starts, so a key costs about as much as its matches, not a
//! scan of every text.

use super::library::Library;
use super::markup;
use super::model::GuideSection;
use std::ops::Range;

/// Where a search hit lives, so Enter can jump there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Block `block` of a section of role number `role`.
    Section {
        role: usize,
        section: GuideSection,
        block: usize,
    },
    /// The figures of a role's pay section.
    Figure {
        role: usize,
        figure: usize,
    },
    Question(usize),
    Ask(usize),
    Term(usize),
}

/// One match: where it is, a label for that place, the text, and the byte ranges that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub place: String,
    pub text: String,
    pub ranges: Vec<Range<usize>>,
}

/// One searchable text and what it takes to match in it quickly.
#[derive(Debug)]
struct Entry {
    target: Target,
    place: String,
    text: String,
    /// `text` lowercased when that keeps byte offsets aligned; otherwise `text` itself is searched.
    lower: Option<String>,
    /// How much a match here counts: a question or a glossary term itself beats a note about it.
    weight: u32,
}

impl Entry {
    fn hay(&self) -> &str {
        self.lower.as_deref().unwrap_or(&self.text)
    }
}

/// Every searchable text, the words they use and the synonym groups, lowercased once.
#[derive(Debug, Default)]
pub struct Index {
    entries: Vec<Entry>,
    /// Every distinct lowercase word of the texts (and of the synonym groups), sorted, so the words
    /// that start with a query term are one contiguous run found by binary search.
    vocab: Vec<String>,
    /// For each word of `vocab`, where it starts: (entry, byte offset in the entry's text). A term is
    /// looked up here instead of scanning every text, so a key costs about as much as its matches.
    postings: Vec<Vec<(u32, u32)>>,
    /// Synonym groups, each member lowercased.
    groups: Vec<Vec<String>>,
}

/// How a term was found in a text; better kinds rank higher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Typo = 1,
    Synonym = 2,
    Exact = 3,
}

/// One way a query term can appear in text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Alt {
    text: String,
    kind: Kind,
}

/// Weights of the places a hit can be, for hits that match equally well: the Guides screen shows its
/// own guides first, then glossary terms, questions and questions to ask, then figures, then notes.
const W_SECTION: u32 = 3;
const W_TITLE: u32 = 2;
const W_FIGURE: u32 = 1;
const W_NOTES: u32 = 0;

impl Index {
    fn build(lib: &Library) -> Index {
        let mut entries = Vec::new();
        let mut add = |target: Target, place: String, text: String, weight: u32| {
            let lower = text.to_lowercase();
            let lower = (lower.len() == text.len()).then_some(lower);
            entries.push(Entry {
                target,
                place,
                text,
                lower,
                weight,
            });
        };
        for (ri, role) in lib.roles.iter().enumerate() {
            for section in GuideSection::ALL {
                let place = format!("{} › {}", role.short, section.title());
                for (bi, block) in markup::blocks(role.section(section)).iter().enumerate() {
                    let target = Target::Section {
                        role: ri,
                        section,
                        block: bi,
                    };
                    add(target, place.clone(), block.text().to_string(), W_SECTION);
                }
            }
            for (fi, f) in role.figure.iter().enumerate() {
                let text = format!("{}: {} ({}; {})", f.label, f.value, f.as_of, f.source);
                let target = Target::Figure {
                    role: ri,
                    figure: fi,
                };
                add(target, format!("{} › Figures", role.short), text, W_FIGURE);
            }
        }
        for (qi, q) in lib.questions.iter().enumerate() {
            let place = format!("Question · {}", q.category.label());
            add(Target::Question(qi), place, q.text.clone(), W_TITLE);
        }
        for (qi, q) in lib.questions.iter().enumerate() {
            let notes = format!("{} {}", q.looking_for, q.outline.join(" "));
            let place = format!("Coaching · {}", q.text);
            add(Target::Question(qi), place, notes, W_NOTES);
        }
        for (ai, a) in lib.asks.iter().enumerate() {
            add(
                Target::Ask(ai),
                "Question to ask".into(),
                a.text.clone(),
                W_TITLE,
            );
        }
        for (ti, t) in lib.terms.iter().enumerate() {
            let text = format!("{}: {}", t.term, t.meaning);
            add(Target::Term(ti), "Glossary".into(), text, W_TITLE);
        }
        let groups: Vec<Vec<String>> = lib
            .synonyms
            .iter()
            .map(|g| {
                g.words
                    .iter()
                    .map(|w| w.trim().to_lowercase())
                    .filter(|w| !w.is_empty())
                    .collect()
            })
            .filter(|g: &Vec<String>| g.len() >= 2)
            .collect();
        let mut words: foldhash::HashMap<&str, Vec<(u32, u32)>> = foldhash::HashMap::default();
        for (ei, e) in entries.iter().enumerate() {
            let hay = e.hay();
            let mut start = None;
            for (i, c) in hay.char_indices().chain(std::iter::once((hay.len(), ' '))) {
                match (start, c.is_alphanumeric()) {
                    (None, true) => start = Some(i),
                    (Some(s), false) => {
                        let at = (ei as u32, s as u32);
                        words.entry(&hay[s..i]).or_default().push(at);
                        start = None;
                    }
                    _ => {}
                }
            }
        }
        for g in &groups {
            for w in g.iter().filter(|w| !w.contains(' ')) {
                words.entry(w.as_str()).or_default();
            }
        }
        let mut words: Vec<(&str, Vec<(u32, u32)>)> = words.into_iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let (vocab, postings): (Vec<String>, _) =
            words.into_iter().map(|(w, p)| (w.to_string(), p)).unzip();
        Index {
            entries,
            vocab,
            postings,
            groups,
        }
    }

    /// Splits a lowercase query into terms, keeping a synonym group's multi-word phrase together.
    fn terms(&self, query: &str) -> Vec<String> {
        let words: Vec<&str> = query.split_whitespace().collect();
        let mut terms = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let longest = self
                .groups
                .iter()
                .flatten()
                .filter_map(|member| {
                    let parts: Vec<&str> = member.split_whitespace().collect();
                    (parts.len() > 1
                        && words.len() >= i + parts.len()
                        && words[i..i + parts.len()] == parts[..])
                        .then_some(parts.len())
                })
                .max()
                .unwrap_or(1);
            terms.push(words[i..i + longest].join(" "));
            i += longest;
        }
        terms
    }

    /// The members of every group that `word` belongs to, `word` itself left out. A word belongs to
    /// a group when it is a member, a member's plural, or (typed in part) the start of a one-word
    /// member at least four letters long.
    fn synonyms_of(&self, word: &str) -> Vec<String> {
        let singular = word.strip_suffix('s').unwrap_or(word);
        let mut out = Vec::new();
        for g in &self.groups {
            let member = g.iter().any(|m| {
                m == word
                    || m == singular
                    || (word.chars().count() >= 4 && !m.contains(' ') && m.starts_with(word))
            });
            if member {
                for m in g {
                    if m != word && !out.contains(m) {
                        out.push(m.clone());
                    }
                }
            }
        }
        out
    }

    /// Whether any searchable word starts with `term`, and whether one is exactly `term`.
    fn known(&self, term: &str) -> (bool, bool) {
        let from = self.vocab.partition_point(|w| w.as_str() < term);
        let next = self.vocab.get(from);
        (
            next.is_some_and(|w| w.starts_with(term)),
            next.is_some_and(|w| w == term),
        )
    }

    /// Words in the index a small typing slip away from `term`: one edit for words of four to six
    /// letters, two for longer ones. Words are compared whole and, for a word still being typed, by
    /// their start of the same length. Optimal string alignment distance (Damerau–Levenshtein without
    /// repeated edits of one place), so swapped letters count as one slip.
    fn near(&self, term: &str) -> Vec<String> {
        let n = term.chars().count();
        if n < 4 || term.contains(' ') || term.chars().any(|c| c.is_ascii_digit()) {
            return Vec::new();
        }
        let max = if n <= 6 { 1 } else { 2 };
        let counts = letter_counts(term);
        let mut best: Vec<(usize, &String)> = self
            .vocab
            .iter()
            .filter_map(|w| {
                let m = w.chars().count();
                if m < 3 {
                    return None;
                }
                let whole = (m.abs_diff(n) <= max && letters_differ_by(&counts, w) <= max)
                    .then(|| strsim::osa_distance(term, w))
                    .filter(|d| *d <= max);
                // The start of a longer word: a slip in a word still being typed, after its first
                // letter. An exact start is already an exact match, so it is not counted here.
                let start = (m > n && w.chars().next() == term.chars().next())
                    .then(|| {
                        let end = w.char_indices().nth(n).map_or(w.len(), |(i, _)| i);
                        (letters_differ_by(&counts, &w[..end]) <= 1)
                            .then(|| strsim::osa_distance(term, &w[..end]))
                    })
                    .flatten()
                    .filter(|d| *d == 1);
                whole.into_iter().chain(start).min().map(|d| (d, w))
            })
            .collect();
        best.sort();
        let closest = best.first().map_or(0, |(d, _)| *d);
        best.into_iter()
            .filter(|(d, _)| *d == closest)
            .take(8)
            .map(|(_, w)| w.clone())
            .collect()
    }

    /// Every place `needle` starts a word: (entry, byte range in its text, whether it ends a word).
    fn matches(&self, needle: &str, out: &mut Vec<(usize, Range<usize>, bool)>) {
        let lead: String = needle.chars().take_while(|c| c.is_alphanumeric()).collect();
        let ends =
            |hay: &str, end: usize| !hay[end..].chars().next().is_some_and(char::is_alphanumeric);
        if lead.is_empty() {
            // A needle that starts with punctuation: look in every text. No built-in group has one.
            for (ei, e) in self.entries.iter().enumerate() {
                let hay = e.hay();
                for (pos, _) in hay.match_indices(needle) {
                    if !hay[..pos]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                    {
                        let end = pos + needle.len();
                        out.push((ei, pos..end, ends(hay, end)));
                    }
                }
            }
            return;
        }
        let from = self.vocab.partition_point(|w| w.as_str() < lead.as_str());
        for wi in from..self.vocab.len() {
            if !self.vocab[wi].starts_with(lead.as_str()) {
                break;
            }
            for &(ei, off) in &self.postings[wi] {
                let (ei, off) = (ei as usize, off as usize);
                let hay = self.entries[ei].hay();
                if hay[off..].starts_with(needle) {
                    let end = off + needle.len();
                    out.push((ei, off..end, ends(hay, end)));
                }
            }
        }
    }

    /// Whether `alt` can be in any text at all: its first word starts some word of the index. An
    /// alternative that cannot is left out, so it costs no scan.
    fn possible(&self, alt: &str) -> bool {
        let lead: String = alt.chars().take_while(|c| c.is_alphanumeric()).collect();
        lead.is_empty() || self.known(&lead).0
    }

    /// Every way `term` may appear in text, best first.
    fn alternatives(&self, term: &str) -> Vec<Alt> {
        let mut alts = vec![Alt {
            text: term.to_string(),
            kind: Kind::Exact,
        }];
        let push = |alts: &mut Vec<Alt>, text: String, kind: Kind| {
            if !alts.iter().any(|a| a.text == text) {
                alts.push(Alt { text, kind });
            }
        };
        for s in self.synonyms_of(term) {
            push(&mut alts, s, Kind::Synonym);
        }
        // A word found nowhere is a typo to correct. So is a long word found only as the start of a
        // longer one ("goniometr"); a short one ("licen") is more likely still being typed.
        let found = alts.iter().any(|a| {
            let (start, whole) = self.known(&a.text);
            a.text.contains(' ') || whole || (start && a.text.chars().count() < 7)
        });
        if !found {
            for w in self.near(term) {
                for s in self.synonyms_of(&w) {
                    push(&mut alts, s, Kind::Typo);
                }
                push(&mut alts, w, Kind::Typo);
            }
        }
        alts.retain(|a| self.possible(&a.text));
        alts
    }
}

/// How many times each letter a–z occurs in `word`; every other character counts in the last slot.
fn letter_counts(word: &str) -> [i16; 27] {
    let mut c = [0i16; 27];
    for ch in word.chars() {
        let i = if ch.is_ascii_lowercase() {
            usize::from(ch as u8 - b'a')
        } else {
            26
        };
        c[i] = c[i].saturating_add(1);
    }
    c
}

/// A lower bound on the edit distance between a word with letter counts `counts` and `other`, found
/// without aligning them: an insertion, deletion or substitution changes the counts by at most one
/// letter each way, and a swap not at all. It lets `near` skip most words before the real distance.
fn letters_differ_by(counts: &[i16; 27], other: &str) -> usize {
    let o = letter_counts(other);
    let (mut more, mut fewer) = (0usize, 0usize);
    for (a, b) in counts.iter().zip(o.iter()) {
        let d = i32::from(*a) - i32::from(*b);
        if d > 0 {
            more += d as usize;
        } else {
            fewer += (-d) as usize;
        }
    }
    more.max(fewer)
}

/// Builds the search index now rather than on the first key typed (a few milliseconds for the
/// built-in content). Optional: [`search`] builds it when first needed.
pub fn prepare(lib: &Library) {
    lib.search_index.get_or_init(|| Index::build(lib));
}

/// Finds `query` in all searchable text: every word must appear, as itself, a synonym or a near
/// spelling. Hits come best first (see the module notes), ties in guide order. At most `limit`.
pub fn search(lib: &Library, query: &str, limit: usize) -> Vec<Hit> {
    let query = query.to_lowercase();
    if query.split_whitespace().next().is_none() {
        return Vec::new();
    }
    let index = lib.search_index.get_or_init(|| Index::build(lib));
    let terms: Vec<Vec<Alt>> = index
        .terms(&query)
        .iter()
        .map(|t| index.alternatives(t))
        .collect();
    // Each word-start match of an alternative notes, for its entry, the range and how well it
    // matched this term: exact whole word 7, exact word start 6, synonym 4, near spelling 2.
    let n = index.entries.len();
    let mut best = vec![0u32; n * terms.len()];
    let mut ranges: Vec<Vec<Range<usize>>> = vec![Vec::new(); n];
    let mut found = Vec::new();
    for (ti, alts) in terms.iter().enumerate() {
        for a in alts {
            found.clear();
            index.matches(&a.text, &mut found);
            for (ei, range, whole) in found.drain(..) {
                let score = 2 * a.kind as u32 + u32::from(whole && a.kind == Kind::Exact);
                let b = &mut best[ei * terms.len() + ti];
                *b = (*b).max(score);
                ranges[ei].push(range);
            }
        }
    }
    let mut scored: Vec<(u32, usize, Vec<Range<usize>>)> = Vec::new();
    for (ei, e) in index.entries.iter().enumerate() {
        let per_term = &best[ei * terms.len()..(ei + 1) * terms.len()];
        if per_term.contains(&0) {
            continue;
        }
        let mut r = std::mem::take(&mut ranges[ei]);
        r.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        r.dedup_by(|b, a| b.start < a.end);
        let score: u32 = per_term.iter().sum();
        scored.push((score * 4 + e.weight, ei, r));
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(limit)
        .map(|(_, ei, ranges)| {
            let e = &index.entries[ei];
            Hit {
                target: e.target,
                place: e.place.clone(),
                text: e.text.clone(),
                ranges,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::model::Synonym;

    fn lib_with(synonyms: &[&[&str]], terms: &[(&str, &str)]) -> Library {
        let synonyms = synonyms
            .iter()
            .map(|g| Synonym {
                words: g.iter().map(|w| w.to_string()).collect(),
            })
            .collect();
        let terms = terms
            .iter()
            .enumerate()
            .map(|(i, (t, m))| crate::domain::content::model::Term {
                id: crate::domain::content::Id::new(format!("t-{i}")),
                term: t.to_string(),
                aliases: vec![],
                meaning: m.to_string(),
            })
            .collect();
        Library {
            synonyms,
            terms,
            ..Library::default()
        }
    }

    #[test]
    fn every_word_must_match_and_ranges_point_at_them() {
        let lib = lib_with(&[], &[("Gait belt", "Use a Gait belt for every transfer")]);
        let hits = search(&lib, "gait transfer", 10);
        assert_eq!(hits.len(), 1);
        let h = &hits[0];
        let shown: Vec<&str> = h.ranges.iter().map(|r| &h.text[r.clone()]).collect();
        assert_eq!(shown, ["Gait", "Gait", "transfer"]);
        assert!(search(&lib, "gait elevator", 10).is_empty());
    }

    #[test]
    fn words_match_at_word_starts_only() {
        let lib = lib_with(&[], &[("Learning", "Keep learning on the job")]);
        assert!(
            search(&lib, "earn", 10).is_empty(),
            "earn is not in learning"
        );
        assert_eq!(search(&lib, "learn", 10).len(), 1);
    }

    #[test]
    fn a_synonym_finds_the_other_words_of_its_group() {
        let lib = lib_with(
            &[&["salary", "pay", "wage"]],
            &[("Median", "The middle pay of a job")],
        );
        let hits = search(&lib, "salary", 10);
        assert_eq!(hits.len(), 1);
        let h = &hits[0];
        assert_eq!(&h.text[h.ranges[0].clone()], "pay");
    }

    #[test]
    fn a_phrase_in_a_group_is_one_term() {
        let lib = lib_with(
            &[&["gait belt", "transfer belt"]],
            &[("Transfer belt", "A strap worn at the waist")],
        );
        assert_eq!(search(&lib, "gait belt", 10).len(), 1);
    }

    #[test]
    fn exact_words_rank_above_synonyms_and_synonyms_above_typos() {
        let lib = lib_with(
            &[&["wage", "pay"]],
            &[
                ("A", "the pay rate"),
                ("B", "the wage rate"),
                ("C", "the wager rate"),
            ],
        );
        let hits = search(&lib, "wage", 10);
        let order: Vec<&str> = hits.iter().map(|h| &h.text[..1]).collect();
        assert_eq!(
            order,
            ["B", "C", "A"],
            "whole word, then word start, then synonym"
        );
    }

    #[test]
    fn a_typo_finds_the_word_it_was_meant_to_be() {
        let lib = lib_with(&[], &[("Goniometer", "A tool that measures joint angles")]);
        assert_eq!(search(&lib, "goniometr", 10).len(), 1, "one letter missing");
        assert_eq!(search(&lib, "tool", 10).len(), 1);
        assert_eq!(search(&lib, "tooll", 10).len(), 1, "one letter extra");
        assert_eq!(search(&lib, "jiont", 10).len(), 1, "two letters swapped");
        assert!(search(&lib, "zzzzqqq", 10).is_empty());
        // Short words are never guessed at: too many near neighbors.
        assert!(search(&lib, "tol", 10).is_empty());
    }

    #[test]
    fn a_typo_of_a_synonym_still_reaches_its_group() {
        let lib = lib_with(&[&["salary", "pay"]], &[("Median", "The middle pay")]);
        assert_eq!(search(&lib, "salery", 10).len(), 1);
    }

    #[test]
    fn the_letter_bound_never_exceeds_the_edit_distance() {
        let pairs = [
            ("salary", "salery"),
            ("joint", "jiont"),
            ("tool", "tooll"),
            ("goniometr", "goniometer"),
            ("wheelchiar", "wheelchair"),
            ("cat", "dog"),
            ("abc", ""),
        ];
        for (a, b) in pairs {
            let bound = letters_differ_by(&letter_counts(a), b);
            assert!(bound <= strsim::osa_distance(a, b), "{a} {b}");
        }
        assert_eq!(letters_differ_by(&letter_counts("cat"), "dog"), 3);
        assert_eq!(letters_differ_by(&letter_counts("joint"), "jiont"), 0);
    }

    #[test]
    fn builtin_search_finds_guides_and_questions() {
        let lib = Library::builtin();
        let hits = search(&lib, "license", 500);
        let hits2 = search(&lib, "licen", 500);
        assert!(!hits.is_empty());
        assert!(hits2.len() >= hits.len());
        assert!(search(&lib, "", 10).is_empty());
        assert!(search(&lib, "zzzzqqq", 10).is_empty());
        assert!(search(&lib, "gait", 3).len() <= 3, "the limit holds");
    }
}

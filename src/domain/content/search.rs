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
use super::model::GuideSection;
use std::ops::Range;

mod index;
mod terms;
mod typos;

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
    /// Some word of the query was found here only as a near spelling ("medical" for "medicaid"),
    /// so a screen can say the word itself is not there.
    pub near: bool,
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

    /// Whether the place's name holds one of `alts` (exactly or as a synonym) at a word start.
    fn place_names(&self, alts: &[Alt]) -> bool {
        let place = self.place.to_lowercase();
        alts.iter().filter(|a| a.kind != Kind::Typo).any(|a| {
            place.match_indices(a.text.as_str()).any(|(at, _)| {
                !place[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            })
        })
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

/// Builds the search index now rather than on the first key typed (a few milliseconds for the
/// built-in content). Optional: [`search`] builds it when first needed.
pub fn prepare(lib: &Library) {
    lib.search_index.get_or_init(|| Index::build(lib));
}

/// The other words of the synonym groups (`content/synonyms.toml`) that `word` belongs to, by the
/// guides' search's own rule (see `terms::synonyms_in`), for another list searched by words.
pub fn synonyms(lib: &Library, word: &str) -> Vec<String> {
    let groups: Vec<Vec<String>> = lib
        .synonyms
        .iter()
        .map(|g| g.words.iter().map(|w| w.to_lowercase()).collect())
        .collect();
    terms::synonyms_in(&groups, &word.to_lowercase())
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
    // Every term but the last was typed whole: it may start a longer word only as one of that
    // word's endings ("transfer" in "transfers"), not as another word ("hand" in "handles", which
    // a user walk's "hand therapy" found first). The last may be a word still being typed.
    let typing = !query.ends_with(char::is_whitespace);
    for (ti, alts) in terms.iter().enumerate() {
        let whole_word = !typing || ti + 1 < terms.len();
        for a in alts {
            found.clear();
            index.matches(&a.text, &mut found);
            for (ei, range, whole) in found.drain(..) {
                if whole_word && !whole && !ends_inflected(index.entries[ei].hay(), range.end) {
                    continue;
                }
                let score = 2 * a.kind as u32 + u32::from(whole && a.kind == Kind::Exact);
                let b = &mut best[ei * terms.len() + ti];
                *b = (*b).max(score);
                ranges[ei].push(range);
            }
        }
    }
    let mut scored: Vec<(u32, usize, Vec<Range<usize>>, bool)> = Vec::new();
    for (ei, e) in index.entries.iter().enumerate() {
        let per_term = &best[ei * terms.len()..(ei + 1) * terms.len()];
        if per_term.contains(&0) {
            continue;
        }
        let mut r = std::mem::take(&mut ranges[ei]);
        r.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        r.dedup_by(|b, a| b.start < a.end);
        let near = per_term.iter().any(|&s| s <= 2 * Kind::Typo as u32);
        // A guide section named for what was asked ("salary" and "Pay and outlook") is where the
        // answer is: it comes before a passing mention of the word in another section. (Glossary
        // terms and questions are ranked by their weight, as before.)
        let named = match e.target {
            Target::Section { .. } => terms.iter().filter(|alts| e.place_names(alts)).count(),
            _ => 0,
        } as u32;
        let score: u32 = per_term.iter().sum::<u32>() + 2 * named;
        scored.push((score * 4 + e.weight, ei, r, near));
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    // A glossary term found by its name and by names it goes by ("transfer belt", "gait belt") is
    // one place: the best match of each place stands for it.
    let mut seen = std::collections::HashSet::new();
    scored.retain(|(_, ei, _, _)| match index.entries[*ei].target {
        Target::Term(t) => seen.insert(t),
        _ => true,
    });
    scored
        .into_iter()
        .take(limit)
        .map(|(_, ei, ranges, near)| {
            let e = &index.entries[ei];
            Hit {
                target: e.target,
                place: e.place.clone(),
                text: e.text.clone(),
                ranges,
                near,
            }
        })
        .collect()
}

/// Whether the word going on at byte `end` of `hay` is one of a word's usual endings, so what came
/// before it is the same word: "transfer|s", "walk|ing", "lift|ed".
fn ends_inflected(hay: &str, end: usize) -> bool {
    let rest: String = hay
        .get(end..)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    matches!(
        rest.as_str(),
        "s" | "es"
            | "ed"
            | "d"
            | "ing"
            | "er"
            | "ers"
            | "ly"
            | "al"
            | "ment"
            | "ments"
            | "ion"
            | "ions"
    )
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;

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

    /// A user walk searched "hand therapy" and got an entry about "handles" first. A word typed
    /// whole before another matches a longer word only as its ending ("hands", "handed"); the word
    /// being typed last still matches as a start.
    #[test]
    fn a_whole_word_typed_before_another_does_not_match_a_different_longer_word() {
        let lib = lib_with(
            &[],
            &[
                ("Door handles", "Therapy rooms have lever handles."),
                ("Hand splint", "Made in hand therapy."),
                ("Two hands", "Therapy for both hands."),
            ],
        );
        let places =
            |q: &str| -> Vec<String> { search(&lib, q, 10).into_iter().map(|h| h.text).collect() };
        let hits = places("hand therapy");
        assert!(
            hits.iter().any(|t| t.starts_with("Hand splint")),
            "{hits:?}"
        );
        assert!(
            hits.iter().any(|t| t.starts_with("Two hands")),
            "an ending: {hits:?}"
        );
        assert!(
            !hits.iter().any(|t| t.starts_with("Door handles")),
            "{hits:?}"
        );
        assert!(
            places("therapy han")
                .iter()
                .any(|t| t.starts_with("Door handles")),
            "the last word may still be being typed"
        );
    }

    #[test]
    fn a_section_named_for_the_word_comes_before_a_passing_mention() {
        let lib = Library::builtin();
        let hits = search(&lib, "salary", 10);
        let first = hits.first().expect("hits");
        assert!(
            first.place.ends_with("Pay and outlook"),
            "{:?}",
            hits.iter().map(|h| &h.place).collect::<Vec<_>>()
        );
        assert!(!first.near);
    }

    #[test]
    fn a_term_found_by_several_of_its_names_is_listed_once() {
        let lib = Library::builtin();
        for query in ["gait belt", "hoyer lift"] {
            let hits = search(&lib, query, 100);
            let terms: Vec<&String> = hits
                .iter()
                .filter(|h| matches!(h.target, Target::Term(_)))
                .map(|h| &h.place)
                .collect();
            let mut unique = terms.clone();
            unique.dedup();
            unique.sort();
            unique.dedup();
            assert_eq!(terms.len(), unique.len(), "{query}: {terms:?}");
        }
    }

    /// A school OTA user walk searched "Medicaid" and read "Medi-Cal: see Medicaid…" first; a
    /// term found by its own name shows under it, an alias only when it alone matches.
    #[test]
    fn a_term_shows_under_its_own_name_when_that_matches() {
        let lib = Library::builtin();
        let hits = search(&lib, "medicaid", 10);
        let term = hits
            .iter()
            .find(|h| h.place.starts_with("Glossary · Medicaid"))
            .expect("found");
        assert!(term.text.starts_with("Medicaid: "), "{}", term.text);
        let hoyer = search(&lib, "hoyer lift", 10);
        assert!(hoyer.iter().any(|h| h.text.starts_with("Hoyer lift: see ")));
    }

    #[test]
    fn a_role_is_found_by_any_name_it_goes_by() {
        let lib = Library::builtin();
        let hits = search(&lib, "COTA/L", 10);
        assert_eq!(hits.first().map(|h| h.place.as_str()), Some("OTA › Names"));
        let h = &hits[0];
        assert_eq!(&h.text[h.ranges[0].clone()], "COTA/L");
    }

    /// A PTA user walk read "Also called: Physical therapy assistant" at the top of the guide, a
    /// name the profession does not use for the title. Search still finds the guide by it, and
    /// says it is not the title; the guide does not list it.
    #[test]
    fn a_misnomer_finds_the_guide_but_is_not_listed_as_its_name() {
        let lib = Library::builtin();
        let pta = lib.roles.iter().find(|r| r.short == "PTA").unwrap();
        assert!(
            !pta.also_called
                .iter()
                .any(|n| n.eq_ignore_ascii_case("physical therapy assistant"))
        );
        let hits = search(&lib, "physical therapy assistant", 10);
        let names = hits
            .iter()
            .find(|h| h.place == "PTA › Names")
            .expect("found");
        assert!(
            names.text.contains("(not the job's title)"),
            "{}",
            names.text
        );
    }

    #[test]
    fn a_word_found_only_as_a_near_spelling_is_flagged() {
        let lib = lib_with(&[], &[("Medical", "Medical records are private")]);
        let hits = search(&lib, "medicaid", 10);
        assert!(!hits.is_empty() && hits.iter().all(|h| h.near), "{hits:?}");
        assert!(search(&lib, "medical", 10).iter().all(|h| !h.near));
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

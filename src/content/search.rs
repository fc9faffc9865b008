//! Search across role guides, the question bank, questions to ask and the glossary, as the user types.
//!
//! A query is split into terms (a phrase from a synonym group, such as "gait belt", is one term). A
//! place matches when every term is found there, at the start of a word, as itself, as a word from
//! its synonym group (`content/synonyms.toml`) or, when a word is found nowhere, as a near spelling
//! of a word that is. Results are ranked: exact words before synonyms before typo matches and,
//! among equal matches, guides before glossary terms and questions, and those before notes. The index of every searchable text is built on the
//! first search and kept with the library, so each key costs only the scan.

use super::library::Library;
use super::markup;
use super::model::GuideSection;
use std::collections::BTreeSet;
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
    /// Distinct lowercase words of three letters or more, for typo matching.
    vocab: Vec<String>,
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
        let mut vocab = BTreeSet::new();
        for e in &entries {
            for w in e.hay().split(|c: char| !c.is_alphanumeric()) {
                if w.chars().count() >= 3 {
                    vocab.insert(w.to_string());
                }
            }
        }
        for g in &groups {
            for w in g.iter().filter(|w| !w.contains(' ')) {
                vocab.insert(w.clone());
            }
        }
        Index {
            entries,
            vocab: vocab.into_iter().collect(),
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
    /// their start of the same length. Damerau–Levenshtein, so swapped letters count as one slip.
    fn near(&self, term: &str) -> Vec<String> {
        let n = term.chars().count();
        if n < 4 || term.contains(' ') || term.chars().any(|c| c.is_ascii_digit()) {
            return Vec::new();
        }
        let max = if n <= 6 { 1 } else { 2 };
        let mut best: Vec<(usize, &String)> = self
            .vocab
            .iter()
            .filter_map(|w| {
                let m = w.chars().count();
                let whole = (m.abs_diff(n) <= max)
                    .then(|| strsim::damerau_levenshtein(term, w))
                    .filter(|d| *d <= max);
                // The start of a longer word: a slip in a word still being typed. An exact start is
                // already an exact match, so it is not counted here.
                let start = (m > n)
                    .then(|| {
                        let head: String = w.chars().take(n).collect();
                        strsim::damerau_levenshtein(term, &head)
                    })
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
        alts
    }
}

/// Byte ranges where `needle` starts a word in `hay` (a letter or digit never comes just before).
fn word_starts(hay: &str, needle: &str, out: &mut Vec<Range<usize>>) {
    if needle.is_empty() {
        return;
    }
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let start = from + pos;
        let before = hay[..start].chars().next_back();
        if !before.is_some_and(char::is_alphanumeric) {
            out.push(start..start + needle.len());
        }
        from = start + needle.len();
    }
}

/// Whether the range ends a word: the next character is not a letter or digit.
fn ends_word(hay: &str, r: &Range<usize>) -> bool {
    !hay[r.end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
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
    let mut scored: Vec<(u32, usize, Vec<Range<usize>>)> = Vec::new();
    'entries: for (ei, e) in index.entries.iter().enumerate() {
        let hay = e.hay();
        let mut ranges = Vec::new();
        let mut score = 0;
        for alts in &terms {
            let mut best = 0;
            for a in alts {
                let before = ranges.len();
                word_starts(hay, &a.text, &mut ranges);
                if let Some(whole) = ranges[before..].iter().map(|r| ends_word(hay, r)).max() {
                    // Exact whole word 7, exact word start 6, synonym 4, near spelling 2.
                    let s = 2 * a.kind as u32 + u32::from(whole && a.kind == Kind::Exact);
                    best = best.max(s);
                }
            }
            if best == 0 {
                continue 'entries;
            }
            score += best;
        }
        ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        ranges.dedup_by(|b, a| b.start < a.end);
        scored.push((score * 4 + e.weight, ei, ranges));
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
    use crate::content::model::Synonym;

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
            .map(|(i, (t, m))| crate::content::model::Term {
                id: crate::content::Id::new(format!("t-{i}")),
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

//! A query's terms and the ways each may appear: as itself, a synonym or a near spelling.

use super::{Alt, Index, Kind};

impl Index {
    /// Splits a lowercase query into terms, keeping a synonym group's multi-word phrase together.
    pub(super) fn terms(&self, query: &str) -> Vec<String> {
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
        synonyms_in(&self.groups, word)
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

    /// Whether `alt` can be in any text at all: its first word starts some word of the index. An
    /// alternative that cannot is left out, so it costs no scan.
    fn possible(&self, alt: &str) -> bool {
        let lead: String = alt.chars().take_while(|c| c.is_alphanumeric()).collect();
        lead.is_empty() || self.known(&lead).0
    }

    /// Every way `term` may appear in text, best first.
    pub(super) fn alternatives(&self, term: &str) -> Vec<Alt> {
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

/// The members of every group of `groups` (each member lowercase) that `word` (lowercase) belongs
/// to, `word` itself left out: a member, a member's plural, or (typed in part) the start of a
/// one-word member at least four letters long.
pub(super) fn synonyms_in(groups: &[Vec<String>], word: &str) -> Vec<String> {
    let singular = word.strip_suffix('s').unwrap_or(word);
    let mut out = Vec::new();
    for g in groups {
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

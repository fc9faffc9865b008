//! Near spellings: the words of the index a small typing slip away from a query term.

use super::Index;

impl Index {
    /// Words in the index a small typing slip away from `term`: one edit for words of four to six
    /// letters, two for longer ones. Words are compared whole and, for a word still being typed, by
    /// their start of the same length. Optimal string alignment distance (Damerau–Levenshtein without
    /// repeated edits of one place), so swapped letters count as one slip.
    pub(super) fn near(&self, term: &str) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}

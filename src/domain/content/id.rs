//! Content ids: short, stable names held inline, ordered as their text is.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable identifier for any piece of content (role, question, fact, ask, step, card, competency).
///
/// Ids are what the review journal and stories refer to, so they must never change when wording does.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub CompactString);

/// The text's order, byte by byte, as `str` orders. Ids are compared wherever cards meet the
/// review history (a walk over 100,000 of each for `status`), and most ids share a long prefix
/// ("imp-" and hex digits): reading eight bytes at a time as big-endian numbers orders them the same
/// way in a few instructions, where a call to `memcmp` per pair cost more than the walk around it.
impl Ord for Id {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        cmp_bytes(self.0.as_bytes(), other.0.as_bytes())
    }
}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Lexicographic byte order, eight bytes a step.
fn cmp_bytes(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    let (mut x, mut y) = (a, b);
    while let (Some((xc, xr)), Some((yc, yr))) =
        (x.split_first_chunk::<8>(), y.split_first_chunk::<8>())
    {
        let (p, q) = (u64::from_be_bytes(*xc), u64::from_be_bytes(*yc));
        if p != q {
            return p.cmp(&q);
        }
        (x, y) = (xr, yr);
    }
    // Fewer than eight bytes left. Of two ids as long as each other and at least eight bytes
    // (the usual pair: the same card, or two made the same way), the last eight bytes of each
    // decide it: those before the rest were found equal above.
    if x.len() == y.len()
        && let (Some((_, xt)), Some((_, yt))) =
            (a.split_last_chunk::<8>(), b.split_last_chunk::<8>())
    {
        return u64::from_be_bytes(*xt).cmp(&u64::from_be_bytes(*yt));
    }
    // Else byte by byte, then the shorter first.
    for (p, q) in x.iter().zip(y) {
        if p != q {
            return p.cmp(q);
        }
    }
    x.len().cmp(&y.len())
}

impl Id {
    pub fn new(s: impl Into<CompactString>) -> Self {
        Id(s.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ids_sort_as_their_text_does() {
        let mut ids: Vec<Id> = [
            "imp-b",
            "imp-a0",
            "imp-a",
            "",
            "ptt.q.intro-yourself",
            "ptt.q.intro",
        ]
        .into_iter()
        .map(Id::new)
        .collect();
        ids.sort();
        let text: Vec<&str> = ids.iter().map(Id::as_str).collect();
        assert_eq!(
            text,
            [
                "",
                "imp-a",
                "imp-a0",
                "imp-b",
                "ptt.q.intro",
                "ptt.q.intro-yourself"
            ]
        );
    }

    proptest! {
        /// Any two texts, of any length and sharing any prefix, compare as `str` compares them;
        /// the shared prefix makes the eight-byte steps and the byte-by-byte tail both decide.
        #[test]
        fn order_is_the_text_order(prefix in "[a-z0-9é-]{0,20}", a in "\\PC{0,12}", b in "\\PC{0,12}") {
            let (x, y) = (format!("{prefix}{a}"), format!("{prefix}{b}"));
            prop_assert_eq!(Id::new(x.as_str()).cmp(&Id::new(y.as_str())), x.as_str().cmp(y.as_str()));
            prop_assert_eq!(Id::new(x.as_str()) == Id::new(y.as_str()), x == y);
        }

        /// Two texts of the same length, which the last eight bytes decide once the steps before
        /// them tie: every length from a few bytes to past the inline limit, equal ones included.
        #[test]
        fn same_length_texts_order_as_text(
            prefix in "[a-z0-9é-]{0,24}",
            a in "[ab]{9}",
            b in "[ab]{9}",
            n in 1usize..=9,
        ) {
            let (a, b) = (&a[..n], &b[..n]);
            let (x, y) = (format!("{prefix}{a}"), format!("{prefix}{b}"));
            prop_assert_eq!(x.len(), y.len());
            prop_assert_eq!(
                Id::new(x.as_str()).cmp(&Id::new(y.as_str())),
                x.as_str().cmp(y.as_str())
            );
        }
    }
}

//! Turning a suggestion into an edit of the text: captures filled in, capitals kept, and a deleted
//! filler taken out with its commas and spaces so the sentence still reads.

use super::past::past_tense;
use crate::domain::content::phrasing::{Piece, Template};

/// Replace the bytes `start..end` of the text with `text`: one edit, undone in one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Replacement {
    /// `text` with the edit made.
    pub fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + self.text.len());
        out.push_str(&text[..self.start]);
        out.push_str(&self.text);
        out.push_str(&text[self.end..]);
        out
    }
}

/// A template with its captures taken from `text`.
pub(super) fn fill(t: &Template, text: &str, captures: &[(usize, usize)]) -> String {
    let mut out = String::new();
    for p in &t.pieces {
        match p {
            Piece::Text(s) => out.push_str(s),
            Piece::Capture { n, past } => {
                let word = captures
                    .get(n - 1)
                    .and_then(|&(s, e)| text.get(s..e))
                    .unwrap_or("");
                if *past {
                    out.push_str(&past_tense(word));
                } else {
                    out.push_str(word);
                }
            }
        }
    }
    out
}

/// Words that go on a clause after a comma: "chart, basically, then" keeps one comma.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "so", "then", "or", "because", "which", "who", "while", "when", "until",
];

/// The edit that puts `with` in place of `text[start..end]`, or `None` if the range is not in `text`.
/// An empty `with` deletes the phrase tidily (see the tests); otherwise a capital at the start of the
/// phrase is kept on the replacement.
pub(super) fn replacement(text: &str, start: usize, end: usize, with: &str) -> Option<Replacement> {
    if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    text.get(start..end)?;
    if !with.is_empty() {
        let capital = text[start..].chars().next().is_some_and(char::is_uppercase);
        return Some(Replacement {
            start,
            end,
            text: if capital {
                capitalise(with)
            } else {
                with.to_string()
            },
        });
    }
    let before = &text[..start];
    let after = &text[end..];
    let left = before.trim_end_matches([' ', ',', '\t']);
    let right_rest = after.trim_start_matches([' ', ',', '\t']);
    let (from, to) = (left.len(), text.len() - right_rest.len());
    let comma_left = before[left.len()..].contains(',');
    let comma_right = after[..after.len() - right_rest.len()].contains(',');
    let sentence_start = left.is_empty() || left.ends_with(['.', '!', '?', '\n', '…', ':']);
    let next = right_rest.chars().next();
    let joiner = if right_rest.is_empty() || next.is_some_and(|c| ".!?;:)…\n".contains(c)) {
        // Nothing left in the sentence after the phrase: close it up ("called, you know." → "called.").
        ""
    } else if sentence_start {
        if left.is_empty() || left.ends_with('\n') {
            ""
        } else {
            " "
        }
    } else if comma_left && comma_right {
        let next_word: String = right_rest
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if CLAUSE_WORDS.contains(&next_word.as_str()) {
            ", "
        } else {
            " "
        }
    } else if comma_left {
        ", "
    } else {
        " "
    };
    let mut text_out = joiner.to_string();
    let mut to = to;
    if sentence_start && let Some(c) = next.filter(|c| c.is_lowercase()) {
        // The next word now starts the sentence.
        text_out.extend(c.to_uppercase());
        to += c.len_utf8();
    }
    Some(Replacement {
        start: from,
        end: to,
        text: text_out,
    })
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deletes `phrase` (its first occurrence) from `text` as accepting "" would.
    fn delete(text: &str, phrase: &str) -> String {
        let start = text.find(phrase).unwrap();
        replacement(text, start, start + phrase.len(), "")
            .unwrap()
            .apply(text)
    }

    #[test]
    fn deleting_a_filler_leaves_a_sentence_that_reads() {
        for (text, phrase, want) in [
            ("I just called the PT.", "just", "I called the PT."),
            ("He was, like, upset.", "like", "He was upset."),
            ("Um, I called the PT.", "Um", "I called the PT."),
            (
                "I called. Basically, we moved.",
                "Basically",
                "I called. We moved.",
            ),
            ("I think it was late.", "I think", "It was late."),
            ("I called, you know.", "you know", "I called."),
            (
                "the chart, basically, then called",
                "basically",
                "the chart, then called",
            ),
            (
                "I was done, honestly tired",
                "honestly",
                "I was done, tired",
            ),
            ("Busy.\num I called", "um", "Busy.\nI called"),
            ("um", "um", ""),
            ("Called. um", "um", "Called."),
        ] {
            assert_eq!(delete(text, phrase), want, "{text:?} without {phrase:?}");
        }
    }

    #[test]
    fn a_replacement_keeps_a_leading_capital() {
        let text = "We split up the work. we split up";
        let r = replacement(text, 0, 11, "I divided up").unwrap();
        assert_eq!(r.apply(text), "I divided up the work. we split up");
        let r = replacement(text, 0, 2, "i").unwrap();
        assert_eq!(r.text, "I");
        let r = replacement(text, 22, 24, "I").unwrap();
        assert_eq!(r.apply(text), "We split up the work. I split up");
    }

    #[test]
    fn a_range_outside_the_text_or_inside_a_character_is_refused() {
        assert!(replacement("é", 0, 1, "x").is_none());
        assert!(replacement("abc", 2, 9, "x").is_none());
        assert!(replacement("abc", 2, 2, "x").is_none());
    }
}

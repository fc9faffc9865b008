//! Word wrapping by display width, returning byte ranges so highlights survive the wrap.

use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Splits `text` into lines at most `width` columns wide, breaking at spaces where it can and inside
/// a word only when the word alone is too wide. Spaces at a break are dropped. Always returns at least
/// one (possibly empty) range; a width of 0 is treated as 1.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let w = |s: &str| -> usize { s.chars().map(|c| c.width().unwrap_or(0)).sum() };
    let mut lines = Vec::new();
    // The open line: its byte range and display width.
    let mut open: Option<(usize, usize, usize)> = None;
    for (start, end) in words(text) {
        let word_w = w(&text[start..end]);
        if let Some((ls, le, lw)) = open {
            let gap = w(&text[le..start]);
            if lw + gap + word_w <= width {
                open = Some((ls, end, lw + gap + word_w));
                continue;
            }
            lines.push(ls..le);
        }
        // Start a new line with this word, splitting it while it is wider than a line.
        let mut s = start;
        loop {
            let mut e = s;
            let mut col = 0;
            for (i, c) in text[s..end].char_indices() {
                let cw = c.width().unwrap_or(0);
                if col + cw > width && i > 0 {
                    break;
                }
                col += cw;
                e = s + i + c.len_utf8();
            }
            if e >= end {
                open = Some((s, end, col));
                break;
            }
            lines.push(s..e);
            s = e;
        }
    }
    match open {
        Some((ls, le, _)) => lines.push(ls..le),
        None if lines.is_empty() => lines.push(0..0),
        None => {}
    }
    lines
}

/// Byte ranges of the runs of non-space characters.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &text[pos..];
        let skip = rest.len() - rest.trim_start_matches(' ').len();
        let start = pos + skip;
        if start >= text.len() {
            return None;
        }
        let len = text[start..].find(' ').unwrap_or(text.len() - start);
        pos = start + len;
        Some((start, start + len))
    })
}

/// The wrapped lines as string slices, for tests that read them.
#[cfg(test)]
fn wrap_str(text: &str, width: usize) -> Vec<&str> {
    wrap(text, width).into_iter().map(|r| &text[r]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn breaks_at_spaces() {
        assert_eq!(
            wrap_str("the quick brown fox", 10),
            vec!["the quick", "brown fox"]
        );
    }

    #[test]
    fn breaks_long_words_and_wide_characters() {
        assert_eq!(wrap_str("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap_str("日本語です", 4), vec!["日本", "語で", "す"]);
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(wrap_str("", 5), vec![""]);
    }

    proptest! {
        #[test]
        fn lines_fit_and_keep_every_non_space_character(text in "[a-zé日🙂 ]{0,80}", width in 1usize..30) {
            let lines = wrap_str(&text, width);
            for l in &lines {
                // A single character wider than the line may overflow; nothing else may.
                prop_assert!(l.width() <= width || l.chars().count() == 1, "{l:?} wider than {width}");
            }
            let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let orig: String = text.chars().filter(|c| *c != ' ').collect();
            prop_assert_eq!(joined, orig);
        }
    }
}

// Patched (clinicprep): the pieces of a line that soft wrapping may not break inside.
//
// Upstream wraps at every word boundary (UAX #29). Boundaries fall on both sides of punctuation,
// so a row could start with a comma, a full stop or a closing quote, or end with an opening quote
// whose word went to the next row; and a space that did not fit at the end of a row started the
// next one. Segmenting a long line with the general tables was also most of the time to re-wrap
// it after each key. Here a row breaks only after a space, or between Chinese or Japanese
// characters (which are written without spaces) except before punctuation, and a word keeps the
// spaces after it, so rows start with a word; ASCII text is cut up without the tables.

use crate::wrap::Chunk;
use unicode_segmentation::UnicodeSegmentation;

/// The units of `line` in order, covering it: runs of text a row may not break inside, each
/// with the spaces that follow it (and any spaces the line starts with on their own).
pub(crate) fn break_units(line: &str) -> Vec<Chunk> {
    // The line is cut after each space that an ASCII character other than a space follows. Each
    // cut is a word boundary with a space before it and a word after it, so a unit boundary; and
    // no word break rule looks across it (WB4 needs an Extend, Format or ZWJ after the space, WB3d
    // a second space, and WB6 to WB13b and WB15 to WB16 a letter, digit, connector, regional
    // indicator or punctuation of the Mid classes before it). So each piece can be cut up on its
    // own.
    let bytes = line.as_bytes();
    let mut units = Vec::new();
    if line.is_ascii() {
        // One piece, and no need to look for the cuts.
        ascii_units(line, 0, &mut units);
        return units;
    }
    let mut start = 0;
    for i in 1..=bytes.len() {
        let cut = i == bytes.len()
            || (bytes[i - 1] == b' ' && bytes[i].is_ascii() && !is_ascii_space(bytes[i]));
        if !cut {
            continue;
        }
        let piece = &line[start..i];
        if piece.is_ascii() {
            ascii_units(piece, start, &mut units);
        } else {
            let chunks = piece.split_word_bound_indices().map(|(at, text)| Chunk {
                start: start + at,
                end: start + at + text.len(),
            });
            join_chunks(line, chunks, &mut units);
        }
        start = i;
    }
    units
}

/// Appends the units made by joining word `chunks` (UAX #29) that a row should not break between.
fn join_chunks(line: &str, chunks: impl Iterator<Item = Chunk>, units: &mut Vec<Chunk>) {
    for chunk in chunks {
        // A piece starts after a space, so the unit before it never joins it.
        let Some(prev) = units.last_mut() else {
            units.push(chunk);
            continue;
        };
        let before = line[prev.start..prev.end].chars().next_back();
        let first = line[chunk.start..chunk.end].chars().next();
        let (Some(before), Some(first)) = (before, first) else {
            units.push(chunk);
            continue;
        };
        let breakable = !is_space(first)
            && (is_space(before)
                || ((is_ideographic(before) || is_ideographic(first)) && first.is_alphanumeric()));
        if breakable {
            units.push(chunk);
        } else {
            prev.end = chunk.end;
        }
    }
}

/// Appends the units of an ASCII `piece` that starts `offset` bytes into its line: what
/// `join_chunks` makes of its word chunks. In ASCII no word break rule joins a space to anything
/// but a space (WB3d) or CR to LF (WB3), so a unit is a run of non-space characters and the
/// spaces after it, or the spaces the piece starts with.
fn ascii_units(piece: &str, offset: usize, units: &mut Vec<Chunk>) {
    let bytes = piece.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let word = bytes[i..]
            .iter()
            .take_while(|&&b| !is_ascii_space(b))
            .count();
        let gap = bytes[i + word..]
            .iter()
            .take_while(|&&b| is_ascii_space(b))
            .count();
        let end = i + word + gap;
        units.push(Chunk {
            start: offset + i,
            end: offset + end,
        });
        i = end;
    }
}

/// The ASCII characters that `is_space` accepts.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// A space a row may break at; the no-break spaces are left out.
fn is_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Chinese characters and Japanese kana, which are written without spaces between words.
fn is_ideographic(c: char) -> bool {
    matches!(c,
        '\u{3041}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff66}'..='\u{ff9f}'
        | '\u{20000}'..='\u{3134f}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wrap::{WrapMode, line_ranges};

    /// What `break_units` must give: the word chunks of the whole line, joined.
    fn slow_units(line: &str) -> Vec<(usize, usize)> {
        let mut units = Vec::new();
        let chunks = line.split_word_bound_indices().map(|(at, text)| Chunk {
            start: at,
            end: at + text.len(),
        });
        join_chunks(line, chunks, &mut units);
        units.into_iter().map(|c| (c.start, c.end)).collect()
    }

    fn fast_units(line: &str) -> Vec<(usize, usize)> {
        break_units(line)
            .into_iter()
            .map(|c| (c.start, c.end))
            .collect()
    }

    /// Every string of up to `len` characters from `alphabet`.
    fn all_strings(alphabet: &[char], len: usize) -> Vec<String> {
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..len {
            let mut next = Vec::new();
            for l in &last {
                for &c in alphabet {
                    next.push(format!("{l}{c}"));
                }
            }
            all.extend(next.iter().cloned());
            last = next;
        }
        all
    }

    /// `count` pseudo-random strings of up to 60 characters, mostly from `alphabet`, the same on
    /// every run.
    fn random_strings(alphabet: &[char], count: usize) -> Vec<String> {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        (0..count)
            .map(|_| {
                let len = next() % 60;
                (0..len)
                    .map(|_| {
                        let r = next();
                        if r % 5 == 0 {
                            char::from((r >> 8) as u8 & 0x7f)
                        } else {
                            alphabet[(r >> 8) as usize % alphabet.len()]
                        }
                    })
                    .collect()
            })
            .collect()
    }

    // One member of each word break class ASCII has; two letters and two digits so that runs
    // and mixes both show.
    const ASCII: &[char] = &[
        'a', 'Z', '0', '9', ':', ',', ';', '.', '\'', '_', ' ', '\r', '\n', '\x0b', '"', '-', '!',
        '\t', '\x1b',
    ];

    #[test]
    fn ascii_units_are_the_joined_word_chunks() {
        let mut lines = all_strings(ASCII, 4);
        lines.extend(random_strings(ASCII, 20_000));
        for line in &lines {
            assert_eq!(fast_units(line), slow_units(line), "{line:?}");
        }
    }

    #[test]
    fn mixed_units_are_the_joined_word_chunks() {
        // ASCII with characters whose word break rules reach across a space if any do:
        // combining marks, format characters, joiners, emoji, flags, Hebrew and Katakana
        // letters, curly quotes (MidNumLet), other spaces and accented letters.
        let mut alphabet = ASCII.to_vec();
        alphabet.extend([
            '\u{301}',
            '\u{200d}',
            '\u{200b}',
            '\u{ad}',
            '\u{2019}',
            '\u{2018}',
            '\u{a0}',
            '\u{3000}',
            '\u{1f600}',
            '\u{1f1eb}',
            '\u{1f1f7}',
            '\u{5d0}',
            '\u{5f3}',
            '\u{30a2}',
            '\u{ff9e}',
            'é',
            '犬',
            '\u{fe0f}',
            '\u{2764}',
            '\u{b7}',
            '\u{85}',
            '\u{2028}',
            '。',
        ]);
        let mut lines = all_strings(
            &['a', ' ', '\u{301}', '\u{200d}', '\u{1f1eb}', '.', '犬'],
            5,
        );
        lines.extend(random_strings(&alphabet, 50_000));
        for line in &lines {
            assert_eq!(fast_units(line), slow_units(line), "{line:?}");
        }
    }

    fn rows(line: &str, width: usize) -> Vec<&str> {
        line_ranges(line, WrapMode::WordOrGlyph, width, 4, None)
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    #[test]
    fn rows_break_at_spaces_not_at_punctuation() {
        assert_eq!(rows("to the bars. Then", 11), ["to the ", "bars. Then"]);
        // The opening quote stays with its word, the comma with the closing quote.
        assert_eq!(
            rows("I said “gait belt”, twice", 11),
            ["I said ", "“gait ", "belt”, ", "twice"]
        );
        // Japanese breaks between characters, but not before its full stop.
        assert_eq!(rows("日本語です。", 4), ["日本", "語で", "す。"]);
        // A no-break space holds its neighbours together.
        assert_eq!(rows("5\u{a0}kg of", 5), ["5\u{a0}kg ", "of"]);
        // A space that does not fit goes with its word, so the next row does not start with it.
        assert_eq!(rows("ab cd ef", 5), ["ab ", "cd ef"]);
        assert_eq!(rows("  ab  cd", 4), ["  ", "ab  ", "cd"]);
        // A word longer than the row is still split, as upstream's WordOrGlyph does.
        assert_eq!(rows("ab well-being", 4), ["ab ", "well", "-bei", "ng"]);
    }
}

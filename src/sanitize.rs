//! Strips control characters and invisible formatting from untrusted text before it reaches the terminal.

/// Spaces a tab expands to; terminals would otherwise jump to their own tab stops and misalign cells.
const TAB: &str = "    ";

/// Returns `s` with everything that could move the cursor, change the terminal's state or reorder text
/// removed: C0/C1 controls (newline kept, tab expanded), bidi overrides and isolates, zero-width space
/// and BOM. Line and paragraph separators become newlines. `\r\n` becomes `\n`.
pub fn clean(s: &str) -> String {
    if s.chars().all(is_plain) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str(TAB),
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if is_plain(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Like [`clean`] but for one-line fields: newlines become spaces.
pub fn clean_line(s: &str) -> String {
    clean(s).replace('\n', " ")
}

/// True for characters that are safe to draw as they are.
fn is_plain(c: char) -> bool {
    !(c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}' | '\u{FEFF}')
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn removes_escape_sequences_but_keeps_their_printable_tail() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m"), "a[31mred[0m");
        assert_eq!(clean("bell\u{7}"), "bell");
        assert_eq!(clean("c1\u{9b}2J"), "c12J");
    }

    #[test]
    fn keeps_newlines_expands_tabs_and_drops_carriage_returns() {
        assert_eq!(clean("a\r\nb\tc"), "a\nb    c");
    }

    #[test]
    fn removes_bidi_overrides_zero_width_and_bom() {
        assert_eq!(clean("\u{FEFF}ab\u{202E}cd\u{2066}e\u{200B}f"), "abcdef");
        assert_eq!(clean("x\u{2028}y\u{2029}z"), "x\ny\nz");
    }

    #[test]
    fn keeps_accents_cjk_and_emoji() {
        let s = "Café naïve 日本語 🙂 👩‍⚕️";
        assert_eq!(clean(s), s);
    }

    #[test]
    fn clean_line_has_no_newline() {
        assert_eq!(clean_line("a\nb"), "a b");
    }

    proptest! {
        #[test]
        fn output_never_contains_controls(s in any::<String>()) {
            let out = clean(&s);
            prop_assert!(out.chars().all(|c| c == '\n' || !c.is_control()));
            prop_assert!(!out.contains(['\u{202E}', '\u{FEFF}']), "bidi or BOM left in output");
        }
    }
}

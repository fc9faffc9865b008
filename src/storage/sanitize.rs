//! Strips control characters and invisible formatting from untrusted text before it reaches the terminal.

use unicode_width::UnicodeWidthChar;

/// Columns between tab stops when a tab is expanded for display.
pub const TAB_STOP: usize = 4;

/// True for a character that must never reach the terminal as it is: C0 and C1 controls (including DEL
/// and ESC, which starts escape sequences), the bidi embeddings, overrides and isolates that can make
/// text read differently from how it is stored (U+202A–202E, U+2066–2069), the zero-width space U+200B
/// and the byte-order mark U+FEFF. The line and paragraph separators U+2028/2029 count too: they are
/// turned into newlines rather than dropped. Newline and tab are allowed here; [`clean`] expands tabs and
/// [`clean_line`] turns newlines into spaces.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}' | '\u{FEFF}' | '\u{2028}' | '\u{2029}'
        )
}

/// Returns `s` with every forbidden character removed except newline and tab. `\r\n`, a lone `\r` and
/// U+2028/2029 become `\n`. Use it for text that is kept and edited (tabs survive); draw it with
/// [`clean`] or [`expand_tabs`]. Ordinary text — accents, CJK, emoji with their zero-width joiners
/// (U+200D) and variation selectors — is left exactly as it was.
pub fn clean_keep_tabs(s: &str) -> String {
    if is_clean_keeping_tabs(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// True when [`clean_keep_tabs`] would return `s` unchanged. Plain ASCII, the bulk of all content, is
/// checked a byte at a time (which the compiler vectorizes); other text a character at a time.
fn is_clean_keeping_tabs(s: &str) -> bool {
    plain_ascii(s, |b| b == b'\n' || b == b'\t') || !s.chars().any(is_forbidden)
}

/// True when every byte of `s` is printable ASCII or one `also` allows. A fold rather than `all`:
/// without the early exit the loop vectorizes.
#[inline]
fn plain_ascii(s: &str, also: impl Fn(u8) -> bool) -> bool {
    s.bytes()
        .fold(true, |ok, b| ok & ((0x20..0x7f).contains(&b) || also(b)))
}

/// True when [`clean`] would return `s` unchanged, found without building the cleaned copy. One
/// pass over plain ASCII text: a search for tabs first read every text twice, and cleaning the
/// cards loaded at start-up checks every front and back.
pub fn is_clean(s: &str) -> bool {
    plain_ascii(s, |b| b == b'\n') || (!s.contains('\t') && !s.chars().any(is_forbidden))
}

/// [`clean`] in place, allocating only when something must change: loading thousands of cards
/// sanitizes every field, and almost none need it.
pub fn clean_in_place(s: &mut String) {
    if is_clean(s) {
        return;
    }
    *s = clean(s);
}

/// [`clean_line`] in place, allocating only when something must change; for a `String` or a
/// short text held inline (a card's deck and tags).
pub fn clean_line_in_place<S: std::ops::Deref<Target = str> + From<String>>(s: &mut S) {
    if plain_ascii(s, |_| false) || (!s.contains(['\t', '\n']) && !s.chars().any(is_forbidden)) {
        return;
    }
    *s = S::from(clean_line(s));
}

/// The display variant: like [`clean_keep_tabs`], then every tab expanded to spaces up to the next
/// [`TAB_STOP`] column, counting columns as the terminal does (wide CJK and emoji take two). Terminals
/// would otherwise jump to their own tab stops and misalign the cells around the text.
pub fn clean(s: &str) -> String {
    expand_tabs(&clean_keep_tabs(s))
}

/// Like [`clean`] but for one-line fields: newlines become spaces.
pub fn clean_line(s: &str) -> String {
    clean(s).replace('\n', " ")
}

/// Replaces each tab with the spaces that reach the next tab stop; columns restart at each newline.
pub fn expand_tabs(s: &str) -> String {
    if !s.contains('\t') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                let n = TAB_STOP - col % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' => {
                out.push('\n');
                col = 0;
            }
            c => {
                out.push(c);
                col += c.width().unwrap_or(0);
            }
        }
    }
    out
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
        assert_eq!(clean("osc\u{1b}]0;title\u{7}x"), "osc]0;titlex");
        assert_eq!(clean("del\u{7f}nel\u{85}"), "delnel");
    }

    #[test]
    fn line_endings_become_newlines() {
        assert_eq!(clean("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(clean("x\u{2028}y\u{2029}z"), "x\ny\nz");
    }

    #[test]
    fn tabs_are_kept_or_expanded_to_the_next_stop() {
        assert_eq!(clean_keep_tabs("a\tb"), "a\tb");
        assert_eq!(clean("a\tb"), "a   b");
        assert_eq!(clean("\tb"), "    b");
        assert_eq!(clean("abcd\te"), "abcd    e");
        assert_eq!(clean("x\n\ty"), "x\n    y");
        // A wide character takes two columns, so the stop is two spaces away.
        assert_eq!(clean("日\tx"), "日  x");
    }

    #[test]
    fn removes_every_bidi_override_and_isolate_zero_width_space_and_bom() {
        let mut s = String::from("\u{FEFF}a");
        for c in ('\u{202A}'..='\u{202E}').chain('\u{2066}'..='\u{2069}') {
            s.push(c);
        }
        s.push_str("b\u{200B}c");
        assert_eq!(clean(&s), "abc");
        assert_eq!(clean_keep_tabs(&s), "abc");
    }

    #[test]
    fn keeps_accents_cjk_emoji_and_zero_width_joiner_sequences() {
        // U+200D joins the health-worker emoji; U+FE0F selects emoji style; the flag uses tag characters.
        let s = "Café naïve Ñandú 日本語 한국어 🙂 👩‍⚕️ 🧑🏽‍🦽 🏴󠁧󠁢󠁳󠁣󠁴󠁿 مرحبا עברית";
        assert_eq!(clean(s), s);
        assert_eq!(clean_keep_tabs(s), s);
        assert!(clean(s).contains('\u{200D}'));
    }

    proptest! {
        #[test]
        fn in_place_variants_match_the_copying_ones(s in "(?s)[a-z \t\n\r\u{1b}\u{7f}\u{85}\u{202e}\u{2028}é日🙂]{0,40}") {
            let mut a = s.clone();
            clean_in_place(&mut a);
            prop_assert_eq!(a, clean(&s));
            let mut b = s.clone();
            clean_line_in_place(&mut b);
            prop_assert_eq!(b, clean_line(&s));
        }
    }

    #[test]
    fn clean_line_has_no_newline() {
        assert_eq!(clean_line("a\nb\u{2028}c\r\nd"), "a b c d");
    }

    /// Strings biased towards the characters this module exists to remove.
    fn nasty() -> impl Strategy<Value = String> {
        let special = prop::sample::select(vec![
            '\u{1b}', '\u{7}', '\u{0}', '\t', '\n', '\r', '\u{7f}', '\u{85}', '\u{9b}', '\u{202A}',
            '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
            '\u{2069}', '\u{200B}', '\u{200D}', '\u{FEFF}', '\u{2028}', '\u{2029}', 'é', '日',
            '🙂',
        ]);
        prop::collection::vec(prop_oneof![any::<char>(), special], 0..64)
            .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn output_never_contains_a_forbidden_char(s in nasty()) {
            let shown = clean(&s);
            prop_assert!(!shown.chars().any(|c| is_forbidden(c) || c == '\t'), "{shown:?}");
            let kept = clean_keep_tabs(&s);
            prop_assert!(!kept.chars().any(is_forbidden), "{kept:?}");
            let line = clean_line(&s);
            prop_assert!(!line.chars().any(|c| is_forbidden(c) || c == '\t' || c == '\n'), "{line:?}");
        }

        #[test]
        fn cleaning_is_idempotent(s in nasty()) {
            let once = clean(&s);
            prop_assert_eq!(clean(&once), once.clone());
            let kept = clean_keep_tabs(&s);
            prop_assert_eq!(clean_keep_tabs(&kept), kept.clone());
            prop_assert_eq!(clean(&kept), once);
            let line = clean_line(&s);
            prop_assert_eq!(clean_line(&line), line);
        }

        /// Mostly plain ASCII, as nearly all content is, so the one-pass checks meet tabs, newlines,
        /// returns and controls among printable text.
        #[test]
        fn is_clean_says_whether_cleaning_changes_ascii_text(s in "[ -~\t\n\r\x1b\x7f]{0,40}") {
            prop_assert_eq!(is_clean(&s), clean(&s) == s, "{:?}", s);
            prop_assert_eq!(is_clean_keeping_tabs(&s), clean_keep_tabs(&s) == s, "{:?}", s);
            let mut line = s.clone();
            clean_line_in_place(&mut line);
            prop_assert_eq!(line, clean_line(&s));
        }

        #[test]
        fn is_clean_says_whether_cleaning_changes_the_text(s in nasty()) {
            prop_assert_eq!(is_clean(&s), clean(&s) == s, "{:?}", s);
            prop_assert_eq!(is_clean_keeping_tabs(&s), clean_keep_tabs(&s) == s, "{:?}", s);
            let mut line = s.clone();
            clean_line_in_place(&mut line);
            prop_assert_eq!(line, clean_line(&s));
        }

        #[test]
        fn text_without_forbidden_chars_is_unchanged(s in any::<String>()) {
            let ordinary: String = s.chars().filter(|c| !is_forbidden(*c) && *c != '\t').collect();
            prop_assert_eq!(clean(&ordinary), ordinary.clone());
            prop_assert_eq!(clean_keep_tabs(&ordinary), ordinary);
        }
    }
}

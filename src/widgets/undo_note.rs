//! What an undo or redo changed, in words for the status line.

/// How many characters of changed text a note quotes before it shortens them.
const QUOTE_CHARS: usize = 32;

/// Says what turned `before` into `after`, for a status line after Ctrl-Z or Ctrl-Y: "took out
/// “closely.”", "put in “we”", "changed “I” to “we”". An undo may change text that is scrolled
/// out of sight, so the words say what it did. `None` when the text is the same.
pub fn change_note(before: &str, after: &str) -> Option<String> {
    if before == after {
        return None;
    }
    let prefix = common_prefix(before, after);
    let suffix = common_suffix(&before[prefix..], &after[prefix..]);
    let gone = &before[prefix..before.len() - suffix];
    let came = &after[prefix..after.len() - suffix];
    Some(match (gone.trim().is_empty(), came.trim().is_empty()) {
        (false, true) => format!("took out {}", quote(gone)),
        (true, false) => format!("put in {}", quote(came)),
        (false, false) => format!("changed {} to {}", quote(gone), quote(came)),
        (true, true) => "changed a space or line break".to_string(),
    })
}

/// The status line after Ctrl-Z (`undo`) or Ctrl-Y in the box named `field`, with the note of
/// what changed from [`change_note`]; it replaces whatever an earlier key said, which may be the
/// very change just undone.
pub fn undo_said(undo: bool, field: &str, note: Option<String>) -> String {
    match (undo, note) {
        (true, Some(n)) => format!("Undone in the {field}: {n}. Ctrl-Y redoes it."),
        (false, Some(n)) => format!("Redone in the {field}: {n}. Ctrl-Z undoes it."),
        (true, None) => format!("Nothing more to undo in the {field}."),
        (false, None) => format!("Nothing to redo in the {field}."),
    }
}

/// Bytes the two texts share at the start, ending on a character boundary of both.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}

/// Bytes the two texts share at the end, ending on a character boundary of both.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

/// The text in curly quotes on one line, shortened with "…" past [`QUOTE_CHARS`].
fn quote(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = one_line.chars().take(QUOTE_CHARS).collect();
    if one_line.chars().count() > QUOTE_CHARS {
        out.push('…');
    }
    format!("“{out}”")
}

#[cfg(test)]
mod tests {
    use super::{change_note, undo_said};

    #[test]
    fn the_status_says_where_and_how_to_go_back() {
        let note = change_note("a b", "a ");
        assert_eq!(
            undo_said(true, "Action", note),
            "Undone in the Action: took out “b”. Ctrl-Y redoes it."
        );
        assert_eq!(
            undo_said(false, "Task", None),
            "Nothing to redo in the Task."
        );
    }

    #[test]
    fn a_word_taken_out_at_the_end_is_quoted() {
        let note = change_note("watched closely.", "watched ");
        assert_eq!(note.as_deref(), Some("took out “closely.”"));
    }

    #[test]
    fn a_rewrite_undone_names_both_words() {
        let note = change_note("while I walked", "while we walked");
        assert_eq!(note.as_deref(), Some("changed “I” to “we”"));
        assert_eq!(
            change_note("Mr. K came", "Mr. K just came").as_deref(),
            Some("put in “just”")
        );
    }

    #[test]
    fn accents_emoji_and_long_pastes_stay_whole_characters() {
        let note = change_note("Señora Peña 😟 refused", "Señora Pena 😟 refused");
        assert_eq!(note.as_deref(), Some("changed “ñ” to “n”"));
        let long = "a ".repeat(40);
        let note = change_note(&format!("x{long}y"), "xy").unwrap_or_default();
        assert!(note.ends_with("…”"), "{note}");
        assert!(note.chars().count() < 50, "{note}");
    }

    #[test]
    fn nothing_changed_says_nothing_and_a_line_break_is_named() {
        assert_eq!(change_note("same", "same"), None);
        assert_eq!(
            change_note("one\ntwo", "one two").as_deref(),
            Some("changed a space or line break")
        );
    }
}

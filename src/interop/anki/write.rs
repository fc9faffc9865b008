//! Writes notes as an Anki text file: header lines, then one tab-separated row per note.

/// A note to write. `guid` lets Anki update the note on a later import instead of adding a copy, and
/// lets `clinicprep import` recognize its own cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportNote {
    pub guid: String,
    pub deck: String,
    pub front: String,
    pub back: String,
    pub tags: Vec<String>,
}

/// The whole file. Columns: front, back, tags, guid, and the deck when the notes are in more than one
/// deck (otherwise the deck is named once with `#deck:`). Text is written as plain text
/// (`#html:false`), so Anki shows `<` and `&` as typed and turns line breaks into its own.
pub fn to_tsv(notes: &[ExportNote]) -> String {
    let first_deck = notes.first().map(|n| n.deck.as_str());
    let one_deck = notes.iter().all(|n| Some(n.deck.as_str()) == first_deck);
    let mut out = String::from("#separator:tab\n#html:false\n");
    if one_deck {
        out.push_str("#columns:Front\tBack\tTags\tGUID\n#tags column:3\n#guid column:4\n");
        if let Some(deck) = first_deck {
            out.push_str("#deck:");
            out.push_str(&one_line(deck));
            out.push('\n');
        }
    } else {
        out.push_str(
            "#columns:Front\tBack\tTags\tGUID\tDeck\n#tags column:3\n#guid column:4\n#deck column:5\n",
        );
    }
    for n in notes {
        let tags: Vec<String> = n
            .tags
            .iter()
            .map(|t| tag(t))
            .filter(|t| !t.is_empty())
            .collect();
        let mut row = vec![
            field(&n.front),
            field(&n.back),
            field(&tags.join(" ")),
            field(&n.guid),
        ];
        if !one_deck {
            row.push(field(&n.deck));
        }
        out.push_str(&row.join("\t"));
        out.push('\n');
    }
    out
}

/// A field as Anki's importer reads it back: quoted (with `"` doubled) when it holds a tab, a line
/// break or a quote, or starts with `#` (which would make the line a comment).
pub fn field(s: &str) -> String {
    if s.contains(['\t', '\n', '\r', '"']) || s.starts_with('#') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Anki tags are separated by spaces, so a space inside one becomes `_`.
fn tag(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join("_")
}

/// Header values must stay on their line.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(deck: &str, front: &str) -> ExportNote {
        ExportNote {
            guid: format!("g-{front}"),
            deck: deck.into(),
            front: front.into(),
            back: "b".into(),
            tags: vec!["patient care".into(), "pta".into()],
        }
    }

    #[test]
    fn one_deck_is_named_in_the_header() {
        let out = to_tsv(&[note("Mine", "a"), note("Mine", "b")]);
        assert!(out.starts_with("#separator:tab\n#html:false\n"));
        assert!(out.contains("#deck:Mine\n"));
        assert!(!out.contains("#deck column"));
        assert!(out.ends_with("b\tb\tpatient_care pta\tg-b\n"), "{out}");
    }

    #[test]
    fn several_decks_get_a_deck_column() {
        let out = to_tsv(&[note("A", "a"), note("B", "b")]);
        assert!(out.contains("#deck column:5\n"));
        assert!(out.ends_with("\tg-b\tB\n"));
    }

    #[test]
    fn fields_with_tabs_newlines_quotes_or_hash_are_quoted() {
        assert_eq!(field("plain, text"), "plain, text");
        assert_eq!(field("a\tb"), "\"a\tb\"");
        assert_eq!(field("a\nb"), "\"a\nb\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("#1 tip"), "\"#1 tip\"");
    }
}

//! The text of a deck file as `import` writes it, read back to check it before anything is written.

use crate::domain::content::{Card, ContentFile, Id, Problem};
use crate::interop::deck_import::DeckUpdate;
use crate::storage::sanitize;
use serde::Serialize;

/// Cards a new deck's text is written and read back in at a time: reading 20,000 cards back at once
/// holds the parser's tokens and tables for all of them (about 45 MB), this many hold well under 1 MB.
const READ_BACK_CARDS: usize = 1_000;

/// The deck file's new text: the old text untouched, then the new cards. Checked by reading it back;
/// returned with what was read. A deck with cards already is read back whole, since its old text
/// decides how the new cards parse; a new deck (no file, or only comments) is read back a thousand
/// cards at a time, each part a run of `[[card]]` tables that reads the same on its own as in the file.
pub(super) fn deck_text(
    u: &DeckUpdate,
    new: Vec<Card>,
    source: &str,
    date: &str,
) -> Result<(String, ContentFile), Problem> {
    let shown = u.path.display().to_string();
    let added = new.len();
    let mut text = match &u.existing {
        Some(t) if t.is_empty() || t.ends_with('\n') => t.clone(),
        Some(t) => format!("{t}\n"),
        None => {
            "# Cards added by `clinicprep import`. Edit the text as you like, but keep each id: \
                 your review history follows it.\n"
                .to_string()
        }
    };
    let source = sanitize::clean_line(source);
    text.push_str(&format!(
        "\n# {added} card(s) imported from {source} on {date}\n"
    ));
    let did_not_read_back = |part: &str, e: &toml::de::Error| {
        let mut p = Problem::from_toml(&shown, part, e);
        p.message = format!(
            "the new cards did not read back, so nothing was written: {}",
            p.message
        );
        p
    };
    let back = if u.existing.as_deref().is_none_or(only_comments) {
        let mut back = ContentFile::default();
        back.card.reserve_exact(added);
        // Each part's cards are dropped once written, as the whole deck's are below.
        let mut rest = new.into_iter();
        loop {
            let part: Vec<Card> = rest.by_ref().take(READ_BACK_CARDS).collect();
            if part.is_empty() {
                break;
            }
            let cards = cards_text(&part, &shown)?;
            drop(part);
            let read: ContentFile =
                toml::from_str(&cards).map_err(|e| did_not_read_back(&cards, &e))?;
            // A blank line between parts, as between the cards of one part.
            if !back.card.is_empty() {
                text.push('\n');
            }
            back.card.extend(read.card);
            text.push_str(&cards);
        }
        back
    } else {
        let cards = cards_text(&new, &shown)?;
        // Written out: the cards are not needed while their text is read back.
        drop(new);
        text.reserve_exact(cards.len());
        text.push_str(&cards);
        drop(cards);
        toml::from_str(&text).map_err(|e| did_not_read_back(&text, &e))?
    };
    if back.card.len() != u.existing_cards + added {
        return Err(Problem::new(
            &shown,
            "the new cards did not read back whole",
        ));
    }
    Ok((text, back))
}

/// Whether a deck file's text holds nothing but blank lines and comments, so new `[[card]]` tables
/// after it read the same as on their own.
fn only_comments(text: &str) -> bool {
    text.trim_start_matches('\u{FEFF}')
        .lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#'))
}

/// Cards as the deck file has them, each a `[[card]]` table.
fn cards_text(cards: &[Card], shown: &str) -> Result<String, Problem> {
    /// A card as the deck file has it: `roles` only when there are some.
    #[derive(Serialize)]
    struct CardOut<'a> {
        id: &'a Id,
        deck: &'a str,
        front: &'a str,
        back: &'a str,
        tags: &'a [compact_str::CompactString],
        #[serde(skip_serializing_if = "<[Id]>::is_empty")]
        roles: &'a [Id],
    }
    #[derive(Serialize)]
    struct Cards<'a> {
        card: Vec<CardOut<'a>>,
    }
    let card = cards
        .iter()
        .map(|c| CardOut {
            id: &c.id,
            deck: &c.deck,
            front: &c.front,
            back: &c.back,
            tags: &c.tags,
            roles: &c.roles,
        })
        .collect();
    toml::to_string(&Cards { card })
        .map_err(|e| Problem::new(shown, format!("could not write the new cards: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn deck(existing: Option<&str>, existing_cards: usize) -> DeckUpdate {
        DeckUpdate {
            deck: "Gait".into(),
            path: PathBuf::from("imported/gait.toml"),
            cards: Vec::new(),
            added: 0,
            existing: existing.map(str::to_string),
            existing_cards,
        }
    }

    /// Cards whose text needs every kind of TOML quoting: quotes, backslashes, new lines, accents.
    fn cards(n: usize) -> Vec<Card> {
        (0..n)
            .map(|i| Card {
                id: Id::new(format!("imp-{i:05}")),
                deck: "Gait".into(),
                front: format!("What is \"gait\" {i}? Café \\ naïve"),
                back: format!("Line one\nline two {i}\t'''"),
                tags: smallvec::smallvec!["mobility".into()],
                roles: if i % 7 == 0 {
                    vec![Id("pta".into())]
                } else {
                    vec![]
                },
            })
            .collect()
    }

    #[test]
    fn a_new_deck_read_back_in_parts_is_the_text_it_would_be_whole() {
        let n = READ_BACK_CARDS * 2 + 17;
        let (text, back) = deck_text(&deck(None, 0), cards(n), "notes.txt", "2026-12-03").unwrap();
        let whole = cards_text(&cards(n), "x").unwrap();
        assert!(
            text.ends_with(&whole),
            "the parts join into the whole deck's text"
        );
        assert_eq!(back.card.len(), n);
        let again: ContentFile = toml::from_str(&text).unwrap();
        assert_eq!(again.card.len(), n);
        for (read, made) in back.card.iter().zip(cards(n)) {
            assert_eq!(
                (&read.id, &read.front, &read.back),
                (&made.id, &made.front, &made.back)
            );
            assert_eq!(read.roles, made.roles);
        }
    }

    #[test]
    fn a_deck_of_only_comments_is_read_back_in_parts_and_keeps_its_text() {
        let old = "\u{FEFF}# my deck\n\n   # notes\n";
        let (text, back) = deck_text(&deck(Some(old), 0), cards(3), "n.txt", "2026-12-03").unwrap();
        assert!(text.starts_with(old));
        assert_eq!(back.card.len(), 3);
    }

    #[test]
    fn a_deck_whose_old_text_breaks_the_new_cards_is_refused() {
        // `card = []` reads on its own, but no `[[card]]` may follow it: read back whole, the
        // deck is refused rather than written unreadable.
        let old = "card = []\n";
        assert!(!only_comments(old));
        let err = deck_text(&deck(Some(old), 0), cards(2), "n.txt", "2026-12-03").unwrap_err();
        assert!(err.message.contains("did not read back"), "{}", err.message);
    }

    #[test]
    fn only_blank_lines_and_comments_count_as_comments() {
        assert!(only_comments(""));
        assert!(only_comments("\u{FEFF}# a\n\n  # b"));
        assert!(!only_comments("# a\n[x]\n"));
        assert!(!only_comments("title = \"# not a comment\""));
    }
}

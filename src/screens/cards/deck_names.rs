//! Deck names that fit the deck list's name column: a name too long ends at a whole word with
//! " …", and a role's deck goes by the role's short name ("OTA") instead, so "Occupational therapy
//! aide" and "Occupational therapy assistant" do not both read "Occupational therapy …", and a
//! category whose topic would be cut away goes by the topic alone.

use super::DeckRow;
use crate::domain::study::{Deck, Subject};
use crate::widgets::clip::clip_words;
use ratatui::layout::{Constraint, Layout, Rect};
use unicode_width::UnicodeWidthStr;

/// The deck list's columns: the name, then New, Learning, Review and Unseen.
pub(super) fn columns(unseen: u16) -> [Constraint; 5] {
    [
        Constraint::Fill(1),
        Constraint::Length(5),
        Constraint::Length(8),
        Constraint::Length(6),
        Constraint::Length(unseen),
    ]
}

/// Columns the table takes before its first column for the highlight symbol "› ".
const HIGHLIGHT: u16 = 2;

/// Width of the name column of the deck list drawn in `area`, as the table lays it out: inside
/// the border (2) and the padding (2), after the highlight symbol, beside the other columns with
/// one column of space between each two.
pub(super) fn name_width(area: Rect, unseen: u16) -> usize {
    let inner = area.width.saturating_sub(2 + 2 + HIGHLIGHT);
    let [name, ..] = Layout::horizontal(columns(unseen))
        .spacing(1)
        .areas::<5>(Rect::new(0, 0, inner, 1));
    usize::from(name.width)
}

/// Indent of the decks under a group's heading ("By role").
pub(super) const GROUP_INDENT: &str = "  ";

/// True when every role's deck name fits a column `width` wide; when one does not, all of them go
/// by their short names, so the roles read as a set.
pub(super) fn roles_fit(rows: &[DeckRow], width: usize) -> bool {
    rows.iter()
        .filter(|r| matches!(r.deck, Deck::Role(_)))
        .all(|r| r.label.width() + GROUP_INDENT.width() <= width)
}

/// The text of `row`'s name cell, `indent` first, in a column `width` wide. `short` gives a
/// shorter name for a deck that has one (a role's), used when the full name does not fit, or
/// always when `shorten` (another of its kind does not fit, see [`roles_fit`]).
pub(super) fn fit_name(
    row: &DeckRow,
    indent: &str,
    width: usize,
    short: &dyn Fn(&Deck) -> Option<String>,
    shorten: bool,
) -> String {
    let room = width.saturating_sub(indent.width());
    if row.label.width() <= room && !shorten {
        return format!("{indent}{}", row.label);
    }
    if let Some(s) = short(&row.deck) {
        return format!("{indent}{}", clip_words(&s, room));
    }
    if row.label.width() <= room {
        return format!("{indent}{}", row.label);
    }
    let name = clip_words(&row.label, room);
    match &row.deck {
        // "Questions · …" three times says nothing of which: the topic alone does (the list
        // shows questions first, and the line below the list names the highlighted deck in full).
        Deck::Subject(s) if name.ends_with("· …") => {
            format!("{indent}{}", clip_words(&topic(s), room))
        }
        _ => format!("{indent}{name}"),
    }
}

/// A category deck's name without "Questions · " or "Facts · " before it.
fn topic(s: &Subject) -> String {
    match s {
        Subject::Question(c) => c.label().to_string(),
        Subject::Fact(t) => t.label().to_string(),
        Subject::Deck(d) => d.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::{Category, Id};
    use crate::domain::schedule::Counts;

    fn row(deck: Deck, label: &str) -> DeckRow {
        DeckRow {
            deck,
            label: label.into(),
            counts: Counts::default(),
            total: 0,
            seen: 0,
        }
    }

    #[test]
    fn the_name_column_is_what_the_other_columns_leave() {
        // 60 wide: 60 - 2 borders - 2 padding - 2 highlight - (5 + 8 + 6 + 9) - 4 spaces.
        assert_eq!(name_width(Rect::new(0, 0, 60, 10), 9), 22);
        assert_eq!(name_width(Rect::new(3, 1, 72, 10), 9), 34);
        assert_eq!(name_width(Rect::new(0, 0, 20, 10), 9), 0);
    }

    #[test]
    fn a_long_name_ends_at_a_word_and_a_role_goes_by_its_short_name() {
        let short = |d: &Deck| match d {
            Deck::Role(id) => Some(format!("{id} short")),
            _ => None,
        };
        let fits = row(Deck::All, "All cards");
        assert_eq!(fit_name(&fits, "", 9, &short, false), "All cards");
        let subject = row(Deck::All, "Questions · Administrative and scheduling");
        assert_eq!(
            fit_name(&subject, "  ", 35, &short, false),
            "  Questions · Administrative and …"
        );
        let role = row(Deck::Role(Id::new("ota")), "Occupational therapy assistant");
        assert_eq!(
            fit_name(&role, "  ", 32, &short, false),
            "  Occupational therapy assistant"
        );
        assert_eq!(fit_name(&role, "  ", 21, &short, false), "  ota short");
        let conflict = Subject::Question(Category::Conflict);
        let label = conflict.label();
        let conflict = row(Deck::Subject(conflict), &label);
        assert_eq!(
            fit_name(&conflict, "  ", 21, &short, false),
            "  Conflict and …"
        );
        let unknown = row(Deck::Role(Id::new("x")), "Occupational therapy assistant");
        assert_eq!(
            fit_name(&unknown, "  ", 21, &|_| None, false),
            "  Occupational …"
        );
    }
}

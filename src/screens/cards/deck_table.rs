//! The deck list as a table: a row a deck under its group's heading, the counts in columns, and
//! only the rows in view handed to the table.

use super::DeckRow;
use super::deck_names::{GROUP_INDENT, columns, fit_name, name_width, roles_fit};
use crate::domain::study::{Deck, Subject};
use crate::kit::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Cell, HighlightSpacing, Padding, Row, Scrollbar, ScrollbarOrientation, ScrollbarState,
    StatefulWidget, Table, TableState,
};

/// Width of the "unseen / total" column: room for "9999/9999" (bigger decks are cut; the deck's
/// details beside or below the list give the full numbers).
pub(super) const UNSEEN_WIDTH: u16 = 9;

/// Cards never studied out of all the deck's cards, so the size of the job is plain even when
/// today's new cards are used up.
pub(super) fn unseen_cell(row: &DeckRow, t: &Theme) -> Cell<'static> {
    let unseen = row.total - row.seen;
    let text = Line::from(format!("{unseen}/{}", row.total)).right_aligned();
    Cell::from(text).style(if unseen == 0 { t.muted } else { t.base })
}

fn count_cell(n: usize, style: Style, t: &Theme) -> Cell<'static> {
    let text = Line::from(format!("{n}")).right_aligned();
    Cell::from(text).style(if n == 0 { t.muted } else { style })
}

/// Which group of the deck list a deck is in (0 for the first, which has no heading), and the
/// group's heading.
pub(super) fn group_of(deck: &Deck) -> (usize, &'static str) {
    match deck {
        Deck::Interview | Deck::All => (0, ""),
        Deck::Role(_) => (1, "By role"),
        Deck::Subject(Subject::Deck(_)) => (3, "Your decks"),
        Deck::Subject(_) => (2, "By category"),
    }
}

/// The decks as a table with "By role", "By category" and "Your decks" headings between the groups; the cursor
/// counts decks only, so headings are skipped when moving. Only the rows in view are handed to the
/// table: the window it would scroll to itself, keeping the highlighted deck on screen.
/// A name too long for its column ends at a whole word (see `deck_names`).
pub(super) fn render_table(
    rows: &[DeckRow],
    cursor: usize,
    short: &dyn Fn(&Deck) -> Option<String>,
    t: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    // Each line of the list: a heading, or a deck with its indent.
    let mut lines: Vec<Result<(&DeckRow, &str), &str>> = Vec::with_capacity(rows.len() + 2);
    let mut selected = 0;
    let mut last_kind = 0;
    for (i, row) in rows.iter().enumerate() {
        let (kind, heading) = group_of(&row.deck);
        if kind != last_kind {
            lines.push(Err(heading));
            last_kind = kind;
        }
        if i == cursor {
            selected = lines.len();
        }
        lines.push(Ok((row, if kind == 0 { "" } else { GROUP_INDENT })));
    }
    // Borders and the header row take three lines; a scrollbar shows there are more decks below.
    let visible = usize::from(area.height.saturating_sub(3));
    let first = selected.saturating_sub(visible.saturating_sub(1));
    let width = name_width(area, UNSEEN_WIDTH);
    // The roles are read as a set: if one goes by its short name, they all do.
    let shorten = !roles_fit(rows, width);
    let table_rows: Vec<Row> = lines
        .iter()
        .skip(first)
        .take(visible)
        .map(|line| match line {
            Err(heading) => Row::new([Cell::from(*heading).style(t.heading)]),
            Ok((row, indent)) => Row::new([
                Cell::from(fit_name(row, indent, width, short, shorten)),
                count_cell(row.counts.new, t.accent, t),
                count_cell(row.counts.learning, t.warn, t),
                count_cell(row.counts.due, t.good, t),
                unseen_cell(row, t),
            ]),
        })
        .collect();
    let header = Row::new([
        Cell::from("Deck"),
        Cell::from(Line::from("New").right_aligned()),
        Cell::from(Line::from("Learning").right_aligned()),
        // "Due" elsewhere (Home, the line below) is every card due now; this column is the cards
        // back after days, beside those in today's learning steps.
        Cell::from(Line::from("Review").right_aligned()),
        Cell::from(Line::from("Unseen").right_aligned()),
    ])
    .style(t.muted);
    let table = Table::new(table_rows, columns(UNSEEN_WIDTH))
        .header(header)
        .row_highlight_style(t.selected)
        // The cursor shows without colour too, as in the set-up and Stories.
        .highlight_symbol(Line::from("› ").style(t.accent))
        .highlight_spacing(HighlightSpacing::Always)
        .block(
            Block::bordered()
                .title(" Decks ")
                .border_style(t.focus_border)
                .padding(Padding::horizontal(1)),
        );
    let mut state = TableState::new().with_selected(Some(selected - first));
    StatefulWidget::render(table, area, buf, &mut state);
    let total = lines.len();
    if total > visible {
        let rows_area = Rect {
            y: area.y + 2,
            height: area.height.saturating_sub(3),
            ..area
        };
        let mut bar = ScrollbarState::new(total - visible).position(first);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(rows_area, buf, &mut bar);
    }
}

#[cfg(test)]
#[path = "deck_table_tests.rs"]
mod tests;

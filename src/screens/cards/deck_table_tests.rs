//! The deck list's windowed table against the whole table it replaces.

use super::*;
use crate::domain::content::Id;
use crate::domain::schedule::Counts;
use crate::domain::study::Subject;
use ratatui::layout::Constraint;

/// The deck list as it was drawn before windowing: every row handed to the table.
fn whole_table(rows: &[DeckRow], cursor: usize, t: &Theme, area: Rect, buf: &mut Buffer) {
    let mut table_rows = Vec::new();
    let width = name_width(area, UNSEEN_WIDTH);
    let (mut selected, mut last_kind) = (0, 0);
    for (i, row) in rows.iter().enumerate() {
        let (kind, heading) = group_of(&row.deck);
        if kind != last_kind {
            table_rows.push(Row::new([Cell::from(heading).style(t.heading)]));
            last_kind = kind;
        }
        if i == cursor {
            selected = table_rows.len();
        }
        let indent = if kind == 0 { "" } else { "  " };
        table_rows.push(Row::new([
            Cell::from(fit_name(row, indent, width, &|_| None, false)),
            count_cell(row.counts.new, t.accent, t),
            count_cell(row.counts.learning, t.warn, t),
            count_cell(row.counts.due, t.good, t),
            unseen_cell(row, t),
        ]));
    }
    let total = table_rows.len();
    let header = Row::new([
        Cell::from("Deck"),
        Cell::from(Line::from("New").right_aligned()),
        Cell::from(Line::from("Learning").right_aligned()),
        Cell::from(Line::from("Review").right_aligned()),
        Cell::from(Line::from("Unseen").right_aligned()),
    ])
    .style(t.muted);
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(5),
        Constraint::Length(8),
        Constraint::Length(6),
        Constraint::Length(UNSEEN_WIDTH),
    ];
    let table = Table::new(table_rows, widths)
        .header(header)
        .row_highlight_style(t.selected)
        .highlight_symbol(Line::from("› ").style(t.accent))
        .highlight_spacing(HighlightSpacing::Always)
        .block(
            Block::bordered()
                .title(" Decks ")
                .border_style(t.focus_border)
                .padding(Padding::horizontal(1)),
        );
    let mut state = TableState::new().with_selected(Some(selected));
    StatefulWidget::render(table, area, buf, &mut state);
    let visible = usize::from(area.height.saturating_sub(3));
    if total > visible {
        let rows_area = Rect {
            y: area.y + 2,
            height: area.height.saturating_sub(3),
            ..area
        };
        let mut bar = ScrollbarState::new(total - visible).position(state.offset());
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(rows_area, buf, &mut bar);
    }
}

#[test]
fn only_the_rows_in_view_are_drawn_exactly_as_the_whole_table_would_draw_them() {
    let row = |deck: Deck, n: usize| DeckRow {
        label: format!("Deck {n}"),
        counts: Counts {
            new: n,
            learning: n % 3,
            due: n % 5,
        },
        total: n,
        seen: 0,
        deck,
    };
    let mut rows = vec![row(Deck::Interview, 0), row(Deck::All, 0)];
    rows.extend((1..4).map(|n| row(Deck::Role(Id::new(format!("r{n}"))), n)));
    rows.extend((4..30).map(|n| row(Deck::Subject(Subject::Deck(format!("d{n}").into())), n)));
    let t = Theme::COLOR;
    for height in [2, 3, 4, 12, 40] {
        let area = Rect::new(0, 0, 50, height);
        for cursor in [0, 1, 3, 4, 10, 29, 99] {
            let mut want = Buffer::empty(area);
            whole_table(&rows, cursor, &t, area, &mut want);
            let mut got = Buffer::empty(area);
            render_table(&rows, cursor, &|_| None, &t, area, &mut got);
            assert_eq!(got, want, "height {height}, cursor {cursor}");
        }
    }
}

//! The highlighted deck's details beside the list.

use super::*;
use crate::domain::schedule::Counts;

#[test]
fn a_deck_with_only_due_cards_gives_a_number_of_reviews_and_no_word_of_new_ones() {
    let now = chrono::DateTime::from_timestamp(1_795_424_400, 0).expect("a time");
    let f = crate::kit::fixture::Fixture::new(now);
    let store = f.data.reviews().expect("review history");
    let row = DeckRow {
        deck: Deck::Interview,
        label: "My interview".into(),
        counts: Counts {
            new: 0,
            learning: 0,
            due: 40,
        },
        total: 136,
        seen: 40,
    };
    let area = Rect::new(0, 0, 60, 20);
    let mut buf = Buffer::empty(area);
    render_detail(&f.view(), store, &row, area, &mut buf);
    let text: String = (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                + "\n"
        })
        .collect();
    assert!(text.contains("about 40 reviews"), "{text}");
    assert!(!text.contains("40–40"), "{text}");
    assert!(!text.contains("new ones"), "{text}");
    assert_eq!(
        enter_hint(&row),
        "Enter: 40 due cards from “My interview”, about 40 reviews."
    );
    let mixed = DeckRow {
        counts: Counts {
            new: 3,
            learning: 1,
            due: 40,
        },
        ..row.clone()
    };
    assert_eq!(
        enter_hint(&mixed),
        "Enter: 44 cards from “My interview” (41 due, 3 new), about 47–50 reviews."
    );
}

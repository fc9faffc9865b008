//! Comparing two roles: a table row by row (training, exam, license, supervision, duties, pay with
//! its source and date), numbered sources, then the prose; the two columns never hold one role.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use common::Harness;

fn comparing() -> Harness {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Guides));
    h.press("c");
    h
}

/// The screen's rows inside the box, borders and scrollbar trimmed.
fn rows(h: &mut Harness, w: u16, ht: u16) -> Vec<String> {
    h.screen(w, ht)
        .lines()
        .map(|l| {
            l.trim_start_matches('│')
                .trim_end_matches(['║', '█', '▲', '▼', '│', ' '])
                .to_string()
        })
        .collect()
}

#[test]
fn the_table_lines_up_six_rows_for_both_roles_then_sources_then_prose() {
    let mut h = comparing();
    let rows = rows(&mut h, 80, 90);
    let mut at = 0;
    for title in [
        "Training",
        "Exam",
        "License",
        "Supervision",
        "Duties",
        "Pay",
    ] {
        let i = rows
            .iter()
            .position(|r| r.starts_with(title))
            .unwrap_or_else(|| panic!("no {title} row:\n{}", rows.join("\n")));
        assert!(i > at, "{title} out of order");
        at = i;
        let (left, right) = rows[i].split_once(" │ ").expect("two cells");
        assert!(
            left[title.len()..].trim().len() > 2 && right.trim().len() > 2,
            "{title} has text for both roles: {}",
            rows[i]
        );
    }
    let pay = rows[at..at + 3].join(" ");
    for want in ["$34,520", "$65,510", "May 2024"] {
        assert!(pay.contains(want), "{want} in the pay row: {pay}");
    }
    let text = rows.join("\n");
    let sources = text.find("Sources").expect("a list of sources");
    assert!(sources > at);
    assert!(text[sources..].contains("[1] BLS Occupational Outlook Handbook"));
    assert!(text[sources..].contains("bls.gov/oes"), "the pay source");
    assert!(text.find("▍Overview").expect("the prose follows") > sources);
}

#[test]
fn the_table_fits_at_80x24_without_cutting_a_word() {
    let mut h = comparing();
    let buf = h.render(80, 24);
    assert_eq!(common::cut::cut_words(&buf), vec![]);
    let screen = common::buffer_text(&buf);
    assert!(screen.contains("Training"), "{screen}");
    assert!(screen.contains("Physical therapy aide"), "{screen}");
}

#[test]
fn a_and_b_never_put_one_role_in_both_columns() {
    let mut h = comparing();
    for keys in ["a", "a", "b", "a", "b", "b", "a", "a", "b", "a"] {
        h.press(keys);
        let header = rows(&mut h, 160, 40)[2].clone();
        let (left, right) = header.split_once(" │ ").expect("the header");
        assert_ne!(left.trim(), right.trim(), "after {keys}");
    }
}

#[test]
fn every_built_in_role_fills_every_row_and_leads_with_its_median_pay() {
    let h = Harness::new();
    let lib = h.app.data().library();
    assert_eq!(lib.roles.len(), 4);
    for role in &lib.roles {
        for (row, fact) in role.glance.rows() {
            let fact = fact.unwrap_or_else(|| panic!("{} lacks {row}", role.id));
            assert!(!fact.source.trim().is_empty());
        }
        let first = role.figure.first().expect("a figure");
        assert!(first.label.starts_with("Median annual pay"), "{}", role.id);
    }
}

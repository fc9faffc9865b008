//! "Due" means one thing on every screen: every card due now, in a learning step or back for a
//! review. The deck list's columns split it into Learning and Review.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use clinicprep::domain::schedule::Grade;
use common::{Harness, fixed_now};

#[test]
fn a_card_in_a_learning_step_is_due_on_home_and_in_the_cards_detail_and_counted_as_learning() {
    let dir = tempfile::tempdir().unwrap();
    let id = common::data::question_ids()[0].clone();
    common::data::grade_at(
        dir.path(),
        &id,
        Grade::Again,
        fixed_now() - chrono::Duration::hours(1),
    );
    let mut h = Harness::in_dir(dir);
    assert!(
        h.screen(120, 40).contains("Cards due now 1"),
        "{}",
        h.screen(120, 40)
    );
    h.app.update(Action::GoTo(Tab::Cards));
    let s = h.screen(120, 40);
    assert!(s.contains("Learning Review"), "{s}");
    assert!(s.contains("Now: 1 due (1 in learning steps, 0 to"), "{s}");
    assert!(!s.contains(" 0 due"), "nowhere says none is due: {s}");
}

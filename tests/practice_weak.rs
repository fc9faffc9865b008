//! The questions a mock interview favours: one rated Again minutes ago counts as weak, as it will
//! be on the interview day, not as sure to be recalled because it was just graded.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::domain::content::Id;
use clinicprep::domain::practice::select::WEAK_RECALL;
use clinicprep::domain::schedule::Grade;
use common::{Harness, fixed_now};

#[test]
fn a_question_rated_again_in_the_last_round_is_weak_for_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let ids = common::data::question_ids();
    let (weak, strong) = (&ids[0], &ids[1]);
    let ten_minutes_ago = fixed_now() - chrono::Duration::minutes(10);
    common::data::grade_at(dir.path(), weak, Grade::Again, ten_minutes_ago);
    common::data::grade_at(dir.path(), strong, Grade::Good, ten_minutes_ago);
    let h = Harness::in_dir(dir);
    let recall = &h.app.facts().recall;
    let (w, s) = (recall[&Id::new(weak)], recall[&Id::new(strong)]);
    assert!(w < WEAK_RECALL, "rated Again: {w}");
    assert!(s > w + 0.2, "rated Good {s} against Again {w}");
}

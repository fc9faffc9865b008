//! Decks `clinicprep import` hands over while the app holds the data folder: the app imports them
//! within a couple of seconds, with a notice, and leaves a request it cannot use where it is.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::Access;
use clinicprep::interop::import_request::{self, Request};
use clinicprep::kit::{Level, Status};
use clinicprep::storage::lock::Holder;
use common::{Harness, fixed_now};
use std::path::{Path, PathBuf};

fn gait() -> Request {
    Request {
        file: "gait.csv".into(),
        deck: Some("Gait".into()),
        roles: vec!["pta".into()],
        text: "What is gait?,How a person walks\nWhat is a gait belt?,A belt to steady a patient\n"
            .into(),
    }
}

fn hand_over(h: &Harness, request: &Request) -> PathBuf {
    import_request::write(h.dir.path(), request, fixed_now()).unwrap()
}

fn inbox(dir: &Path) -> Vec<PathBuf> {
    import_request::pending(dir)
}

/// The request is still in the inbox and none of its cards came in.
fn assert_waiting(h: &Harness, path: &Path) {
    assert!(path.exists(), "the request is kept");
    let cards = &h.app.data().library().cards;
    assert!(!cards.iter().any(|c| c.deck == "Gait"), "nothing imported");
}

#[test]
fn a_handed_over_deck_is_imported_with_a_notice_a_backup_and_the_request_gone() {
    let mut h = Harness::new();
    hand_over(&h, &gait());
    h.advance(3);
    let status = h.app.status().expect("a notice");
    assert_eq!(status.level, Level::Info, "{}", status.text);
    assert!(
        status.text.starts_with(
            "2 cards from deck “Gait” were added (imported while clinicprep was open)"
        ),
        "{}",
        status.text
    );
    assert!(inbox(h.dir.path()).is_empty(), "the request was deleted");
    let backups = clinicprep::storage::backup::list(h.dir.path()).unwrap();
    assert!(
        backups
            .iter()
            .any(|b| b.reason == "before importing gait.csv"),
        "{backups:?}"
    );
    let cards = &h.app.data().library().cards;
    let gait: Vec<_> = cards.iter().filter(|c| c.deck == "Gait").collect();
    assert_eq!(gait.len(), 2);
    assert!(
        gait.iter()
            .all(|c| c.roles.len() == 1 && c.roles[0].as_str() == "pta")
    );
    h.press("<tab><tab>");
    let s = h.screen(100, 40);
    assert!(s.contains("Your deck · Gait"), "{s}");
    // The content folder's watch saw the same decks: no second notice on the next look.
    h.app.set_status(Status::info("quiet"));
    h.advance(3);
    assert_eq!(h.status(), "quiet");
}

#[test]
fn a_deck_handed_over_twice_adds_nothing_the_second_time_and_says_so() {
    let mut h = Harness::new();
    hand_over(&h, &gait());
    h.advance(3);
    let request = Request {
        deck: None,
        ..gait()
    };
    import_request::write(
        h.dir.path(),
        &request,
        fixed_now() + chrono::Duration::seconds(1),
    )
    .unwrap();
    h.advance(3);
    assert!(
        h.status().starts_with("Nothing new in gait.csv"),
        "{}",
        h.status()
    );
    assert!(inbox(h.dir.path()).is_empty());
    let n = h
        .app
        .data()
        .library()
        .cards
        .iter()
        .filter(|c| c.deck == "Gait")
        .count();
    assert_eq!(n, 2);
}

#[test]
fn a_damaged_request_is_left_in_place_and_named_once() {
    let mut h = Harness::new();
    let dir = h.dir.path().join("inbox");
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("20261123T085959.000000000Z-7.toml");
    std::fs::write(&bad, "file = \"gait.csv\"\ntext = [oops\n").unwrap();
    let good = hand_over(&h, &gait());
    h.advance(3);
    let status = h.app.status().expect("a status").clone();
    assert_eq!(status.level, Level::Warning);
    assert!(
        status.text.contains("2 cards from deck “Gait”"),
        "{}",
        status.text
    );
    assert!(
        status.text.contains("20261123T085959.000000000Z-7.toml"),
        "{}",
        status.text
    );
    assert!(status.text.contains("delete it"), "{}", status.text);
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        "file = \"gait.csv\"\ntext = [oops\n",
        "never overwritten"
    );
    assert!(!good.exists(), "the good one after it was still imported");
    h.app.set_status(Status::info("quiet"));
    h.advance(3);
    assert_eq!(h.status(), "quiet", "said once, not every look");
    assert!(bad.exists());
}

#[test]
fn a_request_for_an_unknown_role_is_kept_with_the_reason() {
    let mut h = Harness::new();
    let path = hand_over(
        &h,
        &Request {
            roles: vec!["surgeon".into()],
            ..gait()
        },
    );
    h.advance(3);
    assert!(h.status().contains("surgeon"), "{}", h.status());
    assert_waiting(&h, &path);
}

#[test]
fn a_read_only_window_leaves_requests_for_the_writer() {
    let mut h = Harness::new();
    h.app.open_data(Access::ReadOnly(Holder {
        lock_path: h.dir.path().join("clinicprep.lock"),
        pid: Some(1),
    }));
    let path = hand_over(&h, &gait());
    h.advance(3);
    h.advance(3);
    assert_waiting(&h, &path);
    assert!(!h.dir.path().join("content").exists(), "nothing written");
}

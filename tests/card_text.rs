//! Card text keeps its line breaks on screen: a numbered list stays a list.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use common::Harness;

#[test]
fn a_card_written_as_a_list_shows_one_line_per_step() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::write(
        dir.path().join("content/mine.toml"),
        "[[card]]\nid = \"my-wheelchair\"\ndeck = \"Mine\"\nfront = \"Before a transfer\"\n\
         back = \"\"\"1. Lock the wheels\n2. Lift the footrests\n\n3. Gait belt on\n\"\"\"\n",
    )
    .unwrap();
    let mut h = Harness::in_dir(dir);
    // Your own decks come last in the list.
    h.press("<tab><tab>G<enter><space>");
    let screen = h.screen(80, 24);
    let lines: Vec<&str> = screen
        .lines()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
        .collect();
    let first = lines
        .iter()
        .position(|l| *l == "1. Lock the wheels")
        .unwrap_or_else(|| panic!("the first step on its own line:\n{screen}"));
    assert_eq!(lines[first + 1], "2. Lift the footrests");
    assert_eq!(lines[first + 2], "", "the blank line is kept");
    assert_eq!(lines[first + 3], "3. Gait belt on");
}

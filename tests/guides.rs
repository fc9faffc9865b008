//! Reading the role guides: switching roles, jumping sections, searching, comparing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Tab, Theme};
use clinicprep::domain::content::search;
use common::{Harness, find};

/// True when the cell is drawn in the search-match style (its colors, whatever else it has).
fn marked(cell: &ratatui::buffer::Cell) -> bool {
    let m = Theme::COLOR.matched;
    cell.style().patch(m) == cell.style()
}

/// How many results the search view's title says it found.
fn results(h: &mut Harness) -> usize {
    let screen = h.screen(120, 40);
    let title = screen
        .lines()
        .find(|l| l.contains(" result"))
        .expect("a results title");
    let words: Vec<&str> = title.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| w.starts_with("result"))
        .expect("result");
    words[at - 1]
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .expect("a count")
}

fn on_guides() -> Harness {
    let mut h = Harness::new();
    h.press("<tab>");
    assert_eq!(h.app.tab(), Tab::Guides);
    h
}

#[test]
fn right_and_left_arrows_change_the_role_being_read() {
    let mut h = on_guides();
    assert!(h.screen(100, 30).contains("Physical therapy aide"));
    h.press("<right>");
    assert!(h.screen(100, 30).contains("Physical therapist assistant"));
    h.press("<left><left>");
    assert!(h.screen(100, 30).contains("Occupational therapy assistant"));
}

#[test]
fn section_keys_jump_to_the_next_heading() {
    let mut h = on_guides();
    h.render(100, 30);
    h.press("]]");
    let screen = h.screen(100, 30);
    let second_row = screen.lines().nth(2).unwrap();
    assert!(second_row.contains("▍Duties"), "{second_row}");
    h.press("[");
    assert!(
        h.screen(100, 30)
            .lines()
            .nth(2)
            .unwrap()
            .contains("▍Overview")
    );
}

#[test]
fn scrolling_never_runs_past_the_end() {
    let mut h = on_guides();
    h.render(100, 30);
    h.press("G");
    let at_end = h.screen(100, 30);
    h.press("<down><down><pgdn>");
    assert_eq!(h.screen(100, 30), at_end);
    assert!(
        h.screen(100, 30).contains("Why:"),
        "the end shows the questions to ask"
    );
}

#[test]
fn a_word_in_no_guide_says_the_results_are_near_spellings() {
    let mut h = on_guides();
    h.press("/").type_text("wheelchiar");
    let s = h.screen(120, 40);
    assert!(s.contains("results: no exact match, near spellings"), "{s}");
    for _ in 0.."wheelchiar".len() {
        h.press("<bs>");
    }
    h.type_text("wheelchair");
    assert!(!h.screen(120, 40).contains("near spellings"));
}

#[test]
fn search_highlights_matches_and_enter_jumps_to_the_guide() {
    let mut h = on_guides();
    h.render(120, 40);
    h.press("/");
    assert!(h.app.typing());
    h.type_text("gait belt");
    let buf = h.render(120, 40);
    assert!(results(&mut h) > 1);
    // Below the search box (which holds the query itself), in the results.
    let row = |y: u16| (0..120).map(|x| buf[(x, y)].symbol()).collect::<String>();
    let y = (4..40)
        .find(|y| row(*y).to_lowercase().contains("gait"))
        .expect("a match in the results");
    let x = row(y).to_lowercase().find("gait").unwrap();
    let x = row(y)[..x].chars().count() as u16;
    assert!(
        (x..x + 4).all(|x| marked(&buf[(x, y)])),
        "match is highlighted"
    );
    let (bx, by) = find(&buf, "gait belt").expect("the query in the box");
    assert!(
        by < 4 && !marked(&buf[(bx, by)]),
        "the query in the box is not"
    );
    h.press("<enter>");
    let screen = h.screen(120, 40);
    assert!(screen.contains(" Roles "), "back in the guide: {screen}");
    let screen = screen.to_lowercase();
    assert!(
        screen.contains("gait") && screen.contains("belt"),
        "jumped to the match: {screen}"
    );
}

#[test]
fn a_hit_in_a_sections_first_paragraph_opens_under_the_sections_heading() {
    let mut h = on_guides();
    h.press("/");
    h.type_text("salary");
    let first = search::search(h.app.data().library(), "salary", 200)
        .into_iter()
        .next()
        .expect("a hit");
    assert_eq!(
        first.place, "PT aide › Pay and outlook",
        "the test's premise"
    );
    h.press("<enter>");
    let screen = h.screen(80, 24);
    let top = screen.lines().nth(2).unwrap_or_default();
    assert!(top.contains("▍Pay and outlook"), "{screen}");
    assert!(screen.contains("$34,520"), "{screen}");
    // "salary" found the paragraph through "pay": the word is marked there, so the reader sees
    // why; the heading above it is not part of the hit and stays as it was.
    let buf = h.render(80, 24);
    let (x, y) = find(&buf, "pay sits").expect("the paragraph's first line");
    let matched = |x: u16, y: u16| marked(&buf[(x, y)]);
    assert!((x..x + 3).all(|x| matched(x, y)), "\"pay\" is marked");
    assert!(!matched(x + 4, y), "the word after it is not");
    let (hx, hy) = find(&buf, "Pay and outlook").expect("the heading");
    assert!(!matched(hx, hy));
    // Another role's guide has nothing of the hit to mark.
    h.press("<right>");
    let buf = h.render(80, 24);
    assert!(
        buf.content().iter().all(|c| !marked(c)),
        "nothing marked in the PTA guide"
    );
}

#[test]
fn q_and_tab_are_typed_into_the_search_box_not_obeyed() {
    let mut h = on_guides();
    h.press("/q<tab>");
    assert!(!h.app.should_quit());
    assert_eq!(h.app.tab(), Tab::Guides);
    let screen = h.screen(100, 30);
    assert!(
        screen.lines().any(|l| l.starts_with("│q ")),
        "q is in the box: {screen}"
    );
    h.press("<esc>");
    assert!(h.screen(100, 30).contains(" Roles "));
}

#[test]
fn a_question_hit_opens_its_coaching() {
    let mut h = on_guides();
    h.press("/");
    h.type_text("tell me about yourself");
    // Where the screen lists the first question: the same search it runs.
    let hits = search::search(h.app.data().library(), "tell me about yourself", 200);
    let pos = hits
        .iter()
        .position(|hit| hit.place.starts_with("Question"))
        .expect("question hit");
    for _ in 0..pos {
        h.press("<down>");
    }
    h.press("<enter>");
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("A strong answer") || screen.contains("What they are looking for"),
        "{screen}"
    );
    h.press("<esc>");
    assert!(h.screen(100, 30).contains(" Search (Esc to close) "));
}

#[test]
fn compare_shows_aide_and_assistant_side_by_side() {
    let mut h = on_guides();
    h.press("c");
    let screen = h.screen(140, 40);
    let header = screen
        .lines()
        .find(|l| l.contains("│") && l.contains("Physical therapist assistant"))
        .unwrap();
    assert!(header.contains("Physical therapy aide"), "{header}");
    assert!(screen.contains("▍Overview"));
    h.press("b");
    let screen = h.screen(140, 40);
    let header = screen.lines().find(|l| l.contains("│")).unwrap();
    assert!(
        !header.contains("Physical therapist assistant"),
        "the right role changed: {header}"
    );
    h.press("<esc>");
    assert!(h.screen(140, 40).contains(" Roles "));
}

#[test]
fn no_matches_says_what_to_try() {
    let mut h = on_guides();
    h.press("/");
    h.type_text("xyzzyplugh");
    assert!(h.screen(100, 30).contains("Try fewer or shorter words"));
}

#[test]
fn a_second_search_replaces_the_first_as_soon_as_you_type() {
    let mut h = on_guides();
    h.press("/");
    h.type_text("gait belt");
    h.press("<enter>");
    // Back in the guide; the user looks something else up.
    h.press("/");
    let buf = h.render(100, 30);
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("type to replace the last one"),
        "the box says what typing will do: {screen}"
    );
    let (x, y) = find(&buf, "gait belt").expect("the last query is shown");
    assert!(
        buf[(x, y)]
            .style()
            .add_modifier
            .contains(ratatui::style::Modifier::REVERSED),
        "the last query is shown selected"
    );
    h.type_text("salary");
    let screen = h.screen(100, 30);
    assert!(
        screen.lines().any(|l| l.starts_with("│salary ")),
        "the new word replaced the old query: {screen}"
    );
    assert!(screen.contains("Pay and outlook"), "{screen}");

    // An arrow keeps the query and adds to it instead.
    h.press("<enter>/<right>");
    h.type_text(" range");
    let screen = h.screen(100, 30);
    assert!(
        screen.lines().any(|l| l.starts_with("│salary range ")),
        "{screen}"
    );
}

/// A school OTA user walk read "For you (Working PTA or OTA)" over the note for school jobs. Each
/// note is headed by what it is about: the background's, or the setting's.
#[test]
fn each_coaching_note_is_headed_by_the_background_or_setting_it_is_for() {
    let mut h = Harness::new();
    let text = "[profile]\nroles = [\"ota\"]\nsetting = \"school\"\nbackground = \"working-assistant\"\nset_up = true\n";
    let (config, problems) = clinicprep::domain::config::Config::from_text("config.toml", text);
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    h.app.update(clinicprep::app::Action::GoTo(Tab::Guides));
    let s = h.screen(120, 60);
    assert!(s.contains("For you (School jobs)"), "{s}");
    assert!(s.contains("For you (Working PTA or OTA)"), "{s}");
}

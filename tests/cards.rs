//! The Cards screen as a user meets it: decks and filters, a review session with reveal, grades,
//! multiple choice and undo, the end screen, and grades that survive the app going away.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::{Action, Tab};
use clinicprep::domain::config::Config;
use clinicprep::domain::content::Id;
use clinicprep::domain::schedule::{
    DayZone, Grade, JOURNAL_FILE, Phase, ReviewStore, StoreOptions, peek,
};
use clinicprep::domain::study::{Choices, Side};
use clinicprep::kit::Level;
use common::{Harness, buffer_text, find, fixed_now};
use proptest::prelude::*;
use ratatui::style::Modifier;

fn on_cards() -> Harness {
    let mut h = Harness::new();
    h.press("<tab><tab>");
    assert_eq!(h.app.tab(), Tab::Cards);
    h
}

/// A harness whose review sessions hold `limit` new cards, so a session can be finished quickly.
fn on_cards_with_new_limit(limit: u32) -> Harness {
    let mut h = on_cards();
    let (config, problems) =
        Config::from_text("config.toml", &format!("daily_new_limit = {limit}\n"));
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    h
}

/// The card on screen: the longest question, fact or card of yours whose whole front it shows.
fn current(h: &mut Harness) -> Id {
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let screen = squash(&h.screen(100, 40).replace('│', " "));
    let lib = h.app.data().library();
    let fronts = lib
        .questions
        .iter()
        .map(|q| (&q.id, &q.text))
        .chain(lib.facts.iter().map(|f| (&f.id, &f.front)))
        .chain(lib.cards.iter().map(|c| (&c.id, &c.front)));
    fronts
        .filter(|(_, front)| screen.contains(&squash(front)))
        .max_by_key(|(_, front)| front.len())
        .map(|(id, _)| id.clone())
        .unwrap_or_else(|| panic!("no card on screen: {screen}"))
}

/// Which side of the card shows: the front asks for Space (or a letter), the back offers grades.
fn side(h: &mut Harness) -> Side {
    let s = h.screen(100, 40);
    assert!(s.contains(" · review "), "a card shows: {s}");
    if s.contains("Press Space to show the answer") || s.contains("Press a letter to answer") {
        Side::Front
    } else {
        Side::Back
    }
}

/// The options of the multiple-choice card on screen, in the order shown, as the app makes them.
fn choices(h: &mut Harness) -> Option<Choices> {
    let id = current(h);
    let fact = h.app.data().library().facts.iter().find(|f| f.id == id)?;
    let today = h.app.data().reviews()?.today(h.app.now());
    Choices::for_fact(fact, today)
}

/// What the Cards screen shows: the deck list, a card, or the end of a session.
fn view(h: &mut Harness) -> &'static str {
    let s = h.screen(100, 40);
    if s.contains("Session done") {
        "summary"
    } else if s.contains(" Decks ") {
        "decks"
    } else {
        assert!(s.contains(" · review "), "{s}");
        "review"
    }
}

/// The value the deck list's filter line shows for `name` (Role, Category or Tag).
fn filter(h: &mut Harness, name: &str) -> String {
    let s = h.screen(120, 24);
    let line = s
        .lines()
        .find(|l| l.contains("  ·  Tag "))
        .expect("filter line");
    let after = line.split(&format!("{name} ")).nth(1).expect("the filter");
    after.split("  ").next().unwrap_or("").trim().to_string()
}

fn journal(h: &Harness) -> String {
    std::fs::read_to_string(h.dir.path().join(JOURNAL_FILE)).unwrap()
}

/// The text of the row of the deck list that starts with `label` (after the cursor's "›", if
/// it is there).
fn deck_row(screen: &str, label: &str) -> String {
    screen
        .lines()
        .find(|l| {
            let text = l.trim_start_matches('│').trim_start();
            text.trim_start_matches('›').trim_start().starts_with(label)
        })
        .unwrap_or_else(|| panic!("no row {label} in\n{screen}"))
        .to_string()
}

/// Plays cards (grading Good with Space then 3) until the current one is multiple choice.
fn to_multiple_choice(h: &mut Harness) {
    for _ in 0..20 {
        if side(h) == Side::Front && choices(h).is_some() {
            return;
        }
        h.press(" 3");
    }
    panic!("no multiple-choice card in the first 20");
}

#[test]
fn deck_list_shows_new_learning_and_review_per_deck_by_role_and_category() {
    let mut h = on_cards();
    let s = h.screen(100, 40);
    for part in [
        "By role",
        "By category",
        "New",
        "Learning",
        "Review",
        "All cards",
    ] {
        assert!(s.contains(part), "{part} missing in\n{s}");
    }
    let all = deck_row(&s, "All cards");
    assert!(all.contains(" 20 "), "20 new today by default: {all}");
    assert!(
        s.contains("Enter: 20 new cards from “My interview”, about 40–60 reviews."),
        "{s}"
    );
    let mine = deck_row(&s, "My interview");
    assert!(
        mine.contains(" 20 ") && mine.contains("/"),
        "unseen/total shows: {mine}"
    );
    let teamwork = deck_row(&s, "Questions · Teamwork");
    // New, learning and due, read right to left past the unseen/total column.
    let numbers: Vec<usize> = teamwork
        .trim_end_matches(['│', '█', '║', ' '])
        .split_whitespace()
        .rev()
        .skip(1)
        .take(3)
        .map(|n| n.parse().unwrap())
        .collect();
    assert!(
        numbers[2] > 0 && numbers[2] < 20,
        "new, learning, due: {teamwork}"
    );
    assert_eq!(numbers[..2], [0, 0], "nothing studied yet");
}

#[test]
fn filters_narrow_the_decks_and_x_clears_them() {
    let mut h = on_cards();
    let before = h.screen(80, 24);
    h.press("t");
    let tag = filter(&mut h, "Tag");
    assert_ne!(tag, "all");
    let after = h.screen(80, 24);
    assert!(after.contains(&format!("Tag {tag}")), "{after}");
    assert_ne!(
        deck_row(&before, "Questions · Teamwork"),
        deck_row(&after, "Questions · Teamwork")
    );
    h.press("r");
    assert!(h.screen(80, 24).contains("Role PT aide  ·"));
    h.press("rrrr");
    assert_eq!(filter(&mut h, "Role"), "all", "cycles back to all roles");
    h.press("c");
    assert_ne!(filter(&mut h, "Category"), "all");
    h.press("x");
    for name in ["Role", "Category", "Tag"] {
        assert_eq!(filter(&mut h, name), "all");
    }
    assert_eq!(h.screen(80, 24), before);
}

#[test]
fn enter_starts_a_review_with_the_front_first_and_space_shows_the_back() {
    let mut h = on_cards();
    h.press("<enter>");
    assert_eq!(view(&mut h), "review");
    let id = current(&mut h);
    let q = h
        .app
        .data()
        .library()
        .question(&id)
        .expect("the first card is a question")
        .clone();
    let front = h.screen(80, 24);
    assert!(front.contains("0 of 20 cards done · review 1"), "{front}");
    assert!(front.contains(&q.text));
    assert!(!front.contains("What they are looking for"));
    assert!(
        !front.contains("Good ·"),
        "no grades before the answer shows"
    );
    h.press("<space>");
    let back = h.screen(80, 24);
    assert!(back.contains("What they are looking for"), "{back}");
    assert!(back.contains("A strong answer"));
    for button in [
        "1 Again · 1m",
        "2 Hard · 5m",
        "3 Good · 10m",
        "4 Easy · 15d",
    ] {
        assert!(back.contains(button), "{button} missing in\n{back}");
    }
    // Good is proposed, so Enter gives it: drawn reversed.
    let buf = h.render(80, 24);
    let (x, y) = find(&buf, "Good · 10m").unwrap();
    assert!(
        buf[(x, y)]
            .style()
            .add_modifier
            .contains(Modifier::REVERSED)
    );
    let (x, y) = find(&buf, "Easy · 15d").unwrap();
    assert!(
        !buf[(x, y)]
            .style()
            .add_modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn a_grade_is_on_disk_before_the_next_card_shows_and_counts_follow() {
    let mut h = on_cards();
    h.press("<enter>");
    let first = current(&mut h);
    h.press("<space>");
    assert!(journal(&h).is_empty());
    h.press("4");
    assert_ne!(current(&mut h), first, "the next card is up");
    let lines: Vec<String> = journal(&h).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with(&format!("g\t1\t{first}\t")),
        "{}",
        lines[0]
    );
    // The app still holds the journal; a read-only load sees the grade already.
    let (ledger, _) = peek(h.dir.path(), DayZone::Local).unwrap();
    assert_eq!(ledger.state(&first).map(|c| c.phase), Some(Phase::Review));
    h.press("<esc>");
    assert_eq!(view(&mut h), "summary");
    h.press("<enter>");
    let decks = h.screen(80, 24);
    assert!(decks.contains("Today 1 reviewed · streak 1 day"), "{decks}");
    assert!(deck_row(&decks, "My interview").contains(" 19 "));
}

#[test]
fn u_undoes_the_last_grade_including_the_schedule() {
    let mut h = on_cards();
    h.press("<enter>");
    let first = current(&mut h);
    h.press(" 3");
    assert!(h.app.data().reviews().unwrap().state(&first).is_some());
    assert!(
        h.screen(80, 24)
            .contains("1 of 20 cards seen · 1 coming back · review 2"),
        "Good on a new card comes back in 10m, so it is not done yet"
    );
    h.press("u");
    assert_eq!(current(&mut h), first);
    assert_eq!(side(&mut h), Side::Front);
    assert!(h.app.data().reviews().unwrap().state(&first).is_none());
    let s = h.screen(80, 24);
    assert!(
        s.contains("0 of 20 cards done · review 1") && s.contains("Undone"),
        "{s}"
    );
    assert_eq!(journal(&h).lines().count(), 2, "the undo is journaled too");
    h.press("u");
    assert!(
        h.screen(80, 24)
            .contains("Nothing to undo in this session.")
    );
}

#[test]
fn multiple_choice_pick_reveals_proposes_and_enter_accepts() {
    let mut h = on_cards();
    h.press("<enter>");
    to_multiple_choice(&mut h);
    let choices = choices(&mut h).unwrap();
    let id = current(&mut h);
    let right = char::from(b'a' + choices.correct as u8);
    let wrong = char::from(b'a' + ((choices.correct + 1) % choices.options.len()) as u8);
    h.press(&wrong.to_string());
    assert_eq!(side(&mut h), Side::Back);
    let buf = h.render(80, 24);
    let (x, y) = find(&buf, "Again · ").unwrap();
    assert!(
        buf[(x, y)]
            .style()
            .add_modifier
            .contains(Modifier::REVERSED),
        "Again is proposed"
    );
    let s = h.screen(80, 24);
    assert!(s.contains("✗ Not quite: the answer is"), "{s}");
    assert!(s.contains(&format!("{right}) {} ✓", choices.options[choices.correct])));
    // 4 overrides the proposal.
    h.press("4");
    let last = journal(&h).lines().last().unwrap().to_string();
    assert!(last.contains(&format!("\t{id}\t")) && last.split('\t').nth(4) == Some("4"));

    h.press("u");
    assert_eq!(current(&mut h), id);
    let s = h.screen(80, 24);
    for (i, option) in choices.options.iter().enumerate() {
        let shown = format!("{}) {option}", Choices::letter(i));
        assert!(s.contains(&shown), "same order after undo: {shown} in\n{s}");
    }
    h.press(&right.to_string());
    assert!(h.screen(80, 24).contains("✓ Right."));
    h.press("<enter>");
    let last = journal(&h).lines().last().unwrap().to_string();
    assert_eq!(
        last.split('\t').nth(4),
        Some("3"),
        "Enter accepted Good: {last}"
    );
}

#[test]
fn space_then_a_grade_works_on_a_multiple_choice_card() {
    let mut h = on_cards();
    h.press("<enter>");
    to_multiple_choice(&mut h);
    let id = current(&mut h);
    h.press("<space>");
    let s = h.screen(80, 24);
    assert!(s.contains(" ✓") && !s.contains("Not quite"), "{s}");
    h.press("2");
    let state = h.app.data().reviews().unwrap().state(&id).cloned();
    assert!(state.is_some());
    assert_ne!(current(&mut h), id);
}

#[test]
fn grades_before_the_answer_do_nothing_and_letters_beyond_the_options_explain() {
    let mut h = on_cards();
    h.press("<enter>");
    h.press("3");
    assert!(journal(&h).is_empty());
    assert_eq!(side(&mut h), Side::Front);
    to_multiple_choice(&mut h);
    let n = choices(&mut h).unwrap().options.len();
    if n < 6 {
        // Only the letters of this card's options are keys; help lists just those.
        h.press("f");
        assert_eq!(side(&mut h), Side::Front);
        assert!(h.screen(80, 24).contains("That key does nothing here"));
        let rows: Vec<String> = h
            .app
            .keymap_beneath()
            .help()
            .into_iter()
            .flat_map(|s| s.rows)
            .map(|r| r.keys)
            .collect();
        let last = char::from(b'a' + n as u8 - 1).to_string();
        assert!(
            rows.contains(&last) && !rows.contains(&"f".to_string()),
            "{rows:?}"
        );
    }
}

#[test]
fn the_end_screen_summarises_and_enter_returns_to_updated_decks() {
    let mut h = on_cards_with_new_limit(2);
    h.press("<enter>");
    assert!(h.screen(80, 24).contains("0 of 2 cards done · review 1"));
    h.app.set_now(fixed_now() + chrono::Duration::minutes(3));
    h.press(" 4 1");
    assert_eq!(view(&mut h), "review", "Again brings the card back");
    h.press(" 4");
    assert_eq!(view(&mut h), "summary");
    let s = h.screen(80, 24);
    for part in [
        "Finished “My interview”.",
        "You saw 2 cards and did 3 reviews in 3 minutes.",
        "Again 1 · Hard 0 · Good 0 · Easy 2",
        "Today: 3 reviewed · streak 1 day.",
    ] {
        assert!(s.contains(part), "{part} missing in\n{s}");
    }
    h.press("<enter>");
    assert_eq!(view(&mut h), "decks");
    let decks = h.screen(80, 24);
    assert!(deck_row(&decks, "My interview").contains(" 0 "), "{decks}");
    assert!(decks.contains("Today 3 reviewed"));
}

#[test]
/// A user walk read "0 of 65 cards done and 7 started" after seven cards answered Good: the study
/// header's words ("seen", "coming back") say it, and the line below says when they come back.
fn stopping_early_says_which_started_cards_come_back_and_when() {
    let mut h = on_cards_with_new_limit(5);
    h.press("<enter>");
    // Two new cards answered Good: each comes back after its first learning step.
    h.press(" 3 3");
    h.app.set_now(fixed_now() + chrono::Duration::seconds(30));
    h.press("<esc>");
    assert_eq!(view(&mut h), "summary");
    let s = h.screen(80, 24);
    assert!(
        s.contains("Stopped “My interview” with 2 of 5 cards seen."),
        "{s}"
    );
    assert!(
        s.contains("2 cards you started come back in 10 minutes"),
        "why none is done yet: {s}"
    );
    // Later, the one left is ready now; the line says so in the singular.
    h.press("u");
    h.press("<esc>");
    h.app.set_now(fixed_now() + chrono::Duration::minutes(11));
    let s = h.screen(80, 24);
    assert!(s.contains("1 card you started is ready again now"), "{s}");

    // A session finished, or stopped before any card came back, says nothing of the kind.
    let mut h = on_cards_with_new_limit(1);
    h.press("<enter> 4");
    assert_eq!(view(&mut h), "summary");
    assert!(!h.screen(80, 24).contains("you started"));
    // Stopped with one card done for today and none coming back: nothing is called started.
    let mut h = on_cards_with_new_limit(5);
    h.press("<enter> 4<esc>");
    let s = h.screen(80, 24);
    assert!(
        s.contains("Stopped “My interview” with 1 of 5 cards done."),
        "{s}"
    );
}

#[test]
fn a_card_coming_due_redraws_the_deck_list_without_a_key_press() {
    let mut h = on_cards_with_new_limit(1);
    h.press("<enter> 1<esc><enter>");
    assert!(h.screen(80, 24).contains("Today 1 reviewed"));
    assert!(!h.app.tick(), "nothing came due yet");
    h.app.set_now(fixed_now() + chrono::Duration::minutes(2));
    assert!(h.app.tick(), "the card graded Again is due after a minute");
    assert!(!h.app.tick(), "and only once");
    let row = deck_row(&h.screen(80, 24), "My interview");
    let numbers: Vec<&str> = row
        .trim_end_matches(['│', '█', '║', ' '])
        .split_whitespace()
        .collect();
    assert_eq!(
        numbers[numbers.len() - 4..numbers.len() - 1],
        ["0", "1", "0"],
        "{row}"
    );
}

#[test]
fn undo_on_the_end_screen_goes_back_to_the_last_card() {
    let mut h = on_cards_with_new_limit(1);
    h.press("<enter>");
    let id = current(&mut h);
    h.press(" 4");
    assert_eq!(view(&mut h), "summary");
    h.press("u");
    assert_eq!(view(&mut h), "review");
    assert_eq!(current(&mut h), id);
    assert!(h.app.data().reviews().unwrap().state(&id).is_none());
}

#[test]
fn nothing_to_study_says_when_the_next_card_is_due() {
    let mut h = on_cards_with_new_limit(1);
    h.press("<enter> 4");
    h.press("<enter>");
    assert_eq!(view(&mut h), "decks");
    h.press("<enter>");
    assert_eq!(view(&mut h), "decks");
    let text = h.app.status().cloned().unwrap().text;
    assert!(
        text.contains("Nothing is due") && text.contains("next card is due in 15d"),
        "{text}"
    );
}

#[test]
fn cram_takes_every_card_of_the_deck_weakest_first() {
    let mut h = on_cards();
    h.press("<enter> 4<esc><enter>");
    h.press("i");
    let lib = h.app.data().library();
    let all = lib.questions.len() + lib.facts.len() + lib.cards.len();
    let s = h.screen(80, 24);
    assert!(s.contains("Cram: My interview"), "{s}");
    assert!(
        s.contains(&format!("0 of {all} cards done")),
        "every card: {s}"
    );
    assert!(h.status().contains("No interview date is set"));
    let easy = h
        .app
        .data()
        .reviews()
        .unwrap()
        .ledger()
        .cards()
        .keys()
        .next()
        .cloned();
    assert_ne!(
        Some(current(&mut h)),
        easy,
        "the card graded Easy is not first"
    );

    h.press("<esc>");
    h.app.update(Action::GoTo(Tab::Home));
    h.press("i").type_text("2026-12-01").press("<enter>");
    h.app.update(Action::GoTo(Tab::Cards));
    h.press("i");
    let status = h.app.status().cloned().unwrap();
    assert_eq!(status.level, Level::Info);
    assert!(
        status.text.contains("interview on Dec 1, 2026"),
        "{}",
        status.text
    );
    assert!(h.screen(80, 24).contains("Cram: My interview"));
}

#[test]
fn question_backs_show_a_linked_story_title() {
    // A story linked to every question, written before the app starts: whichever question comes
    // first has it.
    let dir = tempfile::tempdir().unwrap();
    let questions = common::data::question_ids();
    common::data::story(
        dir.path(),
        "calming",
        "Calming a \u{1b}[31manxious patient",
        &[],
        &questions,
    );
    let mut h = Harness::in_dir(dir);
    h.press("<tab><tab><enter>");
    let id = current(&mut h);
    assert!(
        h.app.data().library().question(&id).is_some(),
        "a question comes first: {id}"
    );
    h.press("<space>");
    let s = h.screen(80, 50);
    assert!(s.contains("Your STAR story"), "{s}");
    assert!(
        s.contains("Calming a [31manxious patient"),
        "escape removed: {s}"
    );
}

#[test]
fn your_own_cards_have_a_deck_come_first_and_show_back_and_tags() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::write(
        dir.path().join("content/mine.toml"),
        "[[card]]\nid = \"my-gait-belts\"\ndeck = \"My clinic\"\n\
         front = \"Where are the gait belts kept?\"\nback = \"Cupboard B, top shelf.\"\n\
         tags = [\"site\"]\n",
    )
    .unwrap();
    let mut h = Harness::in_dir(dir);
    h.press("<tab><tab>");
    assert!(h.screen(100, 50).contains("Your deck · My clinic"));
    h.press("<enter>");
    assert_eq!(current(&mut h), Id::new("my-gait-belts"));
    h.press("<space>");
    let s = h.screen(80, 24);
    for part in [
        "Your card · My clinic",
        "Cupboard B, top shelf.",
        "Tags: site",
    ] {
        assert!(s.contains(part), "{part} missing in\n{s}");
    }
}

#[test]
fn a_grade_survives_dropping_the_app_without_quitting() {
    let mut h = on_cards();
    h.press("<enter>");
    let id = current(&mut h);
    h.press(" 3");
    let Harness { app, dir } = h;
    drop(app); // no quit: no snapshot, nothing flushed on the way out
    let (store, notices) =
        ReviewStore::open(dir.path(), &StoreOptions::default(), fixed_now()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    let state = store.state(&id).expect("the grade is on disk");
    assert_eq!((state.reps, state.phase), (1, Phase::Learning));
    drop(store);

    let mut h = Harness::in_dir(dir);
    h.press("<tab><tab>");
    let s = h.screen(80, 24);
    assert!(s.contains("Today 1 reviewed"), "{s}");
    assert!(deck_row(&s, "All cards").contains(" 19 "));
}

#[test]
fn a_torn_journal_tail_is_reported_with_its_path_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut store, _) =
            ReviewStore::open(dir.path(), &StoreOptions::default(), fixed_now()).unwrap();
        store
            .grade(
                &Id::new("q-tell-me-about-yourself"),
                Grade::Good,
                fixed_now(),
            )
            .unwrap();
    }
    let path = dir.path().join(JOURNAL_FILE);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"g\t2\tq-x\t17");
    std::fs::write(&path, bytes).unwrap();
    let data = dir.path().display().to_string();
    let mut h = Harness::in_dir(dir);
    let status = h.app.status().cloned().unwrap();
    assert_eq!(status.level, Level::Warning);
    let journal_path = format!("{data}/reviews.log");
    for part in [journal_path.as_str(), "incomplete record", "grade it again"] {
        assert!(status.text.contains(part), "{}", status.text);
    }
    h.press("<tab><tab>");
    let s = h.screen(100, 30).replace(&data, "[DATA]");
    assert!(
        s.contains("Review history") && s.contains("[DATA]/reviews.log.torn-"),
        "{s}"
    );
    assert!(
        s.contains("Today 1 reviewed"),
        "the good record before the tear is kept"
    );
}

#[test]
fn snapshots_of_the_deck_list_a_front_a_back_a_multiple_choice_card_and_the_end_screen() {
    let mut h = on_cards_with_new_limit(3);
    let dir = h.dir.path().display().to_string();
    let shot = |h: &mut Harness, name: &str| {
        let screen = h.screen(80, 24).replace(&dir, "[DATA]");
        insta::assert_snapshot!(name.to_string(), screen);
    };
    shot(&mut h, "cards_decks_80x24");
    h.press("<enter>");
    shot(&mut h, "cards_front_80x24");
    h.press("<space>");
    shot(&mut h, "cards_back_80x24");
    h.press("4");
    let choice = choices(&mut h).expect("a fact card with options");
    shot(&mut h, "cards_choice_front_80x24");
    let wrong = (choice.correct + 1) % 4;
    h.press(&char::from(b'a' + wrong as u8).to_string());
    shot(&mut h, "cards_choice_back_80x24");
    h.press("4 4");
    shot(&mut h, "cards_end_80x24");
}

/// Someone who has never scrolled a terminal learns there is more of the card below: the footer
/// names the scroll keys while the card is taller than the window, and only then.
#[test]
fn the_footer_offers_scrolling_only_while_the_card_is_taller_than_the_window() {
    let mut h = on_cards_with_new_limit(3);
    let footer = |h: &mut Harness, w: u16, ht: u16| {
        let screen = h.screen(w, ht);
        screen.lines().last().unwrap_or_default().to_string()
    };
    h.press("<enter>");
    assert!(!footer(&mut h, 80, 24).contains("scroll"), "a short front");
    h.press("<space>");
    assert!(footer(&mut h, 80, 24).contains("↑/↓ scroll"));
    assert!(
        !footer(&mut h, 160, 80).contains("scroll"),
        "the whole card fits"
    );
    assert!(
        footer(&mut h, 80, 24).contains("↑/↓ scroll"),
        "back once the window shrinks"
    );
    // The keys do what the footer says.
    let before = h.screen(80, 24);
    h.press("<down> <down>");
    assert_ne!(h.screen(80, 24), before, "the card scrolled");
}

/// Help lists every key in force, on each of the review states, as the footer promises.
fn assert_help_lists_every_key(h: &mut Harness) {
    let keymap = h.app.keymap_beneath();
    h.press("?");
    let screen = h.screen(120, 60);
    for row in keymap.help().iter().flat_map(|s| s.rows.iter()) {
        assert!(
            screen.contains(&row.keys),
            "help lacks {}:\n{screen}",
            row.keys
        );
        assert!(
            screen.contains(row.text),
            "help lacks {}:\n{screen}",
            row.text
        );
    }
    h.press("<esc>");
    assert!(!h.app.help_open());
}

#[test]
fn help_lists_the_keys_of_a_front_a_back_a_multiple_choice_card_and_the_end_screen() {
    let mut h = on_cards_with_new_limit(2);
    h.press("<enter>");
    assert_help_lists_every_key(&mut h);
    h.press("<space>");
    assert_help_lists_every_key(&mut h);
    h.press("4");
    assert!(choices(&mut h).is_some());
    assert!(
        h.app
            .keymap_beneath()
            .groups
            .iter()
            .any(|g| g.title == "Multiple choice")
    );
    assert_help_lists_every_key(&mut h);
    h.press(" 4");
    assert_eq!(view(&mut h), "summary");
    assert_help_lists_every_key(&mut h);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Any keys on the Cards screen, drawn at any size, never panic, and the journal always reads back.
    #[test]
    fn any_keys_at_any_size_never_panic(
        keys in proptest::collection::vec(
            prop_oneof![
                Just("<enter>"), Just("<space>"), Just("1"), Just("3"), Just("4"), Just("a"),
                Just("c"), Just("f"), Just("u"), Just("<esc>"), Just("i"), Just("r"), Just("t"),
                Just("x"), Just("j"), Just("k"), Just("G"), Just("<pgdn>"), Just("<down>"),
            ],
            0..40,
        ),
        w in 1u16..=160,
        ht in 1u16..=50,
    ) {
        let mut h = on_cards();
        for k in keys {
            h.press(k);
            let buf = h.render(w, ht);
            prop_assert!(!buffer_text(&buf).is_empty());
        }
        let expected = h.app.data().reviews().unwrap().ledger().clone();
        let (ledger, notices) = peek(h.dir.path(), DayZone::Local).unwrap();
        prop_assert!(notices.is_empty());
        prop_assert_eq!(ledger, expected);
    }
}

#[test]
fn without_a_review_history_studying_explains_why() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the data folder should be: the store cannot open.
    let blocked = dir.path().join("data");
    std::fs::write(&blocked, "not a folder").unwrap();
    let mut app = clinicprep::app::App::new(
        clinicprep::storage::paths::Paths::in_dir(&blocked),
        fixed_now(),
        clinicprep::app::Theme::PLAIN,
    );
    let status = app.status().cloned().unwrap();
    assert_eq!(status.level, Level::Error);
    assert!(
        status.text.contains("could not be opened"),
        "{}",
        status.text
    );
    app.update(Action::GoTo(Tab::Cards));
    app.update(Action::Select);
    assert!(app.status().unwrap().text.contains("could not be opened"));
}

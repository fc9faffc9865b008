//! After the interview: the persona's day 10. Once the interview day has passed, Home asks how it
//! went and n opens a box to note it, saved as it is typed into `interviews.toml`, read back after a
//! restart, never written over when the file cannot be read.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::domain::config::Config;
use common::Harness;

/// Reads the data folder's config file into the app, as start-up does.
fn configured(mut h: Harness) -> Harness {
    let (config, problems) = Config::load(&h.dir.path().join("config.toml"));
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    h
}

/// An app whose interview (config `interview_date`) was on `date`; the harness's clock is
/// 2026-11-23.
fn interview_on(date: &str) -> Harness {
    configured(Harness::with_file(
        "config.toml",
        &format!("interview_date = {date}\n"),
    ))
}

#[test]
fn after_the_interview_n_notes_how_it_went_and_it_is_kept() {
    let mut h = interview_on("2026-11-20");
    let home = h.screen(80, 24);
    assert!(home.contains("How did it go? n notes it"), "{home}");
    assert!(
        home.contains("Your interview has passed: n notes how it went"),
        "{home}"
    );

    h.press("n");
    assert!(h.app.typing(), "the notes take the keys typed");
    let open = h.screen(80, 24);
    assert!(open.contains("How did it go?"), "{open}");
    assert!(
        open.contains("Your interview on Friday, November 20"),
        "{open}"
    );
    assert!(open.contains("Esc closes"), "{open}");
    // 'q' and 'n' are letters here, not keys.
    h.type_text("They asked about gait belts and a quiet patient.\nNext time: slower intro.");
    // Saved by itself a moment after the typing stops, without closing.
    h.advance_ms(1000);
    let file = h.file("interviews.toml").expect("saved as it was typed");
    assert!(file.contains("date = \"2026-11-20\""), "{file}");
    assert!(
        file.contains("gait belts and a quiet patient.\nNext time: slower intro."),
        "{file}"
    );

    h.type_text(" Send thanks.");
    h.press("<esc>");
    assert!(!h.app.typing());
    assert!(
        h.status().contains("Your notes are saved"),
        "{}",
        h.status()
    );
    assert!(h.file("interviews.toml").unwrap().contains("Send thanks."));
    let home = h.screen(80, 24);
    assert!(
        home.contains("Today: nothing planned. Your notes are saved (n)"),
        "{home}"
    );

    // After a restart the notes open as they were left.
    let mut h = configured(h.restart());
    h.press("n");
    let again = h.screen(100, 30);
    assert!(
        again.contains("Next time: slower intro. Send thanks."),
        "{again}"
    );
    h.press("<esc>");

    // A new interview is set: until it has passed, n opens the last notes, to read before it.
    h.press("i");
    for _ in 0..12 {
        h.press("<bs>");
    }
    h.type_text("2026-12-03").press("<enter>");
    h.press("n");
    let before_next = h.screen(100, 30);
    assert!(
        before_next.contains("Your interview on Friday, November 20")
            && before_next.contains("Next time: slower intro."),
        "{before_next}"
    );
}

/// Before the first interview there is nothing to note or read yet.
#[test]
fn before_the_interview_day_n_only_says_when_notes_open() {
    let mut h = interview_on("2026-12-03");
    h.press("n");
    assert!(!h.app.typing(), "nothing to note yet");
    assert!(
        h.status()
            .contains("After your interview on Thursday, December 3, press n"),
        "{}",
        h.status()
    );
    assert!(h.file("interviews.toml").is_none());
    // Without a date at all, the status line says to set one first.
    let mut h = Harness::new();
    h.press("n");
    assert!(
        h.status().contains("Set your interview date with i first"),
        "{}",
        h.status()
    );
}

/// On the interview day itself: before it, n says when the notes open; an hour after it starts,
/// Home says to note how it went and n opens the box, the same day, while it is fresh.
#[test]
fn on_the_day_the_notes_open_an_hour_after_the_interview_starts() {
    let mut h = configured(Harness::with_file(
        "config.toml",
        "interview_date = 2026-11-23\n[profile]\ninterview_time = \"10:00\"\n",
    ));
    // The harness's clock: 09:00 on the day.
    assert!(h.screen(100, 30).contains("Next: Interview today"));
    h.press("n");
    assert!(!h.app.typing());
    assert!(
        h.status()
            .contains("After your interview at 10:00 AM today, press n"),
        "{}",
        h.status()
    );
    assert!(
        h.screen(100, 30)
            .contains("Today: your interview: let the cards wait")
    );
    h.advance(2 * 3600);
    let s = h.screen(100, 30);
    // Over: the thank-you note, best sent the same day, then the notes.
    assert!(
        s.contains("Next: Send a thank-you note (tick it below); n notes"),
        "{s}"
    );
    assert!(
        s.contains("Today: a thank-you note (see Next). How did it go? n notes it"),
        "{s}"
    );
    h.press("<end><space>");
    let s = h.screen(100, 30);
    assert!(
        s.contains("Your interview is over: press n to note how it went"),
        "{s}"
    );
    assert!(
        s.contains("Today: nothing planned. How did it go? n notes it"),
        "{s}"
    );
    h.press("n");
    assert!(h.app.typing(), "the notes box is open");
    h.type_text("They asked about transfers.");
    h.press("<esc>");
    let saved = h.file("interviews.toml").unwrap_or_default();
    assert!(saved.contains("They asked about transfers."), "{saved}");
    assert!(saved.contains("2026-11-23"), "{saved}");
}

#[test]
fn a_damaged_notes_file_is_named_never_written_over_and_the_notes_stay_in_memory() {
    let broken = "[[interview]]\ndate = \"someday\"\nnotes = \"mine\"\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "interview_date = 2026-11-20\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("interviews.toml"), broken).unwrap();
    let mut h = configured(Harness::in_dir(dir));
    h.press("n").type_text("Went well.");
    let open = h.screen(80, 24);
    assert!(
        open.contains("interviews.toml"),
        "the box names the file: {open}"
    );
    h.press("<c-s>");
    assert!(h.status().starts_with("Not saved"), "{}", h.status());
    // Said once (a regression walk read it twice in one line).
    assert_eq!(
        h.status()
            .matches("kept only while the app is open")
            .count(),
        1,
        "{}",
        h.status()
    );
    assert!(
        !h.status().contains("kept while clinicprep is open"),
        "{}",
        h.status()
    );
    h.press("<esc>");
    assert_eq!(
        h.file("interviews.toml").unwrap(),
        broken,
        "left byte for byte"
    );
    h.press("n");
    assert!(h.screen(80, 24).contains("Went well."), "kept in memory");
}

#[test]
fn the_notes_box_draws_at_every_size_without_a_panic() {
    let mut h = interview_on("2026-11-20");
    h.press("n")
        .type_text("A long line of notes that wraps around the box more than once. 🙂 Ça va.");
    for (w, hgt) in [(1, 1), (2, 2), (20, 5), (60, 16), (80, 24), (200, 50)] {
        h.render(w, hgt);
    }
}

/// Notes typed just before quitting, before their autosave, are written on the way out.
#[test]
fn notes_typed_just_before_quitting_are_saved_on_the_way_out() {
    let mut h = interview_on("2026-11-20");
    h.press("n").type_text("Quick thought.");
    assert!(h.file("interviews.toml").is_none(), "not saved yet");
    let h = h.restart();
    assert!(
        h.file("interviews.toml")
            .unwrap()
            .contains("Quick thought.")
    );
}

#[test]
fn the_day_after_the_interview_the_thank_you_note_comes_first_until_it_is_ticked() {
    let mut h = interview_on("2026-11-22");
    let home = h.screen(100, 30);
    assert!(
        home.contains("Next: Send a thank-you note (tick it below); n notes how it went."),
        "{home}"
    );
    assert!(
        home.contains("Today: a thank-you note (see Next)."),
        "{home}"
    );
    // It is the checklist's last step: End, then Space.
    h.press("<end><space>");
    let home = h.screen(100, 30);
    assert!(
        home.contains("Next: Your interview has passed: n notes how it went"),
        "{home}"
    );
    assert!(home.contains("Today: nothing planned."), "{home}");
}

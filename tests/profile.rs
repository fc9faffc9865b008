//! Preparing for one interview, as the persona does it at 80×24: the first-start set-up by keys, then
//! Home, Guides, Cards and Practice following the role; one key for every role; the role-fit guide;
//! intervals kept before the interview.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::app::Tab;
use clinicprep::domain::content::Id;
use clinicprep::domain::profile::{Background, Setting};
use clinicprep::storage::lock::{Acquired, DataLock};
use common::Harness;

/// The persona's day 1: PT aide, interview in 10 days (the harness's clock is 2026-11-23), outpatient
/// clinic, CNA, their name, an employer and a certification, all through the set-up by keys.
fn set_up_as_the_persona(h: &mut Harness) {
    h.app.offer_setup();
    assert!(h.app.panel_open(), "the set-up opens at first start");
    h.press("<space><enter>");
    h.type_text("2026-12-03");
    let typed = h.screen(80, 24);
    assert!(
        typed.contains("Thursday, December 3, 2026, in 10 days"),
        "the date reads back as it was understood:\n{typed}"
    );
    h.press("<enter>");
    // Each list opens on the choice saved so far, "skip" at the bottom: up to the one wanted.
    h.press(&"<up>".repeat(Setting::ALL.len())).press("<enter>"); // Outpatient clinic, the first.
    h.press(&"<up>".repeat(Background::ALL.len() - 2))
        .press("<enter>"); // CNA or nursing assistant.
    h.type_text("Maria López").press("<enter>");
    h.type_text("Riverside Ortho").press("<enter>");
    h.type_text("CNA, CPR/BLS").press("<enter>");
    let review = h.screen(80, 24);
    assert!(review.contains("Is this right?"), "{review}");
    assert!(
        review.contains("Physical therapy aide / technician"),
        "{review}"
    );
    assert!(
        review.contains("Interview      Thursday, December 3, 2026, in 10 days"),
        "{review}"
    );
    assert!(review.contains("Name           Maria López"), "{review}");
    h.press("<enter>");
    assert!(!h.app.panel_open());
}

#[test]
fn a_date_that_cannot_be_read_says_so_while_it_is_typed() {
    let mut h = Harness::new();
    h.app.offer_setup();
    h.press("<space><enter>");
    h.type_text("13/12/2026");
    let s = h.screen(80, 24);
    assert!(s.contains("is not a date clinicprep can read"), "{s}");
    for _ in 0.."13/12/2026".len() {
        h.press("<bs>");
    }
    h.type_text("11/01/2026");
    let s = h.screen(80, 24);
    assert!(s.contains("is in the past"), "{s}");
}

/// Enter on a date that does not read says so on the status line; once the date is put right and
/// the set-up goes on, that warning goes, so no later step says the date is wrong.
#[test]
fn the_warning_about_a_bad_date_goes_once_the_date_is_put_right() {
    let mut h = Harness::new();
    h.app.offer_setup();
    h.press("<space><enter>");
    // A weekday alone could be this week's or next: the coach asks which.
    h.type_text("Thursday 10am").press("<enter>");
    assert_eq!(
        h.status(),
        "Which Thursday: November 26 or December 3? Type the date, like Nov 26 10:00 AM."
    );
    // The date that did not read is offered for replacing: the next one typed takes its place.
    h.type_text("Dec 10 10am").press("<enter>");
    let s = h.screen(80, 24);
    assert!(s.contains("Where is the job?"), "{s}");
    assert!(!s.contains("Which Thursday"), "{s}");
    assert_eq!(h.status(), "");
}

/// Back in the profile to change the date, the saved one is offered for replacing: the new date
/// typed replaces it, and the reading below says which day it is.
#[test]
fn a_new_date_typed_in_the_profile_replaces_the_saved_one() {
    let mut h = Harness::new();
    h.app.offer_setup();
    h.press("<space><enter>");
    h.type_text("2026-12-03").press("<enter><esc>");
    assert_eq!(
        h.app.data().interview(),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 3)
    );
    h.press("p");
    assert!(h.app.panel_open());
    h.press("<enter>");
    let s = h.screen(80, 24);
    assert!(
        s.contains("Type a new date to replace it, or Backspace to edit it."),
        "{s}"
    );
    h.type_text("Dec 10");
    let s = h.screen(80, 24);
    assert!(s.contains("Thursday, December 10, 2026, in 17 days"), "{s}");
    assert!(!s.contains("Type a new date"), "{s}");
    h.press("<enter><esc>");
    assert_eq!(
        h.app.data().interview(),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 10)
    );
}

/// Applying to a second clinic, the persona types its name over the first one's.
#[test]
fn a_new_employer_typed_in_the_profile_replaces_the_saved_one() {
    let mut h = Harness::new();
    set_up_as_the_persona(&mut h);
    h.press("p");
    // Roles, date, setting and background keep what they hold; the name too.
    h.press("<enter><enter><enter><enter><enter>");
    let s = h.screen(80, 24);
    assert!(s.contains("Which clinic or employer?"), "{s}");
    assert!(
        s.contains("Type a new clinic or employer to replace it, or Backspace to edit it."),
        "{s}"
    );
    h.type_text("Mercy Rehab").press("<enter><esc>");
    assert_eq!(h.app.data().profile().employer, "Mercy Rehab");
    assert_eq!(
        h.app.data().profile().name,
        "Maria López",
        "the name is kept"
    );
}

/// The date as the persona would write it in a text message, not as a form wants it: the hint shows
/// two ways two weeks from today, and the reading below says which day it understood.
#[test]
fn the_date_can_be_typed_as_people_write_it() {
    let mut h = Harness::new();
    h.app.offer_setup();
    h.press("<space><enter>");
    let s = h.screen(80, 24);
    assert!(
        s.contains("e.g. 12/07/2026 or Dec 7 10am"),
        "the field's hint:\n{s}"
    );
    assert!(s.contains("Type it like 12/07/2026 or Dec 7 10am."), "{s}");
    h.type_text("thursday, dec 3rd at 10am");
    let s = h.screen(80, 24);
    assert!(
        s.contains("Thursday, December 3, 2026 at 10:00 AM, in 10 days"),
        "{s}"
    );
    // Esc finishes later, keeping what was given so far.
    h.press("<enter><esc>");
    assert_eq!(
        h.app.data().interview(),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 3)
    );
    assert_eq!(
        h.app.data().profile().interview_time,
        chrono::NaiveTime::from_hms_opt(10, 0, 0)
    );
    let s = h.screen(80, 24);
    assert!(
        s.contains("Interview in 10 days (Thu, Dec 3, 2026, 10:00 AM)"),
        "{s}"
    );
}

/// The mark follows the highlight on a one-choice step: a persona walk saw "(•) Not sure, or
/// skip" beside a highlighted "Outpatient clinic" that Enter then took.
#[test]
fn the_highlighted_choice_is_the_marked_one() {
    let mut h = Harness::new();
    h.app.offer_setup();
    h.press("<space><enter><enter>"); // roles, then no date
    let s = h.screen(80, 24);
    assert!(
        s.contains("› (•) Not sure, or skip"),
        "the list opens on the saved choice, so Enter alone keeps it:\n{s}"
    );
    h.press("<up>");
    let s = h.screen(80, 24);
    assert!(s.contains("› (•) Pediatric clinic"), "{s}");
    assert!(s.contains("  ( ) Not sure, or skip"), "{s}");
    h.press("<enter>");
    h.press("<s-tab>"); // back to the setting step: it opens on the choice just made
    let s = h.screen(80, 24);
    assert!(s.contains("› (•) Pediatric clinic"), "{s}");
}

#[test]
fn space_marks_a_one_choice_line_as_it_ticks_a_role() {
    let mut h = Harness::new();
    h.app.offer_setup();
    h.press("<space><enter><enter>"); // PT aide ticked, no date
    h.press("<up><space>");
    let s = h.screen(80, 24);
    assert!(
        s.contains("› (•) Pediatric clinic"),
        "marked, not moved on:\n{s}"
    );
    assert!(s.contains("  ( ) Not sure, or skip"), "{s}");
    assert!(!s.contains("does nothing"), "{s}");
    h.press("<enter>");
    let next = h.screen(80, 24);
    assert!(
        next.contains("What best describes you?"),
        "Enter goes on:\n{next}"
    );
    h.press("<esc>");
    assert_eq!(h.app.data().profile().setting, Some(Setting::Pediatrics));
}

#[test]
fn the_employer_example_follows_the_setting_chosen() {
    let mut h = Harness::new();
    h.app.offer_setup();
    h.press("<space><enter><enter>"); // PT aide, no date
    let at = Setting::ALL
        .iter()
        .position(|s| *s == Setting::SkilledNursing)
        .unwrap();
    // The list opens on "skip", below the settings: up to the nursing home.
    h.press(&"<up>".repeat(Setting::ALL.len() - at))
        .press("<enter>");
    h.press("<enter><enter>"); // background skipped, no name
    let s = h.screen(80, 24);
    assert!(s.contains("e.g. Sunrise Health and Rehab Center"), "{s}");
    assert!(!s.contains("Orthopedics"), "{s}");
}

#[test]
fn the_first_start_set_up_by_keys_and_every_screen_follows_the_role() {
    let mut h = Harness::new();
    h.app.offer_setup();
    let first = h.screen(80, 24);
    for part in [
        "Your profile · step 1 of 8",
        "Welcome!",
        "Which job are you interviewing for?",
        "PT aide: Physical therapy aide / technician",
        "Not sure yet: help me choose",
        "Esc skips the rest",
        "Space tick",
    ] {
        assert!(first.contains(part), "{part} missing in\n{first}");
    }
    set_up_as_the_persona(&mut h);

    let profile = h.app.data().profile().clone();
    assert_eq!(profile.roles, [Id::new("pt-aide")]);
    assert_eq!(profile.setting, Some(Setting::Outpatient));
    assert_eq!(profile.background, Some(Background::CnaCaregiver));
    assert_eq!(profile.name, "Maria López");
    assert!(profile.set_up);
    let config = h.file("config.toml").expect("the profile is saved");
    assert!(config.contains("roles = [\"pt-aide\"]"), "{config}");
    assert!(config.contains("interview_date = 2026-12-03"), "{config}");
    assert!(
        config.contains("certifications = [\"CNA\", \"CPR/BLS\"]"),
        "{config}"
    );

    // Home: the role label, the countdown and today's plan, and the outpatient ask.
    let home = h.screen(80, 24);
    assert!(
        home.lines().next().unwrap().ends_with("PT aide (m: all)"),
        "{home}"
    );
    assert!(home.contains("Interview in 10 days"), "{home}");
    assert!(home.contains("at Riverside Ortho"), "{home}");
    assert!(home.contains("Today: 20 cards"), "{home}");
    assert!(
        home.contains("Next: study 20 cards of “My interview”"),
        "{home}"
    );
    let asks: Vec<&str> = h
        .app
        .data()
        .focus()
        .asks(h.app.data().library())
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert!(asks.contains(&"ask-outpatient-pace"), "{asks:?}");
    assert!(!asks.contains(&"ask-school-team"), "{asks:?}");

    // Guides opens on the PT aide guide, with the note for a CNA.
    h.press("<tab>");
    assert_eq!(h.app.tab(), Tab::Guides);
    let guides = h.screen(80, 24);
    assert!(
        guides.contains("Physical therapy aide / technician"),
        "{guides}"
    );
    assert!(
        guides.contains("For you (CNA or nursing assistant)"),
        "{guides}"
    );

    // Cards: "My interview" is first and holds PT aide and general cards only, CNA questions first.
    h.press("<tab>");
    let cards = h.screen(80, 24);
    let mine = cards
        .lines()
        .find(|l| l.contains("My interview"))
        .expect("My interview row")
        .to_string();
    let total = h.app.facts().interview_deck.expect("deck").total;
    assert!(mine.contains(&format!("{total}/{total}")), "{mine}");
    let all = h.app.data().library().questions.len() + h.app.data().library().facts.len();
    assert!(total < all, "other roles' exam facts are left out");
    h.press("<enter>");
    let front = h.screen(80, 24);
    assert!(front.contains("You have worked as a CNA"), "{front}");
    assert!(front.contains("0 of 20 cards done"), "{front}");
    h.press("<esc>");

    // Practice: the PT aide role.
    h.app.update(clinicprep::app::Action::GoTo(Tab::Practice));
    let practice = h.screen(80, 24);
    assert!(
        practice.contains("Role        ‹ Physical therapy aide / technician ›"),
        "{practice}"
    );

    // m: every role, on every screen; m again: back to PT aide.
    h.press("m");
    let all_roles = h.screen(80, 24);
    assert!(
        all_roles
            .lines()
            .next()
            .unwrap()
            .ends_with("All roles (m: mine)")
    );
    assert!(all_roles.contains("‹ Any role ›"), "{all_roles}");
    // Every role's cards, less the seventeen that coaching keeps for other backgrounds (four for
    // new graduates or aides moving up, three for working assistants, two for home care aides) or
    // other settings (eight for school, hospital, nursing home, home health or pediatric jobs).
    assert_eq!(h.app.facts().interview_deck.unwrap().total, all - 17);
    h.press("m");
    assert!(
        h.screen(80, 24)
            .contains("‹ Physical therapy aide / technician ›")
    );

    // p on Home brings the set-up back, filled in.
    h.app.update(clinicprep::app::Action::GoTo(Tab::Home));
    h.press("p");
    assert!(h.app.panel_open());
    let again = h.screen(80, 24);
    assert!(again.contains("[x] PT aide"), "{again}");
    h.press("<esc>");
    assert_eq!(h.app.data().profile().roles, [Id::new("pt-aide")]);
}

#[test]
fn with_a_role_but_no_date_home_asks_only_for_the_date() {
    let mut h = Harness::new();
    h.app.offer_setup();
    h.press("<space><enter><esc>"); // PT aide, then finish later
    assert_eq!(h.app.data().profile().roles, [Id::new("pt-aide")]);
    let s = h.screen(120, 40);
    assert!(
        s.contains("press i to set your interview date, so clinicprep can plan your days"),
        "{s}"
    );
    assert!(!s.contains("set your role"), "{s}");
}

#[test]
fn esc_skips_the_set_up_in_one_key_and_it_is_not_offered_again() {
    let mut h = Harness::new();
    h.app.offer_setup();
    h.press("<esc>");
    assert!(!h.app.panel_open());
    assert!(h.app.data().profile().set_up);
    assert!(h.screen(80, 24).contains("press p to set your role"));
    let h = h.restart();
    let (config, _) = clinicprep::domain::config::Config::load(&h.dir.path().join("config.toml"));
    assert!(config.profile.set_up, "saved, so the next start skips it");
}

#[test]
fn a_read_only_window_never_offers_the_set_up_nor_writes_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let Ok(Acquired::Writer(_held)) = DataLock::acquire(dir.path()) else {
        panic!("could not take the lock");
    };
    let Ok(Acquired::ReadOnly(holder)) = DataLock::acquire(dir.path()) else {
        panic!("a second lock was granted");
    };
    let mut h = Harness::in_dir(dir);
    h.app.open_data(clinicprep::app::Access::ReadOnly(holder));
    h.app.offer_setup();
    assert!(
        !h.app.panel_open(),
        "it could not be saved, so it is not offered"
    );
    h.press("p");
    assert!(!h.app.panel_open());
    assert!(h.status().contains("read-only"), "{}", h.status());
    assert!(h.file("config.toml").is_none());
    // The role switch writes nothing, so it works read-only too (no role set: it says how).
    h.press("m");
    assert!(h.status().contains("press p on Home"), "{}", h.status());
}

#[test]
fn not_sure_leads_to_the_role_fit_guide_which_sets_the_role() {
    let mut h = Harness::new();
    h.app.offer_setup();
    h.press("<down><down><down><down><space><esc>");
    assert!(h.app.panel_open(), "the role-fit guide follows");
    let q = h.screen(80, 24);
    assert!(q.contains("Which job fits you? · question 1 of 10"), "{q}");
    // The cursor is marked in words, not only by reverse video.
    assert!(q.contains("› ( ) A few weeks of training"), "{q}");
    h.press("<down>");
    let q = h.screen(80, 24);
    assert!(
        q.contains("  ( ) A few weeks") && q.contains("› ( ) Aide work now"),
        "{q}"
    );
    h.press("<up>");
    // Weeks of training, support work, daily life, then skip the rest.
    h.press("<enter><down><enter><down><enter>");
    for _ in 0..7 {
        h.press("<right>");
    }
    let result = h.screen(80, 24);
    assert!(
        result.contains("Best fit for you: Occupational therapy aide"),
        "{result}"
    );
    assert!(result.contains("Fits you"), "{result}");
    assert!(
        result.contains("See the OT aide guide, section Duties."),
        "{result}"
    );
    insta::assert_snapshot!("fit_result_80x24", result);
    h.press("<enter>");
    assert!(!h.app.panel_open());
    assert_eq!(h.app.data().profile().roles, [Id::new("ot-aide")]);
    assert!(h.screen(80, 24).lines().next().unwrap().contains("OT aide"));
    let saved = h.file("fit.toml").expect("answers saved");
    assert!(saved.contains("fit-schooling = \"weeks\""), "{saved}");
    assert!(saved.contains("accepted = \"ot-aide\""), "{saved}");
    // f on Guides reopens the result.
    h.app.update(clinicprep::app::Action::GoTo(Tab::Guides));
    h.press("f");
    assert!(h.screen(80, 24).contains("your result"));
}

#[test]
fn grade_buttons_show_intervals_kept_before_the_interview() {
    let mut h = Harness::new();
    set_up_as_the_persona(&mut h);
    h.app.update(clinicprep::app::Action::GoTo(Tab::Cards));
    h.press("<enter><space>");
    let back = h.screen(100, 30);
    // Easy on a new card would be 15 days; the interview is in 10, so it comes back on the eve.
    assert!(back.contains("4 Easy · 9d*"), "{back}");
    // The note on the mark sits on the line just above the grades, at any scroll.
    for (w, hgt) in [(100, 30), (80, 24)] {
        for scroll in ["", "<down><down><down><down><down>"] {
            h.press(scroll);
            let lines: Vec<String> = h.screen(w, hgt).lines().map(str::to_string).collect();
            let grades = lines.iter().position(|l| l.contains("4 Easy · 9d*"));
            let note = lines
                .iter()
                .position(|l| l.contains("* = shortened so this card comes back before your"));
            assert!(
                grades.is_some() && note == grades.map(|g| g - 1),
                "{w}x{hgt}, scrolled {scroll:?}:\n{}",
                lines.join("\n")
            );
        }
    }
    h.press("4");
    let id = h
        .app
        .data()
        .reviews()
        .unwrap()
        .ledger()
        .cards()
        .keys()
        .next()
        .cloned()
        .unwrap();
    let state = h.app.data().reviews().unwrap().state(&id).cloned().unwrap();
    let eve: chrono::NaiveDate = "2026-12-02".parse().unwrap();
    assert!(state.due().date_naive() <= eve, "{state:?}");
    assert!(state.scheduled_days >= 15, "the memory state is FSRS's own");
}

#[test]
fn the_set_up_and_the_role_fit_guide_draw_at_every_size_without_a_panic() {
    let mut h = Harness::new();
    h.app.offer_setup();
    for step in 0..8 {
        for (w, hgt) in [(1, 1), (20, 5), (60, 16), (80, 24), (160, 50)] {
            h.render(w, hgt);
        }
        if step == 0 {
            insta::assert_snapshot!("setup_roles_80x24", h.screen(80, 24));
        }
        h.press("<enter>");
    }
    assert!(!h.app.panel_open());
    h.app.update(clinicprep::app::Action::GoTo(Tab::Guides));
    h.press("f");
    for (w, hgt) in [(1, 1), (20, 5), (60, 16), (80, 24), (160, 50)] {
        h.render(w, hgt);
    }
    h.press("<esc>");
    assert!(!h.app.panel_open());
}

/// Restarts, reads the config file as start-up does, and opens Practice.
fn restart_on_practice(h: Harness) -> Harness {
    let mut h = h.restart();
    let (config, problems) =
        clinicprep::domain::config::Config::load(&h.dir.path().join("config.toml"));
    assert!(problems.is_empty(), "{problems:?}");
    h.app.apply_config(&config);
    h.app.update(clinicprep::app::Action::GoTo(Tab::Practice));
    h
}

#[test]
fn practice_remembers_its_last_settings_across_a_restart() {
    let mut h = Harness::new();
    set_up_as_the_persona(&mut h);
    h.app.update(clinicprep::app::Action::GoTo(Tab::Practice));
    // Role: PT aide → PTA; past the interviewer, length: 5 → 3.
    h.press("<right><down><down><left><left>");
    let setup = h.screen(80, 24);
    assert!(
        setup.contains("‹ Physical therapist assistant ›"),
        "{setup}"
    );
    assert!(setup.contains("‹ 3 questions ›"), "{setup}");
    h.press("<enter>");
    let config = h.file("config.toml").expect("saved");
    assert!(config.contains("[practice]"), "{config}");
    assert!(config.contains("role = \"pta\""), "{config}");
    assert!(config.contains("length = 3"), "{config}");
    h.press("<esc>");
    let mut h = restart_on_practice(h);
    let again = h.screen(80, 24);
    assert!(
        again.contains("‹ 3 questions ›"),
        "the length is remembered: {again}"
    );
    // A role outside the profile's gives way to the profile's own: Practice defaults to your role.
    assert!(
        again.contains("‹ Physical therapy aide / technician ›"),
        "{again}"
    );
    // With every role in focus, the remembered role stands.
    h.press("m");
    assert!(
        h.screen(80, 24)
            .contains("‹ Physical therapist assistant ›")
    );
}

#[test]
fn practice_remembers_typed_answers_and_the_interviewer_across_a_restart() {
    let mut h = Harness::new();
    set_up_as_the_persona(&mut h);
    h.app.update(clinicprep::app::Action::GoTo(Tab::Practice));
    let interviewer = |s: &str| {
        s.lines()
            .find(|l| l.contains("Interviewer ‹"))
            .map(|l| l.replace('▸', " ").trim().to_string())
            .unwrap_or_default()
    };
    let before = interviewer(&h.screen(80, 24));
    // The next interviewer, and typed answers.
    h.press("<down><right><down><down><right>");
    let setup = h.screen(80, 24);
    assert!(setup.contains("‹ Type (or paste) ›"), "{setup}");
    let chosen = interviewer(&setup);
    assert_ne!(chosen, before, "{setup}");
    h.press("<enter><esc>x");
    let mut h = restart_on_practice(h);
    let again = h.screen(80, 24);
    assert!(again.contains("‹ Type (or paste) ›"), "{again}");
    assert_eq!(interviewer(&again), chosen, "{again}");
}

/// Maria's config file lost a comma while she edited it by hand. clinicprep does not greet her as a
/// newcomer with the set-up (her profile is unknown, not missing, and her answers could not be
/// saved into the file), and the file stays exactly as she left it. A file with one bad value is
/// read, so someone who never set up still gets the set-up.
#[test]
fn a_config_file_that_cannot_be_read_is_not_taken_for_a_first_start() {
    let broken = "[profile]\nroles = [\"pta\"\nname = \"Maria\"\n";
    let mut h = Harness::with_file("config.toml", broken);
    h.app.offer_setup();
    assert!(
        !h.app.panel_open(),
        "the set-up was offered:\n{}",
        h.screen(80, 24)
    );
    h.press("q");
    let kept = std::fs::read_to_string(h.dir.path().join("config.toml")).unwrap();
    assert_eq!(kept, broken);

    let mut h = Harness::with_file("config.toml", "interview_date = \"soon\"\n");
    h.app.offer_setup();
    assert!(h.app.panel_open(), "one bad value leaves the rest known");
}

/// On a small window (60×16) every step of the set-up still says how to leave it: the footer
/// keeps "Esc finish later" and lets the arrows' hint go first.
#[test]
fn every_set_up_step_says_how_to_finish_later_at_60_by_16() {
    let mut h = Harness::new();
    h.app.offer_setup();
    let mut seen = Vec::new();
    for keys in ["", "<space><enter>", "<enter>", "<enter>"] {
        h.press(keys);
        let s = h.screen(60, 16);
        let footer = s.lines().last().unwrap_or_default().to_string();
        assert!(footer.contains("Esc finish later"), "{s}");
        seen.push(footer);
    }
    // The steps were really different: tick roles, type a date, choose from lists.
    assert!(seen[0].contains("Space tick"), "{seen:?}");
    assert!(seen[1].contains("Enter next"), "typing the date: {seen:?}");
    assert!(
        seen[2].contains("Enter choose"),
        "choosing a setting: {seen:?}"
    );
}

/// A persona walk pressed q on the third step of the first start: the app quit and the job and date
/// chosen were gone. Quitting keeps them, as Esc does; quitting before choosing anything leaves
/// the set-up to greet the next start.
#[test]
fn quitting_in_the_middle_of_the_first_start_keeps_the_answers_given() {
    let mut h = Harness::new();
    h.app.offer_setup();
    h.press("<down><down><space><enter>");
    h.type_text("2026-12-03").press("<enter>");
    assert!(h.screen(80, 24).contains("step 3 of 8"));
    h.press("q");
    assert!(h.app.should_quit());
    let config = h.file("config.toml").expect("the answers are saved");
    assert!(config.contains("ot-aide"), "{config}");
    assert!(config.contains("2026-12-03"), "{config}");
    let mut h = h.restart();
    // What start-up does with the config file.
    let read = clinicprep::domain::config::Config::read(&h.dir.path().join("config.toml"));
    h.app.apply_config(&read.config);
    h.app.offer_setup();
    assert!(!h.app.panel_open(), "set up: no set-up at the next start");
    let home = h.screen(80, 24);
    assert!(home.contains("OT aide"), "{home}");
    assert!(
        home.contains("Interview in 10 days (Thu, Dec 3, 2026)"),
        "{home}"
    );

    // Nothing chosen yet: nothing written, and the next start asks again.
    let mut h = Harness::new();
    h.app.offer_setup();
    h.press("<c-c>");
    assert!(h.app.should_quit());
    assert_eq!(h.file("config.toml"), None);
    let mut h = h.restart();
    h.app.offer_setup();
    assert!(h.app.panel_open(), "the set-up greets the next start");
}

/// A walk pressed Enter on the first step with nothing ticked and was set up for the PT aide's
/// job without a word. Enter still takes the highlighted job, and says so.
#[test]
fn enter_with_no_job_ticked_takes_the_highlighted_one_and_says_so() {
    let mut h = Harness::new();
    h.app.offer_setup();
    h.press("<down><enter>");
    assert!(
        h.status()
            .starts_with("PTA picked: with nothing ticked, Enter takes the highlighted job"),
        "{}",
        h.status()
    );
    assert!(h.screen(80, 24).contains("step 2 of 8"));
}

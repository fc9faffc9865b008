//! The Home dashboard driven by keys over a temporary data dir: checklist, favourites, the interview
//! date, facts from other screens, and the charts.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use chrono::{Duration, NaiveDate};
use clinicprep::app::{Action, Tab, Theme};
use clinicprep::domain::content::Id;
use clinicprep::domain::practice::ROUNDS_FILE;
use clinicprep::domain::prep::{MarkKind, MarkSet};
use clinicprep::domain::schedule::Grade;
use clinicprep::kit::Level;
use common::{Harness, buffer_text, find, fixed_now};

fn marks(h: &Harness, kind: MarkKind) -> Vec<String> {
    MarkSet::load(h.dir.path(), kind)
        .expect("marks load")
        .ids()
        .map(|i| i.to_string())
        .collect()
}

#[test]
fn checklist_ticks_persist_across_restarts_and_fill_the_gauge() {
    let mut h = Harness::new();
    let steps: Vec<Id> = h
        .app
        .data()
        .library()
        .steps
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let n = steps.len();
    assert!(h.screen(80, 24).contains(&format!("0 of {n} done")));
    h.press("<space>jj<space>");
    let mut want = vec![steps[0].to_string(), steps[2].to_string()];
    want.sort();
    assert_eq!(marks(&h, MarkKind::Checklist), want);

    let mut h = h.restart();
    let s = h.screen(80, 24);
    assert!(s.contains(&format!("2 of {n} done")), "{s}");
    assert!(s.contains("[x] Research the clinic"), "{s}");
    // Untick one, restart again.
    h.press("<space>");
    let h = h.restart();
    assert_eq!(marks(&h, MarkKind::Checklist), vec![steps[2].to_string()]);
}

#[test]
fn favourite_questions_to_ask_persist_across_restarts() {
    let mut h = Harness::new();
    // Right moves to the questions to ask: the star lands there, not on the checklist.
    h.press("<right>");
    h.press("j<space>");
    let second = h.app.data().library().asks[1].id.to_string();
    assert_eq!(marks(&h, MarkKind::Favourites), vec![second.clone()]);
    let mut h = h.restart();
    let s = h.screen(120, 40);
    assert!(s.contains("1 starred"), "{s}");
    let text = &h.app.data().library().asks[1].text;
    let start: String = text.chars().take(30).collect();
    assert!(s.contains(&format!("★ {start}")), "{s}");
    assert!(
        marks(&h, MarkKind::Checklist).is_empty(),
        "stars are not ticks"
    );
}

#[test]
fn ids_the_content_does_not_have_are_kept_when_saving() {
    let mut h = Harness::with_file("checklist.toml", "done = [\"step-from-an-old-version\"]\n");
    let n = h.app.data().library().steps.len();
    assert!(
        h.screen(80, 24).contains(&format!("0 of {n} done")),
        "unknown ids are not counted"
    );
    h.press("<space>");
    let saved = marks(&h, MarkKind::Checklist);
    assert!(
        saved.contains(&"step-from-an-old-version".to_string()),
        "{saved:?}"
    );
    assert_eq!(saved.len(), 2);
}

#[test]
fn a_damaged_checklist_is_reported_kept_in_memory_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checklist.toml");
    std::fs::write(&path, "done = [\"step-intro\",\n").unwrap();
    let mut h = Harness::in_dir(dir);
    let status = h.app.status().cloned().expect("reported at start");
    assert_eq!(status.level, Level::Error);
    assert!(status.text.contains("checklist.toml:"), "{}", status.text);
    h.press("<space>");
    assert!(
        h.screen(80, 24).contains("[x] Research the clinic"),
        "kept in memory"
    );
    let s = h.screen(120, 40);
    assert!(s.contains("Not saved"), "{s}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "done = [\"step-intro\",\n"
    );
}

#[test]
fn i_sets_the_interview_date_and_the_countdown_shows_it() {
    let mut h = Harness::new();
    assert!(h.screen(80, 24).contains("No interview date yet"));
    h.press("i");
    assert!(h.app.typing(), "typing goes to the date field");
    h.type_text("2026-12-07");
    h.press("<enter>");
    assert_eq!(
        h.app.data().interview(),
        NaiveDate::from_ymd_opt(2026, 12, 7)
    );
    let config = std::fs::read_to_string(h.dir.path().join("config.toml")).unwrap();
    assert!(config.contains("2026-12-07"), "{config}");
    assert!(!h.app.typing());
    let s = h.screen(80, 24);
    assert!(s.contains("Interview in 14 days (Mon, Dec 7, 2026)"), "{s}");

    // The field opens with the current date; clearing it removes the date.
    h.press("i");
    for _ in 0..10 {
        h.press("<bs>");
    }
    h.press("<enter>");
    assert_eq!(h.app.data().interview(), None);
}

/// Opened again, the date field offers the saved date for replacing: a date typed replaces it
/// (it used to be added after the old one, which then read as no date at all), and the field says
/// so until a key reaches it; Backspace edits the saved date instead.
#[test]
fn a_new_date_typed_over_the_old_one_replaces_it_and_backspace_edits_it() {
    let mut h = Harness::new();
    h.press("i").type_text("2026-12-07").press("<enter>");
    h.press("i");
    let s = h.screen(80, 24);
    assert!(s.contains("12/07/2026"), "{s}");
    assert!(
        s.contains("Type a new date to replace it, or Backspace to edit it."),
        "{s}"
    );
    h.type_text("Dec 9").press("<enter>");
    assert_eq!(
        h.app.data().interview(),
        NaiveDate::from_ymd_opt(2026, 12, 9)
    );
    h.press("i<bs>");
    let s = h.screen(80, 24);
    assert!(
        s.contains("12/09/202") && !s.contains("Type a new date"),
        "{s}"
    );
    h.type_text("7").press("<enter>");
    assert_eq!(
        h.app.data().interview(),
        NaiveDate::from_ymd_opt(2027, 12, 9)
    );
}

/// While a date is typed, the box says what it reads as, before Enter: the day in full and how far
/// off it is (in the theme's "good" color), or what is wrong with it (in "warn").
#[test]
fn the_date_box_reads_the_date_back_while_it_is_typed() {
    let mut h = Harness::new();
    h.press("i").type_text("Thursday");
    let s = h.screen(80, 24);
    assert!(
        s.contains("Which Thursday: November 26 or December 3? Type the date,"),
        "{s}"
    );
    assert!(s.contains("│like Nov 26."), "wrapped inside the box: {s}");
    let buf = h.render(80, 24);
    let (x, y) = find(&buf, "Which Thursday").unwrap();
    assert_eq!(buf[(x, y)].style().fg, Theme::COLOR.warn.fg);
    for _ in 0.."Thursday".len() {
        h.press("<bs>");
    }
    h.type_text("Dec 3 10am");
    let buf = h.render(80, 24);
    let s = buffer_text(&buf);
    assert!(
        s.contains("Thursday, December 3, 2026 at 10:00 AM, in 10 days"),
        "{s}"
    );
    let (x, y) = find(&buf, "Thursday, December 3").unwrap();
    assert_eq!(buf[(x, y)].style().fg, Theme::COLOR.good.fg);
    // Nothing is saved until Enter.
    assert_eq!(h.app.data().interview(), None);
    h.press("<enter>");
    assert_eq!(
        h.app.data().interview(),
        NaiveDate::from_ymd_opt(2026, 12, 3)
    );
    // In windows too small for the box, nothing panics; back at 80x24 the saved date is offered.
    h.press("i");
    for size in [(80, 6), (30, 8), (1, 1)] {
        h.render(size.0, size.1);
    }
    assert!(h.screen(80, 24).contains("12/03/2026"));
}

/// A month and day with no year is the next one: typed in late November, "1/8" is in January.
#[test]
fn a_date_without_a_year_is_the_next_one_and_reopens_written_in_full() {
    let mut h = Harness::new();
    h.press("i");
    assert!(
        h.screen(100, 30)
            .contains("When is your interview? e.g. 12/07/2026 or Dec 7")
    );
    h.type_text("1/8");
    h.press("<enter>");
    assert_eq!(
        h.app.data().interview(),
        NaiveDate::from_ymd_opt(2027, 1, 8)
    );
    h.press("i");
    assert!(
        h.screen(100, 30).contains("01/08/2027"),
        "the field holds the date"
    );
    h.press("<esc>");
}

/// At 80 columns the persona's countdown with its time leaves room for the keys that change it: the
/// year gives way first, then the employer; at 120 both are there.
#[test]
fn the_countdown_drops_its_year_before_its_keys_on_a_small_window() {
    let mut h = Harness::new();
    let text = "interview_date = 2026-12-03\n[profile]\nemployer = \"Riverside Orthopedics\"\n\
                interview_time = \"10:00\"\nset_up = true\n";
    h.app
        .apply_config(&clinicprep::domain::config::Config::from_text("config.toml", text).0);
    let small = h.screen(80, 24);
    assert!(
        small.contains("Interview in 10 days (Thu, Dec 3, 10:00 AM)  ·  p profile, i date"),
        "{small}"
    );
    let large = h.screen(120, 40);
    assert!(
        large
            .contains("Interview in 10 days (Thu, Dec 3, 2026, 10:00 AM) at Riverside Orthopedics"),
        "{large}"
    );
}

/// The persona's interview is Thursday at 10: the time typed after the date shows in the countdown,
/// is kept in the config file, and comes back in the field; typed again without it, it is gone.
#[test]
fn a_time_after_the_date_is_kept_and_shown() {
    let mut h = Harness::new();
    h.press("i");
    h.type_text("Thursday Dec 3 at 10am");
    h.press("<enter>");
    let s = h.screen(100, 30);
    assert!(
        s.contains("Interview in 10 days (Thu, Dec 3, 2026, 10:00 AM)"),
        "{s}"
    );
    assert!(
        s.contains("Interview set for Thursday, December 3, 2026 at 10:00 AM."),
        "{s}"
    );
    let config = std::fs::read_to_string(h.dir.path().join("config.toml")).unwrap();
    assert!(config.contains("interview_time = \"10:00\""), "{config}");
    h.press("i");
    assert!(h.screen(100, 30).contains("12/03/2026 10:00 AM"));
    for _ in 0.."10:00 AM".len() + 1 {
        h.press("<bs>");
    }
    h.press("<enter>");
    assert_eq!(h.app.data().profile().interview_time, None);
    let s = h.screen(100, 30);
    assert!(
        s.contains("Interview in 10 days (Thu, Dec 3, 2026) "),
        "{s}"
    );
}

#[test]
fn a_bad_or_past_date_is_explained_and_the_field_stays_open() {
    let mut h = Harness::new();
    h.press("i");
    h.type_text("next week");
    h.press("<enter>");
    assert!(h.app.typing());
    assert!(
        h.screen(100, 30)
            .contains("is not a date clinicprep can read")
    );
    for _ in 0.."next week".len() {
        h.press("<bs>");
    }
    h.type_text("11/01/2026");
    h.press("<enter>");
    assert!(h.screen(100, 30).contains("in the past"));
    h.press("<esc>");
    assert!(!h.app.typing());
    assert_eq!(h.app.data().interview(), None);
    // With the field closed, nothing goes on saying the date is wrong.
    assert!(!h.screen(100, 30).contains("in the past"));
    assert_eq!(h.status(), "");
    // q typed into the field is text, not quit.
    h.press("iq");
    assert!(!h.app.should_quit());
}

#[test]
fn tomorrow_and_today_read_naturally() {
    let mut h = Harness::new();
    h.set_interview("2026-11-24");
    assert!(h.screen(80, 24).contains("Interview tomorrow"));
    h.set_interview("2026-11-23");
    let s = h.screen(80, 24);
    assert!(s.contains("Interview today"), "{s}");
    assert!(s.contains("Next: Interview today"), "{s}");
    // Whole at 80 columns, and advice rather than a claim that no card is due.
    assert!(
        s.contains("Today: your interview: let the cards wait and reread your stories."),
        "{s}"
    );
}

#[test]
fn facts_from_cards_and_stories_show_when_the_app_provides_them() {
    let mut h = Harness::new();
    let s = h.screen(120, 40);
    assert!(
        s.contains("Cards due now 0"),
        "counts come from the (empty) review history: {s}"
    );
    // Earlier sessions: three cards forgotten ten days ago (due again since), two known well two
    // weeks ago (due tomorrow), and a story that shows teamwork.
    let mut h = h.restart_after(|dir| {
        let ids = common::data::question_ids();
        let ago = |days| fixed_now() - Duration::days(days);
        common::data::grade_all_at(dir, &ids[..3], Grade::Again, ago(10));
        for due in common::data::grade_all_at(dir, &ids[3..5], Grade::Easy, ago(14)) {
            let due = chrono::DateTime::from_timestamp_millis(due.due_ms).unwrap();
            assert_eq!(
                due.date_naive(),
                (fixed_now() + Duration::days(1)).date_naive()
            );
        }
        common::data::finished_stories(dir, &["teamwork"]);
    });
    h.set_interview("2026-12-07");
    let s = h.screen(120, 40);
    // The three forgotten cards; the chart below counts them in today's bar.
    assert!(s.contains("Cards due now 3"), "{s}");
    assert!(s.contains("Competencies covered 1/"), "{s}");
    // With an interview date the plan names the next step: 21 new cards (244 unseen over 12 days)
    // plus the 3 due.
    assert!(s.contains("Next: study 24 cards of “My interview”"), "{s}");
    assert!(
        !s.contains("Study some cards"),
        "the due chart has bars now: {s}"
    );
    // The bars: three due today, two tomorrow, labelled with the day of the month.
    assert!(s.contains("█3█ █2█"), "{s}");
    assert!(s.contains("23  24  25"), "{s}");
}

#[test]
fn the_next_step_moves_on_as_the_user_does_things() {
    // Five finished stories that show the four core competencies: the plan asks for no more.
    let dir = tempfile::tempdir().unwrap();
    common::data::finished_stories(
        dir.path(),
        &[
            "teamwork",
            "problem-solving",
            "patient-care",
            "admin-organization",
            "safety",
        ],
    );
    let mut h = Harness::in_dir(dir);
    h.set_interview("2026-12-07");
    // Today's plan comes first: the paced new cards, and s starts them.
    let s = h.screen(100, 30);
    assert!(
        s.contains("Next: study 22 cards of “My interview”"),
        "243 cards over 12 days: {s}"
    );
    h.press("s");
    assert_eq!(h.app.tab(), Tab::Cards);
    assert!(h.screen(100, 30).contains("0 of 22 cards done"));
    // Easy on each new card puts it days away, so none is due again today.
    for _ in 0..22 {
        h.press("<space>4");
    }
    h.app.update(Action::GoTo(Tab::Home));
    // Cards and stories done, practice is next: the plan says so in its own words.
    assert!(
        h.screen(100, 30)
            .contains("Next: a timed practice round, out loud."),
        "{}",
        h.screen(100, 30)
    );
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("<enter>");
    // One answer and away is a start, not the day's round: Home still says to practice.
    h.advance(30);
    h.press("<space><enter><esc>");
    h.app.update(Action::GoTo(Tab::Home));
    assert!(
        h.screen(100, 30)
            .contains("Next: a timed practice round, out loud."),
        "{}",
        h.screen(100, 30)
    );
    // Three answers (the shortest round there is) make it practice done.
    h.app.update(Action::GoTo(Tab::Practice));
    let answers = |h: &Harness| {
        h.app
            .data()
            .rounds()
            .round
            .last()
            .map_or(0, |r| r.answer.len())
    };
    for _ in 0..20 {
        if answers(&h) >= 3 {
            break;
        }
        h.press("<enter>");
        h.advance(30);
        h.press("<space><enter>");
    }
    assert!(answers(&h) >= 3, "{}", h.screen(100, 30));
    h.press("<esc>");
    h.app.update(Action::GoTo(Tab::Home));
    assert!(h.screen(100, 30).contains("practice done"));
    // The answers rated Again sent their cards back for today: s studies them (from the last
    // session's summary, still open on Cards), Easy.
    if h.screen(100, 30).contains("Next: study") {
        h.press("s");
        assert!(
            h.screen(100, 30).contains(" · review 1 "),
            "{}",
            h.screen(100, 30)
        );
        for _ in 0..5 {
            h.press("<space>4");
        }
        h.app.update(Action::GoTo(Tab::Home));
    }
    // With nothing left in the plan, the next-step rule takes over: the checklist.
    let s = h.screen(100, 30);
    assert!(
        s.contains("Next: Research the clinic (from your checklist below)."),
        "{s}"
    );
    h.press("<space>");
    assert!(
        h.screen(100, 30)
            .contains("Next: Match your experience to the job posting (from")
    );
}

#[test]
fn practice_rounds_show_on_the_heatmap_and_the_answer_time_trend() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ROUNDS_FILE);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        "[[round]]\nstarted = \"2026-11-23T08:00:00Z\"\ntarget_seconds = 120\n\
         [[round.answer]]\nquestion = \"q\"\nseconds = 95\ngrade = \"good\"\n\
         rubric = { structure = true, said_i = true, result = false, in_time = true }\n",
    )
    .unwrap();
    let mut h = Harness::in_dir(dir);
    let buf = h.render(120, 40);
    let text = common::buffer_text(&buf);
    assert!(text.contains("Study days: 1 in 16 weeks"), "{text}");
    assert!(text.contains("last 01:35 / 02:00"), "{text}");
    assert!(
        text.contains("1 Good"),
        "the last round's grades show: {text}"
    );
    // Today (Monday 23 Nov) is the top cell of the heatmap's last column, fully shaded.
    let (x, y) = find(&buf, "M ").expect("weekday labels");
    let last = x + 2 + 2 * 15;
    assert_eq!(buf[(last, y)].symbol(), "█", "{text}");
    assert_eq!(buf[(last - 2, y)].symbol(), "·");
}

#[test]
fn enter_opens_the_whole_item_and_esc_closes_it() {
    let mut h = Harness::new();
    h.press("<enter>");
    assert!(h.screen(80, 24).contains("Not done yet. Space ticks it."));
    h.press("<space>");
    assert!(h.screen(80, 24).contains("Done. Space unticks it."));
    h.press("<esc><right><enter>");
    assert!(
        h.screen(80, 24)
            .contains("Space stars it for your one-page summary.")
    );
    h.press("<esc>");
    assert!(
        !h.screen(80, 24)
            .contains("Space stars it for your one-page summary.")
    );
}

#[test]
fn home_views_match_their_snapshots() {
    let mut h = Harness::new();
    let dir = h.dir.path().display().to_string();
    let mut shots = Vec::new();
    for (w, ht) in [(80, 24), (120, 40)] {
        shots.push((
            format!("empty_{w}x{ht}"),
            h.screen(w, ht).replace(&dir, "[DATA]"),
        ));
    }
    // A fuller history, written while the app is closed: new cards learnt on eight days over two
    // months (Easy brings them back about 15 days later) and three stories, two showing a
    // competency.
    h = h.restart_after(|dir| {
        let ids = common::data::question_ids();
        let mut next = 0;
        for days_ago in [60i64, 31, 30, 9, 5, 2, 1, 0] {
            let n = 3 + days_ago as usize % 7;
            let when = fixed_now() - Duration::days(days_ago) - Duration::hours(1);
            common::data::grade_all_at(dir, &ids[next..next + n], Grade::Easy, when);
            next += n;
        }
        common::data::finished_stories(dir, &["teamwork", "safety", "night shift"]);
    });
    h.set_interview("2026-12-07");
    h.app.update(Action::GoTo(Tab::Practice));
    h.press("<enter>");
    for secs in [95, 130, 70] {
        h.advance(secs);
        h.press("<space>12<enter>");
        // The mock interview may follow an answer up; skip it to keep three graded answers.
        if h.screen(80, 24).contains("Follow-up") {
            h.press("<esc>n");
        }
    }
    h.app.update(Action::GoTo(Tab::Home));
    h.press("<space>jj<space><right><space>");
    for (w, ht) in [(80, 24), (120, 40)] {
        shots.push((
            format!("filled_{w}x{ht}"),
            h.screen(w, ht).replace(&dir, "[DATA]"),
        ));
    }
    for (name, screen) in shots {
        insta::assert_snapshot!(name, screen);
    }
}

#[test]
fn a_failed_save_is_shown_retried_at_quit_and_quit_waits_once() {
    let mut h = Harness::new();
    let dir = h.dir.path().to_path_buf();
    // Something replaced the data folder with a file: every save fails.
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::write(&dir, "not a folder").unwrap();
    h.press("<space>");
    let s = h.screen(120, 40);
    assert!(s.contains("Not saved: "), "{s}");
    assert!(
        s.contains("[x] Research the clinic"),
        "the tick is kept in memory: {s}"
    );
    h.press("q");
    assert!(
        !h.app.should_quit(),
        "the first quit stops to say the data is not saved"
    );
    assert!(
        h.screen(120, 40)
            .contains("Press q again (Ctrl-C in a text box) to quit anyway. Not saved: ")
    );

    // The folder is back: the next quit saves the tick and closes.
    std::fs::remove_file(&dir).unwrap();
    std::fs::create_dir(&dir).unwrap();
    h.press("q");
    assert!(h.app.should_quit());
    assert_eq!(
        marks(&h, MarkKind::Checklist),
        vec!["step-research-clinic".to_string()]
    );
}

#[test]
fn a_second_quit_goes_ahead_even_if_saving_still_fails() {
    let mut h = Harness::new();
    let dir = h.dir.path().to_path_buf();
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::write(&dir, "not a folder").unwrap();
    h.press("<space>qq");
    assert!(h.app.should_quit());
    std::fs::remove_file(&dir).unwrap();
    std::fs::create_dir(&dir).unwrap();
}

/// The header counts the cards due now; the 14-day chart counts every card due in a day, so a card
/// forgotten a minute ago is in today's bar but not yet in the header. The label says "now", so the
/// two numbers never seem to disagree.
#[test]
fn the_header_counts_cards_due_now_and_says_so() {
    let mut h = Harness::new();
    h.app.update(Action::GoTo(Tab::Cards));
    h.press("<enter><space>1<esc>");
    h.app.update(Action::GoTo(Tab::Home));
    let s = h.screen(160, 50);
    assert!(s.contains("Cards due now 0"), "{s}");
    assert!(!s.contains("due today"), "{s}");
    h.advance(600);
    h.app.update(Action::GoTo(Tab::Home));
    assert!(h.screen(160, 50).contains("Cards due now 1"));
}

/// On day one the due chart says no card has been studied yet, not "nothing due", which would
/// read as nothing to do; once a card is graded, the day it comes back has a bar.
#[test]
fn the_due_chart_tells_a_new_user_what_it_will_show() {
    let mut h = Harness::new();
    let s = h.screen(120, 40);
    assert!(s.contains("No cards studied yet"), "{s}");
    assert!(!s.contains("Nothing due"), "{s}");
    h.app.update(Action::GoTo(Tab::Cards));
    h.press("<enter><space>3<esc>");
    h.app.update(Action::GoTo(Tab::Home));
    let s = h.screen(120, 40);
    assert!(!s.contains("No cards studied yet"), "{s}");
    assert!(!s.contains("Nothing due"), "{s}");
    assert!(s.contains("█1█"), "one card back today: {s}");
}

/// Today's plan names all three steps whole at 80×24: where the line is too long, the count of
/// unseen cards gives way, not "practice after a story". Wider, the count is there too.
#[test]
fn todays_plan_keeps_its_three_steps_whole_on_a_small_window() {
    let mut h = Harness::new();
    h.set_interview("2026-12-03");
    let today = |s: &str| {
        s.lines()
            .find(|l| l.starts_with(" Today:"))
            .unwrap_or_default()
            .to_string()
    };
    let small = today(&h.screen(80, 24));
    assert!(
        small.contains("story:") && small.ends_with("practice after a story"),
        "{small}"
    );
    assert!(!small.contains('…') && !small.contains("unseen"), "{small}");
    let wide = today(&h.screen(120, 40));
    assert!(
        wide.contains("unseen") && wide.contains("practice after a story"),
        "{wide}"
    );
}

/// After Enter on a date that does not read, the box keeps it offered for replacing: the date typed
/// next takes its place whole (no erasing it key by key), and Backspace still edits it instead.
#[test]
fn a_date_that_did_not_read_is_replaced_by_the_next_one_typed() {
    let mut h = Harness::new();
    // November 26, 2026 is a Thursday, not a Friday.
    h.press("i").type_text("Friday, Nov 26").press("<enter>");
    assert!(
        h.status().contains("is a Thursday, not a Friday"),
        "{}",
        h.status()
    );
    h.type_text("Nov 30").press("<enter>");
    assert_eq!(
        h.app.data().interview(),
        NaiveDate::from_ymd_opt(2026, 11, 30)
    );
    // Backspace first keeps the text to edit: two letters off "Friday, Nov 26" and "27" typed.
    h.press("i").type_text("Friday, Nov 26").press("<enter>");
    h.press("<bs><bs>").type_text("27").press("<enter>");
    assert_eq!(
        h.app.data().interview(),
        NaiveDate::from_ymd_opt(2026, 11, 27)
    );
}

/// A user walk at 60 columns read "Next: study 54 cards of “My … Press s to start.": the deck's
/// name gives way first, so the line still reads.
#[test]
fn a_narrow_next_line_drops_the_decks_name_before_cutting_words() {
    let mut h = Harness::new();
    h.set_interview("2026-12-20");
    let wide = h.screen(120, 30);
    assert!(wide.contains("of “My interview”, about"), "{wide}");
    let narrow = h.screen(60, 16);
    let next = narrow
        .lines()
        .find(|l| l.contains("Next:"))
        .unwrap_or_else(|| panic!("{narrow}"));
    assert!(!next.contains('…'), "{next}");
    assert!(
        next.contains("cards, about") && next.contains("Press s"),
        "{next}"
    );
}

/// A persona walk's last evening before the interview showed only cards and practice in Today.
/// The day before, the one-page sheet is part of the day until its checklist step is ticked.
#[test]
fn the_day_before_the_interview_today_names_the_sheet_until_it_is_made() {
    let tomorrow = (common::fixed_now() + chrono::Duration::days(1))
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let mut h = Harness::new();
    h.set_interview(&tomorrow);
    let s = h.screen(120, 40);
    let today = s
        .lines()
        .find(|l| l.contains("Today:"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(today.contains("sheet (o)"), "{today}");
    assert!(
        today.contains("no story today"),
        "none written, none done: {today}"
    );
    let narrow = h.screen(80, 24);
    assert!(
        narrow.contains("· sheet (o)"),
        "at 80 columns too: {narrow}"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("checklist.toml"),
        "done = [\"step-summary\"]\n",
    )
    .unwrap();
    let mut made = Harness::in_dir(dir);
    made.set_interview(&tomorrow);
    let s = made.screen(120, 40);
    assert!(!s.contains("sheet (o)"), "{s}");
    let mut later = Harness::new();
    later.set_interview("2026-12-20");
    assert!(!later.screen(120, 40).contains("sheet (o)"));
}

/// A walk at 80×24 read "2 Good · 1 Hard" under Answer time, and at 120×40 "· 1 Again": where
/// the grades do not all fit, the weakest show first.
#[test]
fn a_narrow_answer_time_panel_shows_the_weakest_grades_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ROUNDS_FILE);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let answer = |grade: &str| {
        format!(
            "[[round.answer]]\nquestion = \"q\"\nseconds = 95\ngrade = \"{grade}\"\n\
             rubric = {{ structure = true, said_i = true, result = false, in_time = true }}\n"
        )
    };
    let mut text =
        "[[round]]\nstarted = \"2026-11-23T08:00:00Z\"\ntarget_seconds = 120\n".to_string();
    for g in ["good", "good", "hard", "again"] {
        text.push_str(&answer(g));
    }
    std::fs::write(&path, text).unwrap();
    let mut h = Harness::in_dir(dir);
    let narrow = h.screen(80, 24);
    assert!(narrow.contains("1 Again"), "{narrow}");
    let wide = h.screen(160, 50);
    assert!(
        wide.contains("2 Good · 1 Hard · 1 Again"),
        "in order where all fit: {wide}"
    );
}

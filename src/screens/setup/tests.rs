//! The set-up's steps as a newcomer walks them: lists, dates, text, going back and closing.

use super::*;
use crate::kit::fixture::Fixture;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_795_424_400, 0).unwrap()
}

fn typed(s: &str) -> Vec<Action> {
    s.chars()
        .map(|c| Action::Edit(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
        .collect()
}

fn new_setup(f: &Fixture) -> Setup {
    let d = &f.data;
    Setup::new(
        d.library(),
        d.profile(),
        d.interview(),
        d.certifications(),
        true,
        f.view().today,
    )
}

#[test]
fn enter_through_every_step_saves_the_profile() {
    let mut f = Fixture::new(now());
    let mut s = new_setup(&f);
    // PT aide is first: Enter with nothing ticked takes the highlighted role.
    f.update(&mut s, &[Action::Select]);
    assert_eq!(s.step, Step::Date);
    f.update(&mut s, &typed("2026-12-03"));
    f.update(&mut s, &[Action::Select]);
    // Each list opens on "skip", its last row. Outpatient is first; CNA/caregiver is the
    // third background.
    f.update(&mut s, &vec![Action::Up; Setting::ALL.len()]);
    f.update(&mut s, &[Action::Select]);
    f.update(&mut s, &vec![Action::Up; Background::ALL.len() - 2]);
    f.update(&mut s, &[Action::Select]);
    assert_eq!(s.step, Step::Name);
    f.update(&mut s, &typed("  Maria López "));
    f.update(&mut s, &[Action::Select]);
    f.update(&mut s, &typed("Riverside Ortho"));
    f.update(&mut s, &[Action::Select]);
    f.update(&mut s, &typed("CNA, CPR/BLS"));
    f.update(&mut s, &[Action::Select]);
    assert_eq!(s.step, Step::Review);
    f.update(&mut s, &[Action::Select]);
    assert_eq!(s.done, Some(Done::Closed));
    let p = f.data.profile();
    assert_eq!(p.roles, [Id::new("pt-aide")]);
    assert_eq!(p.setting, Some(Setting::Outpatient));
    assert_eq!(p.background, Some(Background::CnaCaregiver));
    assert_eq!(p.name, "Maria López", "trimmed, accents kept");
    assert_eq!(p.employer, "Riverside Ortho");
    assert!(p.set_up);
    assert_eq!(f.data.interview(), "2026-12-03".parse().ok());
    assert_eq!(f.data.certifications(), ["CNA", "CPR/BLS"]);
    let text = std::fs::read_to_string(f.data.paths().config_file.clone()).unwrap();
    assert!(text.contains("roles = [\"pt-aide\"]"), "{text}");
    assert!(text.contains("interview_date = 2026-12-03"), "{text}");
    assert!(text.contains("name = \"Maria López\""), "{text}");
    assert_eq!(
        f.data.reviews().and_then(|r| r.settings().interview),
        "2026-12-03".parse().ok(),
        "the schedule now limits intervals to the date"
    );
}

#[test]
fn esc_skips_at_once_and_is_not_offered_again() {
    let mut f = Fixture::new(now());
    let mut s = new_setup(&f);
    f.update(&mut s, &[Action::Back]);
    assert_eq!(s.done, Some(Done::Closed));
    assert!(f.data.profile().set_up);
    assert!(f.data.profile().roles.is_empty());
}

#[test]
fn a_bad_date_stops_the_step_and_back_goes_back() {
    let mut f = Fixture::new(now());
    let mut s = new_setup(&f);
    f.update(&mut s, &[Action::Down, Action::Toggle, Action::Select]);
    f.update(&mut s, &typed("next week"));
    f.update(&mut s, &[Action::Select]);
    assert_eq!(s.step, Step::Date);
    assert!(
        f.status
            .as_ref()
            .is_some_and(|s| s.text.contains("not a date"))
    );
    f.update(&mut s, &[Action::PrevStep]);
    assert_eq!(s.step, Step::Roles);
    assert_eq!(s.chosen_roles(f.data.library()), [Id::new("pta")]);
}

#[test]
fn not_sure_opens_the_role_fit_guide() {
    let mut f = Fixture::new(now());
    let mut s = new_setup(&f);
    let last = s.list_len() - 1;
    for _ in 0..last {
        f.update(&mut s, &[Action::Down]);
    }
    f.update(&mut s, &[Action::Toggle, Action::Back]);
    assert_eq!(s.done, Some(Done::OpenFit));
    assert!(f.data.profile().roles.is_empty());
}

#[test]
fn home_and_end_jump_to_the_first_and_last_line() {
    let mut f = Fixture::new(now());
    let mut s = new_setup(&f);
    f.update(&mut s, &[Action::Bottom]);
    assert_eq!(s.cursor, s.list_len() - 1);
    f.update(&mut s, &[Action::Top]);
    assert_eq!(s.cursor, 0);
}

/// A persona walk saw "(•) Not sure, or skip" while the highlight sat on "Outpatient clinic" and
/// Enter took the highlight. On a one-choice step the mark follows the highlight, so what shows
/// marked is what is saved, by Enter or by Esc.
#[test]
fn on_a_one_choice_step_the_mark_follows_the_highlight() {
    let mut f = Fixture::new(now());
    let mut s = new_setup(&f);
    f.update(&mut s, &[Action::Select, Action::Select]);
    assert_eq!(s.step, Step::Setting);
    assert_eq!(s.setting, None, "opens on skip");
    f.update(&mut s, &[Action::Top]);
    assert_eq!(s.setting, Some(Setting::ALL[0]));
    f.update(&mut s, &[Action::Down]);
    assert_eq!(s.setting, Some(Setting::ALL[1]));
    f.update(&mut s, &[Action::Bottom]);
    assert_eq!(s.setting, None, "the last row is skip");
    f.update(&mut s, &[Action::Up]);
    f.update(&mut s, &[Action::Back]);
    assert_eq!(
        f.data.profile().setting,
        Setting::ALL.last().copied(),
        "Esc saves what is marked"
    );
}

/// A regression walk, back in the set-up after the interview day, could not get past the date
/// step ("is in the past") without typing a new date, and Esc said the date was not saved. A
/// date left as it was is kept as it was; a new past date is still refused.
#[test]
fn a_past_date_left_as_it_was_does_not_block_the_set_up() {
    let mut f = Fixture::new(now());
    let past = f.view().today - chrono::Days::new(3);
    // Set a week before, when the date was ahead.
    f.now = now() - chrono::Duration::days(7);
    let mut s = new_setup(&f);
    f.update(&mut s, &[Action::Select]);
    f.update(&mut s, &typed(&past.format("%Y-%m-%d").to_string()));
    f.update(&mut s, &[Action::Select, Action::Back]);
    assert_eq!(f.data.interview(), Some(past));
    f.now = now();
    let mut s = new_setup(&f);
    f.update(&mut s, &[Action::Select]);
    assert_eq!(s.step, Step::Date);
    f.update(&mut s, &[Action::Select]);
    assert_eq!(s.step, Step::Setting, "the past date as it was goes on");
    f.update(&mut s, &[Action::Back]);
    assert_eq!(f.data.interview(), Some(past), "and is kept");
    let said = f
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(!said.contains("not the date"), "{said}");
    // A past date typed anew is still refused.
    let mut s = new_setup(&f);
    f.update(&mut s, &[Action::Select]);
    f.update(
        &mut s,
        &typed(&(past - chrono::Days::new(1)).format("%Y-%m-%d").to_string()),
    );
    f.update(&mut s, &[Action::Select]);
    assert_eq!(s.step, Step::Date, "{:?}", f.status);
}

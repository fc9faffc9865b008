//! Tests of the starter introduction: every background and role gets a draft the coaching calls
//! well shaped, the right length, and about this job.

use super::*;
use crate::domain::content::Id;
use crate::domain::sheet::intro::{IntroFinding, coach};

fn lib() -> Library {
    Library::builtin()
}

/// The words the Sheet screen checks the job is named by: each role's names and the employer.
fn job_words(p: &Profile, lib: &Library) -> Vec<String> {
    let mut out = Vec::new();
    for id in &p.roles {
        if let Some(r) = lib.role(id) {
            out.push(r.short.clone());
            out.push(r.name.clone());
            out.extend(r.also_called.iter().cloned());
        }
    }
    if !p.employer.is_empty() {
        out.push(p.employer.clone());
    }
    out
}

/// Every profile the set-up can make: each background (or none), each role (or none), with and
/// without an employer.
fn profiles(lib: &Library) -> Vec<Profile> {
    let mut roles: Vec<Vec<Id>> = lib.roles.iter().map(|r| vec![r.id.clone()]).collect();
    roles.push(Vec::new());
    let mut out = Vec::new();
    for background in Background::ALL.map(Some).into_iter().chain([None]) {
        for roles in &roles {
            for employer in ["Lakeside Orthopedic PT", ""] {
                out.push(Profile {
                    roles: roles.clone(),
                    employer: employer.into(),
                    background,
                    ..Profile::default()
                });
            }
        }
    }
    out
}

#[test]
fn every_starter_has_the_shape_and_length_the_coaching_asks_for() {
    let lib = lib();
    for p in profiles(&lib) {
        let text = starter(&p, &lib);
        let c = coach(&text, 140, &job_words(&p, &lib), &[]);
        let found: Vec<&IntroFinding> = c.insights.iter().map(|i| &i.finding).collect();
        assert!(
            found.contains(&&IntroFinding::ClearShape),
            "{p:?}\n{text}\n{found:?}"
        );
        assert!(
            (c.target.0..=c.target.1).contains(&c.words),
            "{} words, want {:?}: {p:?}\n{text}",
            c.words,
            c.target
        );
        if p.has_focus() || !p.employer.is_empty() {
            assert!(
                !found
                    .iter()
                    .any(|f| matches!(f, IntroFinding::NameTheJob(_))),
                "{p:?}\n{text}"
            );
        }
        // What only the user knows is left blank, and the coaching says so first.
        let n = blanks(&text).len();
        assert!(
            n >= 1 && blanks(&text).iter().all(|b| !b.trim().is_empty()),
            "{text}"
        );
        assert_eq!(c.insights[0].finding, IntroFinding::Blanks(n), "{text}");
    }
}

#[test]
fn the_persona_gets_a_cna_draft_for_the_pt_aide_job_at_their_clinic() {
    let lib = lib();
    let p = Profile {
        roles: vec![Id::new("pt-aide")],
        employer: "Lakeside Orthopedic PT".into(),
        background: Some(Background::CnaCaregiver),
        ..Profile::default()
    };
    let text = starter(&p, &lib);
    assert!(
        text.starts_with("I'm a CNA at [where you work now]"),
        "{text}"
    );
    assert!(
        text.contains("I want to work as a PT aide at Lakeside Orthopedic PT because"),
        "{text}"
    );
    let q = Profile {
        roles: vec![Id::new("ota")],
        background: Some(Background::AideMovingUp),
        ..Profile::default()
    };
    let text = starter(&q, &lib);
    assert!(text.starts_with("I'm an OT aide at"), "{text}");
    assert!(text.contains("as an OTA here because"), "{text}");
}

#[test]
fn blanks_are_what_sits_between_brackets() {
    assert_eq!(blanks("I'm a [job] at [place]."), ["job", "place"]);
    assert!(blanks("No blanks here.").is_empty());
    assert!(blanks("An open [bracket only").is_empty());
    assert_eq!(blanks("[] and [x"), [""], "an empty pair is still a blank");
}

#[test]
fn a_sheet_printed_with_blanks_left_says_so() {
    use crate::domain::sheet::{Inputs, SheetChoices, build};
    let lib = lib();
    let profile = Profile {
        roles: vec![Id::new("pt-aide")],
        background: Some(Background::CnaCaregiver),
        ..Profile::default()
    };
    let sheet_with = |intro: String| {
        let choices = SheetChoices {
            intro,
            ..SheetChoices::default()
        };
        build(&Inputs {
            profile: &profile,
            interview_date: None,
            certifications: &[],
            lib: &lib,
            stories: &[],
            starred: &[],
            choices: &choices,
        })
    };
    let note = |s: &crate::domain::sheet::Sheet| {
        s.notes.iter().find(|n| n.contains("[brackets]")).cloned()
    };
    let draft = starter(&profile, &lib);
    let sheet = sheet_with(draft.clone());
    assert_eq!(
        note(&sheet).as_deref(),
        Some(
            "Your introduction still has parts in [brackets] from the starter: fill them in before you print."
        )
    );
    let filled = draft
        .replace("[where you work now]", "Maple Grove")
        .replace("[who you care for]", "older residents")
        .replace("[how many]", "six");
    assert_eq!(note(&sheet_with(filled)), None);
}

/// A user walk: a home health aide's starter began "I'm a CNA", and would have gone on the sheet.
#[test]
fn a_home_care_aide_is_never_called_a_cna() {
    let lib = lib();
    let p = Profile {
        roles: vec![Id::new("ot-aide")],
        background: Some(Background::HomeCareAide),
        ..Profile::default()
    };
    let text = starter(&p, &lib);
    assert!(text.starts_with("I'm a home health aide"), "{text}");
    assert!(!text.contains("CNA") && !text.contains("nurs"), "{text}");
}

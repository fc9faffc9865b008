//! Coverage's rules: which stories show which skills, and the advice on what is missing.

use super::*;
use crate::domain::content::Category;
use chrono::{TimeZone, Utc};

fn comp(id: &str, name: &str, core: bool) -> Competency {
    Competency {
        id: Id::new(id),
        name: name.into(),
        description: String::new(),
        core,
        signals: Vec::new(),
    }
}

fn question(id: &str, behavioural: bool) -> Question {
    Question {
        id: Id::new(id),
        text: format!("Question {id}?"),
        roles: vec![],
        category: Category::Teamwork,
        competencies: vec![],
        looking_for: String::new(),
        outline: vec![],
        pitfalls: vec![],
        pitfall_words: vec![],
        behavioural,
        kind: None,
        source: None,
    }
}

fn story(id: &str, tags: &[&str], questions: &[&str]) -> Story {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut s = Story::new(StoryId::from_stem(id).unwrap(), id, now);
    s.tags = tags.iter().map(|t| t.to_string()).collect();
    s.questions = questions.iter().map(|q| Id::new(*q)).collect();
    s
}

fn comps() -> Vec<Competency> {
    vec![
        comp("communication", "Communication", false),
        comp("teamwork", "Teamwork", true),
        comp("patient-care", "Patient care", true),
        comp("empathy", "Empathy", false),
    ]
}

#[test]
fn builtin_content_flags_the_four_core_competencies_first() {
    let lib = Library::builtin();
    let c = Coverage::from_library(&lib, &[]);
    let core: Vec<&str> = c
        .rows
        .iter()
        .filter(|r| r.core)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        core,
        [
            "teamwork",
            "problem-solving",
            "patient-care",
            "admin-organization"
        ]
    );
    assert!(c.rows[..4].iter().all(|r| r.core), "core rows come first");
    assert_eq!(c.rows.len(), lib.competencies.len());
    assert_eq!(c.uncovered().count(), c.rows.len());
    assert_eq!(c.unanswered.len(), lib.questions.len());
}

#[test]
fn tags_match_ids_or_names_ignoring_case_accents_and_separators() {
    for tag in [
        "patient-care",
        "Patient care",
        "PATIENT_CARE",
        "  patient   care ",
        "Pátient Care!",
    ] {
        let s = story("a", &[tag], &[]);
        let c = Coverage::new(&comps(), &[], &[&s]);
        let got: Vec<&str> = c.competencies_of(0).iter().map(|r| r.id.as_str()).collect();
        assert_eq!(got, ["patient-care"], "{tag:?}");
    }
    for tag in ["patient", "care", "patientcare", "patient-care-plan"] {
        let s = story("a", &[tag], &[]);
        let c = Coverage::new(&comps(), &[], &[&s]);
        assert!(c.competencies_of(0).is_empty(), "{tag:?}");
    }
}

#[test]
fn grid_has_a_column_per_story_and_finds_the_gaps() {
    let a = story("a", &["teamwork", "Communication", "free text"], &[]);
    let b = story("b", &["TEAMWORK"], &[]);
    let c = Coverage::new(&comps(), &[], &[&a, &b]);
    assert_eq!(c.stories, [a.id.clone(), b.id.clone()]);
    let rows: Vec<(&str, bool, Vec<bool>)> = c
        .rows
        .iter()
        .map(|r| (r.id.as_str(), r.core, r.covered_by.clone()))
        .collect();
    assert_eq!(
        rows,
        [
            ("teamwork", true, vec![true, true]),
            ("patient-care", true, vec![false, false]),
            ("communication", false, vec![true, false]),
            ("empathy", false, vec![false, false]),
        ]
    );
    assert_eq!(c.rows[0].count(), 2);
    let uncovered: Vec<&str> = c.uncovered().map(|r| r.id.as_str()).collect();
    assert_eq!(uncovered, ["patient-care", "empathy"]);
    let core: Vec<&str> = c.core_uncovered().map(|r| r.id.as_str()).collect();
    assert_eq!(core, ["patient-care"]);
    assert!(
        c.competencies_of(7).is_empty(),
        "out of range is empty, not a panic"
    );
}

#[test]
fn a_linked_question_counts_for_the_competencies_it_probes() {
    let mut q = question("q-time-team", true);
    q.competencies = vec![Id::new("teamwork"), Id::new("empathy")];
    let a = story("a", &["patient-care"], &["q-time-team", "q-gone"]);
    let c = Coverage::new(&comps(), &[q], &[&a]);
    let got: Vec<&str> = c.competencies_of(0).iter().map(|r| r.id.as_str()).collect();
    assert_eq!(got, ["teamwork", "patient-care", "empathy"]);
    assert!(c.gaps().is_empty(), "{:?}", c.gaps());
}

#[test]
fn gaps_are_core_competencies_then_behavioural_questions() {
    let qs = [question("q-why", false), question("q-time", true)];
    let c = Coverage::new(&comps(), &qs, &[]);
    assert_eq!(
        c.gaps(),
        [
            Gap::Competency(Id::new("teamwork")),
            Gap::Competency(Id::new("patient-care")),
            Gap::Question(Id::new("q-time")),
        ]
    );
}

#[test]
fn questions_linked_by_any_story_are_answered() {
    let qs = [
        question("q-why", false),
        question("q-time-team", true),
        question("q-time-upset", true),
        question("q-scope", false),
    ];
    let a = story("a", &[], &["q-time-team", "q-not-in-bank"]);
    let b = story("b", &[], &["q-scope"]);
    let c = Coverage::new(&[], &qs, &[&a, &b]);
    assert_eq!(
        c.unanswered,
        [
            OpenQuestion {
                id: Id::new("q-time-upset"),
                behavioural: true
            },
            OpenQuestion {
                id: Id::new("q-why"),
                behavioural: false
            },
        ]
    );
    let behavioural: Vec<&str> = c.unanswered_behavioural().map(Id::as_str).collect();
    assert_eq!(behavioural, ["q-time-upset"]);
}

#[test]
fn advice_names_what_is_missing_and_goes_quiet_when_done() {
    let qs = [question("q-time", true)];
    let c = Coverage::new(&comps(), &qs, &[]);
    assert_eq!(
        c.advice(),
        [
            "You have 0 stories: aim for 4–6 that together show Teamwork and Patient care.",
            "No story shows Teamwork yet: tag a story “teamwork” or write one about it.",
            "No story shows Patient care yet: tag a story “patient-care” or write one about it.",
            "1 behavioral question has no story yet: link one to a story, or write a new one.",
        ]
    );
    let s = [
        story("a", &["teamwork"], &["q-time"]),
        story("b", &["patient care"], &[]),
        story("c", &[], &[]),
        story("d", &[], &[]),
    ];
    let refs: Vec<&Story> = s.iter().collect();
    assert!(Coverage::new(&comps(), &qs, &refs).advice().is_empty());
    let one = Coverage::new(&[], &[], &refs[..1]);
    assert_eq!(one.advice(), ["You have 1 story: aim for 4–6."]);
}

proptest::proptest! {
    /// The grid says what its definition says, story by story and competency by competency:
    /// covered when one of the story's tags, or a competency a linked question probes, has the
    /// competency's id or name as its key. Two competencies may share a key; a story may
    /// repeat a tag.
    #[test]
    fn the_grid_is_its_definition(
        stories in proptest::collection::vec(
            (
                proptest::collection::vec("(Teamwork|patient_care|EMPATHY|care|x|patient-care|Empathy )", 0..4),
                proptest::collection::vec("q[0-3]", 0..3),
            ),
            0..8,
        )
    ) {
        let mut comps = comps();
        comps.push(comp("care", "Patient care", false));
        let mut questions: Vec<Question> = (0..4).map(|i| question(&format!("q{i}"), i % 2 == 0)).collect();
        questions[1].competencies = vec![Id::new("empathy")];
        questions[2].competencies = vec![Id::new("teamwork"), Id::new("care")];
        let stories: Vec<Story> = stories
            .iter()
            .enumerate()
            .map(|(i, (tags, qs))| {
                let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
                let qs: Vec<&str> = qs.iter().map(String::as_str).collect();
                story(&format!("2026-11-2{i}-s"), &tags, &qs)
            })
            .collect();
        let refs: Vec<&Story> = stories.iter().collect();
        let grid = Coverage::new(&comps, &questions, &refs);
        let order: Vec<&Competency> = comps.iter().filter(|c| c.core).chain(comps.iter().filter(|c| !c.core)).collect();
        proptest::prop_assert_eq!(grid.rows.len(), order.len());
        for (row, c) in grid.rows.iter().zip(&order) {
            proptest::prop_assert_eq!(&row.id, &c.id);
            for (j, s) in stories.iter().enumerate() {
                let probed = s.questions.iter().filter_map(|q| questions.iter().find(|x| x.id == *q)).flat_map(|q| q.competencies.iter().map(|c| key(c.as_str())));
                let keys: Vec<String> = s.tags.iter().map(|t| key(t)).chain(probed).collect();
                let want = keys.contains(&key(c.id.as_str())) || keys.contains(&key(&c.name));
                proptest::prop_assert_eq!(row.covered_by[j], want, "{} / story {}", c.id, j);
            }
        }
    }
}

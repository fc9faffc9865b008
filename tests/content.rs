//! Built-in content meets its floors and checks; user content merges, and bad files are reported, not fatal.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use clinicprep::domain::content::{Category, GuideSection, Library};
use std::fs;

#[test]
fn builtin_content_loads_cleanly_and_meets_the_floors() {
    let lib = Library::builtin();
    assert!(
        lib.problems.is_empty(),
        "built-in content problems: {:#?}",
        lib.problems
    );
    assert_eq!(lib.roles.len(), 4);
    assert!(
        lib.questions.len() >= 80,
        "{} questions",
        lib.questions.len()
    );
    assert!(lib.facts.len() >= 60, "{} facts", lib.facts.len());
    assert!(lib.asks.len() >= 12);
    assert!(lib.steps.len() >= 10);
    assert!(lib.terms.len() >= 20);
    assert!(
        lib.facts.iter().filter(|f| f.correct.is_some()).count() >= 10,
        "some facts are multiple choice"
    );
    for c in Category::ALL {
        assert!(
            lib.questions.iter().any(|q| q.category == c),
            "no question in {c:?}"
        );
    }
}

#[test]
fn the_four_roles_come_in_order_with_every_section_and_sourced_figures() {
    let lib = Library::builtin();
    let ids: Vec<&str> = lib.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["pt-aide", "pta", "ot-aide", "ota"]);
    for r in &lib.roles {
        for s in GuideSection::ALL {
            assert!(
                r.section(s).split_whitespace().count() >= 40,
                "{} {} is thin",
                r.id,
                s.title()
            );
        }
        assert!(!r.figure.is_empty(), "{} has no figures", r.id);
        assert!(
            r.figure
                .iter()
                .all(|f| !f.source.is_empty() && !f.as_of.is_empty())
        );
        assert!(r.asks.len() >= 5);
    }
    let cert = |id: &str| {
        lib.roles
            .iter()
            .find(|r| r.id.as_str() == id)
            .unwrap()
            .certification
            .clone()
    };
    assert!(cert("pta").contains("NPTE"));
    assert!(cert("ota").contains("NBCOT") && cert("ota").contains("COTA"));
}

#[test]
fn user_content_is_merged_with_builtin() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("deck.toml"),
        "[[card]]\nid = \"my-1\"\ndeck = \"Mine\"\nfront = \"What is a gait belt for?\"\nback = \"Holding a patient safely.\"\n",
    )
    .unwrap();
    let lib = Library::load(Some(dir.path()));
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert_eq!(lib.cards.len(), 1);
    assert_eq!(lib.roles.len(), 4);
}

#[test]
fn a_bad_user_file_is_reported_with_path_and_line_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("good.toml"),
        "[[ask]]\nid = \"my-ask\"\ntext = \"Who trains new aides?\"\nwhy = \"Shows support.\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("bad.toml"),
        "[[ask]]\nid = \"x\"\ntext = \"unterminated\nwhy = \"y\"\n",
    )
    .unwrap();
    let lib = Library::load(Some(dir.path()));
    assert_eq!(lib.problems.len(), 1, "{:?}", lib.problems);
    let p = &lib.problems[0];
    assert!(p.path.ends_with("bad.toml"));
    assert_eq!(p.line, Some(3));
    assert!(lib.asks.iter().any(|a| a.id.as_str() == "my-ask"));
}

#[test]
fn unknown_fields_wrong_types_and_binary_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("typo.toml"),
        "[[ask]]\nid = \"a1\"\ntxt = \"oops\"\nwhy = \"w\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("types.toml"),
        "[[step]]\nid = 5\ntext = \"t\"\ndetail = \"d\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("binary.toml"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let lib = Library::load(Some(dir.path()));
    assert_eq!(lib.problems.len(), 3, "{:#?}", lib.problems);
    let typo = lib
        .problems
        .iter()
        .find(|p| p.path.ends_with("typo.toml"))
        .unwrap();
    assert!(typo.message.contains("txt"), "{typo}");
    assert_eq!(typo.line, Some(3));
    let bin = lib
        .problems
        .iter()
        .find(|p| p.path.ends_with("binary.toml"))
        .unwrap();
    assert!(bin.message.contains("UTF-8"));
}

#[test]
fn duplicate_ids_and_dangling_references_are_reported_with_lines() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[[question]]\nid = \"q-mine\"\ntext = \"Why this clinic?\"\nroles = [\"dentist\"]\ncategory = \"motivation\"\n\
competencies = [\"teamwork\"]\nlooking_for = \"fit\"\noutline = [\"say why\"]\npitfalls = [\"vague\"]\n\n\
[[ask]]\nid = \"ask-training\"\ntext = \"dup\"\nwhy = \"dup\"\n";
    fs::write(dir.path().join("mine.toml"), text).unwrap();
    let lib = Library::load(Some(dir.path()));
    let dangling = lib
        .problems
        .iter()
        .find(|p| p.message.contains("dentist"))
        .expect("dangling role reported");
    assert!(dangling.path.ends_with("mine.toml"), "{dangling}");
    assert_eq!(dangling.line, Some(2));
    if lib.asks.iter().any(|a| a.id.as_str() == "ask-training") {
        assert!(
            lib.problems
                .iter()
                .any(|p| p.message.contains("used twice")),
            "{:#?}",
            lib.problems
        );
        assert_eq!(
            lib.asks
                .iter()
                .filter(|a| a.id.as_str() == "ask-training")
                .count(),
            1
        );
    }
}

#[test]
fn control_characters_in_user_content_never_reach_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("evil.toml"),
        "[[card]]\nid = \"e1\"\ndeck = \"d\"\nfront = \"hi\\u001b[2Jthere\\u202e\"\nback = \"ok\\u0007\"\n",
    )
    .unwrap();
    let lib = Library::load(Some(dir.path()));
    assert_eq!(lib.cards[0].front, "hi[2Jthere");
    assert_eq!(lib.cards[0].back, "ok");
}

/// A competency's signals are shown in the story editor (the words that suggested a skill), so
/// they are cleaned like every other text.
#[test]
fn control_characters_in_a_competencys_signals_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("skills.toml"),
        "[[competency]]\nid = \"my-bilingual\"\nname = \"Bilingual\"\ndescription = \"x\"\n\
         signals = [\"span\\u001b[31mish\", \"interpreter\\u0007\"]\n",
    )
    .unwrap();
    let lib = Library::load(Some(dir.path()));
    let c = lib
        .competencies
        .iter()
        .find(|c| c.id.as_str() == "my-bilingual")
        .expect("the user's competency loads");
    assert_eq!(c.signals, ["span[31mish", "interpreter"]);
}

/// `pitfall_words` pairs with `pitfalls` one list a pitfall: more lists than pitfalls is said.
#[test]
fn more_pitfall_word_lists_than_pitfalls_is_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("q.toml"),
        "[[question]]\nid = \"my-q\"\ntext = \"Why?\"\ncategory = \"motivation\"\n\
         competencies = [\"teamwork\"]\nlooking_for = \"A reason.\"\noutline = [\"Say.\"]\n\
         pitfalls = [\"Rambling.\"]\npitfall_words = [[\"um\"], [\"uh\"]]\n",
    )
    .unwrap();
    let lib = Library::load(Some(dir.path()));
    assert!(
        lib.problems.iter().any(|p| p
            .message
            .contains("`pitfall_words` has 2 lists for 1 pitfalls")),
        "{:?}",
        lib.problems
    );
}

//! The phrasing rule table (`content/phrasing.toml`), rule by rule: every example a rule gives must be
//! marked by it, every counter-example left alone, and its first rewrite must read as the file says.
//! A reviewer who adds a rule with examples gets it tested here without writing code.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use clinicprep::domain::content::model::ContentFile;
use clinicprep::domain::content::phrasing::{PhrasingKind, PhrasingRule, StoryPart};
use clinicprep::domain::content::{Library, Problem};
use clinicprep::domain::stories::{Coach, Phrasing, Section};
use std::collections::HashSet;

fn table() -> Vec<PhrasingRule> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/content/phrasing.toml");
    let text = std::fs::read_to_string(path).expect("content/phrasing.toml");
    let file: ContentFile = toml::from_str(&text).expect("the rule file parses");
    assert!(!file.phrasing.is_empty());
    file.phrasing
}

/// The part of a story a rule's examples are read as: the first it covers.
fn part_of(rule: &PhrasingRule) -> Option<Section> {
    rule.sections.first().map(|p| match p {
        StoryPart::Situation => Section::Situation,
        StoryPart::Task => Section::Task,
        StoryPart::Action => Section::Action,
        StoryPart::Result => Section::Result,
    })
}

#[test]
fn every_rule_is_valid_and_every_kind_has_a_rule() {
    let rules = table();
    for r in &rules {
        assert!(r.problems().is_empty(), "{}: {:?}", r.id, r.problems());
    }
    let ids: HashSet<&str> = rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), rules.len(), "ids are unique");
    let kinds: HashSet<PhrasingKind> = rules.iter().map(|r| r.kind).collect();
    for k in PhrasingKind::ALL {
        assert!(kinds.contains(&k), "no rule of kind {k:?}");
    }
    assert_eq!(Phrasing::new(&rules).len(), rules.len(), "none is left out");
}

#[test]
fn each_rule_marks_its_examples_and_leaves_its_counter_examples() {
    let rules = table();
    let phrasing = Phrasing::new(&rules);
    for (index, r) in rules.iter().enumerate() {
        assert!(
            !r.flags.is_empty(),
            "{}: give at least one example in `flags`",
            r.id
        );
        assert!(
            !r.passes.is_empty(),
            "{}: give at least one example in `passes`",
            r.id
        );
        let part = part_of(r);
        for text in &r.flags {
            let flags = phrasing.scan(text, part);
            assert!(
                flags.iter().any(|f| f.rule == index),
                "{} does not mark {text:?} (marked: {:?})",
                r.id,
                flags
                    .iter()
                    .map(|f| (
                        phrasing.rule(f.rule).unwrap().id.as_str(),
                        &text[f.start..f.end]
                    ))
                    .collect::<Vec<_>>()
            );
        }
        for text in &r.passes {
            let flags = phrasing.scan(text, part);
            assert!(
                !flags.iter().any(|f| f.rule == index),
                "{} marks {text:?}, which it should leave alone",
                r.id
            );
        }
    }
}

#[test]
fn each_first_rewrite_reads_as_the_file_says() {
    let rules = table();
    let phrasing = Phrasing::new(&rules);
    for (index, r) in rules.iter().enumerate() {
        if r.suggestions.is_empty() {
            assert!(r.becomes.is_none(), "{}", r.id);
            continue;
        }
        let want = r
            .becomes
            .as_deref()
            .unwrap_or_else(|| panic!("{}: a rule with suggestions needs `becomes`", r.id));
        let text = &r.flags[0];
        let flag = phrasing
            .scan(text, part_of(r))
            .into_iter()
            .find(|f| f.rule == index)
            .expect("marked");
        let edit = phrasing.rewrite(text, &flag, 0).expect("a rewrite");
        assert_eq!(edit.apply(text), want, "{}", r.id);
    }
}

#[test]
fn the_fillers_issue_19_found_missing_are_marked() {
    let coach = Coach::from_library(&Library::builtin());
    for (text, filler) in [
        ("He was, like, upset.", "like"),
        ("I checked it, you know, twice.", "you know"),
        ("It was really busy.", "really"),
        ("Honestly, I was nervous.", "Honestly"),
        ("I actually called the PT.", "actually"),
        ("I mean, he was scared.", "I mean"),
        ("I sort of took over.", "sort of"),
        ("Um, I called.", "Um"),
        ("I just called.", "just"),
        ("I think it was Monday.", "I think"),
    ] {
        let scan = coach.scan(text, Some(Section::Action));
        let found: Vec<&str> = scan
            .flags
            .iter()
            .filter(|f| matches!(f.kind, PhrasingKind::Filler | PhrasingKind::Hedge))
            .map(|f| &text[f.start..f.end])
            .collect();
        assert_eq!(found, [filler], "{text}");
    }
}

#[test]
fn a_bad_rule_in_a_users_file_is_reported_with_its_place_and_left_out() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.toml"),
        "[[phrasing]]\nid = \"my-rule\"\nkind = \"filler\"\npatterns = [\"* so\", \"so\"]\n\
         why = \"Because.\"\nsuggestions = [\"{2}\"]\n\n\
         [[phrasing]]\nid = \"my-good\"\nkind = \"filler\"\npatterns = [\"anyway\"]\n\
         why = \"Not needed.\"\nsuggestions = [\"\"]\n",
    )
    .unwrap();
    let lib = Library::load(Some(dir.path()));
    let mine: Vec<&Problem> = lib
        .problems
        .iter()
        .filter(|p| p.message.contains("my-rule"))
        .collect();
    assert_eq!(mine.len(), 2, "{:?}", lib.problems);
    assert!(
        mine.iter()
            .all(|p| p.path.ends_with("mine.toml") && p.line == Some(2))
    );
    assert!(
        mine.iter()
            .any(|p| p.message.contains("must start with a plain word"))
    );
    let coach = Coach::from_library(&lib);
    let scan = coach.scan("Anyway, so it went.", None);
    let ids: Vec<&str> = scan
        .flags
        .iter()
        .map(|f| coach.phrasing.rule(f.rule).unwrap().id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["my-good"],
        "the good rule works, the bad one is left out"
    );
    // A kind that does not exist stops the file with its line, like any other unknown value.
    std::fs::write(
        dir.path().join("mine.toml"),
        "[[phrasing]]\nid = \"x\"\nkind = \"slang\"\nwhy = \"w\"\n",
    )
    .unwrap();
    let lib = Library::load(Some(dir.path()));
    assert!(
        lib.problems
            .iter()
            .any(|p| p.path.ends_with("mine.toml") && p.line == Some(3)),
        "{:?}",
        lib.problems
    );
}

#[test]
fn the_built_in_rules_load_without_problems() {
    let lib = Library::builtin();
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert_eq!(lib.phrasing.len(), table().len());
}

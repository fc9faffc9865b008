//! Guide search understands people (issue #16): every synonym group in `content/synonyms.toml` is
//! checked here, so a reviewer can add a group without writing code, and the cases the issue named
//! ("salary", "CNA", license/licensure, gait/transfer belt, typos) are pinned.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use clinicprep::domain::content::Library;
use clinicprep::domain::content::search::{Hit, search};

const ALL: usize = 100_000;

/// The places a search finds, as comparable strings.
fn places(hits: &[Hit]) -> Vec<String> {
    let mut v: Vec<String> = hits
        .iter()
        .map(|h| format!("{:?} {}", h.target, h.place))
        .collect();
    v.sort();
    v
}

fn matched_words(hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .flat_map(|h| h.ranges.iter().map(|r| h.text[r.clone()].to_lowercase()))
        .collect()
}

/// Each group: every member finds something, every member finds the same places (so a search for
/// one word finds the others), and the group reaches text that uses another member's wording.
#[test]
fn every_synonym_group_finds_the_same_places_from_each_member() {
    let lib = Library::builtin();
    assert!(lib.synonyms.len() >= 20, "{} groups", lib.synonyms.len());
    let mut failures = Vec::new();
    for group in &lib.synonyms {
        let first = &group.words[0];
        let expected = places(&search(&lib, first, ALL));
        if expected.is_empty() {
            failures.push(format!("{:?}: {first:?} finds nothing", group.words));
            continue;
        }
        for w in &group.words[1..] {
            let got = places(&search(&lib, w, ALL));
            if got != expected {
                failures.push(format!(
                    "{:?}: {w:?} finds {} places, {first:?} finds {}",
                    group.words,
                    got.len(),
                    expected.len()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn salary_finds_pay() {
    let lib = Library::builtin();
    let hits = search(&lib, "salary", ALL);
    assert!(
        hits.iter().any(|h| h.place.ends_with("Pay and outlook")),
        "{:#?}",
        places(&hits)
    );
    assert!(matched_words(&hits).iter().any(|w| w == "pay"));
    // Ranked: a place saying "pay" outright comes before notes that only mention wages in passing.
    let top = &hits[0];
    assert!(!top.ranges.is_empty());
}

#[test]
fn nursing_assistant_finds_the_cna_path() {
    let lib = Library::builtin();
    for q in ["CNA", "nursing assistant", "certified nursing assistant"] {
        let hits = search(&lib, q, ALL);
        assert!(
            hits.iter()
                .any(|h| h.text.contains("Why do you want to leave nursing care")),
            "{q}: {:#?}",
            places(&hits)
        );
    }
}

#[test]
fn license_and_licensure_find_each_other() {
    let lib = Library::builtin();
    let a = places(&search(&lib, "license", ALL));
    let b = places(&search(&lib, "licensure", ALL));
    assert_eq!(a, b);
    assert!(a.len() > 10);
}

#[test]
fn transfer_belt_finds_gait_belt_text() {
    let lib = Library::builtin();
    let hits = search(&lib, "transfer belt", ALL);
    assert!(matched_words(&hits).iter().any(|w| w == "gait belt"));
}

#[test]
fn typos_still_find_the_word() {
    let lib = Library::builtin();
    for (typo, meant) in [
        ("salery", "pay"),
        ("goniometr", "goniometer"),
        ("wheelchiar", "wheelchair"),
        ("gait blet", "belt"),
    ] {
        let hits = search(&lib, typo, ALL);
        assert!(
            matched_words(&hits).iter().any(|w| w.contains(meant)),
            "{typo} should find {meant}"
        );
    }
    assert!(search(&lib, "qqqqzzzz", ALL).is_empty());
}

#[test]
fn results_are_ranked_exact_first() {
    let lib = Library::builtin();
    // "wage" is in the pay group: places saying "wage" itself come before places saying only "pay".
    let hits = search(&lib, "wage", ALL);
    let first_synonym_only = hits
        .iter()
        .position(|h| {
            !matched_words(std::slice::from_ref(h))
                .iter()
                .any(|w| w.starts_with("wage"))
        })
        .expect("some hits only say pay");
    assert!(
        hits[..first_synonym_only]
            .iter()
            .all(|h| matched_words(std::slice::from_ref(h))
                .iter()
                .any(|w| w.starts_with("wage"))),
        "exact hits first"
    );
    assert!(
        hits[first_synonym_only..]
            .iter()
            .all(|h| !matched_words(std::slice::from_ref(h))
                .iter()
                .any(|w| w.starts_with("wage"))),
        "then synonym hits"
    );
    // Among equal matches the Guides screen's own guides come first.
    let hits = search(&lib, "gait belt", ALL);
    assert!(hits[0].place.contains('›'), "{}", hits[0].place);
}

/// A nursing home applicant looks up the words of their workplace: a name a term goes by finds
/// it ("Hoyer lift"), and Medicare, Medicaid and restorative aide have entries of their own.
#[test]
fn nursing_home_words_find_their_glossary_terms() {
    let lib = Library::builtin();
    // The guides come first where they speak of the word (restorative aide jobs ask for a CNA).
    for (query, place, within) in [
        ("hoyer lift", "Glossary · Mechanical lift", 3),
        ("medicare", "Glossary · Medicare", 3),
        ("medicaid", "Glossary · Medicaid", 3),
        ("restorative", "Glossary · Restorative aide", 8),
    ] {
        let hits = search(&lib, query, ALL);
        assert!(
            hits.iter()
                .take(within)
                .any(|h| h.place == place && !h.near),
            "{query}: {:?}",
            hits.iter().take(5).map(|h| &h.place).collect::<Vec<_>>()
        );
    }
}

/// A walk searched "kids" for the pediatric clinic it was applying to and got near spellings
/// ("Adaptive equipment") instead of the cards and notes about children.
#[test]
fn kids_finds_children() {
    let lib = Library::builtin();
    let hits = search(&lib, "kids", ALL);
    let words = matched_words(&hits);
    assert!(
        words.iter().any(|w| w == "child" || w == "children"),
        "{words:?} {:#?}",
        places(&hits)
    );
}

use super::*;
use crate::domain::content::model::Synonym;

fn lib_with(synonyms: &[&[&str]], terms: &[(&str, &str)]) -> Library {
    let synonyms = synonyms
        .iter()
        .map(|g| Synonym {
            words: g.iter().map(|w| w.to_string()).collect(),
        })
        .collect();
    let terms = terms
        .iter()
        .enumerate()
        .map(|(i, (t, m))| crate::domain::content::model::Term {
            id: crate::domain::content::Id::new(format!("t-{i}")),
            term: t.to_string(),
            aliases: vec![],
            meaning: m.to_string(),
        })
        .collect();
    Library {
        synonyms,
        terms,
        ..Library::default()
    }
}

/// A user walk searched "hand therapy" and got an entry about "handles" first. A word typed
/// whole before another matches a longer word only as its ending ("hands", "handed"); the word
/// being typed last still matches as a start.
#[test]
fn a_whole_word_typed_before_another_does_not_match_a_different_longer_word() {
    let lib = lib_with(
        &[],
        &[
            ("Door handles", "Therapy rooms have lever handles."),
            ("Hand splint", "Made in hand therapy."),
            ("Two hands", "Therapy for both hands."),
        ],
    );
    let places =
        |q: &str| -> Vec<String> { search(&lib, q, 10).into_iter().map(|h| h.text).collect() };
    let hits = places("hand therapy");
    assert!(
        hits.iter().any(|t| t.starts_with("Hand splint")),
        "{hits:?}"
    );
    assert!(
        hits.iter().any(|t| t.starts_with("Two hands")),
        "an ending: {hits:?}"
    );
    assert!(
        !hits.iter().any(|t| t.starts_with("Door handles")),
        "{hits:?}"
    );
    assert!(
        places("therapy han")
            .iter()
            .any(|t| t.starts_with("Door handles")),
        "the last word may still be being typed"
    );
}

#[test]
fn a_section_named_for_the_word_comes_before_a_passing_mention() {
    let lib = Library::builtin();
    let hits = search(&lib, "salary", 10);
    let first = hits.first().expect("hits");
    assert!(
        first.place.ends_with("Pay and outlook"),
        "{:?}",
        hits.iter().map(|h| &h.place).collect::<Vec<_>>()
    );
    assert!(!first.near);
}

#[test]
fn a_term_found_by_several_of_its_names_is_listed_once() {
    let lib = Library::builtin();
    for query in ["gait belt", "hoyer lift"] {
        let hits = search(&lib, query, 100);
        let terms: Vec<&String> = hits
            .iter()
            .filter(|h| matches!(h.target, Target::Term(_)))
            .map(|h| &h.place)
            .collect();
        let mut unique = terms.clone();
        unique.dedup();
        unique.sort();
        unique.dedup();
        assert_eq!(terms.len(), unique.len(), "{query}: {terms:?}");
    }
}

/// A school OTA user walk searched "Medicaid" and read "Medi-Cal: see Medicaid…" first; a
/// term found by its own name shows under it, an alias only when it alone matches.
#[test]
fn a_term_shows_under_its_own_name_when_that_matches() {
    let lib = Library::builtin();
    let hits = search(&lib, "medicaid", 10);
    let term = hits
        .iter()
        .find(|h| h.place.starts_with("Glossary · Medicaid"))
        .expect("found");
    assert!(term.text.starts_with("Medicaid: "), "{}", term.text);
    let hoyer = search(&lib, "hoyer lift", 10);
    assert!(hoyer.iter().any(|h| h.text.starts_with("Hoyer lift: see ")));
}

#[test]
fn a_role_is_found_by_any_name_it_goes_by() {
    let lib = Library::builtin();
    let hits = search(&lib, "COTA/L", 10);
    assert_eq!(hits.first().map(|h| h.place.as_str()), Some("OTA › Names"));
    let h = &hits[0];
    assert_eq!(&h.text[h.ranges[0].clone()], "COTA/L");
}

/// A PTA user walk read "Also called: Physical therapy assistant" at the top of the guide, a
/// name the profession does not use for the title. Search still finds the guide by it, and
/// says it is not the title; the guide does not list it.
#[test]
fn a_misnomer_finds_the_guide_but_is_not_listed_as_its_name() {
    let lib = Library::builtin();
    let pta = lib.roles.iter().find(|r| r.short == "PTA").unwrap();
    assert!(
        !pta.also_called
            .iter()
            .any(|n| n.eq_ignore_ascii_case("physical therapy assistant"))
    );
    let hits = search(&lib, "physical therapy assistant", 10);
    let names = hits
        .iter()
        .find(|h| h.place == "PTA › Names")
        .expect("found");
    assert!(
        names.text.contains("(not the job's title)"),
        "{}",
        names.text
    );
}

#[test]
fn a_word_found_only_as_a_near_spelling_is_flagged() {
    let lib = lib_with(&[], &[("Medical", "Medical records are private")]);
    let hits = search(&lib, "medicaid", 10);
    assert!(!hits.is_empty() && hits.iter().all(|h| h.near), "{hits:?}");
    assert!(search(&lib, "medical", 10).iter().all(|h| !h.near));
}

#[test]
fn every_word_must_match_and_ranges_point_at_them() {
    let lib = lib_with(&[], &[("Gait belt", "Use a Gait belt for every transfer")]);
    let hits = search(&lib, "gait transfer", 10);
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    let shown: Vec<&str> = h.ranges.iter().map(|r| &h.text[r.clone()]).collect();
    assert_eq!(shown, ["Gait", "Gait", "transfer"]);
    assert!(search(&lib, "gait elevator", 10).is_empty());
}

#[test]
fn words_match_at_word_starts_only() {
    let lib = lib_with(&[], &[("Learning", "Keep learning on the job")]);
    assert!(
        search(&lib, "earn", 10).is_empty(),
        "earn is not in learning"
    );
    assert_eq!(search(&lib, "learn", 10).len(), 1);
}

#[test]
fn a_synonym_finds_the_other_words_of_its_group() {
    let lib = lib_with(
        &[&["salary", "pay", "wage"]],
        &[("Median", "The middle pay of a job")],
    );
    let hits = search(&lib, "salary", 10);
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    assert_eq!(&h.text[h.ranges[0].clone()], "pay");
}

#[test]
fn a_phrase_in_a_group_is_one_term() {
    let lib = lib_with(
        &[&["gait belt", "transfer belt"]],
        &[("Transfer belt", "A strap worn at the waist")],
    );
    assert_eq!(search(&lib, "gait belt", 10).len(), 1);
}

#[test]
fn exact_words_rank_above_synonyms_and_synonyms_above_typos() {
    let lib = lib_with(
        &[&["wage", "pay"]],
        &[
            ("A", "the pay rate"),
            ("B", "the wage rate"),
            ("C", "the wager rate"),
        ],
    );
    let hits = search(&lib, "wage", 10);
    let order: Vec<&str> = hits.iter().map(|h| &h.text[..1]).collect();
    assert_eq!(
        order,
        ["B", "C", "A"],
        "whole word, then word start, then synonym"
    );
}

#[test]
fn a_typo_finds_the_word_it_was_meant_to_be() {
    let lib = lib_with(&[], &[("Goniometer", "A tool that measures joint angles")]);
    assert_eq!(search(&lib, "goniometr", 10).len(), 1, "one letter missing");
    assert_eq!(search(&lib, "tool", 10).len(), 1);
    assert_eq!(search(&lib, "tooll", 10).len(), 1, "one letter extra");
    assert_eq!(search(&lib, "jiont", 10).len(), 1, "two letters swapped");
    assert!(search(&lib, "zzzzqqq", 10).is_empty());
    // Short words are never guessed at: too many near neighbors.
    assert!(search(&lib, "tol", 10).is_empty());
}

#[test]
fn a_typo_of_a_synonym_still_reaches_its_group() {
    let lib = lib_with(&[&["salary", "pay"]], &[("Median", "The middle pay")]);
    assert_eq!(search(&lib, "salery", 10).len(), 1);
}

#[test]
fn builtin_search_finds_guides_and_questions() {
    let lib = Library::builtin();
    let hits = search(&lib, "license", 500);
    let hits2 = search(&lib, "licen", 500);
    assert!(!hits.is_empty());
    assert!(hits2.len() >= hits.len());
    assert!(search(&lib, "", 10).is_empty());
    assert!(search(&lib, "zzzzqqq", 10).is_empty());
    assert!(search(&lib, "gait", 3).len() <= 3, "the limit holds");
}

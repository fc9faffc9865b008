//! Tests of the card index: the cases users meet, and its answers checked against a plain scan.

use super::*;
use crate::domain::content::{Card, Id};
use proptest::prelude::*;

/// The search as it was before the index: every query word looked for in every card's folded text.
/// Kept to check the index against: it must answer exactly as this does.
struct Scan {
    texts: Vec<(String, usize)>,
}

impl Scan {
    fn build(cat: &Catalogue, lib: &Library) -> Scan {
        Scan {
            texts: cat.cards.iter().map(|c| folded_text(lib, c)).collect(),
        }
    }

    fn find_among(
        &self,
        query: &str,
        max: usize,
        among: impl IntoIterator<Item = usize>,
    ) -> Vec<usize> {
        let folded = fold(query);
        let words: Vec<&str> = folded.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        let (mut on_front, mut elsewhere) = (Vec::new(), Vec::new());
        for i in among {
            let Some((text, front_end)) = self.texts.get(i) else {
                continue;
            };
            if on_front.len() >= max {
                break;
            }
            if words.iter().all(|w| text.contains(w)) {
                let front = &text[..(*front_end).min(text.len())];
                if words.iter().all(|w| front.contains(w)) {
                    on_front.push(i);
                } else if elsewhere.len() < max {
                    elsewhere.push(i);
                }
            }
        }
        on_front.extend(elsewhere);
        on_front.truncate(max);
        on_front
    }
}

fn lib_with(cards: &[(&str, &str, &[&str])]) -> Library {
    let mut lib = Library::builtin();
    lib.cards = cards
        .iter()
        .enumerate()
        .map(|(i, (front, back, tags))| Card {
            id: Id::new(format!("mine-{i}")),
            deck: "Mine".into(),
            front: front.to_string(),
            back: back.to_string(),
            tags: tags.iter().map(|t| (*t).into()).collect(),
            roles: Vec::new(),
        })
        .collect();
    lib
}

#[test]
fn folding_drops_case_and_accents() {
    assert_eq!(fold("Café CRÈME Ñandú"), "cafe creme nandu");
    assert_eq!(fold("ÉSTA"), fold("esta"));
}

#[test]
fn finds_by_front_back_and_tags_whatever_the_case_or_accents() {
    let lib = lib_with(&[
        ("Stand-pivot transfer", "Lock the wheelchair first", &[]),
        ("Café break", "Rest", &["Ergonomía"]),
        ("Gait belt", "Hold at the back", &["safety"]),
        ("Lock the brakes", "Both sides", &[]),
    ]);
    let cat = Catalogue::from_library(&lib);
    let idx = CardIndex::build(&cat, &lib);
    assert_eq!(idx.len(), cat.cards.len());
    let ids = |q: &str| -> Vec<String> {
        idx.find(q, 500)
            .into_iter()
            .map(|i| cat.cards[i].id.to_string())
            .filter(|id| id.starts_with("mine-"))
            .collect()
    };
    assert_eq!(ids("TRANSFER"), ["mine-0"]);
    assert_eq!(ids("wheelchair lock"), ["mine-0"], "words in any order");
    assert_eq!(ids("cafe"), ["mine-1"]);
    assert_eq!(ids("ergonomia"), ["mine-1"], "a tag, accent typed or not");
    assert_eq!(ids("SAFETY belt"), ["mine-2"]);
    assert!(ids("transfer zebra").is_empty(), "every word must match");
    assert!(idx.find("   ", 10).is_empty());
    let wide = idx.find("e", usize::MAX);
    let mut sorted = wide.clone();
    sorted.sort_unstable();
    assert_eq!(
        idx.find_among("gait belt", usize::MAX, sorted),
        idx.find("gait belt", usize::MAX),
        "narrowing a wider query's matches finds the same cards"
    );
    assert_eq!(
        ids("lock"),
        ["mine-3", "mine-0"],
        "a front match first, though later in the deck"
    );
    assert_eq!(idx.find("e", 2).len(), 2, "at most max");
}

#[test]
fn built_in_questions_are_found_by_their_text() {
    let lib = Library::builtin();
    let cat = Catalogue::from_library(&lib);
    let idx = CardIndex::build(&cat, &lib);
    let q = &lib.questions[0];
    let word = q.text.split_whitespace().last().unwrap();
    let hits = idx.find(word.trim_matches(|c: char| !c.is_alphanumeric()), 10_000);
    assert!(hits.iter().any(|&i| cat.cards[i].id == q.id), "{word}");
}

/// Pieces of card text and of queries: accents typed and not, capitals, punctuation, words that
/// hold others, a lone combining mark, letters whose lowercase is longer, and odd whitespace.
const PIECES: &[&str] = &[
    "café",
    "Cafe",
    "CAFÉ",
    "caf",
    "e",
    "ee",
    "é",
    "ñandú",
    "Ñ",
    "stand-pivot",
    "pivot",
    "lock,",
    "Lock",
    "(12)",
    "12",
    "a.b",
    "?",
    "İstanbul",
    "i\u{307}",
    "ß",
    "SS",
    "ﬁ",
    "Σίσυφος",
    "ς",
    "e\u{301}",
    "\u{301}",
    "patient",
    "patients",
    "the",
    "t",
    " ",
    "  ",
    "\t",
    "\n",
    "\u{a0}",
    "\u{3000}",
    "\r\n",
    "",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..8).prop_map(|p| p.concat())
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        "[a-eé ñ.,\\-\t(1)]{0,6}",
        prop::sample::select(PIECES).prop_map(str::to_string),
    ]
}

type Cards = Vec<(String, String, Vec<String>)>;

fn cards() -> impl Strategy<Value = Cards> {
    prop::collection::vec((text(), text(), prop::collection::vec(text(), 0..3)), 0..12)
}

fn notes(cards: &Cards) -> Library {
    Library {
        cards: cards
            .iter()
            .enumerate()
            .map(|(i, (front, back, tags))| Card {
                id: Id::new(format!("mine-{i}")),
                deck: "Mine".into(),
                front: front.clone(),
                back: back.clone(),
                tags: tags.iter().map(|t| t.as_str().into()).collect(),
                roles: Vec::new(),
            })
            .collect(),
        ..Library::default()
    }
}

proptest! {
    #[test]
    fn the_index_finds_what_a_scan_of_every_text_finds(
        cards in cards(),
        queries in prop::collection::vec(query(), 1..6),
        max in prop_oneof![0..4usize, Just(usize::MAX)],
        among in prop::collection::vec(0..16usize, 0..20),
    ) {
        let lib = notes(&cards);
        let cat = Catalogue::from_library(&lib);
        let (idx, scan) = (CardIndex::build(&cat, &lib), Scan::build(&cat, &lib));
        prop_assert_eq!(idx.len(), cat.cards.len());
        let mut sorted = among.clone();
        sorted.sort_unstable();
        sorted.dedup();
        for q in &queries {
            let every = scan.find_among(q, max, 0..scan.texts.len());
            prop_assert_eq!(idx.find(q, max), every.clone(), "{:?}", q);
            // Both ways of finding, whichever the index would pick.
            let holding = idx.holding_each(q);
            let plans = holding.map(|h| [idx.by_words(&h), idx.by_cards(&h)]);
            for plan in plans.into_iter().flatten() {
                prop_assert_eq!(idx.find_by(&plan, max), every.clone(), "{:?} {:?}", q, plan);
                let wanted = scan.find_among(q, max, among.clone());
                prop_assert_eq!(idx.scan(&plan, max, among.clone()), wanted);
            }
            let wanted = scan.find_among(q, max, sorted.clone());
            prop_assert_eq!(idx.find_among(q, max, sorted.clone()), wanted);
            // Out of order, repeated and past the end, as the plain scan takes them.
            let wanted = scan.find_among(q, max, among.clone());
            prop_assert_eq!(idx.find_among(q, max, among.clone()), wanted);
        }
    }
}

/// Over the built-in questions and facts (their outlines and options too): every word, its first
/// three letters, its last three, and pairs of words, as queries.
#[test]
fn the_index_finds_what_a_scan_finds_in_the_built_in_cards() {
    let lib = Library::builtin();
    let cat = Catalogue::from_library(&lib);
    let (idx, scan) = (CardIndex::build(&cat, &lib), Scan::build(&cat, &lib));
    let mut queries: Vec<String> = scan
        .texts
        .iter()
        .flat_map(|(t, _)| t.split_whitespace())
        .flat_map(|w| {
            let chars: Vec<char> = w.chars().collect();
            let n = chars.len();
            [
                w.to_string(),
                chars[..n.min(3)].iter().collect(),
                chars[n.saturating_sub(3)..].iter().collect(),
            ]
        })
        .collect();
    queries.sort_unstable();
    queries.dedup();
    let pairs: Vec<String> = queries
        .iter()
        .step_by(7)
        .zip(queries.iter().skip(3).step_by(11))
        .map(|(a, b)| format!("{a} {}", b.to_uppercase()))
        .collect();
    let every = 0..scan.texts.len();
    let some: Vec<usize> = every.clone().step_by(3).collect();
    for q in queries.iter().chain(&pairs) {
        assert_eq!(
            idx.find(q, usize::MAX),
            scan.find_among(q, usize::MAX, every.clone()),
            "{q:?}"
        );
        assert_eq!(
            idx.find(q, 5),
            scan.find_among(q, 5, every.clone()),
            "{q:?}"
        );
        let holding = idx.holding_each(q).unwrap();
        for plan in [idx.by_words(&holding), idx.by_cards(&holding)] {
            assert_eq!(
                idx.find_by(&plan, 5),
                scan.find_among(q, 5, every.clone()),
                "{q:?}"
            );
        }
        assert_eq!(
            idx.find_among(q, 20, some.clone()),
            scan.find_among(q, 20, some.clone()),
            "{q:?}"
        );
    }
}

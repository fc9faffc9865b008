//! Tests of the catalogue: cards from content, decks, filters and standings.

use super::build::{in_id_order, prefix};
use super::*;
use crate::domain::content::Library;

fn lib() -> Library {
    Library::builtin()
}

#[test]
fn every_question_and_fact_becomes_one_card_with_its_facets() {
    let lib = lib();
    let cat = Catalogue::from_library(&lib);
    assert_eq!(cat.cards.len(), lib.questions.len() + lib.facts.len());
    assert_eq!(cat.ids().len(), cat.cards.len(), "ids are unique");
    let q = &lib.questions[0];
    let card = cat.get(&q.id).unwrap();
    assert_eq!(card.kind, Kind::Question(0));
    assert_eq!(card.subject, Subject::Question(q.category));
    assert!(!card.tags.is_empty(), "questions are tagged by competency");
    assert!(cat.tags.contains(&"Multiple choice".to_string()));
    assert_eq!(cat.roles.len(), lib.roles.len());
}

#[test]
fn questions_and_facts_alternate() {
    let cat = Catalogue::from_library(&lib());
    let kinds: Vec<bool> = cat.cards[..6]
        .iter()
        .map(|c| matches!(c.kind, Kind::Question(_)))
        .collect();
    assert_eq!(kinds, [true, false, true, false, true, false]);
}

#[test]
fn role_decks_include_cards_for_every_role_and_filters_narrow() {
    let lib = lib();
    let cat = Catalogue::from_library(&lib);
    let pta = Id::new("pta");
    let pta_deck = cat.select(&Deck::Role(pta.clone()), &Filter::default());
    let all = cat.select(&Deck::All, &Filter::default());
    assert!(pta_deck.len() < all.len() && !pta_deck.is_empty());
    let general = lib.questions.iter().find(|q| q.roles.is_empty()).unwrap();
    assert!(
        pta_deck.contains(&general.id),
        "every-role questions are in each role's deck"
    );
    let only_pt_aide = lib
        .facts
        .iter()
        .find(|f| f.roles == [Id::new("pt-aide")])
        .unwrap();
    assert!(!pta_deck.contains(&only_pt_aide.id));

    let filter = Filter {
        tag: Some("Multiple choice".into()),
        ..Filter::default()
    };
    let mc = cat.select(&Deck::Role(pta), &filter);
    assert!(!mc.is_empty() && mc.len() < pta_deck.len());
    assert!(
        mc.iter()
            .all(|id| matches!(cat.get(id).unwrap().kind, Kind::Fact(_)))
    );
}

#[test]
fn cycling_visits_each_value_then_none() {
    let all = ["a", "b"];
    assert_eq!(cycle(&None, &all), Some("a"));
    assert_eq!(cycle(&Some("a"), &all), Some("b"));
    assert_eq!(cycle(&Some("b"), &all), None);
    assert_eq!(cycle(&Some("gone"), &all), None);
    assert_eq!(cycle::<&str>(&None, &[]), None);
}

#[test]
fn deck_list_starts_with_all_then_roles_then_subjects() {
    let cat = Catalogue::from_library(&lib());
    let decks = cat.decks();
    assert_eq!(decks[0], Deck::All);
    assert!(matches!(decks[1], Deck::Role(_)));
    assert!(matches!(decks.last(), Some(Deck::Subject(_))));
    assert_eq!(decks.len(), 1 + cat.roles.len() + cat.subjects.len());
    assert_eq!(
        cat.deck_label(&Deck::Subject(Subject::Fact(Topic::Privacy))),
        "Facts · Privacy"
    );
}

#[test]
fn standings_read_in_one_pass_agree_with_looking_each_card_up() {
    use crate::domain::schedule::{Grade, ReviewStore, StoreOptions};
    let mut cat = Catalogue::from_library(&lib());
    let dir = tempfile::tempdir().unwrap();
    let now = DateTime::from_timestamp(1_795_424_400, 0).unwrap();
    let (mut store, _) = ReviewStore::open(dir.path(), &StoreOptions::default(), now).unwrap();
    let month_ago = now - chrono::Duration::days(30);
    let ids: Vec<Id> = cat.cards.iter().map(|c| c.id.clone()).collect();
    for (i, id) in ids.iter().enumerate().filter(|(i, _)| i % 3 == 0) {
        let (grade, at) = match i % 4 {
            0 => (Grade::Easy, now),
            1 => (Grade::Good, month_ago),
            2 => (Grade::Easy, month_ago),
            _ => (Grade::Again, now),
        };
        store.grade(id, grade, at).unwrap();
    }
    // Reviews of cards that no longer exist sort before and after every real id.
    for orphan in ["0-gone", "zz-gone"] {
        store
            .grade(&Id::new(orphan), Grade::Good, month_ago)
            .unwrap();
    }
    let each = |cat: &Catalogue| -> Vec<Standing> {
        cat.cards
            .iter()
            .map(|c| Standing::of(store.state(&c.id), now))
            .collect()
    };
    let want = each(&cat);
    assert!(want.contains(&Standing::Later) && want.contains(&Standing::Due));
    assert!(want.contains(&Standing::Learning) && want.contains(&Standing::Unseen));
    assert_eq!(cat.standings(store.ledger(), now), want);
    for i in 0..cat.cards.len() {
        let want = cat.subjects.iter().position(|s| *s == cat.cards[i].subject);
        assert_eq!(cat.subject_index(i), want);
    }
    let counted = |cat: &Catalogue| {
        let all = cat.select(&Deck::All, &Filter::default());
        let today = store.today(now);
        let c = crate::domain::schedule::counts(&all, store.ledger(), store.settings(), today, now);
        (c.learning, c.due)
    };
    assert_eq!(
        cat.waiting(&cat.standings(store.ledger(), now)),
        counted(&cat)
    );
    assert!(counted(&cat).0 > 0 && counted(&cat).1 > 0);

    // A card added after building is still counted, by looking it up.
    let mut extra = cat.cards[0].clone();
    extra.id = Id::new("0-gone");
    extra.subject = Subject::Deck("late".into());
    cat.cards.push(extra);
    assert_eq!(cat.standings(store.ledger(), now), each(&cat));
    assert_eq!(cat.subject_index(cat.cards.len() - 1), None);
    assert_eq!(
        cat.waiting(&cat.standings(store.ledger(), now)),
        counted(&cat)
    );

    // A second card with the id of a due one (a user deck repeating a built-in id) counts once.
    let mut cat = Catalogue::from_library(&lib());
    let due_card = (0..cat.cards.len())
        .find(|&i| each(&cat)[i] == Standing::Due)
        .unwrap();
    let mut twin = cat.cards[due_card].clone();
    twin.subject = Subject::Deck("mine".into());
    cat.cards.insert(0, twin);
    let (by_id, id_text) = in_id_order(&cat.cards);
    let rebuilt = Catalogue {
        cards: cat.cards.clone(),
        by_id,
        id_text,
        unique_ids: false,
        ..Catalogue::default()
    };
    assert_eq!(
        rebuilt.waiting(&rebuilt.standings(store.ledger(), now)),
        counted(&rebuilt)
    );
    assert_eq!(
        cat.waiting(&cat.standings(store.ledger(), now)),
        counted(&cat),
        "looked up one by one"
    );
}

#[test]
fn all_ids_are_the_whole_catalogue_in_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.toml"),
        "[[card]]\nid = \"mine-1\"\ndeck = \"Mine\"\nfront = \"f\"\nback = \"b\"\n",
    )
    .unwrap();
    let lib = Library::load(Some(dir.path()));
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    let all = Catalogue::from_library(&lib).select(&Deck::All, &Filter::default());
    assert_eq!(Catalogue::all_ids(&lib), all);
    assert!(all.contains(&Id::new("mine-1")));
}

#[test]
fn every_card_is_found_by_its_id_and_a_repeated_id_finds_the_first() {
    let cat = Catalogue::from_library(&lib());
    assert!(cat.cards.len() > 100, "{}", cat.cards.len());
    for (i, card) in cat.cards.iter().enumerate() {
        assert_eq!(cat.position(&card.id), Some(i), "{}", card.id);
        assert_eq!(cat.get(&card.id).map(|c| &c.id), Some(&card.id));
    }
    for missing in ["", "0", "zzzz", "pta-zzz-not-a-card"] {
        assert_eq!(cat.position(&Id::new(missing)), None, "{missing:?}");
    }
    assert_eq!(cat.ids().len(), cat.cards.len());

    // A user deck repeating an id: the first card with it is the one found.
    let mut cards = cat.cards.clone();
    let twin = cards[5].clone();
    cards.insert(2, twin.clone());
    let (by_id, id_text) = in_id_order(&cards);
    let rebuilt = Catalogue {
        cards,
        by_id,
        id_text,
        ..Catalogue::default()
    };
    assert_eq!(rebuilt.position(&twin.id), Some(2));
}

proptest::proptest! {
    /// Sorting by the 16-byte prefix first, then the text, is sorting by the text, ids sharing
    /// a start (as imported ones do) and a NUL among the bytes included.
    #[test]
    fn the_prefix_orders_ids_as_their_text_does(
        start in "[a-z0-9-]{0,20}",
        x in "[a-z0-9:._\\-\u{0}]{0,12}",
        y in "[a-z0-9:._\\-\u{0}]{0,12}",
    ) {
        let (a, b) = (format!("{start}{x}"), format!("{start}{y}"));
        proptest::prop_assert_eq!((prefix(&a), &a).cmp(&(prefix(&b), &b)), a.cmp(&b));
    }
}

/// A library large enough to be copied on two cores comes out whole and in order: the user's
/// cards first, each with its own facets, then the questions and facts alternating.
#[test]
fn a_large_library_is_catalogued_in_order_with_every_facet() {
    use crate::domain::content::Card;
    let mut lib = lib();
    let builtin = lib.questions.len() + lib.facts.len();
    lib.cards = (0..9_001)
        .map(|i| Card {
            id: Id::new(format!("user-{i:05}")),
            deck: format!("Deck {}", i % 7).into(),
            front: "f".into(),
            back: "b".into(),
            tags: smallvec::smallvec![format!("tag-{}", i % 3).into()],
            roles: if i % 2 == 0 {
                vec![Id::new("pta")]
            } else {
                Vec::new()
            },
        })
        .collect();
    let cat = Catalogue::from_library(&lib);
    assert_eq!(cat.cards.len(), 9_001 + builtin);
    for (i, card) in cat.cards.iter().take(9_001).enumerate() {
        assert_eq!(card.kind, Kind::Note(i));
        assert_eq!(card.id, lib.cards[i].id);
        assert_eq!(
            card.subject,
            Subject::Deck(format!("Deck {}", i % 7).into())
        );
        assert_eq!(card.tags[..], [format!("tag-{}", i % 3)]);
        assert_eq!(card.roles.len(), usize::from(i % 2 == 0));
    }
    let kinds: Vec<bool> = cat.cards[9_001..9_007]
        .iter()
        .map(|c| matches!(c.kind, Kind::Question(_)))
        .collect();
    assert_eq!(kinds, [true, false, true, false, true, false]);
    assert_eq!(cat.position(&Id::new("user-04500")), Some(4_500));
}

/// The columns answer every filter as the cards themselves do: the same cards, each with its roles
/// as bits over `roles` and the index of its own subject; and the subjects and tags are each
/// listed once, sorted.
#[test]
fn the_columns_pass_exactly_the_cards_the_filters_match() {
    use crate::domain::content::{Card, Tags};
    let mut lib = lib();
    // Decks that come back after another, a tag given twice, cards with no tag.
    lib.cards = (0..400)
        .map(|i| Card {
            id: Id::new(format!("user-{i:03}")),
            deck: format!("Deck {}", (i / 30) % 4).into(),
            front: "f".into(),
            back: "b".into(),
            tags: match i % 5 {
                0 => Tags::new(),
                1 => smallvec::smallvec!["zeta".into(), "zeta".into()],
                // Three: more than a card holds in itself.
                2 => smallvec::smallvec!["alpha".into(), "Multiple choice".into(), "zeta".into()],
                _ => smallvec::smallvec![format!("t{}", i % 7).into()],
            },
            roles: if i % 3 == 0 {
                vec![Id::new("pta")]
            } else {
                Vec::new()
            },
        })
        .collect();
    let cat = Catalogue::from_library(&lib);
    let mut sorted = cat.subjects.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(cat.subjects, sorted, "subjects listed once, in order");
    let mut tags = cat.tags.clone();
    tags.sort();
    tags.dedup();
    assert_eq!(cat.tags, tags, "tags listed once, in order");
    assert!(cat.tags.iter().any(|t| t == "zeta") && cat.tags.iter().any(|t| t == "t6"));
    let mut filters = vec![Filter::default()];
    filters.extend(cat.tags.iter().map(|t| Filter {
        tag: Some(t.clone()),
        ..Filter::default()
    }));
    filters.extend(cat.subjects.iter().map(|s| Filter {
        subject: Some(s.clone()),
        ..Filter::default()
    }));
    for (r, _) in &cat.roles {
        filters.push(Filter {
            role: Some(r.clone()),
            ..Filter::default()
        });
        filters.push(Filter {
            role: Some(r.clone()),
            tag: Some("zeta".into()),
            ..Filter::default()
        });
    }
    for filter in &filters {
        let mut fast = Vec::new();
        assert!(cat.for_each_passing(filter, |i, bits, s| fast.push((i, bits, s))));
        let slow: Vec<(usize, u64, usize)> = cat
            .cards
            .iter()
            .enumerate()
            .filter(|(_, c)| filter.matches(c))
            .map(|(i, c)| {
                let bits = (0..cat.roles.len())
                    .filter(|&r| c.for_role(&cat.roles[r].0))
                    .fold(0u64, |b, r| b | 1 << r);
                let s = cat.subjects.iter().position(|s| *s == c.subject).unwrap();
                (i, bits, s)
            })
            .collect();
        assert!(!slow.is_empty() || filter.tag.is_some());
        assert_eq!(fast, slow, "{filter:?}");
    }
}

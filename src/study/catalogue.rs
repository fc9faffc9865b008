//! The cards there are to study, built from the content library, with the decks and filters that pick
//! among them.

use crate::content::{self, Id, Library, Topic};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Where a card's text lives: an index into the library's questions, facts or user cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Question(usize),
    Fact(usize),
    /// A plain card from one of the user's own decks.
    Note(usize),
}

/// What a card is about, for "decks by category": a question category, a fact topic or a user deck.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    Question(content::Category),
    Fact(Topic),
    Deck(String),
}

impl Subject {
    pub fn label(&self) -> String {
        match self {
            Subject::Question(c) => format!("Questions · {}", c.label()),
            Subject::Fact(t) => format!("Facts · {}", t.label()),
            Subject::Deck(d) => format!("Your deck · {d}"),
        }
    }
}

/// One card to study and the facets it is filtered by.
#[derive(Debug, Clone, PartialEq)]
pub struct StudyCard {
    pub id: Id,
    pub kind: Kind,
    /// Role ids the card is for; empty means every role.
    pub roles: Vec<Id>,
    pub subject: Subject,
    /// Competencies a question probes, "Behavioural", "Multiple choice", or a user card's own tags.
    pub tags: Vec<String>,
}

impl StudyCard {
    pub fn for_role(&self, role: &Id) -> bool {
        self.roles.is_empty() || self.roles.contains(role)
    }
}

/// A row of the deck list: everything, one role's cards, or one subject's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deck {
    All,
    Role(Id),
    Subject(Subject),
}

impl Deck {
    pub fn holds(&self, card: &StudyCard) -> bool {
        match self {
            Deck::All => true,
            Deck::Role(r) => card.for_role(r),
            Deck::Subject(s) => &card.subject == s,
        }
    }
}

/// Narrows every deck; `None` in a field means no narrowing by it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub role: Option<Id>,
    pub subject: Option<Subject>,
    pub tag: Option<String>,
}

impl Filter {
    pub fn matches(&self, card: &StudyCard) -> bool {
        self.role.as_ref().is_none_or(|r| card.for_role(r))
            && self.subject.as_ref().is_none_or(|s| &card.subject == s)
            && self.tag.as_ref().is_none_or(|t| card.tags.contains(t))
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// The next value when cycling a filter with one key: none, each value in turn, then none again.
pub fn cycle<T: Clone + PartialEq>(current: &Option<T>, all: &[T]) -> Option<T> {
    match current {
        None => all.first().cloned(),
        Some(c) => all
            .iter()
            .position(|x| x == c)
            .and_then(|i| all.get(i + 1))
            .cloned(),
    }
}

/// Every studyable card with lookup by id, and the values each facet takes.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub cards: Vec<StudyCard>,
    index: HashMap<Id, usize>,
    /// Roles as (id, full name), in the library's order.
    pub roles: Vec<(Id, String)>,
    /// Subjects that have at least one card, sorted.
    pub subjects: Vec<Subject>,
    /// Tags that at least one card has, sorted.
    pub tags: Vec<String>,
}

fn question_card(lib: &Library, i: usize) -> StudyCard {
    let q = &lib.questions[i];
    let mut tags: Vec<String> = q
        .competencies
        .iter()
        .filter_map(|c| lib.competency(c))
        .map(|c| c.name.clone())
        .collect();
    if q.behavioural {
        tags.push("Behavioural".to_string());
    }
    StudyCard {
        id: q.id.clone(),
        kind: Kind::Question(i),
        roles: q.roles.clone(),
        subject: Subject::Question(q.category),
        tags,
    }
}

fn fact_card(lib: &Library, i: usize) -> StudyCard {
    let f = &lib.facts[i];
    StudyCard {
        id: f.id.clone(),
        kind: Kind::Fact(i),
        roles: f.roles.clone(),
        subject: Subject::Fact(f.topic),
        tags: if f.correct.is_some() {
            vec!["Multiple choice".to_string()]
        } else {
            Vec::new()
        },
    }
}

impl Catalogue {
    /// The user's own cards first (they added them for a reason), then questions and facts
    /// alternately, so new cards of a big deck do not arrive as a long run of one kind.
    pub fn from_library(lib: &Library) -> Catalogue {
        let mut cards: Vec<StudyCard> = lib
            .cards
            .iter()
            .enumerate()
            .map(|(i, c)| StudyCard {
                id: c.id.clone(),
                kind: Kind::Note(i),
                roles: Vec::new(),
                subject: Subject::Deck(c.deck.clone()),
                tags: c.tags.clone(),
            })
            .collect();
        for i in 0..lib.questions.len().max(lib.facts.len()) {
            if i < lib.questions.len() {
                cards.push(question_card(lib, i));
            }
            if i < lib.facts.len() {
                cards.push(fact_card(lib, i));
            }
        }
        let index = cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let subjects: BTreeSet<Subject> = cards.iter().map(|c| c.subject.clone()).collect();
        let tags: BTreeSet<String> = cards.iter().flat_map(|c| c.tags.iter().cloned()).collect();
        Catalogue {
            cards,
            index,
            roles: lib
                .roles
                .iter()
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect(),
            subjects: subjects.into_iter().collect(),
            tags: tags.into_iter().collect(),
        }
    }

    pub fn get(&self, id: &Id) -> Option<&StudyCard> {
        self.index.get(id).map(|&i| &self.cards[i])
    }

    /// Every card id, for finding reviews of cards that no longer exist.
    pub fn ids(&self) -> HashSet<Id> {
        self.index.keys().cloned().collect()
    }

    /// The deck list in display order: everything, then by role, then by subject.
    pub fn decks(&self) -> Vec<Deck> {
        std::iter::once(Deck::All)
            .chain(self.roles.iter().map(|(id, _)| Deck::Role(id.clone())))
            .chain(self.subjects.iter().cloned().map(Deck::Subject))
            .collect()
    }

    pub fn deck_label(&self, deck: &Deck) -> String {
        match deck {
            Deck::All => "All cards".to_string(),
            Deck::Role(id) => self.role_name(id),
            Deck::Subject(s) => s.label(),
        }
    }

    pub fn role_name(&self, id: &Id) -> String {
        self.roles
            .iter()
            .find(|(r, _)| r == id)
            .map_or_else(|| id.to_string(), |(_, name)| name.clone())
    }

    /// The ids in `deck` that pass `filter`, in catalogue order.
    /// The id of every card in `lib`, in catalogue order, without building the catalogue: all that
    /// `status` needs to count due and new cards.
    pub fn all_ids(lib: &Library) -> Vec<Id> {
        let mut ids: Vec<Id> = lib.cards.iter().map(|c| c.id.clone()).collect();
        for i in 0..lib.questions.len().max(lib.facts.len()) {
            ids.extend(lib.questions.get(i).map(|q| q.id.clone()));
            ids.extend(lib.facts.get(i).map(|f| f.id.clone()));
        }
        ids
    }

    pub fn select(&self, deck: &Deck, filter: &Filter) -> Vec<Id> {
        self.cards
            .iter()
            .filter(|c| deck.holds(c) && filter.matches(c))
            .map(|c| c.id.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lib() -> Library {
        Library::builtin()
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
}

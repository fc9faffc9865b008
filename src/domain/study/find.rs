//! Finding cards by their words: front, back and tags, without regard to case or accents.
//!
//! Each card's text is folded once (lowercase, accents taken off: "Ésta" → "esta") into one string,
//! so a key typed into the search box costs one substring scan per query word over that text, not
//! a fold of every card again.

use super::catalogue::{Catalogue, Kind, StudyCard};
use crate::domain::content::Library;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` lowercased with its accents and other combining marks taken off, so "Café" and "cafe"
/// compare equal.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A card's front and back as the user reads them.
pub fn front_back<'a>(lib: &'a Library, card: &StudyCard) -> (&'a str, &'a str) {
    match card.kind {
        Kind::Question(i) => lib
            .questions
            .get(i)
            .map_or(("", ""), |q| (q.text.as_str(), q.looking_for.as_str())),
        Kind::Fact(i) => lib
            .facts
            .get(i)
            .map_or(("", ""), |f| (f.front.as_str(), f.back.as_str())),
        Kind::Note(i) => lib
            .cards
            .get(i)
            .map_or(("", ""), |n| (n.front.as_str(), n.back.as_str())),
    }
}

/// The folded words of every card of a catalogue, in catalogue order.
#[derive(Debug, Clone, Default)]
pub struct CardIndex {
    texts: Vec<String>,
    /// Where each text's front ends: a card whose front has every word is listed first.
    fronts: Vec<usize>,
}

impl CardIndex {
    /// Folds each card's front, back, the rest of its answer (a question's outline, a fact's
    /// options) and its tags.
    pub fn build(cat: &Catalogue, lib: &Library) -> CardIndex {
        let (texts, fronts) = cat
            .cards
            .iter()
            .map(|card| {
                let (front, back) = front_back(lib, card);
                let mut all = vec![back];
                match card.kind {
                    Kind::Question(i) => {
                        if let Some(q) = lib.questions.get(i) {
                            all.extend(q.outline.iter().map(String::as_str));
                        }
                    }
                    Kind::Fact(i) => {
                        if let Some(f) = lib.facts.get(i) {
                            all.extend(f.correct.as_deref());
                            all.extend(f.distractors.iter().map(String::as_str));
                        }
                    }
                    Kind::Note(_) => {}
                }
                all.extend(card.tags.iter().map(compact_str::CompactString::as_str));
                let mut text = fold(front);
                let front_end = text.len();
                text.push('\n');
                text.push_str(&fold(&all.join("\n")));
                (text, front_end)
            })
            .unzip();
        CardIndex { texts, fronts }
    }

    /// How many cards the index covers: a catalogue of another size needs a new index.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// The cards (catalogue indices) whose text holds every word of `query`, at most `max`: those
    /// with every word on the front first, then the others, each in catalogue order. None for a
    /// query with no words.
    pub fn find(&self, query: &str, max: usize) -> Vec<usize> {
        self.find_among(query, max, 0..self.texts.len())
    }

    /// Like [`CardIndex::find`], looking only at the cards `among` (in catalogue order): the
    /// matches of a shorter query, when one more letter is typed, so a key costs a scan of those.
    pub fn find_among(
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
            let Some(text) = self.texts.get(i) else {
                continue;
            };
            if on_front.len() >= max {
                break;
            }
            if words.iter().all(|w| text.contains(w)) {
                let front = &text[..self.fronts[i].min(text.len())];
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::{Card, Id};

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
}

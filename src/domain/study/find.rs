//! Finding cards by their words (front, back, tags; whatever the case or accents) through an index.

use super::catalogue::{Catalogue, Kind, StudyCard};
use crate::domain::content::Library;
use foldhash::HashMap;
use memchr::memmem;
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

/// A card's words, folded, as one text: its front, a newline, then its back, the rest of its answer
/// (a question's outline, a fact's options) and its tags; with where the front ends.
fn folded_text(lib: &Library, card: &StudyCard) -> (String, usize) {
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
}

/// The folded words of every card of a catalogue: each distinct word once, with the cards that have
/// it.
///
/// A query word holds no whitespace, so it is in a card's text exactly when it is in one of the
/// text's whitespace-separated words. A key typed then costs one substring scan of the distinct
/// words (at 100,000 cards about a fiftieth of their text), then a pass over the cards of the words
/// that hold it or, when those are most cards, a read of the first cards' words until enough are
/// found: not a scan of every card's text.
#[derive(Debug, Clone, Default)]
pub struct CardIndex {
    /// Every distinct word, each followed by a newline: one scan finds every word holding a query
    /// word, and no match runs from one word into the next.
    words: String,
    /// Where each word starts in `words`, then where the last one's newline ends.
    starts: Vec<usize>,
    /// Where each word's cards start in `cards`, then the end of the last word's.
    offsets: Vec<usize>,
    /// Each word's cards in catalogue order, once each, as `card << 1 | 1` when the word is on the
    /// card's front, else `card << 1`.
    cards: Vec<u32>,
    /// How many cards have each word on their front: a guess at how soon a scan finds enough.
    on_fronts: Vec<u32>,
    /// Each card's words, once each, as `word << 1 | 1` when on its front, else `word << 1`: a
    /// query whose words are on most cards reads the first cards' words until it has enough,
    /// rather than every card of every word.
    by_card: Vec<u32>,
    /// Where each card's words end in `by_card`.
    card_ends: Vec<usize>,
    /// How many cards the index covers.
    len: usize,
}

/// A set of cards, or of indexed words, one bit each.
type Bits = Vec<u64>;

impl CardIndex {
    /// Folds each card's front, back, the rest of its answer and its tags, and lists each word's
    /// cards and each card's words. (A catalogue past 2^31 cards, which no memory holds, would have
    /// the rest left out.)
    pub fn build(cat: &Catalogue, lib: &Library) -> CardIndex {
        let mut ids: HashMap<String, u32> = HashMap::default();
        let (mut words, mut starts) = (String::new(), Vec::new());
        // Each card's words, as `word << 1 | on front`, once each; where each card's end.
        let (mut seen, mut ends) = (Vec::new(), Vec::with_capacity(cat.cards.len()));
        // The last card (plus one) each word was seen on, so a card lists a word once.
        let mut last: Vec<u32> = Vec::new();
        for (i, card) in cat.cards.iter().enumerate() {
            let Some(card_no) = u32::try_from(i).ok().filter(|&i| i < 1 << 31) else {
                break;
            };
            // Plus one: 0 in `last` means not yet seen.
            let card_no = card_no + 1;
            let (text, front_end) = folded_text(lib, card);
            let (front, rest) = text.split_at(front_end);
            let front_words = front.split_whitespace().map(|w| (w, 1));
            for (word, on_front) in front_words.chain(rest.split_whitespace().map(|w| (w, 0))) {
                let id = match ids.get(word) {
                    Some(&id) => id,
                    None => {
                        let Some(id) = u32::try_from(starts.len()).ok().filter(|&w| w < 1 << 31)
                        else {
                            continue;
                        };
                        ids.insert(word.to_string(), id);
                        starts.push(words.len());
                        words.push_str(word);
                        words.push('\n');
                        last.push(0);
                        id
                    }
                };
                // The front's words come first, so a word's first sighting on a card says whether
                // the front has it.
                if let Some(l) = last.get_mut(id as usize).filter(|l| **l != card_no) {
                    *l = card_no;
                    seen.push(id << 1 | on_front);
                }
            }
            ends.push(seen.len());
        }
        seen.shrink_to_fit();
        starts.push(words.len());
        drop(ids);
        drop(last);
        // Each word's cards, in catalogue order: counted, then placed.
        let mut offsets = vec![0; starts.len()];
        let mut on_fronts = vec![0; starts.len() - 1];
        for &s in &seen {
            offsets[(s >> 1) as usize + 1] += 1;
            on_fronts[(s >> 1) as usize] += s & 1;
        }
        for w in 1..offsets.len() {
            offsets[w] += offsets[w - 1];
        }
        let mut next = offsets.clone();
        let mut cards = vec![0; seen.len()];
        let mut begin = 0;
        for (card, &end) in ends.iter().enumerate() {
            for &s in &seen[begin..end] {
                let at = &mut next[(s >> 1) as usize];
                // `card` fits: cards past 2^31 were left out above.
                cards[*at] = (card as u32) << 1 | (s & 1);
                *at += 1;
            }
            begin = end;
        }
        CardIndex {
            words,
            starts,
            offsets,
            cards,
            on_fronts,
            by_card: seen,
            len: ends.len(),
            card_ends: ends,
        }
    }

    /// How many cards the index covers: a catalogue of another size needs a new index.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The cards (catalogue indices) whose text holds every word of `query`, at most `max`: those
    /// with every word on the front first, then the others, each in catalogue order. None for a
    /// query with no words.
    pub fn find(&self, query: &str, max: usize) -> Vec<usize> {
        match self.plan(query, max) {
            Some(plan) => self.find_by(&plan, max),
            None => Vec::new(),
        }
    }

    /// The cards `plan` finds, at most `max`, front matches first.
    fn find_by(&self, plan: &Plan, max: usize) -> Vec<usize> {
        let Plan::Cards(any, front) = plan else {
            return self.scan(plan, max, 0..self.len);
        };
        let mut found = Vec::new();
        let others = any.iter().zip(front).map(|(a, f)| a & !f);
        for (k, mut bits) in front.iter().copied().chain(others).enumerate() {
            if found.len() >= max {
                break;
            }
            while bits != 0 && found.len() < max {
                found.push((k % any.len()) * 64 + bits.trailing_zeros() as usize);
                bits &= bits - 1;
            }
        }
        found
    }

    /// Like [`CardIndex::find`], looking only at the cards `among`, listed in their order there.
    pub fn find_among(
        &self,
        query: &str,
        max: usize,
        among: impl IntoIterator<Item = usize>,
    ) -> Vec<usize> {
        match self.plan(query, max) {
            Some(plan) => self.scan(&plan, max, among),
            None => Vec::new(),
        }
    }

    /// The cards `among` that `plan` finds, those with every word on the front first, stopping at
    /// `max` of those.
    fn scan(&self, plan: &Plan, max: usize, among: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let (mut on_front, mut elsewhere) = (Vec::new(), Vec::new());
        for i in among.into_iter().filter(|&i| i < self.len) {
            if on_front.len() >= max {
                break;
            }
            match self.test(plan, i) {
                (_, true) => on_front.push(i),
                (true, false) if elsewhere.len() < max => elsewhere.push(i),
                _ => {}
            }
        }
        on_front.extend(elsewhere);
        on_front.truncate(max);
        on_front
    }

    /// Whether card `i` has every query word, and whether its front does.
    fn test(&self, plan: &Plan, i: usize) -> (bool, bool) {
        match plan {
            Plan::Cards(any, front) => (has(any, i), has(front, i)),
            Plan::Words(holding) => {
                let start = i.checked_sub(1).map_or(0, |p| self.card_ends[p]);
                let mine = &self.by_card[start..self.card_ends[i]];
                let (mut any, mut front) = (true, true);
                for holds in holding {
                    let (mut a, mut f) = (false, false);
                    for &w in mine.iter().filter(|&&w| has(holds, (w >> 1) as usize)) {
                        a = true;
                        if w & 1 == 1 {
                            f = true;
                            break;
                        }
                    }
                    (any, front) = (any && a, front && f);
                    if !any {
                        break;
                    }
                }
                (any, front)
            }
        }
    }

    /// How to find `query`'s cards, None for a query with no words: through each word's cards
    /// when there are few, else by reading the first cards' words until `max` are found, when
    /// that is expected to read fewer.
    fn plan(&self, query: &str, max: usize) -> Option<Plan> {
        let holding = self.holding_each(query)?;
        let len = self.len.max(1) as f64;
        let (mut postings, mut share) = (0, 1.0);
        for words in &holding {
            postings += words
                .iter()
                .map(|&w| self.offsets[w + 1] - self.offsets[w])
                .sum::<usize>();
            let fronts: u64 = words.iter().map(|&w| u64::from(self.on_fronts[w])).sum();
            // As if the words fell on fronts apart from each other; a card with two words holding
            // this one counts twice, so the guess leans to reading cards.
            share *= (fronts as f64 / len).min(1.0);
        }
        // A read of a card's words costs about twice a step through a word's cards.
        let read = (max as f64 / share).min(len) * self.by_card.len() as f64 / len;
        Some(if read * holding.len() as f64 * 2.0 < postings as f64 {
            self.by_words(&holding)
        } else {
            self.by_cards(&holding)
        })
    }

    /// For each word of `query`, folded, the indexed words holding it; None for no words.
    fn holding_each(&self, query: &str) -> Option<Vec<Vec<usize>>> {
        let folded = fold(query);
        let holding: Vec<Vec<usize>> = folded.split_whitespace().map(|w| self.holding(w)).collect();
        (!holding.is_empty()).then_some(holding)
    }

    /// A plan that reads cards' words: `holding` as a set of indexed words per query word.
    fn by_words(&self, holding: &[Vec<usize>]) -> Plan {
        let words = self.starts.len().saturating_sub(1);
        let sets = holding.iter().map(|ws| {
            let mut set = vec![0; words.div_ceil(64)];
            ws.iter().for_each(|&w| set[w / 64] |= 1 << (w % 64));
            set
        });
        Plan::Words(sets.collect())
    }

    /// A plan that has every card found already: the cards of each query word's indexed words,
    /// across query words those in all.
    fn by_cards(&self, holding: &[Vec<usize>]) -> Plan {
        let n = self.len.div_ceil(64);
        let (mut any, mut front) = (vec![u64::MAX; n], vec![u64::MAX; n]);
        for words in holding {
            let (a, f) = self.cards_of(words);
            any.iter_mut().zip(a).for_each(|(x, y)| *x &= y);
            front.iter_mut().zip(f).for_each(|(x, y)| *x &= y);
        }
        Plan::Cards(any, front)
    }

    /// The indexed words holding `word`, in order.
    fn holding(&self, word: &str) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        // The word the last match was in: the last to start at or before it (the first starts at
        // 0, and the last entry of `starts` is past every match).
        let mut w = 0;
        for at in memmem::find_iter(self.words.as_bytes(), word.as_bytes()) {
            // Galloping from the last match's word: a word at a time when most words match (one
            // letter typed), in a few halvings when few do.
            let (mut lo, mut hi, mut step) = (w, w + 1, 1);
            while self.starts.get(hi).is_some_and(|&s| s <= at) {
                lo = hi;
                hi += step;
                step *= 2;
            }
            let hi = hi.min(self.starts.len());
            w = lo + self.starts[lo..hi].partition_point(|&s| s <= at) - 1;
            if found.last() != Some(&w) {
                found.push(w);
            }
        }
        found
    }

    /// The cards with any of `words`, and those with one on their front.
    fn cards_of(&self, words: &[usize]) -> (Bits, Bits) {
        let n = self.len.div_ceil(64);
        let (mut any, mut front) = (vec![0; n], vec![0; n]);
        for &w in words {
            for &c in &self.cards[self.offsets[w]..self.offsets[w + 1]] {
                let card = (c >> 1) as usize;
                any[card / 64] |= 1 << (card % 64);
                front[card / 64] |= u64::from(c & 1) << (card % 64);
            }
        }
        (any, front)
    }
}

/// How a query's cards are found.
#[derive(Debug)]
enum Plan {
    /// The cards with every word, and those with every word on the front.
    Cards(Bits, Bits),
    /// For each query word, the indexed words holding it (a bit each).
    Words(Vec<Bits>),
}

/// Whether `bits` has bit `i`.
fn has(bits: &Bits, i: usize) -> bool {
    bits[i / 64] >> (i % 64) & 1 == 1
}

#[cfg(test)]
#[path = "find_tests.rs"]
mod tests;

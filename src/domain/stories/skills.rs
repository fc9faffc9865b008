//! Which skills a story's words suggest, from each competency's signals, for the coach to offer as tags.

use super::coverage::key;
use super::story::{Section, Story, fold};
use crate::domain::content::{Id, Library};
use foldhash::HashMap;

/// A story holds this many different signals of a skill before the skill is suggested: one word
/// ("patient") is in nearly every story, two ("patient", "transfer") say what it is about.
const HEARD_FROM: usize = 2;

/// Endings a short signal word may take and still match: "fall" matches "falls" and "falling",
/// but not "fallacy"; "son" is not found in "something".
const ENDINGS: [&str; 13] = [
    "", "s", "es", "ed", "d", "ing", "er", "ers", "ly", "y", "ies", "en", "ful",
];

/// A signal word this long or longer is a stem and matches any word it begins ("organiz").
const STEM_FROM: usize = 6;

/// Every competency's signals, split into words once, and found by their first word.
#[derive(Debug, Default)]
pub struct Skills {
    skills: Vec<Signals>,
    /// The (skill, signal) places whose first word begins with each two letters: a story's word
    /// is compared only with the few signals that begin as it does, so a key in a 2,000-word
    /// story costs one lookup a word and a comparison now and then.
    by_first: HashMap<[char; 2], Vec<(usize, usize)>>,
}

#[derive(Debug)]
struct Signals {
    id: Id,
    name: String,
    phrases: Vec<Phrase>,
}

/// One signal, ready to match.
#[derive(Debug)]
struct Phrase {
    /// As written in the content: the cue the user is shown.
    written: String,
    /// Its words, folded.
    words: Vec<String>,
    /// Its words run together, for a story that writes them as one ("shortstaffed", "coworker").
    joined: String,
}

impl Signals {
    /// The signals marked in `found` (one flag a signal), as the words of `told` say them (see
    /// [`said`]), each once.
    fn cues(&self, found: &[bool], told: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (p, _) in self.phrases.iter().zip(found).filter(|(_, f)| **f) {
            if let Some(w) = said(told, p).filter(|w| !out.contains(w)) {
                out.push(w);
            }
        }
        out
    }
}

/// A skill a story's words suggest: which, and the signals found, in the order the content lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heard {
    pub id: Id,
    pub name: String,
    pub cues: Vec<String>,
}

impl Heard {
    /// Whether one of `tags` already names this skill, as Coverage reads tags (by id or name,
    /// whatever the case, accents, spaces or hyphens).
    pub fn tagged(&self, tags: &[String]) -> bool {
        let (id, name) = (key(self.id.as_str()), key(&self.name));
        tags.iter().map(|t| key(t)).any(|t| t == id || t == name)
    }
}

impl Skills {
    pub fn from_library(lib: &Library) -> Skills {
        let skills = lib
            .competencies
            .iter()
            .map(|c| Signals {
                id: c.id.clone(),
                name: c.name.clone(),
                phrases: phrases(&c.signals),
            })
            .collect::<Vec<_>>();
        let mut by_first: HashMap<[char; 2], Vec<(usize, usize)>> = HashMap::default();
        for (k, skill) in skills.iter().enumerate() {
            for (p, phrase) in skill.phrases.iter().enumerate() {
                if let Some(two) = phrase.words.first().and_then(|w| first_two(w)) {
                    by_first.entry(two).or_default().push((k, p));
                }
            }
        }
        Skills { skills, by_first }
    }

    /// The skills `story` shows at least [`HEARD_FROM`] different signals of, in its title and its
    /// four parts; the most signals first, then in content order.
    pub fn heard(&self, story: &Story) -> Vec<Heard> {
        let mut text = fold(&story.title);
        for s in Section::ALL {
            text.push(' ');
            text.push_str(&fold(story.text(s)));
        }
        let found = self.found(&text);
        let told = words(&text);
        let mut heard: Vec<Heard> = self
            .skills
            .iter()
            .zip(found)
            .filter_map(|(skill, found)| {
                let cues = skill.cues(&found, &told);
                (cues.len() >= HEARD_FROM).then(|| Heard {
                    id: skill.id.clone(),
                    name: skill.name.clone(),
                    cues,
                })
            })
            .collect();
        // Stable: equal counts keep content order.
        heard.sort_by_key(|h| std::cmp::Reverse(h.cues.len()));
        heard
    }

    /// The signals of skill `id` that `text` holds, in content order (any number of them): what a
    /// typed answer says of a skill its question asks for.
    pub fn cues_of(&self, text: &str, id: &Id) -> Vec<String> {
        let Some(skill) = self.skills.iter().find(|s| s.id == *id) else {
            return Vec::new();
        };
        let folded = fold(text);
        let told = words(&folded);
        let found = vec![true; skill.phrases.len()];
        skill.cues(&found, &told)
    }

    /// For each skill, which of its signals the folded `text` holds.
    fn found(&self, text: &str) -> Vec<Vec<bool>> {
        let told = words(text);
        let mut found: Vec<Vec<bool>> = self
            .skills
            .iter()
            .map(|k| vec![false; k.phrases.len()])
            .collect();
        for (i, word) in told.iter().enumerate() {
            let Some(starts) = first_two(word).and_then(|two| self.by_first.get(&two)) else {
                continue;
            };
            for &(k, p) in starts {
                let Some(phrase) = self.skills.get(k).and_then(|x| x.phrases.get(p)) else {
                    continue;
                };
                if (holds_at(&told, i, &phrase.words) || joined_at(word, phrase))
                    && let Some(cell) = found.get_mut(k).and_then(|f| f.get_mut(p))
                {
                    *cell = true;
                }
            }
        }
        found
    }
}

/// The words of folded text: letters and digits, split at anything else (a hyphen too, so
/// "co-worker" is two words on both sides of a match).
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Each signal with its words folded. A signal that is another's spelling ("set-up" after "set up",
/// "coworker" after "co-worker": the same letters run together) is left out, so one cue never counts
/// twice. Of the two, the one split into more words is kept, in the first one's place: its words match
/// both spellings.
fn phrases(signals: &[String]) -> Vec<Phrase> {
    let mut kept: Vec<Phrase> = Vec::with_capacity(signals.len());
    for s in signals {
        let folded = fold(s);
        let words: Vec<String> = words(&folded).into_iter().map(str::to_string).collect();
        if words.is_empty() {
            continue;
        }
        let joined = words.concat();
        match kept.iter_mut().find(|k| k.joined == joined) {
            Some(k) if words.len() > k.words.len() => {
                k.written = s.clone();
                k.words = words;
            }
            Some(_) => {}
            None => kept.push(Phrase {
                written: s.clone(),
                words,
                joined,
            }),
        }
    }
    kept
}

/// A word's first two letters: no signal word is shorter, so a word of one letter matches none.
fn first_two(word: &str) -> Option<[char; 2]> {
    let mut c = word.chars();
    Some([c.next()?, c.next()?])
}

/// Whether `told` holds `phrase`'s words from word `i` on, each matching as [`matches`] says.
fn holds_at(told: &[&str], i: usize, phrase: &[String]) -> bool {
    !phrase.is_empty()
        && told
            .get(i..i + phrase.len())
            .is_some_and(|w| w.iter().zip(phrase).all(|(t, p)| matches(t, p)))
}

/// How the words `told` say signal `phrase`, or None when they do not: the word as written
/// ("scheduling"), not the signal's stem ("schedul"), which a user walk read as a word cut off; a
/// phrase of several words as the content writes it ("check-in").
fn said(told: &[&str], phrase: &Phrase) -> Option<String> {
    let i = (0..told.len())
        .find(|&i| holds_at(told, i, &phrase.words) || joined_at(told[i], phrase))?;
    Some(match phrase.words.len() {
        1 => told[i].to_string(),
        _ => phrase.written.clone(),
    })
}

/// Whether the story's word `told` is the signal `phrase` of several words run together
/// ("shortstaffed" for "short-staffed"), with one of the usual [`ENDINGS`]. Never as a stem: "check
/// in" run together begins "checking".
fn joined_at(told: &str, phrase: &Phrase) -> bool {
    phrase.words.len() > 1
        && told
            .strip_prefix(phrase.joined.as_str())
            .is_some_and(|rest| ENDINGS.contains(&rest))
}

/// Whether the story's word `told` is the signal word `sig`, with one of the usual [`ENDINGS`], or
/// begins with it when it is a stem of [`STEM_FROM`] letters or more.
fn matches(told: &str, sig: &str) -> bool {
    match told.strip_prefix(sig) {
        Some(rest) => sig.chars().count() >= STEM_FROM || ENDINGS.contains(&rest),
        None => false,
    }
}

#[cfg(test)]
#[path = "skills_tests.rs"]
mod tests;

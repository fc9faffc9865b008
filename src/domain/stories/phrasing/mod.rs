//! The phrasing coach: finds the wording the rule table (`content/phrasing.toml`) flags in any text, a
//! story's part or a typed answer, and offers its rewrites.

#[cfg(test)]
mod builtin_tests;
mod context;
mod past;
mod rewrite;
#[cfg(test)]
mod tests;

pub use past::past_tense;
pub use rewrite::Replacement;

use super::story::Section;
use super::words::Words;
use crate::domain::content::Library;
use crate::domain::content::phrasing::{
    Pattern, PhrasingKind, PhrasingRule, StoryPart, Template, Token, normalize,
};
use std::collections::HashMap;

/// One flagged phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// Index of the rule in [`Phrasing::rules`].
    pub rule: usize,
    pub kind: PhrasingKind,
    /// Byte range of the flagged words in the text that was scanned.
    pub start: usize,
    pub end: usize,
    /// Byte ranges of the words the pattern's `*` steps matched, in order.
    pub captures: Vec<(usize, usize)>,
    /// Words in the sentence, for a long sentence; words matched, for a phrase.
    pub words: usize,
}

/// A rule ready to match: its patterns parsed, its word lists normalized.
#[derive(Debug)]
struct Compiled {
    rule: PhrasingRule,
    patterns: Vec<Pattern>,
    templates: Vec<Template>,
    /// Each entry split into words: an entry may be a phrase ("plan where"), matched word for word.
    unless_before: Vec<Vec<String>>,
    unless_after: Vec<Vec<String>>,
    except: Vec<String>,
}

/// The rule table, indexed by each pattern's first word so a text is scanned once however many rules
/// there are. Build it when content loads, not on every keystroke.
#[derive(Debug, Default)]
pub struct Phrasing {
    rules: Vec<Compiled>,
    /// First word → (rule, pattern), in table order: the first rule to match at a word wins.
    by_first: HashMap<String, Vec<(usize, usize)>, foldhash::fast::FixedState>,
    /// Long-sentence rules.
    long: Vec<usize>,
}

impl Phrasing {
    /// The table of `rules`, in order. A rule with problems (see [`PhrasingRule::problems`]) is left
    /// out; the content loader has reported it.
    pub fn new(rules: &[PhrasingRule]) -> Phrasing {
        let mut table = Phrasing::default();
        for rule in rules.iter().filter(|r| r.problems().is_empty()) {
            let patterns: Vec<Pattern> = rule
                .patterns
                .iter()
                .filter_map(|p| Pattern::parse(p).ok())
                .collect();
            let templates = rule
                .suggestions
                .iter()
                .filter_map(|s| Template::parse(s).ok())
                .collect();
            let index = table.rules.len();
            if rule.kind == PhrasingKind::LongSentence {
                table.long.push(index);
            }
            for (p, pattern) in patterns.iter().enumerate() {
                if let Some(first) = pattern.tokens.iter().find_map(|t| match t {
                    Token::Word(w) => Some(w.clone()),
                    _ => None,
                }) {
                    table.by_first.entry(first).or_default().push((index, p));
                }
            }
            let phrases = |v: &[String]| {
                v.iter()
                    .map(|p| p.split_whitespace().map(normalize).collect::<Vec<_>>())
                    .filter(|p| !p.is_empty())
                    .collect()
            };
            table.rules.push(Compiled {
                unless_before: phrases(&rule.unless_before),
                unless_after: phrases(&rule.unless_after),
                except: rule.except.iter().map(|w| normalize(w)).collect(),
                rule: rule.clone(),
                patterns,
                templates,
            });
        }
        table
    }

    /// The table of all loaded content, built-in and the user's own rules.
    pub fn from_library(lib: &Library) -> Phrasing {
        Phrasing::new(&lib.phrasing)
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The rule behind a flag (or at `index`).
    pub fn rule(&self, index: usize) -> Option<&PhrasingRule> {
        self.rules.get(index).map(|c| &c.rule)
    }

    /// Every flagged phrase in `text`, by where it starts. `part` is the story part the text is, which
    /// some rules are limited to; `None` (a typed answer) applies every rule. Phrases never overlap:
    /// where two rules match at one word, the one earlier in the table wins, and scanning goes on after
    /// its phrase. A long sentence is flagged from the first word past the limit, over any phrases.
    pub fn scan(&self, text: &str, part: Option<Section>) -> Vec<Flag> {
        let mut out = Vec::new();
        self.scan_words(text, &Words::new(text), part, &mut out);
        out
    }

    /// [`Phrasing::scan`] over words already split.
    pub(crate) fn scan_words(
        &self,
        text: &str,
        words: &Words,
        part: Option<Section>,
        out: &mut Vec<Flag>,
    ) {
        let applies = |c: &Compiled| part.is_none_or(|s| c.rule.covers(story_part(s)));
        let at = Gaps { text, words };
        let mut i = 0;
        while let Some(word) = words.get(i) {
            let hit = self.by_first.get(word).and_then(|cands| {
                cands.iter().find_map(|&(r, p)| {
                    let c = &self.rules[r];
                    if !applies(c) {
                        return None;
                    }
                    let (end, caps) = at.matches(&c.patterns[p], i)?;
                    c.allows(&at, i, end, &caps).then_some((r, end, caps))
                })
            });
            match hit {
                Some((rule, end, caps)) => {
                    out.push(Flag {
                        rule,
                        kind: self.rules[rule].rule.kind,
                        start: words.span(i).0,
                        end: words.span(end - 1).1,
                        captures: caps.iter().map(|&k| words.span(k)).collect(),
                        words: end - i,
                    });
                    i = end.max(i + 1);
                }
                None => i += 1,
            }
        }
        for &r in &self.long {
            if applies(&self.rules[r]) {
                let max = self.rules[r].rule.max_words.unwrap_or(u32::MAX) as usize;
                at.long_sentences(r, max, out);
            }
        }
        if !self.long.is_empty() {
            out.sort_by_key(|f| (f.start, f.end));
        }
    }

    /// The rewrites a flag offers, filled in from the text, without repeats. `""` means "delete".
    pub fn suggestions(&self, text: &str, flag: &Flag) -> Vec<String> {
        let Some(c) = self.rules.get(flag.rule) else {
            return Vec::new();
        };
        let mut out: Vec<String> = Vec::new();
        for t in &c.templates {
            let s = rewrite::fill(t, text, &flag.captures);
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }

    /// The edit that accepting suggestion `choice` of `flag` makes to `text`, or `None` when the flag
    /// has no such suggestion or no longer fits the text.
    pub fn rewrite(&self, text: &str, flag: &Flag, choice: usize) -> Option<Replacement> {
        let s = self.suggestions(text, flag).into_iter().nth(choice)?;
        rewrite::replacement(text, flag.start, flag.end, &s)
    }
}

impl Compiled {
    /// The exceptions: words before or after that make the phrase ordinary speech, a captured word
    /// the rule excludes, or, for a "we" rule, a "we" that is the teller and the patient (see
    /// [`Gaps::we_with_patient`]).
    fn allows(&self, at: &Gaps, start: usize, end: usize, caps: &[usize]) -> bool {
        let before = self.unless_before.iter().any(|p| at.ends_at(start, p));
        let after = self.unless_after.iter().any(|p| at.begins_at(end, p));
        let excepted = caps
            .iter()
            .filter_map(|&k| at.words.get(k))
            .any(|w| self.except.iter().any(|x| x == w));
        let inclusive_we = self.rule.kind == PhrasingKind::We
            && (at.we_with_patient(start)
                || at.we_with_clinician(start)
                || at.we_each_other(start));
        !(before || after || excepted || inclusive_we)
    }
}

/// A text and its words, for looking at what lies between words.
struct Gaps<'a> {
    text: &'a str,
    words: &'a Words,
}

impl Gaps<'_> {
    /// The text between word `i - 1` and word `i` (from the start before the first word, to the end
    /// after the last).
    fn gap(&self, i: usize) -> &str {
        let from = i.checked_sub(1).map_or(0, |k| self.words.span(k).1);
        let to = if i < self.words.len() {
            self.words.span(i).0
        } else {
            self.text.len()
        };
        self.text.get(from..to).unwrap_or("")
    }

    /// True when a sentence ends before word `i` (or `i` is the first word).
    fn sentence_ends_before(&self, i: usize) -> bool {
        i == 0 || self.gap(i).contains(['.', '!', '?', '\n', '…'])
    }

    /// Where `pattern` matched from word `i`: the word after the match and the `*` words.
    fn matches(&self, pattern: &Pattern, i: usize) -> Option<(usize, Vec<usize>)> {
        let mut j = i;
        let mut caps = Vec::new();
        let mut comma_allowed = false;
        for t in &pattern.tokens {
            // A phrase stays inside one sentence, and its words are not split by a comma unless
            // the pattern says so: "I, think" is not "I think".
            let word_step = matches!(t, Token::Word(_) | Token::Any | Token::Ending(_));
            if word_step
                && j > i
                && (self.sentence_ends_before(j) || (!comma_allowed && self.gap(j).contains(',')))
            {
                return None;
            }
            comma_allowed = *t == Token::Comma;
            match t {
                Token::Start if !self.sentence_ends_before(j) => return None,
                Token::Comma if !self.gap(j).contains(',') => return None,
                Token::Start | Token::Comma => {}
                Token::Word(w) => {
                    if self.words.get(j)? != w {
                        return None;
                    }
                    j += 1;
                }
                Token::Any => {
                    self.words.get(j)?;
                    caps.push(j);
                    j += 1;
                }
                Token::Ending(e) => {
                    let w = self.words.get(j)?;
                    if w.len() <= e.len() || !w.ends_with(e.as_str()) {
                        return None;
                    }
                    caps.push(j);
                    j += 1;
                }
            }
        }
        (j > i).then_some((j, caps))
    }

    /// Where a long sentence from word `first` to before word `end` can be cut in two with
    /// little rewording: before a joining word ("and", "because") or after a comma, nearest its
    /// middle and with five words or more on each side. None when there is no such place.
    fn split_point(&self, first: usize, end: usize) -> Option<usize> {
        let mid = (first + end) / 2;
        (first + 5..end.saturating_sub(4))
            .filter(|&j| {
                self.gap(j).contains([',', ';', ':', '—', '–'])
                    || self.words.get(j).is_some_and(|w| JOINTS.contains(&w))
            })
            .min_by_key(|&j| j.abs_diff(mid))
    }

    /// Flags each sentence of more than `max` words: from a place it can be cut in two (see
    /// [`Gaps::split_point`]) to its end, or the whole sentence when there is none. Marking
    /// from word `max + 1` told a user to split "didn't want me to | call anyone".
    fn long_sentences(&self, rule: usize, max: usize, out: &mut Vec<Flag>) {
        let n = self.words.len();
        let mut first = 0;
        for j in 1..=n {
            if j == n || self.sentence_ends_before(j) {
                let len = j - first;
                if len > max {
                    let from = self.split_point(first, j).unwrap_or(first);
                    out.push(Flag {
                        rule,
                        kind: PhrasingKind::LongSentence,
                        start: self.words.span(from).0,
                        end: self.words.span(j - 1).1,
                        captures: Vec::new(),
                        words: len,
                    });
                }
                first = j;
            }
        }
    }
}

/// Words before which a long sentence can be cut in two: "…the wheelchair. And then I…".
const JOINTS: &[&str] = &[
    "and", "but", "so", "because", "then", "while", "when", "after", "before", "until", "which",
];

/// The content format's name for a story part.
pub fn story_part(s: Section) -> StoryPart {
    match s {
        Section::Situation => StoryPart::Situation,
        Section::Task => StoryPart::Task,
        Section::Action => StoryPart::Action,
        Section::Result => StoryPart::Result,
    }
}

//! Phrasing rules (`[[phrasing]]`): the wording the story coach flags, why, and the rewrites it offers.
//!
//! The rules are content, so a reviewer can add one without code; this module holds their shape and the
//! small pattern and template grammars, and checks a rule when it loads. Matching a rule against text
//! is the story coach's job (`domain::stories::phrasing`).

use serde::{Deserialize, Serialize};

use super::model::Id;

/// What kind of wording a rule flags. The coach counts some kinds (fillers and hedges against the
/// one-a-minute target, "would" for a warning) and draws every kind the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PhrasingKind {
    /// "um", "like", "you know": words that fill a pause.
    Filler,
    /// "I think", "kind of": words that make a true story sound unsure.
    Hedge,
    /// "I would call" told about something that happened.
    Would,
    /// "it went well": a result with nothing to check it by.
    VagueResult,
    /// "the chairs were moved": passive voice that hides who acted.
    Passive,
    /// "helped with": a verb that hides what you did.
    WeakVerb,
    /// "we" where the interviewer wants "I".
    We,
    /// A sentence too long to say in one breath.
    LongSentence,
}

impl PhrasingKind {
    pub const ALL: [PhrasingKind; 8] = [
        PhrasingKind::Filler,
        PhrasingKind::Hedge,
        PhrasingKind::Would,
        PhrasingKind::VagueResult,
        PhrasingKind::Passive,
        PhrasingKind::WeakVerb,
        PhrasingKind::We,
        PhrasingKind::LongSentence,
    ];

    /// A short name for the coaching panel, e.g. "Weak verb".
    pub fn label(self) -> &'static str {
        match self {
            PhrasingKind::Filler => "Filler",
            PhrasingKind::Hedge => "Hedge",
            PhrasingKind::Would => "“Would” for the past",
            PhrasingKind::VagueResult => "Vague result",
            PhrasingKind::Passive => "Who did it?",
            PhrasingKind::WeakVerb => "Weak verb",
            PhrasingKind::We => "“We” instead of “I”",
            PhrasingKind::LongSentence => "Long sentence",
        }
    }
}

/// A part of a STAR story, as a rule's `sections` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StoryPart {
    Situation,
    Task,
    Action,
    Result,
}

/// One row of the rule table.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhrasingRule {
    pub id: Id,
    pub kind: PhrasingKind,
    /// Phrases to find, in the grammar of [`Pattern::parse`]. Empty for `long-sentence`.
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Why the phrase weakens the story, in a sentence the user reads beside it.
    pub why: String,
    /// Rewrites, best first, in the grammar of [`Template::parse`]; `""` deletes the phrase.
    #[serde(default)]
    pub suggestions: Vec<String>,
    /// The story parts the rule looks at; empty means all. A typed answer has no parts: every rule
    /// applies to it.
    #[serde(default)]
    pub sections: Vec<StoryPart>,
    /// Words or phrases that, right before the phrase in its sentence, mean it is ordinary speech
    /// ("a kind of walker"; "plan where" before "I would"): a phrase must be there word for word.
    #[serde(default)]
    pub unless_before: Vec<String>,
    /// Words or phrases that, right after the phrase, mean it is ordinary speech ("just in case").
    #[serde(default)]
    pub unless_after: Vec<String>,
    /// Words that, matched by a `*` of a pattern, mean it is ordinary speech ("was tired").
    #[serde(default)]
    pub except: Vec<String>,
    /// `long-sentence` only: a sentence with more words than this is flagged from the word after it.
    #[serde(default)]
    pub max_words: Option<u32>,
    /// Examples the rule must flag (checked by `tests/phrasing.rs`).
    #[serde(default)]
    pub flags: Vec<String>,
    /// Examples the rule must leave alone.
    #[serde(default)]
    pub passes: Vec<String>,
    /// The first `flags` example after accepting the first suggestion.
    #[serde(default)]
    pub becomes: Option<String>,
}

/// One step of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// This word, lowercase, with a straight apostrophe.
    Word(String),
    /// `*`: any one word, which a template can repeat as `{1}`, `{2}`…
    Any,
    /// `*ed`: any word ending in these letters (and longer than them), which a template can repeat.
    Ending(String),
    /// `,`: a comma at this point between words.
    Comma,
    /// `^`: the start of a sentence (only first in a pattern).
    Start,
}

/// A parsed pattern: words separated by spaces, matched whole and ignoring case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub tokens: Vec<Token>,
}

impl Pattern {
    /// Parses a pattern such as `"helped with"`, `"^ so ,"`, `"was *ed"` or `"i would *"`. Hyphens and
    /// other punctuation inside a word split it, as they split the story's words ("sit-to-stand" is
    /// three words). The first step that is a word must be a plain word, so the coach can look rules
    /// up by it.
    pub fn parse(text: &str) -> Result<Pattern, String> {
        let mut tokens = Vec::new();
        for chunk in text.split_whitespace() {
            match chunk {
                "^" if tokens.is_empty() => tokens.push(Token::Start),
                "^" => return Err("`^` (start of a sentence) can only come first".into()),
                "*" => tokens.push(Token::Any),
                _ if chunk.starts_with('*') => {
                    let ending = normalize(&chunk[1..]);
                    if ending.is_empty() || !ending.chars().all(char::is_alphanumeric) {
                        return Err(format!(
                            "`{chunk}`: after `*` write letters only, e.g. `*ed`"
                        ));
                    }
                    tokens.push(Token::Ending(ending));
                }
                _ => split_words(chunk, &mut tokens)?,
            }
        }
        match tokens
            .iter()
            .find(|t| !matches!(t, Token::Start | Token::Comma))
        {
            None => Err("a pattern needs at least one word".into()),
            Some(Token::Word(_)) => Ok(Pattern { tokens }),
            Some(_) => Err("a pattern must start with a plain word, not `*`".into()),
        }
    }

    /// How many `*` and `*ed` steps the pattern has: the captures a template may use.
    pub fn captures(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| matches!(t, Token::Any | Token::Ending(_)))
            .count()
    }
}

/// Splits one space-free chunk into words and commas: `like,` is the word `like` then a comma.
fn split_words(chunk: &str, tokens: &mut Vec<Token>) -> Result<(), String> {
    let mut word = String::new();
    let mut chars = chunk.chars().peekable();
    while let Some(c) = chars.next() {
        let inner_apostrophe = is_apostrophe(c)
            && !word.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_apostrophe {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            tokens.push(Token::Word(normalize(&word)));
            word.clear();
        }
        if c == ',' {
            tokens.push(Token::Comma);
        } else if c == '*' || c == '^' || c == '{' || c == '}' {
            return Err(format!("`{chunk}`: put spaces around `{c}`"));
        }
    }
    if !word.is_empty() {
        tokens.push(Token::Word(normalize(&word)));
    }
    Ok(())
}

/// Lowercase with straight apostrophes, as the story's words are compared.
pub fn normalize(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .collect()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// A piece of a rewrite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// The `n`th captured word (1-based), as written, or in the past tense (`{1:past}`).
    Capture {
        n: usize,
        past: bool,
    },
}

/// A parsed suggestion: text with `{1}` or `{1:past}` where a pattern's `*` words go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub pieces: Vec<Piece>,
}

impl Template {
    pub fn parse(text: &str) -> Result<Template, String> {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find(['{', '}']) {
            if rest[open..].starts_with('}') {
                return Err(format!("`{text}`: a `}}` without its `{{`"));
            }
            if open > 0 {
                pieces.push(Piece::Text(rest[..open].to_string()));
            }
            let Some(close) = rest[open..].find('}') else {
                return Err(format!("`{text}`: a `{{` without its `}}`"));
            };
            let inside = &rest[open + 1..open + close];
            let (n, past) = match inside.split_once(':') {
                Some((n, "past")) => (n, true),
                Some((_, other)) => {
                    return Err(format!(
                        "`{{{inside}}}`: `{other}` is unknown; only `:past` is"
                    ));
                }
                None => (inside, false),
            };
            let n: usize = n
                .parse()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| format!("`{{{inside}}}`: write a word number such as {{1}}"))?;
            pieces.push(Piece::Capture { n, past });
            rest = &rest[open + close + 1..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest.to_string()));
        }
        Ok(Template { pieces })
    }

    /// The highest capture the template uses, 0 for none.
    pub fn needs(&self) -> usize {
        self.pieces
            .iter()
            .map(|p| match p {
                Piece::Capture { n, .. } => *n,
                Piece::Text(_) => 0,
            })
            .max()
            .unwrap_or(0)
    }
}

impl PhrasingRule {
    /// A rule with no limits, exceptions or examples, e.g. for a table built in code or a test.
    pub fn new(id: &str, kind: PhrasingKind, patterns: &[&str], suggestions: &[&str]) -> Self {
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        PhrasingRule {
            id: Id::new(id),
            kind,
            patterns: strings(patterns),
            why: "Because.".into(),
            suggestions: strings(suggestions),
            sections: vec![],
            unless_before: vec![],
            unless_after: vec![],
            except: vec![],
            max_words: None,
            flags: vec![],
            passes: vec![],
            becomes: None,
        }
    }

    /// Everything wrong with the rule, as messages; an empty list means it can be used.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let id = &self.id;
        if self.why.trim().is_empty() {
            out.push(format!("{id}: `why` is empty"));
        }
        if self.kind == PhrasingKind::LongSentence {
            if !self.patterns.is_empty() || !self.suggestions.is_empty() {
                out.push(format!(
                    "{id}: a long-sentence rule has `max_words`, not `patterns` or `suggestions`"
                ));
            }
            if self.max_words.is_none_or(|m| m < 5) {
                out.push(format!(
                    "{id}: a long-sentence rule needs `max_words` of 5 or more"
                ));
            }
            return out;
        }
        if self.max_words.is_some() {
            out.push(format!("{id}: only a long-sentence rule has `max_words`"));
        }
        if self.patterns.is_empty() {
            out.push(format!("{id}: `patterns` needs at least one phrase"));
        }
        let mut captures = usize::MAX;
        for p in &self.patterns {
            match Pattern::parse(p) {
                Ok(p) => captures = captures.min(p.captures()),
                Err(e) => out.push(format!("{id}: pattern {p:?}: {e}")),
            }
        }
        for s in &self.suggestions {
            match Template::parse(s) {
                Ok(t) if captures != usize::MAX && t.needs() > captures => out.push(format!(
                    "{id}: suggestion {s:?} uses {{{}}}, but a pattern has only {captures} `*`",
                    t.needs()
                )),
                Ok(_) => {}
                Err(e) => out.push(format!("{id}: suggestion {s:?}: {e}")),
            }
        }
        if self.becomes.is_some() && (self.suggestions.is_empty() || self.flags.is_empty()) {
            out.push(format!(
                "{id}: `becomes` shows the first `flags` example rewritten by the first suggestion, \
                 so the rule needs both"
            ));
        }
        out
    }

    /// Whether the rule looks at `part` of a story.
    pub fn covers(&self, part: StoryPart) -> bool {
        self.sections.is_empty() || self.sections.contains(&part)
    }

    /// Strips control characters from the text a user reads (`why`) and the text put into a story
    /// (`suggestions`): content files are untrusted.
    pub fn sanitize(&mut self) {
        crate::storage::sanitize::clean_line_in_place(&mut self.why);
        self.suggestions
            .iter_mut()
            .for_each(crate::storage::sanitize::clean_line_in_place);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(p: &str) -> Vec<Token> {
        Pattern::parse(p).unwrap().tokens
    }

    fn w(s: &str) -> Token {
        Token::Word(s.into())
    }

    #[test]
    fn patterns_are_words_wildcards_commas_and_a_sentence_start() {
        assert_eq!(words("Helped  WITH"), [w("helped"), w("with")]);
        assert_eq!(words("^ so ,"), [Token::Start, w("so"), Token::Comma]);
        assert_eq!(words(", like,"), [Token::Comma, w("like"), Token::Comma]);
        assert_eq!(words("was *ed"), [w("was"), Token::Ending("ed".into())]);
        assert_eq!(words("I’d *"), [w("i'd"), Token::Any]);
        assert_eq!(words("sit-to-stand"), [w("sit"), w("to"), w("stand")]);
        assert_eq!(Pattern::parse("i would * *").unwrap().captures(), 2);
    }

    #[test]
    fn bad_patterns_say_what_is_wrong() {
        for bad in ["", " , ", "* with", "*ed", "so ^", "like*", "*-x"] {
            assert!(Pattern::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn templates_hold_text_and_numbered_captures() {
        let t = Template::parse("I {1:past} the {2}").unwrap();
        assert_eq!(
            t.pieces,
            [
                Piece::Text("I ".into()),
                Piece::Capture { n: 1, past: true },
                Piece::Text(" the ".into()),
                Piece::Capture { n: 2, past: false },
            ]
        );
        assert_eq!(t.needs(), 2);
        assert_eq!(Template::parse("").unwrap().pieces, []);
        for bad in ["{0}", "{x}", "{1:future}", "a {1", "a } b"] {
            assert!(Template::parse(bad).is_err(), "{bad:?}");
        }
    }

    fn rule(kind: PhrasingKind, patterns: &[&str], suggestions: &[&str]) -> PhrasingRule {
        PhrasingRule::new("r", kind, patterns, suggestions)
    }

    #[test]
    fn a_rule_is_checked_whole() {
        assert!(
            rule(PhrasingKind::Filler, &["um"], &[""])
                .problems()
                .is_empty()
        );
        let p = rule(
            PhrasingKind::Would,
            &["i would *", "we would"],
            &["I {1:past}"],
        )
        .problems();
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("{1}"), "{p:?}");
        assert_eq!(rule(PhrasingKind::We, &[], &[]).problems().len(), 1);
        let mut long = rule(PhrasingKind::LongSentence, &[], &[]);
        assert_eq!(long.problems().len(), 1, "max_words is missing");
        long.max_words = Some(30);
        assert!(long.problems().is_empty());
        let mut blank = rule(PhrasingKind::Hedge, &["* think"], &["{"]);
        blank.why = " ".into();
        assert_eq!(blank.problems().len(), 3, "{:?}", blank.problems());
    }

    #[test]
    fn kinds_read_from_toml_in_kebab_case() {
        let r: PhrasingRule = toml::from_str(
            "id = \"x\"\nkind = \"weak-verb\"\npatterns = [\"helped with\"]\nwhy = \"w\"\n\
             sections = [\"action\", \"result\"]\n",
        )
        .unwrap();
        assert_eq!(r.kind, PhrasingKind::WeakVerb);
        assert!(r.covers(StoryPart::Action) && !r.covers(StoryPart::Task));
        let bad = toml::from_str::<PhrasingRule>("id = \"x\"\nkind = \"slang\"\nwhy = \"w\"\n");
        assert!(bad.is_err());
    }
}

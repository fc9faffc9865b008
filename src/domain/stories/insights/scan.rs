//! One text measured once: its words, "I" and "we", a number, marked phrases and job words.

use crate::domain::content::phrasing::PhrasingKind;
use crate::domain::stories::coach::Coach;
use crate::domain::stories::phrasing::Flag;
use crate::domain::stories::story::Section;
use crate::domain::stories::words::{TermHit, Words};

/// What one part of a story, or a typed answer, holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scan {
    pub words: usize,
    /// First-person singular and plural words.
    pub i_count: usize,
    pub we_count: usize,
    /// A numeral, a percent sign or a quantity word ("twice", "minutes").
    pub number: bool,
    /// Marked phrases, by where they start.
    pub flags: Vec<Flag>,
    /// Filler and hedge phrases as said, in order of first use, with counts.
    pub fillers: Vec<(String, usize)>,
    pub terms: Vec<TermHit>,
}

impl Scan {
    /// Scans `text`, which is `part` of a story (`None` for a typed answer). Splits the text once and
    /// makes every count in that one pass; a 2,000-word part takes well under a millisecond.
    pub fn new(text: &str, part: Option<Section>, coach: &Coach) -> Scan {
        let words = Words::new(text);
        let mut s = Scan {
            words: words.len(),
            number: text.contains(|c: char| c.is_numeric() || c == '%'),
            ..Scan::default()
        };
        for w in words.iter() {
            match w {
                "i" | "i'm" | "i've" | "i'd" | "i'll" | "me" | "my" | "mine" | "myself" => {
                    s.i_count += 1
                }
                "we" | "we're" | "we've" | "we'd" | "we'll" | "us" | "our" | "ours"
                | "ourselves" => s.we_count += 1,
                _ => s.number |= is_quantity_word(w),
            }
        }
        coach.phrasing.scan_words(text, &words, part, &mut s.flags);
        for f in &s.flags {
            if matches!(f.kind, PhrasingKind::Filler | PhrasingKind::Hedge) {
                let name = phrase_name(text.get(f.start..f.end).unwrap_or(""));
                match s.fillers.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, c)) => *c += 1,
                    None => s.fillers.push((name, 1)),
                }
            }
        }
        coach.glossary.scan(&words, &mut s.terms);
        s
    }
}

/// A phrase as the coach names it: lowercase words with single spaces, "I" capital.
fn phrase_name(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            let w = w.to_lowercase();
            if w == "i" { "I".to_string() } else { w }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_quantity_word(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "hundreds"
            | "thousand"
            | "thousands"
            | "half"
            | "quarter"
            | "twice"
            | "double"
            | "doubled"
            | "triple"
            | "tripled"
            | "halved"
            | "dozen"
            | "dozens"
            | "percent"
            | "second"
            | "seconds"
            | "minute"
            | "minutes"
            | "hour"
            | "hours"
            | "days"
            | "weeks"
            | "months"
            | "years"
    )
}

//! Coaching for the 30-second introduction ("Tell me about yourself"), in the same voice as the story
//! coaching: its length at the user's speaking pace, its shape (where you are now, what you did
//! before, why this job), fillers, and whether it names the job.
//!
//! The usual advice is to answer in about 30 seconds to a minute, starting from the present, going
//! back to the experience that led here, and ending on why this job; 60–90 words is about 30 seconds
//! at 140 words a minute, so the range moves with the user's own pace.

use super::sentences;
use crate::domain::stories::{Insight, Level, fillers_in, insights::spoken};

/// Words for about 30 seconds at 140 words a minute; scaled to the user's pace.
pub const WORDS_AT_140: (usize, usize) = (60, 90);
/// Above this share over the top of the range, the length tip becomes a warning.
const LONG_FACTOR: f32 = 1.3;

/// The numbers and the coaching lines, warnings first.
#[derive(Debug, Clone, PartialEq)]
pub struct IntroCoaching {
    pub words: usize,
    pub seconds: f32,
    /// The word range for about 30 seconds at the user's pace.
    pub target: (usize, usize),
    pub insights: Vec<Insight>,
}

/// The target word range at `words_per_minute`.
pub fn target_words(words_per_minute: u32) -> (usize, usize) {
    let wpm = words_per_minute.max(1) as usize;
    (
        (WORDS_AT_140.0 * wpm + 70) / 140,
        (WORDS_AT_140.1 * wpm + 70) / 140,
    )
}

/// Coaches `text`. `job_words` are the names of the job and clinic (role names, short names, the
/// employer); when given, an introduction that names none of them gets a tip.
pub fn coach(text: &str, words_per_minute: u32, job_words: &[String]) -> IntroCoaching {
    let words = sentences::word_count(text);
    let wpm = words_per_minute.max(1) as f32;
    let seconds = words as f32 * 60.0 / wpm;
    let target = target_words(words_per_minute);
    let mut out = Vec::new();
    let mut say = |level, text: String| out.push(Insight { level, text });
    if words == 0 {
        say(
            Level::Tip,
            "Start with where you are now, e.g. \"I'm a CNA at a nursing home…\"; then what you did \
             before, and end on why you want this job."
                .into(),
        );
        return IntroCoaching {
            words,
            seconds,
            target,
            insights: out,
        };
    }
    let range = format!("{}–{} words", target.0, target.1);
    let about = spoken(seconds);
    if words < target.0 {
        say(
            Level::Tip,
            format!("About {about} spoken: add a sentence to reach {range} (about 30 seconds)."),
        );
    } else if words as f32 > target.1 as f32 * LONG_FACTOR {
        say(
            Level::Warning,
            format!("About {about} spoken: cut it to {range}. Keep only what leads to this job."),
        );
    } else if words > target.1 {
        say(
            Level::Tip,
            format!("About {about} spoken: a little long; aim for {range}."),
        );
    } else {
        say(Level::Good, format!("About {about} spoken: a good length."));
    }
    shape(text, &mut say);
    let fillers = fillers_in(text);
    if !fillers.is_empty() {
        let list: Vec<String> = fillers
            .iter()
            .take(4)
            .map(|(w, c)| format!("“{w}” {c}×"))
            .collect();
        say(
            Level::Tip,
            format!(
                "Cut filler words ({}): they eat your 30 seconds.",
                list.join(", ")
            ),
        );
    }
    let lower = text.to_lowercase();
    let named = job_words
        .iter()
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .any(|w| lower.contains(&w));
    if !job_words.is_empty() && !named {
        say(
            Level::Tip,
            format!(
                "Name the job or the clinic (\"{}\") so it is clearly about this interview.",
                job_words[0].trim()
            ),
        );
    }
    out.sort_by_key(|i| i.level);
    IntroCoaching {
        words,
        seconds,
        target,
        insights: out,
    }
}

const PRESENT: [&str; 10] = [
    "i'm",
    "i am",
    "currently",
    "right now",
    "these days",
    "i work",
    "at the moment",
    "today i",
    "now i",
    "i now",
];
const PAST: [&str; 16] = [
    "i worked",
    "i was",
    "i've",
    "i have",
    "years",
    "before",
    "started",
    "spent",
    "used to",
    "previously",
    "ago",
    "learned",
    "graduated",
    "finished",
    "since",
    "months",
];
const WHY: [&str; 16] = [
    "because",
    "i want",
    "would like",
    "i'd like",
    "excited",
    "looking for",
    "looking forward",
    "i hope",
    "love to",
    "why i",
    "this job",
    "this role",
    "this position",
    "your clinic",
    "your team",
    "ready to",
];

/// Which sentences speak of the present, the past and why this job, and a line on the shape.
fn shape(text: &str, say: &mut impl FnMut(Level, String)) {
    let sents: Vec<String> = sentences::split(text)
        .iter()
        .map(|s| s.to_lowercase().replace('’', "'"))
        .collect();
    let has = |s: &str, marks: &[&str]| marks.iter().any(|m| contains_phrase(s, m));
    let first = |marks: &[&str]| sents.iter().position(|s| has(s, marks));
    let last = |marks: &[&str]| sents.iter().rposition(|s| has(s, marks));
    let (present, past, why) = (first(&PRESENT), first(&PAST), last(&WHY));
    let n = sents.len();
    match (present, past, why) {
        (_, _, None) => say(
            Level::Tip,
            "End on why you want this job, e.g. \"That's why I want to work as a PT aide here.\""
                .into(),
        ),
        (None, _, _) => say(
            Level::Tip,
            "Start with where you are now: your job or studies today, e.g. \"I'm a CNA at…\""
                .into(),
        ),
        (_, None, _) => say(
            Level::Tip,
            "Add a sentence on what you did before that led you here: your experience that fits."
                .into(),
        ),
        (Some(_), Some(_), Some(w)) if w + 1 < n => say(
            Level::Tip,
            "Finish on why this job: move that sentence to the end, so it is what they remember."
                .into(),
        ),
        (Some(p), Some(b), Some(_)) if p > b && n > 2 => say(
            Level::Tip,
            "Try starting with where you are now, then what you did before, then why this job."
                .into(),
        ),
        _ => say(
            Level::Good,
            "Now, before, why this job: a clear shape.".into(),
        ),
    }
}

/// True if `phrase` occurs in `s` on word boundaries.
fn contains_phrase(s: &str, phrase: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'';
    s.match_indices(phrase).any(|(i, m)| {
        let before = s[..i].chars().next_back();
        let after = s[i + m.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(c: &IntroCoaching) -> Vec<&str> {
        c.insights.iter().map(|i| i.text.as_str()).collect()
    }

    const GOOD: &str = "I'm a restorative aide at Maple Grove, a nursing home, where I help residents \
        walk and do their exercises every day. For six years I have worked closely with the \
        physical therapists there, and I learned to spot when someone is tired or in pain and to \
        tell the therapist right away. I want to work as a PT aide at your clinic because I love \
        seeing people get stronger week by week.";

    #[test]
    fn the_range_moves_with_the_pace() {
        assert_eq!(target_words(140), (60, 90));
        assert_eq!(target_words(120), (51, 77));
        assert_eq!(target_words(0), (0, 1));
    }

    #[test]
    fn a_good_introduction_is_praised_for_length_and_shape() {
        let c = coach(GOOD, 140, &["PT aide".into()]);
        assert!((60..=90).contains(&c.words), "{}", c.words);
        assert!(
            c.insights.iter().all(|i| i.level == Level::Good),
            "{:?}",
            texts(&c)
        );
        assert!(texts(&c).iter().any(|t| t.contains("clear shape")));
    }

    #[test]
    fn empty_short_and_long_are_each_coached() {
        let c = coach("", 140, &[]);
        assert_eq!(c.insights.len(), 1);
        assert!(
            c.insights[0]
                .text
                .starts_with("Start with where you are now")
        );
        let c = coach("I'm a CNA. I want this job.", 140, &[]);
        assert!(
            texts(&c).iter().any(|t| t.contains("add a sentence")),
            "{:?}",
            texts(&c)
        );
        let long = format!("{GOOD} {GOOD}");
        let c = coach(&long, 140, &[]);
        assert_eq!(c.insights[0].level, Level::Warning, "{:?}", texts(&c));
        assert!(c.insights[0].text.contains("cut it to 60–90 words"));
    }

    #[test]
    fn the_shape_asks_for_a_why_at_the_end() {
        let no_why = "I'm a CNA at a nursing home. I have worked there for six years.";
        let c = coach(no_why, 140, &[]);
        assert!(
            texts(&c).iter().any(|t| t.starts_with("End on why")),
            "{:?}",
            texts(&c)
        );
        let why_first = "I want this job because I love rehab. I'm a CNA now. I worked in a \
                         hospital for two years before that.";
        let c = coach(why_first, 140, &[]);
        assert!(
            texts(&c).iter().any(|t| t.starts_with("Finish on why")),
            "{:?}",
            texts(&c)
        );
    }

    #[test]
    fn fillers_and_a_missing_job_name_get_tips() {
        let text = "Um, I'm basically a CNA. I have worked for years. I want this job, you know.";
        let c = coach(text, 140, &["PT aide".into(), "Riverside".into()]);
        let t = texts(&c);
        assert!(t.iter().any(|t| t.contains("“basically” 1×")), "{t:?}");
        assert!(t.iter().any(|t| t.contains("Name the job")), "{t:?}");
        let c = coach(GOOD, 140, &["Riverside".into(), "PT aide".into()]);
        assert!(!texts(&c).iter().any(|t| t.contains("Name the job")));
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(contains_phrase("so i'm here", "i'm"));
        assert!(!contains_phrase("yesterday", "years"));
        assert!(!contains_phrase("nowhere", "now i"));
    }
}

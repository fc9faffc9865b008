//! Coaching for the 30-second introduction ("Tell me about yourself"), in the same voice as the story
//! coaching: its length at the user's speaking pace, its shape (where you are now, what you did
//! before, why this job), fillers, and whether it names the job.
//!
//! The usual advice is to answer in about 30 seconds to a minute, starting from the present, going
//! back to the experience that led here, and ending on why this job; 60–90 words is about 30 seconds
//! at 140 words a minute, so the range moves with the user's own pace.

use super::sentences;
use crate::domain::stories::Level;
use crate::domain::stories::insights::spoken;

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
    pub insights: Vec<IntroNote>,
}

/// One thing the introduction's coaching found, with its weight.
#[derive(Debug, Clone, PartialEq)]
pub struct IntroNote {
    pub level: Level,
    pub finding: IntroFinding,
}

/// What the coaching found, as a value; the English line is built from it (see [`IntroNote::text`]).
#[derive(Debug, Clone, PartialEq)]
pub enum IntroFinding {
    /// Nothing written yet.
    Start,
    /// Under the word range; `about` is the spoken time as shown.
    Short {
        about: String,
        target: (usize, usize),
    },
    /// Over the word range; `far` when more than 30% over (a warning).
    Long {
        about: String,
        target: (usize, usize),
        far: bool,
    },
    GoodLength {
        about: String,
    },
    NoWhy,
    NoPresent,
    NoPast,
    /// The "why this job" sentence is not the last one.
    WhyNotLast,
    /// The past comes before the present.
    PastFirst,
    ClearShape,
    /// Filler words with how often each was said, most first.
    Fillers(Vec<(String, usize)>),
    /// Neither the job nor the clinic is named; the first of the words to use.
    NameTheJob(String),
    /// Blanks in [brackets] left from the starter draft, how many.
    Blanks(usize),
}

impl IntroNote {
    /// The line the screen shows.
    pub fn text(&self) -> String {
        match &self.finding {
            // Not "I'm a CNA": a home care aide read that as the way to begin (a regression walk).
            IntroFinding::Start => "Start with where you are now, e.g. \"I work at … as …\" or \"I just \
                finished …\"; then what you did before, and end on why you want this job."
                .into(),
            IntroFinding::Short { about, target } => format!(
                "About {about} spoken: add a sentence to reach {}–{} words (about 30 seconds).",
                target.0, target.1
            ),
            IntroFinding::Long { about, target, far: true } => format!(
                "About {about} spoken: cut it to {}–{} words. Keep only what leads to this job.",
                target.0, target.1
            ),
            IntroFinding::Long { about, target, .. } => format!(
                "About {about} spoken: a little long; aim for {}–{} words.",
                target.0, target.1
            ),
            IntroFinding::GoodLength { about } => format!("About {about} spoken: a good length."),
            IntroFinding::NoWhy => {
                // Not "as a PT aide": a new-grad PTA read that as advice to end on the wrong job.
                "End on why you want this job, e.g. \"That's why I'd love to do this work at your \
                 clinic.\""
                    .into()
            }
            IntroFinding::NoPresent => {
                "Start with where you are now: your job or studies today, e.g. \"I'm a CNA at…\"".into()
            }
            IntroFinding::NoPast => {
                "Add a sentence on what you did before that led you here: your experience that fits."
                    .into()
            }
            IntroFinding::WhyNotLast => {
                "Finish on why this job: move that sentence to the end, so it is what they remember."
                    .into()
            }
            IntroFinding::PastFirst => {
                "Try starting with where you are now, then what you did before, then why this job."
                    .into()
            }
            IntroFinding::ClearShape => "Now, before, why this job: a clear shape.".into(),
            IntroFinding::Fillers(list) => {
                let list: Vec<String> = list
                    .iter()
                    .take(4)
                    .map(|(w, c)| format!("“{w}” {c}×"))
                    .collect();
                format!(
                    "Cut filler words ({}): they eat your 30 seconds.",
                    list.join(", ")
                )
            }
            IntroFinding::NameTheJob(w) => format!(
                "Name the job or the clinic (\"{w}\") so it is clearly about this interview."
            ),
            IntroFinding::Blanks(1) => {
                "Fill in the part in [brackets] with your own words.".into()
            }
            IntroFinding::Blanks(n) => {
                format!("Fill in the {n} parts in [brackets] with your own words.")
            }
        }
    }
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
/// employer); when given, an introduction that names none of them gets a tip. `fillers` are the filler
/// words found in it (the story coach's phrasing rules, `Coach::scan`), most first.
pub fn coach(
    text: &str,
    words_per_minute: u32,
    job_words: &[String],
    fillers: &[(String, usize)],
) -> IntroCoaching {
    let words = sentences::word_count(text);
    let wpm = words_per_minute.max(1) as f32;
    let seconds = words as f32 * 60.0 / wpm;
    let target = target_words(words_per_minute);
    let mut out = Vec::new();
    let mut say = |level, finding| out.push(IntroNote { level, finding });
    if words == 0 {
        say(Level::Tip, IntroFinding::Start);
        return IntroCoaching {
            words,
            seconds,
            target,
            insights: out,
        };
    }
    let blanks = super::starter::blanks(text).len();
    if blanks > 0 {
        say(Level::Warning, IntroFinding::Blanks(blanks));
    }
    let about = spoken(seconds);
    if words < target.0 {
        say(Level::Tip, IntroFinding::Short { about, target });
    } else if words as f32 > target.1 as f32 * LONG_FACTOR {
        let far = true;
        say(Level::Warning, IntroFinding::Long { about, target, far });
    } else if words > target.1 {
        let far = false;
        say(Level::Tip, IntroFinding::Long { about, target, far });
    } else {
        say(Level::Good, IntroFinding::GoodLength { about });
    }
    shape(text, &mut say);
    if !fillers.is_empty() {
        let mut list = fillers.to_vec();
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        say(Level::Tip, IntroFinding::Fillers(list));
    }
    let lower = text.to_lowercase();
    let named = job_words
        .iter()
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .any(|w| lower.contains(&w));
    if let Some(first) = job_words.first()
        && !named
    {
        say(
            Level::Tip,
            IntroFinding::NameTheJob(first.trim().to_string()),
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

/// Which sentences speak of the present, the past and why this job, and a finding on the shape.
fn shape(text: &str, say: &mut impl FnMut(Level, IntroFinding)) {
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
        (_, _, None) => say(Level::Tip, IntroFinding::NoWhy),
        (None, _, _) => say(Level::Tip, IntroFinding::NoPresent),
        (_, None, _) => say(Level::Tip, IntroFinding::NoPast),
        (Some(_), Some(_), Some(w)) if w + 1 < n => say(Level::Tip, IntroFinding::WhyNotLast),
        (Some(p), Some(b), Some(_)) if p > b && n > 2 => say(Level::Tip, IntroFinding::PastFirst),
        _ => say(Level::Good, IntroFinding::ClearShape),
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

    fn findings(c: &IntroCoaching) -> Vec<&IntroFinding> {
        c.insights.iter().map(|i| &i.finding).collect()
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
        let c = coach(GOOD, 140, &["PT aide".into()], &[]);
        assert!((60..=90).contains(&c.words), "{}", c.words);
        assert!(c.insights.iter().all(|i| i.level == Level::Good), "{c:?}");
        assert!(findings(&c).contains(&&IntroFinding::ClearShape));
    }

    #[test]
    fn empty_short_and_long_are_each_coached() {
        let c = coach("", 140, &[], &[]);
        assert_eq!(findings(&c), [&IntroFinding::Start]);
        let c = coach("I'm a CNA. I want this job.", 140, &[], &[]);
        assert!(
            findings(&c).iter().any(|f| matches!(
                f,
                IntroFinding::Short {
                    target: (60, 90),
                    ..
                }
            )),
            "{c:?}"
        );
        let long = format!("{GOOD} {GOOD}");
        let c = coach(&long, 140, &[], &[]);
        assert_eq!(c.insights[0].level, Level::Warning, "{c:?}");
        assert!(matches!(
            c.insights[0].finding,
            IntroFinding::Long {
                far: true,
                target: (60, 90),
                ..
            }
        ));
        assert!(c.insights[0].text().contains("60–90 words"));
    }

    #[test]
    fn the_shape_asks_for_a_why_at_the_end() {
        let no_why = "I'm a CNA at a nursing home. I have worked there for six years.";
        let c = coach(no_why, 140, &[], &[]);
        assert!(findings(&c).contains(&&IntroFinding::NoWhy), "{c:?}");
        // Its example fits every job: it named the PT aide's to a PTA, who took it as the advice.
        let tip = IntroNote {
            level: Level::Tip,
            finding: IntroFinding::NoWhy,
        }
        .text();
        for job in ["aide", "PTA", "OTA", "assistant"] {
            assert!(!tip.contains(job), "{tip}");
        }
        let example = tip.split('"').nth(1).expect("an example in quotes");
        let c = coach(&format!("{no_why} {example}"), 140, &[], &[]);
        assert!(
            findings(&c).contains(&&IntroFinding::ClearShape),
            "the example, said last, is a why at the end: {c:?}"
        );
        let why_first = "I want this job because I love rehab. I'm a CNA now. I worked in a \
                         hospital for two years before that.";
        let c = coach(why_first, 140, &[], &[]);
        assert!(findings(&c).contains(&&IntroFinding::WhyNotLast), "{c:?}");
    }

    #[test]
    fn fillers_and_an_unnamed_job_get_tips() {
        let text = "Um, I'm basically a CNA. I have worked for years. I want this job, you know.";
        let fillers = [("um".to_string(), 1), ("basically".to_string(), 2)];
        let c = coach(text, 140, &["PT aide".into(), "Riverside".into()], &fillers);
        let f = findings(&c);
        assert!(f.contains(&&IntroFinding::Fillers(vec![
            ("basically".into(), 2),
            ("um".into(), 1)
        ])));
        assert!(f.contains(&&IntroFinding::NameTheJob("PT aide".into())));
        let c = coach(GOOD, 140, &["Riverside".into(), "PT aide".into()], &[]);
        assert!(
            !findings(&c)
                .iter()
                .any(|f| matches!(f, IntroFinding::NameTheJob(_)))
        );
    }
}

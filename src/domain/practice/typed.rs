//! Analysis of a typed or pasted answer: the story coach's measures, plus what Google's Interview
//! Warmup shows (job words used, most-used words, talking points covered) and the signals the
//! follow-up questions need (an ending, an example, getting help, why this job).

use crate::domain::content::{Category, Question, QuestionKind};
use crate::domain::stories::{
    Glossary, Guidance, Insight, Level, Story, StoryId, TermHit, analyze,
};

/// Talking points an answer about yourself or your work usually covers, as Interview Warmup lists
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TalkingPoint {
    Experience,
    Skills,
    Learned,
    WhyRole,
}

impl TalkingPoint {
    pub const ALL: [TalkingPoint; 4] = [
        TalkingPoint::Experience,
        TalkingPoint::Skills,
        TalkingPoint::Learned,
        TalkingPoint::WhyRole,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TalkingPoint::Experience => "your experience",
            TalkingPoint::Skills => "your skills",
            TalkingPoint::Learned => "what you learned",
            TalkingPoint::WhyRole => "why this role",
        }
    }

    /// Words and phrases that show the point was made. Plain word lists: the goal is a nudge, not
    /// a grade, and the user sees and overrides the rubric.
    fn cues(self) -> &'static [&'static str] {
        match self {
            TalkingPoint::Experience => &[
                "worked",
                "work",
                "job",
                "years",
                "year",
                "experience",
                "cna",
                "caregiver",
                "aide",
                "volunteer",
                "volunteered",
                "resident",
                "residents",
                "shift",
                "as a",
            ],
            TalkingPoint::Skills => &[
                "skill",
                "skills",
                "good at",
                "strength",
                "able to",
                "know how",
                "trained",
                "certified",
                "certification",
                "cpr",
                "bls",
                "organized",
                "calm",
                "reliable",
                "patient with",
                "careful",
            ],
            TalkingPoint::Learned => &[
                "learned",
                "taught me",
                "realized",
                "lesson",
                "since then",
                "now i",
                "next time",
                "improve",
                "improved",
                "grew",
                "showed me",
            ],
            TalkingPoint::WhyRole => WHY_ROLE,
        }
    }
}

const WHY_ROLE: &[&str] = &[
    "this job",
    "this role",
    "this position",
    "this clinic",
    "your clinic",
    "here",
    "want to",
    "i'd love",
    "excited",
    "interested",
    "next step",
    "why i",
    "that's why",
    "goal",
];

/// Words that say how a story ended.
const ENDING: &[&str] = &[
    "in the end",
    "as a result",
    "ended up",
    "finally",
    "afterward",
    "afterwards",
    "the result",
    "outcome",
    "turned out",
    "by the end",
    "went home",
    "was able to",
    "thanked",
    "improved",
    "no falls",
    "from then on",
    "since then",
    "which meant",
    "so she",
    "so he",
    "so they",
    "after that",
    "felt better",
    "calmed down",
    "my supervisor",
    "got better",
    "walked",
];

/// Words that say the speaker would stop and bring in someone with the authority or skill.
const HELP: &[&str] = &[
    "therapist",
    "therapists",
    "pt",
    "ot",
    "pta",
    "ota",
    "nurse",
    "supervisor",
    "help",
    "911",
    "call",
    "report",
    "alert",
    "manager",
    "doctor",
    "charge nurse",
    "get the",
    "tell the",
];

/// Words that show a real example or a specific detail.
const EXAMPLE: &[&str] = &[
    "for example",
    "for instance",
    "once",
    "one time",
    "last year",
    "last week",
    "at my",
    "when i",
    "in my job",
    "as a cna",
    "i worked",
    "i've",
    "i had",
    "i remember",
    "a patient",
    "a resident",
];

/// Common words left out of "most-used words": they say nothing about the answer.
const STOP: &[&str] = &[
    "the", "and", "a", "an", "to", "of", "in", "on", "at", "for", "with", "that", "this", "it",
    "is", "was", "were", "be", "been", "are", "am", "i", "me", "my", "we", "our", "us", "you",
    "your", "he", "she", "they", "them", "his", "her", "their", "so", "but", "or", "if", "then",
    "when", "what", "who", "how", "there", "as", "by", "from", "up", "out", "about", "would",
    "could", "should", "can", "will", "do", "did", "does", "had", "have", "has", "not", "just",
    "very", "really", "also", "get", "got", "all", "some", "any", "one", "it's", "i'm", "that's",
    "him", "into", "because", "after", "before", "more", "like", "know", "make", "sure",
];

/// Everything the screen shows about a typed answer, and what the follow-ups and rubric use.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TypedAnalysis {
    pub words: usize,
    /// About how long it takes to say, at the user's speaking pace.
    pub spoken_secs: u32,
    pub i_count: usize,
    pub we_count: usize,
    pub would_count: usize,
    /// Filler and hedging words, most frequent first.
    pub fillers: Vec<(&'static str, usize)>,
    /// Job words (glossary terms) used.
    pub terms: Vec<TermHit>,
    /// Up to five words used most (twice or more), leaving out common words.
    pub top_words: Vec<(String, usize)>,
    /// Whether each [`TalkingPoint`] was covered, in `TalkingPoint::ALL` order.
    pub points: [bool; 4],
    /// The answer says how things ended.
    pub ending: bool,
    /// It has a number in it.
    pub measurable: bool,
    /// It gives an example or a specific detail (a number or a job word counts).
    pub example: bool,
    /// It says when to stop and get the therapist, a nurse or a supervisor.
    pub help_call: bool,
    /// Coaching lines, warnings first.
    pub insights: Vec<Insight>,
}

impl TypedAnalysis {
    pub fn covers(&self, p: TalkingPoint) -> bool {
        TalkingPoint::ALL
            .iter()
            .position(|x| *x == p)
            .is_some_and(|i| self.points[i])
    }
}

/// The story coach's numbers for a piece of text.
#[derive(Default)]
struct Measures {
    words: usize,
    seconds: f32,
    i_count: usize,
    we_count: usize,
    would_count: usize,
    fillers: Vec<(&'static str, usize)>,
    terms: Vec<TermHit>,
}

/// The one place a typed answer meets the story coach: today the whole answer is measured as a
/// story's Action with `stories::analyze`. When the phrasing coach takes plain text, only this
/// function changes.
fn coach(text: &str, glossary: &Glossary, words_per_minute: u32) -> Measures {
    let Some(id) = StoryId::from_stem("typed-answer") else {
        return Measures::default();
    };
    let mut story = Story::new(id, "", chrono::DateTime::<chrono::Utc>::default());
    story.action = text.to_string();
    let guidance = Guidance {
        words_per_minute: words_per_minute.max(1),
        ..Guidance::default()
    };
    let m = analyze(&story, glossary, &guidance).metrics;
    Measures {
        words: m.total_words,
        seconds: m.total_seconds,
        i_count: m.i_count,
        we_count: m.we_count,
        would_count: m.would_count,
        fillers: m.fillers,
        terms: m.terms,
    }
}

/// Lowercase words, apostrophes kept inside ("i'd"), for the cue lists above.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .map(|w| {
            w.trim_matches(['\'', '\u{2019}'])
                .replace('\u{2019}', "'")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// True when any cue (one word or several in a row) appears in `words`.
fn has_any(words: &[String], cues: &[&str]) -> bool {
    cues.iter().any(|cue| {
        let parts: Vec<&str> = cue.split(' ').collect();
        words
            .windows(parts.len())
            .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
    })
}

/// Analyzes a typed answer to `q` at `words_per_minute` against a `target_secs` answer length.
pub fn analyze_typed(
    text: &str,
    q: &Question,
    glossary: &Glossary,
    words_per_minute: u32,
    target_secs: u32,
) -> TypedAnalysis {
    let m = coach(text, glossary, words_per_minute);
    let words = tokens(text);
    let second_half = &words[words.len() / 2..];
    let measurable = text.chars().any(|c| c.is_ascii_digit() || c == '%');
    let mut a = TypedAnalysis {
        words: m.words,
        spoken_secs: m.seconds.round() as u32,
        i_count: m.i_count,
        we_count: m.we_count,
        would_count: m.would_count,
        points: TalkingPoint::ALL.map(|p| has_any(&words, p.cues())),
        ending: has_any(second_half, ENDING)
            || second_half
                .iter()
                .any(|w| w.chars().any(|c| c.is_ascii_digit())),
        measurable,
        example: measurable || !m.terms.is_empty() || has_any(&words, EXAMPLE),
        help_call: has_any(&words, HELP),
        top_words: top_words(&words),
        fillers: m.fillers,
        terms: m.terms,
        insights: Vec::new(),
    };
    a.insights = insights(&a, q, target_secs, !glossary.is_empty());
    a
}

fn top_words(words: &[String]) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for w in words
        .iter()
        .filter(|w| w.chars().count() > 2 && !STOP.contains(&w.as_str()))
    {
        match counts.iter_mut().find(|(x, _)| x == w) {
            Some((_, n)) => *n += 1,
            None => counts.push((w.clone(), 1)),
        }
    }
    counts.retain(|(_, n)| *n >= 2);
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.truncate(5);
    counts
}

/// Coaching lines for the answer, warnings first. Each says what to do.
fn insights(a: &TypedAnalysis, q: &Question, target: u32, has_glossary: bool) -> Vec<Insight> {
    let mut out = Vec::new();
    let mut say = |level, text: String| out.push(Insight { level, text });
    let about = crate::domain::stories::insights::spoken(a.spoken_secs as f32);
    let kind = q.kind();
    if a.spoken_secs > target + target / 4 {
        say(
            Level::Warning,
            format!(
                "About {about} spoken: trim it to under {}.",
                crate::domain::stories::insights::spoken(target as f32)
            ),
        );
    } else if a.spoken_secs > target {
        say(
            Level::Tip,
            format!("About {about} spoken: a little over your target."),
        );
    } else if a.words > 0 && a.spoken_secs < target / 3 {
        say(
            Level::Tip,
            format!("About {about} spoken: add a step or an example."),
        );
    } else if a.words > 0 {
        say(
            Level::Good,
            format!("About {about} spoken: within your target."),
        );
    }
    if a.we_count > a.i_count {
        say(
            Level::Warning,
            format!(
                "You said \u{201c}we\u{201d} {}× and \u{201c}I\u{201d} {}×: say what you did yourself.",
                a.we_count, a.i_count
            ),
        );
    }
    if kind == QuestionKind::Star && a.would_count > 0 {
        say(
            Level::Warning,
            format!(
                "You said what you \u{201c}would\u{201d} do ({}×): tell what you did, in the past tense.",
                a.would_count
            ),
        );
    }
    if kind == QuestionKind::Star && !a.ending {
        say(
            Level::Warning,
            "No clear ending: finish with what changed, and a number if you can.".into(),
        );
    }
    if matches!(
        kind,
        QuestionKind::Direct | QuestionKind::Knowledge | QuestionKind::Opener
    ) && !a.example
    {
        say(
            Level::Tip,
            "Add one real example or detail from your own work.".into(),
        );
    }
    if q.category == Category::Safety && !a.help_call {
        say(
            Level::Warning,
            "Say when you would stop and get the therapist, a nurse or a supervisor.".into(),
        );
    }
    let fillers: usize = a.fillers.iter().map(|(_, n)| n).sum();
    let allowed = ((a.spoken_secs as f32 / 60.0).ceil() as usize).max(1);
    if fillers > allowed {
        let list: Vec<String> = a
            .fillers
            .iter()
            .take(4)
            .map(|(w, n)| format!("\u{201c}{w}\u{201d} {n}×"))
            .collect();
        say(
            Level::Tip,
            format!("Cut filler words ({}).", list.join(", ")),
        );
    }
    // Job words used are listed on their own line; only their absence is coaching.
    if has_glossary && a.terms.is_empty() {
        say(
            Level::Tip,
            "No job words yet: name the equipment, procedure or rule.".into(),
        );
    }
    out.sort_by_key(|i| i.level);
    out
}

#[cfg(test)]
#[path = "typed_tests.rs"]
mod tests;

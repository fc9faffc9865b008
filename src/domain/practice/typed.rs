//! Analysis of a typed or pasted answer: the story coach's findings (the same `Coach` as the story
//! editor), plus what Google's Interview Warmup shows (job words used, most-used words, talking
//! points covered) and the signals the follow-up questions need (an ending, an example, getting help).

use crate::domain::content::phrasing::PhrasingKind;
use crate::domain::content::{Category, Id, Question, QuestionKind};
use crate::domain::stories::{AnswerAnalysis, Coach, Finding, Insight, Level};

mod cues;
mod risk;
mod signals;
mod tone;

pub use super::timer::{answer_seconds, in_time_window};
use cues::{ENDING, EXAMPLE, HELP, has_any, tokens};
pub use cues::{PracticalReason, TalkingPoint};

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

/// What a kind of question still wants that the story coach does not judge. A value, so tests
/// assert which one fired; the line the user reads is built from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// A story with no clear ending.
    NoEnding,
    /// A direct, knowledge or opening answer with no real example or detail.
    NoExample,
    /// A safety question that never says when to stop and get the therapist.
    NoHelpCall,
    /// Harsh words about an employer, a boss, coworkers or the job (see
    /// [`TypedAnalysis::speaks_ill`]).
    SpeaksIll,
    /// Words that can sound unsafe or outside the role (see [`TypedAnalysis::risky`]).
    Risky,
    /// Words that show one of the question's own pitfalls (see [`TypedAnalysis::pitfalls`]).
    Pitfall,
}

impl Gap {
    pub fn level(self) -> Level {
        match self {
            Gap::NoExample => Level::Tip,
            Gap::NoEnding | Gap::NoHelpCall | Gap::SpeaksIll | Gap::Risky | Gap::Pitfall => {
                Level::Warning
            }
        }
    }

    pub fn text(self) -> &'static str {
        match self {
            Gap::NoEnding => "No clear ending: finish with what changed, and a number if you can.",
            Gap::NoExample => "Add one real example or detail from your own work.",
            Gap::NoHelpCall => {
                "Say when you would stop and get the therapist, a nurse or a supervisor."
            }
            Gap::SpeaksIll => {
                "This speaks badly of a job or the people there, and an interviewer hears how you \
                 might one day talk about them. Say what you are moving toward, not what you are \
                 running from."
            }
            Gap::Pitfall => "This sounds like a pitfall of this question:",
            Gap::Risky => {
                "This could sound unsafe or outside your role, and an interviewer for a rehab job \
                 listens for that first. Say how you keep the patient safe, that you stop and get \
                 the therapist when something is off, and that the therapist decides the plan."
            }
        }
    }
}

/// Everything the screen shows about a typed answer, and what the follow-ups and rubric use.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedAnalysis {
    /// The story coach's analysis: words, "I" and "we", marked phrases with their places in the
    /// text, fillers, job words, the spoken estimate and its findings. Length is judged against
    /// this question's target; "would" is only marked in a story, where it tells of the past.
    pub coach: AnswerAnalysis,
    /// Up to five words used most (twice or more), leaving out common words.
    pub top_words: Vec<(String, usize)>,
    /// Whether each [`TalkingPoint`] was covered, in `TalkingPoint::ALL` order.
    pub points: [bool; 4],
    /// It names this job or this employer as a reason ("this clinic", "your team", "here"), not
    /// only wanting a job of the kind: what "Said why this job, here" is ticked on.
    pub this_job: bool,
    /// The answer says how things ended.
    pub ending: bool,
    /// It gives an example or a specific detail (a number or a job word counts).
    pub example: bool,
    /// It tells a real example, not only a claim: "for example", "once", "last week", or "I" with
    /// something done in the past. "I'm good at keeping people safe" is a claim.
    pub told_example: bool,
    /// Its ending holds a number or a change someone could check ("she walked 40 feet", "no
    /// falls"), not only how it ended ("so he could keep moving").
    pub measurable: bool,
    /// The harsh words it uses about an employer, a boss, coworkers or the job ("a mess",
    /// "never listens"), each once; empty for none.
    pub speaks_ill: Vec<String>,
    /// Phrases that can sound unsafe ("push through", "probably nothing") or outside the role
    /// ("change the plan", "start treating right away"), each once; empty for none.
    pub risky: Vec<String>,
    /// The question's pitfalls its words show, each with the words heard (see
    /// `Question::pitfall_words`), in the question's order.
    pub pitfalls: Vec<(String, String)>,
    /// It says when to stop and get the therapist, a nurse or a supervisor.
    pub help_call: bool,
    /// What the question's kind still wants.
    pub gaps: Vec<Gap>,
    /// The skills the question asks for, each with the signals of it the answer holds (none when
    /// the answer does not show it yet), worked out once with the rest.
    pub asked: Vec<(Id, Vec<String>)>,
    /// See [`TypedAnalysis::practical_reasons`].
    practical: Vec<PracticalReason>,
}

impl TypedAnalysis {
    pub fn covers(&self, p: TalkingPoint) -> bool {
        TalkingPoint::ALL
            .iter()
            .position(|x| *x == p)
            .is_some_and(|i| self.points[i])
    }

    pub fn words(&self) -> usize {
        self.coach.scan.words
    }

    /// The spoken estimate, rounded to 5 s as shown.
    pub fn seconds(&self) -> u32 {
        self.coach.seconds
    }

    /// "We" outnumbers "I".
    pub fn mostly_we(&self) -> bool {
        self.coach.scan.we_count > self.coach.scan.i_count
    }

    /// Phrases of "would" told of what happened.
    pub fn woulds(&self) -> usize {
        self.count(PhrasingKind::Would)
    }

    /// Marked phrases of `kind`.
    pub fn count(&self, kind: PhrasingKind) -> usize {
        self.coach
            .scan
            .flags
            .iter()
            .filter(|f| f.kind == kind)
            .count()
    }

    /// Whether the coach found `finding`.
    pub fn has(&self, finding: &Finding) -> bool {
        self.coach.has(finding)
    }

    /// Every coaching line, warnings first: the coach's and the question's gaps.
    pub fn lines(&self) -> Vec<(Level, String)> {
        let mut out: Vec<(Level, String)> = self
            .coach
            .insights
            .iter()
            .map(|i| (i.level, i.text()))
            .chain(self.gaps.iter().map(|g| (g.level(), self.gap_text(*g))))
            .collect();
        out.sort_by_key(|(level, _)| *level);
        out
    }

    /// A gap's line, with the words that showed it where they help: harsh words are quoted so the
    /// user sees which ones to change.
    fn gap_text(&self, g: Gap) -> String {
        match g {
            Gap::SpeaksIll if !self.speaks_ill.is_empty() => quoting(g, &self.speaks_ill),
            Gap::Risky if !self.risky.is_empty() => quoting(g, &self.risky),
            Gap::Pitfall => {
                let each: Vec<String> = self
                    .pitfalls
                    .iter()
                    .map(|(pitfall, heard)| format!("{pitfall} (“{heard}”)"))
                    .collect();
                format!("{} {}", g.text(), each.join(" "))
            }
            _ => g.text().to_string(),
        }
    }

    /// The practical reasons it gives for wanting the job (pay, hours, benefits, the commute), in
    /// that order: a reason, though not one about this job.
    pub fn practical_reasons(&self) -> &[PracticalReason] {
        &self.practical
    }
}

/// A gap's line followed by the words that showed it, quoted.
fn quoting(g: Gap, words: &[String]) -> String {
    let quoted: Vec<String> = words
        .iter()
        .map(|w| format!("\u{201c}{w}\u{201d}"))
        .collect();
    format!("{} ({})", g.text(), quoted.join(", "))
}

/// Each of `q`'s pitfalls that `text` shows by its `pitfall_words`, with the words heard.
fn pitfalls_heard(text: &str, q: &Question) -> Vec<(String, String)> {
    q.pitfalls
        .iter()
        .zip(&q.pitfall_words)
        .filter_map(|(pitfall, words)| {
            let cues: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let cues: Vec<&str> = cues.iter().map(String::as_str).collect();
            let heard = risk::said(text, &cues).first()?.to_string();
            Some((pitfall.clone(), heard))
        })
        .collect()
}

/// Fewer words than this are all searched for an ending, not only their second half.
const SHORT_ANSWER_WORDS: usize = 25;

/// Analyzes a typed answer to `q` against a `target_secs` answer length, with the story `coach`
/// (whose length targets are set to the question's for this answer).
pub fn analyze_typed(
    text: &str,
    q: &Question,
    coach: &mut Coach,
    target_secs: u32,
) -> TypedAnalysis {
    coach.guidance.targets.seconds = answer_seconds(target_secs);
    let kind = q.kind();
    let mut found = coach.answer(text);
    if kind != QuestionKind::Star {
        // "What would you do?" wants "I would", and "maybe PTA school later" is a plan, not a
        // guess at what happened (a persona walk): only a story tells of the past.
        let story_only = |f: &crate::domain::stories::Flag| {
            f.kind == PhrasingKind::Would
                || coach
                    .phrasing
                    .rule(f.rule)
                    .is_some_and(|r| STORY_ONLY_RULES.contains(&r.id.as_str()))
        };
        unmark_story_only(&mut found, story_only);
    }
    let t = &coach.guidance.targets;
    if !coach.glossary.is_empty()
        && found.scan.terms.is_empty()
        && found.scan.words >= t.min_words_for_terms
    {
        found.insights.push(Insight::new(Finding::NoJobWords));
        found.insights.sort_by_key(|i| i.level);
    }
    let words = tokens(text);
    // Where an ending is looked for: a story's second half, or all of a short answer, such as a
    // follow-up's few sentences about how it ended.
    let second_half = match words.len() {
        0..SHORT_ANSWER_WORDS => &words[..],
        n => &words[n / 2..],
    };
    let told_example = signals::tells_example(&words);
    let example = told_example
        || found.scan.number
        || !found.scan.terms.is_empty()
        || has_any(&words, EXAMPLE);
    let mut a = TypedAnalysis {
        points: TalkingPoint::ALL.map(|p| p.covered(&words)),
        this_job: cues::names_this_job(&words),
        ending: has_any(second_half, ENDING)
            || second_half
                .iter()
                .any(|w| w.chars().any(|c| c.is_ascii_digit())),
        measurable: signals::measurable(second_half),
        example,
        told_example,
        speaks_ill: tone::speaks_ill(text),
        risky: risk::risky(text),
        pitfalls: pitfalls_heard(text, q),
        practical: PracticalReason::ALL
            .into_iter()
            .filter(|r| has_any(&words, r.cues()))
            .collect(),
        help_call: has_any(&words, HELP),
        top_words: top_words(&words),
        coach: found,
        gaps: Vec::new(),
        asked: q
            .competencies
            .iter()
            .map(|id| (id.clone(), coach.skills.cues_of(text, id)))
            .collect(),
    };
    a.gaps = gaps(&a, q);
    a
}

/// Phrasing rules that mark what only a story of the past gets wrong: a guess ("maybe") where
/// the interviewer wants what happened.
const STORY_ONLY_RULES: &[&str] = &["hedge-maybe"];

/// Drops the marks `story_only` picks ("would", a guess), and the "would" warning, from an answer
/// that is not a story.
fn unmark_story_only(
    a: &mut AnswerAnalysis,
    story_only: impl Fn(&crate::domain::stories::Flag) -> bool,
) {
    a.scan.flags.retain(|f| !story_only(f));
    let marked = a.scan.flags.len();
    a.insights.retain_mut(|i| match &mut i.finding {
        Finding::Would { .. } => false,
        Finding::Flagged { count } => {
            *count = marked;
            marked > 0
        }
        _ => true,
    });
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

/// What this kind of question still wants; nothing for an empty answer.
fn gaps(a: &TypedAnalysis, q: &Question) -> Vec<Gap> {
    let mut out = Vec::new();
    if a.words() == 0 {
        return out;
    }
    let kind = q.kind();
    if kind == QuestionKind::Star && !a.ending {
        out.push(Gap::NoEnding);
    }
    if matches!(
        kind,
        QuestionKind::Direct | QuestionKind::Knowledge | QuestionKind::Opener
    ) && !a.example
    {
        out.push(Gap::NoExample);
    }
    if q.category == Category::Safety && !a.help_call {
        out.push(Gap::NoHelpCall);
    }
    if !a.speaks_ill.is_empty() {
        out.push(Gap::SpeaksIll);
    }
    if !a.risky.is_empty() {
        out.push(Gap::Risky);
    }
    if !a.pitfalls.is_empty() {
        out.push(Gap::Pitfall);
    }
    out
}

#[cfg(test)]
#[path = "typed_tests.rs"]
mod tests;

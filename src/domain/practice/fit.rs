//! What an interviewer may say around a question so it sounds like one conversation: which lead-in
//! lines fit it, and whether a follow-up asking for steps does. Content files give lines by kind
//! of question only, and a line such as "This one is about how you work on a busy unit" or "First,
//! tell me a little about where you're coming from" is wrong before "Why are you leaving your
//! current job?" or "Why do you want to work here?". So the lines are read for what they announce.

use crate::domain::content::{Category, Question, QuestionKind};

/// Words of a question that asks how you would do something, or what you would do in a
/// situation: the questions a step-by-step answer fits.
const HOW_TO: &[&str] = &[
    "how do you",
    "how would you",
    "how did you",
    "how will you",
    "what do you do",
    "what would you do",
    "what do you say",
    "what do you check",
    "what safety checks",
    "what would you keep in mind",
    "walk me through",
];

/// Words of a question that asks an opinion, though it starts like a how-to: "How do you think…".
const OPINION: &[&str] = &["how do you think", "how would you describe"];

/// True when `q` asks how to do something or what to do in a situation: answered in steps. Never
/// for a question about yourself and why you want the job (why, motivation, openers), however it is
/// worded: "How do you keep your knowledge up to date?" is about you, not a procedure.
pub fn asks_how(q: &Question) -> bool {
    let kind = q.kind();
    if matches!(kind, QuestionKind::Opener | QuestionKind::Closer)
        || q.category == Category::Motivation
    {
        return false;
    }
    if kind == QuestionKind::Star {
        return true;
    }
    let text = q.text.to_lowercase();
    let has = |cues: &[&str]| cues.iter().any(|c| text.contains(c));
    has(HOW_TO) && !has(OPINION)
}

/// True when a follow-up's `text` asks for the answer in steps ("two or three steps", "step by
/// step"): it fits only a question that [`asks_how`].
pub fn asks_for_steps(text: &str) -> bool {
    let t = text.to_lowercase();
    t.contains("steps") || t.contains("step by step")
}

/// True when the lead-in `line` fits before `q`, asked as question `index` (from 0):
/// - a line that starts the interview ("Let's start easy", "First, …") only first, and one that
///   goes on ("One more about you") never first;
/// - a line that itself asks about you ("tell me about yourself", "where you're coming from")
///   only before a question about yourself;
/// - a line about how you work ("how you'd work here", "a practical one", "your judgment") only
///   before a question that [`asks_how`].
///
/// Every other line fits any question of its kind.
pub fn lead_in_fits(line: &str, q: &Question, index: usize) -> bool {
    let l = line.to_lowercase();
    let has = |cues: &[&str]| cues.iter().any(|c| l.contains(c));
    let first = index == 0;
    if has(&["start", "first"]) && !first {
        return false;
    }
    if has(&["one more"]) && first {
        return false;
    }
    if has(&[
        "yourself",
        "where you're coming from",
        "where you are coming from",
    ]) && !q.text.to_lowercase().contains("yourself")
    {
        return false;
    }
    let about_work = has(&[
        "how you work",
        "how you'd work",
        "how you would work",
        "day on the floor",
        "practical",
        "judgment",
        "on your own",
    ]);
    !about_work || asks_how(q)
}

#[cfg(test)]
#[path = "fit_tests.rs"]
mod tests;

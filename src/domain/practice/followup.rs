//! Follow-up questions: what an answer lacked (from the rubric, and from the text of a typed answer)
//! and which follow-up from the content table the interviewer asks about it.

use super::fit::{asks_for_steps, asks_how};
use super::rubric::Rubric;
use super::typed::{TalkingPoint, TypedAnalysis};
use crate::domain::content::{Category, FollowUp, Id, Question, QuestionKind, Trigger};
use crate::domain::stories::TARGETS;

/// An answer as far over its target time as the story coach warns about earns a "short version,
/// please" follow-up.
fn too_long(seconds: u32, target: u32) -> bool {
    u64::from(seconds) * 100 > u64::from(target) * u64::from(100 + TARGETS.far_over_pct)
}

/// What the rubric says the answer lacked: each unticked box that a follow-up probes.
pub fn from_rubric(q: &Question, rubric: &Rubric, seconds: u32, target: u32) -> Vec<Trigger> {
    let missing = |key: &str| rubric.index_of(key).is_some() && !rubric.has(key);
    let mut out = Vec::new();
    let mut add = |on: bool, t: Trigger| {
        if on && !out.contains(&t) {
            out.push(t);
        }
    };
    match rubric.kind {
        QuestionKind::Star => {
            add(missing("result"), Trigger::NoResult);
            add(missing("said_i"), Trigger::OnlyWe);
            add(missing("structure"), Trigger::NoSteps);
        }
        QuestionKind::Direct => {
            add(missing("safe"), Trigger::NoHelpCall);
            add(missing("detail"), Trigger::NoExample);
            add(missing("answered"), Trigger::NoSteps);
        }
        QuestionKind::Knowledge => {
            add(missing("correct"), Trigger::NoHelpCall);
            add(missing("detail"), Trigger::NoExample);
            add(missing("answered"), Trigger::NoSteps);
        }
        QuestionKind::Opener => {
            add(missing("why_role"), Trigger::NoWhyRole);
            add(missing("strength"), Trigger::NoExample);
            add(missing("present"), Trigger::NoSteps);
        }
        QuestionKind::Closer => {}
    }
    add(
        q.kind() != QuestionKind::Closer && too_long(seconds, target),
        Trigger::TooLong,
    );
    out
}

/// What the text of a typed answer shows it lacked.
pub fn from_text(q: &Question, a: &TypedAnalysis, target: u32) -> Vec<Trigger> {
    let mut out = Vec::new();
    let mut add = |on: bool, t: Trigger| {
        if on {
            out.push(t);
        }
    };
    let kind = q.kind();
    let only_we = a.mostly_we();
    match kind {
        QuestionKind::Star => {
            add(!a.ending, Trigger::NoResult);
            add(only_we, Trigger::OnlyWe);
            add(a.woulds() >= 2, Trigger::Hypothetical);
        }
        QuestionKind::Direct | QuestionKind::Knowledge => {
            add(only_we && a.coach.scan.we_count >= 2, Trigger::OnlyWe);
            add(!a.example, Trigger::NoExample);
        }
        QuestionKind::Opener => {
            add(!a.covers(TalkingPoint::WhyRole), Trigger::NoWhyRole);
            add(!a.example, Trigger::NoExample);
        }
        QuestionKind::Closer => {}
    }
    add(
        kind != QuestionKind::Closer && q.category == Category::Safety && !a.help_call,
        Trigger::NoHelpCall,
    );
    add(
        kind != QuestionKind::Closer && too_long(a.seconds(), target),
        Trigger::TooLong,
    );
    out
}

/// Triggers the rubric of `kind` can show; for these the user's ticks decide, not the text.
fn rubric_shows(kind: QuestionKind, t: Trigger) -> bool {
    let shown: &[Trigger] = match kind {
        QuestionKind::Star => &[Trigger::NoResult, Trigger::OnlyWe, Trigger::NoSteps],
        QuestionKind::Direct | QuestionKind::Knowledge => {
            &[Trigger::NoHelpCall, Trigger::NoExample, Trigger::NoSteps]
        }
        QuestionKind::Opener => &[Trigger::NoWhyRole, Trigger::NoExample, Trigger::NoSteps],
        QuestionKind::Closer => &[],
    };
    t == Trigger::TooLong || shown.contains(&t)
}

/// Everything an answer lacked: the unticked boxes of its rubric, and for a typed answer what only
/// the text can show (a story told as "would", a safety story with no call for help, a direct
/// answer all in "we"). Where the rubric has a box for it, the user's tick wins over the text.
pub fn lacks(
    q: &Question,
    rubric: &Rubric,
    seconds: u32,
    target: u32,
    text: Option<&TypedAnalysis>,
) -> Vec<Trigger> {
    let mut out = from_rubric(q, rubric, seconds, target);
    if let Some(a) = text {
        // A box left empty is not asked about when the words plainly gave it: a user walk typed
        // "…and tell the therapist what I saw" and was asked who they would go to.
        out.retain(|t| !(*t == Trigger::NoHelpCall && a.help_call));
        for t in from_text(q, a, target) {
            if !rubric_shows(rubric.kind, t) && !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// The follow-up to ask after `q`: for the first trigger (in [`Trigger::ALL`] order) among
/// `lacks` that has a follow-up fitting the question, the most specific such follow-up; among
/// equally specific ones, one chosen by `seed`. None when nothing fits.
pub fn choose<'a>(
    table: &'a [FollowUp],
    q: &Question,
    role: Option<&Id>,
    lacks: &[Trigger],
    seed: u64,
) -> Option<&'a FollowUp> {
    Trigger::ALL
        .into_iter()
        .filter(|t| lacks.contains(t))
        .find_map(|t| {
            // A follow-up asking for steps fits a how-to or what-would-you-do question only, not
            // "Why are you leaving your current job?".
            let fits: Vec<&FollowUp> = table
                .iter()
                .filter(|f| f.trigger == t && f.fits(q, role))
                .filter(|f| !asks_for_steps(&f.text) || asks_how(q))
                .collect();
            let best = fits.iter().map(|f| f.specificity()).max()?;
            let top: Vec<&FollowUp> = fits
                .into_iter()
                .filter(|f| f.specificity() == best)
                .collect();
            let i = usize::try_from(seed % top.len() as u64).unwrap_or(0);
            top.get(i).copied()
        })
}

/// What a typed follow-up answer showed of the gap it was asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// The answer gave what the follow-up asked for.
    pub filled: bool,
    /// One sentence for the user: what it gave, or what it still lacks and how to add it.
    pub text: String,
}

/// Whether a typed follow-up answer `a` (analyzed against the follow-up's `target` seconds) gave
/// what `trigger` asked for, the way a coach would say so after the interviewer's next question.
/// None for a gap text cannot show (how easy an answer was to follow).
pub fn judge(trigger: Trigger, a: &TypedAnalysis, target: u32) -> Option<Judged> {
    let scan = &a.coach.scan;
    let (filled, yes, no): (bool, &str, String) = match trigger {
        Trigger::NoResult => (
            a.ending,
            "This time you said how it ended.",
            "It still did not say how it ended: close with what changed, and a number if you can."
                .into(),
        ),
        Trigger::OnlyWe => (
            scan.i_count > 0 && !a.mostly_we(),
            "This time you said what you did yourself.",
            "It still said \"we\" more than \"I\": name the steps you took yourself.".into(),
        ),
        Trigger::Hypothetical => (
            a.woulds() == 0,
            "This time you told what you actually did.",
            "It still said what you \"would\" do: tell one time it really happened.".into(),
        ),
        Trigger::NoHelpCall => (
            a.help_call,
            "This time you said when you would get the therapist or a nurse.",
            "It still did not say when you would stop and get the therapist or a nurse.".into(),
        ),
        Trigger::NoExample => (
            a.example,
            "This time you gave a real example.",
            "It still had no example: name one patient, tool or day from your own work.".into(),
        ),
        Trigger::NoWhyRole if a.this_job => (
            true,
            "This time you said why you want this job.",
            String::new(),
        ),
        Trigger::NoWhyRole => return Some(why_role_practical(a)),
        Trigger::TooLong => (
            a.seconds() <= target,
            "That was the short version: about right for a follow-up.",
            format!(
                "It still ran long: about {} s spoken for a follow-up of {target} s.",
                a.seconds()
            ),
        ),
        Trigger::NoSteps => return None,
    };
    Some(Judged {
        filled,
        text: if filled { yes.to_string() } else { no },
    })
}

/// A "why this job?" follow-up answered without a word about this job: pay, hours or the commute
/// are a reason and are heard as one, but they fit any job (the questions' own pitfalls list
/// "talking only about convenience"), so it is not filled: a PTA user walk read "✓ gave a reason
/// for this job" for "It's close to my house and the hours are good". No reason at all is not
/// filled either.
fn why_role_practical(a: &TypedAnalysis) -> Judged {
    let reasons: Vec<&str> = a.practical_reasons().iter().map(|r| r.label()).collect();
    if reasons.is_empty() {
        return Judged {
            filled: false,
            text: "It still did not say why this job: one sentence of what draws you is enough."
                .into(),
        };
    }
    Judged {
        filled: false,
        text: format!(
            "You gave a reason ({}), but one that fits any job. Add one thing about this job or \
             this team that draws you, so it does not sound like only running away.",
            reasons.join(", ")
        ),
    }
}

/// A few words for a past round on what a follow-up's answer gave, or still lacked.
pub fn recap(trigger: Trigger, filled: bool) -> &'static str {
    match (trigger, filled) {
        (Trigger::NoResult, true) => "said how it ended",
        (Trigger::NoResult, false) => "still no clear ending",
        (Trigger::OnlyWe, true) => "said what you did yourself",
        (Trigger::OnlyWe, false) => "still more \"we\" than \"I\"",
        (Trigger::Hypothetical, true) => "told what really happened",
        (Trigger::Hypothetical, false) => "still what you \"would\" do",
        (Trigger::NoHelpCall, true) => "said when you would get help",
        (Trigger::NoHelpCall, false) => "still no call for help",
        (Trigger::NoExample, true) => "gave an example",
        (Trigger::NoExample, false) => "still no example",
        (Trigger::NoWhyRole, true) => "gave a reason for this job",
        (Trigger::NoWhyRole, false) => "still no reason about this job",
        (Trigger::TooLong, true) => "kept it short",
        (Trigger::TooLong, false) => "still ran long",
        (Trigger::NoSteps, true) => "easier to follow",
        (Trigger::NoSteps, false) => "still hard to follow",
    }
}

#[cfg(test)]
#[path = "followup_tests.rs"]
mod tests;

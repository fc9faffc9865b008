//! What the coach found, as values with their numbers; the English line is built from the value.

use super::rules::spoken;
use crate::domain::stories::story::Section;

/// How much an insight matters: warnings first, then tips, then what is already good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Warning,
    Tip,
    Good,
}

/// A part of the story as the balance targets see it: the set-up is Situation and Task together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Setup,
    Action,
    Result,
}

impl Part {
    fn name(self) -> &'static str {
        match self {
            Part::Setup => "the set-up",
            Part::Action => "the Action",
            Part::Result => "the Result",
        }
    }
}

/// One thing the coach found. Seconds are the spoken estimate as shown (rounded to 5 s) and shares are
/// whole percents as shown, so what a finding says and the check behind it use the same number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// Nothing written yet.
    Start,
    Empty(Section),
    /// Under the target time; `add_to` is the part furthest under its share, if any is.
    Short {
        seconds: u32,
        target: (u32, u32),
        add_to: Option<Part>,
    },
    OnTarget {
        seconds: u32,
        target: (u32, u32),
    },
    /// Over the target time; `trim` is the part furthest over its share (or the biggest, in a draft).
    /// `far` when it runs more than a quarter over, which is a warning.
    Long {
        seconds: u32,
        max: u32,
        trim: Option<Part>,
        far: bool,
    },
    ActionThin {
        pct: u32,
        target: (u32, u32),
    },
    ActionHeavy {
        pct: u32,
        target: (u32, u32),
    },
    SetupLong {
        pct: u32,
        max: u32,
    },
    ResultThin {
        pct: u32,
        target: (u32, u32),
    },
    ResultHeavy {
        pct: u32,
        target: (u32, u32),
    },
    Balanced {
        action: u32,
        setup: u32,
        result: u32,
    },
    /// "We" outnumbers "I" where the story tells what was done (Task to Result), or in an answer.
    WeOverI {
        we: usize,
        i: usize,
    },
    NoI,
    FewI {
        i: usize,
        we: usize,
        per_we: u32,
    },
    ClearI {
        i: usize,
        we: usize,
    },
    /// "I would…" told of something that happened.
    Would {
        count: usize,
    },
    NoNumber,
    Measurable,
    /// More fillers and hedges than `allowed` at about one a minute; `top` names the commonest.
    Fillers {
        total: usize,
        allowed: usize,
        per_minute: u32,
        top: Vec<(String, usize)>,
    },
    /// Phrases marked in the text.
    Flagged {
        count: usize,
    },
    JobWords {
        names: Vec<String>,
        more: usize,
    },
    NoJobWords,
}

impl Finding {
    pub fn level(&self) -> Level {
        use Finding::*;
        match self {
            Empty(_) | WeOverI { .. } | Would { .. } | Long { far: true, .. } => Level::Warning,
            OnTarget { .. } | Balanced { .. } | ClearI { .. } | Measurable | JobWords { .. } => {
                Level::Good
            }
            _ => Level::Tip,
        }
    }

    /// The line the user reads.
    pub fn text(&self) -> String {
        use Finding::*;
        let range = |(lo, hi): (u32, u32)| format!("{lo}–{hi}");
        match self {
            Start => "Start with the Situation: where were you, and what was going on?".into(),
            Empty(s) => empty_advice(*s).into(),
            Short {
                seconds,
                target,
                add_to,
            } => {
                let to = add_to.map_or(String::new(), |p| format!(" to {}", p.name()));
                format!(
                    "About {} spoken: add detail{to} to reach {} s.",
                    spoken(*seconds as f32),
                    range(*target)
                )
            }
            OnTarget { seconds, target } => format!(
                "About {} spoken: within the {} s target.",
                spoken(*seconds as f32),
                range(*target)
            ),
            Long {
                seconds, max, trim, ..
            } => {
                let how = trim.map_or("trim each part a little".into(), |p| {
                    format!("trim, starting with {}", p.name())
                });
                format!(
                    "About {} spoken: {how} to reach {} or less.",
                    spoken(*seconds as f32),
                    spoken(*max as f32)
                )
            }
            ActionThin { pct, target } => format!(
                "Action is {pct}% of the story: say more about what you did (aim for {}%).",
                range(*target)
            ),
            ActionHeavy { pct, target } => format!(
                "Action is {pct}% of the story: give the set-up and the Result a sentence or two \
                 each (Action: aim for {}%).",
                range(*target)
            ),
            SetupLong { pct, max } => format!(
                "Situation and Task are {pct}% of the story: cut the set-up to {max}% or less."
            ),
            ResultThin { pct, target } => format!(
                "Result is {pct}% of the story: say what changed, and for whom (aim for {}%).",
                range(*target)
            ),
            ResultHeavy { pct, target } => format!(
                "Result is {pct}% of the story: keep it to {}% and move the detail into the Action.",
                range(*target)
            ),
            Balanced {
                action,
                setup,
                result,
            } => format!("Balance is right: Action {action}%, set-up {setup}%, Result {result}%."),
            WeOverI { we, i } => {
                format!("“We” {we}× and “I” {i}×: say what you did yourself.")
            }
            NoI => "No “I” where you tell what was done: make clear which steps were yours.".into(),
            FewI { i, we, per_we } => format!(
                "“I” {i}× and “we” {we}×: aim for {per_we} “I” to each “we”, and credit the team once."
            ),
            ClearI { i, we } => format!("“I” {i}× and “we” {we}×: clear what you did."),
            Would { count } => format!(
                "“Would” {count}× for what happened: tell it in the past tense (“I checked…”)."
            ),
            NoNumber => "Result has no number: how much, how many, how fast?".into(),
            Measurable => "Result has a measurable outcome.".into(),
            Fillers {
                top, per_minute, ..
            } => {
                let list: Vec<String> = top.iter().map(|(w, c)| format!("“{w}” {c}×")).collect();
                let rate = match per_minute {
                    1 => "one".to_string(),
                    n => n.to_string(),
                };
                format!(
                    "Cut filler words ({}): about {rate} a minute at most sounds fluent.",
                    list.join(", ")
                )
            }
            Flagged { count: 1 } => "1 phrase is marked in the text to reword.".into(),
            Flagged { count } => format!("{count} phrases are marked in the text to reword."),
            JobWords { names, more } => {
                let tail = if *more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                format!("Job words used: {}{tail}.", names.join(", "))
            }
            NoJobWords => {
                "No job words yet: name the equipment, procedure or rule you used.".into()
            }
        }
    }
}

fn empty_advice(s: Section) -> &'static str {
    match s {
        Section::Situation => {
            "Situation is empty: in a sentence or two, say where you were and what was going on."
        }
        Section::Task => "Task is empty: say what you had to do, or what was at stake.",
        Section::Action => {
            "Action is empty: say step by step what you did; it should be most of the story."
        }
        Section::Result => "Result is empty: say how it turned out, with a number if you can.",
    }
}

/// One line of coaching: a finding and how much it matters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insight {
    pub level: Level,
    pub finding: Finding,
}

impl Insight {
    pub fn new(finding: Finding) -> Insight {
        Insight {
            level: finding.level(),
            finding,
        }
    }

    pub fn text(&self) -> String {
        self.finding.text()
    }
}

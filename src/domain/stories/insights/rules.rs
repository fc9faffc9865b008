//! The coaching rules: each turns [`Metrics`] into one-line insights that say what to do.

use super::{Guidance, Insight, Level, Metrics};
use crate::domain::stories::story::Section;
use crate::domain::stories::words::Glossary;

/// Below this many words the shares of each section are noise, so balance is not judged.
const MIN_WORDS_FOR_BALANCE: usize = 60;
/// Below this many words a story is still a draft; missing job words are not worth a tip yet.
const MIN_WORDS_FOR_TERMS: usize = 60;
/// How far over the target length a story may run before the tip becomes a warning.
const LONG_FACTOR: f32 = 1.25;

/// Where rules put their insights.
pub(super) struct Out<'a>(pub(super) &'a mut Vec<Insight>);

impl Out<'_> {
    fn say(&mut self, level: Level, text: impl Into<String>) {
        self.0.push(Insight {
            level,
            text: text.into(),
        });
    }
}

/// Runs every rule in display order. An empty story gets a single tip to start, not a wall of warnings.
pub(super) fn apply(m: &Metrics, glossary: &Glossary, g: &Guidance, out: &mut Vec<Insight>) {
    let mut out = Out(out);
    if m.total_words == 0 {
        empty_story(&mut out);
        return;
    }
    empty_sections(m, &mut out);
    length(m, g, &mut out);
    balance(m, g, &mut out);
    voice(m, g, &mut out);
    result(m, &mut out);
    fillers(m, g, &mut out);
    terms(m, glossary, &mut out);
}

pub(super) fn empty_story(out: &mut Out) {
    out.say(
        Level::Tip,
        "Start with the Situation: where were you, and what was going on?",
    );
}

/// A warning per empty section, since an interviewer will notice a missing part of the story.
pub(super) fn empty_sections(m: &Metrics, out: &mut Out) {
    for s in Section::ALL {
        if m.words[s.index()] == 0 {
            out.say(Level::Warning, empty_advice(s));
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

pub(super) fn length(m: &Metrics, g: &Guidance, out: &mut Out) {
    let (lo, hi) = (g.target_seconds.0 as f32, g.target_seconds.1 as f32);
    let range = format!("{}–{} s", g.target_seconds.0, g.target_seconds.1);
    let about = spoken(m.total_seconds);
    if m.total_seconds < lo {
        out.say(
            Level::Tip,
            format!("About {about} spoken: add detail to the Action to reach {range}."),
        );
    } else if m.total_seconds <= hi {
        out.say(
            Level::Good,
            format!("About {about} spoken: within the {range} target."),
        );
    } else {
        let level = if m.total_seconds > hi * LONG_FACTOR {
            Level::Warning
        } else {
            Level::Tip
        };
        let cap = spoken(hi);
        out.say(
            level,
            format!("About {about} spoken: trim to under {cap}, starting with the set-up."),
        );
    }
}

pub(super) fn balance(m: &Metrics, g: &Guidance, out: &mut Out) {
    let complete = m.words.iter().all(|&w| w > 0);
    if !complete || m.total_words < MIN_WORDS_FOR_BALANCE {
        return;
    }
    let pct = |f: f32| (f * 100.0).round() as u32;
    let action = m.shares[Section::Action.index()];
    let setup = m.shares[Section::Situation.index()] + m.shares[Section::Task.index()];
    let result = m.shares[Section::Result.index()];
    let before = out.0.len();
    if action < g.action_share_min {
        out.say(
            Level::Tip,
            format!(
                "Action is only {}% of the story: say more about what you did (aim for about 60%).",
                pct(action)
            ),
        );
    }
    if setup > g.setup_share_max {
        out.say(
            Level::Tip,
            format!(
                "Situation and Task are {}% of the story: cut the set-up to under about 30%.",
                pct(setup)
            ),
        );
    }
    if result < g.result_share.0 {
        out.say(
            Level::Tip,
            format!(
                "Result is only {}% of the story: say what changed, and for whom (aim for 10–20%).",
                pct(result)
            ),
        );
    } else if result > g.result_share.1 {
        out.say(
            Level::Tip,
            format!(
                "Result is {}% of the story: keep it to 10–20% and move the detail into the Action.",
                pct(result)
            ),
        );
    }
    if out.0.len() == before {
        out.say(
            Level::Good,
            format!(
                "Balance is right: Action {}%, set-up {}%, Result {}%.",
                pct(action),
                pct(setup),
                pct(result)
            ),
        );
    }
}

/// "I" against "we", and "would", in the Action: the interviewer wants what you did, not the team or a plan.
pub(super) fn voice(m: &Metrics, g: &Guidance, out: &mut Out) {
    if m.words[Section::Action.index()] == 0 {
        return;
    }
    let (i, we) = (m.i_count, m.we_count);
    if we > i {
        out.say(
            Level::Warning,
            format!("Action says “we” {we}× and “I” {i}×: say what you did yourself."),
        );
    } else if i == 0 {
        out.say(
            Level::Tip,
            "Action never says “I”: make clear which steps were yours.",
        );
    } else if (i as f32) < g.i_per_we * we as f32 {
        out.say(
            Level::Tip,
            format!(
                "Action says “I” {i}× and “we” {we}×: aim for {} to 1, and credit the team in the Result.",
                g.i_per_we
            ),
        );
    } else {
        out.say(
            Level::Good,
            format!("Action says “I” {i}× and “we” {we}×: clear what you did."),
        );
    }
    if m.would_count > 0 {
        out.say(
            Level::Warning,
            format!(
                "Action says what you “would” do ({}×): tell what you did, in the past tense (“I checked…”).",
                m.would_count
            ),
        );
    }
}

pub(super) fn result(m: &Metrics, out: &mut Out) {
    if m.words[Section::Result.index()] == 0 {
        return;
    }
    if m.measurable_result {
        out.say(Level::Good, "Result has a measurable outcome.");
    } else {
        out.say(
            Level::Tip,
            "Result has no number: how much, how many, how fast?",
        );
    }
}

pub(super) fn fillers(m: &Metrics, g: &Guidance, out: &mut Out) {
    let total: usize = m.fillers.iter().map(|(_, c)| c).sum();
    let allowed = (g.fillers_per_minute * m.total_seconds / 60.0)
        .ceil()
        .max(1.0) as usize;
    if total > allowed {
        let list: Vec<String> = m
            .fillers
            .iter()
            .take(4)
            .map(|(w, c)| format!("“{w}” {c}×"))
            .collect();
        out.say(
            Level::Tip,
            format!(
                "Cut filler words ({}): about one a minute at most sounds fluent.",
                list.join(", ")
            ),
        );
    }
}

pub(super) fn terms(m: &Metrics, glossary: &Glossary, out: &mut Out) {
    if glossary.is_empty() {
        return;
    }
    if !m.terms.is_empty() {
        let names: Vec<&str> = m.terms.iter().take(5).map(|t| t.term.as_str()).collect();
        let more = m.terms.len() - names.len();
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        out.say(
            Level::Good,
            format!("Job words used: {}{tail}.", names.join(", ")),
        );
    } else if m.total_words >= MIN_WORDS_FOR_TERMS {
        out.say(
            Level::Tip,
            "No job words yet: name the equipment, procedure or rule you used.",
        );
    }
}

/// "45 s", "2 min", "1 min 45 s", rounded to 5 s: an estimate should not look precise.
pub fn spoken(seconds: f32) -> String {
    let total = ((seconds.max(0.0) / 5.0).round() * 5.0) as u32;
    match (total / 60, total % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

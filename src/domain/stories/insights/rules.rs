//! The coaching rules: each turns numbers into findings, checked against the one set of [`Targets`].

use super::finding::{Finding, Insight, Part};
use super::{Guidance, Metrics, Targets};
use crate::domain::stories::story::Section;

/// Every rule for a story, in display order (the caller sorts by level, stably). An empty story gets
/// a single tip to start, not a wall of warnings.
pub(super) fn story(m: &Metrics, g: &Guidance, no_glossary: bool) -> Vec<Insight> {
    let t = &g.targets;
    let mut out: Vec<Finding> = Vec::new();
    if m.total_words == 0 {
        return vec![Insight::new(Finding::Start)];
    }
    for s in Section::ALL {
        if m.words[s.index()] == 0 {
            out.push(Finding::Empty(s));
        }
    }
    // First among the tips: a Result with nothing to check is what an interviewer misses most,
    // so it must not be the line a small window leaves out.
    if m.words[Section::Result.index()] > 0 {
        out.push(if m.measurable_result {
            Finding::Measurable
        } else {
            Finding::NoNumber
        });
    }
    // Then the marked phrases: the quickest fixes, one key each.
    if m.flagged > 0 {
        out.push(Finding::Flagged { count: m.flagged });
    }
    let judged = m.words.iter().all(|&w| w > 0) && m.total_words >= t.min_words_for_balance;
    let shares = Shares {
        setup: m.setup_pct,
        action: m.pct[Section::Action.index()],
        result: m.pct[Section::Result.index()],
    };
    let (add_to, trim) = if judged {
        (shares.furthest_under(t), shares.furthest_over(t))
    } else {
        (Some(Part::Action), Some(biggest(m)))
    };
    out.push(length(m.spoken, t, add_to, trim));
    if judged {
        out.extend(balance(shares, t));
    }
    let told = m.words[1..].iter().sum::<usize>();
    if told > 0 {
        out.extend(voice(m.i_count, m.we_count, m.would, t));
    }
    if m.would > 0 {
        out.push(Finding::Would { count: m.would });
    }
    out.extend(fillers(&m.fillers, m.filler_total, m.spoken, t));
    if !no_glossary {
        out.extend(terms(m, t));
    }
    out.into_iter().map(Insight::new).collect()
}

/// Whole-percent shares of the parts the targets name.
#[derive(Debug, Clone, Copy)]
struct Shares {
    setup: u32,
    action: u32,
    result: u32,
}

impl Shares {
    /// The part furthest under its minimum share (the set-up has none), if any is.
    fn furthest_under(self, t: &Targets) -> Option<Part> {
        [
            (Part::Action, t.action.0.saturating_sub(self.action)),
            (Part::Result, t.result.0.saturating_sub(self.result)),
        ]
        .into_iter()
        .filter(|&(_, by)| by > 0)
        .max_by_key(|&(_, by)| by)
        .map(|(p, _)| p)
    }

    /// The part furthest over its maximum share, if any is.
    fn furthest_over(self, t: &Targets) -> Option<Part> {
        [
            (Part::Setup, self.setup.saturating_sub(t.setup_max)),
            (Part::Action, self.action.saturating_sub(t.action.1)),
            (Part::Result, self.result.saturating_sub(t.result.1)),
        ]
        .into_iter()
        .filter(|&(_, by)| by > 0)
        .max_by_key(|&(_, by)| by)
        .map(|(p, _)| p)
    }
}

/// In a draft, the part with the most words.
fn biggest(m: &Metrics) -> Part {
    let setup = m.words[0] + m.words[1];
    let (action, result) = (m.words[2], m.words[3]);
    if setup > action && setup > result {
        Part::Setup
    } else if result > action {
        Part::Result
    } else {
        Part::Action
    }
}

/// Spoken length against the target, judged on the rounded seconds the user is shown.
pub fn length(seconds: u32, t: &Targets, add_to: Option<Part>, trim: Option<Part>) -> Finding {
    let (lo, hi) = t.seconds;
    if seconds < lo {
        Finding::Short {
            seconds,
            target: t.seconds,
            add_to,
        }
    } else if seconds <= hi {
        Finding::OnTarget {
            seconds,
            target: t.seconds,
        }
    } else {
        Finding::Long {
            seconds,
            max: hi,
            trim,
            far: seconds * 100 > hi * (100 + t.far_over_pct),
        }
    }
}

/// Each share outside its target, or that the balance is right.
fn balance(s: Shares, t: &Targets) -> Vec<Finding> {
    let mut out = Vec::new();
    if s.action < t.action.0 {
        out.push(Finding::ActionThin {
            pct: s.action,
            target: t.action,
        });
    } else if s.action > t.action.1 {
        out.push(Finding::ActionHeavy {
            pct: s.action,
            target: t.action,
        });
    }
    if s.setup > t.setup_max {
        out.push(Finding::SetupLong {
            pct: s.setup,
            max: t.setup_max,
        });
    }
    if s.result < t.result.0 {
        out.push(Finding::ResultThin {
            pct: s.result,
            target: t.result,
        });
    } else if s.result > t.result.1 {
        out.push(Finding::ResultHeavy {
            pct: s.result,
            target: t.result,
        });
    }
    if out.is_empty() {
        out.push(Finding::Balanced {
            action: s.action,
            setup: s.setup,
            result: s.result,
        });
    }
    out
}

/// "I" against "we". Praise only when nothing else about the voice needs fixing: never "clear what
/// you did" beside "would".
pub fn voice(i: usize, we: usize, would: usize, t: &Targets) -> Option<Finding> {
    if we > i {
        Some(Finding::WeOverI { we, i })
    } else if i == 0 {
        Some(Finding::NoI)
    } else if i < t.i_per_we as usize * we {
        Some(Finding::FewI {
            i,
            we,
            per_we: t.i_per_we,
        })
    } else if would == 0 {
        Some(Finding::ClearI { i, we })
    } else {
        None
    }
}

/// More fillers and hedges than about one a minute (one is always allowed).
pub fn fillers(
    list: &[(String, usize)],
    total: usize,
    seconds: u32,
    t: &Targets,
) -> Option<Finding> {
    let allowed = ((t.fillers_per_minute * seconds).div_ceil(60)).max(1) as usize;
    (total > allowed).then(|| Finding::Fillers {
        total,
        allowed,
        per_minute: t.fillers_per_minute,
        top: list.iter().take(4).cloned().collect(),
    })
}

fn terms(m: &Metrics, t: &Targets) -> Option<Finding> {
    if !m.terms.is_empty() {
        let names: Vec<String> = m.terms.iter().take(5).map(|h| h.term.clone()).collect();
        let more = m.terms.len() - names.len();
        Some(Finding::JobWords { names, more })
    } else {
        (m.total_words >= t.min_words_for_terms).then_some(Finding::NoJobWords)
    }
}

/// Seconds rounded to 5: an estimate should not look precise, and every check uses this number.
pub fn round5(seconds: f32) -> u32 {
    if seconds.is_finite() && seconds > 0.0 {
        ((seconds / 5.0).round() * 5.0) as u32
    } else {
        0
    }
}

/// "45 s", "2 min", "1 min 45 s", rounded to 5 s.
pub fn spoken(seconds: f32) -> String {
    let total = round5(seconds);
    match (total / 60, total % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

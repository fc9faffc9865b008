//! Live coaching for a STAR story or a typed answer: length, balance, "I" vs "we", "would", a
//! measurable result, fillers, marked phrases and job words, each a value with its numbers.

use super::coach::Coach;
use super::phrasing::Flag;
use super::story::{Section, Story};
use super::words::TermHit;
use crate::domain::content::phrasing::PhrasingKind;

mod answer;
mod finding;
mod rules;
mod scan;
#[cfg(test)]
mod tests;

pub use answer::AnswerAnalysis;
pub use finding::{Finding, Insight, Level, Part};
pub use rules::{round5, spoken};
pub use scan::Scan;

/// The one set of targets the coach checks and states. Each follows the usual STAR advice: 90–120 s
/// spoken (Swarthmore career pages); set-up (Situation and Task) under about 30%, Action about 55–70%,
/// Result 10–20% (careers.uw.edu); "I" three times as often as "we" (MIT CAPD); about one filler a
/// minute at most (interviewgenie.com). Checks compare the rounded numbers the user is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    /// Spoken length, in seconds.
    pub seconds: (u32, u32),
    /// A story this far over `seconds.1`, in percent, gets a warning rather than a tip.
    pub far_over_pct: u32,
    /// Situation and Task together, percent of the words, at most.
    pub setup_max: u32,
    /// The Action's share, percent.
    pub action: (u32, u32),
    /// The Result's share, percent.
    pub result: (u32, u32),
    /// "I" per "we" after the set-up.
    pub i_per_we: u32,
    pub fillers_per_minute: u32,
    /// Below this many words the shares are noise, so balance is not judged.
    pub min_words_for_balance: usize,
    /// Below this many words a story is a draft: missing job words are not worth a tip yet.
    pub min_words_for_terms: usize,
}

pub const TARGETS: Targets = Targets {
    seconds: (90, 120),
    far_over_pct: 25,
    setup_max: 30,
    action: (55, 70),
    result: (10, 20),
    i_per_we: 3,
    fillers_per_minute: 1,
    min_words_for_balance: 60,
    min_words_for_terms: 60,
};

/// The targets and the user's speaking pace (`words_per_minute` in the config file).
#[derive(Debug, Clone, PartialEq)]
pub struct Guidance {
    /// Interview answers run a little slower than conversation (about 150 words a minute), near the
    /// 125–150 of public speaking.
    pub words_per_minute: u32,
    pub targets: Targets,
}

impl Default for Guidance {
    fn default() -> Self {
        Guidance {
            words_per_minute: 140,
            targets: TARGETS,
        }
    }
}

impl Guidance {
    /// Seconds to say `words` at the user's pace.
    pub fn seconds(&self, words: usize) -> f32 {
        words as f32 * 60.0 / self.words_per_minute.max(1) as f32
    }
}

/// The numbers behind the insights, for the UI to draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metrics {
    /// Per section, in [`Section::ALL`] order.
    pub words: [usize; 4],
    pub total_words: usize,
    pub seconds: [f32; 4],
    pub total_seconds: f32,
    /// The spoken estimate as shown and judged: `total_seconds` rounded to 5 s.
    pub spoken: u32,
    /// Each section's share of the words as a whole percent, as shown and judged; all zero when empty.
    pub pct: [u32; 4],
    /// Situation and Task together, as a whole percent.
    pub setup_pct: u32,
    /// "I" and "we" words after the Situation, where the story says what was done.
    pub i_count: usize,
    pub we_count: usize,
    /// Phrases marked "would" told of the past.
    pub would: usize,
    pub measurable_result: bool,
    /// Filler and hedge phrases as said, most frequent first.
    pub fillers: Vec<(String, usize)>,
    pub filler_total: usize,
    /// Every phrase marked in the text.
    pub flagged: usize,
    pub terms: Vec<TermHit>,
}

/// A story measured: each section's scan, the totals, and the coaching.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Per section, in [`Section::ALL`] order.
    pub scans: [Scan; 4],
    pub metrics: Metrics,
    /// Warnings first, then tips, then what is already good.
    pub insights: Vec<Insight>,
}

impl Analysis {
    /// Combines the sections' scans and applies every rule.
    pub fn of(scans: [Scan; 4], coach: &Coach) -> Analysis {
        let metrics = measure(&scans, &coach.guidance);
        let mut insights = rules::story(&metrics, &coach.guidance, coach.glossary.is_empty());
        insights.sort_by_key(|i| i.level);
        Analysis {
            scans,
            metrics,
            insights,
        }
    }

    /// Scans one section again after its text changed, and works out the totals and coaching anew;
    /// the other sections' scans are kept, so a key costs one section's scan.
    pub fn rescan(&mut self, section: Section, text: &str, coach: &Coach) {
        let mut scans = std::mem::take(&mut self.scans);
        scans[section.index()] = Scan::new(text, Some(section), coach);
        *self = Analysis::of(scans, coach);
    }

    /// Whether the coaching includes `finding`.
    pub fn has(&self, finding: &Finding) -> bool {
        self.insights.iter().any(|i| i.finding == *finding)
    }

    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.insights.iter().map(|i| &i.finding)
    }

    /// The marked phrases of a section.
    pub fn flags(&self, section: Section) -> &[Flag] {
        &self.scans[section.index()].flags
    }
}

/// Measures `story` and applies every rule. Pure; the editor keeps the result and calls
/// [`Analysis::rescan`] for the section a key changed.
pub fn analyze(story: &Story, coach: &Coach) -> Analysis {
    let scans = Section::ALL.map(|s| Scan::new(story.text(s), Some(s), coach));
    Analysis::of(scans, coach)
}

fn measure(scans: &[Scan; 4], g: &Guidance) -> Metrics {
    let mut m = Metrics {
        words: [0, 1, 2, 3].map(|i| scans[i].words),
        ..Metrics::default()
    };
    m.total_words = m.words.iter().sum();
    m.seconds = m.words.map(|w| g.seconds(w));
    m.total_seconds = g.seconds(m.total_words);
    m.spoken = round5(m.total_seconds);
    if m.total_words > 0 {
        let pct = |w: usize| ((w * 100) as f32 / m.total_words as f32).round() as u32;
        m.pct = m.words.map(pct);
        m.setup_pct = pct(m.words[0] + m.words[1]);
    }
    for s in &scans[1..] {
        m.i_count += s.i_count;
        m.we_count += s.we_count;
    }
    m.measurable_result = scans[Section::Result.index()].number;
    for s in scans {
        for f in &s.flags {
            m.flagged += 1;
            if f.kind == PhrasingKind::Would {
                m.would += 1;
            }
        }
        for (name, n) in &s.fillers {
            m.filler_total += n;
            match m.fillers.iter_mut().find(|(x, _)| x == name) {
                Some((_, c)) => *c += n,
                None => m.fillers.push((name.clone(), *n)),
            }
        }
        for t in &s.terms {
            match m.terms.iter_mut().find(|h| h.id == t.id) {
                Some(h) => h.count += t.count,
                None => m.terms.push(t.clone()),
            }
        }
    }
    m.fillers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    m
}

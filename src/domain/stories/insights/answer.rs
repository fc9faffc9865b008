//! Coaching for a typed answer (a mock interview): the story rules that make sense without sections.

use super::finding::{Finding, Insight};
use super::rules::{fillers, length, round5, voice};
use super::scan::Scan;
use crate::domain::content::phrasing::PhrasingKind;
use crate::domain::stories::coach::Coach;

/// A typed answer measured and coached: length, "I" vs "we", "would", fillers and marked phrases.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerAnalysis {
    /// The answer's words, marked phrases (with byte ranges into the answer) and counts.
    pub scan: Scan,
    /// The spoken estimate at the user's pace, rounded to 5 s.
    pub seconds: u32,
    /// Warnings first, then tips, then what is already good; empty for an empty answer.
    pub insights: Vec<Insight>,
}

impl AnswerAnalysis {
    pub fn new(text: &str, coach: &Coach) -> AnswerAnalysis {
        let scan = Scan::new(text, None, coach);
        let seconds = round5(coach.guidance.seconds(scan.words));
        let t = &coach.guidance.targets;
        let mut out = Vec::new();
        if scan.words > 0 {
            out.push(length(seconds, t, None, None));
            let would = scan
                .flags
                .iter()
                .filter(|f| f.kind == PhrasingKind::Would)
                .count();
            out.extend(voice(scan.i_count, scan.we_count, would, t));
            if would > 0 {
                out.push(Finding::Would { count: would });
            }
            let total = scan.fillers.iter().map(|(_, n)| n).sum();
            let mut list = scan.fillers.clone();
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            out.extend(fillers(&list, total, seconds, t));
            if !scan.flags.is_empty() {
                out.push(Finding::Flagged {
                    count: scan.flags.len(),
                });
            }
        }
        let mut insights: Vec<Insight> = out.into_iter().map(Insight::new).collect();
        insights.sort_by_key(|i| i.level);
        AnswerAnalysis {
            scan,
            seconds,
            insights,
        }
    }

    /// Whether the coaching includes `finding`.
    pub fn has(&self, finding: &Finding) -> bool {
        self.insights.iter().any(|i| i.finding == *finding)
    }
}

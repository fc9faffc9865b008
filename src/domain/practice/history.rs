//! Looking back over practice rounds: which ones to list, each one's score, and the change between
//! the last two, which Home shows as progress.

use super::log::{RoundLog, RoundRecord};

/// Share of rubric boxes ticked over a round's answers, 0–100, rounded; None with no answers.
pub fn round_percent(r: &RoundRecord) -> Option<u32> {
    let boxes = u32::try_from(r.answer.len()).ok()?.checked_mul(4)?;
    if boxes == 0 {
        return None;
    }
    let ticked: u32 = r.answer.iter().map(|a| u32::from(a.rubric.score())).sum();
    Some((ticked * 100 + boxes / 2) / boxes)
}

/// The rounds worth listing (at least one answer given or left), newest first, with their index
/// in the log.
pub fn listed(log: &RoundLog) -> Vec<usize> {
    (0..log.round.len())
        .rev()
        .filter(|i| {
            let r = &log.round[*i];
            !r.answer.is_empty() || !r.skipped.is_empty()
        })
        .collect()
}

/// The last round's score against the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Rounds with graded answers.
    pub rounds: usize,
    pub last: u32,
    pub before: Option<u32>,
}

/// Progress between the last two rounds with graded answers; None before the first.
pub fn progress(log: &RoundLog) -> Option<Progress> {
    let scores: Vec<u32> = log.round.iter().filter_map(round_percent).collect();
    let (last, rest) = scores.split_last()?;
    Some(Progress {
        rounds: scores.len(),
        last: *last,
        before: rest.last().copied(),
    })
}

/// One line for Home: how the last practice round went against the one before, e.g. "Practice:
/// 75% of rubric boxes ticked last round, up from 50%". None before the first graded answer.
pub fn progress_line(log: &RoundLog) -> Option<String> {
    let p = progress(log)?;
    let change = match p.before {
        None => String::new(),
        Some(b) if b < p.last => format!(", up from {b}%"),
        Some(b) if b > p.last => format!(", down from {b}%"),
        Some(_) => ", the same as the round before".into(),
    };
    Some(format!(
        "Practice: {}% of rubric boxes ticked last round{change}.",
        p.last
    ))
}

/// Progress between rounds in at most `width` columns: the whole line where it fits, else the short
/// form `ticked 75% ↑` (↑ up, ↓ down from the round before). For a narrow panel on Home.
pub fn progress_text(log: &RoundLog, width: usize) -> Option<String> {
    let line = progress_line(log)?;
    if line.chars().count() <= width {
        return Some(line);
    }
    let p = progress(log)?;
    let arrow = match p.before {
        Some(b) if b < p.last => " ↑",
        Some(b) if b > p.last => " ↓",
        _ => "",
    };
    Some(format!("ticked {}%{arrow}", p.last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::{Id, QuestionKind};
    use crate::domain::practice::{Answer, Rubric};
    use chrono::{TimeZone, Utc};

    fn round(minute: u32, scores: &[usize]) -> RoundRecord {
        let answer = |n: usize| {
            let mut rubric = Rubric::new(QuestionKind::Direct);
            (0..n).for_each(|i| rubric.toggle(i));
            Answer {
                question: Id::new("q"),
                seconds: 60,
                rubric,
                grade: rubric.grade(),
                typed: None,
                asked: vec![],
                follow_up: None,
            }
        };
        RoundRecord {
            started: Utc.with_ymd_and_hms(2026, 11, 20, 9, minute, 0).unwrap(),
            role: None,
            target_seconds: 120,
            interviewer: None,
            mode: None,
            answer: scores.iter().map(|n| answer(*n)).collect(),
            skipped: vec![],
        }
    }

    #[test]
    fn percent_of_boxes_ticked() {
        assert_eq!(round_percent(&round(0, &[4, 2])), Some(75));
        assert_eq!(round_percent(&round(0, &[1, 0, 0])), Some(8));
        assert_eq!(round_percent(&round(0, &[])), None);
    }

    #[test]
    fn progress_compares_the_last_two_graded_rounds_and_skips_empty_ones() {
        let mut log = RoundLog::default();
        assert_eq!(progress_line(&log), None);
        log.round.push(round(0, &[2, 2]));
        let first = progress(&log).unwrap();
        assert_eq!((first.rounds, first.last, first.before), (1, 50, None));
        assert_eq!(
            progress_line(&log).unwrap(),
            "Practice: 50% of rubric boxes ticked last round."
        );
        log.round.push(round(1, &[]));
        log.round.push(round(2, &[4, 2]));
        let p = progress(&log).unwrap();
        assert_eq!((p.rounds, p.last, p.before), (2, 75, Some(50)));
        assert!(progress_line(&log).unwrap().ends_with("up from 50%."));
        log.round.push(round(3, &[1, 1]));
        assert!(progress_line(&log).unwrap().ends_with("down from 75%."));
        assert_eq!(
            listed(&log),
            [3, 2, 0],
            "newest first, empty rounds left out"
        );
        assert_eq!(progress_text(&log, 12).unwrap(), "ticked 25% ↓");
        assert!(
            progress_text(&log, 80)
                .unwrap()
                .starts_with("Practice: 25%")
        );
    }
}

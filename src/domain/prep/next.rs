//! The one next step Home suggests, and the countdown to the interview.

use chrono::NaiveDate;

/// The usual advice is 4–6 STAR stories; below this many, writing one is suggested.
pub const STORIES_WANTED: usize = 4;

/// What Home knows about the user's preparation. `None` means that part of the app has not told Home
/// yet, and suggestions that need it are skipped rather than guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub interview: Option<NaiveDate>,
    pub today: NaiveDate,
    pub cards_due: Option<usize>,
    pub stories: Option<usize>,
    pub practised_today: bool,
    /// The interview is over (its day and time have passed, see `plan::interview_over`).
    pub interview_over: bool,
    /// The first checklist step for before the interview not yet ticked, in checklist order.
    pub next_unchecked: Option<String>,
    /// The first step for after the interview (a thank-you note) not yet ticked.
    pub after_unchecked: Option<String>,
    /// Notes on how the interview went are written: they are not asked for again.
    pub noted: bool,
}

/// For this many days after the interview, a step for after it (a thank-you note, best sent within
/// a day) is suggested; later it would be stale.
pub const AFTER_STEP_DAYS: i64 = 2;

/// The suggested next step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suggestion {
    SetDate,
    /// The day has passed; `noted` when how it went is written down.
    DatePassed {
        noted: bool,
    },
    InterviewToday,
    /// Later on the interview day, once it is over.
    InterviewOver {
        noted: bool,
    },
    /// Just after the interview, a checklist step for after it is not ticked.
    AfterStep(String, bool),
    ReviewCards(usize),
    WriteStory {
        have: usize,
    },
    Practise,
    Checklist(String),
    AllDone,
}

impl Suggestion {
    /// What to tell the user, naming the screen or key that does it.
    pub fn text(&self) -> String {
        match self {
            Suggestion::SetDate => {
                "Press i to set your interview date, so the countdown can pace you.".into()
            }
            // Not "note how it went" once that is written: a walk read "Your notes are saved" on
            // the line above one asking for them.
            Suggestion::DatePassed { noted: false } => {
                "Your interview has passed: n notes how it went, i sets the next date.".into()
            }
            Suggestion::DatePassed { noted: true } => {
                "Your interview has passed and your notes are saved (n): i sets the next date."
                    .into()
            }
            Suggestion::InterviewOver { noted: false } => {
                "Your interview is over: press n to note how it went, while it is fresh.".into()
            }
            Suggestion::InterviewOver { noted: true } => {
                "Your interview is over and your notes are saved (n). Well done: rest now.".into()
            }
            Suggestion::AfterStep(step, false) => {
                format!("{step} (tick it below); n notes how it went.")
            }
            Suggestion::AfterStep(step, true) => {
                format!("{step} (tick it below). Your notes are saved (n).")
            }
            Suggestion::InterviewToday => {
                "Interview today: reread your stories, take your one-page summary, and good luck!"
                    .into()
            }
            Suggestion::ReviewCards(1) => "Review the 1 card due today on the Cards screen.".into(),
            Suggestion::ReviewCards(n) => {
                format!("Review the {n} cards due today on the Cards screen.")
            }
            Suggestion::WriteStory { have } => format!(
                "Write a STAR story on the Stories screen: you have {have}, aim for {STORIES_WANTED}–6."
            ),
            Suggestion::Practise => {
                "Run a timed practice round on the Practice screen to rehearse out loud.".into()
            }
            Suggestion::Checklist(step) => format!("{step} (from your checklist below)."),
            Suggestion::AllDone => {
                "You have done everything for today. Rest well, and come back tomorrow.".into()
            }
        }
    }
}

/// The first checklist step, in checklist order, that `done` does not hold: among the steps for
/// before the interview, or (`after`) those for after it.
pub fn first_unticked(
    steps: &[crate::domain::content::Step],
    done: &super::MarkSet,
    after: bool,
) -> Option<String> {
    steps
        .iter()
        .find(|s| s.after == after && !done.contains(&s.id))
        .map(|s| s.text.clone())
}

/// True when a step for after the interview is worth suggesting: `days_left` (0 on the day,
/// negative after) puts today within [`AFTER_STEP_DAYS`] of the interview, which is `over`.
pub fn after_step_time(days_left: i64, over: bool) -> bool {
    (-AFTER_STEP_DAYS..=0).contains(&days_left) && (days_left < 0 || over)
}

/// Whole days from `today` until the interview: 0 on the day, negative once it has passed.
pub fn days_until(interview: NaiveDate, today: NaiveDate) -> i64 {
    (interview - today).num_days()
}

/// The one step to suggest, in order: the date (it paces everything), the interview day itself, due
/// cards (they pile up if skipped), stories (the core of a behavioural interview), a practice round,
/// the checklist, else rest.
pub fn next_step(p: &Progress) -> Suggestion {
    let days = p.interview.map(|d| days_until(d, p.today));
    // Once it is over, and for a day or two after: the thank-you note first.
    if let (Some(n), Some(step)) = (days, &p.after_unchecked)
        && after_step_time(n, p.interview_over)
    {
        return Suggestion::AfterStep(step.clone(), p.noted);
    }
    match days {
        None => return Suggestion::SetDate,
        Some(n) if n < 0 => return Suggestion::DatePassed { noted: p.noted },
        Some(0) if p.interview_over => return Suggestion::InterviewOver { noted: p.noted },
        Some(0) => return Suggestion::InterviewToday,
        Some(_) => {}
    }
    if let Some(n) = p.cards_due.filter(|n| *n > 0) {
        return Suggestion::ReviewCards(n);
    }
    if let Some(have) = p.stories.filter(|n| *n < STORIES_WANTED) {
        return Suggestion::WriteStory { have };
    }
    if !p.practised_today {
        return Suggestion::Practise;
    }
    match &p.next_unchecked {
        Some(step) => Suggestion::Checklist(step.clone()),
        None => Suggestion::AllDone,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn ready() -> Progress {
        Progress {
            interview: Some(d("2026-12-07")),
            today: d("2026-11-23"),
            cards_due: Some(0),
            stories: Some(5),
            practised_today: true,
            interview_over: false,
            next_unchecked: None,
            after_unchecked: None,
            noted: false,
        }
    }

    #[test]
    fn suggestions_follow_the_documented_order() {
        let mut p = ready();
        assert_eq!(next_step(&p), Suggestion::AllDone);
        p.next_unchecked = Some("Research the clinic".into());
        assert_eq!(
            next_step(&p),
            Suggestion::Checklist("Research the clinic".into())
        );
        p.practised_today = false;
        assert_eq!(next_step(&p), Suggestion::Practise);
        p.stories = Some(2);
        assert_eq!(next_step(&p), Suggestion::WriteStory { have: 2 });
        p.cards_due = Some(7);
        assert_eq!(next_step(&p), Suggestion::ReviewCards(7));
        p.interview = None;
        assert_eq!(next_step(&p), Suggestion::SetDate);
    }

    #[test]
    fn unknown_facts_are_skipped_not_guessed() {
        let mut p = ready();
        p.cards_due = None;
        p.stories = None;
        p.practised_today = false;
        assert_eq!(next_step(&p), Suggestion::Practise);
    }

    #[test]
    fn the_day_itself_and_after() {
        let mut p = ready();
        p.interview = Some(p.today);
        assert_eq!(next_step(&p), Suggestion::InterviewToday);
        let over = Progress {
            interview_over: true,
            ..p.clone()
        };
        assert_eq!(next_step(&over), Suggestion::InterviewOver { noted: false });
        assert!(next_step(&over).text().contains("press n"));
        let noted = Progress {
            noted: true,
            ..over.clone()
        };
        assert!(
            !next_step(&noted).text().contains("note how"),
            "notes written are not asked for"
        );
        p.interview = Some(d("2026-11-22"));
        assert_eq!(next_step(&p), Suggestion::DatePassed { noted: false });
        p.noted = true;
        assert!(next_step(&p).text().contains("notes are saved"));
        assert_eq!(days_until(d("2026-12-07"), d("2026-11-23")), 14);
        assert_eq!(days_until(d("2026-11-22"), d("2026-11-23")), -1);
    }

    #[test]
    fn a_thank_you_note_is_suggested_once_the_interview_is_over_and_for_two_days() {
        let thanks = || Some("Send a thank-you note".to_string());
        let mut p = Progress {
            after_unchecked: thanks(),
            ..ready()
        };
        // Before the interview it is never the next step, even with everything else done.
        assert_eq!(next_step(&p), Suggestion::AllDone);
        p.interview = Some(p.today);
        assert_eq!(
            next_step(&p),
            Suggestion::InterviewToday,
            "not before it starts"
        );
        p.interview_over = true;
        let step = Suggestion::AfterStep("Send a thank-you note".into(), false);
        assert_eq!(next_step(&p), step);
        assert_eq!(
            step.text(),
            "Send a thank-you note (tick it below); n notes how it went."
        );
        for (ago, want) in [
            (1, step.clone()),
            (2, step),
            (3, Suggestion::DatePassed { noted: false }),
        ] {
            p.interview = p.today.checked_sub_days(chrono::Days::new(ago));
            assert_eq!(next_step(&p), want, "{ago} days after");
        }
        // Ticked: the usual words after an interview.
        p.interview = p.today.checked_sub_days(chrono::Days::new(1));
        p.after_unchecked = None;
        assert_eq!(next_step(&p), Suggestion::DatePassed { noted: false });
    }

    #[test]
    fn the_thank_you_step_is_never_the_next_step_before_the_interview() {
        use crate::domain::content::Library;
        use crate::domain::prep::{MarkKind, MarkSet};
        let lib = Library::builtin();
        let mut done = MarkSet::new(MarkKind::Checklist);
        let before: Vec<_> = lib.steps.iter().filter(|s| !s.after).collect();
        assert!(before.len() >= 10, "the built-in checklist");
        assert_eq!(
            first_unticked(&lib.steps, &done, false).as_deref(),
            Some(before[0].text.as_str())
        );
        for s in &before {
            done.toggle(&s.id);
        }
        assert_eq!(first_unticked(&lib.steps, &done, false), None);
        assert_eq!(
            first_unticked(&lib.steps, &done, true).as_deref(),
            Some("Send a thank-you note")
        );
    }

    #[test]
    fn texts_name_where_to_go() {
        assert!(Suggestion::ReviewCards(1).text().contains("1 card due"));
        assert!(Suggestion::ReviewCards(3).text().contains("3 cards"));
        assert!(
            Suggestion::WriteStory { have: 1 }
                .text()
                .contains("Stories screen")
        );
        assert!(Suggestion::SetDate.text().contains("Press i"));
        assert_eq!(
            Suggestion::Checklist("Research the clinic".into()).text(),
            "Research the clinic (from your checklist below)."
        );
    }
}

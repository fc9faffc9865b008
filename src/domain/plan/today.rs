//! Today's plan: how many cards, which story to write or improve next, and whether to do a practice
//! round, from the days left, what is unseen, what is weak and what was done already today.
//!
//! The rules, in the order the plan is built:
//!
//! - **Cards**: every card due now in "My interview", plus today's new cards from the pace (see
//!   [`super::pace`]). A new card takes about 2 to 3 reviews the first day (its learning steps), a due
//!   card about one; a review takes about [`SECONDS_PER_REVIEW`]. On the interview day there are no
//!   cards to study.
//! - **Story**: fewer than [`STORIES_WANTED`] stories, or a core competency no story shows: write one
//!   about the first such competency. Otherwise a story missing a STAR part: finish it. In the last
//!   day before the interview only finishing is suggested, not a new story.
//! - **Practice**: a round today unless one was done today; before that, only once the user has a
//!   story or two to practice with, except in the last five days, when a round every day helps most.
//!   Not on the interview day.
//! - **Next**: the first of cards, story and practice that has something to do, so one key starts it.
//! - **After the interview** nothing more is asked (no story, no practice, next is rest) until a new
//!   date is set; the cards stay available on the Cards screen, on their normal schedule.

use super::pace::{Pace, PaceReason};
use crate::domain::prep::days_until;
use chrono::NaiveDate;

pub use crate::domain::prep::next::STORIES_WANTED;

/// Rough time one review takes: reading the card, recalling, checking the answer.
pub const SECONDS_PER_REVIEW: u32 = 15;

/// In the last this many days before the interview, a practice round every day is advised.
pub const PRACTICE_DAILY_FROM: i64 = 5;

/// Below this predicted recall on the interview day a seen card counts as weak.
pub const WEAK_RECALL: f64 = 0.7;

/// What the plan is built from. Plain numbers, so `status` can fill it from a read-only load.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inputs {
    pub today: NaiveDate,
    pub interview: Option<NaiveDate>,
    /// Cards in "My interview".
    pub total: usize,
    /// Of them, never studied.
    pub unseen: usize,
    /// Of them, due now (learning steps included).
    pub due: usize,
    /// Of them, seen but predicted to be recalled with less than [`WEAK_RECALL`] on the day.
    pub weak: usize,
    /// New cards already started today (any deck).
    pub introduced_today: u32,
    /// Reviews done today.
    pub reviewed_today: u32,
    /// The `daily_new_limit` setting.
    pub daily_new_limit: u32,
    /// Stories written, if known.
    pub stories: Option<usize>,
    /// The first core competency (by name) no story shows yet, if any.
    pub uncovered_core: Option<String>,
    /// The title of a story missing a STAR part, and which parts, if any.
    pub unfinished_story: Option<(String, Vec<String>)>,
    /// Practice rounds finished today, and in all.
    pub rounds_today: usize,
    pub rounds_total: usize,
}

/// Today's cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cards {
    /// New cards to start today.
    pub new: usize,
    /// Cards due now.
    pub due: usize,
    /// Reviews these will likely take, low and high.
    pub reviews: (usize, usize),
    /// Minutes they will likely take (from the midpoint of `reviews`).
    pub minutes: u32,
    pub pace: Pace,
}

impl Cards {
    /// Cards to study today, new and due.
    pub fn count(&self) -> usize {
        self.new + self.due
    }
}

/// Reviews `(low, high)` in words: "1 review", "12 reviews", "40–60 reviews". Due cards alone take
/// one review each, so there is no range to give, and "12–12 reviews" would read as a mistake.
pub fn reviews_words((lo, hi): (usize, usize)) -> String {
    match (lo, hi) {
        (1, 1) => "1 review".to_string(),
        (lo, hi) if lo == hi => format!("{lo} reviews"),
        (lo, hi) => format!("{lo}–{hi} reviews"),
    }
}

/// The story work to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Story {
    /// Write a new story; `about` is a core competency no story shows yet, if any.
    Write { have: usize, about: Option<String> },
    /// Finish a story that lacks some STAR parts.
    Finish { title: String, missing: Vec<String> },
}

/// Whether to do a practice round today, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Practice {
    /// Do a round today.
    Today,
    /// A round is done today already.
    Done,
    /// Not yet: write a story or two first.
    NotYet,
    /// Not today (interview day).
    Rest,
}

/// What the one key on Home starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Cards,
    Story,
    Practice,
    /// Nothing more today.
    Rest,
}

/// Today's plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Whole days until the interview (0 on the day, negative after), if a date is set.
    pub days_left: Option<i64>,
    pub cards: Cards,
    pub story: Option<Story>,
    pub practice: Practice,
    pub next: Next,
    /// Seen cards predicted weak on the day, for the plan's note.
    pub weak: usize,
}

/// Builds today's plan (see the module notes for the rules).
pub fn plan(i: &Inputs) -> Plan {
    let days_left = i.interview.map(|d| days_until(d, i.today));
    let interview_today = days_left == Some(0);
    let pace = super::pace::pace(
        i.unseen,
        i.introduced_today,
        i.daily_new_limit,
        i.interview,
        i.today,
    );
    let new = pace.left_today(i.introduced_today, i.unseen);
    let due = if interview_today { 0 } else { i.due };
    let reviews = (due + 2 * new, due + 3 * new);
    let mid = (reviews.0 + reviews.1) as u32 / 2;
    let cards = Cards {
        new,
        due,
        reviews,
        minutes: (mid * SECONDS_PER_REVIEW).div_ceil(60),
        pace,
    };
    let last_day = days_left.is_some_and(|n| n <= 1);
    let passed = days_left.is_some_and(|n| n < 0);
    let story = if interview_today || passed {
        None
    } else {
        story_step(i, last_day)
    };
    let practice = match days_left {
        Some(n) if n <= 0 => Practice::Rest,
        _ if i.rounds_today > 0 => Practice::Done,
        Some(n) if (1..=PRACTICE_DAILY_FROM).contains(&n) => Practice::Today,
        _ if i.stories.unwrap_or(0) >= 1 || i.rounds_total > 0 => Practice::Today,
        _ => Practice::NotYet,
    };
    let next = if passed {
        Next::Rest
    } else if cards.count() > 0 {
        Next::Cards
    } else if story.is_some() {
        Next::Story
    } else if practice == Practice::Today {
        Next::Practice
    } else {
        Next::Rest
    };
    Plan {
        days_left,
        cards,
        story,
        practice,
        next,
        weak: i.weak,
    }
}

fn story_step(i: &Inputs, last_day: bool) -> Option<Story> {
    let have = i.stories?;
    let write = have < STORIES_WANTED || i.uncovered_core.is_some();
    if write && !last_day {
        return Some(Story::Write {
            have,
            about: i.uncovered_core.clone(),
        });
    }
    i.unfinished_story
        .as_ref()
        .map(|(title, missing)| Story::Finish {
            title: title.clone(),
            missing: missing.clone(),
        })
}

impl Plan {
    /// One line per part of the plan, in plain words, for Home and `clinicprep status`.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        let c = &self.cards;
        match (self.days_left, c.count()) {
            (Some(0), _) => {
                out.push("Interview today: no cards. Reread your stories and your sheet.".into())
            }
            (_, 0) => out.push("Cards: nothing due now. Well done.".into()),
            _ => out.push(format!(
                "Cards: {} ({} new, {} due), about {}, {} min.",
                c.count(),
                c.new,
                c.due,
                reviews_words(c.reviews),
                c.minutes.max(1)
            )),
        }
        if let PaceReason::Late { .. } = c.pace.reason {
            out.push(
                "Less than 3 days left: today's new cards are all that is left unseen.".into(),
            );
        }
        match &self.story {
            Some(Story::Write { have, about }) => out.push(match about {
                Some(a) => format!("Story: write one that shows {a} (you have {have})."),
                None => {
                    format!("Story: write another (you have {have}, aim for {STORIES_WANTED}–6).")
                }
            }),
            Some(Story::Finish { title, missing }) => out.push(format!(
                "Story: finish “{title}”: add {}.",
                missing.join(", ")
            )),
            None => {}
        }
        out.push(
            match self.practice {
                Practice::Today => "Practice: do one round out loud today.",
                Practice::Done => "Practice: done today.",
                Practice::NotYet => "Practice: after your first story.",
                Practice::Rest => "Practice: rest. You are ready.",
            }
            .into(),
        );
        out
    }

    /// The story part as one short phrase, for `status --json`.
    pub fn story_text(&self) -> Option<String> {
        self.story.as_ref().map(|s| match s {
            Story::Write { about: Some(a), .. } => format!("write a story that shows {a}"),
            Story::Write { about: None, .. } => "write another story".to_string(),
            Story::Finish { title, .. } => format!("finish \"{title}\""),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The persona on day 1: PT aide, 10 days out, nothing done yet.
    fn day_one() -> Inputs {
        Inputs {
            today: d("2026-11-23"),
            interview: Some(d("2026-12-03")),
            total: 150,
            unseen: 150,
            daily_new_limit: 20,
            stories: Some(0),
            uncovered_core: Some("Teamwork".into()),
            ..Inputs::default()
        }
    }

    #[test]
    fn day_one_studies_paced_cards_then_writes_a_story() {
        let p = plan(&day_one());
        assert_eq!(p.days_left, Some(10));
        assert_eq!(
            p.cards.new, 20,
            "150 over 8 days is 19; the limit of 20 stands"
        );
        assert_eq!(p.cards.reviews, (40, 60));
        assert_eq!(p.cards.minutes, 13);
        assert_eq!(
            p.story,
            Some(Story::Write {
                have: 0,
                about: Some("Teamwork".into())
            })
        );
        assert_eq!(p.practice, Practice::NotYet);
        assert_eq!(p.next, Next::Cards);
        let text = p.lines().join("\n");
        assert!(
            text.contains("Cards: 20 (20 new, 0 due), about 40–60 reviews"),
            "{text}"
        );
        assert!(text.contains("write one that shows Teamwork"), "{text}");
    }

    #[test]
    fn due_cards_alone_give_a_number_of_reviews_not_a_range() {
        let mut i = day_one();
        i.unseen = 0;
        i.due = 12;
        let p = plan(&i);
        assert_eq!((p.cards.new, p.cards.reviews), (0, (12, 12)));
        let text = p.lines().join("\n");
        assert!(text.contains("about 12 reviews,"), "{text}");
        assert_eq!(reviews_words((1, 1)), "1 review");
        assert_eq!(reviews_words((40, 60)), "40–60 reviews");
    }

    #[test]
    fn what_was_done_today_counts() {
        let mut i = day_one();
        i.unseen = 130;
        i.introduced_today = 20;
        i.reviewed_today = 55;
        i.stories = Some(1);
        let p = plan(&i);
        assert_eq!(p.cards.count(), 0);
        assert_eq!(p.next, Next::Story);
        assert_eq!(
            p.practice,
            Practice::Today,
            "one story is enough to practice"
        );
        i.stories = Some(5);
        i.uncovered_core = None;
        let p = plan(&i);
        assert_eq!(p.story, None);
        assert_eq!(p.next, Next::Practice);
        i.rounds_today = 1;
        let p = plan(&i);
        assert_eq!((p.practice, p.next), (Practice::Done, Next::Rest));
    }

    #[test]
    fn the_last_days_and_the_day_itself() {
        let mut i = day_one();
        i.unseen = 40;
        i.stories = Some(2);
        i.unfinished_story = Some(("The fall".into(), vec!["Result".into()]));
        i.today = d("2026-12-02");
        let p = plan(&i);
        assert_eq!(p.days_left, Some(1));
        assert_eq!(p.cards.new, 40, "late: everything unseen today");
        assert!(p.lines().iter().any(|l| l.contains("Less than 3 days")));
        assert_eq!(
            p.story,
            Some(Story::Finish {
                title: "The fall".into(),
                missing: vec!["Result".into()]
            }),
            "no new story on the last day, but finish one"
        );
        assert_eq!(p.practice, Practice::Today);
        i.today = d("2026-12-03");
        i.due = 12;
        let p = plan(&i);
        assert_eq!(p.cards.count(), 0);
        assert_eq!(
            (p.story.clone(), p.practice, p.next),
            (None, Practice::Rest, Next::Rest)
        );
        assert!(p.lines()[0].starts_with("Interview today"));
        i.today = d("2026-12-04");
        let p = plan(&i);
        assert_eq!(p.days_left, Some(-1));
        assert_eq!(p.cards.pace.reason, PaceReason::Passed);
        assert_eq!(p.cards.due, 12, "after the day, normal study resumes");
        assert_eq!(
            (p.story, p.practice, p.next),
            (None, Practice::Rest, Next::Rest),
            "and nothing more is asked until a new date is set"
        );
    }

    #[test]
    fn without_a_date_the_limit_paces_and_practice_waits_for_a_story() {
        let mut i = day_one();
        i.interview = None;
        i.unseen = 226;
        let p = plan(&i);
        assert_eq!(p.days_left, None);
        assert_eq!(p.cards.new, 20);
        assert_eq!(p.practice, Practice::NotYet);
        i.daily_new_limit = 0;
        i.due = 0;
        let p = plan(&i);
        assert_eq!(p.cards.count(), 0);
        assert_eq!(p.next, Next::Story);
    }

    #[test]
    fn every_day_of_the_countdown_gives_a_plan_that_reads() {
        let start = d("2026-11-23");
        for n in -2..=30i64 {
            let mut i = day_one();
            i.interview = Some(if n >= 0 {
                start + Days::new(n as u64)
            } else {
                start - Days::new((-n) as u64)
            });
            let p = plan(&i);
            assert!(!p.lines().is_empty());
            assert!(
                p.lines().iter().all(|l| !l.is_empty() && l.len() < 120),
                "{:?}",
                p.lines()
            );
        }
    }
}

//! Today's plan: how many cards, which story to write or improve next, and whether to do a practice
//! round, from the days left, what is unseen, what is weak and what was done already today.
//!
//! The rules, in the order the plan is built:
//!
//! - **Cards**: every card due now in "My interview", plus today's new cards from the pace (see
//!   [`super::pace`]). A new card takes about 2 to 3 reviews the first day (its learning steps), a due
//!   card about one; a review takes about [`SECONDS_PER_REVIEW`]. On the interview day there are no
//!   cards to study.
//! - **Story**: tag a story whose words show a core competency no story is tagged with; else write
//!   one, or finish one missing a STAR part (see [`super::story_step`]).
//! - **Practice**: a round today unless one was done today; before that, only once the user has a
//!   story or two to practice with, except in the last five days, when a round every day helps most.
//!   Not on the interview day.
//! - **Next**: the first of cards, story and practice that has something to do, so one key starts it.
//! - **After the interview** nothing more is asked (no story, no practice, next is rest) until a new
//!   date is set; the cards stay available on the Cards screen, on their normal schedule.

use super::pace::{Pace, PaceReason};
use super::story_step::{STORIES_WANTED, Story, StoryNumbers, story_step};
use crate::domain::prep::days_until;
use chrono::NaiveDate;

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
    /// What the stories give the plan, if they could be read.
    pub stories: Option<StoryNumbers>,
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
    // On the day and after it nothing is asked of the cards until a new date is set (the persona's
    // day 10); they keep their schedule for anyone who studies anyway. A walk saw `status` plan 62
    // cards two days after the interview while Home said nothing was planned.
    let over = days_left.is_some_and(|n| n <= 0);
    let due = if over { 0 } else { i.due };
    let new = if over {
        0
    } else {
        pace.left_today(i.introduced_today, i.unseen)
    };
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
        story_step(i.stories.as_ref(), last_day)
    };
    let practice = match days_left {
        Some(n) if n <= 0 => Practice::Rest,
        _ if i.rounds_today > 0 => Practice::Done,
        Some(n) if (1..=PRACTICE_DAILY_FROM).contains(&n) => Practice::Today,
        _ if i.stories.as_ref().is_some_and(|s| s.count >= 1) || i.rounds_total > 0 => {
            Practice::Today
        }
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

impl Plan {
    /// One line per part of the plan, in plain words, for Home and `clinicprep status`.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        let c = &self.cards;
        match (self.days_left, c.count()) {
            (Some(0), _) => {
                out.push("Interview today: no cards. Reread your stories and your sheet.".into())
            }
            (Some(n), _) if n < 0 => out.push(
                "Interview over: nothing planned. Set your next interview's date to plan again."
                    .into(),
            ),
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
        match c.pace.reason {
            PaceReason::Late { held_back: 0, .. } => out.push(
                "Less than 3 days left: today's new cards are all that is left unseen.".into(),
            ),
            PaceReason::Late { held_back, .. } => out.push(format!(
                "The night before: no more new cards than any day; the {held_back} unseen can \
                 wait (cram: i on Cards)."
            )),
            _ => {}
        }
        match &self.story {
            Some(Story::Tag(t)) => out.push(format!(
                "Story: “{}” shows {}: add the tag {}.",
                t.title, t.skill.name, t.skill.id
            )),
            Some(Story::Write { have, about }) => out.push(match about {
                Some(a) => format!("Story: write one that shows {} (you have {have}).", a.name),
                None => {
                    format!("Story: write another (you have {have}, aim for {STORIES_WANTED}–6).")
                }
            }),
            Some(Story::Finish(u)) => out.push(format!(
                "Story: finish “{}”: add {}.",
                u.title,
                u.missing.join(", ")
            )),
            None => {}
        }
        out.push(
            match self.practice {
                Practice::Today => "Practice: do one round out loud today.",
                Practice::Done => "Practice: done today.",
                Practice::NotYet => "Practice: after your first story.",
                Practice::Rest if self.days_left.is_some_and(|n| n < 0) => {
                    "Practice: when you have a new date."
                }
                Practice::Rest => "Practice: rest. You are ready.",
            }
            .into(),
        );
        out
    }

    /// The story part as one short phrase, for `status --json`.
    pub fn story_text(&self) -> Option<String> {
        self.story.as_ref().map(|s| match s {
            Story::Tag(t) => format!("tag \"{}\" with {}", t.title, t.skill.id),
            Story::Write { about: Some(a), .. } => format!("write a story that shows {}", a.name),
            Story::Write { about: None, .. } => "write another story".to_string(),
            Story::Finish(u) => format!("finish \"{}\"", u.title),
        })
    }
}

#[cfg(test)]
#[path = "today_tests.rs"]
mod tests;

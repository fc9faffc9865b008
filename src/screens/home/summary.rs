//! The four lines at the top of Home: the countdown, the counts, today's plan and the next step.

use super::view::COUNTING;
use crate::domain::plan::ROUND_ANSWERS;
use crate::domain::plan::{Next as PlanNext, Plan, Practice, Story as PlanStory};
use crate::domain::prep::charts;
use crate::domain::prep::next::{after_step_time, first_unticked};
use crate::domain::prep::{Progress, days_until, next_step};
use crate::kit::ViewCtx;
use crate::storage::sanitize::clean_line;
use crate::widgets::clip::{clip_line, clip_words};
use crate::widgets::text::draw_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// What Home knows, as the next-step rule wants it.
pub(super) fn progress(cx: &ViewCtx) -> Progress {
    let lib = cx.data.library();
    let done = cx.data.checklist();
    let today = cx.today;
    Progress {
        interview: cx.data.interview(),
        today,
        cards_due: cx.facts.cards_due_today,
        stories: cx.facts.stories_written,
        interview_over: cx.data.interview_over(cx.offset, cx.now),
        practised_today: cx.data.rounds().round.iter().any(|r| {
            r.answer.len() >= ROUND_ANSWERS && charts::local_day(r.started, cx.offset) == today
        }),
        next_unchecked: first_unticked(&lib.steps, done, false),
        after_unchecked: first_unticked(&lib.steps, done, true),
        noted: noted(cx),
    }
}

/// True when notes on how the interview went are written: the Today and Next lines stop asking.
fn noted(cx: &ViewCtx) -> bool {
    cx.data
        .interview()
        .and_then(|d| cx.data.debriefs().notes_for(d))
        .is_some()
}

pub(super) fn summary(cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let today = cx.today;
    let p = cx.data.profile();
    let employer = if p.employer.is_empty() {
        String::new()
    } else {
        format!(" at {}", crate::storage::sanitize::clean_line(&p.employer))
    };
    const KEYS: &str = "  ·  p profile, i date";
    // The sheet is no tab, so its key is named here too, where the line has room after the date
    // and the employer (which never give way for it).
    const SHEET_KEY: &str = ", o sheet";
    // Where the line would lose its keys on the right, the year gives way first (the count of days
    // says which year), then the employer.
    let countdown = |with_year: bool| match cx.data.interview() {
        Some(d) => {
            let n = days_until(d, today);
            let mut when = d
                .format(if with_year {
                    "%a, %b %-d, %Y"
                } else {
                    "%a, %b %-d"
                })
                .to_string();
            if let Some(time) = p.interview_time {
                when = format!("{when}, {}", crate::domain::prep::clock(time));
            }
            match n {
                0 => format!("Interview today ({when})"),
                1 => format!("Interview tomorrow ({when})"),
                n if n > 1 => format!("Interview in {n} days ({when})"),
                _ => format!("Interview was on {when}"),
            }
        }
        None => "No interview date yet".to_string(),
    };
    let fits = |text: &str, at: &str| {
        1 + text.width() + at.width() + KEYS.width() <= usize::from(area.width)
    };
    let long = countdown(true);
    let (text, at) = if fits(&long, &employer) {
        (long, employer)
    } else {
        let short = countdown(false);
        if fits(&short, &employer) {
            (short, employer)
        } else {
            (short, String::new())
        }
    };
    let mut first = vec![Span::raw(" "), Span::styled(text, t.title)];
    if !at.is_empty() {
        first.push(Span::styled(at, t.title));
    }
    first.push(Span::styled(KEYS, t.muted));
    let used = 1 + text_width(&first) + SHEET_KEY.width();
    if used <= usize::from(area.width) {
        first.push(Span::styled(SHEET_KEY, t.muted));
    }
    // (long label, short label for narrow windows, value)
    let mut counts: Vec<(&str, &str, String)> = Vec::new();
    // While start-up still loads the decks, stories and history, their numbers are not known yet.
    let loading = cx.facts.loading;
    if loading {
        for (long, short) in [
            ("Cards due now", "Due"),
            ("Stories", "Stories"),
            ("Competencies covered", "Competencies"),
        ] {
            counts.push((long, short, COUNTING.to_string()));
        }
    }
    if let Some(n) = cx.facts.cards_due_today {
        counts.push(("Cards due now", "Due", n.to_string()));
    }
    if let Some(n) = cx.facts.stories_written {
        counts.push(("Stories", "Stories", n.to_string()));
    }
    if let Some(c) = &cx.facts.competencies_covered {
        let all = cx.data.library().competencies.len();
        counts.push((
            "Competencies covered",
            "Skills",
            format!("{}/{all}", c.len()),
        ));
    }
    let rounds = &cx.data.rounds().round;
    // Rounds as the plan counts them: a start of one answer is not a round.
    let answered = rounds
        .iter()
        .filter(|r| r.answer.len() >= ROUND_ANSWERS)
        .count();
    counts.push(("Practice rounds", "Rounds", answered.to_string()));
    let steps = &cx.data.library().steps;
    let done = cx.data.checklist().count_among(steps.iter().map(|s| &s.id));
    // Your own content files may add steps: the total is known once they are loaded.
    let checklist = match loading {
        true => COUNTING.to_string(),
        false => format!("{done}/{}", steps.len()),
    };
    counts.push(("Checklist", "Checklist", checklist));
    let long: usize = counts.iter().map(|(l, _, v)| l.len() + v.len() + 6).sum();
    let narrow = long > usize::from(area.width);
    let sep = if narrow { " · " } else { "  ·  " };
    let mut second = vec![Span::raw(" ")];
    let mut used = 1;
    for (i, (long_label, short_label, value)) in counts.into_iter().enumerate() {
        let label = if narrow { short_label } else { long_label };
        // Whole counts only: one that would not fit is left out rather than cut.
        let adds = if i > 0 { sep.chars().count() } else { 0 } + label.len() + 1 + value.len();
        if used + adds >= usize::from(area.width) {
            break;
        }
        used += adds;
        if i > 0 {
            second.push(Span::styled(sep, t.muted));
        }
        second.push(Span::styled(format!("{label} "), t.base));
        second.push(Span::styled(value, t.heading));
    }
    // A line too long for the window is shortened between words, a column short of the edge.
    let room = usize::from(area.width.saturating_sub(1));
    let label = " Next: ";
    let fits = room.saturating_sub(label.width());
    let (today_line, next) = match (&cx.facts.plan, loading) {
        (_, true) => (Line::default(), COUNTING.to_string()),
        (Some(plan), false) => {
            // Shortened by leaving out the deck's name first: cut between words, "study 54 cards
            // of “My … Press s to start." read wrong at 60 columns (a user walk).
            let named = plan_next(plan, cx, true);
            let next = if named.width() > fits {
                plan_next(plan, cx, false)
            } else {
                named
            };
            (plan_line(plan, cx, room), next)
        }
        (None, false) => (Line::default(), next_step(&progress(cx)).text()),
    };
    let next = keep_key(&next, fits);
    let fourth = Line::from(vec![
        Span::styled(label, t.key),
        Span::styled(next, t.accent),
    ]);
    let lines: Vec<Line> = [Line::from(first), Line::from(second), today_line, fourth]
        .iter()
        .map(|l| clip_line(l, room))
        .collect();
    draw_lines(&lines, area, buf);
}

/// Columns the spans take.
fn text_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| s.content.width()).sum()
}

/// Today's plan on one line: cards and the time they take, the story step, the practice round.
/// Where the line is wider than `room`, the count of unseen cards goes first, so the three steps
/// stay whole.
fn plan_line(plan: &Plan, cx: &ViewCtx, room: usize) -> Line<'static> {
    let t = cx.theme;
    let day = match plan.days_left {
        // Over, later the same day: the same as the days after it.
        Some(n) if n < 0 || (n == 0 && cx.data.interview_over(cx.offset, cx.now)) => {
            let thanks = progress(cx).after_unchecked.is_some() && after_step_time(n, true);
            Some(match (thanks, noted(cx)) {
                (true, true) => "a thank-you note (see Next). Your notes are saved (n).",
                (true, false) => "a thank-you note (see Next). How did it go? n notes it.",
                (false, true) => "nothing planned. Your notes are saved (n); i sets a new date.",
                (false, false) => "nothing planned. How did it go? n notes it; i sets a new date.",
            })
        }
        // Cards may still be due (Home counts them): the advice is to leave them, not that none are.
        Some(0) => Some("your interview: let the cards wait and reread your stories."),
        _ => None,
    };
    if let Some(text) = day {
        return Line::from(vec![
            Span::styled(" Today: ", t.key),
            Span::styled(text, t.base),
        ]);
    }
    let c = &plan.cards;
    // Learning steps of a session just studied come back within minutes: not "done" yet.
    let later = charts::due_later_today(&cx.facts.due, cx.now, cx.offset);
    let cards = |unseen: &str| match (plan.days_left, c.count()) {
        (Some(0), _) => "no cards today".to_string(),
        (_, 0) if later > 0 => format!("cards done for now, {later} back later today{unseen}"),
        (_, 0) => format!("cards done{unseen}"),
        (_, n) => format!(
            "{n} card{} (~{} min{unseen})",
            if n == 1 { "" } else { "s" },
            c.minutes.max(1)
        ),
    };
    let story = match &plan.story {
        Some(PlanStory::Tag(u)) => format!("tag “{}”", clean_line(&u.title)),
        Some(PlanStory::Write { about: Some(a), .. }) => format!("story: {}", a.name),
        Some(PlanStory::Write { about: None, .. }) => "another story".to_string(),
        Some(PlanStory::Finish(u)) => format!("finish “{}”", clean_line(&u.title)),
        // No story step with none written is a day without one, not stories done (the day
        // before the interview, a persona walk read "stories done" with no story written).
        None if cx.facts.stories_written == Some(0) => "no story today".to_string(),
        None => "stories done".to_string(),
    };
    let practice = match plan.practice {
        Practice::Today => "a practice round",
        Practice::Done => "practice done",
        Practice::NotYet => "practice after a story",
        Practice::Rest => "rest",
    };
    let unseen = cx
        .facts
        .interview_deck
        .map_or(String::new(), |d| format!(", {} unseen", d.unseen));
    let label = " Today: ";
    // The three steps, shortened until they fit: without the unseen count, then in fewer words
    // (a skill with a long name), so all three stay whole rather than "a practice …".
    let short_practice = match plan.practice {
        Practice::Today => "practice",
        Practice::Done => "practiced",
        Practice::NotYet => "then practice",
        Practice::Rest => "rest",
    };
    let short_story = match &plan.story {
        Some(PlanStory::Write { about: Some(a), .. }) => format!("{} story", a.name),
        _ => story.clone(),
    };
    let forms = [
        format!("{} · {story} · {practice}", cards(&unseen)),
        format!("{} · {story} · {practice}", cards("")),
        format!("{} · {short_story} · {short_practice}", cards("")),
    ];
    // The day before, the one-page sheet is part of the day until its checklist step is ticked:
    // a persona walk's last evening showed only cards and practice ("o sheet" sat in the header).
    let sheet_left = plan.days_left == Some(1)
        && !cx
            .data
            .checklist()
            .contains(&crate::domain::content::Id::new("step-summary"));
    let fits = |t: &String| label.width() + t.width() <= room;
    let with_sheet = forms
        .iter()
        .map(|f| format!("{f} · sheet (o)"))
        .find(|f| sheet_left && fits(f));
    let text = with_sheet
        .or_else(|| forms.iter().find(|f| fits(f)).cloned())
        .unwrap_or_else(|| forms[2].clone());
    Line::from(vec![Span::styled(label, t.key), Span::styled(text, t.base)])
}

/// `text` fitted to `room` columns keeping its last sentence when that says which key to press
/// ("Press s to open it."): the words before it are shortened instead, so a long story title
/// never hides the key.
fn keep_key(text: &str, room: usize) -> String {
    let split = text.rfind(". Press ").map(|i| i + 1);
    match split {
        Some(i) if text.width() > room => {
            let (what, key) = (&text[..i], &text[i + 1..]);
            match room.checked_sub(key.width() + 1) {
                Some(left) if left >= 12 => format!("{} {key}", clip_words(what, left)),
                _ => text.to_string(),
            }
        }
        _ => text.to_string(),
    }
}

/// What s starts, in words (the cards' deck named if `deck_named`); when the plan is done, the
/// next-step rule (date, checklist, rest).
fn plan_next(plan: &Plan, cx: &ViewCtx, deck_named: bool) -> String {
    if plan.days_left.is_none() {
        let what = if cx.data.profile().roles.is_empty() {
            "press p to set your role and interview date"
        } else {
            "press i to set your interview date"
        };
        return format!("{what}, so clinicprep can plan your days.");
    }
    match plan.next {
        PlanNext::Cards => {
            let c = &plan.cards;
            // The same minutes as the Today line above: two measures of one plan (cards and
            // reviews) read as two plans. The Cards screen gives the reviews.
            format!(
                "study {} card{}{}, about {} min. Press s to start.",
                c.count(),
                if c.count() == 1 { "" } else { "s" },
                if deck_named {
                    " of “My interview”"
                } else {
                    ""
                },
                c.minutes.max(1)
            )
        }
        PlanNext::Story => match &plan.story {
            Some(PlanStory::Tag(u)) => format!(
                "“{}” shows {}: tag it. Press s to open it.",
                clean_line(&u.title),
                u.skill.name
            ),
            Some(PlanStory::Finish(u)) => format!(
                "finish “{}”: add {}. Press s to open it.",
                clean_line(&u.title),
                u.missing.join(", ")
            ),
            Some(PlanStory::Write { about: Some(a), .. }) => {
                format!(
                    "write a STAR story that shows {}. Press s to start one.",
                    a.name
                )
            }
            _ => "write a STAR story. Press s to start one.".to_string(),
        },
        PlanNext::Practice => {
            "a timed practice round, out loud. Press s to open Practice.".to_string()
        }
        PlanNext::Rest => next_step(&progress(cx)).text(),
    }
}

//! The Practice screen: set up a timed mock-interview round, answer each question against the clock,
//! rate the answer with the rubric, and read a summary at the end.

mod keys;
mod setup;
mod view;

use crate::domain::config::{ANY_ROLE, PracticePrefs};
use crate::domain::content::{Id, Library, Question};
use crate::domain::practice::{
    Answer, AnswerTimer, Check, Graded, Pick, ROUNDS_FILE, RoundRecord, Rubric, select_round,
};
use crate::kit::keymap::{Group, Keymap};
use crate::kit::{Action, AppData, Ctx, Screen, Status, ViewCtx};
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub use setup::{Field, Setup};

/// Where the round is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Choosing role, length and target.
    Setup,
    /// A question is on screen and the timer runs.
    Answer,
    /// The timer stopped; the user ticks the rubric.
    Rate,
    /// The round is over; its answers are listed.
    Summary,
}

#[derive(Debug)]
pub struct Practice {
    pub stage: Stage,
    pub setup: Setup,
    pub picks: Vec<Pick>,
    /// The question being answered or rated.
    pub index: usize,
    pub timer: Option<AnswerTimer>,
    /// Whether the story outline and coaching notes are shown.
    pub hint: bool,
    pub rubric: Rubric,
    /// The rubric box with the cursor.
    pub check: usize,
    /// The round so far, as it is saved.
    pub round: Option<RoundRecord>,
    /// The timer's seconds when last drawn, so `tick` redraws once a second and no more.
    shown_secs: Option<u32>,
}

impl Practice {
    pub fn new() -> Practice {
        Practice {
            stage: Stage::Setup,
            setup: Setup::new(),
            picks: Vec::new(),
            index: 0,
            timer: None,
            hint: false,
            rubric: Rubric::default(),
            check: 0,
            round: None,
            shown_secs: None,
        }
    }

    /// Sets the answer target a new round starts with (from the config file).
    pub fn set_target(&mut self, secs: u32) {
        self.setup.target_secs = secs;
    }

    /// The profile or the practice settings changed: the next round is for the role last practised
    /// (from `[practice]`) when it is one in focus, else the profile's first role, else any role;
    /// the length as last used. So Practice defaults to the user's role and remembers which of their
    /// roles they practised. A round under way is left alone.
    pub fn follow(&mut self, data: &AppData) {
        if self.stage != Stage::Setup {
            return;
        }
        let lib = data.library();
        let prefs = data.practice_prefs();
        let index_of = |id: &Id| lib.roles.iter().position(|r| &r.id == id).map(|i| i + 1);
        self.setup.role = match &prefs.role {
            Some(r) if r.as_str() == ANY_ROLE && data.focus().is_every_role() => 0,
            Some(r) if data.focus().has_role(r) => index_of(r).unwrap_or(0),
            _ => data.focus().first_role_index(lib).map_or(0, |i| i + 1),
        };
        if let Some(n) = prefs.length {
            self.setup.length = (n as usize).clamp(*setup::LENGTHS.start(), *setup::LENGTHS.end());
        }
    }

    /// Whole seconds on the answer timer at `now` (0 when no timer runs).
    pub fn elapsed(&self, now: DateTime<Utc>) -> u32 {
        self.timer.map_or(0, |t| t.elapsed(now))
    }

    fn apply(&mut self, action: Action, cx: &mut Ctx) {
        let now = cx.now;
        match self.stage {
            Stage::Setup => self.update_setup(action, cx),
            Stage::Answer => match action {
                Action::EndAnswer => {
                    let within = self.timer.as_mut().is_none_or(|t| {
                        t.stop(now);
                        t.within_target(now)
                    });
                    self.rubric = Rubric::for_answer(within);
                    self.check = 0;
                    self.stage = Stage::Rate;
                }
                Action::ToggleHint => self.hint = !self.hint,
                Action::Back => self.finish(),
                _ => {}
            },
            Stage::Rate => self.update_rate(action, cx),
            Stage::Summary => {
                if matches!(action, Action::Select | Action::Back) {
                    self.stage = Stage::Setup;
                }
            }
        }
    }

    fn update_setup(&mut self, action: Action, cx: &mut Ctx) {
        if action != Action::Select {
            self.setup.update(&action, cx.data.library().roles.len());
        } else if let Err(why) = self.start(cx) {
            cx.say(Status::warn(why));
        }
    }

    /// The role chosen in setup, if one is.
    pub fn role<'a>(&self, lib: &'a Library) -> Option<&'a crate::domain::content::Role> {
        self.setup
            .role
            .checked_sub(1)
            .and_then(|i| lib.roles.get(i))
    }

    fn start(&mut self, cx: &mut Ctx) -> Result<(), &'static str> {
        let (lib, facts, now) = (cx.data.library(), cx.facts, cx.now);
        let role = self.role(lib).map(|r| r.id.clone());
        let seed = u64::try_from(now.timestamp_micros()).unwrap_or(0);
        // For a role in focus, the questions the profile's background leaves out stay out.
        let focus = cx.data.focus();
        let in_focus = role.as_ref().is_none_or(|r| focus.has_role(r));
        let pool: Vec<Question> = lib
            .questions
            .iter()
            .filter(|q| !in_focus || focus.holds_question(q))
            .cloned()
            .collect();
        let picks = select_round(
            &pool,
            role.as_ref(),
            self.setup.length,
            &facts.recall,
            &facts.linked_questions(),
            seed,
        );
        if picks.is_empty() {
            return Err(
                "There are no interview questions for this role. Choose another role with ←/→.",
            );
        }
        self.picks = picks;
        self.round = Some(RoundRecord {
            started: now,
            role: role.clone(),
            target_seconds: self.setup.target_secs,
            answer: Vec::new(),
        });
        self.hint = false;
        self.ask(0, now);
        self.remember(role, cx);
        Ok(())
    }

    /// Saves the round settings, so Practice opens as the user left it. Quietly skipped in a
    /// read-only window; a failed save only costs the memory of them.
    fn remember(&self, role: Option<Id>, cx: &mut Ctx) {
        if !cx.data.can_write() {
            return;
        }
        let prefs = PracticePrefs {
            role: Some(role.unwrap_or_else(|| Id::new(ANY_ROLE))),
            length: u32::try_from(self.setup.length).ok(),
        };
        let target = self.setup.target_secs;
        if let Some(mut w) = cx.writer()
            && let Err(text) = w.save_practice(prefs, target)
        {
            cx.say(Status::warn(text));
        }
    }

    /// Shows question `index` and starts its timer.
    fn ask(&mut self, index: usize, now: DateTime<Utc>) {
        self.index = index;
        self.timer = Some(AnswerTimer::start(now, self.setup.target_secs));
        self.shown_secs = Some(0);
        self.stage = Stage::Answer;
    }

    fn update_rate(&mut self, action: Action, cx: &mut Ctx) {
        let n = Check::ALL.len();
        match action {
            Action::Up => self.check = (self.check + n - 1) % n,
            Action::Down => self.check = (self.check + 1) % n,
            Action::Toggle => self.rubric.toggle(Check::ALL[self.check.min(n - 1)]),
            Action::ToggleNth(k) => {
                if let Some(c) = usize::from(k)
                    .checked_sub(1)
                    .and_then(|i| Check::ALL.get(i))
                {
                    self.check = usize::from(k) - 1;
                    self.rubric.toggle(*c);
                }
            }
            Action::Select => self.save_answer(cx),
            _ => {}
        }
    }

    /// Saves the rated answer with the round so far, hands its grade to the question's flashcard,
    /// and goes on to the next question.
    fn save_answer(&mut self, cx: &mut Ctx) {
        let now = cx.now;
        let (Some(pick), Some(round)) = (self.picks.get(self.index).cloned(), self.round.as_mut())
        else {
            return;
        };
        let grade = self.rubric.grade();
        round.answer.push(Answer {
            question: pick.id.clone(),
            seconds: self.timer.map_or(0, |t| t.elapsed(now)),
            rubric: self.rubric,
            grade,
        });
        let graded = Graded {
            question: pick.id,
            grade,
            at: now,
        };
        let round = round.clone();
        if self.index + 1 < self.picks.len() {
            self.ask(self.index + 1, now);
        } else {
            self.finish();
        }
        let Some(mut w) = cx.writer() else {
            return;
        };
        let (saved, scheduled) = w.save_answer(round, graded);
        let failed = saved.err().or(scheduled.err());
        cx.say(match failed {
            None => Status::info(format!("Answer saved to {ROUNDS_FILE}.")),
            Some(text) => Status::error(text),
        });
    }

    /// Ends the round: to the summary if anything was answered, else back to setup.
    fn finish(&mut self) {
        self.timer = None;
        self.shown_secs = None;
        let answered = self.round.as_ref().is_some_and(|r| !r.answer.is_empty());
        self.stage = if answered {
            Stage::Summary
        } else {
            Stage::Setup
        };
    }
}

impl Screen for Practice {
    fn keys(&self) -> Keymap {
        let (title, bindings) = match self.stage {
            Stage::Setup => ("Round setup", keys::SETUP_KEYS),
            Stage::Answer => ("Answering", keys::ANSWER_KEYS),
            Stage::Rate => ("Rating your answer", keys::RATE_KEYS),
            Stage::Summary => ("Round summary", keys::SUMMARY_KEYS),
        };
        Keymap::of(vec![Group { title, bindings }])
    }

    fn update(&mut self, action: Action, cx: &mut Ctx) {
        self.apply(action, cx);
    }

    /// True when the timer's shown second changed, so the screen needs drawing. Only while it shows:
    /// coming back to the screen redraws the time that passed.
    fn tick(&mut self, cx: &mut Ctx, shown: bool) -> bool {
        if self.stage != Stage::Answer || !shown {
            return false;
        }
        let secs = Some(self.elapsed(cx.now));
        let changed = secs != self.shown_secs;
        self.shown_secs = secs;
        changed
    }

    fn render(&self, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
        view::render(self, cx, area, buf);
    }
}

impl Default for Practice {
    fn default() -> Self {
        Practice::new()
    }
}

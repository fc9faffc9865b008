//! The Practice screen: set up a timed mock-interview round, answer each question against the clock,
//! rate the answer with the rubric, and read a summary at the end.

mod setup;
pub mod view;

use crate::app::Action;
use crate::app::facts::Facts;
use crate::app::keymap::{Binding, Group, bind, ch, code};
use crate::domain::content::Library;
use crate::domain::practice::{
    Answer, AnswerTimer, Check, Graded, Pick, RoundRecord, Rubric, select_round,
};
use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;

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

/// What the app must do after a key on this screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// An answer was rated: save the round as it now stands and apply the grade to the card.
    Answered { round: RoundRecord, graded: Graded },
    /// Tell the user something on the status line.
    Message(String),
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

static ANSWER_KEYS: &[Binding] = &[
    bind(
        &[ch(' ')],
        "Space",
        "end the answer and rate it",
        Action::EndAnswer,
        Some("done answering"),
    ),
    bind(
        &[ch('h')],
        "h",
        "show or hide your story outline and coaching notes",
        Action::ToggleHint,
        Some("hints"),
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "end the round now (answers so far are kept)",
        Action::Back,
        Some("end round"),
    ),
];

static RATE_KEYS: &[Binding] = &[
    bind(
        &[ch('1')],
        "1-4",
        "tick or untick a box by its number; 1: clear structure",
        Action::ToggleNth(1),
        Some("tick"),
    ),
    bind(
        &[ch('2')],
        "2",
        "box 2: said \"I\"",
        Action::ToggleNth(2),
        None,
    ),
    bind(
        &[ch('3')],
        "3",
        "box 3: measurable result",
        Action::ToggleNth(3),
        None,
    ),
    bind(
        &[ch('4')],
        "4",
        "box 4: within time",
        Action::ToggleNth(4),
        None,
    ),
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "move between boxes",
        Action::Up,
        None,
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "next box",
        Action::Down,
        None,
    ),
    bind(
        &[ch(' '), ch('x')],
        "Space",
        "tick or untick the selected box",
        Action::Toggle,
        None,
    ),
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "save the rating and go on",
        Action::Select,
        Some("save"),
    ),
];

static SUMMARY_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "set up another round",
        Action::Select,
        Some("new round"),
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "back to the round setup",
        Action::Back,
        None,
    ),
];

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

    pub fn keymap(&self) -> Vec<Group> {
        let (title, bindings) = match self.stage {
            Stage::Setup => ("Round setup", setup::KEYS),
            Stage::Answer => ("Answering", ANSWER_KEYS),
            Stage::Rate => ("Rating your answer", RATE_KEYS),
            Stage::Summary => ("Round summary", SUMMARY_KEYS),
        };
        vec![Group { title, bindings }]
    }

    /// The pick on screen, if a round is running.
    pub fn current(&self) -> Option<&Pick> {
        matches!(self.stage, Stage::Answer | Stage::Rate)
            .then(|| self.picks.get(self.index))
            .flatten()
    }

    /// Whole seconds on the answer timer at `now` (0 when no timer runs).
    pub fn elapsed(&self, now: DateTime<Utc>) -> u32 {
        self.timer.map_or(0, |t| t.elapsed(now))
    }

    /// Clock work: true when the timer's shown second changed, so the screen needs drawing.
    pub fn tick(&mut self, now: DateTime<Utc>) -> bool {
        if self.stage != Stage::Answer {
            return false;
        }
        let secs = Some(self.elapsed(now));
        let changed = secs != self.shown_secs;
        self.shown_secs = secs;
        changed
    }

    pub fn update(
        &mut self,
        action: Action,
        lib: &Library,
        facts: &Facts,
        now: DateTime<Utc>,
    ) -> Option<Effect> {
        match self.stage {
            Stage::Setup => self.update_setup(action, lib, facts, now),
            Stage::Answer => {
                match action {
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
                }
                None
            }
            Stage::Rate => self.update_rate(action, now),
            Stage::Summary => {
                if matches!(action, Action::Select | Action::Back) {
                    self.stage = Stage::Setup;
                }
                None
            }
        }
    }

    fn update_setup(
        &mut self,
        action: Action,
        lib: &Library,
        facts: &Facts,
        now: DateTime<Utc>,
    ) -> Option<Effect> {
        if action == Action::Select {
            return self.start(lib, facts, now);
        }
        self.setup.update(&action, lib.roles.len());
        None
    }

    /// The role chosen in setup, if one is.
    pub fn role<'a>(&self, lib: &'a Library) -> Option<&'a crate::domain::content::Role> {
        self.setup
            .role
            .checked_sub(1)
            .and_then(|i| lib.roles.get(i))
    }

    fn start(&mut self, lib: &Library, facts: &Facts, now: DateTime<Utc>) -> Option<Effect> {
        let role = self.role(lib).map(|r| r.id.clone());
        let seed = u64::try_from(now.timestamp_micros()).unwrap_or(0);
        let picks = select_round(
            &lib.questions,
            role.as_ref(),
            self.setup.length,
            &facts.recall,
            &facts.linked_questions(),
            seed,
        );
        if picks.is_empty() {
            return Some(Effect::Message(
                "There are no interview questions for this role. Choose another role with ←/→."
                    .into(),
            ));
        }
        self.picks = picks;
        self.round = Some(RoundRecord {
            started: now,
            role,
            target_seconds: self.setup.target_secs,
            answer: Vec::new(),
        });
        self.hint = false;
        self.ask(0, now);
        None
    }

    /// Shows question `index` and starts its timer.
    fn ask(&mut self, index: usize, now: DateTime<Utc>) {
        self.index = index;
        self.timer = Some(AnswerTimer::start(now, self.setup.target_secs));
        self.shown_secs = Some(0);
        self.stage = Stage::Answer;
    }

    fn update_rate(&mut self, action: Action, now: DateTime<Utc>) -> Option<Effect> {
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
            Action::Select => return self.save_answer(now),
            _ => {}
        }
        None
    }

    fn save_answer(&mut self, now: DateTime<Utc>) -> Option<Effect> {
        let pick = self.picks.get(self.index)?.clone();
        let round = self.round.as_mut()?;
        let grade = self.rubric.grade();
        round.answer.push(Answer {
            question: pick.id.clone(),
            seconds: self.timer.map_or(0, |t| t.elapsed(now)),
            rubric: self.rubric,
            grade,
        });
        let effect = Effect::Answered {
            round: round.clone(),
            graded: Graded {
                question: pick.id,
                grade,
                at: now,
            },
        };
        if self.index + 1 < self.picks.len() {
            self.ask(self.index + 1, now);
        } else {
            self.finish();
        }
        Some(effect)
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

impl Default for Practice {
    fn default() -> Self {
        Practice::new()
    }
}

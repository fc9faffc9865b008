//! The Practice screen: a mock interview. Set it up (role, interviewer, length, speaking or typing),
//! answer an opener, the role's questions and the interviewer's follow-ups, rate each answer with the
//! rubric for its kind, pick your questions at the close, and look back over past rounds.

mod answer;
mod close;
mod finish;
mod flow;
mod history;
mod keys;
mod rate;
mod run;
mod setup;
mod start;
mod view;

use crate::domain::config::ANY_ROLE;
use crate::domain::content::{Id, Library, Persona, Question};
use crate::domain::practice::AnswerMode;
use crate::domain::practice::plan::{FULL_LENGTH, MIN_LENGTH, personas_for};
use crate::domain::profile::Setting;
use crate::domain::stories::Coach;
use crate::kit::keymap::{Group, Keymap};
use crate::kit::{Action, AppData, Ctx, Level, Screen, Typing, ViewCtx};
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub use run::Run;
pub use setup::{Choices, Field, Setup};

/// Where the interview is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Choosing role, interviewer, length, answer mode and target.
    Setup,
    /// A question is on screen: the timer runs, or the text box takes the answer.
    Answer,
    /// The answer was under ten seconds (or ten seconds of speech): did you answer?
    Confirm,
    /// The analysis of a typed answer.
    Feedback,
    /// The user ticks the rubric for the question's kind.
    Rate,
    /// The interviewer's follow-up question is being answered.
    FollowUp,
    /// The close: choosing which of your questions to ask.
    Close,
    /// Esc in a question: go back, skip it without a grade, or end the interview.
    Paused,
    /// The interview is over; its answers are listed.
    Summary,
    /// The list of past rounds.
    History,
    /// One past round, answer by answer.
    Round,
}

#[derive(Debug)]
pub struct Practice {
    pub stage: Stage,
    pub setup: Setup,
    /// The interview under way, or the one just finished (for the summary).
    pub run: Option<Run>,
    /// Whether the story outline and coaching notes are shown (the timer pauses meanwhile).
    pub hint: bool,
    /// Scroll of the hints, the analysis or a past round.
    pub scroll: usize,
    /// The stage Esc paused, to go back to.
    pub paused_from: Option<Stage>,
    /// The chosen line in the list of past rounds, and the round open (its index in the log).
    pub history: usize,
    pub open_round: Option<usize>,
    /// Speaking pace, for how long a typed answer takes to say.
    pub pace: u32,
    /// The work setting of the job (from the profile): its interviewer is chosen first.
    pub setting: Option<Setting>,
    /// The story coach, the same rules as the story editor's, built at the first typed answer.
    pub coach: Option<Coach>,
    /// The screen was not on show at the last tick (another screen, or help over it): the timer
    /// is paused until it shows again.
    hidden: bool,
    /// The timer's seconds when last drawn, so `tick` redraws once a second and no more.
    shown_secs: Option<u32>,
}

impl Practice {
    /// True where letters and digits are the interview's keys and a word typed by mistake could
    /// quit (answering out loud, rating, the close): quitting there asks first. Typing an answer,
    /// q is a letter of it, and on the pause page quitting is one of the offered ways out.
    pub fn asks_before_quitting(&self) -> bool {
        match self.stage {
            // Out loud, "Did you answer?" takes y and n too: a "q" there is a word spoken on.
            // With the hints open over a typed answer, q is no longer a letter of it: a persona
            // walk closed the hints with q, as q closes help, and was out of the interview.
            Stage::Answer | Stage::FollowUp | Stage::Confirm => {
                self.hint
                    || self
                        .run
                        .as_ref()
                        .is_some_and(|r| r.mode == AnswerMode::Speaking)
            }
            Stage::Rate | Stage::Close => true,
            _ => false,
        }
    }

    pub fn new() -> Practice {
        Practice {
            stage: Stage::Setup,
            setup: Setup::new(),
            run: None,
            hint: false,
            scroll: 0,
            paused_from: None,
            history: 0,
            open_round: None,
            pace: crate::domain::stories::Guidance::default().words_per_minute,
            setting: None,
            coach: None,
            hidden: false,
            shown_secs: None,
        }
    }

    /// Sets the answer target a new interview starts with (from the config file).
    pub fn set_target(&mut self, secs: u32) {
        self.setup.target_secs = secs;
    }

    /// Sets the speaking pace used to time typed answers (from the config file).
    pub fn set_pace(&mut self, words_per_minute: u32) {
        self.pace = words_per_minute.max(1);
    }

    /// The profile or the practice settings changed: the next interview is for the role last
    /// practised (from `[practice]`) when it is one in focus, else the profile's first role, else
    /// any role; the length, the interviewer (when they hire for that role) and spoken or typed
    /// answers as last used, else the interviewer of the profile's work setting. So Practice
    /// defaults to the user's role and opens as they left it. An interview under way is left alone.
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
            self.setup.length = (n as usize).clamp(MIN_LENGTH, FULL_LENGTH);
        }
        if let Some(mode) = prefs.answer_by {
            self.setup.mode = mode;
        }
        self.setting = data.profile().setting;
        self.prefer_setting(lib);
        if let Some(id) = &prefs.interviewer {
            let role = self.role(lib).map(|r| &r.id);
            if let Some(i) = personas_for(&lib.personas, role)
                .iter()
                .position(|p| &p.id == id)
            {
                self.setup.interviewer = i;
            }
        }
        // Built here, at start-up, so the first typed answer's Ctrl-S does not wait for it.
        if self.coach.is_none() {
            self.coach = Some(Coach::from_library(lib));
        }
    }

    /// Chooses the interviewer for the profile's setting among those who hire for the chosen
    /// role; the first one when none matches.
    fn prefer_setting(&mut self, lib: &Library) {
        let role = self.role(lib).map(|r| &r.id);
        let want = self.setting.map(Setting::as_str);
        self.setup.interviewer = personas_for(&lib.personas, role)
            .iter()
            .position(|p| Some(p.setting.as_str()) == want)
            .unwrap_or(0);
    }

    /// Whole seconds on the answer timer at `now` (0 when no timer runs).
    pub fn elapsed(&self, now: DateTime<Utc>) -> u32 {
        self.run
            .as_ref()
            .and_then(|r| r.timer)
            .map_or(0, |t| t.elapsed(now))
    }

    /// The role chosen in setup, if one is.
    pub fn role<'a>(&self, lib: &'a Library) -> Option<&'a crate::domain::content::Role> {
        self.setup
            .role
            .checked_sub(1)
            .and_then(|i| lib.roles.get(i))
    }

    /// The interviewer chosen in setup, among those who hire for the chosen role.
    pub fn persona<'a>(&self, lib: &'a Library) -> Option<&'a Persona> {
        let role = self.role(lib).map(|r| &r.id);
        let list = personas_for(&lib.personas, role);
        list.get(self.setup.interviewer).or(list.first()).copied()
    }

    /// The interview under way and its question on screen, if the content still has it.
    pub fn asking<'a>(&'a self, lib: &'a Library) -> Option<(&'a Run, &'a Question)> {
        let run = self.run.as_ref()?;
        Some((run, run.question(lib)?))
    }

    /// How many choices the setup fields have now.
    fn choices(&self, lib: &Library) -> Choices {
        Choices {
            roles: lib.roles.len(),
            interviewers: personas_for(&lib.personas, self.role(lib).map(|r| &r.id)).len(),
        }
    }

    /// Pauses the timer while the question is not being answered: hints open, paused by Esc, or
    /// the screen not on show. Resumes it when none of those holds.
    fn sync_timer(&mut self, now: DateTime<Utc>) {
        let answering = matches!(self.stage, Stage::Answer | Stage::FollowUp);
        let pause = !answering || self.hint || self.hidden;
        if let Some(t) = self.run.as_mut().and_then(|r| r.timer.as_mut()) {
            t.set_paused(pause, now);
        }
    }
}

impl Screen for Practice {
    fn keys(&self) -> Keymap {
        let speaking = self
            .run
            .as_ref()
            .is_none_or(|r| r.mode == AnswerMode::Speaking);
        let (title, bindings) = match self.stage {
            Stage::Setup => ("Interview setup", keys::SETUP_KEYS),
            Stage::Answer | Stage::FollowUp if self.hint => ("Hints", keys::HINT_KEYS),
            Stage::Answer | Stage::FollowUp if speaking => ("Answering", keys::SPEAK_KEYS),
            Stage::Answer | Stage::FollowUp => ("Typing your answer", keys::TYPE_KEYS),
            Stage::Confirm if speaking => ("Did you answer?", keys::CONFIRM_KEYS),
            Stage::Confirm => ("Did you answer?", keys::CONFIRM_TYPED_KEYS),
            Stage::Feedback => ("Your typed answer", keys::FEEDBACK_KEYS),
            Stage::Rate => ("Rating your answer", keys::RATE_KEYS),
            Stage::Close => ("Your questions for them", keys::CLOSE_KEYS),
            Stage::Paused => ("Paused", keys::PAUSED_KEYS),
            Stage::Summary => ("Interview summary", keys::SUMMARY_KEYS),
            Stage::History => ("Past rounds", keys::HISTORY_KEYS),
            Stage::Round => ("A past round", keys::ROUND_KEYS),
        };
        let mut groups = vec![Group { title, bindings }];
        let scrolls = matches!(self.stage, Stage::Feedback | Stage::Round)
            || (self.hint && matches!(self.stage, Stage::Answer | Stage::FollowUp));
        if scrolls {
            groups.push(Group {
                title: "Scrolling",
                bindings: crate::kit::keymap::SCROLL,
            });
        }
        let mut km = Keymap::of(groups);
        // Out loud, the letters no key takes go to the answer too: typed, they turn it into a
        // typed answer (see `type_instead`) instead of being refused one by one.
        if matches!(self.stage, Stage::Answer | Stage::FollowUp) && !self.hint {
            km.typing = self.run.as_ref().map(|r| match r.mode {
                AnswerMode::Typing => Typing::Saved,
                AnswerMode::Speaking => Typing::Letters,
            });
        }
        km
    }

    fn update(&mut self, action: Action, cx: &mut Ctx) {
        let (stage, said) = (self.stage, cx.status.clone());
        self.apply(action, cx);
        self.sync_timer(cx.now);
        // A word about the last page ("Follow-up saved…", "Answer saved…") goes once the page
        // changes and nothing new was said, so it never reads as feedback on the next answer.
        if self.stage != stage
            && *cx.status == said
            && said.as_ref().is_some_and(|s| s.level == Level::Info)
        {
            *cx.status = None;
        }
    }

    /// Pauses the timer while the screen is hidden (help open, another screen showing) and
    /// resumes it when it shows again. True when the timer's shown second changed, so the screen
    /// needs drawing.
    fn tick(&mut self, cx: &mut Ctx, shown: bool) -> bool {
        self.hidden = !shown;
        self.sync_timer(cx.now);
        if !matches!(self.stage, Stage::Answer | Stage::FollowUp) || !shown {
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

//! Starting a round (the setup's keys, the questions planned, the settings kept) and each question.

use super::run::Run;
use super::{Practice, Stage, answer::target_for};
use crate::domain::config::{ANY_ROLE, PracticePrefs};
use crate::domain::content::{Id, Question, QuestionKind};
use crate::domain::practice::plan::plan_interview;
use crate::domain::practice::{AnswerTimer, RoundRecord, Rubric};
use crate::kit::{Action, Ctx, Status};
use std::collections::HashSet;

/// Most questions offered at the close.
const MAX_ASKS: usize = 8;

impl Practice {
    pub(super) fn update_setup(&mut self, action: Action, cx: &mut Ctx) {
        match action {
            Action::Select => {
                if let Err(why) = self.start(cx) {
                    cx.say(Status::warn(why));
                }
            }
            Action::PastRounds => self.open_history(),
            other => {
                let lib = cx.data.library();
                let role = self.setup.role;
                let used = self.setup.update(&other, self.choices(lib));
                if self.setup.role != role {
                    self.prefer_setting(lib);
                }
                if !used {
                    cx.ignore(other);
                }
            }
        }
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
        // Those coaching means for the user's background or setting come up more often.
        let meant: HashSet<Id> = pool
            .iter()
            .filter(|q| in_focus && focus.is_meant_for_me(&q.id))
            .map(|q| q.id.clone())
            .collect();
        let picks = plan_interview(
            &pool,
            role.as_ref(),
            self.setup.length,
            &facts.recall,
            &facts.linked_questions(),
            &meant,
            seed,
        );
        if picks.is_empty() {
            return Err(
                "There are no interview questions for this role. Choose another role with ←/→.",
            );
        }
        let round = RoundRecord {
            started: now,
            role: role.clone(),
            target_seconds: self.setup.target_secs,
            interviewer: self.persona(lib).map(|p| p.id.clone()),
            mode: Some(self.setup.mode),
            answer: Vec::new(),
            skipped: Vec::new(),
        };
        self.run = Some(Run::new(picks, self.setup.mode, seed, round));
        self.ask(0, cx);
        self.remember(role, cx);
        Ok(())
    }

    /// Saves the interview settings, so Practice opens as the user left it. Quietly skipped in a
    /// read-only window; a failed save only costs the memory of them.
    fn remember(&self, role: Option<Id>, cx: &mut Ctx) {
        if !cx.data.can_write() {
            return;
        }
        let prefs = PracticePrefs {
            role: Some(role.unwrap_or_else(|| Id::new(ANY_ROLE))),
            length: u32::try_from(self.setup.length).ok(),
            interviewer: self.persona(cx.data.library()).map(|p| p.id.clone()),
            answer_by: Some(self.setup.mode),
        };
        let target = self.setup.target_secs;
        if let Some(mut w) = cx.writer()
            && let Err(text) = w.save_practice(prefs, target)
        {
            cx.say(Status::warn(text));
        }
    }

    /// Shows question `index`: the close lists your questions to ask; any other starts its timer.
    pub(super) fn ask(&mut self, index: usize, cx: &Ctx) {
        let (lib, now) = (cx.data.library(), cx.now);
        let target = self.setup.target_secs;
        let starred = cx.data.favourites();
        let role = self.role(lib);
        // The asks coaching gives the user's setting and background ("Which floors or units would
        // I cover?" for a hospital job), as Home lists them first.
        let coached: Vec<Id> = cx
            .data
            .focus()
            .coaching(lib)
            .iter()
            .flat_map(|c| c.asks.iter().cloned())
            .collect();
        let Some(run) = self.run.as_mut() else {
            return;
        };
        run.index = index;
        run.seconds = 0;
        run.typed = None;
        run.analysis = None;
        run.follow = None;
        run.check = 0;
        run.picked.clear();
        run.cursor = 0;
        run.clear_field(cx.theme);
        self.hint = false;
        self.scroll = 0;
        self.shown_secs = Some(0);
        let q = run.question(lib);
        if q.map(Question::kind) == Some(QuestionKind::Closer) {
            // Starred questions first, then those for the user's setting and background, then the
            // ones the guide suggests for the role.
            let mut suggested = coached;
            suggested.extend(role.map(|r| r.asks.clone()).unwrap_or_default());
            let mut asks: Vec<_> = lib
                .asks
                .iter()
                .filter(|a| starred.contains(&a.id))
                .map(|a| a.id.clone())
                .collect();
            for a in suggested
                .into_iter()
                .chain(lib.asks.iter().map(|a| a.id.clone()))
            {
                if asks.len() >= MAX_ASKS {
                    break;
                }
                if !asks.contains(&a) {
                    asks.push(a);
                }
            }
            run.asks = asks;
            run.timer = None;
            run.rubric = Rubric::new(QuestionKind::Closer);
            self.stage = Stage::Close;
        } else {
            run.timer = Some(AnswerTimer::start(now, target_for(q, target)));
            run.rubric = Rubric::new(q.map_or(QuestionKind::Star, Question::kind));
            self.stage = Stage::Answer;
        }
    }
}

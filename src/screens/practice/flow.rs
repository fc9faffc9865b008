//! How a mock interview moves: setup, each question (answer, "did you answer?", analysis, rating,
//! follow-up), the close, pausing and skipping, the summary and past rounds.

use super::run::Run;
use super::{Practice, Stage};
use crate::domain::config::{ANY_ROLE, PracticePrefs};
use crate::domain::content::{Id, Question, QuestionKind};
use crate::domain::practice::followup::{choose, lacks};
use crate::domain::practice::history::listed;
use crate::domain::practice::plan::plan_interview;
use crate::domain::practice::typed::{TalkingPoint, analyze_typed, answer_seconds};
use crate::domain::practice::{
    Answer, AnswerMode, AnswerTimer, FollowUpAnswer, Graded, MIN_ANSWER_SECS, ROUNDS_FILE,
    RoundRecord, Rubric, Skipped,
};
use crate::domain::stories::Coach;
use crate::kit::{Action, Ctx, Status};

/// Openers and the close want a shorter answer than a story, whatever the target: the bottom of the
/// story coach's 90–120 s.
const SHORT_TARGET: u32 = crate::domain::stories::TARGETS.seconds.0;
/// A follow-up wants a short answer.
const FOLLOW_UP_TARGET: u32 = 60;
/// Most questions offered at the close.
const MAX_ASKS: usize = 8;

/// The answer target for `q`: the setup's, or about a minute for openers and the close.
pub(super) fn target_for(q: Option<&Question>, setup_target: u32) -> u32 {
    match q.map(Question::kind) {
        Some(QuestionKind::Opener | QuestionKind::Closer) => setup_target.min(SHORT_TARGET),
        _ => setup_target,
    }
}

impl Practice {
    pub(super) fn apply(&mut self, action: Action, cx: &mut Ctx) {
        match self.stage {
            Stage::Setup => self.update_setup(action, cx),
            Stage::Answer | Stage::FollowUp => self.update_answer(action, cx),
            Stage::Confirm => match action {
                Action::Select => self.answered(cx),
                Action::Retry => self.retry(cx),
                Action::Back => self.pause(),
                other => cx.ignore(other),
            },
            Stage::Feedback => match action {
                Action::Select => {
                    self.stage = Stage::Rate;
                    self.scroll = 0;
                }
                Action::Back => self.pause(),
                other => self.scroll_by(other, cx),
            },
            Stage::Rate => self.update_rate(action, cx),
            Stage::Close => self.update_close(action, cx),
            Stage::Paused => match action {
                Action::Back => self.stage = self.paused_from.take().unwrap_or(Stage::Setup),
                Action::SkipQuestion => {
                    self.leave_question(cx);
                    self.next(cx);
                }
                Action::EndRound => {
                    self.leave_question(cx);
                    self.finish(false);
                }
                other => cx.ignore(other),
            },
            Stage::Summary => match action {
                Action::Select | Action::Back => self.stage = Stage::Setup,
                Action::PastRounds => self.open_history(),
                other => cx.ignore(other),
            },
            Stage::History => self.update_history(action, cx),
            Stage::Round => match action {
                Action::Back => self.stage = Stage::History,
                other => self.scroll_by(other, cx),
            },
        }
    }

    fn update_setup(&mut self, action: Action, cx: &mut Ctx) {
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
        let picks = plan_interview(
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
    fn ask(&mut self, index: usize, cx: &Ctx) {
        let (lib, now) = (cx.data.library(), cx.now);
        let target = self.setup.target_secs;
        let starred = cx.data.favourites();
        let role = self.role(lib);
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
            // Starred questions first, then the ones the guide suggests for the role.
            let suggested = role.map(|r| r.asks.clone()).unwrap_or_default();
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

    fn update_answer(&mut self, action: Action, cx: &mut Ctx) {
        if self.hint {
            match action {
                Action::ToggleHint | Action::Back => self.hint = false,
                other => self.scroll_by(other, cx),
            }
            return;
        }
        match action {
            Action::EndAnswer if self.stage == Stage::FollowUp => self.end_follow_up(cx),
            Action::EndAnswer => self.end_answer(cx),
            Action::ToggleHint => {
                self.hint = true;
                self.scroll = 0;
            }
            Action::Back => self.pause(),
            Action::Edit(key) => {
                if let Some(run) = self.run.as_mut().filter(|r| r.mode == AnswerMode::Typing) {
                    run.field.key(key);
                }
            }
            Action::Paste(text) => {
                if let Some(run) = self.run.as_mut().filter(|r| r.mode == AnswerMode::Typing) {
                    run.field.paste(&text);
                }
            }
            other => cx.ignore(other),
        }
    }

    /// Ends the main answer: stops the timer, analyzes typed text, and asks "did you answer?" when
    /// it was under ten seconds (of speech), before any grade can be given.
    fn end_answer(&mut self, cx: &mut Ctx) {
        let (lib, now) = (cx.data.library(), cx.now);
        let setup_target = self.setup.target_secs;
        let coach = self.coach.get_or_insert_with(|| Coach::from_library(lib));
        coach.guidance.words_per_minute = self.pace;
        let Some(run) = self.run.as_mut() else {
            return;
        };
        let Some(q) = run.question(lib) else {
            return;
        };
        let target = target_for(Some(q), setup_target);
        let timed = run.timer.as_mut().map_or(0, |t| t.stop(now));
        run.seconds = match run.mode {
            AnswerMode::Speaking => timed,
            AnswerMode::Typing => {
                // Cleaned once, so what is analyzed, marked, drawn and saved is the same text.
                let text = crate::storage::sanitize::clean(&run.field.text());
                let a = analyze_typed(&text, q, coach, target);
                let secs = a.seconds();
                run.typed = (!text.trim().is_empty()).then_some(text);
                run.analysis = Some(a);
                secs
            }
        };
        if run.seconds < MIN_ANSWER_SECS {
            self.stage = Stage::Confirm;
        } else {
            self.answered(cx);
        }
    }

    /// The answer counts: pre-tick what the app can judge and go on to the analysis (typed) or the
    /// rubric.
    fn answered(&mut self, cx: &Ctx) {
        let lib = cx.data.library();
        let setup_target = self.setup.target_secs;
        let Some(run) = self.run.as_mut() else {
            return;
        };
        let q = run.question(lib);
        let kind = q.map_or(QuestionKind::Star, Question::kind);
        if kind == QuestionKind::Closer {
            let mut r = Rubric::new(kind);
            r.set("asked", !run.picked.is_empty());
            r.set("about_job", !run.picked.is_empty());
            run.rubric = r;
            self.stage = Stage::Rate;
            return;
        }
        let target = target_for(q, setup_target);
        // The coach's length rule: well short of the target is "add detail", not on time.
        let (from, to) = answer_seconds(target);
        let within = (from.max(MIN_ANSWER_SECS)..=to).contains(&run.seconds);
        let mut r = Rubric::for_answer(kind, within);
        if let Some(a) = &run.analysis {
            let scan = &a.coach.scan;
            r.set("said_i", scan.i_count > 0 && scan.i_count >= scan.we_count);
            r.set("result", a.ending);
            r.set("detail", a.example);
            r.set("strength", a.example);
            r.set("why_role", a.covers(TalkingPoint::WhyRole));
            r.set("present", a.covers(TalkingPoint::Experience));
        }
        run.rubric = r;
        run.check = 0;
        self.scroll = 0;
        self.stage = match run.mode {
            AnswerMode::Typing => Stage::Feedback,
            AnswerMode::Speaking => Stage::Rate,
        };
    }

    /// "No, I did not answer": the same question again, the timer from zero, typed text kept.
    fn retry(&mut self, cx: &Ctx) {
        let (lib, now, setup_target) = (cx.data.library(), cx.now, self.setup.target_secs);
        let Some(run) = self.run.as_mut() else {
            return;
        };
        let q = run.question(lib);
        if q.map(Question::kind) == Some(QuestionKind::Closer) {
            self.stage = Stage::Close;
            return;
        }
        run.timer = Some(AnswerTimer::start(now, target_for(q, setup_target)));
        run.analysis = None;
        self.shown_secs = Some(0);
        self.stage = Stage::Answer;
    }

    fn update_rate(&mut self, action: Action, cx: &mut Ctx) {
        let Some(run) = self.run.as_mut() else {
            return;
        };
        let n = run.rubric.ticks.len();
        let box_at = match action {
            Action::Toggle => Some(run.check.min(n - 1)),
            Action::ToggleNth(k) => usize::from(k).checked_sub(1).filter(|i| *i < n),
            _ => None,
        };
        if let Some(i) = box_at {
            run.check = i;
            // A few seconds is not an answer "within the target time": that box stays empty.
            let too_short = run.seconds < MIN_ANSWER_SECS && run.timer.is_some();
            if too_short && run.rubric.index_of("in_time") == Some(i) {
                cx.say(Status::info(format!(
                    "{} seconds is too short for \"within the target time\"; that box stays empty.",
                    run.seconds
                )));
            } else {
                run.rubric.toggle(i);
            }
            return;
        }
        match action {
            Action::Up => run.check = (run.check + n - 1) % n,
            Action::Down => run.check = (run.check + 1) % n,
            Action::Select => self.save_answer(cx),
            Action::Back => self.pause(),
            other => cx.ignore(other),
        }
    }

    fn update_close(&mut self, action: Action, cx: &mut Ctx) {
        let Some(run) = self.run.as_mut() else {
            return;
        };
        let n = run.asks.len();
        match action {
            Action::Up if n > 0 => run.cursor = (run.cursor + n - 1) % n,
            Action::Down if n > 0 => run.cursor = (run.cursor + 1) % n,
            Action::Toggle => {
                if let Some(id) = run.asks.get(run.cursor).cloned() {
                    match run.picked.iter().position(|p| *p == id) {
                        Some(i) => {
                            run.picked.remove(i);
                        }
                        None => run.picked.push(id),
                    }
                }
            }
            // Asking nothing is the one close that fails: check before grading it.
            Action::Select if run.picked.is_empty() => self.stage = Stage::Confirm,
            Action::Select => {
                let mut r = Rubric::new(QuestionKind::Closer);
                r.set("asked", true);
                r.set("about_job", true);
                run.rubric = r;
                run.check = 0;
                self.stage = Stage::Rate;
            }
            Action::Back => self.pause(),
            other => cx.ignore(other),
        }
    }

    /// Saves the rated answer with the round so far, hands its grade to the question's flashcard,
    /// then asks a follow-up if the answer lacked something, or goes on.
    fn save_answer(&mut self, cx: &mut Ctx) {
        let now = cx.now;
        let setup_target = self.setup.target_secs;
        let role = self.role(cx.data.library()).map(|r| r.id.clone());
        let Some(run) = self.run.as_mut() else {
            return;
        };
        let Some(pick) = run.pick().cloned() else {
            return;
        };
        let grade = run.rubric.grade();
        let closing = run.rubric.kind == QuestionKind::Closer;
        run.round.answer.push(Answer {
            question: pick.id.clone(),
            seconds: run.seconds,
            rubric: run.rubric,
            grade,
            typed: run.typed.clone(),
            asked: if closing {
                run.picked.clone()
            } else {
                Vec::new()
            },
            follow_up: None,
        });
        let round = run.round.clone();
        let lib = cx.data.library();
        let follow = run.question(lib).filter(|_| !closing).and_then(|q| {
            let target = target_for(Some(q), setup_target);
            let lack = lacks(q, &run.rubric, run.seconds, target, run.analysis.as_ref());
            let seed = run.seed.wrapping_add(run.index as u64);
            choose(&lib.follow_ups, q, role.as_ref(), &lack, seed).map(|f| (f.clone(), f.trigger))
        });
        match follow {
            Some(f) => {
                run.follow = Some(f);
                run.timer = Some(AnswerTimer::start(now, FOLLOW_UP_TARGET.min(setup_target)));
                run.clear_field(cx.theme);
                self.shown_secs = Some(0);
                self.hint = false;
                self.stage = Stage::FollowUp;
            }
            None => self.next(cx),
        }
        let graded = Graded {
            question: pick.id,
            grade,
            at: now,
        };
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

    /// The follow-up was answered: keep it with the question's answer (ungraded) and go on.
    fn end_follow_up(&mut self, cx: &mut Ctx) {
        let now = cx.now;
        if let Some(run) = self.run.as_mut() {
            let seconds = run.timer.as_mut().map_or(0, |t| t.stop(now));
            attach_follow_up(run, seconds);
        }
        self.save_round(cx);
        self.next(cx);
    }

    fn pause(&mut self) {
        self.paused_from = Some(self.stage);
        self.stage = Stage::Paused;
    }

    /// Leaves the question paused without a grade. Typed text is kept: a follow-up's with the
    /// answer it follows, a main answer's as a skipped question in the round log.
    fn leave_question(&mut self, cx: &mut Ctx) {
        let now = cx.now;
        let from = self.paused_from.take();
        let Some(run) = self.run.as_mut() else {
            return;
        };
        let seconds = run.timer.as_mut().map_or(run.seconds, |t| t.stop(now));
        let text = run.typed.clone().or_else(|| {
            let t = run.field.text();
            (!t.trim().is_empty()).then_some(t)
        });
        if from == Some(Stage::FollowUp) {
            if text.is_some() {
                attach_follow_up(run, seconds);
            } else {
                return;
            }
        } else if text.is_some() || seconds >= MIN_ANSWER_SECS {
            let Some(pick) = run.pick() else {
                return;
            };
            run.round.skipped.push(Skipped {
                question: pick.id.clone(),
                seconds,
                typed: text,
            });
        } else {
            return;
        }
        self.save_round(cx);
    }

    fn save_round(&mut self, cx: &mut Ctx) {
        let Some(round) = self.run.as_ref().map(|r| r.round.clone()) else {
            return;
        };
        if let Some(mut w) = cx.writer()
            && let Err(text) = w.save_round(round)
        {
            cx.say(Status::error(text));
        }
    }

    fn next(&mut self, cx: &Ctx) {
        match self.run.as_ref().map(|r| (r.index + 1, r.picks.len())) {
            Some((i, n)) if i < n => self.ask(i, cx),
            _ => self.finish(true),
        }
    }

    /// Ends the interview: to the summary if anything was answered or kept, else back to setup.
    fn finish(&mut self, completed: bool) {
        self.shown_secs = None;
        self.hint = false;
        self.paused_from = None;
        let Some(run) = self.run.as_mut() else {
            self.stage = Stage::Setup;
            return;
        };
        run.timer = None;
        run.finished = completed;
        let kept = !run.round.answer.is_empty() || !run.round.skipped.is_empty();
        self.stage = if kept { Stage::Summary } else { Stage::Setup };
    }

    fn open_history(&mut self) {
        self.stage = Stage::History;
        self.history = 0;
        self.open_round = None;
    }

    fn update_history(&mut self, action: Action, cx: &mut Ctx) {
        let rounds = listed(cx.data.rounds());
        let n = rounds.len();
        match action {
            Action::Up if n > 0 => self.history = (self.history + n - 1) % n,
            Action::Down if n > 0 => self.history = (self.history + 1) % n,
            Action::Select => {
                if let Some(i) = rounds.get(self.history) {
                    self.open_round = Some(*i);
                    self.scroll = 0;
                    self.stage = Stage::Round;
                }
            }
            Action::Back => self.stage = Stage::Setup,
            other => cx.ignore(other),
        }
    }

    /// Scrolls the hints, the analysis or a past round, no further than the last page.
    fn scroll_by(&mut self, action: Action, cx: &mut Ctx) {
        let page = usize::from(cx.size.1 / 2).max(1);
        let to = match action {
            Action::Up | Action::ScrollUp => self.scroll.saturating_sub(1),
            Action::Down | Action::ScrollDown => self.scroll + 1,
            Action::PageUp => self.scroll.saturating_sub(page),
            Action::PageDown => self.scroll + page,
            other => return cx.ignore(other),
        };
        self.scroll = to.min(super::view::scroll_limit(self, &cx.view()));
    }
}

/// Puts the follow-up being asked, with its answer, on the question's answer in the round.
fn attach_follow_up(run: &mut Run, seconds: u32) {
    let Some((f, trigger)) = run.follow.take() else {
        return;
    };
    let text = run.field.text();
    if let Some(answer) = run.round.answer.last_mut() {
        answer.follow_up = Some(FollowUpAnswer {
            id: f.id,
            trigger,
            text: f.text,
            seconds,
            typed: (!text.trim().is_empty()).then_some(text),
        });
    }
}

//! Answering a question against its target time: ending the answer, "did you answer?", follow-ups.

use super::run::Run;
use super::{Practice, Stage};
use crate::domain::content::{Question, QuestionKind};
use crate::domain::practice::followup::judge;
use crate::domain::practice::typed::{analyze_typed, in_time_window};
use crate::domain::practice::{AnswerMode, AnswerTimer, FollowUpAnswer, MIN_ANSWER_SECS, Rubric};
use crate::domain::stories::Coach;
use crate::kit::{Action, Ctx, Status};
use crossterm::event::{KeyCode, KeyModifiers};

/// The answer target for `q`: the setup's, or about a minute for openers and the close.
pub(super) fn target_for(q: Option<&Question>, setup_target: u32) -> u32 {
    q.map_or(setup_target, |q| {
        crate::domain::practice::timer::target_for_kind(q.kind(), setup_target)
    })
}

impl Practice {
    pub(super) fn update_answer(&mut self, action: Action, cx: &mut Ctx) {
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
                let letter = matches!(key.code, KeyCode::Char(_))
                    && !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
                if letter {
                    self.type_instead(cx);
                }
                if let Some(run) = self.run.as_mut().filter(|r| r.mode == AnswerMode::Typing) {
                    run.field.key(key);
                }
            }
            Action::Paste(text) => {
                self.type_instead(cx);
                if let Some(run) = self.run.as_mut().filter(|r| r.mode == AnswerMode::Typing) {
                    run.field.paste(&text);
                }
            }
            other => cx.ignore(other),
        }
    }

    /// A letter typed or text pasted in a round answered out loud: the answer is being typed, so
    /// the rest of the round is. A persona walk typed an answer there, and its letters worked as
    /// the round's keys: the first space ended the answer, "n" started it again, "y" said it was
    /// answered, and a grade was written for a 0-second answer.
    fn type_instead(&mut self, cx: &mut Ctx) {
        let Some(run) = self.run.as_mut().filter(|r| r.mode == AnswerMode::Speaking) else {
            return;
        };
        run.mode = AnswerMode::Typing;
        cx.say(Status::info(
            "Typing your answer, not saying it: Ctrl-S when you are done. The rest of this round \
             is typed too.",
        ));
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
    pub(super) fn answered(&mut self, cx: &Ctx) {
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
        let within = in_time_window(target).contains(&run.seconds);
        run.rubric = match &run.analysis {
            Some(a) => Rubric::for_typed(kind, within, a),
            None => Rubric::for_answer(kind, within),
        };
        run.check = 0;
        self.scroll = 0;
        self.stage = match run.mode {
            AnswerMode::Typing => Stage::Feedback,
            AnswerMode::Speaking => Stage::Rate,
        };
    }

    /// "No, I did not answer": the same question again, the timer from zero, typed text kept.
    pub(super) fn retry(&mut self, cx: &Ctx) {
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

    /// The follow-up was answered: keep it with the question's answer (ungraded) and go on. A typed
    /// one is timed as spoken, as main answers are, and the status line says whether it gave what
    /// the interviewer asked for, as a coach would before the next question.
    fn end_follow_up(&mut self, cx: &mut Ctx) {
        let (lib, now) = (cx.data.library(), cx.now);
        let coach = self.coach.get_or_insert_with(|| Coach::from_library(lib));
        coach.guidance.words_per_minute = self.pace;
        let mut judged = None;
        if let Some(run) = self.run.as_mut() {
            let timed = run.timer.as_mut().map_or(0, |t| t.stop(now));
            let target = run.timer.as_ref().map_or(timed, |t| t.target_secs);
            let text = crate::storage::sanitize::clean(&run.field.text());
            let seconds = match (run.mode, run.question(lib), &run.follow) {
                (AnswerMode::Typing, Some(q), Some((_, trigger))) if !text.trim().is_empty() => {
                    let a = analyze_typed(&text, q, coach, target);
                    judged = judge(*trigger, &a, target);
                    a.seconds()
                }
                _ => timed,
            };
            attach_follow_up(run, seconds, judged.as_ref().map(|j| j.filled));
        }
        if self.save_round(cx)
            && let Some(j) = judged
        {
            cx.say(Status::info(format!("Follow-up saved. {}", j.text)));
        }
        self.next(cx);
    }
}

/// Puts the follow-up being asked, with its answer, on the question's answer in the round.
pub(super) fn attach_follow_up(run: &mut Run, seconds: u32, filled: Option<bool>) {
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
            filled,
        });
    }
}

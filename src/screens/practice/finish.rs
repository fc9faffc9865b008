//! Leaving a question or the round: pausing, skipping without a grade, the next question, the end.

use super::answer::attach_follow_up;
use super::{Practice, Stage};
use crate::domain::practice::{MIN_ANSWER_SECS, Skipped};
use crate::kit::{Ctx, Status};

impl Practice {
    pub(super) fn pause(&mut self) {
        self.paused_from = Some(self.stage);
        self.stage = Stage::Paused;
    }

    /// Leaves the question paused without a grade. Typed text is kept: a follow-up's with the
    /// answer it follows, a main answer's as a skipped question in the round log. A question
    /// skipped on purpose (`skip`, the `n` key) is kept even with nothing said, with its number,
    /// so the summary shows it as skipped and the questions after it keep their numbers; one the
    /// interview ended on is kept only if something was typed or said.
    pub(super) fn leave_question(&mut self, cx: &mut Ctx, skip: bool) {
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
                attach_follow_up(run, seconds, None);
            } else {
                return;
            }
        } else if skip || text.is_some() || seconds >= MIN_ANSWER_SECS {
            let Some(pick) = run.pick() else {
                return;
            };
            run.round.skipped.push(Skipped {
                question: pick.id.clone(),
                seconds,
                typed: text,
                number: u32::try_from(run.index + 1).ok(),
            });
        } else {
            return;
        }
        self.save_round(cx);
    }

    /// Keeps what the question on screen has so far (typed text, or time spoken) in the round log,
    /// as leaving it without a grade does: the app calls this when it quits, so an answer being
    /// typed, or typed and not yet rated, is never lost.
    pub fn keep_on_quit(&mut self, cx: &mut Ctx) {
        match self.stage {
            Stage::Answer | Stage::Confirm | Stage::Feedback | Stage::Rate | Stage::FollowUp => {
                self.paused_from = Some(self.stage);
            }
            Stage::Paused => {}
            _ => return,
        }
        self.leave_question(cx, false);
        self.finish(false);
    }

    /// Saves the round so far; false (with the reason on the status line) if it could not be.
    pub(super) fn save_round(&mut self, cx: &mut Ctx) -> bool {
        let Some(round) = self.run.as_ref().map(|r| r.round.clone()) else {
            return false;
        };
        let Some(mut w) = cx.writer() else {
            return false;
        };
        match w.save_round(round) {
            Ok(()) => true,
            Err(text) => {
                cx.say(Status::error(text));
                false
            }
        }
    }

    pub(super) fn next(&mut self, cx: &Ctx) {
        match self.run.as_ref().map(|r| (r.index + 1, r.picks.len())) {
            Some((i, n)) if i < n => self.ask(i, cx),
            _ => self.finish(true),
        }
    }

    /// Ends the interview: to the summary if anything was answered or kept, else back to setup.
    pub(super) fn finish(&mut self, completed: bool) {
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
}

//! Rating an answer: the rubric, then the answer saved, its card graded, a follow-up if it lacked.

use super::{Practice, Stage, answer::target_for};
use crate::domain::content::QuestionKind;
use crate::domain::practice::followup::{choose, lacks};
use crate::domain::practice::{Answer, AnswerTimer, Graded, MIN_ANSWER_SECS};
use crate::kit::{Action, Ctx, Status};

/// A follow-up wants a short answer.
const FOLLOW_UP_TARGET: u32 = 60;

impl Practice {
    pub(super) fn update_rate(&mut self, action: Action, cx: &mut Ctx) {
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
                let target = f.0.seconds.unwrap_or(FOLLOW_UP_TARGET);
                run.follow = Some(f);
                run.timer = Some(AnswerTimer::start(now, target.min(setup_target)));
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
            // Where it is kept is on the summary page and in the README; here, plain words.
            None => Status::info("Answer saved."),
            Some(text) => Status::error(text),
        });
    }
}

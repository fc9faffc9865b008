//! How a mock interview moves: setup, each question (answer, "did you answer?", analysis, rating,
//! follow-up), the close, pausing and skipping, the summary and past rounds.

use super::{Practice, Stage};
use crate::kit::{Action, Ctx};

// The rubric's view (`view/rate.rs`) takes the answer target from here.
pub(super) use super::answer::target_for;

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
                    self.leave_question(cx, true);
                    self.next(cx);
                }
                Action::EndRound => {
                    self.leave_question(cx, false);
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

    /// Scrolls the hints, the analysis or a past round, no further than the last page.
    pub(super) fn scroll_by(&mut self, action: Action, cx: &mut Ctx) {
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

//! `s` on Home once today's plan is done: it does what the Next line says instead.

use super::{Home, Pane, summary};
use crate::domain::prep::next::{Suggestion, next_step};
use crate::kit::{Ctx, Status};

/// Said when nothing at all is left: the plan is done and the Next line has nothing to offer.
const REST: &str = "Nothing more to do today. Rest well; Tab opens any screen if you want more.";

impl Home {
    /// Follows the Next line when the plan has nothing left for today: a checklist step (the
    /// thank-you note after the interview) is highlighted in the checklist, notes on an interview
    /// that is over are opened, and otherwise the user is told to rest.
    pub fn follow_next(&mut self, cx: &mut Ctx) {
        let suggestion = next_step(&summary::progress(&cx.view()));
        match suggestion {
            Suggestion::AfterStep(step, _) | Suggestion::Checklist(step) => {
                let at = cx.data.library().steps.iter().position(|s| s.text == step);
                match at {
                    Some(i) => {
                        self.pane = Pane::Checklist;
                        self.step = i;
                        self.detail = false;
                        let said = Status::info(format!(
                            "“{step}” is highlighted in the checklist below: Space ticks it once \
                             it is done."
                        ));
                        self.pointed = Some(said.clone());
                        cx.say(said);
                    }
                    None => cx.say(Status::info(REST)),
                }
            }
            Suggestion::InterviewOver { .. } | Suggestion::DatePassed { .. } => {
                self.open_debrief(cx)
            }
            // Not "nothing more to do" under a Next line that says to reread the stories (a walk
            // on its interview morning).
            Suggestion::InterviewToday => cx.say(Status::info(
                "Today is the interview: Tab to Stories to reread yours, o for your sheet. Good luck!",
            )),
            _ => cx.say(Status::info(REST)),
        }
    }
}

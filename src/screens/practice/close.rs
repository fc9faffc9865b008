//! The close of the interview: picking your questions to ask, then on to its rubric.

use super::{Practice, Stage};
use crate::domain::content::QuestionKind;
use crate::domain::practice::Rubric;
use crate::kit::{Action, Ctx};

impl Practice {
    pub(super) fn update_close(&mut self, action: Action, cx: &mut Ctx) {
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
}

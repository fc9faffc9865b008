//! Past rounds: the list, opened from setup or the summary, and one round opened from it.

use super::{Practice, Stage};
use crate::domain::practice::history::listed;
use crate::kit::{Action, Ctx};

impl Practice {
    pub(super) fn open_history(&mut self) {
        self.stage = Stage::History;
        self.history = 0;
        self.open_round = None;
    }

    pub(super) fn update_history(&mut self, action: Action, cx: &mut Ctx) {
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
}

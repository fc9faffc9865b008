//! The role-fit guide in the app: "is this the right job for me?". One question at a time, then the
//! four roles ranked with their reasons and sources, and one key to prepare for the best fit. The
//! questions and reasons are content (`content/fit.toml`); scoring is `domain::fit`. Opened from the
//! set-up ("not sure yet") and with f on Guides; drawn over the screens by the app, which closes it
//! when [`Fit::done`] is set.

mod keys;
mod view;

use crate::domain::content::Library;
use crate::domain::fit::{Answers, chosen, score};
use crate::kit::keymap::{Group, Keymap};
use crate::kit::{Action, Ctx, Screen, Status, ViewCtx};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Where the guide is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Question `n` of the questionnaire.
    Question(usize),
    /// The ranked roles.
    Result,
}

#[derive(Debug)]
pub struct Fit {
    pub stage: Stage,
    /// The answers so far, saved when the questions end or the guide closes.
    pub answers: Answers,
    /// The highlighted option.
    pub cursor: usize,
    /// First line of the result shown.
    pub scroll: usize,
    pub done: bool,
}

impl Fit {
    /// Opens on the saved result when there are answers, else on the first question.
    pub fn new(lib: &Library, saved: &Answers) -> Fit {
        let mut f = Fit {
            stage: Stage::Question(0),
            answers: saved.clone(),
            cursor: 0,
            scroll: 0,
            done: false,
        };
        if lib.fit.iter().any(|q| chosen(q, saved).is_some()) {
            f.stage = Stage::Result;
        } else {
            f.ask(lib, 0);
        }
        f
    }

    /// Shows question `n`, with the cursor on its saved answer.
    fn ask(&mut self, lib: &Library, n: usize) {
        match lib.fit.get(n) {
            Some(q) => {
                self.stage = Stage::Question(n);
                self.cursor = chosen(q, &self.answers)
                    .and_then(|o| q.options.iter().position(|x| x.id == o.id))
                    .unwrap_or(0);
            }
            None => {
                self.stage = Stage::Result;
                self.scroll = 0;
            }
        }
    }

    /// Saves the answers (quietly skipped in a read-only window).
    fn save(&self, cx: &mut Ctx) {
        if !cx.data.can_write() || cx.data.fit().answers == self.answers {
            return;
        }
        if let Some(mut w) = cx.writer()
            && let Err(text) = w.save_fit(self.answers.clone())
        {
            cx.say(Status::error(text));
        }
    }

    fn update_question(&mut self, n: usize, action: Action, cx: &mut Ctx) {
        let lib = cx.data.library();
        let Some(q) = lib.fit.get(n) else {
            self.stage = Stage::Result;
            return;
        };
        let len = q.options.len();
        match action {
            Action::Up | Action::ScrollUp => self.cursor = self.cursor.saturating_sub(1),
            Action::Down | Action::ScrollDown => {
                self.cursor = (self.cursor + 1).min(len.saturating_sub(1))
            }
            Action::Select => {
                if let Some(o) = q.options.get(self.cursor) {
                    self.answers.insert(q.id.clone(), o.id.clone());
                }
                self.ask(lib, n + 1);
                if self.stage == Stage::Result {
                    self.save(cx);
                }
            }
            Action::Right => {
                self.ask(lib, n + 1);
                if self.stage == Stage::Result {
                    self.save(cx);
                }
            }
            Action::PrevStep | Action::Left => {
                if let Some(p) = n.checked_sub(1) {
                    self.ask(lib, p);
                }
            }
            Action::Back => {
                self.save(cx);
                self.done = true;
            }
            other => cx.ignored = Some(other),
        }
    }

    fn update_result(&mut self, action: Action, cx: &mut Ctx) {
        match action {
            Action::Up | Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            Action::Down | Action::ScrollDown => self.scroll += 1,
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll += 10,
            Action::Top => self.scroll = 0,
            Action::Restart => {
                let lib = cx.data.library();
                self.ask(lib, 0);
            }
            Action::AcceptRole | Action::Select => self.accept(cx),
            Action::Back => self.done = true,
            other => cx.ignore(other),
        }
    }

    /// Takes the best-fitting role as the one to prepare for.
    fn accept(&mut self, cx: &mut Ctx) {
        let lib = cx.data.library();
        let outcome = score(lib, &self.answers);
        let Some(best) = outcome.best() else {
            cx.say(Status::info(
                "Answer a question or two first: r starts the questions.",
            ));
            return;
        };
        let (id, short) = (best.role.id.clone(), best.role.short.clone());
        let Some(mut w) = cx.writer() else { return };
        let saved = w.accept_role(&id);
        cx.say(match saved {
            Ok(()) => Status::info(format!(
                "You are preparing for {short} now: its guide, cards and questions come first."
            )),
            Err(text) => Status::error(text),
        });
        self.done = true;
    }
}

impl Screen for Fit {
    fn keys(&self) -> Keymap {
        let group = |title, bindings| vec![Group { title, bindings }];
        match self.stage {
            Stage::Question(_) => Keymap::of(group("Which job fits you?", keys::QUESTION)),
            Stage::Result => Keymap::of(vec![
                Group {
                    title: "Your result",
                    bindings: keys::RESULT,
                },
                Group {
                    title: "Moving",
                    bindings: crate::kit::keymap::SCROLL,
                },
            ]),
        }
    }

    fn update(&mut self, action: Action, cx: &mut Ctx) {
        match self.stage {
            Stage::Question(n) => self.update_question(n, action, cx),
            Stage::Result => self.update_result(action, cx),
        }
    }

    fn render(&self, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
        view::render(self, cx, area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::Id;
    use crate::kit::fixture::Fixture;

    fn now() -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::from_timestamp(1_795_424_400, 0).unwrap()
    }

    #[test]
    fn answering_every_question_saves_and_accepting_sets_the_role() {
        let mut f = Fixture::new(now());
        let mut fit = Fit::new(f.data.library(), &Answers::new());
        assert_eq!(fit.stage, Stage::Question(0));
        // The first option of every question: weeks of training, treat, movement, children, …
        let n = f.data.library().fit.len();
        for _ in 0..n {
            f.update(&mut fit, &[Action::Select]);
        }
        assert_eq!(fit.stage, Stage::Result);
        assert_eq!(f.data.fit().answers.len(), n, "saved");
        assert!(f.dir.path().join("fit.toml").is_file());
        let best = score(f.data.library(), &fit.answers)
            .best()
            .map(|b| b.role.id.clone());
        f.update(&mut fit, &[Action::AcceptRole]);
        assert!(fit.done);
        assert_eq!(
            f.data.profile().roles,
            best.into_iter().collect::<Vec<Id>>()
        );
        assert!(f.data.focus().roles().len() == 1);
        // Reopened, it shows the saved result.
        let again = Fit::new(f.data.library(), &f.data.fit().answers);
        assert_eq!(again.stage, Stage::Result);
    }

    #[test]
    fn back_and_skip_move_between_questions_and_esc_keeps_answers() {
        let mut f = Fixture::new(now());
        let mut fit = Fit::new(f.data.library(), &Answers::new());
        f.update(&mut fit, &[Action::Down, Action::Select]);
        assert_eq!(fit.stage, Stage::Question(1));
        f.update(
            &mut fit,
            &[Action::Right, Action::PrevStep, Action::PrevStep],
        );
        assert_eq!((fit.stage, fit.cursor), (Stage::Question(0), 1));
        f.update(&mut fit, &[Action::Back]);
        assert!(fit.done);
        assert_eq!(f.data.fit().answers.len(), 1);
    }
}

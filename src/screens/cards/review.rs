//! The Cards screen during a session: turning cards, picks, grades and undo.

use super::{Cards, View, say};
use crate::domain::schedule::Grade;
use crate::domain::study::{Choices, Side};
use crate::kit::{Action, Ctx, Level};

impl Cards {
    pub(super) fn update_review(&mut self, action: Action, cx: &mut Ctx) {
        let now = cx.now;
        let Some(session) = self.session.as_ref() else {
            self.view = View::Decks;
            return;
        };
        let (side, proposed, can_undo) = (session.side, session.proposed, session.can_undo());
        match action {
            Action::Reveal => {
                if let Some(s) = self.session.as_mut() {
                    s.reveal();
                }
            }
            Action::Pick(n) => {
                let n = usize::from(n);
                match &self.choices {
                    Some(ch) if n < ch.options.len() => {
                        let correct = ch.correct;
                        if let Some(s) = self.session.as_mut() {
                            s.pick(n, correct);
                        }
                    }
                    Some(ch) => {
                        *cx.status = say(
                            Level::Info,
                            format!(
                                "This card has {} options, a to {}.",
                                ch.options.len(),
                                Choices::letter(ch.options.len().saturating_sub(1))
                            ),
                        );
                    }
                    None => {}
                }
            }
            Action::Grade(g) if side == Side::Back => self.grade(g, cx),
            Action::Select if side == Side::Back => {
                if let Some(g) = proposed {
                    self.grade(g, cx);
                }
            }
            Action::UndoGrade => self.undo(cx),
            Action::Back if can_undo => {
                if let Some(s) = self.session.as_mut() {
                    s.finished.get_or_insert(now);
                }
                self.view = View::Summary;
            }
            Action::Back => self.close_session(),
            Action::Up | Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            Action::Down | Action::ScrollDown => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            other => cx.ignore(other),
        }
    }

    fn grade(&mut self, grade: Grade, cx: &mut Ctx) {
        let now = cx.now;
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let Some(mut w) = cx.writer() else {
            return;
        };
        let Some(result) = w.reviews().map(|store| session.grade(store, grade, now)) else {
            *cx.status = say(
                Level::Error,
                "Your review history is not open, so grades cannot be saved.",
            );
            return;
        };
        match result {
            Ok(()) => {
                *cx.status = None;
                if session.is_finished() {
                    self.view = View::Summary;
                }
                self.show_card(cx.data.library(), cx.data.reviews(), now);
            }
            Err(e) => {
                *cx.status = say(
                    Level::Error,
                    format!(
                        "Your grade was NOT saved: {e}. {} You are still on this card: grade it again to retry.",
                        e.advice()
                    ),
                );
            }
        }
    }

    pub(super) fn undo(&mut self, cx: &mut Ctx) {
        let now = cx.now;
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let Some(mut w) = cx.writer() else {
            return;
        };
        let Some(result) = w.reviews().map(|store| session.undo(store, now)) else {
            return;
        };
        match result {
            Ok(Some(_)) => {
                self.view = View::Review;
                self.show_card(cx.data.library(), cx.data.reviews(), now);
                *cx.status = say(
                    Level::Info,
                    "Undone: this card's schedule is back to what it was. Grade it again.",
                );
            }
            Ok(None) => {
                *cx.status = say(Level::Info, "Nothing to undo in this session.");
            }
            Err(e) => {
                *cx.status = say(Level::Error, format!("Could not undo: {e}. {}", e.advice()));
            }
        }
    }
}

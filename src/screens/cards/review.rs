//! The Cards screen during a session: turning cards, picks, grades and undo.

use super::{Cards, View, say};
use crate::app::{Action, Level, Status};
use crate::domain::content::Library;
use crate::domain::schedule::{Grade, ReviewStore};
use crate::domain::study::{Choices, Side};
use chrono::{DateTime, Utc};

impl Cards {
    pub(super) fn update_review(
        &mut self,
        action: Action,
        lib: &Library,
        store: Option<&mut ReviewStore>,
        now: DateTime<Utc>,
        status: &mut Option<Status>,
    ) {
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
                        *status = say(
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
            Action::Grade(g) if side == Side::Back => self.grade(g, lib, store, now, status),
            Action::Select if side == Side::Back => {
                if let Some(g) = proposed {
                    self.grade(g, lib, store, now, status);
                }
            }
            Action::Undo => self.undo(lib, store, now, status),
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
            _ => {}
        }
    }

    fn grade(
        &mut self,
        grade: Grade,
        lib: &Library,
        store: Option<&mut ReviewStore>,
        now: DateTime<Utc>,
        status: &mut Option<Status>,
    ) {
        let (Some(store), Some(session)) = (store, self.session.as_mut()) else {
            *status = say(
                Level::Error,
                "Your review history is not open, so grades cannot be saved.",
            );
            return;
        };
        match session.grade(store, grade, now) {
            Ok(()) => {
                *status = None;
                if session.is_finished() {
                    self.view = View::Summary;
                }
                self.show_card(lib, store, now);
            }
            Err(e) => {
                *status = say(
                    Level::Error,
                    format!(
                        "Your grade was NOT saved: {e}. {} You are still on this card: grade it again to retry.",
                        e.advice()
                    ),
                );
            }
        }
    }

    pub(super) fn undo(
        &mut self,
        lib: &Library,
        store: Option<&mut ReviewStore>,
        now: DateTime<Utc>,
        status: &mut Option<Status>,
    ) {
        let (Some(store), Some(session)) = (store, self.session.as_mut()) else {
            return;
        };
        match session.undo(store, now) {
            Ok(Some(_)) => {
                self.view = View::Review;
                self.show_card(lib, store, now);
                *status = say(
                    Level::Info,
                    "Undone: this card's schedule is back to what it was. Grade it again.",
                );
            }
            Ok(None) => {
                *status = say(Level::Info, "Nothing to undo in this session.");
            }
            Err(e) => {
                *status = say(Level::Error, format!("Could not undo: {e}. {}", e.advice()));
            }
        }
    }
}

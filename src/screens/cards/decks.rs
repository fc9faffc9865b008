//! The Cards screen on the deck list: moving the highlight, the filters, starting a session.

use super::{Cards, View, say, view};
use crate::domain::content::{Id, Library};
use crate::domain::schedule::{Mode, ReviewStore, build_queue, format_interval};
use crate::domain::study::{Deck, Filter, Session, catalogue::cycle};
use crate::kit::{Action, Ctx, Level, Status};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

/// Local time of day the interview is assumed to be at when the profile gives none, for predicting
/// recall on that date.
fn interview_time() -> NaiveTime {
    NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN)
}

impl Cards {
    pub(super) fn update_decks(&mut self, action: Action, cx: &mut Ctx) {
        let (lib, store, now) = (cx.data.library(), cx.data.reviews(), cx.now);
        let interview = cx.data.interview().map(|d| {
            (
                d,
                cx.data
                    .profile()
                    .interview_time
                    .unwrap_or_else(interview_time),
            )
        });
        let last = self.decks().len().saturating_sub(1);
        let page = 10;
        let c = &self.catalogue;
        match action {
            Action::Up | Action::ScrollUp => self.cursor = self.cursor.saturating_sub(1),
            Action::Down | Action::ScrollDown => self.cursor = (self.cursor + 1).min(last),
            Action::PageUp => self.cursor = self.cursor.saturating_sub(page),
            Action::PageDown => self.cursor = (self.cursor + page).min(last),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::FilterRole => {
                let roles: Vec<Id> = c.roles.iter().map(|(id, _)| id.clone()).collect();
                self.filter.role = cycle(&self.filter.role, &roles);
            }
            Action::FilterCategory => {
                self.filter.subject = cycle(&self.filter.subject, &c.subjects);
            }
            Action::FilterTag => self.filter.tag = cycle(&self.filter.tag, &c.tags),
            Action::ClearFilters => self.filter = Filter::default(),
            Action::Select => *cx.status = self.start(false, lib, store, now, interview),
            Action::Cram => *cx.status = self.start(true, lib, store, now, interview),
            Action::Search => self.open_search(cx),
            other => cx.ignore(other),
        }
    }

    /// Starts a session on the highlighted deck; returns what to tell the user.
    fn start(
        &mut self,
        cram: bool,
        lib: &Library,
        store: Option<&ReviewStore>,
        now: DateTime<Utc>,
        interview: Option<(NaiveDate, NaiveTime)>,
    ) -> Option<Status> {
        let Some(store) = store else {
            return say(
                Level::Error,
                self.store_error
                    .clone()
                    .unwrap_or_else(|| "Your review history is not open.".into()),
            );
        };
        let decks = self.decks();
        let deck = decks.get(self.cursor).unwrap_or(&Deck::Interview);
        let ids = self.select(deck);
        let label = self.catalogue.deck_label(deck);
        if ids.is_empty() {
            return say(
                Level::Info,
                "No cards match these filters. Press x to clear them.",
            );
        }
        let today = store.today(now);
        let (mode, title, note) = if cram {
            let (at, note) = match interview {
                Some((d, time)) if store.zone().instant(d, time) > now => (
                    store.zone().instant(d, time),
                    format!("Cramming for your interview on {}: weakest cards first. Your grades go into the card schedule.", d.format(view::DATE)),
                ),
                Some((d, _)) => (now, format!("Your interview date ({}) has passed, so cram orders cards by how well you would recall them now.", d.format(view::DATE))),
                None => (now, "No interview date is set, so cram orders cards by how well you would recall them now.".to_string()),
            };
            (
                Mode::Cram { interview: at },
                format!("Cram: {label}"),
                Some(note),
            )
        } else {
            (Mode::Normal, label.clone(), None)
        };
        let queue = build_queue(&ids, store.ledger(), store.settings(), today, now, mode);
        match Session::new(title, queue, mode, now) {
            Some(session) => {
                self.session = Some(session);
                self.view = View::Review;
                self.show_card(lib, Some(store), now);
                note.and_then(|n| say(Level::Info, n))
            }
            None => {
                let next = ids
                    .iter()
                    .filter_map(|id| store.state(id))
                    .map(|c| c.due())
                    .filter(|d| *d > now)
                    .min();
                let when = next.map_or(String::new(), |d| {
                    format!(" The next card is due in {}.", format_interval(d - now))
                });
                say(
                    Level::Info,
                    format!(
                        "Nothing is due in “{label}” now and today's new cards are done.{when} Press i to cram anyway."
                    ),
                )
            }
        }
    }
}

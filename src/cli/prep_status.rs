//! What `clinicprep status` says about the interview being prepared for: the role, the date, what is
//! unseen and today's plan, computed as Home computes it, from a read-only load.

use super::status_cards::Study;
use super::status_stories::Stories;
use crate::domain::config::Config;
use crate::domain::content::{Id, Library};
use crate::domain::plan::{self, DeckNumbers, Focus, Plan, Practice};
use crate::domain::practice::RoundLog;
use crate::domain::schedule::DayZone;
use crate::domain::study::CardIds;
use crate::storage::paths::Paths;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use std::collections::HashMap;

/// The interview part of the status.
#[derive(Debug, Clone)]
pub struct PrepStatus {
    /// Role ids in focus; empty for every role.
    pub roles: Vec<String>,
    /// "PT aide", or "All roles".
    pub label: String,
    pub interview: Option<chrono::NaiveDate>,
    pub deck: DeckNumbers,
    pub plan: Plan,
}

/// The content as `status` reads it. Usually the user's files add only cards, and then the built-in
/// library (parsed in 3 ms) and the card ids kept in the cache are all it needs: the user's decks,
/// 100,000 cards at the most, are not loaded at all.
pub enum Content {
    /// The whole library, loaded.
    Loaded(Library),
    /// The built-in library, with every card id there is to study (sorted).
    Builtin {
        lib: Library,
        ids: CardIds,
        /// The whole library, when the ids had to be worked out from it: held, not used, so that
        /// it is left to the operating system at exit instead of freed card by card.
        _loaded: Option<Box<Library>>,
    },
}

impl Content {
    /// The built-in library (`builtin`, already loaded) and the cached ids when the user's files
    /// add only cards, else the whole library.
    pub fn load(paths: &Paths, builtin: Library) -> Content {
        let user = paths.user_content_dir();
        let (ids, loaded) = CardIds::load_cached_keeping(&user, &paths.data_dir);
        if ids.only_cards_added() {
            Content::Builtin {
                lib: builtin,
                ids,
                _loaded: loaded.map(Box::new),
            }
        } else {
            Content::Loaded(loaded.unwrap_or_else(|| Library::load_cached(&user, &paths.data_dir)))
        }
    }

    /// The library, whole or built-in: the roles, coaching, questions, facts and competencies are
    /// the same in both.
    pub fn lib(&self) -> &Library {
        match self {
            Content::Loaded(lib) | Content::Builtin { lib, .. } => lib,
        }
    }

    /// The ids of "My interview": the same cards as [`Focus::library_ids`] gives for the whole
    /// library. With the built-in library, only a built-in question or fact (which has roles), or an
    /// id that coaching lists for some people, can be left out of the focus: a user's card has no
    /// roles. Those few ([`excluded_ids`]) are passed over in one walk of the sorted ids, which are
    /// borrowed, not copied; with none to leave out, the ids are used as they are.
    pub(super) fn focus_ids(&self, focus: &Focus) -> FocusIds<'_> {
        let (lib, ids) = match self {
            Content::Loaded(lib) => return FocusIds::Owned(focus.library_ids(lib)),
            Content::Builtin { lib, ids, .. } => (lib, ids.as_slice()),
        };
        let out = excluded_ids(lib, focus);
        if out.is_empty() {
            return FocusIds::All(ids);
        }
        let mut out = out.into_iter().peekable();
        FocusIds::Some(
            ids.iter()
                .filter(|id| {
                    while out.next_if(|o| *o < *id).is_some() {}
                    out.peek() != Some(id)
                })
                .collect(),
        )
    }
}

/// The ids of the built-in library's questions, facts and coached questions that `focus` leaves
/// out, sorted and each once: with the built-in library, the only cards not in "My interview".
pub(super) fn excluded_ids<'a>(lib: &'a Library, focus: &Focus) -> Vec<&'a Id> {
    let roles: HashMap<&Id, &[Id]> = lib
        .questions
        .iter()
        .map(|q| (&q.id, q.roles.as_slice()))
        .chain(lib.facts.iter().map(|f| (&f.id, f.roles.as_slice())))
        .collect();
    let listed = lib.coaching.iter().flat_map(|c| &c.questions);
    let mut out: Vec<&Id> = roles
        .keys()
        .copied()
        .chain(listed)
        .filter(|id| !focus.holds_id(id, roles.get(id).copied().unwrap_or_default()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The ids in focus, as [`Content::focus_ids`] finds them without copying 100,000 ids.
pub(super) enum FocusIds<'a> {
    /// From the whole library.
    Owned(Vec<Id>),
    /// Every cached id.
    All(&'a [Id]),
    /// Some of the cached ids.
    Some(Vec<&'a Id>),
}

/// Calls `$f` with the ids as a slice, whichever way they are held.
macro_rules! with_ids {
    ($ids:expr, $f:expr) => {
        match $ids {
            FocusIds::Owned(ids) => $f(ids.as_slice()),
            FocusIds::All(ids) => $f(*ids),
            FocusIds::Some(ids) => $f(ids.as_slice()),
        }
    };
}
pub(super) use with_ids;

/// Gathers the status from the files, reading and never writing user data (caches aside). Stories
/// or a practice log that cannot be read leave their part of the plan out.
pub fn gather(
    paths: &Paths,
    study: &Study,
    config: &Config,
    stories: Stories,
    (zone, now): (DayZone, DateTime<Utc>),
) -> PrepStatus {
    let lib = study.lib();
    let ledger = study.ledger();
    let focus = Focus::new(&config.profile, lib);
    let today = zone.date_of(now);
    let at = plan::judged_at(
        config.interview_date,
        config.profile.interview_time,
        zone,
        now,
    );
    let deck = study.deck_numbers(&focus, &config.study_settings(), (today, now), at);
    let stories = stories.numbers(paths, lib);
    let rounds = RoundLog::load(&paths.data_dir)
        .map(|log| plan::round_counts(&log, zone, today))
        .unwrap_or((0, 0));
    let inputs = plan::inputs(&deck, ledger, config, stories.as_ref(), rounds, today);
    PrepStatus {
        roles: focus.roles().iter().map(|r| r.to_string()).collect(),
        label: focus.label(lib),
        interview: config.interview_date,
        deck,
        plan: plan::plan(&inputs),
    }
}

impl PrepStatus {
    /// The fields `status --json` adds: `role`, `interview_date`, `days_left`, `unseen`, `total`
    /// and `plan` (`cards`, `minutes`, `story`, `practice`).
    pub fn json(&self) -> Vec<(&'static str, Value)> {
        let role = match self.roles.as_slice() {
            [] => Value::Null,
            [one] => json!(one),
            many => json!(many),
        };
        vec![
            ("role", role),
            (
                "interview_date",
                self.interview
                    .map_or(Value::Null, |d| json!(d.format("%Y-%m-%d").to_string())),
            ),
            (
                "days_left",
                self.plan.days_left.map_or(Value::Null, |d| json!(d)),
            ),
            ("unseen", json!(self.deck.unseen)),
            ("total", json!(self.deck.total)),
            (
                "plan",
                json!({
                    "cards": self.plan.cards.count(),
                    "minutes": self.plan.cards.minutes,
                    "story": self.plan.story_text(),
                    "practice": self.plan.practice == Practice::Today,
                }),
            ),
        ]
    }

    /// The role and days left, for the end of the one-line status: "PT aide, 10 days left".
    /// `None` when neither a role nor a date is set, so the line reads as it always did.
    pub fn short(&self) -> Option<String> {
        let when = match self.plan.days_left {
            Some(0) => Some("interview today".to_string()),
            Some(1) => Some("1 day left".to_string()),
            Some(n) if n > 1 => Some(format!("{n} days left")),
            _ => None,
        };
        match (self.roles.is_empty(), when) {
            (true, None) => None,
            (true, Some(w)) => Some(w),
            (false, None) => Some(self.label.clone()),
            (false, Some(w)) => Some(format!("{}, {w}", self.label)),
        }
    }
}

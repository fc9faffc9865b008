//! What belongs to the user's interview: the roles in focus, and the coaching their background and
//! setting bring. Every screen asks this one place, so they all follow the profile the same way.
//!
//! Rules:
//! - A card, question or guide is in focus when it is for every role, or for one of the user's roles.
//!   No roles chosen ("not sure yet") means every role is in focus, as before profiles existed.
//! - Questions that `content/coaching.toml` lists for a background or setting are meant for those
//!   people. They come first for them; someone whose profile names another background (or setting)
//!   does not get them. An unknown background or setting hides nothing.
//! - Coaching entries apply when their background or setting is the user's and their roles overlap
//!   the user's: their asks come first on Home and their notes top the role guides.

use crate::domain::content::search::{Hit, Target};
use crate::domain::content::{Ask, Coaching, Id, Library, Question};
use crate::domain::profile::{Background, Profile, Setting};
use crate::domain::study::{Catalogue, Filter, StudyCard};
use std::collections::HashSet;

/// Who the coaching is for, in the form every screen needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Focus {
    roles: Vec<Id>,
    background: Option<Background>,
    setting: Option<Setting>,
    /// For each question some coaching entry lists: whether this user may get it, and whether it is
    /// meant for them in particular. Looked up for every card whenever the focus or the cards
    /// change: foldhash, not SipHash (at 100,000 cards the hashing was most of that pass).
    meant: foldhash::HashMap<Id, Meant>,
    /// Questions, fact cards and asks coaching for this user's background or setting leaves out.
    skipped: foldhash::HashSet<Id>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Meant {
    allowed: bool,
    mine: bool,
}

/// How one coaching entry relates to a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    /// The entry's background or setting is the user's.
    Mine,
    /// The user has not said, so nothing is hidden.
    Unknown,
    /// The user named another one.
    Other,
}

fn matches<T: Copy + PartialEq>(entry: Option<T>, user: Option<T>) -> Match {
    match (entry, user) {
        (None, _) => Match::Mine,
        (Some(_), None) => Match::Unknown,
        (Some(e), Some(u)) if e == u => Match::Mine,
        _ => Match::Other,
    }
}

impl Focus {
    /// Every role, no background or setting: how the app behaved before profiles.
    pub fn everything() -> Focus {
        Focus::default()
    }

    /// The focus a profile gives, with the coaching in `lib`. Role ids the library does not know are
    /// dropped, so a typo in the config file cannot hide every card.
    pub fn new(profile: &Profile, lib: &Library) -> Focus {
        let roles: Vec<Id> = profile
            .roles
            .iter()
            .filter(|r| lib.role(r).is_some())
            .cloned()
            .collect();
        let mut focus = Focus {
            roles,
            background: profile.background,
            setting: profile.setting,
            meant: foldhash::HashMap::default(),
            skipped: foldhash::HashSet::default(),
        };
        for c in &lib.coaching {
            let m = focus.entry_match(c);
            for q in &c.questions {
                let e = focus.meant.entry(q.clone()).or_default();
                e.allowed |= m != Match::Other;
                e.mine |= m == Match::Mine;
            }
            if m == Match::Mine {
                focus.skipped.extend(c.skip.iter().cloned());
            }
        }
        focus
    }

    fn entry_match(&self, c: &Coaching) -> Match {
        let b = matches(
            c.background.as_deref().and_then(Background::parse),
            self.background,
        );
        let s = matches(c.setting.as_deref().and_then(Setting::parse), self.setting);
        match (b, s) {
            (Match::Other, _) | (_, Match::Other) => Match::Other,
            (Match::Mine, Match::Mine) => Match::Mine,
            _ => Match::Unknown,
        }
    }

    /// The roles in focus, in the order chosen; empty means every role.
    pub fn roles(&self) -> &[Id] {
        &self.roles
    }

    /// True when no role is chosen, so every role is in focus.
    pub fn is_every_role(&self) -> bool {
        self.roles.is_empty()
    }

    /// True when `role` is in focus.
    pub fn has_role(&self, role: &Id) -> bool {
        self.roles.is_empty() || self.roles.contains(role)
    }

    /// True for content tagged with `roles` (empty: every role) that suits a role in focus.
    pub fn suits(&self, roles: &[Id]) -> bool {
        roles.is_empty() || self.roles.is_empty() || roles.iter().any(|r| self.roles.contains(r))
    }

    /// True when this user may get the question or card `id` (see the module notes).
    fn allowed(&self, id: &Id) -> bool {
        !self.skipped.contains(id) && self.meant.get(id).is_none_or(|m| m.allowed)
    }

    /// True when coaching lists `id` for this user's background or setting in particular.
    pub fn is_meant_for_me(&self, id: &Id) -> bool {
        self.meant.get(id).is_some_and(|m| m.mine)
    }

    /// True when the card belongs to "My interview".
    pub fn holds(&self, card: &StudyCard) -> bool {
        self.holds_id(&card.id, &card.roles)
    }

    /// True when a card with this id and these roles belongs to "My interview".
    pub fn holds_id(&self, id: &Id, roles: &[Id]) -> bool {
        self.suits(roles) && self.allowed(id)
    }

    /// [`Focus::holds`] of each card of `cat`, in catalogue order. Read from the catalogue's role
    /// bits, 8 bytes a card, with the few questions coaching keeps from this user then looked up
    /// by id: going through every card's own roles and hashing every id read the whole catalogue
    /// (about 4 ms a start at 100,000 cards).
    pub fn held(&self, cat: &Catalogue) -> Vec<bool> {
        let card_by_card = || cat.cards.iter().map(|c| self.holds(c)).collect();
        let Some(bits) = cat.role_bits() else {
            return card_by_card();
        };
        if !cat.has_unique_ids() {
            return card_by_card();
        }
        let mut held = if self.roles.is_empty() {
            vec![true; bits.len()]
        } else {
            let mut mask = 0u64;
            for r in &self.roles {
                match cat.roles.iter().position(|(id, _)| id == r) {
                    Some(i) if i < 64 => mask |= 1 << i,
                    _ => return card_by_card(),
                }
            }
            bits.iter().map(|b| b & mask != 0).collect()
        };
        let kept_from_me = self
            .meant
            .iter()
            .filter(|(_, m)| !m.allowed)
            .map(|(id, _)| id);
        for id in kept_from_me.chain(&self.skipped) {
            if let Some(slot) = cat.position(id).and_then(|i| held.get_mut(i)) {
                *slot = false;
            }
        }
        held
    }

    /// The ids of "My interview" straight from the library, without building a catalogue (for
    /// `clinicprep status`): the same cards as [`Focus::select`] with no filter, in library order.
    pub fn library_ids(&self, lib: &Library) -> Vec<Id> {
        let none: &[Id] = &[];
        lib.cards
            .iter()
            .map(|c| (&c.id, none))
            .chain(lib.questions.iter().map(|q| (&q.id, q.roles.as_slice())))
            .chain(lib.facts.iter().map(|f| (&f.id, f.roles.as_slice())))
            .filter(|(id, roles)| self.holds_id(id, roles))
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// True when an interview question belongs to this user's interview (for practice rounds).
    pub fn holds_question(&self, q: &Question) -> bool {
        self.suits(&q.roles) && self.allowed(&q.id)
    }

    /// The "My interview" deck: the cards in focus that pass `filter`, those meant for this user's
    /// background or setting first, then the rest in catalogue order.
    pub fn select(&self, cat: &Catalogue, filter: &Filter) -> Vec<Id> {
        let (mut first, rest): (Vec<&StudyCard>, Vec<&StudyCard>) = cat
            .cards
            .iter()
            .filter(|c| self.holds(c) && filter.matches(c))
            .partition(|c| self.is_meant_for_me(&c.id));
        first.extend(rest);
        first.into_iter().map(|c| c.id.clone()).collect()
    }

    /// A short label for the roles in focus: "PT aide", "PT aide + PTA", or "All roles".
    pub fn label(&self, lib: &Library) -> String {
        if self.roles.is_empty() {
            return "All roles".to_string();
        }
        self.roles
            .iter()
            .map(|r| lib.role(r).map_or(r.as_str(), |role| role.short.as_str()))
            .collect::<Vec<_>>()
            .join(" + ")
    }

    /// The role a screen with one role at a time (Guides, Practice) should open on: the first chosen
    /// role's index in `lib.roles`, or `None` for every role.
    pub fn first_role_index(&self, lib: &Library) -> Option<usize> {
        let first = self.roles.first()?;
        lib.roles.iter().position(|r| &r.id == first)
    }

    /// The coaching entries that apply to this user (their background or setting, and a role in
    /// focus), in content order.
    pub fn coaching<'a>(&self, lib: &'a Library) -> Vec<&'a Coaching> {
        lib.coaching
            .iter()
            .filter(|c| self.entry_match(c) == Match::Mine && self.suits(&c.roles))
            .collect()
    }

    /// Notes for the top of `role`'s guide from the coaching that applies.
    pub fn guide_notes<'a>(&self, lib: &'a Library, role: &Id) -> Vec<&'a Coaching> {
        self.coaching(lib)
            .into_iter()
            .filter(|c| !c.note.trim().is_empty() && (c.roles.is_empty() || c.roles.contains(role)))
            .collect()
    }

    /// The questions to ask the interviewer, in the order Home lists them: those the applying coaching
    /// names first, then those of the roles in focus (in the guides' role order). With every role in
    /// focus, all asks follow the coaching ones. Each ask once.
    pub fn asks<'a>(&self, lib: &'a Library) -> Vec<&'a Ask> {
        let mut ids: Vec<&Id> = self
            .coaching(lib)
            .iter()
            .flat_map(|c| c.asks.iter())
            .collect();
        if self.roles.is_empty() {
            ids.extend(lib.asks.iter().map(|a| &a.id));
        } else {
            for role in lib.roles.iter().filter(|r| self.roles.contains(&r.id)) {
                ids.extend(role.asks.iter());
            }
        }
        let mut seen = HashSet::new();
        ids.into_iter()
            .filter(|id| !self.skipped.contains(*id) && seen.insert(*id))
            .filter_map(|id| lib.ask(id))
            .collect()
    }

    /// `hits` with those about a role in focus (or about every role) first, otherwise in their order.
    pub fn rank_hits(&self, lib: &Library, hits: Vec<Hit>) -> Vec<Hit> {
        if self.roles.is_empty() {
            return hits;
        }
        let (mut mine, others): (Vec<Hit>, Vec<Hit>) =
            hits.into_iter().partition(|h| self.hit_in_focus(lib, h));
        mine.extend(others);
        mine
    }

    fn hit_in_focus(&self, lib: &Library, hit: &Hit) -> bool {
        let role_at = |i: usize| lib.roles.get(i).is_none_or(|r| self.has_role(&r.id));
        match hit.target {
            Target::Section { role, .. } | Target::Figure { role, .. } => role_at(role),
            Target::Question(i) => lib.questions.get(i).is_none_or(|q| self.holds_question(q)),
            Target::Ask(i) => lib
                .asks
                .get(i)
                .is_none_or(|a| self.asks(lib).iter().any(|mine| mine.id == a.id)),
            Target::Term(_) => true,
        }
    }
}

#[cfg(test)]
#[path = "focus_tests.rs"]
mod tests;

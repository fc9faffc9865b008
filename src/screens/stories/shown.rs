//! The story list as shown: every story's id in the chosen order, and the filter's matches as
//! positions in it, one list for each query typed, so a letter typed narrows the last list and a
//! letter erased finds its list kept.

use super::listing::Base;
use crate::domain::stories::{Filter, StoryId, StoryIndex};
use std::borrow::Cow;

/// Queries kept at most, so a long pasted query does not keep a list for each letter of it.
const DEEPEST: usize = 32;

/// The filter's matches for the queries typed since the list last changed, each a list of
/// positions in the kept order, widest query first: each query narrows the one before it (see
/// [`Filter::narrows`]). A letter typed looks only through the matches of the query before it,
/// and a letter erased finds its query's matches kept.
#[derive(Debug, Default)]
pub(super) struct Picks {
    base: Option<Base>,
    pub(super) stack: Vec<(Filter, Vec<u32>)>,
}

impl Picks {
    /// The kept matches of `filter` over the order `base`.
    pub(super) fn get(&self, base: &Base, filter: &Filter) -> Option<&[u32]> {
        if self.base.as_ref() != Some(base) {
            return None;
        }
        let kept = self.stack.iter().rev().find(|(f, _)| f == filter);
        kept.map(|(_, picks)| picks.as_slice())
    }

    /// Works out the matches of `filter` through `index` (of the stories in the order `base`), from
    /// the kept matches of the last query it narrows; those of queries it does not narrow are
    /// dropped.
    pub(super) fn refresh(&mut self, base: Base, filter: Filter, index: &StoryIndex) {
        if self.base != Some(base) {
            self.base = Some(base);
            self.stack.clear();
        }
        while let Some((top, _)) = self.stack.last() {
            if *top == filter {
                return;
            }
            if filter.narrows(top) {
                break;
            }
            self.stack.pop();
        }
        let wider = self.stack.last().map(|(f, picks)| (f, picks.as_slice()));
        let picks = index.matching(&filter, wider);
        if self.stack.len() >= DEEPEST {
            self.stack.remove(0);
        }
        self.stack.push((filter, picks));
    }
}

/// The list as shown: every story's id in the chosen order, and which of them the filter lets
/// through.
#[derive(Debug)]
pub struct Shown<'a> {
    pub(super) ids: Cow<'a, [StoryId]>,
    /// Positions in `ids` the filter lets through, in order; `None` when it lets every story through.
    pub(super) picks: Option<Cow<'a, [u32]>>,
}

impl Shown<'_> {
    pub fn len(&self) -> usize {
        self.picks.as_ref().map_or(self.ids.len(), |p| p.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id of the story at `i` in the list.
    pub fn get(&self, i: usize) -> Option<&StoryId> {
        match &self.picks {
            Some(p) => self.ids.get(*p.get(i)? as usize),
            None => self.ids.get(i),
        }
    }

    /// The ids of the stories in the list, in order.
    pub fn iter(&self) -> impl Iterator<Item = &StoryId> {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// True when read from what `update` kept, rather than worked out on the spot.
    #[cfg(test)]
    pub(super) fn is_kept(&self) -> bool {
        matches!(self.ids, Cow::Borrowed(_))
            && self
                .picks
                .as_ref()
                .is_none_or(|p| matches!(p, Cow::Borrowed(_)))
    }
}

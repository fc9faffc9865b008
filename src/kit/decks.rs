//! Noticing deck files changed while the app runs (an import from another shell, an edit by hand), so
//! new cards show without a restart and the user is told what came in.

use crate::domain::content::{Card, library::user_files};
use chrono::{DateTime, Duration, Utc};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How often the content folder is looked at: a listing and one metadata call a file.
const EVERY_SECS: i64 = 2;

/// What the content folder's files looked like: each file with its size and modification time.
type Stamp = Vec<(PathBuf, u64, Option<SystemTime>)>;

fn stamp(dir: &Path) -> Stamp {
    user_files(dir, &mut Vec::new())
        .into_iter()
        .map(|p| {
            let meta = std::fs::metadata(&p).ok();
            let len = meta.as_ref().map_or(0, |m| m.len());
            let modified = meta.and_then(|m| m.modified().ok());
            (p, len, modified)
        })
        .collect()
}

/// The content folder as last seen, and when to look again.
#[derive(Debug, Default)]
pub struct DeckWatch {
    seen: Stamp,
    next: Option<DateTime<Utc>>,
}

impl DeckWatch {
    /// Remembers the folder as it is now, as loaded at start-up.
    pub fn new(dir: &Path) -> DeckWatch {
        DeckWatch {
            seen: stamp(dir),
            next: None,
        }
    }

    /// True when a file under `dir` was added, removed or changed since the last look; looks at most
    /// every couple of seconds.
    pub fn changed(&mut self, dir: &Path, now: DateTime<Utc>) -> bool {
        if self.next.is_some_and(|n| now < n) {
            return false;
        }
        self.next = Some(now + Duration::seconds(EVERY_SECS));
        let now_seen = stamp(dir);
        if now_seen == self.seen {
            return false;
        }
        self.seen = now_seen;
        true
    }
}

/// The cards in `new` whose ids `old` did not have, counted by deck, in the order they first appear.
pub fn added(old: &[Card], new: &[Card]) -> Vec<(String, usize)> {
    let before: std::collections::HashSet<&str> = old.iter().map(|c| c.id.as_str()).collect();
    let mut out: Vec<(String, usize)> = Vec::new();
    for c in new.iter().filter(|c| !before.contains(c.id.as_str())) {
        match out.iter_mut().find(|(d, _)| *d == c.deck) {
            Some((_, n)) => *n += 1,
            None => out.push((c.deck.to_string(), 1)),
        }
    }
    out
}

/// The status line for cards that came in: "12 cards from deck “PT words” were added", then `how`
/// (" (imported while clinicprep was open)" or nothing), then where to find them.
pub fn notice(added: &[(String, usize)], how: &str) -> Option<String> {
    let part = |(deck, n): &(String, usize)| {
        let deck = crate::storage::sanitize::clean_line(deck);
        match n {
            1 => format!("1 card from deck “{deck}”"),
            n => format!("{n} cards from deck “{deck}”"),
        }
    };
    let total: usize = added.iter().map(|(_, n)| n).sum();
    let parts: Vec<String> = added.iter().map(part).collect();
    let list = match parts.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    let verb = if total == 1 { "was" } else { "were" };
    Some(format!(
        "{list} {verb} added{how}. Find them under “Your decks” on the Cards screen."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::Id;

    fn card(id: &str, deck: &str) -> Card {
        Card {
            id: Id::new(id),
            deck: deck.into(),
            front: "f".into(),
            back: "b".into(),
            tags: Default::default(),
            roles: Vec::new(),
        }
    }

    #[test]
    fn only_new_ids_count_by_deck() {
        let old = [card("a", "X")];
        let new = [
            card("a", "X"),
            card("b", "X"),
            card("c", "Y"),
            card("d", "X"),
        ];
        assert_eq!(added(&old, &new), [("X".into(), 2), ("Y".into(), 1)]);
        let text = notice(&added(&old, &new), "").unwrap();
        assert!(text.starts_with("2 cards from deck “X” and 1 card from deck “Y” were added"));
        assert_eq!(notice(&[], ""), None);
        assert!(
            notice(&[("X".into(), 1)], "")
                .unwrap()
                .contains("“X” was added")
        );
    }

    #[test]
    fn a_changed_file_is_noticed_once_and_not_before_the_next_look() {
        let dir = tempfile::tempdir().unwrap();
        let t0 = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let mut w = DeckWatch::new(dir.path());
        assert!(!w.changed(dir.path(), t0));
        std::fs::write(dir.path().join("d.toml"), "x").unwrap();
        assert!(
            !w.changed(dir.path(), t0 + Duration::seconds(1)),
            "too soon"
        );
        assert!(w.changed(dir.path(), t0 + Duration::seconds(2)));
        assert!(!w.changed(dir.path(), t0 + Duration::seconds(4)), "seen");
    }
}

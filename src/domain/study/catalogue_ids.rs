//! Every card id there is to study, sorted, kept in the cache under a fingerprint of the content, so
//! `clinicprep status` learns the ids without loading, decoding or checking any content.

use super::Catalogue;
use crate::domain::content::{Id, Library};
use crate::storage::cache::DerivedCache;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The derived cache's name: `<data dir>/cache/card-ids.bin`.
const NAME: &str = "card-ids";

/// The id of every card in the catalogue, each once, in id order: what `schedule::counts` reads in
/// one pass beside the review history (see `schedule::queue`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardIds {
    ids: Vec<Id>,
    /// True when the user's files add nothing but cards: the roles, coaching, questions, facts and
    /// competencies are the built-in ones, so `status` can take them from the built-in content.
    only_cards_added: bool,
}

impl CardIds {
    /// The catalogue's ids, sorted and without repeats.
    pub fn from_library(lib: &Library) -> CardIds {
        let mut ids = Catalogue::all_ids(lib);
        ids.sort_unstable();
        ids.dedup();
        CardIds {
            ids,
            only_cards_added: lib.same_non_cards(&Library::builtin()),
        }
    }

    /// See the field: when true, `Library::builtin()` stands in for the whole library in all but
    /// its cards.
    pub fn only_cards_added(&self) -> bool {
        self.only_cards_added
    }

    /// The ids of everything `Library::load_cached(user_dir, data_dir)` would load, from the cache
    /// when the content is as it was when they were last worked out (the same built-in content and
    /// the same user files, each vouched for by its stamp and content hash), else from loading the
    /// library, after which they are stored for next time.
    pub fn load_cached(user_dir: &Path, data_dir: &Path) -> CardIds {
        CardIds::load_cached_keeping(user_dir, data_dir).0
    }

    /// [`CardIds::load_cached`], and the library if it had to be loaded: a command about to exit
    /// can leave its 100,000 cards to the operating system instead of freeing them one by one.
    pub fn load_cached_keeping(user_dir: &Path, data_dir: &Path) -> (CardIds, Option<Library>) {
        if let Some(ids) = Library::cached_fingerprint(user_dir, data_dir)
            .and_then(|fp| DerivedCache::get::<CardIds>(data_dir, NAME, fp))
            .filter(CardIds::is_sorted_set)
        {
            return (ids, None);
        }
        let lib = Library::load_cached(user_dir, data_dir);
        let ids = CardIds::from_library(&lib);
        // Fingerprinted after the load, from what the cache now vouches for: a file changed since
        // it was read has another stamp, so the ids are then not stored under it.
        if let Some(fp) = Library::cached_fingerprint(user_dir, data_dir) {
            let _ = DerivedCache::put(data_dir, NAME, fp, &ids);
        }
        (ids, Some(lib))
    }

    /// True when the ids are strictly increasing, as stored; anything else is not ours to trust.
    fn is_sorted_set(&self) -> bool {
        self.ids.windows(2).all(|w| w[0] < w[1])
    }

    pub fn as_slice(&self) -> &[Id] {
        &self.ids
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn deck(n: usize, front: &str) -> String {
        (0..n)
            .map(|i| {
                format!(
                    "[[card]]\nid = \"c-{i}\"\ndeck = \"D\"\nfront = \"{front}\"\nback = \"b\"\n"
                )
            })
            .collect()
    }

    /// Makes every file of the folder look long settled, so the cache trusts their stamps alone.
    fn settle(dir: &Path) {
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for e in fs::read_dir(dir).unwrap().flatten() {
            if e.path().is_file() {
                fs::File::options()
                    .write(true)
                    .open(e.path())
                    .unwrap()
                    .set_modified(old)
                    .unwrap();
            }
        }
    }

    fn expected(user: &Path) -> CardIds {
        CardIds::from_library(&Library::load(Some(user)))
    }

    #[test]
    fn ids_come_from_the_cache_only_while_the_content_is_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let (data, user) = (dir.path(), dir.path().join("content"));
        fs::create_dir(&user).unwrap();
        fs::write(user.join("a.toml"), deck(3, "f")).unwrap();
        settle(&user);
        let first = CardIds::load_cached(&user, data);
        assert_eq!(first, expected(&user));
        assert!(first.as_slice().contains(&Id::new("c-2")));
        assert!(data.join("cache/card-ids.bin").is_file());
        // Cached values are used as they are: a planted value under the right fingerprint shows.
        let fp = Library::cached_fingerprint(&user, data).unwrap();
        let planted = CardIds {
            ids: vec![Id::new("planted")],
            only_cards_added: true,
        };
        DerivedCache::put(data, NAME, fp, &planted).unwrap();
        assert_eq!(CardIds::load_cached(&user, data), planted);
        // Any change to the content (here a card added, the mtime put back) is a new fingerprint.
        let mtime = fs::metadata(user.join("a.toml"))
            .unwrap()
            .modified()
            .unwrap();
        fs::write(user.join("a.toml"), deck(4, "f")).unwrap();
        fs::File::options()
            .write(true)
            .open(user.join("a.toml"))
            .unwrap()
            .set_modified(mtime)
            .unwrap();
        let after = CardIds::load_cached(&user, data);
        assert_eq!(after, expected(&user));
        assert!(after.as_slice().contains(&Id::new("c-3")));
        // A new file, a removed file and a broken file each count as a change too.
        fs::write(
            user.join("b.toml"),
            "[[card]]\nid = \"b-1\"\ndeck = \"B\"\nfront = \"x\"\nback = \"y\"\n",
        )
        .unwrap();
        assert_eq!(CardIds::load_cached(&user, data), expected(&user));
        fs::remove_file(user.join("a.toml")).unwrap();
        assert_eq!(CardIds::load_cached(&user, data), expected(&user));
        fs::write(user.join("b.toml"), "[[card]\nbroken").unwrap();
        assert_eq!(CardIds::load_cached(&user, data), expected(&user));
        assert!(Library::cached_fingerprint(&user, data).is_none());
    }

    #[test]
    fn ids_are_sorted_unique_and_the_whole_catalogue() {
        let dir = tempfile::tempdir().unwrap();
        // A user card repeating a built-in id is dropped by the library, as is a repeat in a deck.
        let builtin = Library::builtin();
        let taken = &builtin.questions[0].id;
        fs::write(
            dir.path().join("d.toml"),
            format!(
                "{}[[card]]\nid = \"{taken}\"\ndeck = \"D\"\nfront = \"f\"\nback = \"b\"\n",
                deck(2, "f")
            ),
        )
        .unwrap();
        let lib = Library::load(Some(dir.path()));
        let ids = CardIds::from_library(&lib);
        assert!(ids.is_sorted_set());
        let mut all =
            Catalogue::from_library(&lib).select(&super::super::Deck::All, &Default::default());
        all.sort();
        all.dedup();
        assert_eq!(ids.as_slice(), all.as_slice());
    }
}

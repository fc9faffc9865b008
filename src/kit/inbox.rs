//! Taking in the decks `clinicprep import` handed over while this window held the data folder (see `interop::import_request`).

use crate::interop::import_request;
use crate::storage::paths::Paths;
use crate::storage::sanitize::clean_line;
use chrono::{DateTime, Duration, Utc};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How often the inbox is looked at, as often as the content folder (`decks`).
const EVERY_SECS: i64 = 2;

/// When to look at the inbox again, and the requests that failed, each with the time it was last
/// changed: those are said once and tried again only once the file changes (or at the next start).
#[derive(Debug, Default)]
pub struct InboxWatch {
    next: Option<DateTime<Utc>>,
    failed: Vec<(PathBuf, Option<SystemTime>)>,
}

/// What one look at the inbox did.
#[derive(Debug, Default)]
pub struct Taken {
    /// Requests imported (and deleted), cards or not.
    pub imported: usize,
    /// Names of imported files that had no new card.
    pub nothing_new: Vec<String>,
    /// A sentence for each request left in place.
    pub failed: Vec<String>,
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl InboxWatch {
    /// Imports the waiting requests, oldest first; looks at most every couple of seconds (the first
    /// look is at once, at start). Call only as the writer of the data folder.
    pub(super) fn take(&mut self, paths: &Paths, now: DateTime<Utc>) -> Taken {
        let mut taken = Taken::default();
        if self.next.is_some_and(|n| now < n) {
            return taken;
        }
        self.next = Some(now + Duration::seconds(EVERY_SECS));
        let pending = import_request::pending(&paths.data_dir);
        self.failed.retain(|(p, _)| pending.contains(p));
        for path in pending {
            let stamp = modified(&path);
            if self.failed.contains(&(path.clone(), stamp)) {
                continue;
            }
            let shown = clean_line(&path.display().to_string());
            let request = match import_request::read(&path) {
                Ok(r) => r,
                Err(why) => {
                    taken.failed.push(format!(
                        "A deck handed over by `clinicprep import` could not be read: {shown} \
                         ({}). It was left as it is; delete it and run the import again.",
                        clean_line(&why)
                    ));
                    self.failed.retain(|(p, _)| *p != path);
                    self.failed.push((path, stamp));
                    continue;
                }
            };
            let file = clean_line(&request.file);
            match import_request::import(paths, &request, now) {
                Ok(done) => {
                    taken.imported += 1;
                    if done.added.is_empty() {
                        taken.nothing_new.push(file.clone());
                    }
                    if let Err(e) = std::fs::remove_file(&path) {
                        taken.failed.push(format!(
                            "The cards from {file} were added, but {shown} could not be deleted \
                             ({e}); delete it yourself so it is not imported again."
                        ));
                    }
                }
                Err(why) => {
                    taken.failed.push(format!(
                        "The cards from {file} could not be added: {}. They wait in {shown}; \
                         after fixing the problem, restart clinicprep to try again, or delete \
                         that file.",
                        clean_line(why.trim_end_matches('.'))
                    ));
                    self.failed.retain(|(p, _)| *p != path);
                    self.failed.push((path, stamp));
                }
            }
        }
        taken
    }
}

impl Taken {
    /// The status line: `news` (the cards that came in, from [`super::decks::notice`]) first, then
    /// files with nothing new, then the first problem. `None` when there is nothing to say.
    pub fn sentence(&self, news: Option<String>) -> Option<String> {
        let mut parts: Vec<String> = news.into_iter().collect();
        match self.nothing_new.as_slice() {
            [] => {}
            [one] => parts.push(format!(
                "Nothing new in {one}: every card in it is already in your decks."
            )),
            many => parts.push(format!(
                "Nothing new in {}: every card in them is already in your decks.",
                many.join(", ")
            )),
        }
        if let Some(first) = self.failed.first() {
            parts.push(first.clone());
            if self.failed.len() > 1 {
                parts.push(format!("({} more like it.)", self.failed.len() - 1));
            }
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

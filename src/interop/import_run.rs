//! The import steps `clinicprep import` and the open app share: checking `--role` names, then a backup and the deck writes.

use crate::domain::content::{Id, Library};
use crate::interop::deck_import::{self, ImportError, Plan};
use crate::storage::{StorageError, sanitize};
use chrono::{DateTime, Utc};
use std::path::Path;

/// Why the cards of a plan were not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The backup before the import failed; nothing was imported.
    #[error("{0}")]
    Backup(StorageError),
    /// Writing the deck files failed (see [`ImportError::Write`] for decks already written).
    #[error("{0}")]
    Apply(ImportError),
}

/// Backs up the data folder, then writes the plan's deck files. The backup comes first so an import
/// that was not what the user wanted can be undone with `clinicprep restore`; an empty data folder
/// has nothing to back up yet. `source` (the imported file's name) and the local date of `now` go
/// in a comment above the new cards.
pub fn back_up_and_apply(
    data_dir: &Path,
    plan: &mut Plan,
    source: &str,
    now: DateTime<Utc>,
) -> Result<Vec<deck_import::Written>, SaveError> {
    if let Err(e) =
        crate::storage::backup::backup_now(data_dir, now, &format!("before importing {source}"))
        && data_dir.exists()
    {
        return Err(SaveError::Backup(e));
    }
    let date = now
        .with_timezone(&chrono::Local)
        .format("%Y-%m-%d")
        .to_string();
    deck_import::apply(plan, source, &date).map_err(SaveError::Apply)
}

/// The role ids named with `--role`, each checked against the roles there are; an unknown name is
/// refused with the names that work, before anything is read or written.
pub fn roles(names: &[String], lib: &Library) -> Result<Vec<Id>, String> {
    let mut out: Vec<Id> = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let found = lib.roles.iter().find(|r| {
            r.id.as_str().eq_ignore_ascii_case(name) || r.short.eq_ignore_ascii_case(name)
        });
        match found {
            Some(r) if !out.contains(&r.id) => out.push(r.id.clone()),
            Some(_) => {}
            None => {
                let known: Vec<String> = lib
                    .roles
                    .iter()
                    .map(|r| format!("{} ({})", r.id, r.short))
                    .collect();
                return Err(format!(
                    "there is no role called “{}”. Use one or more of: {}, separated by commas. \
                     Nothing was imported.",
                    sanitize::clean_line(name),
                    known.join(", ")
                ));
            }
        }
    }
    Ok(out)
}

/// Gives every card of the plan the roles chosen with `--role` (none: every role).
pub fn set_roles(plan: &mut Plan, roles: &[Id]) {
    for card in plan.updates.iter_mut().flat_map(|u| u.cards.iter_mut()) {
        card.roles = roles.to_vec();
    }
}

//! Changes one setting in `config.toml` in place, keeping the user's comments and layout.

use super::practice::PracticePrefs;
use crate::domain::content::Id;
use crate::domain::content::Problem;
use crate::domain::profile::Profile;
use crate::storage::{self, StorageError};
use chrono::{Datelike, NaiveDate, NaiveTime};
use std::path::Path;
use toml_edit::{Array, DocumentMut, Item, Table, Value};

/// What a new config file starts with, so someone opening it knows what it is.
const NEW_FILE_HEADER: &str =
    "# clinicprep settings. Every key is optional; the README lists them all.\n";

/// Why a setting could not be saved. The file on disk is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum ConfigSaveError {
    /// The file exists but could not be read.
    #[error("could not read {path} to change it: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    /// The file is not valid TOML (or the key holds a table); it is left for the user to fix.
    #[error("{0}. The setting was not saved so the file is not overwritten; fix that line first")]
    Invalid(Problem),
    /// Writing the new version failed.
    #[error("{0} ({hint})", hint = .0.hint())]
    Write(StorageError),
}

/// Sets `interview_date` (or clears it, with `None`) in the config file at `path`, creating the file
/// and its folder if needed. Only that key changes; comments, other keys and their layout stay as the
/// user wrote them. A file that cannot be parsed is never overwritten.
pub fn save_interview_date(path: &Path, date: Option<NaiveDate>) -> Result<(), ConfigSaveError> {
    update(path, "interview_date", date_value(date))
}

/// Sets `interview_date` and the `[profile]` `interview_time` together, as the date field on Home
/// gives them. The profile table is made only to hold a time; a time cleared where none was
/// written leaves the file as it was there.
pub fn save_interview(
    path: &Path,
    date: Option<NaiveDate>,
    time: Option<NaiveTime>,
) -> Result<(), ConfigSaveError> {
    edit(path, |doc, shown, body| {
        set_value(doc, shown, body, "interview_date", date_value(date))?;
        let written = doc
            .get("profile")
            .and_then(Item::as_table)
            .is_some_and(|t| t.contains_key("interview_time"));
        if time.is_none() && !written {
            return Ok(());
        }
        set_in_table(doc, shown, body, "profile", |t| {
            set_key(t, "interview_time", super::profile::time_value(time));
        })
    })
}

/// Saves the profile, the interview date and the certifications together, as the set-up screen edits
/// them: the `[profile]` table is created if missing, and only keys whose value changed are rewritten,
/// so the user's comments and layout stay. A file that cannot be parsed is never overwritten.
pub fn save_profile(
    path: &Path,
    profile: &Profile,
    date: Option<NaiveDate>,
    certifications: &[String],
) -> Result<(), ConfigSaveError> {
    edit(path, |doc, shown, body| {
        set_value(doc, shown, body, "interview_date", date_value(date))?;
        let certs: Array = certifications.iter().map(String::as_str).collect();
        set_value(doc, shown, body, "certifications", Value::Array(certs))?;
        let table = doc
            .entry("profile")
            .or_insert_with(|| Item::Table(Table::new()));
        match table.as_table_mut() {
            Some(t) => {
                super::profile::write(t, profile);
                Ok(())
            }
            None => Err(ConfigSaveError::Invalid(Problem::near(
                shown,
                body,
                "profile",
                "profile is a single value here but must be a [profile] table".to_string(),
            ))),
        }
    })
}

/// Sets only the `[profile]` roles (creating the table if needed), as `clinicprep fit` does when
/// the user takes the role it recommends. Nothing else in the file changes.
pub fn save_roles(path: &Path, roles: &[Id]) -> Result<(), ConfigSaveError> {
    edit(path, |doc, shown, body| {
        let list: Array = roles.iter().map(|r| r.as_str()).collect();
        set_in_table(doc, shown, body, "profile", |t| {
            set_key(t, "roles", Value::Array(list));
        })
    })
}

/// Saves the practice settings last used (`[practice]`: role, length, interviewer, answer_by) and the answer target
/// (`answer_seconds`), so Practice opens as the user left it. Unchanged keys keep their comments.
pub fn save_practice(
    path: &Path,
    prefs: &PracticePrefs,
    answer_seconds: u32,
) -> Result<(), ConfigSaveError> {
    edit(path, |doc, shown, body| {
        set_value(
            doc,
            shown,
            body,
            "answer_seconds",
            Value::from(i64::from(answer_seconds)),
        )?;
        set_in_table(doc, shown, body, "practice", |t| {
            super::practice::write(t, prefs);
        })
    })
}

/// Runs `change` on the table `name`, creating it if missing; a single value under that name is
/// refused rather than replaced.
fn set_in_table(
    doc: &mut DocumentMut,
    shown: &str,
    body: &str,
    name: &str,
    change: impl FnOnce(&mut Table),
) -> Result<(), ConfigSaveError> {
    let item = doc.entry(name).or_insert_with(|| Item::Table(Table::new()));
    match item.as_table_mut() {
        Some(t) => {
            change(t);
            Ok(())
        }
        None => Err(ConfigSaveError::Invalid(Problem::near(
            shown,
            body,
            name,
            format!("{name} is a single value here but must be a [{name}] table"),
        ))),
    }
}

/// Sets one key of a table, keeping its comments; an unchanged value is left as written.
fn set_key(table: &mut Table, key: &str, new: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            if old.to_string().trim() != new.to_string().trim() {
                let decor = old.decor().clone();
                *old = new;
                *old.decor_mut() = decor;
            }
        }
        _ => {
            table.insert(key, Item::Value(new));
        }
    }
}

fn date_value(date: Option<NaiveDate>) -> Value {
    match date {
        // Years outside u16 cannot be typed into the app; clamp rather than fail.
        Some(d) => Value::from(toml_edit::Date {
            year: u16::try_from(d.year()).unwrap_or(9999),
            month: d.month() as u8,
            day: d.day() as u8,
        }),
        // Clearing writes "" (read as "not set") rather than removing the line, which would also
        // remove any comment the user wrote above it.
        None => Value::from(""),
    }
}

/// Replaces one top-level value, keeping its comments, or appends it if missing.
fn update(path: &Path, key: &str, new: Value) -> Result<(), ConfigSaveError> {
    edit(path, |doc, shown, body| {
        set_value(doc, shown, body, key, new)
    })
}

/// Sets one top-level value in `doc`, keeping its comments; unchanged values are left as written.
fn set_value(
    doc: &mut DocumentMut,
    shown: &str,
    body: &str,
    key: &str,
    new: Value,
) -> Result<(), ConfigSaveError> {
    match doc.get_mut(key) {
        Some(Item::Value(old)) => {
            if old.to_string().trim() != new.to_string().trim() {
                let decor = old.decor().clone();
                *old = new;
                *old.decor_mut() = decor;
            }
        }
        Some(_) => {
            return Err(ConfigSaveError::Invalid(Problem::near(
                shown,
                body,
                key,
                format!("{key} is a table here but must be a single value"),
            )));
        }
        None => {
            doc.insert(key, Item::Value(new));
        }
    }
    Ok(())
}

/// Reads the file (a missing one starts empty), lets `change` edit it, and writes it back atomically.
fn edit(
    path: &Path,
    change: impl FnOnce(&mut DocumentMut, &str, &str) -> Result<(), ConfigSaveError>,
) -> Result<(), ConfigSaveError> {
    let shown = path.display().to_string();
    let mut header = "";
    let text = match crate::storage::safe::read_regular(path, super::read::MAX_CONFIG_BYTES) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
            ConfigSaveError::Invalid(Problem::new(&shown, "the config file is not UTF-8 text"))
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            header = NEW_FILE_HEADER;
            String::new()
        }
        Err(source) => {
            return Err(ConfigSaveError::Read {
                path: shown,
                source,
            });
        }
    };
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let mut doc: DocumentMut = body.parse().map_err(|e: toml_edit::TomlError| {
        let msg = format!("not valid TOML: {}", e.message().trim());
        ConfigSaveError::Invalid(match e.span() {
            Some(s) => Problem::at_offset(&shown, body, s.start, msg),
            None => Problem::new(&shown, msg),
        })
    })?;
    change(&mut doc, &shown, body)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        storage::ensure_data_dir(dir).map_err(ConfigSaveError::Write)?;
    }
    let out = format!("{header}{doc}");
    storage::write_atomic(path, out.as_bytes()).map_err(ConfigSaveError::Write)
}

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;

//! Changes one setting in `config.toml` in place, keeping the user's comments and layout.

use super::practice::PracticePrefs;
use crate::domain::content::Id;
use crate::domain::content::Problem;
use crate::domain::profile::Profile;
use crate::storage::{self, StorageError};
use chrono::{Datelike, NaiveDate};
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
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn replacing_keeps_comments_and_other_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let before = "# my settings\n\n# the big day\ninterview_date = 2026-01-01 # soon\ntheme = \"light\"\n";
        fs::write(&path, before).unwrap();
        save_interview_date(&path, NaiveDate::from_ymd_opt(2026, 12, 3)).unwrap();
        let after = fs::read_to_string(&path).unwrap();
        assert_eq!(
            after,
            "# my settings\n\n# the big day\ninterview_date = 2026-12-03 # soon\ntheme = \"light\"\n"
        );
        save_interview_date(&path, None).unwrap();
        let cleared = fs::read_to_string(&path).unwrap();
        assert!(
            cleared.contains("# the big day\ninterview_date = \"\" # soon\n"),
            "{cleared}"
        );
    }

    #[test]
    fn creates_a_missing_file_and_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.toml");
        save_interview_date(&path, NaiveDate::from_ymd_opt(2027, 2, 28)).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(NEW_FILE_HEADER));
        assert!(text.contains("interview_date = 2027-02-28\n"), "{text}");
    }

    #[test]
    fn a_table_under_the_key_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let before = "[interview_date]\nday = 1\n";
        fs::write(&path, before).unwrap();
        let err = save_interview_date(&path, NaiveDate::from_ymd_opt(2027, 2, 28)).unwrap_err();
        assert!(matches!(err, ConfigSaveError::Invalid(_)), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), before);
    }
}

#[cfg(test)]
mod profile_tests {
    use super::*;
    use crate::domain::config::Config;
    use crate::domain::content::Id;
    use crate::domain::profile::Setting;
    use std::fs;

    #[test]
    fn the_profile_round_trips_and_comments_stay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let before =
            "# mine\ntheme = \"light\" # I like it\n\n[profile]\n# my own name\nname = \"Dana\"\n";
        fs::write(&path, before).unwrap();
        let mut p = Profile {
            name: "Dana".into(),
            roles: vec![Id::new("pt-aide")],
            setting: Some(Setting::Outpatient),
            set_up: true,
            ..Profile::default()
        };
        let date = NaiveDate::from_ymd_opt(2026, 12, 13);
        save_profile(&path, &p, date, &["CPR/BLS".to_string()]).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("# mine\ntheme = \"light\" # I like it\n"),
            "{text}"
        );
        assert!(text.contains("# my own name\nname = \"Dana\"\n"), "{text}");
        let (c, problems) = Config::from_text("c", &text);
        assert!(problems.is_empty(), "{problems:?}\n{text}");
        assert_eq!(c.profile, p);
        assert_eq!(c.interview_date, date);
        assert_eq!(c.certifications, ["CPR/BLS"]);

        p.roles.clear();
        p.setting = None;
        save_profile(&path, &p, None, &[]).unwrap();
        let (c, problems) = Config::from_text("c", &fs::read_to_string(&path).unwrap());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.profile, p);
        assert_eq!(c.interview_date, None);
    }

    #[test]
    fn a_broken_file_is_never_overwritten_by_a_profile_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        fs::write(&path, "theme = \n").unwrap();
        let err = save_profile(&path, &Profile::default(), None, &[]).unwrap_err();
        assert!(matches!(err, ConfigSaveError::Invalid(_)));
        assert_eq!(fs::read_to_string(&path).unwrap(), "theme = \n");
    }
}

#[cfg(test)]
mod roles_and_practice_tests {
    use super::*;
    use crate::domain::config::Config;
    use std::fs;

    #[test]
    fn saving_roles_changes_only_the_roles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        // A bad value elsewhere stays exactly as the user wrote it.
        let before =
            "interview_date = \"soon\" # fix me\n\n[profile]\n# who I am\nname = \"Dana\"\n";
        fs::write(&path, before).unwrap();
        save_roles(&path, &[Id::new("pt-aide")]).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("interview_date = \"soon\" # fix me\n"),
            "{text}"
        );
        assert!(
            text.contains("# who I am\nname = \"Dana\"\nroles = [\"pt-aide\"]"),
            "{text}"
        );
        let (c, _) = Config::from_text("c", &text);
        assert_eq!(c.profile.roles, [Id::new("pt-aide")]);
        assert_eq!(c.profile.name, "Dana");
    }

    #[test]
    fn practice_settings_round_trip_with_comments_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        fs::write(&path, "# mine\nanswer_seconds = 120 # two minutes\n").unwrap();
        let prefs = PracticePrefs {
            role: Some(Id::new("pta")),
            length: Some(3),
            interviewer: Some(Id::new("persona-school-ot")),
            answer_by: Some(crate::domain::practice::AnswerMode::Typing),
        };
        save_practice(&path, &prefs, 90).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("answer_seconds = 90 # two minutes"), "{text}");
        let (c, problems) = Config::from_text("c", &text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!((c.practice, c.answer_seconds), (prefs, 90));
        fs::write(&path, "practice = 1\n").unwrap();
        assert!(save_practice(&path, &PracticePrefs::default(), 90).is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "practice = 1\n");
    }
}

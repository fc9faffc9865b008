//! The `[profile]` table of `config.toml`: read key by key like the rest of the file, and written back
//! one key at a time so the user's comments stay.

use crate::domain::content::Id;
use crate::domain::profile::{Background, MAX_ROLES, MAX_TEXT_CHARS, Profile, Setting};
use crate::storage::sanitize;
use chrono::{NaiveTime, Timelike};
use std::ops::Range;
use toml_edit::{Array, Item, Table, Value};

/// Every key the table may hold.
pub const KEYS: [&str; 7] = [
    "name",
    "roles",
    "interview_time",
    "employer",
    "setting",
    "background",
    "set_up",
];

type Report<'a> = &'a mut dyn FnMut(Option<Range<usize>>, String);

/// Reads the `[profile]` table. Bad values are reported and left at their defaults; the rest stands.
pub(super) fn read(item: &Item, report: Report<'_>) -> Profile {
    let mut p = Profile::default();
    let Some(table) = item.as_table_like() else {
        report(
            item.span(),
            "profile must be a table: write [profile] on its own line, with its keys below it"
                .into(),
        );
        return p;
    };
    for (key, value) in table.iter() {
        let span = value.span();
        let result = match key {
            "name" => text(value, key).map(|v| p.name = v),
            "employer" => text(value, key).map(|v| p.employer = v),
            "roles" => roles(value, report).map(|v| p.roles = v),
            "interview_time" => time(value).map(|v| p.interview_time = v),
            "setting" => named(
                value,
                key,
                Setting::parse,
                &names(Setting::ALL.map(Setting::as_str)),
            )
            .map(|v| p.setting = v),
            "background" => named(
                value,
                key,
                Background::parse,
                &names(Background::ALL.map(Background::as_str)),
            )
            .map(|v| p.background = v),
            "set_up" => match value.as_bool() {
                Some(b) => {
                    p.set_up = b;
                    Ok(())
                }
                None => Err("set_up must be true or false".into()),
            },
            other => Err(format!(
                "unknown profile setting \"{}\" is ignored; the profile keys are {}",
                sanitize::clean_line(other),
                KEYS.join(", ")
            )),
        };
        if let Err(msg) = result {
            report(span, msg);
        }
    }
    p
}

fn names<const N: usize>(all: [&str; N]) -> String {
    all.map(|s| format!("\"{s}\"")).join(", ")
}

fn text(item: &Item, key: &str) -> Result<String, String> {
    match item.as_str() {
        Some(s) => Ok(sanitize::clean_line(s)
            .trim()
            .chars()
            .take(MAX_TEXT_CHARS)
            .collect()),
        None => Err(format!("{key} must be text in quotes")),
    }
}

fn roles(item: &Item, report: Report<'_>) -> Result<Vec<Id>, String> {
    let one = |s: &str| {
        let s = s.trim().to_ascii_lowercase();
        let ok = !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        ok.then(|| Id::new(s))
    };
    let mut out: Vec<Id> = Vec::new();
    let mut keep = |id: Id| {
        if !out.contains(&id) && out.len() < MAX_ROLES {
            out.push(id);
        }
    };
    if let Some(s) = item.as_str() {
        if !s.trim().is_empty() {
            keep(one(s).ok_or_else(|| bad_role(s))?);
        }
        return Ok(out);
    }
    let Some(list) = item.as_array() else {
        return Err("roles must be a list of role ids, like [\"pt-aide\"]".into());
    };
    for v in list.iter() {
        match v.as_str().and_then(one) {
            Some(id) => keep(id),
            None => report(v.span(), bad_role(&v.to_string())),
        }
    }
    Ok(out)
}

fn bad_role(s: &str) -> String {
    format!(
        "\"{}\" is not a role id; use pt-aide, pta, ot-aide or ota (this entry is left out)",
        sanitize::clean_line(s.trim())
    )
}

fn time(item: &Item) -> Result<Option<NaiveTime>, String> {
    const HOW: &str = "write it as \"HH:MM\" on a 24-hour clock, like interview_time = \"10:00\"";
    if let Some(dt) = item.as_datetime() {
        return match (dt.date, dt.time) {
            (None, Some(t)) => NaiveTime::from_hms_opt(
                u32::from(t.hour),
                u32::from(t.minute),
                u32::from(t.second.unwrap_or(0)),
            )
            .map(Some)
            .ok_or_else(|| format!("interview_time is not a real time; {HOW}")),
            _ => Err(format!("interview_time should be a time of day; {HOW}")),
        };
    }
    match item.as_str() {
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => NaiveTime::parse_from_str(s.trim(), "%H:%M")
            .map(Some)
            .map_err(|_| {
                format!(
                    "interview_time \"{}\" is not a time; {HOW}",
                    sanitize::clean_line(s)
                )
            }),
        None => Err(format!("interview_time must be a time; {HOW}")),
    }
}

fn named<T>(
    item: &Item,
    key: &str,
    parse: fn(&str) -> Option<T>,
    names: &str,
) -> Result<Option<T>, String> {
    match item.as_str() {
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => parse(s).map(Some).ok_or_else(|| {
            format!(
                "{key} must be one of {names}, not \"{}\"",
                sanitize::clean_line(s)
            )
        }),
        None => Err(format!("{key} must be one of {names}, in quotes")),
    }
}

/// `interview_time` as written: "HH:MM" on a 24-hour clock, or "" for none.
pub(super) fn time_value(time: Option<NaiveTime>) -> Value {
    Value::from(
        time.map(|t| format!("{:02}:{:02}", t.hour(), t.minute()))
            .unwrap_or_default(),
    )
}

/// Writes `p` into `table`, changing only keys whose value differs, so comments on the others stay.
/// Empty values are written as `""` rather than removed, which would also remove a comment above.
pub(super) fn write(table: &mut Table, p: &Profile) {
    let roles: Array = p.roles.iter().map(|r| r.as_str()).collect();
    let pairs: [(&str, Value); 7] = [
        ("name", Value::from(p.name.as_str())),
        ("roles", Value::Array(roles)),
        ("interview_time", time_value(p.interview_time)),
        ("employer", Value::from(p.employer.as_str())),
        (
            "setting",
            Value::from(p.setting.map_or("", Setting::as_str)),
        ),
        (
            "background",
            Value::from(p.background.map_or("", Background::as_str)),
        ),
        ("set_up", Value::from(p.set_up)),
    ];
    for (key, new) in pairs {
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
}

#[cfg(test)]
mod tests {
    use crate::domain::config::Config;
    use crate::domain::content::Id;
    use crate::domain::profile::{Background, Setting};
    use chrono::NaiveTime;

    #[test]
    fn a_full_profile_reads() {
        let (c, p) = Config::from_text(
            "c",
            "interview_date = 2026-12-13\n[profile]\nname = \"Dana Reyes\"\nroles = [\"pt-aide\"]\n\
             interview_time = \"10:00\"\nemployer = \"Riverside Ortho\"\nsetting = \"outpatient\"\n\
             background = \"cna-caregiver\"\nset_up = true\n",
        );
        assert!(p.is_empty(), "{p:?}");
        let pr = &c.profile;
        assert_eq!(pr.name, "Dana Reyes");
        assert_eq!(pr.roles, [Id::new("pt-aide")]);
        assert_eq!(pr.interview_time, NaiveTime::from_hms_opt(10, 0, 0));
        assert_eq!(pr.employer, "Riverside Ortho");
        assert_eq!(pr.setting, Some(Setting::Outpatient));
        assert_eq!(pr.background, Some(Background::CnaCaregiver));
        assert!(pr.set_up);
    }

    #[test]
    fn bad_values_are_reported_one_by_one_and_the_rest_stand() {
        let (c, p) = Config::from_text(
            "c",
            "[profile]\nname = 5\nroles = [\"pta\", \"Physical Therapist!\", 3]\nsetting = \"moon\"\n\
             interview_time = \"25:00\"\nfavorite = 1\nbackground = \"student\"\n",
        );
        assert_eq!(p.len(), 6, "{p:?}");
        assert_eq!(c.profile.roles, [Id::new("pta")]);
        assert_eq!(c.profile.background, Some(Background::Student));
        assert_eq!(c.profile.setting, None);
        assert!(
            p.iter().all(|x| x.line.is_some()),
            "every problem has a line"
        );
    }

    #[test]
    fn a_profile_that_is_not_a_table_is_one_problem() {
        let (c, p) = Config::from_text("c", "profile = \"pt aide\"\n");
        assert_eq!(p.len(), 1);
        assert_eq!(c.profile, Default::default());
    }

    #[test]
    fn a_local_time_value_is_taken_too() {
        let (c, p) = Config::from_text("c", "[profile]\ninterview_time = 09:30:00\n");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(c.profile.interview_time, NaiveTime::from_hms_opt(9, 30, 0));
    }
}

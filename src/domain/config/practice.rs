//! The `[practice]` table of `config.toml`: the practice round settings last used, so Practice opens
//! as the user left it. The answer target is the top-level `answer_seconds`.

use crate::domain::content::Id;
use crate::storage::sanitize;
use std::ops::{Range, RangeInclusive};
use toml_edit::{Item, Table, Value};

/// Every key the table may hold.
pub const KEYS: [&str; 2] = ["role", "length"];

/// Round lengths accepted, in questions.
pub const LENGTHS: RangeInclusive<u32> = 1..=10;

/// The practice settings last used. `None` means the default: the profile's role, five questions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PracticePrefs {
    /// The role chosen; `Some("any")` means "any role" was chosen on purpose.
    pub role: Option<Id>,
    pub length: Option<u32>,
}

/// What `role` holds when the user chose "any role".
pub const ANY_ROLE: &str = "any";

type Report<'a> = &'a mut dyn FnMut(Option<Range<usize>>, String);

/// Reads the `[practice]` table. Bad values are reported and left at their defaults.
pub(super) fn read(item: &Item, report: Report<'_>) -> PracticePrefs {
    let mut p = PracticePrefs::default();
    let Some(table) = item.as_table_like() else {
        report(
            item.span(),
            "practice must be a table: write [practice] on its own line, with its keys below it"
                .into(),
        );
        return p;
    };
    for (key, value) in table.iter() {
        let result = match key {
            "role" => match value.as_str().map(str::trim) {
                Some("") => Ok(()),
                Some(s)
                    if s.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
                    }) =>
                {
                    p.role = Some(Id::new(s));
                    Ok(())
                }
                Some(s) => Err(format!(
                    "practice role \"{}\" is not a role id; use \"any\" or one of pt-aide, pta, ot-aide, ota",
                    sanitize::clean_line(s)
                )),
                None => Err("practice role must be a role id in quotes, like \"pt-aide\"".into()),
            },
            "length" => match value.as_integer() {
                Some(n)
                    if (i64::from(*LENGTHS.start())..=i64::from(*LENGTHS.end())).contains(&n) =>
                {
                    p.length = Some(n as u32);
                    Ok(())
                }
                _ => Err(format!(
                    "practice length must be a whole number of questions from {} to {}",
                    LENGTHS.start(),
                    LENGTHS.end()
                )),
            },
            other => Err(format!(
                "unknown practice setting \"{}\" is ignored; the practice keys are {}",
                sanitize::clean_line(other),
                KEYS.join(", ")
            )),
        };
        if let Err(msg) = result {
            report(value.span(), msg);
        }
    }
    p
}

/// Writes `p` into `table`, changing only keys whose value differs, so comments on the others stay.
pub(super) fn write(table: &mut Table, p: &PracticePrefs) {
    let mut pairs: Vec<(&str, Value)> = Vec::new();
    if let Some(r) = &p.role {
        pairs.push(("role", Value::from(r.as_str())));
    }
    if let Some(n) = p.length {
        pairs.push(("length", Value::from(i64::from(n))));
    }
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

    #[test]
    fn the_table_reads_and_bad_values_are_reported_by_line() {
        let (c, p) = Config::from_text("c", "[practice]\nrole = \"pta\"\nlength = 7\n");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(c.practice.role, Some(Id::new("pta")));
        assert_eq!(c.practice.length, Some(7));
        let (c, p) = Config::from_text(
            "c",
            "[practice]\nrole = \"Any Role!\"\nlength = 40\ncolour = 1\n",
        );
        assert_eq!(p.len(), 3, "{p:?}");
        assert_eq!(
            p.iter().map(|x| x.line).collect::<Vec<_>>(),
            [Some(2), Some(3), Some(4)]
        );
        assert_eq!(c.practice, Default::default());
        let (_, p) = Config::from_text("c", "practice = 3\n");
        assert_eq!(p.len(), 1);
    }
}

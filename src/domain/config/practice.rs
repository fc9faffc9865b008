//! The `[practice]` table of `config.toml`: the practice round settings last used, so Practice opens
//! as the user left it. The answer target is the top-level `answer_seconds`.

use crate::domain::content::Id;
use crate::domain::practice::AnswerMode;
use crate::storage::sanitize;
use std::ops::{Range, RangeInclusive};
use toml_edit::{Item, Table, Value};

/// Every key the table may hold.
pub const KEYS: [&str; 4] = ["role", "length", "interviewer", "answer_by"];

/// Round lengths accepted, in questions; the top one is a full mock interview
/// (`practice::plan::FULL_LENGTH`).
pub const LENGTHS: RangeInclusive<u32> = 1..=12;

/// The practice settings last used. `None` means the default: the profile's role, the interviewer
/// for the profile's setting, five questions, spoken answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PracticePrefs {
    /// The role chosen; `Some("any")` means "any role" was chosen on purpose.
    pub role: Option<Id>,
    pub length: Option<u32>,
    /// The interviewer (a persona id) chosen.
    pub interviewer: Option<Id>,
    /// Spoken or typed answers.
    pub answer_by: Option<AnswerMode>,
}

/// Whether `s` looks like a content id (lower-case letters, digits, `-` and `_`).
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// How `answer_by` is written in the file.
fn answer_by_word(mode: AnswerMode) -> &'static str {
    match mode {
        AnswerMode::Speaking => "speaking",
        AnswerMode::Typing => "typing",
    }
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
                Some(s) if is_id(s) => {
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
            "interviewer" => match value.as_str().map(str::trim) {
                Some("") => Ok(()),
                Some(s) if is_id(s) => {
                    p.interviewer = Some(Id::new(s));
                    Ok(())
                }
                _ => Err("practice interviewer must be an interviewer id in quotes, like \"persona-outpatient-manager\"".into()),
            },
            "answer_by" => match value.as_str().map(str::trim) {
                Some("speaking") => {
                    p.answer_by = Some(AnswerMode::Speaking);
                    Ok(())
                }
                Some("typing") => {
                    p.answer_by = Some(AnswerMode::Typing);
                    Ok(())
                }
                _ => Err("practice answer_by must be \"speaking\" or \"typing\"".into()),
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
    if let Some(i) = &p.interviewer {
        pairs.push(("interviewer", Value::from(i.as_str())));
    }
    if let Some(m) = p.answer_by {
        pairs.push(("answer_by", Value::from(answer_by_word(m))));
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
        let (c, p) = Config::from_text(
            "c",
            "[practice]\nrole = \"pta\"\nlength = 7\ninterviewer = \"persona-school-ot\"\nanswer_by = \"typing\"\n",
        );
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(c.practice.role, Some(Id::new("pta")));
        assert_eq!(c.practice.length, Some(7));
        assert_eq!(c.practice.interviewer, Some(Id::new("persona-school-ot")));
        assert_eq!(
            c.practice.answer_by,
            Some(crate::domain::practice::AnswerMode::Typing)
        );
        let (c, p) = Config::from_text("c", "[practice]\nanswer_by = \"shouting\"\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(c.practice.answer_by, None);
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

//! Reads `config.toml` key by key, so one bad value costs only that setting and every problem has a line.

use super::{Config, ThemeName, limits};
use crate::domain::content::Problem;
use crate::storage::sanitize;
use chrono::NaiveDate;
use std::fs;
use std::ops::{Range, RangeInclusive};
use std::path::Path;
use toml_edit::{Document, Item};

/// A config file bigger than this is not a config file; refusing it keeps start-up quick.
pub(super) const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Every key the file may hold, in the order the README lists them.
pub const KEYS: [&str; 10] = [
    "interview_date",
    "answer_seconds",
    "words_per_minute",
    "desired_retention",
    "daily_new_limit",
    "maximum_interval_days",
    "theme",
    "certifications",
    "profile",
    "practice",
];

/// The settings, the problems found, and whether the file's settings are known: false when the
/// file is there but could not be read as TOML at all.
pub(super) fn load(path: &Path) -> (Config, Vec<Problem>, bool) {
    let shown = path.display().to_string();
    let fail = |msg: String| {
        (
            Config::default(),
            vec![Problem::new(
                &shown,
                format!("{msg}; every setting uses its default"),
            )],
            false,
        )
    };
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return (Config::default(), vec![], true);
        }
        Err(e) => return fail(format!("could not read the config file: {e}")),
    };
    if meta.is_dir() {
        return fail("this is a folder, not a config file".into());
    }
    if meta.len() > MAX_CONFIG_BYTES {
        return fail(format!(
            "the config file is {} KiB, far more than settings need (limit 1 MiB)",
            meta.len() >> 10
        ));
    }
    // A regular file only (a pipe or device is refused, never waited on), never past the limit.
    let bytes = match crate::storage::safe::read_regular(path, MAX_CONFIG_BYTES) {
        Ok(b) => b,
        Err(e) => return fail(format!("could not read the config file: {e}")),
    };
    match String::from_utf8(bytes) {
        Ok(text) => {
            let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
            read_text(&shown, text)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let mut p = Problem::at_offset(
                &shown,
                &text,
                at,
                "the config file is not UTF-8 text; save it as UTF-8",
            );
            p.message.push_str("; every setting uses its default");
            (Config::default(), vec![p], false)
        }
    }
}

pub(super) fn from_text(shown: &str, text: &str) -> (Config, Vec<Problem>) {
    let (config, problems, _) = read_text(shown, text);
    (config, problems)
}

/// [`from_text`], and whether the text is TOML at all (else no setting of it is known).
fn read_text(shown: &str, text: &str) -> (Config, Vec<Problem>, bool) {
    let mut cfg = Config::default();
    let doc = match Document::parse(text) {
        Ok(d) => d,
        Err(e) => {
            let msg = format!(
                "this is not valid TOML ({}); every setting uses its default until it is fixed",
                e.message().trim()
            );
            let p = match e.span() {
                Some(s) => Problem::at_offset(shown, text, s.start, msg),
                None => Problem::new(shown, msg),
            };
            return (cfg, vec![p], false);
        }
    };
    let mut problems = Vec::new();
    let root = doc.as_table();
    for (key, item) in root.iter() {
        let key_span = root.key(key).and_then(|k| k.span());
        let at = |span: Option<Range<usize>>, msg: String| match span.or(key_span.clone()) {
            Some(s) => Problem::at_offset(shown, text, s.start, msg),
            None => Problem::new(shown, msg),
        };
        let d = Config::default();
        let result = match key {
            "interview_date" => date(item).map(|v| cfg.interview_date = v),
            "answer_seconds" => whole(item, key, limits::ANSWER_SECONDS, d.answer_seconds)
                .map(|v| cfg.answer_seconds = v),
            "words_per_minute" => whole(item, key, limits::WORDS_PER_MINUTE, d.words_per_minute)
                .map(|v| cfg.words_per_minute = v),
            "desired_retention" => {
                retention(item, d.desired_retention).map(|v| cfg.desired_retention = v)
            }
            "daily_new_limit" => whole(item, key, limits::DAILY_NEW_LIMIT, d.daily_new_limit)
                .map(|v| cfg.daily_new_limit = v),
            "maximum_interval_days" => whole(
                item,
                key,
                limits::MAXIMUM_INTERVAL_DAYS,
                d.maximum_interval_days,
            )
            .map(|v| cfg.maximum_interval_days = v),
            "theme" => theme(item).map(|v| cfg.theme = v),
            "certifications" => {
                cfg.certifications = certifications(item, &mut |span, msg| {
                    problems.push(at(span, msg));
                });
                Ok(())
            }
            "profile" => {
                cfg.profile = super::profile::read(item, &mut |span, msg| {
                    problems.push(at(span, msg));
                });
                Ok(())
            }
            "practice" => {
                cfg.practice = super::practice::read(item, &mut |span, msg| {
                    problems.push(at(span, msg));
                });
                Ok(())
            }
            other => {
                problems.push(at(key_span.clone(), unknown_key(other)));
                Ok(())
            }
        };
        if let Err(msg) = result {
            problems.push(at(item.span(), msg));
        }
    }
    (cfg, problems, true)
}

fn unknown_key(key: &str) -> String {
    let key = sanitize::clean_line(key);
    let near = KEYS
        .iter()
        .map(|k| (strsim::levenshtein(&key.to_ascii_lowercase(), k), *k))
        .min()
        .filter(|(d, _)| *d <= 3);
    match near {
        Some((_, k)) => format!("unknown setting \"{key}\" is ignored; did you mean \"{k}\"?"),
        None => format!(
            "unknown setting \"{key}\" is ignored; the settings are {}",
            KEYS.join(", ")
        ),
    }
}

fn found(item: &Item) -> String {
    match item.as_value() {
        Some(v) => format!(
            "{} {}",
            v.type_name(),
            sanitize::clean_line(&v.to_string()).trim()
        ),
        None => item.type_name().to_string(),
    }
}

fn whole(item: &Item, key: &str, range: RangeInclusive<u32>, default: u32) -> Result<u32, String> {
    let (lo, hi) = (*range.start(), *range.end());
    match item.as_integer() {
        Some(n) if (i64::from(lo)..=i64::from(hi)).contains(&n) => Ok(n as u32),
        Some(n) => Err(format!(
            "{key} must be between {lo} and {hi}, not {n}; using the default, {default}"
        )),
        None => Err(format!(
            "{key} must be a whole number such as {default}, not {}; using the default",
            found(item)
        )),
    }
}

fn retention(item: &Item, default: f64) -> Result<f64, String> {
    let r = limits::DESIRED_RETENTION;
    let n = item
        .as_float()
        .or_else(|| item.as_integer().map(|i| i as f64));
    match n {
        Some(x) if r.contains(&x) => Ok(x),
        Some(x) => Err(format!(
            "desired_retention must be between {:.2} and {:.2} (the chance of remembering a card when \
             it comes due), not {x}; using the default, {default}",
            r.start(),
            r.end()
        )),
        None => Err(format!(
            "desired_retention must be a number such as {default}, not {}; using the default",
            found(item)
        )),
    }
}

fn date(item: &Item) -> Result<Option<NaiveDate>, String> {
    const HOW: &str = "write it as YYYY-MM-DD, like interview_date = 2026-12-01";
    if let Some(dt) = item.as_datetime() {
        return match (dt.date, dt.time) {
            (Some(d), None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                    .map(Some)
                    .ok_or_else(|| format!("interview_date {dt} is not a real date; {HOW}"))
            }
            _ => Err(format!(
                "interview_date should be a day without a time; {HOW}"
            )),
        };
    }
    match item.as_str() {
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                format!(
                    "interview_date \"{}\" is not a date; {HOW}",
                    sanitize::clean_line(s)
                )
            }),
        None => Err(format!(
            "interview_date must be a date, not {}; {HOW}",
            found(item)
        )),
    }
}

fn theme(item: &Item) -> Result<ThemeName, String> {
    let names = "\"dark\", \"light\" or \"high-contrast\"";
    match item.as_str() {
        Some(s) => ThemeName::parse(s).ok_or_else(|| {
            format!(
                "theme must be {names}, not \"{}\"; using \"dark\"",
                sanitize::clean_line(s)
            )
        }),
        None => Err(format!(
            "theme must be one of {names} in quotes, not {}; using \"dark\"",
            found(item)
        )),
    }
}

/// A list of text; a single text is taken as a list of one. Bad entries are reported and left out.
fn certifications(
    item: &Item,
    report: &mut dyn FnMut(Option<Range<usize>>, String),
) -> Vec<String> {
    let mut out = Vec::new();
    let mut keep = |s: &str| {
        let s = sanitize::clean_line(s).trim().to_string();
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(s) = item.as_str() {
        keep(s);
    } else if let Some(list) = item.as_array() {
        for v in list.iter() {
            match v.as_str() {
                Some(s) => keep(s),
                None => report(
                    v.span(),
                    format!(
                        "each certification must be text in quotes, like \"CPR/BLS\"; \
                         this {} is left out",
                        v.type_name()
                    ),
                ),
            }
        }
    } else {
        report(
            item.span(),
            format!(
                "certifications must be a list of text, like [\"CPR/BLS\", \"First aid\"], not {}",
                found(item)
            ),
        );
    }
    if out.len() > limits::MAX_CERTIFICATIONS {
        report(
            item.span(),
            format!(
                "only the first {} certifications are used",
                limits::MAX_CERTIFICATIONS
            ),
        );
        out.truncate(limits::MAX_CERTIFICATIONS);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_unknown_only_when_the_file_cannot_be_read_as_toml() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let known = |bytes: &[u8]| {
            fs::write(&path, bytes).unwrap();
            let (_, problems, known) = load(&path);
            (known, problems.len())
        };
        assert!(load(&path).2, "a missing file is the defaults, known");
        assert_eq!(known(b"theme = \"light\"\n"), (true, 0));
        assert_eq!(
            known(b"interview_date = \"soon\"\n"),
            (true, 1),
            "one bad value"
        );
        assert_eq!(
            known(b"[profile]\nroles = [\"pta\"\nname = \"M\"\n"),
            (false, 1)
        );
        assert_eq!(known(b"theme = \"l\xffght\"\n"), (false, 1), "not UTF-8");
        fs::remove_file(&path).unwrap();
        fs::create_dir(&path).unwrap();
        assert!(!load(&path).2, "a folder where the file should be");
    }

    #[test]
    fn misspelt_key_gets_a_suggestion_and_a_stranger_gets_the_list() {
        assert!(unknown_key("thme").contains("did you mean \"theme\""));
        // Three edits away is still a suggestion; case is ignored.
        assert!(unknown_key("Answer_Secs").contains("did you mean \"answer_seconds\""));
        assert!(unknown_key("colour_scheme").contains("the settings are interview_date"));
    }

    #[test]
    fn interview_date_accepts_toml_dates_and_text() {
        let (c, p) = from_text("c", "interview_date = 2026-12-01");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(c.interview_date, NaiveDate::from_ymd_opt(2026, 12, 1));
        let (c, p) = from_text("c", "interview_date = \"2026-12-02\"");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(c.interview_date, NaiveDate::from_ymd_opt(2026, 12, 2));
        let (c, p) = from_text("c", "interview_date = \"\"");
        assert!(p.is_empty() && c.interview_date.is_none());
        let (c, p) = from_text("c", "interview_date = 2026-12-01T09:00:00");
        assert_eq!(p.len(), 1);
        assert!(c.interview_date.is_none());
    }

    #[test]
    fn one_bad_value_keeps_the_others() {
        let (c, p) = from_text("c", "answer_seconds = 5\nwords_per_minute = 150\n");
        assert_eq!(c.answer_seconds, 120);
        assert_eq!(c.words_per_minute, 150);
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].line, p[0].column), (Some(1), Some(18)));
    }

    #[test]
    fn certifications_take_one_text_or_a_list_and_drop_bad_entries() {
        let (c, p) = from_text("c", "certifications = \"CPR\"");
        assert!(p.is_empty());
        assert_eq!(c.certifications, ["CPR"]);
        let (c, p) = from_text(
            "c",
            "certifications = [\"CPR\", 3, \" \", \"CPR\", \"BLS\"]",
        );
        assert_eq!(c.certifications, ["CPR", "BLS"]);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].column, Some(26));
    }
}

//! `clinicprep status`: progress in one line or JSON, read without locking the data folder.

use super::status_stories::Stories;
use super::{prep_status, status_cards};
use crate::domain::config::Config;
use crate::domain::content::Library;
use crate::domain::plan::Focus;
use crate::domain::schedule::DayZone;
use crate::storage::paths::Paths;
use chrono::{DateTime, Utc};
use serde_json::json;
use std::io::Write;

/// Progress in one line (for a shell prompt), or JSON with at least `due`, `new`, `reviewed_today`, `stories` and
/// `streak`, plus the interview being prepared for (see [`prep_status::PrepStatus::json`]). Reads the
/// review history without locking or repairing it, so it is safe in a shell prompt while the app is
/// open. `due` counts every card of "My interview" waiting now (learning steps included); `new` is
/// how many new cards are left to start today, paced to the interview date.
pub fn status_cmd(
    paths: &Paths,
    json: bool,
    now: DateTime<Utc>,
    out: &mut impl Write,
) -> std::io::Result<u8> {
    status_run(paths, json, now, out).map(|(code, _)| code)
}

/// What `status` loaded, handed back so that the command line can exit without freeing it.
pub struct StatusLoaded {
    _held: Option<status_cards::Study>,
}

/// [`status_cmd`], returning what it loaded as well as the exit code. It reads only what the counts
/// need: the story cache's index (not the stories), the sorted card ids from the cache and the
/// built-in content when the user's files add only cards (see [`prep_status::Content`]), the review
/// history, and the stories' part of the plan from the cache while no story changed.
pub fn status_run(
    paths: &Paths,
    json: bool,
    now: DateTime<Utc>,
    out: &mut impl Write,
) -> std::io::Result<(u8, StatusLoaded)> {
    status_run_at(paths, json, now, std::time::SystemTime::now(), out)
}

/// [`status_run`], with the moment the files are read: a file changed less than two seconds before
/// it is not trusted by its stamp alone (see [`status_cards`]). Tests pass a later moment to
/// read what an earlier run kept.
pub fn status_run_at(
    paths: &Paths,
    json: bool,
    now: DateTime<Utc>,
    read_at: std::time::SystemTime,
    out: &mut impl Write,
) -> std::io::Result<(u8, StatusLoaded)> {
    crate::domain::content::library::keep_builtin_in(&paths.data_dir);
    let zone = DayZone::Local;
    let (config, _) = Config::load(&paths.config_file);
    // The stories are counted, and their part of the plan worked out, on a second core while the
    // content and the review history load on this one; the two share no file.
    let (mut seen, study) = std::thread::scope(|s| {
        let stories = s.spawn(|| Stories::survey(paths));
        let focus = |lib: &Library| Focus::new(&config.profile, lib);
        let study = status_cards::Study::load(paths, focus, zone, read_at);
        let stories = stories.join().unwrap_or_else(|_| Stories::lost(paths));
        (stories, study)
    });
    let study = match study {
        Ok(study) => study,
        Err(e) => {
            eprintln!("clinicprep: could not read your review history: {e}");
            return Ok((1, StatusLoaded { _held: None }));
        }
    };
    let (stories, unreadable) = (seen.good, std::mem::take(&mut seen.problems));
    let today = zone.date_of(now);
    let prep = prep_status::gather(paths, &study, &config, seen, (zone, now));
    let ledger = study.ledger();
    let due = prep.deck.due;
    let new = prep.plan.cards.new;
    let reviewed = ledger.reviewed_on(today);
    let streak = ledger.streak(today);
    if json {
        let mut v = json!({
            "due": due,
            "new": new,
            "reviewed_today": reviewed,
            "stories": stories,
            "unreadable_stories": unreadable.len(),
            "streak": streak,
        });
        if let Some(map) = v.as_object_mut() {
            for (k, value) in prep.json() {
                map.insert(k.to_string(), value);
            }
        }
        writeln!(out, "{v}")?;
    } else {
        let s = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        writeln!(
            out,
            "{due} due · {new} new today · {reviewed} reviewed today · streak {} · {}{}",
            s(streak as usize, "day"),
            if stories == 1 {
                "1 story".to_string()
            } else {
                format!("{stories} stories")
            },
            prep.short().map_or(String::new(), |p| format!(" · {p}"))
        )?;
        if let n @ 1.. = unreadable.len() {
            writeln!(
                out,
                "{n} story {} could not be read: run `clinicprep check` to see why",
                if n == 1 { "file" } else { "files" }
            )?;
        }
    }
    Ok((0, StatusLoaded { _held: Some(study) }))
}

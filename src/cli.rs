//! The command line: the TUI by default, plus `paths`, `status` and `check`.

use crate::app::{App, Theme};
use crate::content::Library;
use crate::paths::Paths;
use crate::schedule::{self, DayZone, Settings};
use crate::storage;
use crate::study::{Catalogue, Deck, Filter};
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// A study coach for physical and occupational therapy aide and assistant job interviews.
#[derive(Debug, Parser)]
#[command(name = "clinicprep", version, about, long_about = None)]
pub struct Cli {
    /// Folder for your data (stories, review history). Default: the platform data folder.
    #[arg(long, env = "CLINICPREP_DATA_DIR", global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Config file to use. Default: config.toml in the platform config folder.
    #[arg(long, env = "CLINICPREP_CONFIG", global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the data folder and config file in use.
    Paths,
    /// One line about your progress (or JSON with --json).
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Check content and data files; exits 1 and names each problem if anything is wrong.
    Check {
        #[arg(long)]
        json: bool,
    },
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let paths = match Paths::resolve(cli.data_dir.clone(), cli.config.clone()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("clinicprep: {e}");
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout().lock();
    let code = match cli.command {
        None => return run_tui(paths),
        Some(Command::Paths) => paths_cmd(&paths, &mut out),
        Some(Command::Status { json }) => status_cmd(&paths, json, chrono::Utc::now(), &mut out),
        Some(Command::Check { json }) => check_cmd(&paths, json, &mut out),
    };
    match code {
        Ok(c) => ExitCode::from(c),
        Err(e) => {
            eprintln!("clinicprep: could not write output: {e}");
            ExitCode::from(2)
        }
    }
}

fn run_tui(paths: Paths) -> ExitCode {
    if let Err(e) = storage::ensure_private_dir(&paths.data_dir) {
        eprintln!("clinicprep: {e}\nChoose another folder with --data-dir DIR.");
        return ExitCode::from(2);
    }
    let stop = match crate::tui::register_signals() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("clinicprep: could not set up signal handling: {e}");
            return ExitCode::from(2);
        }
    };
    let mut app = App::new(paths, chrono::Utc::now(), Theme::from_env());
    let result = crate::tui::Session::start()
        .and_then(|mut s| crate::tui::run(&mut app, &mut s.terminal, &stop));
    // The session is dropped (terminal restored) before anything is printed.
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("clinicprep: the terminal failed: {e}");
            ExitCode::from(1)
        }
    }
}

pub fn paths_cmd(paths: &Paths, out: &mut impl Write) -> std::io::Result<u8> {
    writeln!(out, "data dir:    {}", paths.data_dir.display())?;
    writeln!(out, "config file: {}", paths.config_file.display())?;
    Ok(0)
}

fn count_stories(paths: &Paths) -> usize {
    std::fs::read_dir(paths.stories_dir())
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
                .count()
        })
        .unwrap_or(0)
}

/// Progress in one line, or JSON with at least `due`, `new`, `reviewed_today`, `stories` and `streak`.
/// Reads the review history without locking or repairing it, so it is safe in a shell prompt while the
/// app is open. `due` counts every card waiting now (learning steps included); `new` is what is left
/// of today's new-card allowance.
pub fn status_cmd(
    paths: &Paths,
    json: bool,
    now: DateTime<Utc>,
    out: &mut impl Write,
) -> std::io::Result<u8> {
    let stories = count_stories(paths);
    let lib = Library::load(Some(&paths.user_content_dir()));
    let ids = Catalogue::from_library(&lib).select(&Deck::All, &Filter::default());
    let zone = DayZone::Local;
    let (ledger, _) = match schedule::peek(&paths.data_dir, zone) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("clinicprep: could not read your review history: {e}");
            return Ok(1);
        }
    };
    let today = zone.date_of(now);
    let c = schedule::counts(&ids, &ledger, &Settings::default(), today, now);
    let due = c.learning + c.due;
    let reviewed = ledger.reviewed_on(today);
    let streak = ledger.streak(today);
    if json {
        let v = json!({
            "due": due,
            "new": c.new,
            "reviewed_today": reviewed,
            "stories": stories,
            "streak": streak,
        });
        writeln!(out, "{v}")?;
    } else {
        let s = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        writeln!(
            out,
            "{due} due · {} new · {reviewed} reviewed today · streak {} · {}",
            c.new,
            s(streak as usize, "day"),
            if stories == 1 {
                "1 story".to_string()
            } else {
                format!("{stories} stories")
            }
        )?;
    }
    Ok(0)
}

/// Checks content files and the review history; exits 1 when anything needs the user's attention.
/// Reviews of cards that are no longer in the content (orphans) are listed but are not a failure:
/// their history is kept, and restoring the card restores its schedule.
pub fn check_cmd(paths: &Paths, json: bool, out: &mut impl Write) -> std::io::Result<u8> {
    let lib = Library::load(Some(&paths.user_content_dir()));
    let (history, mut review_problems) = match schedule::peek(&paths.data_dir, DayZone::Local) {
        Ok((ledger, notices)) => (
            Some(ledger),
            notices
                .iter()
                .map(|n| format!("{n} {}", n.advice()))
                .collect::<Vec<_>>(),
        ),
        Err(e) => (None, vec![format!("could not read: {e}. {}", e.advice())]),
    };
    review_problems
        .iter_mut()
        .for_each(|p| p.insert_str(0, "review history: "));
    let known = Catalogue::from_library(&lib).ids();
    let orphans: Vec<String> = history
        .as_ref()
        .map(|l| l.orphans(&known).iter().map(|id| id.to_string()).collect())
        .unwrap_or_default();
    let reviewed_cards = history.as_ref().map_or(0, |l| l.cards().len());
    let ok = lib.problems.is_empty() && review_problems.is_empty();
    if json {
        let v = json!({
            "ok": ok,
            "content": {
                "roles": lib.roles.len(),
                "questions": lib.questions.len(),
                "facts": lib.facts.len(),
                "asks": lib.asks.len(),
                "checklist": lib.steps.len(),
                "cards": lib.questions.len() + lib.facts.len() + lib.cards.len(),
            },
            "problems": lib.problems,
            "reviews": {
                "cards": reviewed_cards,
                "orphans": orphans,
                "problems": review_problems,
            },
        });
        writeln!(out, "{v}")?;
    } else {
        writeln!(
            out,
            "content: {} roles, {} questions, {} facts, {} questions to ask, {} checklist steps, {} user cards",
            lib.roles.len(),
            lib.questions.len(),
            lib.facts.len(),
            lib.asks.len(),
            lib.steps.len(),
            lib.cards.len()
        )?;
        for p in &lib.problems {
            writeln!(out, "problem: {p}")?;
        }
        writeln!(out, "reviews: {reviewed_cards} cards have review history")?;
        for p in &review_problems {
            writeln!(out, "problem: {p}")?;
        }
        if !orphans.is_empty() {
            writeln!(
                out,
                "note: {} card(s) have reviews but are no longer in your content; their history is kept \
                 and comes back if the card does: {}",
                orphans.len(),
                orphans.join(", ")
            )?;
        }
        writeln!(out, "{}", if ok { "ok" } else { "problems found" })?;
    }
    Ok(if ok { 0 } else { 1 })
}

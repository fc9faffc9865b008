//! The command line: the TUI by default, plus `paths`, `status`, `check` and `restore`.

use crate::app::{Access, App, Theme};
use crate::backup;
use crate::content::Library;
use crate::lock::{Acquired, DataLock};
use crate::paths::Paths;
use crate::sanitize;
use crate::storage;
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
    /// List backups of your data (newest first), or restore one by its ID. Your data as it is now is
    /// backed up first, so a restore can be undone.
    Restore {
        /// The backup to restore, as listed. Without it, the backups are listed.
        id: Option<String>,
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
        Some(Command::Status { json }) => status_cmd(&paths, json, &mut out),
        Some(Command::Check { json }) => check_cmd(&paths, json, &mut out),
        Some(Command::Restore { id: None }) => list_backups_cmd(&paths, &mut out),
        Some(Command::Restore { id: Some(id) }) => restore_cmd(&paths, &id, &mut out),
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
    crate::crash::set_data_dir(&paths.data_dir);
    // Held until this function returns: the whole session.
    let (_lock, access) = match DataLock::acquire(&paths.data_dir) {
        Ok(Acquired::Writer(lock)) => (Some(lock), Access::Writer),
        Ok(Acquired::ReadOnly(holder)) => (None, Access::ReadOnly(holder)),
        Err(e) => (None, Access::Unlocked(e.to_string())),
    };
    let mut app = App::new(paths, chrono::Utc::now(), Theme::from_env());
    app.open_data(access);
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

/// `clinicprep restore`: the backups, newest first, with the command to restore one.
pub fn list_backups_cmd(paths: &Paths, out: &mut impl Write) -> std::io::Result<u8> {
    let folder = paths.data_dir.join(backup::BACKUP_DIR);
    let backups = match backup::list(&paths.data_dir) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("clinicprep: {e}");
            return Ok(1);
        }
    };
    if backups.is_empty() {
        writeln!(
            out,
            "No backups yet in {}.\nclinicprep makes one when your data has changed, at most every 30 minutes.",
            folder.display()
        )?;
        return Ok(0);
    }
    writeln!(out, "Backups in {} (newest first):\n", folder.display())?;
    writeln!(out, "{:<24}  {:<16}  {:>5}  reason", "ID", "time", "files")?;
    for b in &backups {
        let local = b.time.with_timezone(&chrono::Local);
        writeln!(
            out,
            "{:<24}  {:<16}  {:>5}  {}",
            b.id,
            local.format("%Y-%m-%d %H:%M"),
            b.files,
            sanitize::clean_line(&b.reason)
        )?;
    }
    writeln!(
        out,
        "\nRestore one with: clinicprep restore ID   (your current data is backed up first)"
    )?;
    Ok(0)
}

/// `clinicprep restore ID`: refuses while another instance has the folder open.
pub fn restore_cmd(paths: &Paths, id: &str, out: &mut impl Write) -> std::io::Result<u8> {
    let lock = match DataLock::acquire(&paths.data_dir) {
        Ok(Acquired::Writer(lock)) => lock,
        Ok(Acquired::ReadOnly(holder)) => {
            let who = holder
                .pid
                .map_or(String::new(), |p| format!(" (process {p})"));
            eprintln!(
                "clinicprep: Another clinicprep{who} is open on this data folder ({}). Nothing was \
                 restored; close it, then run `clinicprep restore {id}` again.",
                paths.data_dir.display()
            );
            return Ok(1);
        }
        Err(e) => {
            eprintln!("clinicprep: {e}; {}", e.hint());
            return Ok(1);
        }
    };
    match backup::restore(&lock, id, chrono::Utc::now()) {
        Ok(r) => {
            writeln!(
                out,
                "Restored backup {} ({} files; {} newer files removed).\n\
                 Your data as it was just before is in backup {}: run `clinicprep restore {}` to go back.",
                r.id, r.restored, r.removed, r.safety.id, r.safety.id
            )?;
            Ok(0)
        }
        Err(e) => {
            eprintln!("clinicprep: {e}");
            Ok(1)
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

pub fn status_cmd(paths: &Paths, json: bool, out: &mut impl Write) -> std::io::Result<u8> {
    let stories = count_stories(paths);
    if json {
        writeln!(out, "{}", json!({ "stories": stories }))?;
    } else {
        writeln!(out, "{stories} stories")?;
    }
    Ok(0)
}

pub fn check_cmd(paths: &Paths, json: bool, out: &mut impl Write) -> std::io::Result<u8> {
    let lib = Library::load(Some(&paths.user_content_dir()));
    let ok = lib.problems.is_empty();
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
        // Paths and messages quote file names and contents: untrusted, so cleaned like everything else.
        for p in &lib.problems {
            writeln!(out, "problem: {}", sanitize::clean_line(&p.to_string()))?;
        }
        writeln!(out, "{}", if ok { "ok" } else { "problems found" })?;
    }
    Ok(if ok { 0 } else { 1 })
}

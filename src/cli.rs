//! The command line: the TUI by default, plus `paths`, `status`, `check`, `fit`, `import`,
//! `export`, `restore` and `completions`. Commands with more than a few lines live in their own modules under
//! `cli/`.

mod check;
pub mod completions;
pub mod export_deck;
pub mod export_sheet;
mod export_stories;
pub mod fit;
pub mod import;
pub mod prep_status;
pub mod restore;
mod status;
pub mod status_cards;
pub mod status_stories;
mod tui_session;

pub use check::check_cmd;
pub use export_stories::export_stories_cmd;
pub use status::{StatusLoaded, status_cmd, status_run, status_run_at};

use crate::domain::content::Problem;
use crate::domain::stories::StoryStore;
use crate::storage::paths::Paths;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use tui_session::run_tui;

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
    /// Check content, data and config files; exits 1 and names each problem if anything is wrong.
    Check {
        #[arg(long)]
        json: bool,
    },
    /// Write your data out to print or keep, e.g. `clinicprep export stories -o stories.md`.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Add cards from an Anki text export or a CSV/TSV file (front, back, tags) to your decks.
    Import(import::ImportArgs),
    /// Which job fits you? Answer a few questions and compare the four roles, with sources.
    Fit(fit::FitArgs),
    /// Print a tab-completion script for your shell (see the README for where to put it).
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::aot::Shell,
    },
    /// List backups of your data (newest first), or restore one by its ID. Your data as it is now is
    /// backed up first, so a restore can be undone.
    Restore {
        /// The backup to restore, as listed. Without it, the backups are listed.
        id: Option<String>,
    },
}

/// What `clinicprep export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Your STAR stories as a one-page Markdown summary to bring to the interview.
    Stories {
        /// Write to FILE instead of printing (`-` prints). An existing FILE is replaced whole
        /// (the output says so), never left half-written.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// `markdown` for the one-page summary, `full` for every word in Markdown (to read, print or
        /// keep), `json` for everything, for other tools.
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
    },
    /// Every card (interview questions, role facts, your own decks) as an Anki import file.
    Deck(export_deck::DeckArgs),
    /// Your one-page interview sheet to print and bring: name, job and date, your introduction, a cue
    /// line per story, questions to ask, certifications and facts of your role. Written to sheet.html
    /// in your data folder unless you give -o FILE; open it in a browser to print.
    Sheet(export_sheet::SheetArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Full,
    Json,
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
        Some(Command::Status { json }) => {
            let now = crate::storage::clock::now();
            match status_run(&paths, json, now, &mut out).and_then(|r| out.flush().map(|()| r)) {
                // Everything is written: leave without freeing what was loaded (at 100,000 cards
                // that alone took 50 ms); the OS takes it back whole. No file or lock is open.
                Ok((code, loaded)) => {
                    std::mem::forget(loaded);
                    std::process::exit(i32::from(code))
                }
                Err(e) => Err(e),
            }
        }
        Some(Command::Check { json }) => check_cmd(&paths, json, &mut out),
        Some(Command::Export {
            what: ExportCommand::Stories { output, format },
        }) => export_stories_cmd(
            &paths,
            output.as_deref().filter(|p| !prints(p)),
            format,
            &mut out,
            &mut std::io::stderr().lock(),
        ),
        Some(Command::Import(args)) => import::run(&paths, &args, &mut out),
        Some(Command::Export {
            what: ExportCommand::Deck(args),
        }) => export_deck::run(&paths, &args, &mut out, &mut std::io::stderr().lock()),
        Some(Command::Fit(args)) => {
            use std::io::IsTerminal;
            let stdin = std::io::stdin();
            let interactive = stdin.is_terminal();
            fit::run(&paths, &args, &mut stdin.lock(), &mut out, interactive)
        }
        Some(Command::Export {
            what: ExportCommand::Sheet(args),
        }) => export_sheet::run(&paths, &args, &mut out, &mut std::io::stderr().lock()),
        Some(Command::Completions { shell }) => completions::run(shell, &mut out),
        Some(Command::Restore { id: None }) => restore::list_backups_cmd(&paths, &mut out),
        Some(Command::Restore { id: Some(id) }) => restore::restore_cmd(&paths, &id, &mut out),
    };
    match code {
        Ok(c) => ExitCode::from(c),
        // The reader went away (`clinicprep export deck | head`): stop quietly, as Unix tools do.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("clinicprep: could not write output: {e}");
            ExitCode::from(2)
        }
    }
}

pub fn paths_cmd(paths: &Paths, out: &mut impl Write) -> std::io::Result<u8> {
    writeln!(out, "data dir:    {}", paths.data_dir.display())?;
    writeln!(out, "config file: {}", paths.config_file.display())?;
    Ok(0)
}

/// Stories that load, and problems with the story files that do not. Never fails: a folder that
/// cannot be listed is itself a problem.
fn load_story_counts(paths: &Paths) -> (usize, Vec<Problem>, Option<u64>) {
    match StoryStore::count(&paths.data_dir) {
        Ok(c) => (
            c.good,
            c.bad.iter().map(Problem::from).collect(),
            Some(c.fingerprint),
        ),
        Err(e) => (0, vec![storage_problem(&e)], None),
    }
}

/// A failure to read something of the user's, as a problem to list: the path and what failed.
fn storage_problem(e: &crate::storage::StorageError) -> Problem {
    Problem::new(
        e.path.display().to_string(),
        format!("could not {}: {}", e.doing, e.source),
    )
}

/// Writes an export to `path` (`-o FILE`) atomically. On success, what to say after "Wrote … to
/// FILE": that it replaced a file there before (`-o` replaces it whole), or nothing. On failure,
/// says what happened and what to do on `err` and returns `None`.
/// True for `-o -`: print, as `export sheet` does, rather than write a file named "-".
fn prints(path: &std::path::Path) -> bool {
    path == std::path::Path::new("-")
}

fn write_export(
    path: &std::path::Path,
    bytes: &[u8],
    err: &mut impl Write,
) -> std::io::Result<Option<&'static str>> {
    let replacing = path.exists();
    if let Err(e) = crate::storage::write_atomic(path, bytes) {
        writeln!(
            err,
            "clinicprep: {e}\nCheck that the folder exists and is writable, or choose another file with -o FILE."
        )?;
        return Ok(None);
    }
    Ok(Some(if replacing {
        ", replacing the file that was there"
    } else {
        ""
    }))
}

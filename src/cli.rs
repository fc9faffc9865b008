//! The command line: the TUI by default, plus `paths`, `status`, `check`, `import`, `export`,
//! `restore` and `completions`. Commands with more than a few lines live in their own modules under
//! `cli/`.

mod check;
pub mod completions;
pub mod export_deck;
pub mod export_sheet;
pub mod fit;
pub mod import;
pub mod prep_status;
pub mod restore;
pub mod status_cards;
pub mod status_stories;

pub use check::check_cmd;

use crate::app::{Access, App, Theme};
use crate::domain::config::Config;
use crate::domain::content::Library;
use crate::domain::content::Problem;
use crate::domain::plan::Focus;
use crate::domain::schedule::DayZone;
use crate::domain::stories::{Order, StoryStore, export};
use crate::kit::Status;
use crate::storage;
use crate::storage::lock::{Acquired, DataLock};
use crate::storage::paths::Paths;
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;
use status_stories::Stories;
use std::io::Write;
use std::path::{Path, PathBuf};
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
        /// Write to FILE instead of printing. An existing FILE is replaced whole (the output says
        /// so), never left half-written.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// `markdown` for the one-page summary, `json` for everything, in full.
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
            output.as_deref(),
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

fn run_tui(paths: Paths) -> ExitCode {
    if let Err(e) = storage::ensure_data_dir(&paths.data_dir) {
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
    crate::storage::crash::set_data_dir(&paths.data_dir);
    // Held until this function returns: the whole session.
    let (lock, access) = match DataLock::acquire(&paths.data_dir) {
        Ok(Acquired::Writer(lock)) => (Some(lock), Access::Writer),
        Ok(Acquired::ReadOnly(holder)) => (None, Access::ReadOnly(holder)),
        Err(e) => (None, Access::Unlocked(e.to_string())),
    };
    let read = Config::read(&paths.config_file);
    let (config, config_problems) = (read.config, read.problems);
    let paths_data_dir = paths.data_dir.clone();
    let now = crate::storage::clock::now();
    // Only what the first frame needs; the event loop draws it, then loads the rest.
    let mut app = App::start(paths, now, Theme::from_env_and(config.theme));
    app.set_offset(crate::storage::clock::local_offset(now));
    app.open_data(access);
    app.apply_config(&config);
    // At first start, who is preparing and for what: skippable, and never in a read-only window.
    app.offer_setup();
    app.allow_opening_files();
    if !read.settings_known
        && let Some(p) = config_problems.first()
    {
        // The set-up was not offered (see `offer_setup`): say why, and that nothing was lost.
        let at = p.line.map(|l| format!(" (line {l})")).unwrap_or_default();
        app.set_status(Status::warn(format!(
            "Your config file could not be read{at}, so defaults are used and the file is left \
             as it is. `clinicprep check` shows what to fix."
        )));
    } else if !config_problems.is_empty() {
        // Short enough for an 80-column status line.
        let text = match app.status() {
            Some(_) => {
                "Problems in the config and content files; `clinicprep check` lists them.".into()
            }
            None => format!(
                "{} problem(s) in the config file; defaults used. `clinicprep check` lists them.",
                config_problems.len()
            ),
        };
        app.set_status(Status::warn(text));
    }
    // A data folder that someone else can change is worth knowing about before anything else.
    if let Some(warning) = storage::safe::folder_warning(&paths_data_dir) {
        app.set_status(Status::warn(warning));
    }
    let result = crate::tui::Session::start().and_then(|mut s| {
        let ran = crate::tui::run(&mut app, &mut s.terminal, &stop);
        // A backup still being made is finished (or stopped and removed whole) before we go.
        crate::tui::finish_backups(&mut s.terminal);
        ran
    });
    // The session is dropped (terminal restored) before anything is printed. If the loop ended on a
    // terminal error (a closed terminal fails reads before the SIGHUP flag is seen), save anyway.
    if !app.should_quit() {
        app.set_now(crate::storage::clock::now());
        app.shutdown();
    }
    // The terminal window may be gone (closed): what cannot be said is not a crash.
    if let Some(note) = app.exit_note() {
        let _ = writeln!(std::io::stderr(), "clinicprep: {note}");
    }
    // Everything is saved (grades and stories as they were made, pending saves just now) and a
    // backup in progress was finished or removed. Let go of the data folder, then leave without
    // freeing the app's data, which at 100,000 cards takes a noticeable moment; the OS takes it back.
    drop(lock);
    std::mem::forget(app);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "clinicprep: the terminal failed: {e}");
            ExitCode::from(1)
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

/// Said after "Wrote … to FILE" when FILE was there before: `-o` replaces it whole.
pub fn replaced(replacing: bool) -> &'static str {
    if replacing {
        ", replacing the file that was there"
    } else {
        ""
    }
}

/// `clinicprep export stories`: the summary (or JSON) to stdout, or atomically to `output`. Story files
/// that cannot be read are named on `err` and left out; the rest are still exported.
pub fn export_stories_cmd(
    paths: &Paths,
    output: Option<&Path>,
    format: ExportFormat,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    let (store, bad) = match StoryStore::load(&paths.data_dir) {
        Ok(loaded) => loaded,
        Err(e) => {
            writeln!(
                err,
                "clinicprep: {e}\nCheck the folder's permissions, or choose another with --data-dir DIR."
            )?;
            return Ok(1);
        }
    };
    for b in &bad {
        writeln!(
            err,
            "clinicprep: left out {b}\n  Fix that line (or move the file away) and export again to include it."
        )?;
    }
    let stories = store.list(Order::Title);
    // Certifications come from the config file and favourite asks from the stars on Home. A damaged
    // file of either kind leaves its section out (`clinicprep check` names the problem).
    let (config, _) = Config::load(&paths.config_file);
    let certifications = config.certifications.as_slice();
    let lib = Library::load_cached(&paths.user_content_dir(), &paths.data_dir);
    let starred = crate::domain::prep::MarkSet::load(
        &paths.data_dir,
        crate::domain::prep::MarkKind::Favourites,
    )
    .unwrap_or_else(|_| {
        crate::domain::prep::MarkSet::new(crate::domain::prep::MarkKind::Favourites)
    });
    let asks: Vec<&crate::domain::content::Ask> = lib
        .asks
        .iter()
        .filter(|a| starred.contains(&a.id))
        .collect();
    let asks = asks.as_slice();
    let text = match format {
        ExportFormat::Markdown => export::markdown(&stories, certifications, asks),
        ExportFormat::Json => {
            let v = export::json(&stories, certifications, asks);
            // Serializing a `Value` cannot fail; fall back to the compact form rather than unwrap.
            let mut s = serde_json::to_string_pretty(&v).unwrap_or_else(|_| v.to_string());
            s.push('\n');
            s
        }
    };
    let Some(path) = output else {
        out.write_all(text.as_bytes())?;
        return Ok(0);
    };
    let replacing = path.exists();
    if let Err(e) = storage::write_atomic(path, text.as_bytes()) {
        writeln!(
            err,
            "clinicprep: {e}\nCheck that the folder exists and is writable, or choose another file with -o FILE."
        )?;
        return Ok(1);
    }
    let n = stories.len();
    writeln!(
        out,
        "Wrote {n} {} to {}{}.",
        if n == 1 { "story" } else { "stories" },
        path.display(),
        replaced(replacing)
    )?;
    Ok(0)
}

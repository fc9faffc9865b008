//! The default command: one TUI session, from the data-folder lock to a clean exit.

use crate::app::{Access, App, Theme};
use crate::domain::config::Config;
use crate::kit::Status;
use crate::storage;
use crate::storage::lock::{Acquired, DataLock};
use crate::storage::paths::Paths;
use std::io::Write;
use std::process::ExitCode;

pub(super) fn run_tui(paths: Paths) -> ExitCode {
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

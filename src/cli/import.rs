//! `clinicprep import FILE`: adds cards from an Anki text export or a CSV/TSV file and says what happened.

use crate::domain::content::Library;
use crate::interop::anki::{self, NoteFile};
use crate::interop::deck_import::{self, DeckChoice, ImportError, Plan, SkipKind};
use crate::interop::import_request;
use crate::interop::import_run::{self, SaveError, roles};
use crate::storage::lock::{self, Acquired, DataLock};
use crate::storage::paths::Paths;
use crate::storage::sanitize;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// Import files larger than this are refused; no real deck export comes close.
const MAX_IMPORT_BYTES: u64 = 32 * 1024 * 1024;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// An Anki "Notes in Plain Text" export (.txt) or a CSV/TSV file of front, back and optional tags.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Put every card in this deck (default: the deck named in the file, else the file's name).
    #[arg(long, value_name = "NAME")]
    pub deck: Option<String>,
    /// The roles the cards are for, by id, separated by commas (pt-aide, pta, ot-aide, ota): "My
    /// interview" then holds them only when you prepare for one of these roles. Default: every role.
    #[arg(long, value_name = "ROLE[,ROLE…]", value_delimiter = ',')]
    pub role: Vec<String>,
    /// Show what would be added without saving anything.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs the import; exit code 0 when cards were added, or every card of the file is already in your
/// decks (skipped rows are listed but are not a failure); 1 when nothing could be imported: an
/// empty file, no row with a front and a back, or a file that could not be read or saved.
pub fn run(paths: &Paths, args: &ImportArgs, out: &mut impl Write) -> std::io::Result<u8> {
    let shown = sanitize::clean_line(&args.file.display().to_string());
    let (notes, text) = match read(args) {
        Ok(n) => n,
        Err(msg) => {
            writeln!(out, "Could not import {shown}: {msg}")?;
            return Ok(1);
        }
    };
    // Every writer holds the data-folder lock, from reading the decks to writing them: two imports
    // into one deck (or an import while the app is open) would otherwise each append to the deck
    // as it was before the other. A dry run writes nothing and needs no lock. While the app has
    // the folder, the checked file goes to its inbox for the app to import (`hand_off`).
    let mut open_app = None;
    let _lock = if args.dry_run {
        None
    } else {
        if let Err(e) = crate::storage::ensure_data_dir(&paths.data_dir) {
            writeln!(
                out,
                "Could not import {shown}: {e}; nothing was imported, {}.",
                e.cli_hint()
            )?;
            return Ok(1);
        }
        match DataLock::acquire_waiting(&paths.data_dir, lock::COMMAND_WAIT) {
            Ok(Acquired::Writer(l)) => Some(l),
            Ok(Acquired::ReadOnly(holder)) => {
                open_app = Some(holder);
                None
            }
            Err(e) => {
                writeln!(
                    out,
                    "Could not import {shown}: {e}; nothing was imported, {}.",
                    e.cli_hint()
                )?;
                return Ok(1);
            }
        }
    };
    // The file's text is kept only to hand it to the open app; an import of 100,000 notes would
    // otherwise hold its 32 MB to the end (the notes already own their words).
    let text = open_app.is_some().then_some(text);
    let user_dir = paths.user_content_dir();
    let lib = Library::load_cached(&user_dir, &paths.data_dir);
    let stem = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Imported".into());
    let choice = DeckChoice {
        deck: args.deck.as_deref(),
        fallback: &stem,
    };
    let roles = match roles(&args.role, &lib) {
        Ok(r) => r,
        Err(msg) => {
            writeln!(out, "Could not import {shown}: {msg}")?;
            return Ok(1);
        }
    };
    let read = describe(&notes);
    let mut plan = match deck_import::plan(notes, &lib, &user_dir, &choice) {
        Ok(p) => p,
        Err(e) => {
            writeln!(out, "Could not import {shown}: {e}")?;
            return Ok(1);
        }
    };
    import_run::set_roles(&mut plan, &roles);
    drop(lib);
    writeln!(out, "Read {shown}: {read}.")?;
    let name = args
        .file
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if nothing_to_import(&plan) {
        // An empty file, or no row that could be read: say so and fail, so a script notices.
        summary(&plan, args.dry_run, out)?;
        writeln!(
            out,
            "Nothing could be imported: the file has no card with a front and a back. Each row needs \
             both, separated by a tab or a comma (see `clinicprep import --help`)."
        )?;
        return Ok(1);
    }
    if let (Some(holder), Some(text)) = (open_app.filter(|_| plan.added() > 0), text) {
        let request = import_request::Request {
            file: name,
            deck: args.deck.clone(),
            roles: args.role.clone(),
            text,
        };
        return hand_off(paths, &request, &holder, &shown, plan.added(), out);
    }
    let code = if args.dry_run || plan.added() == 0 {
        0
    } else {
        match import_run::back_up_and_apply(
            &paths.data_dir,
            &mut plan,
            &name,
            crate::storage::clock::now(),
        ) {
            Ok(written) => {
                cache_written(paths, &user_dir, written);
                0
            }
            Err(SaveError::Backup(e)) => {
                writeln!(
                    out,
                    "Could not back up your data before importing ({e}); nothing was imported. {}.",
                    e.cli_hint()
                )?;
                return Ok(1);
            }
            Err(SaveError::Apply(e)) => {
                if let ImportError::Write { saved, .. } = &e
                    && !saved.is_empty()
                {
                    writeln!(
                        out,
                        "The cards of {} deck{} were saved before the problem.",
                        saved.len(),
                        plural(saved.len())
                    )?;
                }
                writeln!(out, "Could not save the cards: {e}")?;
                return Ok(1);
            }
        }
    };
    summary(&plan, args.dry_run, out)?;
    Ok(code)
}

/// Puts the decks just written into the content cache, as they were read back to check them, so the
/// next start finds them there instead of parsing them (the other decks' entries are kept as they
/// are). A cache that cannot be written only costs time.
fn cache_written(paths: &Paths, user_dir: &std::path::Path, written: Vec<deck_import::Written>) {
    let mut cache = Library::content_cache(&paths.data_dir);
    cache.keep_the_rest();
    for w in written {
        let (Some(parsed), Ok(meta)) = (w.parsed, std::fs::metadata(&w.path)) else {
            continue;
        };
        let key = w.path.strip_prefix(user_dir).unwrap_or(&w.path);
        cache.put_encoded(&key.to_string_lossy(), &meta, w.hash, parsed);
    }
    let _ = cache.save();
}

/// The file's notes, and its text for a hand-off to the open app.
fn read(args: &ImportArgs) -> Result<(NoteFile, String), String> {
    let meta = std::fs::metadata(&args.file).map_err(|e| e.to_string())?;
    if meta.is_dir() {
        return Err("that is a folder; give the file Anki exported".into());
    }
    // A regular file only (`/dev/zero` or a pipe is refused, never read), and never past the limit.
    let bytes = crate::storage::safe::read_regular(&args.file, MAX_IMPORT_BYTES).map_err(|e| {
        if e.kind() == std::io::ErrorKind::FileTooLarge {
            format!("{e}; files over 32 MiB are not imported")
        } else {
            e.to_string()
        }
    })?;
    let notes = anki::read(&bytes).map_err(|e| e.to_string())?;
    // `anki::read` took only UTF-8 text.
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    Ok((notes, text))
}

/// The app has the data folder open: leaves the checked file in its inbox, which it imports within
/// a couple of seconds (see `import_request`). Refused as before when the inbox cannot be written.
fn hand_off(
    paths: &Paths,
    request: &import_request::Request,
    holder: &lock::Holder,
    shown: &str,
    added: usize,
    out: &mut impl Write,
) -> std::io::Result<u8> {
    let now = crate::storage::clock::now();
    if let Err(e) = import_request::write(&paths.data_dir, request, now) {
        let refusal = holder.refusal("imported");
        writeln!(out, "Could not import {shown}: {refusal} ({e})")?;
        return Ok(1);
    }
    let who = holder
        .pid
        .map_or(String::new(), |p| format!(" (process {p})"));
    writeln!(
        out,
        "clinicprep is open in another window{who}, so it will add the {added} new card{} itself \
         within a few seconds and say so on its status line. Nothing more to do here.",
        plural(added)
    )?;
    Ok(0)
}

fn describe(f: &NoteFile) -> String {
    let kind = if f.anki {
        "an Anki text export"
    } else {
        "a plain CSV/TSV file"
    };
    let sep = anki::header::separator_name(f.separator);
    let html = if f.html {
        ", HTML turned into plain text"
    } else {
        ""
    };
    let n = f.notes.len() + f.bad.len();
    format!(
        "{kind}, {sep}-separated{html}, {n} row{}",
        if n == 1 { "" } else { "s" }
    )
}

fn summary(plan: &Plan, dry_run: bool, out: &mut impl Write) -> std::io::Result<()> {
    let verb = if dry_run { "Would add" } else { "Added" };
    let added = plan.added();
    if added == 0 && !nothing_to_import(plan) {
        writeln!(
            out,
            "No new cards: every card in the file is already in your decks."
        )?;
    } else if added > 0 {
        writeln!(out, "{verb} {added} card{}:", plural(added))?;
        for u in &plan.updates {
            writeln!(out, "  {} to the deck “{}”", u.added, u.deck)?;
        }
    }
    if !plan.skipped.is_empty() {
        let count = |k| plan.skipped.iter().filter(|s| s.kind == k).count();
        let parts: Vec<String> = [
            (SkipKind::Duplicate, "already in your cards"),
            (SkipKind::Empty, "empty front or back"),
            (SkipKind::Bad, "could not be read"),
        ]
        .into_iter()
        .filter(|(k, _)| count(*k) > 0)
        .map(|(k, what)| format!("{} {what}", count(k)))
        .collect();
        writeln!(
            out,
            "Skipped {} ({}):",
            plan.skipped.len(),
            parts.join(", ")
        )?;
        for s in &plan.skipped {
            writeln!(out, "  line {}: {}", s.line, s.reason)?;
        }
    }
    if dry_run {
        writeln!(out, "Nothing was saved (--dry-run).")?;
    } else if added > 0 {
        writeln!(
            out,
            "Open clinicprep to study them; `clinicprep check` checks the deck files."
        )?;
    }
    Ok(())
}

/// True when the file gave no card to add and none that is already there: nothing was imported,
/// and nothing ever could be from this file as it is.
fn nothing_to_import(plan: &Plan) -> bool {
    plan.added() == 0 && !plan.skipped.iter().any(|s| s.kind == SkipKind::Duplicate)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

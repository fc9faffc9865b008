//! `clinicprep fit`: the role-fit questions on the command line, for someone new to terminals.
//!
//! Each question lists numbered answers; typing a number and Enter picks one, Enter alone keeps the
//! last answer (or skips), `q` stops. The answers are saved to `fit.toml`, then the four roles are
//! ranked with their reasons and sources, and the user may take the best fit as their role. It reads
//! answers line by line, so it works the same with a file or a pipe as its input (and is testable).
//! Nothing is written while another clinicprep holds the data folder.

use crate::domain::config::{self, Config};
use crate::domain::content::{Library, Role};
use crate::domain::fit::{Outcome, RoleFit, SavedFit, Shown, chosen, score};
use crate::storage::datafile::Kept;
use crate::storage::lock::{Acquired, DataLock};
use crate::storage::paths::Paths;
use crate::storage::{self, sanitize};
use std::io::{BufRead, Write};

#[derive(Debug, Clone, clap::Args)]
pub struct FitArgs {
    /// Show the result of your saved answers without asking the questions again.
    #[arg(long)]
    pub show: bool,
}

/// Runs `clinicprep fit`. `interactive` is true when the input is a terminal; otherwise each answer
/// read is echoed, so the output reads as a transcript.
pub fn run(
    paths: &Paths,
    args: &FitArgs,
    input: &mut impl BufRead,
    out: &mut impl Write,
    interactive: bool,
) -> std::io::Result<u8> {
    let lib = Library::load_cached(&paths.user_content_dir(), &paths.data_dir);
    if lib.fit.is_empty() {
        writeln!(
            out,
            "The role-fit questions are missing from the content. Run `clinicprep check` to see why."
        )?;
        return Ok(1);
    }
    let mut saved = Kept::from_load(SavedFit::load(&paths.data_dir), SavedFit::default());
    if let Some(e) = &saved.damaged {
        writeln!(
            out,
            "Your saved answers could not be read: {}\n",
            e.advice()
        )?;
    }
    let lock = if args.show {
        None
    } else {
        let _ = storage::ensure_data_dir(&paths.data_dir);
        match DataLock::acquire(&paths.data_dir) {
            Ok(Acquired::Writer(lock)) => Some(lock),
            Ok(Acquired::ReadOnly(holder)) => {
                writeln!(
                    out,
                    "{}\nYou can still answer, but nothing will be saved this time.\n",
                    holder.message()
                )?;
                None
            }
            Err(e) => {
                writeln!(
                    out,
                    "Your answers cannot be saved ({e}; {}). You can still answer.\n",
                    e.hint()
                )?;
                None
            }
        }
    };
    if !args.show {
        ask_all(&lib, &mut saved.value, input, out, interactive)?;
        if lock.is_some()
            && let Err(msg) = saved.save(|s| s.save(&paths.data_dir))
        {
            writeln!(out, "{msg}")?;
        }
    }
    let outcome = score(&lib, &saved.value.answers);
    print_outcome(&outcome, out)?;
    let Some(best) = outcome.best() else {
        return Ok(0);
    };
    if args.show {
        return Ok(0);
    }
    let (config, _) = Config::load(&paths.config_file);
    if config.profile.roles == [best.role.id.clone()] {
        writeln!(
            out,
            "\nYou are already preparing for {}. Good luck!",
            best.role.short
        )?;
        return Ok(0);
    }
    write!(
        out,
        "\nPrepare for {} from now on? Type y or n, then Enter (Enter alone means yes): ",
        best.role.short
    )?;
    out.flush()?;
    let yes = match read_answer(input, out, interactive)? {
        None => false,
        Some(a) => matches!(a.to_ascii_lowercase().as_str(), "" | "y" | "yes"),
    };
    if !yes {
        writeln!(
            out,
            "Your role is unchanged. Run `clinicprep fit --show` to see this result again."
        )?;
        return Ok(0);
    }
    if lock.is_none() {
        writeln!(
            out,
            "Your role was not changed, because another clinicprep has your data open. Close it and \
             run `clinicprep fit` again."
        )?;
        return Ok(1);
    }
    if let Err(e) = config::save_roles(&paths.config_file, std::slice::from_ref(&best.role.id)) {
        writeln!(out, "Your role was not changed: {e}")?;
        return Ok(1);
    }
    saved.value.accepted = Some(best.role.id.clone());
    if let Err(msg) = saved.save(|s| s.save(&paths.data_dir)) {
        writeln!(out, "{msg}")?;
    }
    writeln!(
        out,
        "Done. clinicprep will now show {} material first. You can change it any time in your \
         profile.",
        best.role.short
    )?;
    Ok(0)
}

/// One line of input without its line ending; `None` at the end of the input. Echoed when not
/// interactive.
fn read_answer(
    input: &mut impl BufRead,
    out: &mut impl Write,
    interactive: bool,
) -> std::io::Result<Option<String>> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        if !interactive {
            writeln!(out)?;
        }
        return Ok(None);
    }
    let line = sanitize::clean_line(line.trim()).to_string();
    if !interactive {
        writeln!(out, "{line}")?;
    }
    Ok(Some(line))
}

/// Asks every question in turn, changing `saved.answers`. Stops at `q` or the end of the input.
fn ask_all(
    lib: &Library,
    saved: &mut SavedFit,
    input: &mut impl BufRead,
    out: &mut impl Write,
    interactive: bool,
) -> std::io::Result<()> {
    let n = lib.fit.len();
    writeln!(
        out,
        "Is this the right job for you? {n} short questions help you compare the four jobs.\n\
         Type the number of your answer and press Enter. Enter alone keeps your last answer or \
         skips. Type q to stop.\n"
    )?;
    for (i, q) in lib.fit.iter().enumerate() {
        writeln!(out, "Question {} of {n}: {}", i + 1, q.ask)?;
        if !q.help.is_empty() {
            writeln!(out, "  {}", q.help)?;
        }
        let last =
            chosen(q, &saved.answers).and_then(|o| q.options.iter().position(|x| x.id == o.id));
        for (k, o) in q.options.iter().enumerate() {
            let mark = if Some(k) == last {
                "   (your last answer)"
            } else {
                ""
            };
            writeln!(out, "  {}. {}{mark}", k + 1, o.text)?;
        }
        loop {
            match last {
                Some(k) => write!(
                    out,
                    "Your answer (1–{}, Enter keeps {}): ",
                    q.options.len(),
                    k + 1
                )?,
                None => write!(out, "Your answer (1–{}, Enter skips): ", q.options.len())?,
            }
            out.flush()?;
            let Some(line) = read_answer(input, out, interactive)? else {
                writeln!(out, "No more answers; the ones so far are kept.")?;
                return Ok(());
            };
            if line.eq_ignore_ascii_case("q") || line.eq_ignore_ascii_case("quit") {
                writeln!(out, "Stopped. Your answers so far are kept.")?;
                return Ok(());
            }
            if line.is_empty() {
                break;
            }
            match line.parse::<usize>() {
                Ok(k) if (1..=q.options.len()).contains(&k) => {
                    saved
                        .answers
                        .insert(q.id.clone(), q.options[k - 1].id.clone());
                    break;
                }
                _ => writeln!(
                    out,
                    "Please type a number from 1 to {}, or press Enter.",
                    q.options.len()
                )?,
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

fn print_outcome(o: &Outcome<'_>, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "\nYour result ({} of {} questions answered)",
        o.answered, o.questions
    )?;
    writeln!(out, "{}", "=".repeat(40))?;
    if o.answered == 0 {
        writeln!(
            out,
            "No answers yet, so no role stands out. Here are the facts about each job.\n"
        )?;
    } else if o.is_close() {
        writeln!(
            out,
            "Your top two are close. Read the reasons and facts below, and trust what matters most \
             to you.\n"
        )?;
    }
    if let Some(best) = o.best() {
        let rest: Vec<&str> = o.ranked[1..]
            .iter()
            .map(|f| f.role.short.as_str())
            .collect();
        writeln!(
            out,
            "Best fit for you: {}. Then: {}.\n",
            best.role.short,
            rest.join(", ")
        )?;
    }
    for (i, fit) in o.ranked.iter().enumerate() {
        print_role(i + 1, fit, out)?;
    }
    writeln!(
        out,
        "These are national facts from the role guides. Pay and rules near you can differ; check \
         local job postings and your state's licensing board."
    )?;
    Ok(())
}

fn print_role(rank: usize, fit: &RoleFit<'_>, out: &mut impl Write) -> std::io::Result<()> {
    let r = fit.role;
    writeln!(
        out,
        "{rank}. {} ({}): {} points",
        r.name, r.short, fit.score
    )?;
    let (mut for_it, mut notes, mut against): (Vec<_>, Vec<_>, Vec<_>) = (vec![], vec![], vec![]);
    for reason in &fit.reasons {
        match reason.points {
            p if p > 0 => for_it.push(&reason.shown),
            0 => notes.push(&reason.shown),
            _ => against.push(&reason.shown),
        }
    }
    for (title, mark, list) in [
        ("Fits you", '+', for_it),
        ("Good to know", '·', notes),
        ("Watch out", '-', against),
    ] {
        if list.is_empty() {
            continue;
        }
        writeln!(out, "   {title}:")?;
        for s in list {
            print_shown(mark, s, r, out)?;
        }
    }
    writeln!(out, "   The facts:")?;
    for s in &fit.facts {
        print_shown('·', s, r, out)?;
    }
    writeln!(out)
}

fn print_shown(
    mark: char,
    s: &Shown<'_>,
    role: &Role,
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(out, "    {mark} {}", s.text)?;
    match s.figure {
        Some(f) => {
            let warn = if f.check { " (a weaker source)" } else { "" };
            writeln!(out, "      {}: {}{warn}", f.label, f.value)?;
            if f.source.contains(&f.as_of) {
                writeln!(out, "      Source: {}", f.source)?;
            } else {
                writeln!(out, "      Source: {} ({})", f.source, f.as_of)?;
            }
        }
        None => writeln!(out, "      See the {}.", s.source(role))?,
    }
    if s.varies_by_state {
        writeln!(
            out,
            "      This depends on your state: check your state's licensing board."
        )?;
    }
    Ok(())
}

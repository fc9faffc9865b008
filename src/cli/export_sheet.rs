//! `clinicprep export sheet`: the one-page interview sheet as HTML to print, or Markdown.

use crate::domain::prose::join_and;
use crate::domain::sheet::Sheet;
use crate::domain::sheet::output::{self, Format};
use crate::domain::sheet::sources::Sources;
use crate::storage;
use crate::storage::paths::Paths;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// One page to open in a web browser and print.
    Html,
    /// Markdown.
    #[value(alias = "markdown")]
    Md,
}

#[derive(Debug, Args)]
pub struct SheetArgs {
    #[arg(long, value_enum, default_value_t = SheetFormat::Html)]
    pub format: SheetFormat,
    /// Write to FILE (replaced whole, never half-written); `-` prints it instead. Default: sheet.html
    /// (or sheet.md) in your data folder.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Writes the sheet and says where, what is on it and what was left out. Files that could not be
/// read are named on `err` and their parts left out. Exit code 1 if the sheet could not be written.
pub fn run(
    paths: &Paths,
    args: &SheetArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    let sources = Sources::load(paths);
    for p in &sources.problems {
        writeln!(err, "clinicprep: {p}")?;
    }
    let sheet = sources.build();
    let format = match args.format {
        SheetFormat::Html => Format::Html,
        SheetFormat::Md => Format::Markdown,
    };
    let text = format.render(&sheet);
    let path = match &args.output {
        Some(p) if p.as_path() == Path::new("-") => {
            out.write_all(text.as_bytes())?;
            summary(err, &sheet)?;
            return Ok(0);
        }
        Some(p) => p.clone(),
        None => {
            if let Err(e) = storage::ensure_private_dir(&paths.data_dir) {
                writeln!(
                    err,
                    "clinicprep: {e}\nChoose where to write it with -o FILE, or another data folder with --data-dir DIR."
                )?;
                return Ok(1);
            }
            output::default_path(&paths.data_dir, format)
        }
    };
    if let Err(e) = output::write(&path, &text) {
        writeln!(
            err,
            "clinicprep: could not write the sheet: {e}.\nChoose another file with -o FILE."
        )?;
        return Ok(1);
    }
    writeln!(out, "Wrote your one-page sheet to {}", path.display())?;
    if format == Format::Html {
        writeln!(
            out,
            "Open it in a web browser and print it (Ctrl+P): it fits one page of US Letter or A4."
        )?;
    }
    summary(out, &sheet)?;
    Ok(0)
}

/// What is on the sheet, what was left out to fit, and tips, a line each.
fn summary(w: &mut impl Write, sheet: &Sheet) -> std::io::Result<()> {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut on = vec![count(sheet.stories.len(), "story", "stories")];
    if sheet.intro.is_some() {
        on.insert(0, "your introduction".into());
    }
    on.push(count(
        sheet.asks.len(),
        "question to ask",
        "questions to ask",
    ));
    on.push(count(
        sheet.certifications.len(),
        "certification",
        "certifications",
    ));
    on.push(count(
        sheet.facts.len(),
        "fact of your role",
        "facts of your role",
    ));
    writeln!(w, "On it: {}.", join_and(&on))?;
    if let Some(s) = sheet.left_out_summary() {
        writeln!(w, "{s}")?;
    }
    for n in &sheet.notes {
        writeln!(w, "Tip: {n}")?;
    }
    Ok(())
}

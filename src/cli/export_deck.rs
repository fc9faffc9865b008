//! `clinicprep export deck`: writes the cards as a file Anki (and other flashcard apps) can import.

use crate::domain::content::Library;
use crate::interop::anki;
use crate::interop::deck_export;
use crate::storage::paths::Paths;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

/// File formats `export deck` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DeckFormat {
    /// Anki's "Notes in Plain Text": tab-separated with #separator/#html/#tags column/#deck lines.
    AnkiTsv,
}

#[derive(Debug, Args)]
pub struct DeckArgs {
    #[arg(long, value_enum, default_value = "anki-tsv")]
    pub format: DeckFormat,
    /// Only this deck and its sub-decks, e.g. "clinicprep::Role facts" (default: every deck).
    #[arg(long, value_name = "NAME")]
    pub deck: Option<String>,
    /// Write to FILE instead of printing (`-` prints). An existing FILE is replaced whole (the
    /// output says so).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Writes the deck file to `-o FILE` or `out`; messages go to `err`. Exit code 1 when no deck
/// matched or the file could not be written.
pub fn run(
    paths: &Paths,
    args: &DeckArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    let lib = Library::load_cached(&paths.user_content_dir(), &paths.data_dir);
    let all = deck_export::notes(&lib);
    let notes = match &args.deck {
        Some(name) => deck_export::in_deck(all.clone(), name),
        None => all.clone(),
    };
    if notes.is_empty() {
        writeln!(
            err,
            "No deck is called \"{}\". The decks are:",
            args.deck.as_deref().unwrap_or_default()
        )?;
        for (deck, n) in deck_export::decks(&all) {
            writeln!(err, "  {deck} ({n} card{})", if n == 1 { "" } else { "s" })?;
        }
        return Ok(1);
    }
    let DeckFormat::AnkiTsv = args.format;
    let text = anki::to_tsv(&notes);
    let decks = deck_export::decks(&notes).len();
    match args.output.as_deref().filter(|p| !super::prints(p)) {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            let Some(replaced) = super::write_export(path, text.as_bytes(), err)? else {
                return Ok(1);
            };
            writeln!(
                err,
                "Wrote {} cards in {decks} deck{} to {}{replaced}. In Anki: File → Import, then choose this file.",
                notes.len(),
                if decks == 1 { "" } else { "s" },
                path.display(),
            )?;
        }
    }
    if !lib.problems.is_empty() {
        writeln!(
            err,
            "Note: {} problem(s) in content files; cards with problems were left out. Run \
             `clinicprep check` to see them.",
            lib.problems.len()
        )?;
    }
    Ok(0)
}

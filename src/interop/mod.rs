//! Cards in and out: Anki and CSV/TSV import, deck export.

pub mod anki;
pub mod deck_export;
pub mod deck_import;
mod staged;

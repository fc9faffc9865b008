//! Cards in and out: Anki and CSV/TSV import (also handed to the open app), deck export.

pub mod anki;
pub mod deck_export;
pub mod deck_import;
mod deck_text;
pub mod import_request;
pub mod import_run;
mod staged;

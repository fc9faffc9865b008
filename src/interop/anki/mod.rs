//! Anki's plain-text note files (and plain CSV/TSV): reading them for import and writing them for export.

pub mod delimited;
pub mod header;
pub mod html;
pub mod notes;
pub mod write;

pub use notes::{Note, NoteFile, ReadError, read};
pub use write::{ExportNote, to_tsv};

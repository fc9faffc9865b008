//! Reusable drawing: fast text lines, word wrap, clipping between words, scrollable documents,
//! the heatmap and the timer.

pub mod clip;
pub mod coaching;
pub mod doc;
pub mod field;
pub mod heatmap;
pub mod mark;
pub mod text;
pub mod timer;
pub mod undo_note;
pub mod wrap;

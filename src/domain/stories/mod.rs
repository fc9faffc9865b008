//! STAR stories: the file format, a folder-backed store, live coaching insights, coverage and export.

pub mod coverage;
pub mod export;
pub mod file;
pub mod filter;
pub mod insights;
pub mod store;
pub mod story;
mod words;

pub use coverage::{CompetencyRow, Coverage, OpenQuestion};
pub use file::FormatError;
pub use filter::{Filter, SearchText};
pub use insights::{Analysis, Guidance, Insight, Level, Metrics, analyze, fillers_in};
pub use store::{BadStory, Deleted, Order, SaveOutcome, StoryStore};
pub use story::{Completeness, Section, Story, StoryId};
pub use words::{Glossary, TermHit};

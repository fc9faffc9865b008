//! STAR stories: the file format, a folder-backed store, live coaching and phrasing, coverage and export.

pub mod answers;
pub mod coach;
pub mod coverage;
pub mod export;
pub mod export_full;
pub mod file;
pub mod filter;
pub mod index;
pub mod insights;
pub mod phrasing;
pub mod skills;
pub mod store;
pub mod story;
mod words;

pub use coach::Coach;
pub use coverage::{CompetencyRow, Coverage, Gap, OpenQuestion};
pub use file::FormatError;
pub use filter::{Filter, SearchText};
pub use index::StoryIndex;
pub use insights::{
    Analysis, AnswerAnalysis, Finding, Guidance, Insight, Level, Metrics, Part, Scan, TARGETS,
    Targets, analyze,
};
pub use phrasing::{Flag, Phrasing, Replacement};
pub use skills::{Heard, Skills};
pub use store::{BadStory, Deleted, Order, SaveOutcome, StoryCount, StoryStore};
pub use story::{Completeness, Section, Story, StoryId};
pub use words::{Glossary, TermHit, word_count};

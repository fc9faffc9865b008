//! What there is to study and how a session runs: cards built from content, decks and filters,
//! multiple-choice options, finding cards by their words, and the review session over the schedule.

pub mod catalogue;
pub mod catalogue_ids;
pub mod choice;
pub mod find;
pub mod session;

pub use catalogue::{Catalogue, Deck, Filter, Kind, StudyCard, Subject};
pub use catalogue_ids::CardIds;
pub use choice::Choices;
pub use find::CardIndex;
pub use session::{Session, Side};

//! The user's data as the screens share it, and the one writer that changes it on disk.

mod app_data;
mod profile;
mod stories_folder;
#[cfg(test)]
mod tests;
mod writer;

pub use app_data::AppData;
pub use stories_folder::StoriesFolder;
pub use writer::{ReadOnly, Writer};

//! Everything the sheet draws on, read from the data folder and config file in one go (for the
//! command line; the app already holds these). A file that cannot be read leaves its part out and is
//! named in `problems`, so the sheet is still made from the rest.

use super::{Inputs, Sheet, SheetChoices, build};
use crate::domain::config::Config;
use crate::domain::content::{Id, Library};
use crate::domain::prep::{MarkKind, MarkSet};
use crate::domain::stories::{Order, Story, StoryStore};
use crate::storage::paths::Paths;

pub struct Sources {
    pub config: Config,
    pub lib: Library,
    pub stories: Vec<Story>,
    pub starred: Vec<Id>,
    pub choices: SheetChoices,
    /// One line per file that could not be read, with its path (and line where known) and what was
    /// left out because of it.
    pub problems: Vec<String>,
}

impl Sources {
    pub fn load(paths: &Paths) -> Sources {
        let mut problems = Vec::new();
        let (config, config_problems) = Config::load(&paths.config_file);
        for p in config_problems {
            problems.push(format!("{p} (that setting was left at its default)"));
        }
        let lib = Library::load_cached(&paths.user_content_dir(), &paths.data_dir);
        let stories = match StoryStore::load(&paths.data_dir) {
            Ok((store, bad)) => {
                for b in bad {
                    problems.push(format!("{b} (that story was left out)"));
                }
                store.list(Order::Title).into_iter().cloned().collect()
            }
            Err(e) => {
                problems.push(format!("{e} (no stories on the sheet)"));
                Vec::new()
            }
        };
        let starred = match MarkSet::load(&paths.data_dir, MarkKind::Favourites) {
            Ok(m) => m.ids().cloned().collect(),
            Err(e) => {
                problems.push(format!("{e} (no questions to ask on the sheet)"));
                Vec::new()
            }
        };
        let choices = match SheetChoices::load(&paths.data_dir) {
            Ok(c) => c,
            Err(e) => {
                problems.push(format!(
                    "{e} (your introduction, pins and drops were left out; fix that line)"
                ));
                SheetChoices::default()
            }
        };
        Sources {
            config,
            lib,
            stories,
            starred,
            choices,
            problems,
        }
    }

    pub fn build(&self) -> Sheet {
        let refs: Vec<&Story> = self.stories.iter().collect();
        build(&Inputs {
            profile: &self.config.profile,
            interview_date: self.config.interview_date,
            certifications: &self.config.certifications,
            lib: &self.lib,
            stories: &refs,
            starred: &self.starred,
            choices: &self.choices,
        })
    }
}

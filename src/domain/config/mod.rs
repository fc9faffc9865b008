//! The user's settings file, `config.toml`: what each setting means, its default and its allowed range.
//!
//! The file is optional and hand-edited, so reading it never fails: a missing file means defaults, and a
//! broken one is reported with its line while the defaults stand in (see [`read`]). The app only ever
//! changes one key at a time, keeping the user's comments (see [`edit`]).

mod edit;
mod practice;
mod profile;
mod read;

pub use edit::{
    ConfigSaveError, save_interview, save_interview_date, save_practice, save_profile, save_roles,
};
pub use practice::{ANY_ROLE, PracticePrefs};

use crate::domain::content::Problem;
use crate::domain::profile::Profile;
use chrono::NaiveDate;
use std::path::Path;

/// Which colours the app draws with. `NO_COLOR` in the environment wins over any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// The terminal's own foreground and background with the 16 ANSI colours; reads on dark terminals
    /// and on most light ones.
    #[default]
    Dark,
    /// Darker accent colours chosen to read on a white or pale background.
    Light,
    /// White on black with bright, bold accents and no dimmed text.
    HighContrast,
}

impl ThemeName {
    pub const ALL: [ThemeName; 3] = [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast];

    /// The name as written in `config.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
        }
    }

    /// Reads a name as written in the file; `_` and capitals are forgiven.
    pub fn parse(s: &str) -> Option<ThemeName> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        ThemeName::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// What reading the config file gave.
#[derive(Debug, Clone)]
pub struct ConfigRead {
    pub config: Config,
    pub problems: Vec<Problem>,
    /// False when the file is there but cannot be read as TOML at all (or cannot be read): none of
    /// its settings are known, and none can be saved into it until it is fixed. A missing file, or
    /// one with only some bad values, is known.
    pub settings_known: bool,
}

/// Every setting, with defaults for those the file leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The day of the interview, if the user has set one; the Home screen counts down to it.
    pub interview_date: Option<NaiveDate>,
    /// Target length of a spoken answer, in seconds.
    pub answer_seconds: u32,
    /// Speaking pace used to turn a written story into an estimated speaking time.
    pub words_per_minute: u32,
    /// Probability of recalling a card when it comes due; higher means more frequent reviews.
    pub desired_retention: f64,
    /// New cards introduced per day at most.
    pub daily_new_limit: u32,
    /// Longest gap between two reviews of a card, in days.
    pub maximum_interval_days: u32,
    pub theme: ThemeName,
    /// The user's certifications (e.g. "CPR/BLS"), shown on the one-page export.
    pub certifications: Vec<String>,
    /// Who is preparing and for which job (`[profile]`).
    pub profile: Profile,
    /// The practice round settings last used (`[practice]`).
    pub practice: PracticePrefs,
}

/// Allowed range and default of each number, shared by the reader and the README.
pub mod limits {
    use std::ops::RangeInclusive;
    pub const ANSWER_SECONDS: RangeInclusive<u32> = 15..=600;
    pub const WORDS_PER_MINUTE: RangeInclusive<u32> = 60..=300;
    pub const DESIRED_RETENTION: RangeInclusive<f64> = 0.70..=0.99;
    pub const DAILY_NEW_LIMIT: RangeInclusive<u32> = 0..=1000;
    pub const MAXIMUM_INTERVAL_DAYS: RangeInclusive<u32> = 1..=36500;
    /// More certifications than this is surely a mistake, and would not fit on one page.
    pub const MAX_CERTIFICATIONS: usize = 30;
}

impl Default for Config {
    fn default() -> Self {
        Config {
            interview_date: None,
            answer_seconds: 120,
            words_per_minute: 140,
            desired_retention: 0.9,
            daily_new_limit: 20,
            maximum_interval_days: 365,
            theme: ThemeName::Dark,
            certifications: Vec::new(),
            profile: Profile::default(),
            practice: PracticePrefs::default(),
        }
    }
}

impl Config {
    /// Reads the config file at `path`. Never fails and never writes: a missing file gives the
    /// defaults with no problems; anything wrong is returned as a problem (with line and column where
    /// it can be pinned) and the default is used for that setting, or for all of them if the file
    /// cannot be read as TOML at all.
    pub fn load(path: &Path) -> (Config, Vec<Problem>) {
        let (config, problems, _) = read::load(path);
        (config, problems)
    }

    /// [`Config::load`], saying also whether the file's settings are known at all.
    pub fn read(path: &Path) -> ConfigRead {
        let (config, problems, settings_known) = read::load(path);
        ConfigRead {
            config,
            problems,
            settings_known,
        }
    }

    /// Reads settings from the text of a config file; `shown` names the file in problems.
    pub fn from_text(shown: &str, text: &str) -> (Config, Vec<Problem>) {
        read::from_text(shown, text)
    }
}

impl Config {
    /// The scheduler's settings as this file sets them.
    pub fn study_settings(&self) -> crate::domain::schedule::Settings {
        crate::domain::schedule::Settings {
            desired_retention: self.desired_retention,
            maximum_interval_days: i32::try_from(self.maximum_interval_days).unwrap_or(i32::MAX),
            daily_new_limit: self.daily_new_limit,
            interview: self.interview_date,
        }
    }
}

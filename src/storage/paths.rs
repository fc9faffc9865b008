//! Where clinicprep keeps user data and its config file, chosen by flag, environment or platform default.

use std::path::{Path, PathBuf};

/// The folder, inside the data folder, where `clinicprep import` leaves files for the open app.
pub const INBOX_DIR: &str = "inbox";

/// The folders and files clinicprep reads and writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub config_file: PathBuf,
}

/// Why no data dir could be chosen.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "could not find a home folder for your data; choose one with --data-dir DIR or the \
     CLINICPREP_DATA_DIR environment variable"
)]
pub struct NoHomeDir;

impl Paths {
    /// Resolves paths: an explicit data dir (the `--data-dir` flag, or `CLINICPREP_DATA_DIR`, which clap
    /// folds into the same argument with the flag winning) beats the platform default.
    ///
    /// A data dir chosen by hand keeps its own `config.toml`, so a second folder (a trial run, a
    /// portable copy, a test) never reads or rewrites the profile of the everyday one. An explicit
    /// config file (`--config`, `CLINICPREP_CONFIG`) beats both.
    pub fn resolve(data_dir: Option<PathBuf>, config: Option<PathBuf>) -> Result<Paths, NoHomeDir> {
        let dirs = directories::ProjectDirs::from("", "", "clinicprep");
        let (data_dir, beside_data) = match data_dir {
            Some(d) => (d, true),
            None => (
                dirs.as_ref().ok_or(NoHomeDir)?.data_dir().to_path_buf(),
                false,
            ),
        };
        let config_file = match (config, &dirs) {
            (Some(c), _) => c,
            (None, Some(d)) if !beside_data => d.config_dir().join("config.toml"),
            (None, _) => data_dir.join("config.toml"),
        };
        Ok(Paths {
            data_dir,
            config_file,
        })
    }

    /// Paths for a data dir used as-is, with the config file inside it (tests and portable installs).
    pub fn in_dir(dir: &Path) -> Paths {
        Paths {
            data_dir: dir.to_path_buf(),
            config_file: dir.join("config.toml"),
        }
    }

    pub fn stories_dir(&self) -> PathBuf {
        self.data_dir.join("stories")
    }

    pub fn user_content_dir(&self) -> PathBuf {
        self.data_dir.join("content")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_dir_wins_over_platform_default() {
        let p = Paths::resolve(Some(PathBuf::from("/tmp/x")), None).unwrap();
        assert_eq!(p.data_dir, PathBuf::from("/tmp/x"));
        assert_eq!(p.stories_dir(), PathBuf::from("/tmp/x/stories"));
    }

    #[test]
    fn a_data_dir_chosen_by_hand_keeps_its_own_config_unless_one_is_named() {
        let p = Paths::resolve(Some(PathBuf::from("/tmp/x")), None).unwrap();
        assert_eq!(p.config_file, PathBuf::from("/tmp/x/config.toml"));
        let p = Paths::resolve(
            Some(PathBuf::from("/tmp/x")),
            Some(PathBuf::from("/tmp/c.toml")),
        )
        .unwrap();
        assert_eq!(p.config_file, PathBuf::from("/tmp/c.toml"));
    }

    #[test]
    fn default_data_dir_ends_in_clinicprep() {
        if let Ok(p) = Paths::resolve(None, None) {
            assert!(p.data_dir.ends_with("clinicprep"), "{:?}", p.data_dir);
            assert!(p.config_file.ends_with("config.toml"));
        }
    }
}

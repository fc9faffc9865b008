//! Where clinicprep keeps user data and its config file, chosen by flag, environment or platform default.

use std::path::{Path, PathBuf};

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
    pub fn resolve(data_dir: Option<PathBuf>, config: Option<PathBuf>) -> Result<Paths, NoHomeDir> {
        let dirs = directories::ProjectDirs::from("", "", "clinicprep");
        let data_dir = match data_dir {
            Some(d) => d,
            None => dirs.as_ref().ok_or(NoHomeDir)?.data_dir().to_path_buf(),
        };
        let config_file = match config {
            Some(c) => c,
            None => match &dirs {
                Some(d) => d.config_dir().join("config.toml"),
                None => data_dir.join("config.toml"),
            },
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
    fn default_data_dir_ends_in_clinicprep() {
        if let Ok(p) = Paths::resolve(None, None) {
            assert!(p.data_dir.ends_with("clinicprep"), "{:?}", p.data_dir);
            assert!(p.config_file.ends_with("config.toml"));
        }
    }
}

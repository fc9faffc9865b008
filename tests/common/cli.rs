//! Running the real binary as a user does from a shell, over a data folder, and reading what it said.

use std::path::Path;
use std::process::Command;

/// `clinicprep --data-dir DIR`, with a config file in DIR and no settings from the environment.
pub fn clinicprep(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_clinicprep"));
    c.env_remove("CLINICPREP_DATA_DIR")
        .env("CLINICPREP_CONFIG", dir.join("config.toml"))
        .arg("--data-dir")
        .arg(dir);
    c
}

/// What a command printed and how it ended.
pub struct Run {
    pub code: i32,
    pub out: String,
    pub err: String,
}

/// Runs `c` to the end.
pub fn run(c: &mut Command) -> Run {
    let o = c.output().expect("run clinicprep");
    Run {
        code: o.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&o.stdout).into_owned(),
        err: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

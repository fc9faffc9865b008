//! `clinicprep completions SHELL`: prints a script that teaches the shell clinicprep's commands and flags.

use clap::CommandFactory;
use clap_complete::aot::{Shell, generate};
use std::io::Write;

/// Writes the completion script for `shell` to `out`.
pub fn run(shell: Shell, out: &mut impl Write) -> std::io::Result<u8> {
    let mut cmd = super::Cli::command();
    // Into memory first: `generate` panics on a write error, while a closed pipe should be an error.
    let mut buf = Vec::new();
    generate(shell, &mut cmd, "clinicprep", &mut buf);
    out.write_all(&buf)?;
    Ok(0)
}

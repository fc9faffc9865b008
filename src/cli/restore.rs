//! `clinicprep restore`: list the data folder's backups, or restore one.

use crate::storage::backup;
use crate::storage::lock::{self, Acquired, DataLock};
use crate::storage::paths::Paths;
use crate::storage::sanitize;
use std::io::Write;

/// `clinicprep restore`: the backups, newest first, with the command to restore one.
pub fn list_backups_cmd(paths: &Paths, out: &mut impl Write) -> std::io::Result<u8> {
    let folder = paths.data_dir.join(backup::BACKUP_DIR);
    let backups = match backup::list(&paths.data_dir) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("clinicprep: {e}");
            return Ok(1);
        }
    };
    if backups.is_empty() {
        writeln!(
            out,
            "No backups yet in {}.\nclinicprep makes one when your data has changed, at most every 30 minutes.",
            folder.display()
        )?;
        return Ok(0);
    }
    writeln!(out, "Backups in {} (newest first):\n", folder.display())?;
    writeln!(out, "{:<24}  {:<16}  {:>5}  reason", "ID", "time", "files")?;
    for b in &backups {
        let local = b.time.with_timezone(&chrono::Local);
        writeln!(
            out,
            "{:<24}  {:<16}  {:>5}  {}",
            b.id,
            local.format("%Y-%m-%d %H:%M"),
            b.files,
            sanitize::clean_line(&b.reason)
        )?;
    }
    writeln!(
        out,
        "\nRestore one with: clinicprep restore ID   (your current data is backed up first)"
    )?;
    Ok(0)
}

/// `clinicprep restore ID`: refuses while another instance has the folder open.
pub fn restore_cmd(paths: &Paths, id: &str, out: &mut impl Write) -> std::io::Result<u8> {
    let lock = match DataLock::acquire_waiting(&paths.data_dir, lock::COMMAND_WAIT) {
        Ok(Acquired::Writer(lock)) => lock,
        Ok(Acquired::ReadOnly(holder)) => {
            eprintln!("clinicprep: {}", holder.refusal("restored"));
            return Ok(1);
        }
        Err(e) => {
            eprintln!("clinicprep: {e}; nothing was restored, {}.", e.cli_hint());
            return Ok(1);
        }
    };
    match backup::restore(&lock, id, crate::storage::clock::now()) {
        Ok(r) => {
            writeln!(
                out,
                "Restored backup {} ({} files; {} newer files removed).\n\
                 Your data as it was just before is in backup {}: run `clinicprep restore {}` to go back.",
                r.id, r.restored, r.removed, r.safety.id, r.safety.id
            )?;
            Ok(0)
        }
        Err(e) => {
            eprintln!("clinicprep: {e}");
            Ok(1)
        }
    }
}

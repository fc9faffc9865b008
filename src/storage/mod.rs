//! The user's files on disk: where they live, how they are written and locked, cached, backed up and
//! taken back after a crash, and cleaned before they reach the terminal.

pub mod atomic;
pub mod backup;
pub mod cache;
pub mod clock;
pub mod crash;
pub mod datafile;
pub mod lock;
pub mod paths;
pub mod recovery;
pub mod safe;
pub mod sanitize;

pub use atomic::{
    StorageError, ensure_data_dir, ensure_private_dir, is_temp_name, remove_stale_temps,
    write_atomic,
};

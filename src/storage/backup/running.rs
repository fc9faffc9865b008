//! Backups running in this process: counted, so that quitting can wait for them or cancel them.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// Backups running in this process, so that quitting can wait for them (see [`wait_idle`]).
static RUNNING: (Mutex<usize>, Condvar) = (Mutex::new(0), Condvar::new());
/// Set by [`cancel_running`]: a backup in progress stops between two files and removes its staging
/// folder whole.
pub(super) static CANCEL: AtomicBool = AtomicBool::new(false);

/// Counts one running backup for as long as it lives.
pub(super) struct Running;

impl Running {
    pub(super) fn start() -> Running {
        *RUNNING.0.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        Running
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let mut n = RUNNING.0.lock().unwrap_or_else(|p| p.into_inner());
        *n = n.saturating_sub(1);
        RUNNING.1.notify_all();
    }
}

/// True while a backup is being made in this process.
pub fn in_progress() -> bool {
    *RUNNING.0.lock().unwrap_or_else(|p| p.into_inner()) > 0
}

/// Waits until no backup is running in this process, at most `timeout`. True if none is.
pub fn wait_idle(timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    let mut n = RUNNING.0.lock().unwrap_or_else(|p| p.into_inner());
    while *n > 0 {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        n = RUNNING
            .1
            .wait_timeout(n, left)
            .unwrap_or_else(|p| p.into_inner())
            .0;
    }
    true
}

/// Asks a running backup to stop: it removes its half-made folder whole and fails. For quitting
/// when a backup would take longer than the person should wait; the next start makes it again.
pub fn cancel_running() {
    CANCEL.store(true, Ordering::SeqCst);
}

//! One writer per data folder: a lock file held for the whole session; a second instance only reads.

use crate::storage::StorageError;
use std::fs::{File, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The lock file's name inside the data folder. It is never deleted: removing it while another
/// process has it open would let a third process lock a fresh file beside the held one.
pub const LOCK_FILE: &str = "clinicprep.lock";

/// Proof that this process is the one writer on a data folder. The OS lock is released when this is
/// dropped or the process dies in any way (even SIGKILL), so a crash never leaves a stale lock.
#[derive(Debug)]
pub struct DataLock {
    // Held only for its lock; closing it releases the lock.
    _file: File,
    data_dir: PathBuf,
}

/// How long `import` and `restore` wait for another command to finish with the data folder before
/// they refuse.
pub const COMMAND_WAIT: Duration = Duration::from_secs(5);

/// How long a lock that is busy is tried again before it is taken for another process's. A process
/// that starts a program (a browser for the sheet; in tests, another test's child) hands the child a
/// copy of every open file until the program begins, and an OS lock travels with it: that hold lasts
/// milliseconds, and a short wait tells it apart from a second instance.
pub const BRIEF_HOLD: Duration = Duration::from_millis(300);

/// Takes `file`'s exclusive lock, trying again while it is busy until `wait` has passed.
pub fn lock_within(file: &File, wait: Duration) -> Result<(), TryLockError> {
    retry_while_busy(|| file.try_lock(), wait, std::thread::sleep)
}

/// The retry loop of [`lock_within`], with the attempt and the pause passed in so a test can count
/// them without a clock.
fn retry_while_busy(
    mut attempt: impl FnMut() -> Result<(), TryLockError>,
    wait: Duration,
    mut pause: impl FnMut(Duration),
) -> Result<(), TryLockError> {
    const STEP: Duration = Duration::from_millis(5);
    let mut waited = Duration::ZERO;
    loop {
        match attempt() {
            Err(TryLockError::WouldBlock) if waited < wait => {
                pause(STEP);
                waited += STEP;
            }
            done => return done,
        }
    }
}

/// Who holds the lock when we could not take it, for a message that names the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub lock_path: PathBuf,
    /// The holder's process id, if it wrote one we could read.
    pub pid: Option<u32>,
}

impl Holder {
    /// The message a command shows when it gives up waiting: who has the folder, and that nothing
    /// was changed.
    pub fn refusal(&self, what: &str) -> String {
        let folder = self.lock_path.parent().unwrap_or(&self.lock_path).display();
        let who = self
            .pid
            .map_or(String::new(), |p| format!(" (process {p})"));
        format!(
            "Another clinicprep{who} is using this data folder ({folder}), so nothing was {what}; \
             close it or let it finish, then run the command again."
        )
    }

    /// The message a second instance shows while it stays read-only.
    pub fn message(&self) -> String {
        let folder = self.lock_path.parent().unwrap_or(&self.lock_path).display();
        let who = match self.pid {
            Some(pid) => format!("Another clinicprep (process {pid})"),
            None => "Another clinicprep".to_string(),
        };
        format!(
            "{who} is open on this data folder ({folder}). This window is read-only; \
             close the other one to make changes."
        )
    }
}

/// The outcome of trying to become the writer.
#[derive(Debug)]
pub enum Acquired {
    Writer(DataLock),
    ReadOnly(Holder),
}

impl DataLock {
    /// Tries to become the one writer on `data_dir` (which must exist), waiting only out a
    /// moment's hold ([`BRIEF_HOLD`]). Another process holding the lock is not an error: it yields
    /// [`Acquired::ReadOnly`] and leaves that process undisturbed. Errors are for a lock file that
    /// cannot be opened or a filesystem that cannot lock.
    pub fn acquire(data_dir: &Path) -> Result<Acquired, StorageError> {
        DataLock::acquire_within(data_dir, BRIEF_HOLD)
    }

    /// Like [`DataLock::acquire`], but while another process holds the lock, tries again until
    /// `wait` has passed: for commands (`import`, `restore`) that another short command may be
    /// finishing with. Still [`Acquired::ReadOnly`] after that, for the caller to refuse with.
    pub fn acquire_waiting(data_dir: &Path, wait: Duration) -> Result<Acquired, StorageError> {
        DataLock::acquire_within(data_dir, wait.max(BRIEF_HOLD))
    }

    fn acquire_within(data_dir: &Path, wait: Duration) -> Result<Acquired, StorageError> {
        let path = data_dir.join(LOCK_FILE);
        // Never through a link, never a pipe: the pid is written over whatever file this is.
        let mut file = crate::storage::safe::open_private_rw(&path, false)
            .map_err(|e| StorageError::new(&path, "open the lock file", e))?;
        match lock_within(&file, wait) {
            Ok(()) => {
                // The pid is only for the other instance's message; failing to write it is harmless.
                let _ = write_pid(&mut file);
                Ok(Acquired::Writer(DataLock {
                    _file: file,
                    data_dir: data_dir.to_path_buf(),
                }))
            }
            Err(TryLockError::WouldBlock) => Ok(Acquired::ReadOnly(Holder {
                pid: read_pid(&mut file),
                lock_path: path,
            })),
            Err(TryLockError::Error(e)) => Err(StorageError::new(&path, "lock", e)),
        }
    }

    /// The data folder this lock guards.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }
}

fn write_pid(file: &mut File) -> std::io::Result<()> {
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    writeln!(file, "{}", std::process::id())
}

fn read_pid(file: &mut File) -> Option<u32> {
    let mut s = String::new();
    file.take(32).read_to_string(&mut s).ok()?;
    s.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_handle_in_the_same_process_is_read_only_until_the_first_is_dropped() {
        // Locks belong to the open file, not the process (flock on Unix, LockFileEx on Windows), so a
        // second open in-process conflicts exactly as a second instance would.
        let dir = tempfile::tempdir().unwrap();
        let first = match DataLock::acquire(dir.path()).unwrap() {
            Acquired::Writer(l) => l,
            Acquired::ReadOnly(h) => panic!("fresh folder was locked by {h:?}"),
        };
        assert_eq!(first.data_dir(), dir.path());
        match DataLock::acquire(dir.path()).unwrap() {
            Acquired::ReadOnly(h) => {
                assert_eq!(h.pid, Some(std::process::id()));
                assert_eq!(h.lock_path, dir.path().join(LOCK_FILE));
                let msg = h.message();
                assert!(msg.contains(&dir.path().display().to_string()), "{msg}");
                assert!(msg.contains("read-only"), "{msg}");
            }
            Acquired::Writer(_) => panic!("two writers on one folder"),
        }
        drop(first);
        assert!(matches!(
            DataLock::acquire(dir.path()).unwrap(),
            Acquired::Writer(_)
        ));
    }

    #[test]
    fn a_lock_busy_for_a_moment_is_taken_once_it_frees() {
        let mut busy = 2;
        let mut pauses = Vec::new();
        let got = retry_while_busy(
            || {
                if busy == 0 {
                    return Ok(());
                }
                busy -= 1;
                Err(TryLockError::WouldBlock)
            },
            BRIEF_HOLD,
            |d| pauses.push(d),
        );
        assert!(got.is_ok());
        assert_eq!(pauses.len(), 2, "one pause per busy attempt");
    }

    #[test]
    fn a_lock_busy_past_the_wait_stays_busy_and_other_errors_are_not_retried() {
        let mut attempts = 0;
        let mut waited = Duration::ZERO;
        let got = retry_while_busy(
            || {
                attempts += 1;
                Err(TryLockError::WouldBlock)
            },
            Duration::from_millis(100),
            |d| waited += d,
        );
        assert!(matches!(got, Err(TryLockError::WouldBlock)));
        assert_eq!(waited, Duration::from_millis(100));
        assert_eq!(
            attempts, 21,
            "the first try, then one after each 5 ms pause"
        );

        let mut pauses = 0;
        let got = retry_while_busy(
            || Err(TryLockError::Error(std::io::ErrorKind::Unsupported.into())),
            BRIEF_HOLD,
            |_| pauses += 1,
        );
        assert!(matches!(got, Err(TryLockError::Error(_))));
        assert_eq!(pauses, 0);
    }

    #[test]
    fn lock_file_is_private_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        drop(DataLock::acquire(dir.path()).unwrap());
        let path = dir.path().join(LOCK_FILE);
        assert!(
            path.exists(),
            "the lock file stays so nobody locks a second inode"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn missing_folder_is_an_error_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let err = DataLock::acquire(&dir.path().join("nope")).unwrap_err();
        assert!(err.to_string().contains("nope"), "{err}");
    }
}

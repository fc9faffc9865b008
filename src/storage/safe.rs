//! Touching files in a data folder that may be hostile: only regular files are read, with a size bound
//! checked before reading and never blocking on a pipe; nothing is written through a symbolic link or
//! into anything but a regular file; and a data folder that others can change is pointed out.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why a path that is not a regular file was not read.
pub const NOT_REGULAR: &str = "it is not a regular file (a pipe, device, socket or folder), so \
                               clinicprep does not open it; move it out of the way";
/// Why a symbolic link was not written through.
pub const IS_LINK: &str = "it is a symbolic link, and clinicprep never writes through links in its \
                           data folder; replace the link with the file itself";
/// Why a folder that is a symbolic link was not written into.
pub const DIR_IS_LINK: &str = "it is a symbolic link, and clinicprep never writes through links in \
                               its data folder; replace the link with the folder itself";

fn refused(why: &'static str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, why)
}

/// True for the errors this module makes to refuse a link or a file that is not regular.
pub fn is_refusal(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::InvalidInput
        && [NOT_REGULAR, IS_LINK, DIR_IS_LINK]
            .iter()
            .any(|w| e.to_string() == *w)
}

/// `n` bytes for a person: "512 bytes", "12 KiB", "1.5 MiB".
pub fn size(n: u64) -> String {
    match n {
        0..1024 => format!("{n} bytes"),
        1024..1_048_576 => format!("{} KiB", n / 1024),
        _ => format!("{:.1} MiB", n as f64 / 1_048_576.0),
    }
}

/// The error for a file over `limit`; its message says both sizes.
pub fn too_large(len: u64, limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!("it is {}, more than the {} limit", size(len), size(limit)),
    )
}

/// Opens `path` for reading if it is a regular file (a link to one is followed). Anything else — a
/// FIFO, a device such as `/dev/zero`, a socket, a folder — is refused without being opened for long:
/// the type is checked before opening, the open never blocks (a FIFO with no writer would hang it),
/// and the type is checked again on the open file in case the path was swapped in between.
pub fn open_regular(path: &Path) -> io::Result<(File, Metadata)> {
    if !fs::metadata(path)?.is_file() {
        return Err(refused(NOT_REGULAR));
    }
    open_checked(path)
}

/// Opens a path read as a regular file a moment ago (`seen`, its metadata through links) without
/// looking it up again first: loading 10,000 stories looked each one up three times. It is still
/// refused if it is no longer a regular file once open.
fn open_seen(path: &Path, seen: &Metadata) -> io::Result<(File, Metadata)> {
    if seen.is_file() {
        open_checked(path)
    } else {
        open_regular(path)
    }
}

/// Opens `path` without blocking and checks, on the open file, that it is a regular file.
fn open_checked(path: &Path) -> io::Result<(File, Metadata)> {
    let mut opts = OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = opts.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(refused(NOT_REGULAR));
    }
    Ok((file, meta))
}

/// Reads a regular file of at most `limit` bytes (see [`open_regular`]). A larger file is refused
/// before reading, and reading stops at the limit even if the file grows meanwhile.
pub fn read_regular(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    read_open(open_regular(path)?, limit)
}

/// [`read_regular`] of a path whose metadata (through links) was read a moment ago: see
/// [`open_seen`].
pub fn read_regular_seen(path: &Path, seen: &Metadata, limit: u64) -> io::Result<Vec<u8>> {
    read_open(open_seen(path, seen)?, limit)
}

fn read_open((file, meta): (File, Metadata), limit: u64) -> io::Result<Vec<u8>> {
    if meta.len() > limit {
        return Err(too_large(meta.len(), limit));
    }
    let mut buf = Vec::with_capacity(meta.len() as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(too_large(buf.len() as u64, limit));
    }
    Ok(buf)
}

/// Checks that `path` may be replaced by a save: it is missing, or a regular file that is not a link.
pub fn check_replaceable(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
        Ok(m) if m.file_type().is_symlink() => Err(refused(IS_LINK)),
        Ok(m) if !m.is_file() => Err(refused(NOT_REGULAR)),
        Ok(_) => Ok(()),
    }
}

/// Opens `path` to read and write (appending if `append`), creating it with mode 0600 if missing. A
/// symbolic link is never followed and anything but a regular file is refused, without blocking on a
/// FIFO; an existing file is made 0600. For the lock file and the review journal, which are written
/// in place.
pub fn open_private_rw(path: &Path, append: bool) -> io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.read(true).create(true);
    if append {
        opts.append(true);
    } else {
        opts.write(true).truncate(false);
    }
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600)
            .custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32);
    }
    let file = opts.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
            return refused(IS_LINK);
        }
        e
    })?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(refused(NOT_REGULAR));
    }
    make_private(&file, &meta);
    Ok(file)
}

/// Sets mode 0600 on an open file of ours that has any other bits. Best effort: a file owned by
/// someone else cannot be changed, and the folder warning covers that case.
pub fn make_private(file: &File, meta: &Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o7777 != 0o600 {
            let _ = file.set_permissions(fs::Permissions::from_mode(0o600));
        }
    }
    #[cfg(not(unix))]
    let _ = (file, meta);
}

/// A sentence for the person when the data folder `dir` can be changed by someone else: it belongs to
/// another user, or other users may write in it. `None` when it is private (or cannot be looked at,
/// which the first save reports).
pub fn folder_warning(dir: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = fs::metadata(dir).ok()?;
        let me = rustix::process::geteuid().as_raw();
        let shown = crate::storage::sanitize::clean_line(&dir.display().to_string());
        if meta.uid() != me {
            return Some(format!(
                "The data folder {shown} belongs to another user (uid {}), who can change or \
                 replace your files. Use a folder of your own with --data-dir.",
                meta.uid()
            ));
        }
        if meta.mode() & 0o022 != 0 {
            return Some(format!(
                "Other users can write in the data folder {shown} (mode {:o}) and could change or \
                 replace your files. Run `chmod 700 {shown}` or use another folder with --data-dir.",
                meta.mode() & 0o777
            ));
        }
        None
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

/// Entries in the data folder that clinicprep would refuse to write or read: symbolic links and
/// files that are not regular, at the top level and among the stories. Each is `(path, why)`.
pub fn unsafe_entries(data_dir: &Path) -> Vec<(std::path::PathBuf, &'static str)> {
    let mut out = Vec::new();
    for dir in [data_dir.to_path_buf(), data_dir.join("stories")] {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(kind) = e.file_type() else { continue };
            let name = e.file_name();
            let name = name.to_string_lossy();
            let ours = name.ends_with(".toml")
                || name.ends_with(".json")
                || name.ends_with(".log")
                || name.ends_with(".jsonl")
                || name == crate::storage::lock::LOCK_FILE;
            if kind.is_symlink() {
                let why = if e.path().is_dir() {
                    DIR_IS_LINK
                } else {
                    IS_LINK
                };
                out.push((e.path(), why));
            } else if ours && !kind.is_file() && !kind.is_dir() {
                out.push((e.path(), NOT_REGULAR));
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_well() {
        assert_eq!(size(10), "10 bytes");
        assert_eq!(size(2048), "2 KiB");
        assert_eq!(size(3 * 1024 * 1024 / 2), "1.5 MiB");
    }

    #[cfg(unix)]
    #[test]
    fn pipes_devices_and_big_files_are_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.toml");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
        )
        .unwrap();
        let err = read_regular(&fifo, 100).unwrap_err();
        assert!(is_refusal(&err), "{err}");
        let zero = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(is_refusal(&read_regular(&zero, 100).unwrap_err()));
        let big = dir.path().join("big.toml");
        fs::write(&big, vec![b'a'; 101]).unwrap();
        let err = read_regular(&big, 100).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        assert!(err.to_string().contains("101 bytes"), "{err}");
        assert_eq!(read_regular(&big, 101).unwrap().len(), 101);
    }

    /// A file seen as a regular file and then swapped for a pipe or a link to a device is refused
    /// once open, without hanging; one still regular is read, and a path seen as something else
    /// is looked up as `read_regular` would.
    #[cfg(unix)]
    #[test]
    fn a_file_seen_regular_then_swapped_is_still_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.toml");
        fs::write(&path, "title = 'x'").unwrap();
        let seen = fs::metadata(&path).unwrap();
        assert_eq!(
            read_regular_seen(&path, &seen, 100).unwrap(),
            b"title = 'x'"
        );
        fs::remove_file(&path).unwrap();
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &path,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
        )
        .unwrap();
        let err = read_regular_seen(&path, &seen, 100).unwrap_err();
        assert!(is_refusal(&err), "{err}");
        fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        assert!(is_refusal(
            &read_regular_seen(&path, &seen, 100).unwrap_err()
        ));
        let folder = fs::metadata(dir.path()).unwrap();
        assert!(is_refusal(
            &read_regular_seen(&path, &folder, 100).unwrap_err()
        ));
    }

    #[cfg(unix)]
    #[test]
    fn links_are_never_opened_for_writing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("precious.txt");
        fs::write(&target, "keep me").unwrap();
        let link = dir.path().join("clinicprep.lock");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = open_private_rw(&link, false).unwrap_err();
        assert!(
            is_refusal(&err) && err.to_string().contains("symbolic link"),
            "{err}"
        );
        assert!(is_refusal(&check_replaceable(&link).unwrap_err()));
        assert_eq!(fs::read_to_string(&target).unwrap(), "keep me");
        check_replaceable(&target).unwrap();
        check_replaceable(&dir.path().join("missing")).unwrap();
    }
}

//! Editing files behind the caches' backs, for the cache and status tests.

use std::fs;
use std::path::Path;

/// Rewrites `path` in place with `text` of the same length and puts its old modification time back,
/// as `cp -p` or a sync tool might: only the change time and the bytes tell.
pub fn edit_keeping_size_and_mtime(path: &Path, text: &str) {
    let old = fs::read_to_string(path).unwrap();
    assert_eq!(old.len(), text.len(), "same size");
    let mtime = fs::metadata(path).unwrap().modified().unwrap();
    fs::write(path, text).unwrap();
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
}

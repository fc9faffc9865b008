use super::staging::{OWNER, claim};
use super::*;
use crate::storage::lock::{Acquired, DataLock};
use chrono::TimeZone;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn mins(m: i64) -> DateTime<Utc> {
    t0() + TimeDelta::minutes(m)
}

/// A data folder with a story, a snapshot, a journal and the things backups leave out.
fn data() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("stories")).unwrap();
    fs::create_dir_all(d.join("crashes")).unwrap();
    fs::write(d.join("stories/fall.toml"), "title = 'Fall'\n").unwrap();
    fs::write(d.join("schedule.json"), "{\"cards\":[]}").unwrap();
    fs::write(d.join("reviews.log"), "r1\nr2\n").unwrap();
    fs::write(d.join("clinicprep.lock"), "123\n").unwrap();
    fs::write(d.join("crashes/crash-1.txt"), "boom").unwrap();
    fs::write(d.join("stories/.fall.toml.aB3dE9"), "half").unwrap();
    dir
}

fn lock(dir: &Path) -> DataLock {
    match DataLock::acquire(dir).unwrap() {
        Acquired::Writer(l) => l,
        Acquired::ReadOnly(h) => panic!("locked by {h:?}"),
    }
}

fn copied(b: &Backup) -> Vec<String> {
    files::walk(&files_dir(b), &[])
        .unwrap()
        .iter()
        .map(|f| f.rel.to_string_lossy().into_owned())
        .collect()
}

#[test]
fn first_periodic_backup_copies_every_data_file_and_nothing_else() {
    let dir = data();
    let Periodic::Made(b) = backup_if_due(dir.path(), t0()).unwrap() else {
        panic!("no backup made");
    };
    assert_eq!(b.id, "2026-11-23T09-00-00Z");
    assert_eq!(b.reason, PERIODIC);
    assert_eq!(b.files, 3);
    assert_eq!(
        copied(&b),
        ["reviews.log", "schedule.json", "stories/fall.toml"]
    );
    assert_eq!(
        fs::read_to_string(files_dir(&b).join("stories/fall.toml")).unwrap(),
        "title = 'Fall'\n"
    );
    assert_eq!(list(dir.path()).unwrap(), vec![b]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(dir.path().join(BACKUP_DIR))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}

#[test]
fn an_empty_data_folder_is_not_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        backup_if_due(dir.path(), t0()).unwrap(),
        Periodic::Unchanged
    );
    assert!(!dir.path().join(BACKUP_DIR).exists());
}

#[test]
fn periodic_backups_wait_thirty_minutes_and_need_a_change() {
    let dir = data();
    assert!(matches!(
        backup_if_due(dir.path(), t0()).unwrap(),
        Periodic::Made(_)
    ));
    fs::write(dir.path().join("reviews.log"), "r1\nr2\nr3\n").unwrap();
    assert_eq!(
        backup_if_due(dir.path(), mins(29)).unwrap(),
        Periodic::NotDue { next: mins(30) }
    );
    assert!(matches!(
        backup_if_due(dir.path(), mins(30)).unwrap(),
        Periodic::Made(_)
    ));
    assert_eq!(
        backup_if_due(dir.path(), mins(90)).unwrap(),
        Periodic::Unchanged,
        "nothing changed since the last one"
    );
    fs::write(dir.path().join("stories/new.toml"), "title = 'New'\n").unwrap();
    let Periodic::Made(b) = backup_if_due(dir.path(), mins(91)).unwrap() else {
        panic!("a new file is a change");
    };
    assert_eq!(b.files, 4);
    assert_eq!(list(dir.path()).unwrap().len(), 3);
}

#[test]
fn backup_now_always_backs_up_and_never_reuses_a_name() {
    let dir = data();
    let a = backup_now(dir.path(), t0(), "before import of deck.apkg").unwrap();
    let b = backup_now(dir.path(), t0(), "before bulk delete").unwrap();
    assert_eq!(a.id, "2026-11-23T09-00-00Z");
    assert_eq!(b.id, "2026-11-23T09-00-00Z-2");
    let listed = list(dir.path()).unwrap();
    assert_eq!(listed.len(), 2);
    assert!(
        listed
            .iter()
            .any(|x| x.reason == "before import of deck.apkg")
    );
}

#[test]
fn half_made_backups_are_cleaned_and_never_listed() {
    let dir = data();
    let staging = dir
        .path()
        .join("backups/.staging-2026-01-01T00-00-00Z/files");
    fs::create_dir_all(&staging).unwrap();
    fs::write(staging.join("schedule.json"), "partial").unwrap();
    // What a killed maker leaves: its owner file, no longer locked by anyone.
    fs::write(staging.join("../.owner"), "12345\n").unwrap();
    fs::create_dir_all(dir.path().join("backups/not-ours")).unwrap();
    assert!(list(dir.path()).unwrap().is_empty());
    backup_now(dir.path(), t0(), "test").unwrap();
    assert!(!staging.exists());
    assert!(
        dir.path().join("backups/not-ours").exists(),
        "not ours: kept"
    );
    assert_eq!(list(dir.path()).unwrap().len(), 1);
}

#[test]
fn old_backups_are_thinned_as_new_ones_are_made() {
    let dir = data();
    // A change and a backup every 30 minutes for 3 days.
    for i in 0..(3 * 48) {
        fs::write(dir.path().join("reviews.log"), format!("{i}\n")).unwrap();
        let now = mins(30 * i);
        assert!(
            matches!(backup_if_due(dir.path(), now).unwrap(), Periodic::Made(_)),
            "round {i}"
        );
    }
    let kept = list(dir.path()).unwrap();
    // 12 from the last 24 hours, plus the newest of each of the three earlier (UTC) days.
    assert_eq!(
        kept.len(),
        15,
        "{:?}",
        kept.iter().map(|b| &b.id).collect::<Vec<_>>()
    );
    let dirs = fs::read_dir(dir.path().join(BACKUP_DIR)).unwrap().count();
    assert_eq!(dirs, 15, "pruned backups are deleted from disk");
}

#[test]
fn restore_puts_the_backup_back_and_can_itself_be_undone() {
    let dir = data();
    let d = dir.path();
    let old = backup_now(d, t0(), "test").unwrap();
    fs::write(d.join("stories/fall.toml"), "title = 'Changed'\n").unwrap();
    fs::write(d.join("stories/later.toml"), "title = 'Later'\n").unwrap();
    fs::remove_file(d.join("reviews.log")).unwrap();
    let lock = lock(d);
    let done = restore(&lock, &old.id, mins(5)).unwrap();
    assert_eq!((done.restored, done.removed), (3, 1));
    assert_eq!(
        fs::read_to_string(d.join("stories/fall.toml")).unwrap(),
        "title = 'Fall'\n"
    );
    assert_eq!(
        fs::read_to_string(d.join("reviews.log")).unwrap(),
        "r1\nr2\n"
    );
    assert!(!d.join("stories/later.toml").exists());
    assert!(
        d.join("crashes/crash-1.txt").exists(),
        "excluded files untouched"
    );
    assert!(d.join("clinicprep.lock").exists());
    assert_eq!(done.safety.reason, format!("before restoring {}", old.id));

    // Undo: the safety backup holds exactly what was there before.
    restore(&lock, &done.safety.id, mins(6)).unwrap();
    assert_eq!(
        fs::read_to_string(d.join("stories/fall.toml")).unwrap(),
        "title = 'Changed'\n"
    );
    assert!(d.join("stories/later.toml").exists());
    assert!(!d.join("reviews.log").exists());
}

#[test]
fn a_damaged_or_unknown_backup_is_not_restored_and_nothing_changes() {
    let dir = data();
    let d = dir.path();
    let missing = backup_now(d, t0(), "test").unwrap();
    fs::remove_file(files_dir(&missing).join("schedule.json")).unwrap();
    let cut = backup_now(d, mins(1), "test").unwrap();
    fs::write(files_dir(&cut).join("reviews.log"), "").unwrap();
    fs::write(d.join("schedule.json"), "current").unwrap();
    let lock = lock(d);
    for (b, what) in [(&missing, "2 of 3 files"), (&cut, "bytes")] {
        let err = restore(&lock, &b.id, mins(2)).unwrap_err();
        assert!(matches!(err, RestoreError::Damaged { .. }), "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains(what) && msg.contains("nothing was changed"),
            "{msg}"
        );
    }
    assert_eq!(
        fs::read_to_string(d.join("schedule.json")).unwrap(),
        "current"
    );
    assert_eq!(
        list(d).unwrap().len(),
        2,
        "no safety backup for a refused restore"
    );
    let err = restore(&lock, "nope", mins(1)).unwrap_err();
    assert!(err.to_string().contains("clinicprep restore"), "{err}");
}

#[test]
fn concurrent_backups_in_one_process_get_distinct_whole_folders() {
    let dir = data();
    let d = dir.path().to_path_buf();
    let threads: Vec<_> = (0..4)
        .map(|i| {
            let d = d.clone();
            std::thread::spawn(move || backup_now(&d, t0(), &format!("thread {i}")).unwrap())
        })
        .collect();
    let mut ids: Vec<_> = threads.into_iter().map(|t| t.join().unwrap().id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 4);
    let listed = list(&d).unwrap();
    assert_eq!(listed.len(), 4);
    for b in &listed {
        assert_eq!(copied(b).len(), 3, "{}", b.id);
    }
}

fn stagings(d: &Path) -> Vec<String> {
    fs::read_dir(d.join(BACKUP_DIR))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(STAGING_PREFIX))
        .collect()
}

#[test]
fn another_process_staging_folder_is_left_alone_until_its_owner_is_gone() {
    let dir = data();
    let d = dir.path();
    let staging = d
        .join(BACKUP_DIR)
        .join(".staging-2026-01-01T00-00-00Z-99999");
    fs::create_dir_all(staging.join("files")).unwrap();
    // Its maker is alive: it holds the owner file's lock (a second open file conflicts, as another
    // process would).
    let owner = claim(&staging).expect("lock the owner file");
    backup_now(d, t0(), "test").unwrap();
    assert!(
        staging.exists(),
        "a live backup's staging folder was removed"
    );
    drop(owner);
    backup_now(d, mins(1), "test").unwrap();
    assert!(!staging.exists(), "a dead maker's staging folder stays");
    assert!(stagings(d).is_empty());
}

#[test]
fn a_failed_backup_removes_its_staging_folder_whole_and_publishes_nothing() {
    let dir = data();
    let d = dir.path();
    let mut files = files::walk(d, &excluded()).unwrap();
    files.push(files::DataFile {
        rel: "stories/vanished.toml".into(),
        size: 10,
        modified: None,
    });
    let err = make(d, t0(), "test", &files).unwrap_err();
    assert!(err.to_string().contains("vanished.toml"), "{err}");
    assert!(stagings(d).is_empty(), "{:?}", stagings(d));
    assert!(list(d).unwrap().is_empty());
}

#[test]
fn published_backups_are_private() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = data();
        let d = dir.path();
        fs::set_permissions(
            d.join("stories/fall.toml"),
            fs::Permissions::from_mode(0o644),
        )
        .unwrap();
        let b = backup_now(d, t0(), "test").unwrap();
        let copy = files_dir(&b).join("stories/fall.toml");
        let mode = fs::metadata(copy).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(!b.dir.join(OWNER).exists());
    }
}

fn year(y: i32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, 11, 23, 9, 0, 0).unwrap()
}

#[test]
fn a_clock_in_2040_deletes_no_real_backup_and_does_not_stop_later_ones() {
    let dir = data();
    let d = dir.path();
    // Three real backups the same morning.
    for i in 0..3 {
        fs::write(d.join("reviews.log"), format!("{i}\n")).unwrap();
        assert!(matches!(
            backup_if_due(d, mins(30 * i)).unwrap(),
            Periodic::Made(_)
        ));
    }
    // A session with the clock in 2040 makes one and thins: every real one stays.
    fs::write(d.join("reviews.log"), "2040\n").unwrap();
    let Periodic::Made(future) = backup_if_due(d, year(2040)).unwrap() else {
        panic!("no backup in 2040");
    };
    assert_eq!(list(d).unwrap().len(), 4);
    // Back to the real date: the 2040 backup is suspect; it neither blocks the next backup nor goes.
    fs::write(d.join("reviews.log"), "later\n").unwrap();
    assert!(matches!(
        backup_if_due(d, mins(120)).unwrap(),
        Periodic::Made(_)
    ));
    let ids: Vec<_> = list(d).unwrap().into_iter().map(|b| b.id).collect();
    assert_eq!(ids.len(), 5, "{ids:?}");
    assert!(ids.contains(&future.id));
    // And a clock before 1970 neither panics nor deletes anything.
    fs::write(d.join("reviews.log"), "1960\n").unwrap();
    backup_if_due(d, year(1960)).unwrap();
    backup_now(d, year(1960), "old clock").unwrap();
    assert_eq!(list(d).unwrap().len(), 7);
}

/// Waits (polling, with a deadline) until every file under `dir` changed long enough ago that its
/// stamp alone vouches for its content (see `Stamp::is_racy`).
fn settle(dir: &Path) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let racy = files::walk(dir, &excluded()).unwrap().iter().any(|f| {
            let meta = fs::metadata(dir.join(&f.rel)).unwrap();
            crate::storage::cache::Stamp::of(&meta).is_racy(std::time::SystemTime::now())
        });
        if !racy {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "files never settled");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).unwrap().ino()
}

#[cfg(unix)]
#[test]
fn a_backup_copies_only_what_changed_and_links_the_rest_to_the_previous_copies() {
    let dir = data();
    let d = dir.path();
    fs::create_dir_all(d.join("content")).unwrap();
    fs::write(d.join("content/deck.toml"), "[[card]]\nid = 'a'\n").unwrap();
    settle(d);
    let first = backup_now(d, t0(), "first").unwrap();
    assert_eq!((first.files, first.copied), (4, 4));
    let sums = sums::Sums::read(&first.dir).unwrap();
    assert_eq!(sums.0.len(), 4);
    assert!(
        sums.0.values().all(|s| s.source.is_some()),
        "settled files vouch"
    );

    // A save (a new file by rename) and an in-place edit that puts the old mtime back: both copied;
    // the two untouched files are links to the first backup's copies.
    storage::write_atomic(&d.join("stories/fall.toml"), b"title = 'Fell'\n").unwrap();
    let deck = d.join("content/deck.toml");
    let mtime = fs::metadata(&deck).unwrap().modified().unwrap();
    fs::write(&deck, "[[card]]\nid = 'b'\n").unwrap();
    fs::File::options()
        .write(true)
        .open(&deck)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let second = backup_now(d, mins(1), "second").unwrap();
    assert_eq!((second.files, second.copied), (4, 2));
    for (rel, linked) in [
        ("reviews.log", true),
        ("schedule.json", true),
        ("stories/fall.toml", false),
        ("content/deck.toml", false),
    ] {
        let same = inode(&files_dir(&first).join(rel)) == inode(&files_dir(&second).join(rel));
        assert_eq!(same, linked, "{rel}");
    }
    assert_eq!(
        fs::read_to_string(files_dir(&first).join("content/deck.toml")).unwrap(),
        "[[card]]\nid = 'a'\n",
        "an earlier backup keeps what it had: data files are never linked"
    );
    assert_eq!(
        fs::read_to_string(files_dir(&second).join("content/deck.toml")).unwrap(),
        "[[card]]\nid = 'b'\n"
    );
    // Just written, so not trusted by stamp: the next backup copies them again.
    let sums = sums::Sums::read(&second.dir).unwrap();
    assert!(
        sums.get(Path::new("stories/fall.toml"))
            .unwrap()
            .source
            .is_none()
    );

    // Each backup restores whole, and thinning one leaves the other's links whole.
    let lock = lock(d);
    restore(&lock, &first.id, mins(2)).unwrap();
    assert_eq!(fs::read_to_string(&deck).unwrap(), "[[card]]\nid = 'a'\n");
    fs::remove_dir_all(&first.dir).unwrap();
    restore(&lock, &second.id, mins(3)).unwrap();
    assert_eq!(fs::read_to_string(&deck).unwrap(), "[[card]]\nid = 'b'\n");
    assert_eq!(
        fs::read_to_string(d.join("reviews.log")).unwrap(),
        "r1\nr2\n"
    );
}

#[test]
fn a_copy_changed_after_its_backup_was_made_is_refused_at_restore() {
    let dir = data();
    let d = dir.path();
    let b = backup_now(d, t0(), "test").unwrap();
    // Same size, other bytes: only the checksum can tell.
    fs::write(files_dir(&b).join("reviews.log"), "r1\nr9\n").unwrap();
    fs::write(d.join("schedule.json"), "current").unwrap();
    let lock = lock(d);
    let err = restore(&lock, &b.id, mins(1)).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, RestoreError::Damaged { .. }), "{msg}");
    assert!(
        msg.contains("reviews.log does not match its checksum"),
        "{msg}"
    );
    assert_eq!(
        fs::read_to_string(d.join("schedule.json")).unwrap(),
        "current"
    );
}

#[test]
fn a_backup_made_before_checksums_still_restores_and_the_next_one_copies_everything() {
    let dir = data();
    let d = dir.path();
    let old = backup_now(d, t0(), "old").unwrap();
    // What an older version left: no manifest of checksums, no copied count.
    fs::remove_file(old.dir.join(sums::SUMS)).unwrap();
    let manifest = fs::read_to_string(old.dir.join(MANIFEST)).unwrap();
    let manifest: String = manifest
        .lines()
        .filter(|l| !l.starts_with("copied"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(old.dir.join(MANIFEST), manifest).unwrap();
    let listed = list(d).unwrap();
    assert_eq!(listed[0].copied, listed[0].files);
    let next = backup_now(d, mins(1), "next").unwrap();
    assert_eq!(next.copied, next.files, "nothing to link from");
    let lock = lock(d);
    fs::write(d.join("schedule.json"), "current").unwrap();
    restore(&lock, &old.id, mins(2)).unwrap();
    assert_eq!(
        fs::read_to_string(d.join("schedule.json")).unwrap(),
        "{\"cards\":[]}"
    );
}

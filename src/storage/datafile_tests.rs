use super::*;
use serde::Deserialize;

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Doc {
    ids: Vec<String>,
}

#[test]
fn missing_file_is_none_and_round_trip_keeps_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/x.toml");
    assert_eq!(load::<Doc>(&path).unwrap(), None);
    let doc = Doc {
        ids: vec!["a".into(), "b".into()],
    };
    save(&path, "A test file.\nSecond line.", &doc).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("# A test file.\n# Second line.\n"),
        "{text}"
    );
    assert_eq!(load::<Doc>(&path).unwrap(), Some(doc));
}

#[test]
fn damaged_file_reports_path_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.toml");
    std::fs::write(&path, "# ok\nids = [\"a\",\n  oops\n").unwrap();
    match load::<Doc>(&path) {
        Err(LoadError::Damaged(p)) => {
            assert_eq!(p.line, Some(3), "{p}");
            assert!(p.path.ends_with("x.toml"));
        }
        other => panic!("expected Damaged, got {other:?}"),
    }
}

#[test]
fn binary_file_is_damaged_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.toml");
    std::fs::write(&path, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let err = load::<Doc>(&path).unwrap_err();
    assert!(err.to_string().contains("not UTF-8"), "{err}");
    assert!(err.advice().contains("fix or move"), "{}", err.advice());
}

#[test]
fn kept_never_saves_over_a_damaged_file_and_remembers_failed_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.toml");
    std::fs::write(&path, "ids = [").unwrap();
    let mut kept = Kept::from_load(load::<Doc>(&path), None);
    assert!(kept.damaged.is_some());
    kept.value = Some(Doc { ids: vec![] });
    let err = kept.save(|v| save(&path, "h", v)).unwrap_err();
    assert!(err.contains("x.toml:1"), "{err}");
    assert!(kept.unsaved);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "ids = [");

    let missing = dir.path().join("gone/deeper");
    std::fs::write(dir.path().join("gone"), "a file where a folder should be").unwrap();
    let mut fresh = Kept::from_load(Ok(Doc { ids: vec![] }), Doc { ids: vec![] });
    let err = fresh
        .save(|v| save(&missing.join("y.toml"), "h", v))
        .unwrap_err();
    assert!(err.starts_with("Not saved:"), "{err}");
    assert!(fresh.unsaved);
    fresh
        .save(|v| save(&path.with_file_name("ok.toml"), "h", v))
        .unwrap();
    assert!(!fresh.unsaved);
}

/// A user walk fixed a damaged checklist by hand while the app was open, ticked a box, and the
/// fix was overwritten. A watched file changed by another program is never written over:
/// whether the change reads or not, and until the app starts again.
#[test]
fn a_watched_file_changed_outside_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.toml");
    let doc = |ids: &[&str]| Doc {
        ids: ids.iter().map(|s| s.to_string()).collect(),
    };
    save(&path, "h", &doc(&["a"])).unwrap();
    let mut kept =
        Kept::from_load(load::<Doc>(&path).map(Option::unwrap), doc(&[])).watching(path.clone());
    // Its own saves, one after another, are not "changes outside".
    for ids in [&["a", "b"][..], &["a", "b", "c"][..]] {
        kept.value = doc(ids);
        kept.save(|v| save(&path, "h", v)).unwrap();
    }
    // A hand edit that reads: not overwritten, and said so.
    let hand = "ids = [\"by hand\"]\n";
    std::fs::write(&path, hand).unwrap();
    kept.value = doc(&["a"]);
    let err = kept.save(|v| save(&path, "h", v)).unwrap_err();
    assert!(err.contains("changed by another program"), "{err}");
    assert!(err.contains("start clinicprep again"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), hand);
    assert!(kept.unsaved);
    // Nor later: the file is not written again while the app is open.
    kept.save(|v| save(&path, "h", v)).unwrap_err();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), hand);

    // A hand edit that does not read: its place is named.
    let other = dir.path().join("y.toml");
    save(&other, "h", &doc(&["a"])).unwrap();
    let mut kept =
        Kept::from_load(load::<Doc>(&other).map(Option::unwrap), doc(&[])).watching(other.clone());
    std::fs::write(&other, "ids = [\"a\",\n").unwrap();
    let err = kept.save(|v| save(&other, "h", v)).unwrap_err();
    assert!(err.contains("y.toml:"), "{err}");
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "ids = [\"a\",\n");

    // A file deleted outside holds nothing to protect: the save writes it again.
    let gone = dir.path().join("z.toml");
    save(&gone, "h", &doc(&["a"])).unwrap();
    let mut kept =
        Kept::from_load(load::<Doc>(&gone).map(Option::unwrap), doc(&[])).watching(gone.clone());
    std::fs::remove_file(&gone).unwrap();
    kept.save(|v| save(&gone, "h", v)).unwrap();
    assert_eq!(load::<Doc>(&gone).unwrap(), Some(doc(&["a"])));
}

#[test]
fn changes_a_file_could_not_take_are_rescued_with_the_latest_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.toml");
    std::fs::write(&path, "ids = [").unwrap();
    let copies = dir.path().join("copies");
    let mut kept = Kept::from_load(load::<Doc>(&path), None).watching(path.clone());
    assert!(!kept.rescue(&copies, |_, _| Ok(())), "nothing unsaved yet");
    let write = |v: &Option<Doc>, to: &Path| save(&to.join("x.toml"), "h", v);
    for typed in ["typed", "typed more"] {
        kept.value = Some(Doc {
            ids: vec![typed.into()],
        });
        kept.save(|v| save(&path, "h", v)).unwrap_err();
        // A regression walk ticked a box after the first warning and found the copy without it:
        // every quit writes the copy again.
        assert!(kept.rescue(&copies, write));
        let copy = std::fs::read_to_string(copies.join("x.toml")).unwrap();
        assert!(copy.contains(&format!("\"{typed}\"")), "{copy}");
    }
    assert_eq!(kept.rescued.as_deref(), Some(copies.as_path()));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "ids = [");
}

#[test]
fn a_folder_in_place_of_the_file_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.toml");
    std::fs::create_dir(&path).unwrap();
    assert!(matches!(load::<Doc>(&path), Err(LoadError::Unreadable(_))));
}

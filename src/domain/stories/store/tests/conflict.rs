//! Tests of saving over files that changed or failed to load: conflict copies and keep-mine.

use super::*;

#[test]
fn bad_files_are_reported_with_their_line_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    fs::create_dir_all(&stories).unwrap();
    fs::write(stories.join("good.toml"), "title = 'Good one'\n").unwrap();
    fs::write(
        stories.join("truncated.toml"),
        "title = 'Cut'\nsituation = \"\"\"\nWe were\n",
    )
    .unwrap();
    fs::write(
        stories.join("binary.toml"),
        b"title = 'x'\n\x89PNG\r\n\x1a\n\x00\xff",
    )
    .unwrap();
    fs::write(stories.join("types.toml"), "title = 'x'\n\n\ntags = 3\n").unwrap();
    fs::write(stories.join("unknown.toml"), "title = 'x'\nacton = 'y'\n").unwrap();
    fs::write(stories.join("notes.txt"), "not a story").unwrap();
    fs::write(stories.join(".tmp123.toml"), "half-written").unwrap();

    let (mut store, bad) = StoryStore::load(dir.path()).unwrap();
    assert_eq!(store.len(), 1);
    assert_eq!(store.list(Order::Title)[0].title, "Good one");
    let found: Vec<(String, Option<usize>)> = bad
        .iter()
        .map(|b| (b.path.file_name().unwrap().to_string_lossy().into(), b.line))
        .collect();
    assert_eq!(
        found,
        vec![
            ("binary.toml".to_string(), Some(2)),
            ("truncated.toml".to_string(), Some(4)),
            ("types.toml".to_string(), Some(4)),
            ("unknown.toml".to_string(), Some(2)),
        ]
    );
    assert!(bad[0].to_string().contains("binary.toml:2:"), "{}", bad[0]);
    // An unclosed string is noticed at the end of the file, where the parser ran out.
    assert!(bad[1].message.contains("multi-line"), "{}", bad[1]);

    let before = fs::read(stories.join("types.toml")).unwrap();
    let id = StoryId::from_stem("types").unwrap();
    let mut mine = Story::new(id.clone(), "Mine", t(9, 0));
    mine.action = "I did it.".into();
    let outcome = store.save(&mine, t(9, 1)).unwrap();
    let SaveOutcome::KeptBadFile { path } = outcome else {
        panic!("expected KeptBadFile, got {outcome:?}");
    };
    assert_eq!(fs::read(stories.join("types.toml")).unwrap(), before);
    assert!(fs::read_to_string(&path).unwrap().contains("I did it."));
    // Repeated saves keep refusing, and do not pile up copies.
    let again = store.save(&mine, t(9, 2)).unwrap();
    assert_eq!(again, SaveOutcome::KeptBadFile { path });
    assert_eq!(fs::read(stories.join("types.toml")).unwrap(), before);
}

#[test]
fn outside_edit_leads_to_a_conflict_copy_and_keep_mine_trashes_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    let mut s = story(&mut store, "Short staffed", t(9, 0));
    let path = saved_path(store.save(&s, t(9, 0)).unwrap());
    let theirs = "title = 'Edited in vim'\n";
    fs::write(&path, theirs).unwrap();

    s.result = "Everyone was seen by 5 pm.".into();
    let outcome = store.save(&s, t(9, 30)).unwrap();
    let SaveOutcome::Conflict { path: copy } = outcome else {
        panic!("expected Conflict, got {outcome:?}");
    };
    let name = copy.file_name().unwrap().to_string_lossy().into_owned();
    let ms = t(9, 30).timestamp_millis();
    assert_eq!(name, format!("2026-11-23-short-staffed.conflict-{ms}.toml"));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        theirs,
        "theirs untouched"
    );
    assert!(fs::read_to_string(&copy).unwrap().contains("by 5 pm"));
    #[cfg(unix)]
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(store.conflict_copy_of(&s.id), Some(copy.as_path()));

    s.result = "Everyone was seen by 4 pm.".into();
    let outcome = store.save(&s, t(9, 31)).unwrap();
    assert_eq!(outcome, SaveOutcome::Conflict { path: copy.clone() });
    assert_eq!(store.conflict_copies(), std::slice::from_ref(&copy));

    // A reload lists the copy without loading it as a second story.
    let (reloaded, bad) = StoryStore::load(dir.path()).unwrap();
    assert!(bad.is_empty());
    assert_eq!(reloaded.len(), 1);
    assert_eq!(reloaded.conflict_copies(), std::slice::from_ref(&copy));

    let outcome = store.keep_mine(&s.id, t(9, 40)).unwrap();
    assert_eq!(outcome, SaveOutcome::Saved { path: path.clone() });
    assert!(fs::read_to_string(&path).unwrap().contains("by 4 pm"));
    assert!(!copy.exists(), "the redundant copy is removed");
    let trash: Vec<_> = fs::read_dir(dir.path().join("trash")).unwrap().collect();
    assert_eq!(trash.len(), 1);
    let trashed = trash.into_iter().next().unwrap().unwrap().path();
    assert_eq!(
        fs::read_to_string(trashed).unwrap(),
        theirs,
        "their edit is kept"
    );
    // Back in step: the next save goes to the file.
    assert_eq!(
        store.save(&s, t(9, 50)).unwrap(),
        SaveOutcome::Saved { path }
    );
}

#[test]
fn unchanged_bytes_with_a_new_mtime_are_not_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    let s = story(&mut store, "Touched", t(9, 0));
    let path = saved_path(store.save(&s, t(9, 0)).unwrap());
    let bytes = fs::read(&path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&path, &bytes).unwrap();
    assert!(matches!(
        store.save(&s, t(9, 1)).unwrap(),
        SaveOutcome::Saved { .. }
    ));
}

#[test]
fn a_file_appearing_at_a_new_storys_path_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    let s = story(&mut store, "Race", t(9, 0));
    fs::create_dir_all(dir.path().join("stories")).unwrap();
    fs::write(store.path_of(&s.id), "title = 'someone else'\n").unwrap();
    assert!(matches!(
        store.save(&s, t(9, 0)).unwrap(),
        SaveOutcome::Conflict { .. }
    ));
    let text = fs::read_to_string(store.path_of(&s.id)).unwrap();
    assert_eq!(text, "title = 'someone else'\n");
}

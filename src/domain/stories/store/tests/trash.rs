//! Tests of delete to the trash and undo.

use super::*;

#[test]
fn delete_moves_to_trash_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    let s = story(&mut store, "Wheelchair transfer", t(9, 0));
    let path = saved_path(store.save(&s, t(9, 0)).unwrap());
    let bytes = fs::read(&path).unwrap();

    let deleted = store.delete(&s.id, t(10, 0)).unwrap();
    assert!(!path.exists());
    assert!(store.get(&s.id).is_none());
    let trash = deleted.trash_path().unwrap().to_path_buf();
    assert!(trash.starts_with(dir.path().join("trash")));
    assert_eq!(fs::read(&trash).unwrap(), bytes, "moved, not rewritten");
    assert_eq!(StoryStore::load(dir.path()).unwrap().0.len(), 0);

    store.undo_delete(&deleted).unwrap();
    assert_eq!(fs::read(&path).unwrap(), bytes);
    assert!(!trash.exists());
    assert_eq!(store.get(&s.id), Some(deleted.story()));
    assert!(
        store.undo_delete(&deleted).is_err(),
        "a second undo is refused"
    );
    // The restored story saves normally (its fingerprint was kept).
    assert!(matches!(
        store.save(&s, t(11, 0)).unwrap(),
        SaveOutcome::Saved { .. }
    ));
}

#[test]
fn undo_refuses_to_overwrite_a_file_that_took_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    let s = story(&mut store, "Gait belt", t(9, 0));
    let path = saved_path(store.save(&s, t(9, 0)).unwrap());
    let deleted = store.delete(&s.id, t(10, 0)).unwrap();
    fs::write(&path, "title = 'new one'\n").unwrap();
    let err = store.undo_delete(&deleted).unwrap_err();
    assert!(err.to_string().contains("restore"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "title = 'new one'\n");
    assert!(deleted.trash_path().unwrap().exists(), "still in the trash");
}

#[test]
fn deleting_an_unknown_story_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    let id = StoryId::from_stem("nope").unwrap();
    assert!(store.delete(&id, t(9, 0)).is_err());
}

#[cfg(unix)]
#[test]
fn trash_folder_is_private() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    let s = story(&mut store, "Private", t(9, 0));
    store.save(&s, t(9, 0)).unwrap();
    let deleted = store.delete(&s.id, t(9, 1)).unwrap();
    assert_eq!(mode(&dir.path().join("trash")), 0o700);
    assert_eq!(
        mode(deleted.trash_path().unwrap()),
        0o600,
        "mode kept by the move"
    );
}

#[test]
fn deleting_a_never_saved_story_forgets_it_and_undo_restores_it_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    let s = story(&mut store, "Draft", t(9, 0));
    store.save(&s, t(9, 0)).unwrap();
    fs::remove_file(store.path_of(&s.id)).unwrap();
    let deleted = store.delete(&s.id, t(9, 1)).unwrap();
    assert!(deleted.trash_path().is_none());
    assert!(store.is_empty());
    store.undo_delete(&deleted).unwrap();
    assert_eq!(store.len(), 1);
}

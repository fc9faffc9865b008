//! Tests of the story store against real folders: loading, bad files, conflicts, trash and permissions.

use crate::stories::*;
use chrono::{DateTime, TimeZone, Utc};
use std::fs;
use std::path::Path;

fn t(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, h, m, 0).unwrap()
}

fn story(store: &mut StoryStore, title: &str, now: DateTime<Utc>) -> Story {
    let id = store.new_id(title, now);
    let mut s = Story::new(id, title, now);
    s.situation = "Busy clinic on a Monday.\n".into();
    s.action = "I checked the schedule.\nI called the next patient.".into();
    s.result = "Seen within 10 minutes.".into();
    s.tags = vec!["patient-care".into()];
    s
}

fn saved_path(outcome: SaveOutcome) -> std::path::PathBuf {
    match outcome {
        SaveOutcome::Saved { path } => path,
        other => panic!("expected Saved, got {other:?}"),
    }
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn missing_folder_is_an_empty_store() {
    let dir = tempfile::tempdir().unwrap();
    let (store, bad) = StoryStore::load(dir.path()).unwrap();
    assert!(store.is_empty() && bad.is_empty());
}

#[test]
fn saved_story_loads_back_identical_and_private() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    let s = story(&mut store, "Upset patient", t(9, 0));
    let path = saved_path(store.save(&s, t(9, 5)).unwrap());
    assert_eq!(
        path,
        dir.path().join("stories/2026-11-23-upset-patient.toml")
    );
    #[cfg(unix)]
    {
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("stories")), 0o700);
    }
    let (again, bad) = StoryStore::load(dir.path()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let back = again.get(&s.id).unwrap();
    assert_eq!(back.updated, Some(t(9, 5)), "save stamps updated");
    assert_eq!(back.created, Some(t(9, 0)));
    assert_eq!(back, store.get(&s.id).unwrap());
    assert_eq!(back.action, s.action);
}

#[test]
fn new_ids_are_unique_against_memory_and_disk() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("stories")).unwrap();
    fs::write(dir.path().join("stories/2026-11-23-fall.toml"), "garbage =").unwrap();
    let (mut store, bad) = StoryStore::load(dir.path()).unwrap();
    assert_eq!(bad.len(), 1);
    let a = store.new_id("Fall!", t(9, 0));
    let b = store.new_id("fall", t(10, 0));
    assert_eq!(a.as_str(), "2026-11-23-fall-2");
    assert_eq!(b.as_str(), "2026-11-23-fall-3");
}

/// Several kinds of damage, each reported at the right place, while the good file still loads.
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

#[test]
fn list_orders_by_title_or_newest_update() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    for (title, h) in [("beta", 9), ("Alpha", 8), ("gamma", 10)] {
        let s = story(&mut store, title, t(h, 0));
        store.save(&s, t(h, 0)).unwrap();
    }
    let titles = |o| -> Vec<String> {
        store
            .list(o)
            .iter()
            .map(|s: &&Story| s.title.clone())
            .collect()
    };
    assert_eq!(titles(Order::Title), ["Alpha", "beta", "gamma"]);
    assert_eq!(titles(Order::Updated), ["gamma", "beta", "Alpha"]);
}

#[test]
fn loaded_text_is_sanitized_for_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    fs::create_dir_all(&stories).unwrap();
    fs::write(
        stories.join("x.toml"),
        "title = \"Bad\\u001b[2J title\"\naction = \"I\\u202e did it\"\n",
    )
    .unwrap();
    let (store, bad) = StoryStore::load(dir.path()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let s = store.get(&StoryId::from_stem("x").unwrap()).unwrap();
    assert_eq!(s.title, "Bad[2J title");
    assert_eq!(s.action, "I did it");
}

#[test]
fn hand_written_files_with_some_fields_load_and_take_the_file_time() {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    fs::create_dir_all(&stories).unwrap();
    fs::write(
        stories.join("my-first.toml"),
        "title = \"Front desk\"\ntags = [\"admin-organisation\"]\nresult = '''\nNo double bookings for 3 weeks.\n'''\n",
    )
    .unwrap();
    fs::write(
        stories.join("dated.toml"),
        "title = 'Dated'\ncreated = 2026-01-05\n",
    )
    .unwrap();
    let (store, bad) = StoryStore::load(dir.path()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let s = store.get(&StoryId::from_stem("my-first").unwrap()).unwrap();
    assert_eq!(s.title, "Front desk");
    assert_eq!(s.result, "No double bookings for 3 weeks.\n");
    assert_eq!(s.tags, ["admin-organisation"]);
    assert_eq!(s.situation, "");
    let mtime: DateTime<Utc> = fs::metadata(stories.join("my-first.toml"))
        .unwrap()
        .modified()
        .unwrap()
        .into();
    assert_eq!(s.updated, Some(mtime));
    assert_eq!(s.created, Some(mtime));
    let d = store.get(&StoryId::from_stem("dated").unwrap()).unwrap();
    assert_eq!(
        d.created,
        Some(Utc.with_ymd_and_hms(2026, 1, 5, 0, 0, 0).unwrap())
    );
}

#[test]
fn a_hand_written_story_saves_in_the_full_format_without_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    fs::create_dir_all(&stories).unwrap();
    fs::write(stories.join("mine.toml"), "title = 'Mine'\n").unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    let id = StoryId::from_stem("mine").unwrap();
    let mut s = store.get(&id).unwrap().clone();
    s.action = "I restocked the gait belts.\nI labelled the shelf.".into();
    let path = saved_path(store.save(&s, t(9, 0)).unwrap());
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("action = \"\"\"\nI restocked the gait belts.\nI labelled the shelf.\"\"\""),
        "{text}"
    );
    assert!(text.contains("updated = 2026-11-23T09:00:00Z"), "{text}");
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

#[test]
fn a_hand_written_file_sorts_by_its_modification_time() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    let s = story(&mut store, "Timed", t(9, 0));
    store.save(&s, t(9, 0)).unwrap();
    let path = dir.path().join("stories/untimed.toml");
    fs::write(&path, "title = 'Untimed'\n").unwrap();
    let old = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap();
    let file = fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(old.into()).unwrap();
    drop(file);
    let (store, _) = StoryStore::load(dir.path()).unwrap();
    let order = |o| -> Vec<String> { store.list(o).iter().map(|s| s.title.clone()).collect() };
    assert_eq!(order(Order::Updated), ["Timed", "Untimed"]);
    let untimed = store.get(&StoryId::from_stem("untimed").unwrap()).unwrap();
    assert_eq!(untimed.updated, Some(old));
}

#[test]
fn list_matching_filters_by_text_or_tag() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    let mut a = story(&mut store, "Upset patient", t(9, 0));
    a.tags = vec!["patient-care".into(), "communication".into()];
    let mut b = story(&mut store, "Double booking", t(10, 0));
    b.tags = vec!["admin-organisation".into()];
    b.action = "I rebooked the Café group.".into();
    store.save(&a, t(9, 0)).unwrap();
    store.save(&b, t(10, 0)).unwrap();
    let titles = |q: &str| -> Vec<String> {
        store
            .list_matching(Order::Title, q)
            .iter()
            .map(|s| s.title.clone())
            .collect()
    };
    assert_eq!(titles(""), ["Double booking", "Upset patient"]);
    assert_eq!(titles("cafe"), ["Double booking"]);
    assert_eq!(titles("#communication"), ["Upset patient"]);
    assert_eq!(titles("#admin schedule"), Vec::<String>::new());
    assert_eq!(titles("checked"), ["Upset patient"]);
    assert_eq!(
        store
            .list_matching(Order::Updated, "monday")
            .iter()
            .map(|s| s.title.as_str())
            .collect::<Vec<_>>(),
        ["Double booking", "Upset patient"],
        "newest first"
    );
}

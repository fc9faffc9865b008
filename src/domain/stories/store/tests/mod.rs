//! Tests of the story store against real folders: helpers, loading and saving, file formats, permissions.

use crate::domain::stories::*;
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

mod conflict;
mod list;
mod trash;

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
    assert_eq!(s.tags, ["admin-organization"]);
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

#[test]
fn a_story_is_saved_up_to_the_load_limit_and_refused_past_it() {
    use crate::domain::stories::store::MAX_STORY_BYTES;
    use chrono::SubsecRound;
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = StoryStore::load(dir.path()).unwrap();
    let now = t(9, 0);
    let mut s = story(&mut store, "Long", now);
    // The file's size for a Situation of `n` letters, as save will write it.
    let size = |s: &Story, n: usize| {
        let mut probe = s.clone();
        probe.situation = "a".repeat(n);
        probe.updated = Some(now.trunc_subsecs(0));
        crate::domain::stories::file::to_toml(&probe).unwrap().len() as u64
    };
    let n = (MAX_STORY_BYTES - size(&s, 0)) as usize;
    s.situation = "a".repeat(n);
    assert_eq!(size(&s, n), MAX_STORY_BYTES);
    let path = saved_path(store.save(&s, now).unwrap());
    assert_eq!(fs::metadata(&path).unwrap().len(), MAX_STORY_BYTES);
    let (reloaded, bad) = StoryStore::load(dir.path()).unwrap();
    assert!(bad.is_empty(), "a story at the limit must load: {bad:?}");
    assert_eq!(reloaded.get(&s.id).unwrap().situation.len(), n);

    s.situation.push('a');
    let err = store.save(&s, now).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("too long") && msg.contains("limit"), "{msg}");
    assert!(err.hint().contains("smaller"), "{}", err.hint());
    assert_eq!(
        fs::metadata(&path).unwrap().len(),
        MAX_STORY_BYTES,
        "the saved version is untouched"
    );
}

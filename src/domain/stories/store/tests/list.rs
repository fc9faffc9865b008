//! Tests of listing: order by title or date, and filtering by text or tag.

use super::*;

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
    b.tags = vec!["admin-organization".into()];
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

/// Past a thousand files the folder is looked up on every core; what loads, what is skipped and what
/// is refused is the same as for a small folder, and counting agrees with loading.
#[test]
fn a_folder_of_thousands_loads_and_counts_alike() {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    fs::create_dir(&stories).unwrap();
    for i in 0..1_200 {
        let body = if i % 100 == 7 {
            "title = \"broken".to_string()
        } else {
            format!(
                "title = \"Story {i}\"\nsituation = \"s\"\ntask = \"\"\naction = \"\"\nresult = \"\"\n"
            )
        };
        fs::write(stories.join(format!("s-{i:04}.toml")), body).unwrap();
    }
    fs::create_dir(stories.join("folder.toml")).unwrap();
    fs::write(
        stories.join("s-0001.conflict-123.toml"),
        "title = \"copy\"\n",
    )
    .unwrap();
    fs::write(stories.join("notes.txt"), "not a story").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(stories.join("s-0002.toml"), stories.join("link.toml")).unwrap();

    let (store, bad) = StoryStore::load(dir.path()).unwrap();
    let links = usize::from(cfg!(unix));
    assert_eq!(bad.len(), 12, "s-0007, s-0107, … s-1107");
    assert_eq!(store.len(), 1_200 - 12 + links);
    assert_eq!(store.conflict_copies().len(), 1);
    assert!(bad.iter().all(|b| b.line.is_some()), "each with its line");
    let count = StoryStore::count(dir.path()).unwrap();
    assert_eq!((count.good, count.bad.len()), (store.len(), bad.len()));
    // Again from the cache, which now vouches for every good file.
    let (again, bad_again) = StoryStore::load(dir.path()).unwrap();
    assert_eq!((again.len(), bad_again.len()), (store.len(), bad.len()));
    assert_eq!(
        StoryStore::count(dir.path()).unwrap().fingerprint,
        count.fingerprint
    );
}

/// A first count parses every story, and hands them over, so `status` needs no second pass; once
/// the cache vouches for them, it hands none over (they are not decoded). The store loaded later
/// has the same fingerprint, and a story changed since the count gives another.
#[test]
fn a_first_count_keeps_what_it_parsed_and_a_cached_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    fs::create_dir(&stories).unwrap();
    for i in 0..5 {
        let body = format!("title = \"Story {i}\"\nsituation = \"s {i}\"\n");
        fs::write(stories.join(format!("s-{i}.toml")), body).unwrap();
    }
    fs::write(stories.join("s-9.toml"), "title = \"broken").unwrap();

    let (count, parsed) = StoryStore::count_keeping(dir.path()).unwrap();
    let parsed = parsed.expect("nothing was cached, so every story was parsed");
    assert_eq!((count.good, count.bad.len()), (5, 1));
    let titles: Vec<&str> = parsed.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Story 0", "Story 1", "Story 2", "Story 3", "Story 4"]
    );
    let (store, _) = StoryStore::load(dir.path()).unwrap();
    for s in &parsed {
        assert_eq!(store.get(&s.id), Some(s), "{:?} as loading gives it", s.id);
    }
    assert_eq!(store.fingerprint(), count.fingerprint);

    let (again, none) = StoryStore::count_keeping(dir.path()).unwrap();
    assert!(none.is_none(), "the cache vouched for them: none decoded");
    assert_eq!(again.fingerprint, count.fingerprint);

    fs::write(stories.join("s-3.toml"), "title = \"Story 3, longer\"\n").unwrap();
    let (store, _) = StoryStore::load(dir.path()).unwrap();
    assert_ne!(store.fingerprint(), count.fingerprint);
}

/// A story read back from the parse cache is cleaned like one parsed from its file: a cache that
/// holds raw escape sequences (as one written by hand or by an older version could) never puts
/// them on the terminal.
#[test]
fn a_story_is_clean_whether_parsed_or_read_from_a_tampered_cache() {
    use crate::storage::cache::{Job, ParseCache, Want};
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    fs::create_dir(&stories).unwrap();
    let path = stories.join("s-1.toml");
    let body = "title = \"red \\u001b[31m title\"\naction = \"I \\u202e did it\"\n\
                tags = [\" \\u0007 \", \" teamwork \"]\nquestions = [\" q-1 \"]\n";
    fs::write(&path, body).unwrap();
    let clean = |store: &StoryStore| {
        let s = store.list(Order::Title)[0].clone();
        (s.title, s.action, s.tags, s.questions)
    };
    let (parsed, _) = StoryStore::load(dir.path()).unwrap();
    let want = clean(&parsed);
    assert_eq!(want.0, "red [31m title");
    assert!(!want.1.contains('\u{202e}'), "{:?}", want.1);
    assert_eq!(want.2, ["teamwork"]);

    // The cache now holds the story as a parse that never cleaned would have kept it.
    fs::remove_dir_all(dir.path().join("cache")).unwrap();
    let jobs = [Job {
        key: "s-1".into(),
        path: path.clone(),
        meta: fs::metadata(&path).unwrap(),
    }];
    let mut cache = ParseCache::<Story>::open(dir.path(), "stories");
    let raw = |_: usize, b: &[u8]| {
        let id = StoryId::from_stem("s-1").unwrap();
        crate::domain::stories::file::from_bytes(b, id, None).map_err(|e| e.message)
    };
    let kept = cache.load_many(&jobs, Want::Values, raw);
    let raw_title = &kept[0].as_ref().ok().unwrap().value.as_ref().unwrap().title;
    assert!(
        raw_title.contains('\u{1b}'),
        "the cache was not given raw text"
    );
    cache.save().unwrap();

    let (cached, _) = StoryStore::load(dir.path()).unwrap();
    assert_eq!(clean(&cached), want);
}

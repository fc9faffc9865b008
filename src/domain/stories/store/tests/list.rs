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

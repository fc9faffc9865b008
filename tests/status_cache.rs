//! `clinicprep status` reads card ids, story counts and the schedule from caches. Whatever happens to
//! the files — edits with the old modification time put back, files added, removed or broken, grades
//! past the snapshot, a damaged cache — it says exactly what the slow path (everything parsed, no
//! cache) says.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use clinicprep::cli::status_cards::Study;
use clinicprep::cli::status_stories::Stories;
use clinicprep::cli::{prep_status, status_run_at};
use clinicprep::domain::config::Config;
use clinicprep::domain::content::{Id, Library};
use clinicprep::domain::schedule::{self, DayZone, Grade, ReviewStore, StoreOptions};
use clinicprep::domain::stories::StoryStore;
use clinicprep::storage::paths::Paths;
use common::files::edit_keeping_size_and_mtime;
use serde_json::{Value, json};
use std::fs;
use std::path::Path;
use std::time::SystemTime;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn deck(prefix: &str, n: usize) -> String {
    (0..n)
        .map(|i| {
            format!("[[card]]\nid = \"{prefix}-{i:02}\"\ndeck = \"D {prefix}\"\nfront = \"Front {prefix} {i}\"\nback = \"Back\"\n")
        })
        .collect()
}

/// A built-in question that probes teamwork, the first core competency with no story in these tests.
const TEAMWORK_Q: &str = "q-coworker-disagreement";

/// A user question for `role`.
fn question(role: &str) -> String {
    format!(
        "[[question]]\nid = \"my-q\"\nroles = [\"{role}\"]\ntext = \"Why this job?\"\n\
         category = \"motivation\"\ncompetencies = [\"communication\"]\n\
         looking_for = \"A reason.\"\noutline = [\"Say why.\"]\npitfalls = [\"Rambling.\"]\n"
    )
}

fn story(title: &str) -> String {
    format!(
        "title = \"{title}\"\nsituation = \"A patient slipped.\"\ntask = \"\"\naction = \"\"\nresult = \"\"\n"
    )
}

/// What status says, worked out the slow way: the library parsed without a cache, every story
/// loaded, "My interview" counted through `prep_status::gather` as Home counts it.
fn slow(dir: &Path) -> Value {
    let paths = Paths::in_dir(dir);
    let lib = Library::load(Some(&paths.user_content_dir()));
    let zone = DayZone::Local;
    let (ledger, _) = schedule::peek(dir, zone).unwrap();
    let (config, _) = Config::load(&paths.config_file);
    let today = zone.date_of(now());
    let study = Study::Counted {
        content: prep_status::Content::Loaded(lib),
        ledger,
    };
    let ledger = study.ledger();
    // Not counted: the stories' part of the plan is worked out from every story.
    let prep = prep_status::gather(&paths, &study, &config, Stories::uncounted(), (zone, now()));
    let (stories, bad) = StoryStore::load(dir)
        .map(|(s, bad)| (s.len(), bad.len()))
        .unwrap_or((0, 0));
    let mut v = json!({
        "due": prep.deck.due,
        "new": prep.plan.cards.new,
        "reviewed_today": ledger.reviewed_on(today),
        "stories": stories,
        "unreadable_stories": bad,
        "streak": ledger.streak(today),
    });
    for (k, value) in prep.json() {
        v[k] = value;
    }
    v
}

/// What `status` prints, read as if an hour had passed since the files were written, so that the
/// cards' part kept by the first run is trusted by the files' stamps (see `cli::status_cards`).
fn fast(dir: &Path) -> Value {
    let mut out = Vec::new();
    let later = SystemTime::now() + std::time::Duration::from_secs(3600);
    let (code, _) = status_run_at(&Paths::in_dir(dir), true, now(), later, &mut out).unwrap();
    assert_eq!(code, 0);
    serde_json::from_slice(&out).unwrap()
}

fn agree(dir: &Path, what: &str) -> Value {
    let want = slow(dir);
    assert_eq!(fast(dir), want, "{what}: first");
    assert_eq!(fast(dir), want, "{what}: from the cache");
    want
}

fn grade(dir: &Path, cards: &[(&str, Grade, Duration)], snapshot: bool) {
    let (mut store, _) = ReviewStore::open(dir, &StoreOptions::default(), now()).unwrap();
    for (card, g, ago) in cards {
        store.grade(&Id::new(*card), *g, now() - *ago).unwrap();
    }
    if snapshot {
        store.snapshot_now().unwrap();
    }
}

#[test]
fn status_from_the_caches_always_matches_the_slow_path() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("content/more")).unwrap();
    fs::create_dir_all(d.join("stories")).unwrap();
    fs::write(d.join("content/a.toml"), deck("a", 30)).unwrap();
    fs::write(d.join("content/more/b.toml"), deck("b", 5)).unwrap();
    fs::write(d.join("stories/fall.toml"), story("Fall")).unwrap();
    fs::write(d.join("stories/desk.toml"), story("Desk")).unwrap();
    // Due, learning and later cards, some before the snapshot and some after it.
    grade(
        d,
        &[
            ("a-00", Grade::Good, Duration::days(30)),
            ("a-01", Grade::Again, Duration::minutes(30)),
            ("a-02", Grade::Easy, Duration::hours(1)),
            ("b-00", Grade::Good, Duration::days(20)),
        ],
        true,
    );
    grade(d, &[("a-03", Grade::Hard, Duration::days(10))], false);
    let first = agree(d, "start");
    assert_eq!(first["stories"], 2);
    assert!(d.join("cache/card-ids.bin").is_file());
    assert!(d.join("cache/story-numbers.bin").is_file());
    assert!(first["due"].as_u64().unwrap() >= 2, "{first}");

    // A profile with one role and a background, and an interview date: "My interview" shrinks to
    // that role's questions and facts (the user's cards stay), and the plan paces to the date.
    fs::write(
        d.join("config.toml"),
        "interview_date = \"2026-12-03\"\n[profile]\nroles = [\"pt-aide\"]\nbackground = \"cna-caregiver\"\n",
    )
    .unwrap();
    let focused = agree(d, "a profile and a date");
    assert!(
        focused["total"].as_u64() < first["total"].as_u64(),
        "{focused}"
    );
    assert_eq!(focused["role"], "pt-aide");
    // A user file that adds a question for another role: status loads the whole library for it.
    fs::write(d.join("content/q.toml"), question("pta")).unwrap();
    let problems = Library::load(Some(&d.join("content"))).problems;
    assert!(problems.is_empty(), "{problems:?}");
    let with_question = agree(d, "a user question");
    assert_eq!(
        with_question["total"], focused["total"],
        "another role's question is left out"
    );
    fs::write(d.join("content/q.toml"), question("pt-aide")).unwrap();
    let mine = agree(d, "a user question for my role");
    assert_eq!(
        mine["total"].as_u64(),
        focused["total"].as_u64().map(|n| n + 1)
    );
    fs::remove_file(d.join("content/q.toml")).unwrap();
    // A story that shows teamwork, written in place: the plan's story step moves on.
    let desk = d.join("stories/desk.toml");
    let teamwork = format!("questions = [\"{TEAMWORK_Q}\"]\n{}", story("Desk"));
    fs::write(&desk, teamwork).unwrap();
    let finished = agree(d, "a story that shows teamwork");
    assert_ne!(finished["plan"], focused["plan"], "{finished}");
    fs::write(&desk, story("Desk")).unwrap();
    fs::remove_file(d.join("config.toml")).unwrap();
    assert_eq!(agree(d, "back as it was"), first);

    // A graded card's id changed in place, same size, old mtime: it is now an unseen card.
    let a = d.join("content/a.toml");
    let text = fs::read_to_string(&a).unwrap();
    edit_keeping_size_and_mtime(&a, &text.replacen("\"a-00\"", "\"a-z0\"", 1));
    let edited = agree(d, "an id edited in place");
    assert_ne!(edited["due"], first["due"], "the edit shows");

    // A file added, one broken, one removed.
    fs::write(d.join("content/c.toml"), deck("c", 3)).unwrap();
    agree(d, "a deck added");
    grade(d, &[("c-00", Grade::Good, Duration::days(9))], false);
    agree(d, "a grade past the snapshot");
    fs::write(d.join("content/more/b.toml"), "[[card]\nbroken").unwrap();
    agree(d, "a deck broken");
    fs::remove_file(d.join("content/more/b.toml")).unwrap();
    agree(d, "a deck removed");

    // A user card that repeats a built-in id is skipped by the library; status skips it too.
    let builtin = Library::builtin();
    let taken = &builtin.questions[0].id;
    fs::write(
        d.join("content/dup.toml"),
        format!("[[card]]\nid = \"{taken}\"\ndeck = \"X\"\nfront = \"f\"\nback = \"b\"\n"),
    )
    .unwrap();
    agree(d, "a repeated built-in id");

    // A story broken in place, then a damaged and a deleted cache.
    edit_keeping_size_and_mtime(
        &d.join("stories/fall.toml"),
        &story("Fall").replace("title = ", "title @ "),
    );
    let broken = agree(d, "a story broken in place");
    assert_eq!(broken["unreadable_stories"], 1);
    for f in [
        "cache/card-ids.bin",
        "cache/content.bin",
        "cache/stories.bin",
        "cache/story-numbers.bin",
        "cache/status-cards.bin",
    ] {
        let mut bytes = fs::read(d.join(f)).unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x40;
        fs::write(d.join(f), bytes).unwrap();
    }
    agree(d, "damaged caches");
    fs::remove_dir_all(d.join("cache")).unwrap();
    agree(d, "no cache");
    // With no cache the stories' part is worked out from the stories as counted, against the
    // built-in library; a user question (another library) has it worked out again.
    // The story links to that question, so the two libraries see different coverage.
    let teamwork_q = question("pt-aide").replace("\"communication\"", "\"teamwork\"");
    fs::write(d.join("content/q.toml"), teamwork_q).unwrap();
    fs::write(&desk, format!("questions = [\"my-q\"]\n{}", story("Desk"))).unwrap();
    fs::remove_dir_all(d.join("cache")).unwrap();
    let linked = agree(d, "no cache, and a user question");
    fs::remove_file(d.join("content/q.toml")).unwrap();
    fs::remove_dir_all(d.join("cache")).unwrap();
    let unlinked = agree(d, "no cache, the question gone");
    assert_ne!(linked["plan"], unlinked["plan"], "{linked} {unlinked}");
}

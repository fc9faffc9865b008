//! Kill test: a child process saves a story and grades cards in a loop; the parent kills it with
//! SIGKILL at random (seeded) moments and checks after every kill that nothing acknowledged was lost,
//! nothing was invented, and every file still parses.
//!
//! The child is this same test binary, re-run with `--exact child --ignored` and `CRASH_CHILD_DIR`
//! set. It prints `ack N` after `StoryStore::save` returns for version N of the story, and
//! `ack grade S` after `ReviewStore::grade` returns the record with sequence number S.
//! Set `CLINICPREP_CRASH_SEED` to replay another schedule of kills.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use chrono::{DateTime, Duration, TimeZone, Utc};
use clinicprep::domain::content::Id;
use clinicprep::domain::schedule::{Grade, Notice, ReviewStore, StoreOptions};
use clinicprep::domain::stories::{Section, Story, StoryId, StoryStore};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

const CHILD_ENV: &str = "CRASH_CHILD_DIR";
const GRADE_FIRST_ENV: &str = "CRASH_CHILD_GRADE_FIRST";
const ROUNDS: usize = 220;
const STORY: &str = "crash-story";
const CARDS: [&str; 5] = ["card-a", "card-b", "card-c", "card-d", "card-e"];

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .unwrap()
}

/// Version `n` of the story: every field derives from `n`, and the text grows and shrinks so saves
/// replace both longer and shorter files.
fn version(n: u64) -> Story {
    let id = StoryId::from_stem(STORY).unwrap();
    let mut story = Story::new(id, format!("Crash story version {n}"), t0());
    let body = "I calmed the patient and fetched the therapist. ".repeat((n % 97) as usize);
    *story.text_mut(Section::Situation) = format!("v{n}:{body}");
    *story.text_mut(Section::Result) = format!("result of version {n}");
    story.tags = vec![format!("tag{}", n % 7)];
    story
}

/// The version number a story holds, read back from its Situation.
fn version_of(story: &Story) -> u64 {
    let s = story.text(Section::Situation);
    let digits = s
        .strip_prefix('v')
        .and_then(|r| r.split(':').next())
        .unwrap_or_else(|| panic!("story text lost its version prefix: {s:?}"));
    digits.parse().unwrap()
}

fn grade_time(seq: u64) -> DateTime<Utc> {
    t0() + Duration::minutes(seq as i64)
}

/// Child mode: continue from whatever is on disk, acknowledging each durable step on stdout.
#[test]
#[ignore = "run by kill::kill_during_saves_and_grades as a child process"]
fn child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let dir = Path::new(&dir);
    let (mut stories, bad) = StoryStore::load(dir).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let id = StoryId::from_stem(STORY).unwrap();
    let mut n = stories.get(&id).map(version_of).unwrap_or(0);
    let (mut reviews, _) = ReviewStore::open(dir, &StoreOptions::default(), t0()).unwrap();
    let out = std::io::stdout();
    let mut out = out.lock();
    writeln!(out, "ready").unwrap();
    out.flush().unwrap();
    // The parent picks which comes first, so kills land in both kinds of write.
    let grade_first = std::env::var_os(GRADE_FIRST_ENV).is_some();
    for step in 0.. {
        if step > 0 || !grade_first {
            n += 1;
            stories.save(&version(n), t0()).unwrap();
            writeln!(out, "ack {n}").unwrap();
            out.flush().unwrap();
        }
        let seq = reviews.ledger().last_seq() + 1;
        let card = Id::new(CARDS[(seq % CARDS.len() as u64) as usize]);
        let grade = Grade::ALL[(seq % 4) as usize];
        reviews.grade(&card, grade, grade_time(seq)).unwrap();
        assert_eq!(reviews.ledger().last_seq(), seq);
        writeln!(out, "ack grade {seq}").unwrap();
        out.flush().unwrap();
    }
}

/// A small seeded generator (xorshift64*), so a failing schedule of kills can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[test]
fn kill_during_saves_and_grades() {
    let seed: u64 = std::env::var("CLINICPREP_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_C0DE);
    eprintln!("crash test seed {seed} (set CLINICPREP_CRASH_SEED to replay)");
    let mut rng = Rng(seed | 1);
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let id = StoryId::from_stem(STORY).unwrap();
    let mut acked_story = 0u64;
    let mut acked_grade = 0u64;
    let mut torn_tails = 0;
    let mut in_flight_story_seen = 0;
    for round in 0..ROUNDS {
        let mut command = Command::new(&exe);
        if rng.below(2) == 0 {
            command.env(GRADE_FIRST_ENV, "1");
        }
        let mut child = command
            .args([
                "--exact",
                "child",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // libtest may print "test child ... " on the same line as our first output.
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut text = String::new();
        // One round in eight is killed while still starting up (loading, repairing a torn tail).
        if rng.below(8) != 0 {
            let mut line = String::new();
            loop {
                line.clear();
                let n = stdout.read_line(&mut line).unwrap();
                assert!(n > 0, "round {round}: child exited before it was ready");
                if line.trim_end().ends_with("ready") {
                    break;
                }
            }
            std::thread::sleep(std::time::Duration::from_micros(rng.below(25_000)));
        }
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert!(!status.success(), "round {round}: child ended on its own");
        stdout.read_to_string(&mut text).unwrap();
        for line in text.lines() {
            if let Some(seq) = line.strip_prefix("ack grade ") {
                let seq: u64 = seq.parse().unwrap();
                assert!(seq > acked_grade, "grade acknowledged twice: {seq}");
                acked_grade = seq;
            } else if let Some(n) = line.strip_prefix("ack ") {
                let n: u64 = n.parse().unwrap();
                assert_eq!(n, acked_story + 1, "round {round}: versions skipped");
                acked_story = n;
            }
        }

        // The story file parses and holds the last acknowledged version or the one being saved.
        let (stories, bad) = StoryStore::load(dir.path()).unwrap();
        assert!(bad.is_empty(), "round {round}: unreadable story: {bad:?}");
        assert!(
            stories.conflict_copies().is_empty(),
            "round {round}: unexpected conflict copies {:?}",
            stories.conflict_copies()
        );
        match stories.get(&id) {
            None => assert_eq!(acked_story, 0, "round {round}: acknowledged story is gone"),
            Some(on_disk) => {
                let n = version_of(on_disk);
                assert!(
                    n == acked_story || n == acked_story + 1,
                    "round {round}: disk holds version {n}, last acknowledged {acked_story}"
                );
                if n == acked_story + 1 {
                    in_flight_story_seen += 1;
                }
                let mut want = version(n);
                want.created = on_disk.created;
                want.updated = on_disk.updated;
                assert_eq!(on_disk, &want, "round {round}: version {n} is not whole");
            }
        }

        // The journal loads; a torn tail costs at most the grade in flight; nothing is invented.
        let (reviews, notices) =
            ReviewStore::open(dir.path(), &StoreOptions::default(), t0()).unwrap();
        for notice in &notices {
            match notice {
                Notice::TornTail { .. } => torn_tails += 1,
                other => panic!("round {round}: unexpected repair {other:?}"),
            }
        }
        let last = reviews.ledger().last_seq();
        assert!(
            last == acked_grade || last == acked_grade + 1,
            "round {round}: journal ends at {last}, last acknowledged grade {acked_grade}"
        );
        let graded: u32 = reviews.daily_counts().values().sum();
        assert_eq!(u64::from(graded), last, "round {round}: reviews counted");
        // An in-flight grade that made it to disk is kept; the child continues after it.
        acked_grade = last;
        if let Some(on_disk) = stories.get(&id) {
            acked_story = version_of(on_disk);
        }
        drop(reviews);
    }
    eprintln!(
        "{ROUNDS} kills: {acked_story} story versions, {acked_grade} grades, \
         {torn_tails} torn journal tails repaired, {in_flight_story_seen} in-flight saves found whole"
    );
    // The test proves nothing if the child never got to save between kills.
    assert!(acked_story >= 50, "too few saves: {acked_story}");
    assert!(acked_grade >= 50, "too few grades: {acked_grade}");
}

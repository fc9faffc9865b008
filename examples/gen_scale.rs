//! Writes a large, realistic data dir for scale tests: user decks, a year of reviews with its
//! snapshot, and STAR stories, all through clinicprep's own formats and stores. Seeded, so the same
//! arguments always give the same files.
//!
//! `cargo run --release --example gen_scale -- --cards 10000 --reviews 100000 --stories 1000 DIR`
//!
//! With `--import-file FILE` (and `--cards N`) it writes an Anki "Notes in Plain Text" export of N
//! new notes instead, as `clinicprep import` reads them, for timing imports.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a generator for benches: panicking is how it fails

use chrono::{DateTime, Duration, TimeZone, Utc};
use clap::Parser;
use clinicprep::domain::content::{Card, Id};
use clinicprep::domain::schedule::{Grade, ReviewStore, StoreOptions};
use clinicprep::domain::stories::{Story, StoryStore};
use clinicprep::interop::deck_import::file_name;
use clinicprep::storage::{ensure_private_dir, write_atomic};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(about = "Write a large clinicprep data dir for scale tests")]
struct Args {
    /// User cards, split into decks of 500.
    #[arg(long, default_value_t = 10_000)]
    cards: usize,
    /// Reviews over the year before 2026-11-23.
    #[arg(long, default_value_t = 100_000)]
    reviews: usize,
    /// STAR story files.
    #[arg(long, default_value_t = 1_000)]
    stories: usize,
    /// Seed for the generator; the same seed gives the same files.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Write an Anki text export of `--cards` notes to this file instead of filling a data dir.
    #[arg(long, value_name = "FILE")]
    import_file: Option<PathBuf>,
    /// The data dir to fill (created if missing; must not hold clinicprep data yet).
    #[arg(required_unless_present = "import_file")]
    dir: Option<PathBuf>,
}

const DECK_SIZE: usize = 500;

const WORDS: &[&str] = &[
    "patient",
    "gait",
    "belt",
    "transfer",
    "range",
    "motion",
    "therapist",
    "assistant",
    "aide",
    "exercise",
    "parallel",
    "bars",
    "walker",
    "cane",
    "wheelchair",
    "brakes",
    "safety",
    "fall",
    "risk",
    "vital",
    "signs",
    "blood",
    "pressure",
    "heart",
    "rate",
    "documentation",
    "plan",
    "care",
    "goal",
    "strength",
    "balance",
    "posture",
    "shoulder",
    "knee",
    "hip",
    "ankle",
    "stretch",
    "ice",
    "heat",
    "ultrasound",
    "treatment",
    "session",
    "schedule",
    "clean",
    "table",
    "linen",
    "hand",
    "hygiene",
    "infection",
    "control",
    "privacy",
    "HIPAA",
    "scope",
    "practice",
    "supervise",
    "report",
    "change",
    "pain",
    "scale",
    "fatigue",
    "dizzy",
    "stand",
    "pivot",
    "sit",
    "supine",
    "prone",
    "lateral",
    "flexion",
    "extension",
    "abduction",
    "adduction",
    "rotation",
    "the",
    "a",
    "to",
    "with",
    "before",
    "after",
    "and",
    "then",
    "when",
    "why",
    "how",
    "what",
    "every",
    "each",
];

/// splitmix64: tiny, seedable and stable, so generated data never depends on a crate's version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn words(&mut self, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(WORDS[self.below(WORDS.len())]);
        }
        s
    }

    /// Sentences of `min` to `min + spread - 1` words in all.
    fn text(&mut self, min: usize, spread: usize) -> String {
        let words = min + self.below(spread);
        self.sentences(words)
    }

    fn sentences(&mut self, words: usize) -> String {
        let mut out = String::new();
        let mut left = words;
        while left > 0 {
            let n = (6 + self.below(12)).min(left);
            let mut s = self.words(n);
            if let Some(first) = s.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s);
            out.push('.');
            left -= n;
        }
        out
    }
}

/// What to generate; the benches in `benches/scale.rs` use it too.
#[derive(Clone)]
pub struct Spec {
    pub cards: usize,
    pub reviews: usize,
    pub stories: usize,
    pub seed: u64,
    pub dir: PathBuf,
}

fn main() -> ExitCode {
    let a = Args::parse();
    if let Some(file) = &a.import_file {
        return match write_import_file(file, a.cards, a.seed) {
            Ok(()) => {
                println!("wrote {} notes to {}", a.cards, file.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("gen_scale: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let spec = Spec {
        cards: a.cards,
        reviews: a.reviews,
        stories: a.stories,
        seed: a.seed,
        dir: a.dir.unwrap_or_default(),
    };
    match generate(&spec) {
        Ok(()) => {
            println!(
                "wrote {} cards, {} reviews, {} stories to {}",
                spec.cards,
                if spec.cards == 0 { 0 } else { spec.reviews },
                spec.stories,
                spec.dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_scale: {e}");
            ExitCode::FAILURE
        }
    }
}

/// An Anki "Notes in Plain Text" export of `notes` new notes (front, back, tags and deck,
/// tab-separated, with the header lines Anki writes; decks of 10,000 notes, so no deck file reaches
/// the 32 MiB limit), seeded like the data dirs but with fronts of its own, so none is a duplicate of
/// a generated deck card. 100,000 notes make about 31 MiB.
pub fn write_import_file(
    file: &std::path::Path,
    notes: usize,
    seed: u64,
) -> Result<(), Box<dyn std::error::Error>> {
    use std::io::Write;
    let mut rng = Rng(seed ^ 0x1a2b_3c4d);
    let mut out = std::io::BufWriter::new(std::fs::File::create(file)?);
    writeln!(out, "#separator:tab")?;
    writeln!(out, "#html:false")?;
    writeln!(out, "#tags column:3")?;
    writeln!(out, "#deck column:4")?;
    for i in 0..notes {
        let front = format!("{}? (note {i})", rng.text(8, 10));
        let back = rng.text(15, 30);
        let tag = WORDS[rng.below(WORDS.len())];
        let deck = i / 10_000 + 1;
        writeln!(out, "{front}\t{back}\t{tag}\tImported {deck}")?;
    }
    out.flush()?;
    Ok(())
}

/// A data dir generated for `spec` (its `dir` ignored) under `root`, made once and reused by later
/// runs: benches at 100,000 cards would otherwise spend minutes writing 10,000 fsynced stories each
/// time. A marker written last says the dir is complete. Callers that change the data copy it first
/// (see [`copy_dir`]).
pub fn cached(root: &std::path::Path, spec: &Spec) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let name = format!(
        "scale-{}c-{}r-{}s-seed{}",
        spec.cards, spec.reviews, spec.stories, spec.seed
    );
    let dir = root.join(name);
    let done = dir.join(".generated");
    if done.is_file() {
        return Ok(dir);
    }
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(root)?;
    generate(&Spec {
        dir: dir.clone(),
        ..*spec
    })?;
    std::fs::write(&done, "")?;
    Ok(dir)
}

/// Copies the folder `from` into a new temporary folder (regular files and folders only).
pub fn copy_dir(from: &std::path::Path) -> std::io::Result<tempfile::TempDir> {
    fn copy(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
        std::fs::create_dir_all(to)?;
        for e in std::fs::read_dir(from)? {
            let e = e?;
            let kind = e.file_type()?;
            let target = to.join(e.file_name());
            if kind.is_dir() {
                copy(&e.path(), &target)?;
            } else if kind.is_file() {
                std::fs::copy(e.path(), &target)?;
            }
        }
        Ok(())
    }
    let dir = tempfile::tempdir()?;
    copy(from, dir.path())?;
    Ok(dir)
}

/// Fills `spec.dir`. Prints nothing, so benches can call it quietly.
pub fn generate(args: &Spec) -> Result<(), Box<dyn std::error::Error>> {
    let end = Utc
        .with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .ok_or("bad date")?;
    let mut rng = Rng(args.seed);
    ensure_private_dir(&args.dir)?;
    let ids = write_decks(args, &mut rng)?;
    write_reviews(args, &ids, end, &mut rng)?;
    write_stories(args, end, &mut rng)?;
    Ok(())
}

/// Deck files as `clinicprep import` writes them: `[[card]]` tables in `content/<deck>.toml`.
fn write_decks(args: &Spec, rng: &mut Rng) -> Result<Vec<Id>, Box<dyn std::error::Error>> {
    #[derive(Serialize)]
    struct Deck<'a> {
        card: &'a [Card],
    }
    let content = args.dir.join("content");
    ensure_private_dir(&content)?;
    let mut ids = Vec::with_capacity(args.cards);
    for (d, start) in (0..args.cards).step_by(DECK_SIZE).enumerate() {
        let deck = format!("Scale deck {}", d + 1);
        let cards: Vec<Card> = (start..(start + DECK_SIZE).min(args.cards))
            .map(|i| {
                let front = format!("{}? ({i})", rng.text(8, 10));
                let back = rng.text(30, 60);
                Card {
                    id: Id::new(format!("imp-{:016x}", rng.next())),
                    deck: deck.as_str().into(),
                    front,
                    back,
                    tags: std::iter::once(WORDS[rng.below(WORDS.len())].into()).collect(),
                    roles: Vec::new(),
                }
            })
            .collect();
        ids.extend(cards.iter().map(|c| c.id.clone()));
        let text = format!(
            "# Cards added by gen_scale (seed {}).\n\n{}",
            args.seed,
            toml::to_string(&Deck { card: &cards })?
        );
        write_atomic(&content.join(file_name(&deck)), text.as_bytes())?;
    }
    Ok(ids)
}

/// A year of study: cards are introduced in order and reviewed again and again, most often "Good".
/// Written through `ReviewStore` in batches (one sync each), then a snapshot as the app leaves it.
fn write_reviews(
    args: &Spec,
    ids: &[Id],
    end: DateTime<Utc>,
    rng: &mut Rng,
) -> Result<(), Box<dyn std::error::Error>> {
    if ids.is_empty() || args.reviews == 0 {
        return Ok(());
    }
    let start = end - Duration::days(365);
    let step_ms = Duration::days(365).num_milliseconds() / args.reviews as i64;
    let (mut store, _) = ReviewStore::open(&args.dir, &StoreOptions::default(), start)?;
    let mut introduced = 0usize;
    let mut batch = Vec::with_capacity(10_000);
    for r in 0..args.reviews {
        let now = start + Duration::milliseconds(step_ms * r as i64);
        // About one review in five meets a new card until every card has been seen.
        let card = if introduced < ids.len() && (introduced == 0 || rng.below(5) == 0) {
            introduced += 1;
            &ids[introduced - 1]
        } else {
            &ids[rng.below(introduced)]
        };
        let grade = match rng.below(20) {
            0..=1 => Grade::Again,
            2..=3 => Grade::Hard,
            4..=17 => Grade::Good,
            _ => Grade::Easy,
        };
        batch.push((card.clone(), grade, now));
        if batch.len() == batch.capacity() {
            store.grade_all(&batch)?;
            batch.clear();
        }
    }
    store.grade_all(&batch)?;
    store.snapshot_now()?;
    Ok(())
}

/// Story files written by `StoryStore::save`, as the Stories screen saves them.
fn write_stories(
    args: &Spec,
    end: DateTime<Utc>,
    rng: &mut Rng,
) -> Result<(), Box<dyn std::error::Error>> {
    if args.stories == 0 {
        return Ok(());
    }
    let (mut store, bad) = StoryStore::load(&args.dir)?;
    if !bad.is_empty() {
        return Err("the stories folder has files that do not load; use an empty dir".into());
    }
    for i in 0..args.stories {
        let when = end - Duration::hours((args.stories - i) as i64 * 7);
        let title = format!(
            "{} {}",
            {
                let n = 3 + rng.below(4);
                rng.words(n)
            },
            i + 1
        );
        let id = store.new_id(&title, when);
        let mut story = Story::new(id, title, when);
        story.situation = rng.text(40, 40);
        story.task = rng.text(20, 30);
        story.action = rng.text(120, 120);
        story.result = rng.text(30, 40);
        story.tags = vec![WORDS[rng.below(WORDS.len())].to_string()];
        store.save(&story, when)?;
    }
    Ok(())
}

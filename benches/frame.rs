//! Start-up and key-to-frame costs: one key handled (through the keymap, as the event loop does) and
//! the whole screen drawn on a 200×50 `TestBackend`, for every screen; and the cost of one durable
//! grade. The floor is 1 ms median per key on every screen (issue #8).
//!
//! Cases marked "at 10k" use a data dir from `gen_scale` (10,000 user cards, 100,000 reviews over a
//! year, 1,000 stories), "at 100k" one ten times as large (100,000 / 1,000,000 / 10,000). Each is
//! generated once into `target/scale-data/` and copied for the run (see `benches/scale.rs`);
//! `CLINICPREP_BENCH_SIZES=10k` leaves out the 100k cases.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a benchmark fails

#[allow(dead_code)]
#[path = "../examples/gen_scale.rs"]
mod gen_scale;

use chrono::{DateTime, Duration, TimeZone, Utc};
use clinicprep::app::{Action, App, Tab, Theme};
use clinicprep::domain::content::{Id, Library};
use clinicprep::domain::practice::{Answer, RoundLog, RoundRecord, Rubric};
use clinicprep::domain::schedule::{Grade, ReviewStore, StoreOptions};
use clinicprep::storage::paths::Paths;
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use gen_scale::{Spec, cached, copy_dir};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

fn load(c: &mut Criterion) {
    c.bench_function("load built-in content", |b| {
        b.iter(|| black_box(Library::builtin()))
    });
}

/// An app over a data dir with a 200×50 terminal to draw it on.
struct Screen {
    app: App,
    term: Terminal<TestBackend>,
}

impl Screen {
    fn new(dir: &Path, now: DateTime<Utc>) -> Screen {
        let mut app = App::new(Paths::in_dir(dir), now, Theme::COLOR);
        app.handle_event(Event::Resize(200, 50));
        Screen {
            app,
            term: Terminal::new(TestBackend::new(200, 50)).expect("terminal"),
        }
    }

    /// One key press as the event loop hands it over: keymap dispatch, then `update`.
    fn key(&mut self, code: KeyCode) {
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        self.app.handle_event(event);
    }

    fn draw(&mut self) {
        let app = &self.app;
        self.term
            .draw(|f| f.render_widget(app, f.area()))
            .expect("draw");
    }

    /// Whether the screen, drawn now, shows `text`.
    fn shows(&mut self, text: &str) -> bool {
        self.draw();
        let buf = self.term.backend().buffer();
        let area = buf.area;
        (0..area.height).any(|y| {
            let row: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.contains(text)
        })
    }

    /// A key and the frame it asks for.
    fn key_frame(&mut self, code: KeyCode) {
        self.key(code);
        self.draw();
    }
}

/// The date `gen_scale` ends its year of history on.
fn scale_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("date")
}

/// A copy of the `gen_scale` data dir with `cards` cards (and ten reviews and a tenth of a story
/// each), generated once into `target/scale-data/`.
fn scale_dir(cards: usize) -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/scale-data");
    let spec = Spec {
        cards,
        reviews: cards * 10,
        stories: cards / 10,
        seed: 42,
        dir: std::path::PathBuf::new(),
    };
    let dir = cached(&root, &spec).expect("generate");
    copy_dir(&dir).expect("copy")
}

/// The scale cases this run covers: 10k, and 100k unless `CLINICPREP_BENCH_SIZES` leaves it out.
fn scales() -> Vec<(usize, &'static str)> {
    let wanted = std::env::var("CLINICPREP_BENCH_SIZES").unwrap_or_default();
    [(10_000, "10k"), (100_000, "100k")]
        .into_iter()
        .filter(|(_, l)| wanted.is_empty() || wanted.split(',').any(|w| w.trim() == *l))
        .collect()
}

/// 300 practice rounds of five answers, one every 20 hours back from `now`.
fn write_rounds(dir: &Path, now: DateTime<Utc>) {
    let mut log = RoundLog::default();
    for i in 0..300 {
        log.round.push(RoundRecord {
            answer: (0..5)
                .map(|k| {
                    let seconds = 60 + (i as u32 * 7 + k) % 90;
                    Answer::new(
                        Id::new(format!("q-{k}")),
                        seconds,
                        Rubric::default(),
                        Grade::Hard,
                    )
                })
                .collect(),
            ..RoundRecord::new(now - Duration::hours(i * 20), None, 120)
        });
    }
    log.save(dir).expect("save log");
}

/// Alternates `j` and `k` (down one, back up), each key drawn.
fn down_and_up(c: &mut Criterion, name: &str, s: &mut Screen) {
    alternate(c, name, s, KeyCode::Char('j'), KeyCode::Char('k'));
}

/// Alternates typing `letter` and Backspace in the box that has focus, each key drawn.
fn type_and_erase(c: &mut Criterion, name: &str, s: &mut Screen, letter: char) {
    alternate(c, name, s, KeyCode::Char(letter), KeyCode::Backspace);
}

/// Alternates `first` and `second`, each key drawn, and ends on `second`. The turn is kept across
/// criterion's samples, which each call the routine afresh: begun afresh, an odd sample left a
/// letter typed and the next typed another, until the card search's query ("patientsss…") found
/// nothing and the keys meant to scroll a card went into the query instead.
fn alternate(c: &mut Criterion, name: &str, s: &mut Screen, first: KeyCode, second: KeyCode) {
    let mut first_next = true;
    c.bench_function(name, |b| {
        b.iter(|| {
            s.key_frame(if first_next { first } else { second });
            first_next = !first_next;
        })
    });
    if !first_next {
        s.key_frame(second);
    }
}

/// Types words into the box that has focus a letter at a time, each letter drawn; between words
/// (untimed) the box is emptied again. Each word starts with another letter, so no letter finds
/// what it asks for worked out already, as when erasing.
fn type_words(c: &mut Criterion, name: &str, s: &mut Screen) {
    let words = [
        "transfer",
        "wheelchair",
        "gait belt",
        "safety",
        "privacy",
        "documentation",
        "balance",
    ];
    let mut letters = words
        .iter()
        .cycle()
        .flat_map(|w| w.chars().map(Some).chain([None]));
    c.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut spent = std::time::Duration::ZERO;
            let mut timed = 0;
            while timed < iters {
                match letters.next().flatten() {
                    Some(letter) => {
                        let start = Instant::now();
                        s.key_frame(KeyCode::Char(letter));
                        spent += start.elapsed();
                        timed += 1;
                    }
                    None => {
                        for _ in 0..20 {
                            s.key(KeyCode::Backspace);
                        }
                    }
                }
            }
            spent
        })
    });
}

fn guides(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Screen::new(dir.path(), Utc::now());
    s.app.update(Action::GoTo(Tab::Guides));
    down_and_up(c, "guides: scroll one line and draw 200x50", &mut s);
    s.key(KeyCode::Char('c'));
    down_and_up(
        c,
        "guides: compare two roles, scroll and draw 200x50",
        &mut s,
    );
    s.key(KeyCode::Esc);
    s.key(KeyCode::Char('/'));
    s.app.update(Action::Paste("patient".into()));
    type_and_erase(
        c,
        "guides: type in the search box and draw 200x50",
        &mut s,
        's',
    );
}

/// Home with a year of daily reviews and 300 practice rounds: every key redraws all three charts.
fn home_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let now = Utc::now();
    write_rounds(dir.path(), now);
    // A year of reviews in the journal, 0–12 a day, over the built-in cards: the heatmap has a
    // value every day and the due chart a card nearly every day ahead.
    let ids: Vec<Id> = Library::load(None)
        .cards
        .iter()
        .map(|c| c.id.clone())
        .collect();
    {
        let start = now - Duration::days(365);
        let (mut store, _) = ReviewStore::open(dir.path(), &StoreOptions::default(), start)
            .expect("open the journal");
        let mut next = ids.iter().cycle();
        for d in (0..365).rev() {
            let when = now - Duration::days(d);
            for _ in 0..(d % 13) {
                if let Some(id) = next.next() {
                    store.grade(id, Grade::Good, when).expect("grade");
                }
            }
        }
    }
    let mut s = Screen::new(dir.path(), now);
    down_and_up(
        c,
        "home: move in the checklist and draw 200x50 with a year of history",
        &mut s,
    );
}

/// The help overlay opened over Home and closed again; each key drawn.
fn help(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Screen::new(dir.path(), Utc::now());
    c.bench_function("help: open or close ? over Home and draw 200x50", |b| {
        b.iter(|| s.key_frame(KeyCode::Char('?')))
    });
}

/// One timer second on the Practice screen (the tick and the redraw it asks for), scrolling the
/// hints (which pause the timer), ticking a rubric box, and typing into the answer box.
fn practice(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Screen::new(dir.path(), Utc::now());
    s.app.update(Action::GoTo(Tab::Practice));
    s.app.update(Action::Select);
    c.bench_function("practice: timer tick and draw 200x50", |b| {
        b.iter(|| {
            s.app.set_now(s.app.now() + Duration::seconds(1));
            assert!(s.app.tick());
            s.draw();
        })
    });
    s.app.update(Action::ToggleHint);
    down_and_up(c, "practice: scroll the hints and draw 200x50", &mut s);
    s.app.update(Action::ToggleHint);
    s.key(KeyCode::Char(' '));
    c.bench_function("practice: tick a rubric box and draw 200x50", |b| {
        b.iter(|| s.key_frame(KeyCode::Char('1')))
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Screen::new(dir.path(), Utc::now());
    s.app.update(Action::GoTo(Tab::Practice));
    for a in [Action::Down, Action::Down, Action::Down, Action::Right] {
        s.app.update(a);
    }
    s.app.update(Action::Select);
    // A typed answer of about 300 words, then a key typed at its end, as a long answer grows.
    s.app.update(Action::Paste(
        "I checked the brakes and the gait belt. ".repeat(38),
    ));
    type_and_erase(
        c,
        "practice: type into a 300-word answer and draw 200x50",
        &mut s,
        'a',
    );
    // The analysis of a 300-word typed answer with a marked phrase in every sentence: each scroll
    // key lays out the coaching, the marked phrases and the underlined answer again.
    s.app.update(Action::Paste(
        " Um, we basically checked the brakes and I kind of helped with the gait belt.".repeat(20),
    ));
    s.app.update(Action::EndAnswer);
    down_and_up(
        c,
        "practice: scroll the analysis of a typed answer and draw 200x50",
        &mut s,
    );
}

fn cards_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Screen::new(dir.path(), Utc::now());
    s.app.update(Action::GoTo(Tab::Cards));
    down_and_up(c, "cards: move between decks and draw 200x50", &mut s);
    find_card(c, "", &mut s);
    review(c, "", &mut s);
}

/// The card search open over every card: each key changes the query, so the cards are searched
/// again and the results drawn; then one card opened with its history, scrolled.
fn find_card(c: &mut Criterion, at: &str, s: &mut Screen) {
    s.key(KeyCode::Char('/'));
    s.app.update(Action::Paste("patient".into()));
    type_and_erase(
        c,
        &format!("cards{at}: type in the card search and draw 200x50"),
        s,
        's',
    );
    s.key(KeyCode::Enter);
    // Scrolling anything else would time the wrong thing (once, j and k were typed into the query).
    assert!(s.shows("Your reviews"), "the card found did not open");
    down_and_up(
        c,
        &format!("cards{at}: scroll a card found and draw 200x50"),
        s,
    );
    s.key(KeyCode::Esc);
    s.key(KeyCode::Esc);
}

/// Words only a review in progress shows: its progress line ("3 of 40 cards done · review 4").
const IN_REVIEW: &str = " · review ";

/// The footer's entry on a card's front, whatever the kind of card.
const ON_FRONT: &str = "Space show answer";

/// Keeps a review going: back on a card's front, starting a cram of every card when a session ends.
/// Untimed: it draws to see where the review is, as a user would. Gives up loudly when no front
/// comes: the words it looks for have changed (once they did, and it recursed until the stack
/// overflowed).
fn to_front(s: &mut Screen) {
    for _ in 0..100 {
        if !s.shows(IN_REVIEW) {
            s.app.update(Action::Back);
            s.app.update(Action::Top);
            s.app.update(Action::Cram);
        }
        if s.shows(ON_FRONT) {
            return;
        }
        s.app.update(Action::Grade(Grade::Good));
    }
    panic!("no card's front after 100 tries: does the review still show {IN_REVIEW:?}?");
}

/// A review session on the deck list's first deck: flip (Space) and grade (3, made durable with an
/// fsync) are timed apart, each with its frame; the other key runs untimed between iterations.
fn review(c: &mut Criterion, at: &str, s: &mut Screen) {
    let mut g = c.benchmark_group("review");
    g.sample_size(30);
    s.app.update(Action::Top);
    s.app.update(Action::Select);
    g.bench_function(format!("review{at}: flip a card and draw 200x50"), |b| {
        b.iter_custom(|iters| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iters {
                to_front(s);
                let start = Instant::now();
                s.key_frame(KeyCode::Char(' '));
                spent += start.elapsed();
            }
            spent
        })
    });
    g.bench_function(
        format!("review{at}: grade durably, draw the next card 200x50"),
        |b| {
            b.iter_custom(|iters| {
                let mut spent = std::time::Duration::ZERO;
                for _ in 0..iters {
                    to_front(s);
                    s.app.update(Action::Reveal);
                    let start = Instant::now();
                    s.key_frame(KeyCode::Char('3'));
                    spent += start.elapsed();
                }
                spent
            })
        },
    );
    g.finish();
    s.app.update(Action::Back);
    s.app.update(Action::Back);
}

/// The screens whose work grows with the user's data, over `gen_scale` dirs.
fn at_scale(c: &mut Criterion) {
    for (cards, at) in scales() {
        at_size(c, cards, at);
    }
}

fn at_size(c: &mut Criterion, cards: usize, at: &str) {
    let dir = scale_dir(cards);
    let stories = cards / 10;
    let now = scale_now();
    write_rounds(dir.path(), now);
    let mut s = Screen::new(dir.path(), now);
    down_and_up(
        c,
        &format!("home at {at}: move in the checklist and draw 200x50"),
        &mut s,
    );
    s.app.update(Action::GoTo(Tab::Cards));
    down_and_up(
        c,
        &format!("cards at {at}: move between decks and draw 200x50"),
        &mut s,
    );
    // Every key changes the filter, so the deck counts are worked out again each time.
    c.bench_function(
        &format!("cards at {at}: cycle the tag filter and draw 200x50"),
        |b| b.iter(|| s.key_frame(KeyCode::Char('t'))),
    );
    s.app.update(Action::ClearFilters);
    find_card(c, &format!(" at {at}"), &mut s);
    review(c, &format!(" at {at}"), &mut s);
    s.app.update(Action::GoTo(Tab::Stories));
    down_and_up(
        c,
        &format!("stories at {at}: move in a list of {stories} and draw 200x50"),
        &mut s,
    );
    // Each key changes the filter, so the list is filtered again.
    s.key(KeyCode::Char('/'));
    type_and_erase(
        c,
        &format!("stories at {at}: type in the filter box over {stories} and draw 200x50"),
        &mut s,
        'e',
    );
    type_words(
        c,
        &format!(
            "stories at {at}: type words letter by letter in the filter box over {stories} and draw 200x50"
        ),
        &mut s,
    );
    s.key(KeyCode::Esc);
    s.app.update(Action::Coverage);
    down_and_up(
        c,
        &format!("stories at {at}: scroll coverage of {stories} stories and draw 200x50"),
        &mut s,
    );
    s.app.update(Action::Back);
    // Tab goes round the five screens; switching to Home, Cards and Practice refreshes their facts.
    c.bench_function(
        &format!("tabs at {at}: Tab to the next screen and draw 200x50"),
        |b| b.iter(|| s.key_frame(KeyCode::Tab)),
    );
}

/// One durable grade (append + `sync_data`) on a journal with `past` reviews before it: the cost
/// should not grow with history.
fn grade_cost(c: &mut Criterion) {
    for past in [10u32, 10_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        let options = StoreOptions::default();
        let mut now = Utc::now();
        let (mut store, _) = ReviewStore::open(dir.path(), &options, now).expect("store");
        for i in 0..past {
            now += chrono::Duration::minutes(1);
            let card = Id::new(format!("c{}", i % 500));
            store.grade(&card, Grade::Good, now).expect("grade");
        }
        let mut i = 0u32;
        c.bench_function(
            &format!("grade one card durably after {past} reviews"),
            |b| {
                b.iter(|| {
                    i += 1;
                    now += chrono::Duration::minutes(1);
                    let card = Id::new(format!("c{}", i % 500));
                    black_box(store.grade(&card, Grade::Good, now).expect("grade"));
                })
            },
        );
    }
}

/// Typing into the Stories editor: the worst ordinary case, a 2,000-word Action in one paragraph (far
/// past the 90–120 s target), and a story of the target length. Every key updates the coaching
/// analysis and redraws the wrapped text and the panel. Keys alternate between a letter and
/// Backspace, so the text keeps its length however many iterations run.
fn story_key_to_frame(c: &mut Criterion) {
    let sentence = "I checked the gait belt, then we walked the patient to the parallel bars. ";
    for (words, name) in [(2000, "2,000-word"), (250, "250-word")] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut s = Screen::new(dir.path(), Utc::now());
        s.app.update(Action::GoTo(Tab::Stories));
        s.app.update(Action::New);
        for _ in 0..3 {
            s.app.update(Action::NextField);
        }
        s.app.update(Action::Paste(sentence.repeat(words / 14)));
        type_and_erase(
            c,
            &format!("stories: type into a {name} story and draw 200x50"),
            &mut s,
            'x',
        );
    }
}

criterion_group! {
    name = benches;
    // Short runs: the whole file should take a few minutes on a 2-core machine.
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = load,
    guides,
    home_frame,
    help,
    practice,
    cards_frame,
    story_key_to_frame,
    at_scale,
    grade_cost
}
criterion_main!(benches);

//! `clinicprep import` and `export deck` as a user runs them, over real Anki and CSV samples in
//! tests/fixtures: what is added, what is skipped and why, and that nothing is added twice.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use clinicprep::domain::content::{ContentFile, Library};
use clinicprep::interop::anki;
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs clinicprep over `dir` (data dir, with its own config file) and returns (exit code, stdout,
/// stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_clinicprep"))
        .env_remove("CLINICPREP_DATA_DIR")
        .env_remove("CLINICPREP_CONFIG")
        .arg("--data-dir")
        .arg(dir)
        .arg("--config")
        .arg(dir.join("config.toml"))
        .args(args)
        .output()
        .expect("run clinicprep");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn import(dir: &Path, file: &str, extra: &[&str]) -> (i32, String) {
    let path = fixture(file);
    let mut args = vec!["import", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    let (code, out, err) = run(dir, &args);
    assert!(err.is_empty(), "stderr: {err}");
    (code, out)
}

/// The number after "Added " in the summary (0 for "No new cards.").
fn added(summary: &str) -> usize {
    summary
        .lines()
        .find_map(|l| l.strip_prefix("Added "))
        .and_then(|l| l.split(' ').next())
        .map_or(0, |n| n.parse().unwrap())
}

fn deck_file(dir: &Path, name: &str) -> ContentFile {
    let text = std::fs::read_to_string(dir.join("content/imported").join(name)).unwrap();
    toml::from_str(&text).unwrap()
}

fn user_library(dir: &Path) -> Library {
    let lib = Library::load(Some(&dir.join("content")));
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    lib
}

#[test]
fn anki_tab_export_with_guids_decks_tags_and_html() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = import(dir.path(), "anki_tab.txt", &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("an Anki text export, tab-separated, HTML turned into plain text, 3 rows")
    );
    assert_eq!(added(&out), 3, "{out}");
    let words = deck_file(dir.path(), "pt-words.toml");
    assert_eq!(words.card.len(), 2);
    assert_eq!(words.card[0].deck, "PT Words");
    assert_eq!(words.card[0].front, "ROM");
    assert_eq!(words.card[0].tags[..], ["abbreviations", "pt"]);
    assert_eq!(
        words.card[1].back,
        "Home exercise program\ngiven at discharge"
    );
    let safety = deck_file(dir.path(), "pt-words-safety.toml");
    assert_eq!(safety.card[0].deck, "PT Words::Safety");
    assert_eq!(
        safety.card[0].back,
        "A belt worn around the patient's waist so you can steady them."
    );
    // Anki guids are not valid ids as they are, so they are hashed; the library loads them cleanly.
    let lib = user_library(dir.path());
    assert_eq!(lib.cards.len(), 3);
    assert!(lib.cards.iter().all(|c| c.id.as_str().starts_with("imp-")));
    // The new decks were parsed into the cache before the import returned, so the next start
    // does not parse them.
    let modified = |p: &Path| std::fs::metadata(p).unwrap().modified().unwrap();
    let cache = dir.path().join("cache/content.bin");
    let deck = dir.path().join("content/imported/pt-words.toml");
    assert!(cache.is_file(), "cache written by the import");
    assert!(
        modified(&cache) >= modified(&deck),
        "cache written after the deck"
    );
}

#[test]
fn comma_separated_quoted_fields_keep_commas_newlines_and_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = import(
        dir.path(),
        "anki_comma_quoted.csv",
        &["--deck", "Transfers"],
    );
    assert_eq!((code, added(&out)), (0, 3), "{out}");
    let deck = deck_file(dir.path(), "transfers.toml");
    let c = &deck.card;
    assert_eq!(c[0].front, "Transfer, bed to chair");
    assert_eq!(
        c[0].back,
        "Lock the wheels.\nExplain each step.\nUse a gait belt."
    );
    assert_eq!(c[0].tags[..], ["transfers"]);
    assert_eq!(c[1].front, "What does \"NWB\" mean?");
    // A tab is expanded to spaces up to the next 4-column stop, like every tab shown in the terminal.
    assert_eq!(c[2].back, "Back with \"quotes\", commas, and a tab");
    assert!(c.iter().all(|c| c.deck == "Transfers"));
}

#[test]
fn html_entities_and_breaks_become_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = import(dir.path(), "anki_html.txt", &[]);
    assert_eq!(added(&out), 3, "{out}");
    // No #deck line: the deck is named after the file.
    let c = deck_file(dir.path(), "anki-html.toml").card;
    assert_eq!(c[0].deck, "anki_html");
    assert_eq!(c[0].front, "PTA vs PT aide");
    assert_eq!(
        c[0].back,
        "A PTA is licensed & treats patients.\nAn aide is not licensed."
    );
    assert_eq!(c[1].front, "Safe lift – rule");
    assert_eq!(
        c[1].back,
        "Keep the load close to your body.\n\nBend knees, not back."
    );
    assert_eq!(c[2].front, "5 < 10 > 3");
    assert_eq!(c[2].back, "\"quoted\" 'single' — dash ©");
}

#[test]
fn deck_header_global_tags_and_tags_column() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = import(dir.path(), "anki_deck_header.txt", &[]);
    assert_eq!(added(&out), 2, "{out}");
    assert!(out.contains("semicolon-separated"), "{out}");
    let c = deck_file(dir.path(), "clinic-words.toml").card;
    assert_eq!(c[0].deck, "Clinic words");
    assert_eq!(
        (c[0].front.as_str(), c[0].back.as_str()),
        ("ADL", "Activities of daily living")
    );
    assert_eq!(c[0].tags[..], ["terms", "imported", "clinic"]);
    assert_eq!(c[1].tags[..], ["terms", "verbs", "imported", "clinic"]);
}

#[test]
fn plain_csv_and_tsv_take_front_back_and_tags() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = import(dir.path(), "plain_title.tsv", &["--deck", "Terms"]);
    assert_eq!(added(&out), 2, "{out}");
    assert!(out.contains("a plain CSV/TSV file, tab-separated"), "{out}");
    let (_, out) = import(dir.path(), "plain.csv", &["--deck", "Terms"]);
    assert_eq!(added(&out), 2, "{out}");
    let c = deck_file(dir.path(), "terms.toml").card;
    let fronts: Vec<&str> = c.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(fronts, ["Contraindication", "Modality", "COTA", "OTR"]);
    assert_eq!(c[0].tags[..], ["terms"]);
    assert!(c[1].tags.is_empty());
    assert_eq!(c[2].tags[..], ["ot", "abbreviations"]);
    assert_eq!(c[3].back, "Registered occupational therapist");
}

#[test]
fn importing_the_same_file_again_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for f in [
        "anki_tab.txt",
        "anki_comma_quoted.csv",
        "anki_html.txt",
        "anki_deck_header.txt",
        "plain_title.tsv",
        "plain.csv",
    ] {
        let (_, first) = import(dir.path(), f, &[]);
        assert!(added(&first) > 0, "{f}: {first}");
        let before = snapshot(dir.path());
        let (code, again) = import(dir.path(), f, &[]);
        assert_eq!(code, 0);
        assert_eq!(added(&again), 0, "{f}: {again}");
        assert!(again.contains("No new cards:"), "{again}");
        assert!(again.contains("already in your cards"), "{again}");
        assert_eq!(
            snapshot(dir.path()),
            before,
            "{f}: files changed on re-import"
        );
    }
    user_library(dir.path());
}

#[test]
fn bad_rows_are_skipped_and_named_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = import(dir.path(), "bad_rows.csv", &[]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(added(&out), 1, "{out}");
    assert!(
        out.contains("Skipped 4 (2 empty front or back, 2 could not be read):"),
        "{out}"
    );
    let line = |n: usize| {
        out.lines()
            .find(|l| l.starts_with(&format!("  line {n}: ")))
            .unwrap_or_else(|| panic!("no line {n} in {out}"))
            .to_string()
    };
    assert!(line(3).contains("only one column"));
    assert!(line(4).contains("front is empty"));
    assert!(line(5).contains("back is empty"));
    assert!(line(6).contains("never closed"));
    assert_eq!(
        deck_file(dir.path(), "bad-rows.toml").card[0].front,
        "good one"
    );
}

#[test]
fn control_characters_never_reach_the_deck_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = import(dir.path(), "control_chars.txt", &["--deck", "x"]);
    assert_eq!(added(&out), 1, "{out}");
    let c = &deck_file(dir.path(), "x.toml").card[0];
    assert_eq!(c.front, "Red [31malert[0m");
    assert_eq!(c.back, "Back  reversed");
}

#[test]
fn existing_deck_text_is_kept_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let imported = dir.path().join("content/imported");
    std::fs::create_dir_all(&imported).unwrap();
    let mine = "# my own notes about this deck\n[[card]]\nid = \"my-rom\"\ndeck = \"Terms\"\nfront = \"ROM\"   # keep this comment\nback = \"Range of motion\"";
    std::fs::write(imported.join("terms.toml"), mine).unwrap();
    let (_, out) = import(dir.path(), "plain.csv", &["--deck", "Terms"]);
    assert_eq!(added(&out), 2, "{out}");
    let text = std::fs::read_to_string(imported.join("terms.toml")).unwrap();
    assert!(text.starts_with(mine), "{text}");
    assert!(text.contains("imported from plain.csv on "), "{text}");
    assert_eq!(deck_file(dir.path(), "terms.toml").card.len(), 3);
    user_library(dir.path());
}

#[test]
fn a_deck_file_that_does_not_parse_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let imported = dir.path().join("content/imported");
    std::fs::create_dir_all(&imported).unwrap();
    let broken = "[[card]]\nid = \"a\"\nfront = = \"x\"\n";
    std::fs::write(imported.join("terms.toml"), broken).unwrap();
    let (code, out) = import(dir.path(), "plain.csv", &["--deck", "Terms"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("terms.toml:3:"), "{out}");
    assert!(out.contains("nothing was imported"), "{out}");
    assert_eq!(
        std::fs::read_to_string(imported.join("terms.toml")).unwrap(),
        broken
    );
    assert_eq!(std::fs::read_dir(&imported).unwrap().count(), 1);
}

#[test]
fn dry_run_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = import(dir.path(), "anki_tab.txt", &["--dry-run"]);
    assert_eq!(code, 0);
    assert!(out.contains("Would add 3 cards:"), "{out}");
    assert!(out.contains("Nothing was saved (--dry-run)."));
    assert!(!dir.path().join("content").exists());
}

#[test]
fn unreadable_files_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.csv");
    std::fs::write(&latin1, b"caf\xe9,coffee\n").unwrap();
    let (code, out, _) = run(dir.path(), &["import", latin1.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("line 1 is not UTF-8"), "{out}");
    assert!(out.contains("CSV UTF-8"), "{out}");
    let (code, out, _) = run(dir.path(), &["import", "/no/such/file.txt"]);
    assert_eq!(code, 1);
    assert!(out.contains("Could not import /no/such/file.txt"), "{out}");
}

#[test]
fn export_writes_anki_headers_and_every_card() {
    let dir = tempfile::tempdir().unwrap();
    import(
        dir.path(),
        "anki_comma_quoted.csv",
        &["--deck", "Transfers"],
    );
    let (code, tsv, _) = run(dir.path(), &["export", "deck", "--format", "anki-tsv"]);
    assert_eq!(code, 0);
    let builtin = Library::builtin();
    let rows = anki::read(tsv.as_bytes()).unwrap();
    assert!(rows.bad.is_empty(), "{:?}", rows.bad);
    assert_eq!(
        rows.notes.len(),
        builtin.questions.len() + builtin.facts.len() + 3
    );
    assert!(tsv.starts_with("#separator:tab\n#html:false\n"), "{tsv}");
    assert!(tsv.contains("\n#tags column:3\n#guid column:4\n#deck column:5\n"));
    // One deck: named once in the header.
    let out_file = dir.path().join("transfers.txt");
    let (code, _, err) = run(
        dir.path(),
        &[
            "export",
            "deck",
            "--deck",
            "transfers",
            "-o",
            out_file.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0);
    assert!(err.contains("Wrote 3 cards in 1 deck to"), "{err}");
    let text = std::fs::read_to_string(&out_file).unwrap();
    assert!(text.contains("#deck:Transfers\n"), "{text}");
    assert!(
        text.contains("\"Transfer, bed to chair\"") || text.contains("Transfer, bed to chair\t")
    );
    assert!(text.contains("\"Lock the wheels.\nExplain each step.\nUse a gait belt.\""));
    assert!(text.contains("\"What does \"\"NWB\"\" mean?\""));
}

#[test]
fn export_of_an_unknown_deck_lists_the_decks() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(dir.path(), &["export", "deck", "--deck", "nope"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("No deck is called \"nope\""), "{err}");
    assert!(err.contains("clinicprep::Interview questions ("), "{err}");
}

#[test]
fn export_then_import_adds_nothing_and_moves_cards_whole() {
    let dir = tempfile::tempdir().unwrap();
    for f in [
        "anki_tab.txt",
        "anki_comma_quoted.csv",
        "anki_html.txt",
        "plain.csv",
    ] {
        import(dir.path(), f, &[]);
    }
    let users = user_library(dir.path()).cards.len();
    let export = dir.path().join("all.txt");
    let (code, _, _) = run(
        dir.path(),
        &["export", "deck", "-o", export.to_str().unwrap()],
    );
    assert_eq!(code, 0);

    // Back into the same data dir: everything is already there.
    let (code, out, _) = run(dir.path(), &["import", export.to_str().unwrap()]);
    assert_eq!((code, added(&out)), (0, 0), "{out}");

    // Into a fresh data dir: the built-in cards are there already, the user's cards arrive with
    // their ids, decks and text, so exporting again gives the very same file.
    let fresh = tempfile::tempdir().unwrap();
    let (_, out, _) = run(fresh.path(), &["import", export.to_str().unwrap()]);
    assert_eq!(added(&out), users, "{out}");
    let again = fresh.path().join("again.txt");
    run(
        fresh.path(),
        &["export", "deck", "-o", again.to_str().unwrap()],
    );
    assert_eq!(
        std::fs::read_to_string(&again).unwrap(),
        std::fs::read_to_string(&export).unwrap()
    );
}

/// Every file under the data dir with its bytes, to compare before and after.
/// Every file under `dir` with its bytes, except the parse cache: it is derived, and may be rewritten
/// when an entry settles (see `clinicprep::storage::cache`).
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() && p.file_name().is_some_and(|n| n == "cache") {
                continue;
            } else if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n == "clinicprep.lock") {
                // Holds the pid of the last writer: every import takes the lock.
                continue;
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

proptest! {
    #[test]
    fn reading_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(f) = anki::read(&bytes) {
            for n in &f.notes {
                prop_assert!(n.line >= 1);
                prop_assert!(n.front.chars().chain(n.back.chars()).all(|c| c == '\n' || !c.is_control()));
            }
        }
    }

    #[test]
    fn reading_anki_like_text_never_panics(
        text in "(#(separator|html|tags column|deck|columns|guid column):[a-z0-9 \t,;|]{0,6}\n){0,4}([a-z\"#,;|\t<>&;\n\r ]{0,20}){0,12}"
    ) {
        let _ = anki::read(text.as_bytes());
    }

    #[test]
    fn what_export_writes_import_reads_back_the_same(
        cards in proptest::collection::vec(
            ("[a-zA-Z0-9 ,;:'\"#<>&é\n]{1,30}", "[a-zA-Z0-9 ,;:'\"#<>&é\n]{1,30}", proptest::collection::btree_set("[a-z]{1,8}", 0..3)),
            1..8,
        )
    ) {
        let notes: Vec<anki::ExportNote> = cards
            .iter()
            .enumerate()
            .filter(|(_, (f, b, _))| !f.trim().is_empty() && !b.trim().is_empty())
            .map(|(i, (f, b, t))| anki::ExportNote {
                guid: format!("g-{i}"),
                deck: "D".into(),
                front: f.trim().into(),
                back: b.trim().into(),
                tags: t.iter().cloned().collect(),
            })
            .collect();
        let back = anki::read(anki::to_tsv(&notes).as_bytes()).unwrap();
        prop_assert!(back.bad.is_empty(), "{:?}", back.bad);
        prop_assert_eq!(back.notes.len(), notes.len());
        for (n, r) in notes.iter().zip(&back.notes) {
            prop_assert_eq!(&r.front, &n.front);
            prop_assert_eq!(&r.back, &n.back);
            prop_assert_eq!(&r.tags, &n.tags);
            prop_assert_eq!(r.guid.as_deref(), Some(n.guid.as_str()));
            prop_assert_eq!(r.deck.as_deref(), Some("D"));
        }
    }
}

#[test]
fn an_import_backs_up_the_data_first_so_it_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    std::fs::create_dir_all(&stories).unwrap();
    std::fs::write(stories.join("mine.toml"), "title = \"Mine\"\n").unwrap();
    let (code, out) = import(dir.path(), "anki_tab.txt", &[]);
    assert_eq!(code, 0, "{out}");
    let list = clinicprep::storage::backup::list(dir.path()).unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0].reason, "before importing anki_tab.txt");
    assert!(
        list[0].dir.join("files/stories/mine.toml").exists(),
        "{:?}",
        list[0].dir
    );
    // Re-importing adds nothing, so it makes no new backup.
    import(dir.path(), "anki_tab.txt", &[]);
    assert_eq!(
        clinicprep::storage::backup::list(dir.path()).unwrap().len(),
        1
    );
}

#[test]
fn role_sets_the_roles_of_every_imported_card_by_id_or_short_name() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = import(dir.path(), "plain.csv", &["--role", "pt-aide,OTA"]);
    assert_eq!(code, 0, "{out}");
    assert!(added(&out) > 0, "{out}");
    let lib = user_library(dir.path());
    assert!(!lib.cards.is_empty());
    for c in &lib.cards {
        let roles: Vec<&str> = c.roles.iter().map(|r| r.as_str()).collect();
        assert_eq!(roles, ["pt-aide", "ota"], "{}", c.id);
    }
}

#[test]
fn cards_for_every_role_are_written_without_a_roles_line() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = import(dir.path(), "plain.csv", &[]);
    assert_eq!(code, 0, "{out}");
    let decks = dir.path().join("content/imported");
    for entry in std::fs::read_dir(&decks).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(text.contains("[[card]]"), "{text}");
        assert!(
            !text.contains("roles"),
            "a card for every role says nothing of roles:\n{text}"
        );
    }
}

#[test]
fn an_unknown_role_is_refused_in_plain_words_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = import(dir.path(), "plain.csv", &["--role", "pt-aide,physio"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("no role called “physio”"), "{out}");
    assert!(
        out.contains("pt-aide (PT aide)") && out.contains("Nothing was imported"),
        "{out}"
    );
    assert!(
        !dir.path().join("content/imported").exists(),
        "nothing written"
    );
}

/// An import puts the decks it writes into the content cache as it read them back, keeping the
/// other decks' entries: the next start loads them without parsing, and exactly as parsing would.
#[test]
fn imported_decks_are_cached_as_they_read_and_other_entries_are_kept() {
    use clinicprep::domain::content::ContentFile;
    use clinicprep::storage::cache::{ParseCache, hash};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("content")).unwrap();
    std::fs::write(
        d.join("content/mine.toml"),
        "[[card]]\nid = \"mine-1\"\ndeck = \"Mine\"\nfront = \"Own\"\nback = \"Card\"\n",
    )
    .unwrap();
    Library::load_cached(&d.join("content"), d);
    let (code, out) = import(d, "anki_deck_header.txt", &[]);
    assert_eq!(code, 0, "{out}");
    let cache = ParseCache::<ContentFile>::open_lazy(d, "content");
    let mut decks = 0;
    for e in std::fs::read_dir(d.join("content/imported"))
        .unwrap()
        .flatten()
    {
        let path = e.path();
        let key = format!("imported/{}", e.file_name().to_string_lossy());
        let meta = std::fs::metadata(&path).unwrap();
        let want = hash(&std::fs::read(&path).unwrap());
        assert_eq!(cache.vouch(&key, &path, &meta), Some(want), "{key}");
        decks += 1;
    }
    assert!(decks > 0);
    let mine = d.join("content/mine.toml");
    assert!(
        cache
            .vouch("mine.toml", &mine, &std::fs::metadata(&mine).unwrap())
            .is_some(),
        "the other deck's entry is kept"
    );
    // What the cache gives is what parsing gives.
    let cached = Library::load_cached(&d.join("content"), d);
    let parsed = Library::load(Some(&d.join("content")));
    assert_eq!(format!("{:?}", cached.cards), format!("{:?}", parsed.cards));
    assert!(cached.problems.is_empty(), "{:?}", cached.problems);
}

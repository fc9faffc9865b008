//! A corpus of bad user content files: each is reported with its path (and line where there is one),
//! nothing panics, and the good files beside them still load — in the library and in `clinicprep check`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use clinicprep::domain::content::Library;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const GOOD: &str =
    "[[card]]\nid = \"my-good\"\ndeck = \"Mine\"\nfront = \"Front\"\nback = \"Back\"\n";

/// (file name, bytes, the line its problem must be reported on, if it has one)
fn corpus() -> Vec<(&'static str, Vec<u8>, Option<usize>)> {
    let truncated = &GOOD[..GOOD.find("Front").unwrap() + 3];
    let mut binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    binary[..4].copy_from_slice(b"\x89PNG");
    let mut bad_utf8 = b"[[card]]\nid = \"my-x\"\ndeck = \"D\"\nfront = \"caf".to_vec();
    bad_utf8.extend_from_slice(&[0xC3, 0x28]);
    bad_utf8.extend_from_slice(b"\"\nback = \"b\"\n");
    let utf16: Vec<u8> = std::iter::once([0xFF, 0xFE])
        .chain(GOOD.encode_utf16().map(|u| u.to_le_bytes()))
        .flatten()
        .collect();
    // A few MB of comments with one broken line at the very end.
    let mut huge = "# padding comment line for a big file\n".repeat(100_000);
    huge.push_str("[[card]]\nid = = 3\n");
    let huge_lines = huge.lines().count();
    // Valid UTF-8 and valid TOML, but nested ten thousand arrays deep.
    let deep = format!("x = {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let deep_unclosed = format!("x = {}\n", "[".repeat(10_000));
    let deep_tables = format!("x = {}\n", "{ a = ".repeat(10_000));
    vec![
        ("truncated.toml", truncated.as_bytes().to_vec(), Some(4)),
        ("binary.toml", binary, Some(1)),
        ("nul-bytes.toml", vec![0; 512], Some(1)),
        ("invalid-utf8.toml", bad_utf8, Some(4)),
        ("utf16.toml", utf16, Some(1)),
        (
            "wrong-type.toml",
            b"[[card]]\nid = \"my-w\"\ndeck = 7\nfront = \"f\"\nback = \"b\"\n".to_vec(),
            Some(3),
        ),
        (
            "wrong-shape.toml",
            b"card = \"not a table\"\n".to_vec(),
            Some(1),
        ),
        (
            "unknown-key.toml",
            b"[[card]]\nid = \"my-u\"\ndeck = \"d\"\nfront = \"f\"\nback = \"b\"\nbakc = \"typo\"\n"
                .to_vec(),
            Some(6),
        ),
        ("huge.toml", huge.into_bytes(), Some(huge_lines)),
        ("deep-arrays.toml", deep.into_bytes(), Some(1)),
        ("deep-unclosed.toml", deep_unclosed.into_bytes(), Some(1)),
        ("deep-tables.toml", deep_tables.into_bytes(), Some(1)),
        (
            "bom-broken.toml",
            format!("\u{FEFF}{}\nid = = 1\n", GOOD).into_bytes(),
            Some(7),
        ),
    ]
}

fn write_corpus(content: &Path) {
    fs::create_dir_all(content.join("sub")).unwrap();
    for (name, bytes, _) in corpus() {
        fs::write(content.join(name), bytes).unwrap();
    }
    fs::write(content.join("sub/good.toml"), GOOD).unwrap();
    // A byte-order mark alone is not a problem.
    let bom_good = GOOD.replace("my-good", "my-bom");
    fs::write(content.join("bom-good.toml"), format!("\u{FEFF}{bom_good}")).unwrap();
    // Not content: ignored, not reported.
    fs::write(content.join("notes.txt"), [0xFF, 0x00]).unwrap();
    // A folder named like a file, and a link back to the folder itself, which must not loop.
    fs::create_dir_all(content.join("folder.toml")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(content, content.join("sub/loop")).unwrap();
}

#[test]
fn every_bad_file_is_reported_with_its_path_and_line_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    write_corpus(&content);
    let started = Instant::now();
    let lib = Library::load(Some(&content));
    let took = started.elapsed();

    for (name, _, line) in corpus() {
        let found: Vec<_> = lib
            .problems
            .iter()
            .filter(|p| p.path.ends_with(name))
            .collect();
        assert_eq!(found.len(), 1, "{name}: {:#?}", lib.problems);
        let p = found[0];
        if let Some(line) = line {
            assert_eq!(p.line, Some(line), "{name}: {p}");
        }
        assert!(!p.message.is_empty(), "{name}");
        // Problems are shown on the terminal: no control characters from the file get through.
        assert!(
            !p.to_string().chars().any(|c| c.is_control() && c != '\n'),
            "{name}: {p:?}"
        );
    }
    assert_eq!(
        lib.problems.len(),
        corpus().len(),
        "only the bad files are reported: {:#?}",
        lib.problems
    );
    let ids: Vec<_> = lib.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        ["my-bom", "my-good"],
        "good files load beside bad ones"
    );
    assert!(lib.questions.len() >= 80, "built-in content still loads");
    // Generous for a debug build on a busy 2-core machine; a release build takes a fraction of this.
    assert!(took.as_secs() < 30, "loading the corpus took {took:?}");
}

#[test]
fn invalid_utf8_and_utf16_say_to_save_as_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    write_corpus(&content);
    let lib = Library::load(Some(&content));
    for name in ["invalid-utf8.toml", "utf16.toml", "binary.toml"] {
        let p = lib
            .problems
            .iter()
            .find(|p| p.path.ends_with(name))
            .unwrap();
        assert!(p.message.contains("UTF-8"), "{p}");
    }
}

#[test]
fn check_exits_1_and_names_every_bad_file_without_crashing() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(&dir.path().join("content"));
    // A file name is untrusted text too.
    fs::write(
        dir.path()
            .join("content/evil\u{1b}]0;pwned\u{7}\u{1b}[2J.toml"),
        "id = = \"\u{1b}[31m\"",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_clinicprep"))
        .env_remove("CLINICPREP_DATA_DIR")
        .arg("--data-dir")
        .arg(dir.path())
        .arg("check")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (name, _, line) in corpus() {
        let shown = stdout
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not reported:\n{stdout}"));
        if let Some(line) = line {
            assert!(shown.contains(&format!("{name}:{line}:")), "{shown}");
        }
    }
    assert!(stdout.contains("2 user cards"), "{stdout}");
    assert!(stdout.contains("evil]0;pwned[2J.toml:1:"), "{stdout}");
    assert!(
        !stdout.chars().any(|c| c.is_control() && c != '\n'),
        "a control character reached the terminal"
    );
}

/// The fuzz target's property on stable Rust, so `cargo test` checks it too: real content files with
/// random bytes changed, inserted, deleted or cut off load without a panic, every problem points at a
/// line inside the file, and whatever loads is clean for the terminal.
mod mutated {
    use super::*;
    use proptest::prelude::*;

    const SEEDS: [&[u8]; 3] = [
        include_bytes!("../content/checklist.toml"),
        include_bytes!("../content/asks.toml"),
        GOOD.as_bytes(),
    ];

    #[derive(Debug, Clone)]
    enum Edit {
        Set(usize, u8),
        Insert(usize, Vec<u8>),
        Delete(usize, usize),
        Truncate(usize),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        let nasty = prop::sample::select(vec![
            b'"', b'[', b']', b'{', b'}', b'=', b'\n', b'\\', b'#', 0, 0x1b, 0xC3, 0xFF, 0xEF,
        ]);
        prop_oneof![
            (any::<usize>(), prop_oneof![any::<u8>(), nasty.clone()])
                .prop_map(|(i, b)| Edit::Set(i, b)),
            (any::<usize>(), prop::collection::vec(nasty, 1..8))
                .prop_map(|(i, v)| Edit::Insert(i, v)),
            (any::<usize>(), 1usize..64).prop_map(|(i, n)| Edit::Delete(i, n)),
            any::<usize>().prop_map(Edit::Truncate),
        ]
    }

    fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
        for e in edits {
            let len = bytes.len().max(1);
            match e {
                Edit::Set(i, b) if !bytes.is_empty() => bytes[i % len] = *b,
                Edit::Insert(i, v) => {
                    let at = i % (bytes.len() + 1);
                    bytes.splice(at..at, v.iter().copied());
                }
                Edit::Delete(i, n) if !bytes.is_empty() => {
                    let at = i % len;
                    let end = (at + n).min(bytes.len());
                    bytes.drain(at..end);
                }
                Edit::Truncate(i) => bytes.truncate(i % (bytes.len() + 1)),
                _ => {}
            }
        }
        bytes
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
        #[test]
        fn mutated_content_files_load_without_panic(
            seed in 0..SEEDS.len(),
            edits in prop::collection::vec(edit(), 1..6),
        ) {
            let bytes = apply(SEEDS[seed].to_vec(), &edits);
            let lib = Library::from_user_files(&[("mutated.toml", &bytes)]);
            let lines = bytes.split(|b| *b == b'\n').count();
            for p in &lib.problems {
                prop_assert!(p.line.is_none_or(|l| l >= 1 && l <= lines), "{p:?} of {lines} lines");
            }
            let clean = |s: &str| !s.chars().any(|c| clinicprep::storage::sanitize::is_forbidden(c) || c == '\t');
            for s in &lib.steps {
                prop_assert!(clean(&s.text) && clean(&s.detail), "{s:?}");
            }
            for a in &lib.asks {
                prop_assert!(clean(&a.text) && clean(&a.why), "{a:?}");
            }
            for c in &lib.cards {
                prop_assert!(clean(&c.front) && clean(&c.back) && clean(&c.deck), "{c:?}");
            }
        }
    }

    #[test]
    fn unmutated_seeds_load_cleanly() {
        // The seeds parse on their own (checklist and asks may refer to nothing outside themselves).
        for seed in SEEDS {
            let lib = Library::from_user_files(&[("seed.toml", seed)]);
            assert!(lib.problems.is_empty(), "{:#?}", lib.problems);
        }
    }
}

/// A card whose front or back is only spaces, tabs and line breaks is named with the field that is
/// empty; text with spaces around it is not empty.
#[test]
fn a_card_side_of_only_whitespace_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(&content).unwrap();
    let card = |id: &str, front: &str, back: &str| {
        format!(
            "[[card]]\nid = \"{id}\"\ndeck = \"Mine\"\nfront = \"{front}\"\nback = \"{back}\"\n"
        )
    };
    let deck = [
        card("blank-front", " \\t\\n\u{a0} ", "Back"),
        card("blank-back", "Front", ""),
        card("padded", "  Front  ", "\\n Back \\n"),
    ]
    .concat();
    fs::write(content.join("deck.toml"), deck).unwrap();
    let lib = Library::load(Some(&content));
    let said: Vec<&str> = lib.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(said.contains(&"blank-front: `front` is empty"), "{said:?}");
    assert!(said.contains(&"blank-back: `back` is empty"), "{said:?}");
    assert!(!said.iter().any(|m| m.contains("padded")), "{said:?}");
}

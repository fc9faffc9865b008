//! The program's own strings are US English: every string literal in `src/` outside test code is
//! read for the UK spellings `common::spelling` knows. Ids, file names and keys of files users
//! already have ("favourites.toml", the `behavioural` content key) are not
//! prose and are left out: renaming them would need a migration.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use common::spelling::uk_hits;
use std::fs;
use std::path::{Path, PathBuf};

/// Strings still waiting for their owner's fix, as (file, word). Remove a line when it is fixed.
const WAITING: &[(&str, &str)] = &[];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "tests") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs")
            && !path.to_string_lossy().ends_with("_tests.rs")
        {
            out.push(path);
        }
    }
}

/// The string literals of `code` before its test module, on lines that are not comments.
fn literals(code: &str) -> Vec<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or(code);
    let mut out = Vec::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        // Between quotes, odd-numbered parts; escaped quotes are rare enough to ignore.
        out.extend(line.split('"').skip(1).step_by(2).map(str::to_string));
    }
    out
}

/// An id, a file name or a key: no spaces and a dash, dot or underscore inside.
fn is_name(s: &str) -> bool {
    !s.contains(' ') && s.contains(['-', '.', '_'])
}

#[test]
fn program_strings_are_us_english() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 50);
    let mut bad = Vec::new();
    let mut waiting_seen = Vec::new();
    for file in files {
        let rel = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        for lit in literals(&fs::read_to_string(&file).unwrap()) {
            if is_name(&lit) {
                continue;
            }
            for word in uk_hits(&lit) {
                match WAITING
                    .iter()
                    .find(|w| **w == (rel.as_str(), word.as_str()))
                {
                    Some(w) => waiting_seen.push(*w),
                    None => bad.push(format!("{rel}: {word} in {lit:?}")),
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "UK spellings users read:\n{}",
        bad.join("\n")
    );
    for w in WAITING {
        assert!(
            waiting_seen.contains(w),
            "{w:?} is fixed: remove it from WAITING"
        );
    }
}

#[test]
fn the_reader_finds_literals_outside_comments_and_tests() {
    let code = "// \"colour\"\nlet a = \"the colour\";\n#[cfg(test)]\nlet b = \"honour\";";
    assert_eq!(literals(code), vec!["the colour"]);
    assert!(is_name("favourites.toml") && !is_name("a favourite question"));
}

#[test]
fn a_content_file_may_spell_the_key_behavioral() {
    use clinicprep::domain::content::ContentFile;
    let q = |key: &str| {
        format!(
            "[[question]]\nid = \"q\"\ntext = \"t\"\ncategory = \"teamwork\"\ncompetencies = []\n\
             looking_for = \"l\"\noutline = [\"o\"]\npitfalls = [\"p\"]\n{key} = true\n"
        )
    };
    for key in ["behavioral", "behavioural"] {
        let file: ContentFile = toml::from_str(&q(key)).expect(key);
        assert!(file.question[0].behavioural, "{key}");
    }
}

//! Embeds every TOML file under `content/` into the binary, so the app runs anywhere with no set-up.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, io};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Source files that define the types stored in `src/cache` files, and the code that works out the
/// derived values cached beside them (which ids the library keeps, the stories' part of the plan). Their hash is the cache schema:
/// editing any of them invalidates every cache written before.
const CACHED_TYPES: &[&str] = &[
    "src/domain/content/model.rs",
    "src/domain/content/prep_model.rs",
    "src/domain/stories/story.rs",
    "src/domain/schedule/snapshot.rs",
    "src/domain/schedule/card.rs",
    "src/domain/schedule/ledger.rs",
    "src/storage/cache/container.rs",
    "src/storage/cache/stamp.rs",
    "src/storage/cache/derived.rs",
    "src/domain/content/library.rs",
    "src/domain/study/catalogue.rs",
    "src/domain/study/catalogue_ids.rs",
    // The story numbers `status` keeps (`cli/status_stories.rs`), and how they are worked out.
    "src/domain/plan/mod.rs",
    "src/domain/stories/coverage.rs",
    "src/cli/prep_status.rs",
    "src/cli/status_stories.rs",
];

/// FNV-1a, 64-bit: enough to tell one version of the sources from another.
fn fnv1a(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn cache_schema(root: &Path) -> io::Result<()> {
    let mut h = 0xcbf2_9ce4_8422_2325;
    for rel in CACHED_TYPES {
        println!("cargo:rerun-if-changed={rel}");
        h = fnv1a(&fs::read(root.join(rel))?, h);
    }
    println!("cargo:rustc-env=CLINICPREP_CACHE_SCHEMA={h:016x}");
    Ok(())
}

fn main() -> io::Result<()> {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").map_err(io::Error::other)?);
    cache_schema(&root)?;
    let content = root.join("content");
    println!("cargo:rerun-if-changed=content");
    let mut files = Vec::new();
    if content.is_dir() {
        collect(&content, &mut files)?;
    }
    files.sort();
    let mut code = String::from(
        "/// Built-in content files: (path relative to `content/`, text).\npub static BUILTIN: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f.strip_prefix(&content).map_err(io::Error::other)?;
        let rel = rel.to_string_lossy().replace('\\', "/");
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            f.display().to_string()
        )
        .map_err(io::Error::other)?;
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(env::var("OUT_DIR").map_err(io::Error::other)?).join("builtin_content.rs");
    fs::write(out, code)
}

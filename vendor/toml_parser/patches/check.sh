#!/bin/sh
# Checks that vendor/toml_parser is toml_parser 1.1.5 as published on crates.io plus
# patches/*.patch applied in order. Run from anywhere; needs git and the published crate in cargo's
# registry cache (any build that downloaded it), or its unpacked .crate given as the first argument.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/toml_parser-1.1.5+spec-1.1.0 2>/dev/null | head -n 1)}
if [ ! -f "$src/Cargo.toml" ]; then
    echo "toml_parser 1.1.5 not found; unpack" >&2
    echo "https://static.crates.io/crates/toml_parser/toml_parser-1.1.5.crate and pass its folder" >&2
    exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R "$src" "$tmp/crate"
cd "$tmp/crate"
# Files the published crate has that a vendored copy does not need.
rm -rf .cargo-ok .cargo_vcs_info.json Cargo.lock Cargo.toml.orig
for p in "$here"/patches/*.patch; do
    git apply "$p" || { echo "does not apply in order: $p" >&2; exit 1; }
done
diff -r -x PATCHES.md -x patches . "$here"
echo "ok: vendor/toml_parser is 1.1.5 plus patches/*.patch, in order"

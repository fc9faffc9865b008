#!/bin/sh
# Checks that vendor/ratatui-textarea is ratatui-textarea 0.9.4 as published on crates.io plus
# patches/*.patch applied in order, and that each patch also applies on its own to the published
# crate. Run from anywhere; needs git and the published crate in cargo's registry cache (any build
# that downloaded it), or its unpacked .crate given as the first argument.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/ratatui-textarea-0.9.4 2>/dev/null | head -n 1)}
if [ ! -f "$src/Cargo.toml" ]; then
    echo "ratatui-textarea 0.9.4 not found; unpack" >&2
    echo "https://static.crates.io/crates/ratatui-textarea/ratatui-textarea-0.9.4.crate and pass its folder" >&2
    exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R "$src" "$tmp/crate"
cd "$tmp/crate"
# Files the published crate has that a vendored copy does not need.
rm -rf .cargo-ok .cargo_vcs_info.json Cargo.lock Cargo.toml.orig examples
# A patch that builds on another says so in a "Needs: NAME" line above its diff; it is checked on top
# of that one (and 01, the vendoring) instead of on its own.
for p in "$here"/patches/*.patch; do
    need=$(sed -n 's/^Needs: //p' "$p" | head -n 1)
    if [ -n "$need" ]; then
        rm -rf "$tmp/alone" && cp -R "$tmp/crate" "$tmp/alone"
        (cd "$tmp/alone" && git apply "$here/patches/01-vendoring.patch" && git apply "$here/patches/$need" \
            && git apply --check "$p") || { echo "does not apply on top of $need: $p" >&2; exit 1; }
    else
        git apply --check "$p" || { echo "does not apply on its own: $p" >&2; exit 1; }
    fi
done
for p in "$here"/patches/*.patch; do
    git apply "$p" || { echo "does not apply in order: $p" >&2; exit 1; }
done
diff -r -x PATCHES.md -x patches . "$here"
echo "ok: vendor/ratatui-textarea is 0.9.4 plus patches/*.patch, in order"

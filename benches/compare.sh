#!/usr/bin/env bash
# Times `clinicprep status --json` on a data dir and sets it beside figures given for other tools, so a
# reader can reproduce the comparison table of issue #22 (and the README's Performance section).
#
#   benches/compare.sh [--bin PATH] [--runs N] [--peer NAME=SECONDS[/MIB]]... DATA_DIR
#
# Needs hyperfine and GNU time (`apt-get install hyperfine time`). For each run it prints the machine's
# load, then one row for clinicprep warm (caches as the last run left them), one with no cache (the
# cache folder deleted before each run), and one a peer given with --peer, in seconds and peak MiB,
# with how many times clinicprep's warm time each takes. Peer figures are measured with the peer's
# own tools on the same data (Anki's collection opened and counted, hashcards' `stats`, ...) and
# passed in, since those tools are not installed here.
#
# Example, for the 100k row of the issue's table:
#   cargo run --release --example gen_scale -- --cards 100000 --reviews 1000000 --stories 10000 /tmp/s100k
#   cargo build --release
#   benches/compare.sh --peer anki=0.39/109 --peer hashcards=1.55 /tmp/s100k
set -euo pipefail

bin="$(dirname "$0")/../target/release/clinicprep"
runs=30
peers=()
while [[ $# -gt 1 ]]; do
    case "$1" in
        --bin) bin="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --peer) peers+=("$2"); shift 2 ;;
        *) echo "unknown option $1 (see the top of $0)" >&2; exit 2 ;;
    esac
done
dir="${1:?give the data dir}"
[[ -x "$bin" ]] || { echo "no clinicprep at $bin: run cargo build --release, or pass --bin" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

cmd=("$bin" --data-dir "$dir" status --json)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Mean seconds of the command over $runs runs (hyperfine), with an optional --prepare.
mean() {
    hyperfine -N --style none --warmup 3 --runs "$runs" --export-csv "$tmp/t.csv" "$@" >/dev/null
    tail -n 1 "$tmp/t.csv" | cut -d, -f2
}

# Peak resident memory in MiB of one run.
peak() {
    /usr/bin/time -f %M -o "$tmp/m" "${cmd[@]}" >/dev/null
    echo "$(( $(cat "$tmp/m") / 1024 ))"
}

echo "machine: $(nproc) cores, $(uname -sm), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F)"
echo "data: $dir ($("${cmd[@]}"))"
"${cmd[@]}" >/dev/null
warm="$(mean "${cmd[*]}")"
warm_mib="$(peak)"
cold="$(mean --prepare "rm -rf $dir/cache" "${cmd[*]}")"
rm -rf "$dir/cache"
cold_mib="$(peak)"

row() { printf '%-28s %10s s %8s MiB %10s\n' "$@"; }
times() { awk -v a="$1" -v b="$warm" 'BEGIN { printf "x%.2f", a / b }'; }
row "what" "time" "peak" "vs warm"
row "clinicprep status, warm" "$(printf %.3f "$warm")" "$warm_mib" "x1.00"
row "clinicprep status, no cache" "$(printf %.3f "$cold")" "$cold_mib" "$(times "$cold")"
for p in "${peers[@]}"; do
    name="${p%%=*}"
    figures="${p#*=}"
    secs="${figures%%/*}"
    mib="-"
    [[ "$figures" == */* ]] && mib="${figures#*/}"
    row "$name (given)" "$secs" "$mib" "$(times "$secs")"
done

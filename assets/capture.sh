#!/usr/bin/env bash
# Takes the README screenshots from the real app: runs the release binary in tmux (100×30) over a
# fresh data folder, visits each screen, and saves text (.txt) and PNG (.png, via ansi_to_png.py).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
data=$(mktemp -d)
mkdir -p "$data/stories"
cat > "$data/stories/near-fall.toml" <<'STORY'
title = "Steadying a patient who lost balance"
situation = "During a busy Monday in the rehab gym, an older patient on the parallel bars began to lose her balance."
task = "I was guarding her while the PTA set up the next station, so keeping her safe was my job."
action = """
I kept one hand on the gait belt and stepped in close, told her calmly to hold both bars and sit back onto the chair I slid behind her.
I called the PTA over, stayed with her while she rested, and then wrote down exactly what happened for the incident report.
"""
result = "She was not hurt, finished her session 10 minutes later, and the clinic added a second chair at every station."
tags = ["safety", "patient-care", "teamwork"]
STORY
# The persona's profile, set up already, with the interview ten days out.
cat > "$data/config.toml" <<CONFIG
interview_date = $(date -d '+10 days' +%Y-%m-%d)
certifications = ["CNA", "CPR/BLS"]

[profile]
name = "Maria Lopez"
roles = ["pt-aide"]
employer = "Riverside Orthopedics"
setting = "outpatient"
background = "cna-caregiver"
set_up = true
CONFIG
t="tmux -L shots"
$t kill-server 2>/dev/null || true
$t new -d -s s -x 100 -y 30 "./target/release/clinicprep --data-dir $data --config $data/config.toml"
shot() { sleep 0.6; $t capture-pane -e -p -t s > "assets/$1.ans"; $t capture-pane -p -t s > "assets/$1.txt";
  python3 assets/ansi_to_png.py "assets/$1.ans" "assets/$1.png"; rm "assets/$1.ans"; }
shot home
$t send-keys -t s Tab; shot guides
$t send-keys -t s c; shot compare; $t send-keys -t s Escape
$t send-keys -t s Tab; shot cards
$t send-keys -t s Enter Space; shot review; $t send-keys -t s 3 Escape
$t send-keys -t s Tab; shot stories
$t send-keys -t s Enter; shot editor; $t send-keys -t s Escape
$t send-keys -t s c; shot coverage; $t send-keys -t s Escape
$t send-keys -t s Tab Enter; sleep 2; shot practice
$t send-keys -t s '?'; shot help
$t send-keys -t s Escape q q
sleep 0.5
$t kill-server 2>/dev/null || true
rm -rf "$data"

#!/usr/bin/env bash
# Makes assets/sheet.png, the README's picture of a printed sheet: a sample applicant's data folder
# (a CNA applying for a PT tech job), `clinicprep export sheet`, printed to a Letter PDF by headless
# Chromium, and the page turned into a PNG by pdftoppm. Needs chromium and poppler-utils. Then
# assets/sheet-screen.png, the Sheet screen over the same data in a 100×30 tmux (as capture.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
mkdir -p "$data/stories"

cat > "$data/config.toml" <<'EOF'
interview_date = 2026-12-03
certifications = ["CPR/BLS (American Heart Association)", "Certified Nursing Assistant"]

[profile]
name = "Dana Reyes"
roles = ["pt-aide"]
interview_time = "10:00"
employer = "Riverside Orthopedics"
setting = "outpatient"
background = "cna-caregiver"
set_up = true
EOF

cat > "$data/favourites.toml" <<'EOF'
starred = ["ask-training", "ask-supervision", "ask-team"]
EOF

cat > "$data/sheet.toml" <<'EOF'
intro = """
I'm a restorative aide at Maple Grove, a nursing home, where I help residents walk and do the \
exercises their therapists plan. For six years I have worked next to the PT team there, and I \
learned to notice when someone is tired or in pain and to tell the therapist right away. I want to \
work as a PT aide at Riverside because I love seeing people get stronger week by week, and I want \
to learn from a busy outpatient team.
"""

[clinic]
address = "410 River Road, Suite 2"
contact = "Jordan Lee, clinic manager"
EOF

story() { cat > "$data/stories/$1.toml"; }
story fall <<'EOF'
title = "A fall I prevented"
cue = "Resident stood too fast after lunch: gait belt, sat her down, told the nurse; no fall."
situation = "After lunch a resident who was new to her walker stood up too fast and started to sway."
task = "I was walking her back to her room, so keeping her safe was up to me."
action = """
I kept my hand on her gait belt, slid a chair behind her and talked her down into it. \
I stayed with her until she felt steady, then told the nurse and the PT exactly what happened.
"""
result = "She did not fall, and the PT added a sit-to-stand drill to her plan that week."
tags = ["safety", "patient-care", "communication"]
EOF
story refused <<'EOF'
title = "A resident who refused therapy"
situation = "A resident told me every morning that he was too tired for therapy and sent me away."
task = "He was falling behind on his walking plan, and I wanted to find out why."
action = """
I asked him what made mornings hard and learned he slept badly and hurt most before his pain \
medicine. I told the nurse and the PT, and they moved his session to the afternoon. I made a point \
of chatting with him about his grandson on the way to the gym.
"""
result = "He went to 11 of his next 12 sessions and walked to the dining room by the end of the month."
tags = ["empathy", "problem-solving", "patient-care"]
EOF
story shift <<'EOF'
title = "Two aides short on a Saturday"
situation = "Two aides called in sick on a Saturday and twelve residents were due in the gym."
task = "Get everyone to therapy on time without rushing anyone."
action = """
So we kind of split up the work. I made a list of who needed the most help and took them myself, \
and I asked the activities aide to walk with the residents who only needed company.
"""
result = "All twelve residents had their sessions, and my supervisor now uses the list on short days."
tags = ["teamwork", "admin-organisation", "adaptability"]
EOF
story mistake <<'EOF'
title = "A mistake I owned"
cue = "Logged the wrong resident's walk; caught it, told the nurse, fixed it the same hour."
situation = "At the end of a long shift I wrote a walking distance in the wrong resident's chart."
task = "Make sure the chart was right before anyone used it."
action = "I told the charge nurse as soon as I noticed, and we corrected the entry together."
result = "The record was fixed within the hour, and I now read the name back before I write."
tags = ["professionalism", "communication"]
EOF

./target/release/clinicprep --data-dir "$data" --config "$data/config.toml" export sheet
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --no-pdf-header-footer --user-data-dir="$data/chromium" \
  --print-to-pdf="$data/sheet.pdf" "file://$data/sheet.html" 2>/dev/null
pdfinfo "$data/sheet.pdf" | grep -E '^(Pages|Page size):'
pdftoppm -png -r 80 -singlefile "$data/sheet.pdf" assets/sheet
echo "wrote assets/sheet.png"

t="tmux -L sheetshot"
$t kill-server 2>/dev/null || true
$t new -d -s s -x 100 -y 30 "./target/release/clinicprep --data-dir $data --config $data/config.toml"
sleep 1; $t send-keys -t s s; sleep 0.8
$t capture-pane -e -p -t s > "$data/screen.ans"; $t capture-pane -p -t s > assets/sheet-screen.txt
python3 assets/ansi_to_png.py "$data/screen.ans" assets/sheet-screen.png
$t send-keys -t s q; sleep 0.5; $t kill-server 2>/dev/null || true
echo "wrote assets/sheet-screen.png"

#!/usr/bin/env bash
# The main job on embedded defaults: installs what is missing, builds, creates a teacher's encrypted node store
# in ./tabel-data/node with a small sample school (deploy/demo/*.csv), records a few lessons, marks and absences
# offline, and shows the journal. Run it again to start over (the demo store is recreated).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/deploy/install-deps.sh"
"$root/deploy/build.sh"
node="${BUILD_DIR:-$root/build}/node/cli/tabel-node"
data="$root/tabel-data"
demo="$root/deploy/demo"

rm -rf "$data/node"
mkdir -p "$data"
# A demo passphrase in a file readable only by you; a teacher types theirs at the prompt instead.
umask 077
printf 'demo-passphrase-2026\n' > "$data/passphrase"
run() { "$node" --store "$data/node" --passphrase-file "$data/passphrase" "$@"; }

echo "== The teacher's node: a new encrypted store (Argon2id, moderate) =="
run init --teacher ivanova --name "Иванова Мария Петровна"
run import calendar "$demo/calendar.csv"
run import roster "$demo/roster.csv"
run import timetable "$demo/timetable.csv"

echo "== Lessons, marks and absences, all offline =="
run lesson add --lesson 7А/math/all/2026-09-01/2 --topic "Натуральные числа. Повторение" \
    --homework "№ 12, 15, 17 (стр. 8)" --due 2026-09-03 --form "устный ответ"
run lesson add --lesson 7А/math/all/2026-09-03/1 --topic "Делимость чисел" --homework "№ 31–35" \
    --due 2026-09-08 --form "письменная работа" --distance
run mark set --lesson 7А/math/all/2026-09-01/2 --pupil 7a-01 --value 5
run mark set --lesson 7А/math/all/2026-09-01/2 --pupil 7a-02 --value 4
run attend --lesson 7А/math/all/2026-09-01/2 --pupil 7a-03 --absent Б --cert-no 118 --cert-date 2026-09-04
run mark set --lesson 7А/math/all/2026-09-03/1 --pupil 7a-01 --value 4
run mark set --lesson 7А/math/all/2026-09-03/1 --pupil 7a-03 --value 3
run attend --lesson 7А/math/all/2026-09-03/1 --pupil 7a-04 --absent НП

echo "== A rule of the regulation at work (3.5): no mark for a pupil absent without illness =="
if run mark set --lesson 7А/math/all/2026-09-03/1 --pupil 7a-04 --value 5; then
    echo "unexpected: the mark was accepted" >&2; exit 1
fi

echo "== The journal =="
run journal --class 7А --subject math --from 2026-09-01 --to 2026-09-30
run status

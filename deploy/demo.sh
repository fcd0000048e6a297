#!/usr/bin/env bash
# The main job on embedded defaults: installs what is missing, builds, starts the school's hub with its store in
# ./tabel-data/hub (HTTPS on 127.0.0.1:8443, self-signed certificate), loads the sample school into it
# (deploy/demo/*.csv), enrols a teacher's node (./tabel-data/node, encrypted), records lessons, marks and
# absences offline, syncs them to the hub, and shows the journal on the node and the summary sheet on the hub.
# At the end it leaves the teacher's journal served to the browser at http://127.0.0.1:8480/ (tabel-node serve,
# with the hub still running for «Синхронизировать») until Ctrl-C; TABEL_DEMO_SERVE=0 skips that (scripts, CI).
# Run it again to start over (the demo stores are recreated). TABEL_DEMO_PORT changes the hub's port,
# TABEL_DEMO_WEB_PORT the journal's. TABEL_DEMO_DATA puts the stores elsewhere; TABEL_DEMO_PREBUILT=1 skips the
# install and build steps and runs the binaries already in BUILD_DIR (tests/deploy/test_demo_log.sh).
# Its output may be redirected (demo.sh > demo.log 2>&1): nothing in it reopens stdout or stderr.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ "${TABEL_DEMO_PREBUILT:-0}" != "1" ]; then
    "$root/deploy/install-deps.sh"
    "$root/deploy/build.sh"
fi
build="${BUILD_DIR:-$root/build}"
node="$build/node/cli/tabel-node"
hubbin="$build/hub/cli/tabel-hub"
data="${TABEL_DEMO_DATA:-$root/tabel-data}"
demo="$root/deploy/demo"
port="${TABEL_DEMO_PORT:-8443}"
url="https://127.0.0.1:$port"

rm -rf "$data/node" "$data/hub"
mkdir -p "$data"
# A demo passphrase in a file readable only by you; a teacher types theirs at the prompt instead.
umask 077
printf 'demo-passphrase-2026\n' > "$data/passphrase"
run() { "$node" --store "$data/node" --passphrase-file "$data/passphrase" "$@"; }
hub() { "$hubbin" --store "$data/hub" "$@"; }

echo "== The school's hub: an encrypted store, HTTPS on $url =="
# The binary itself in the background (not the hub() function, whose subshell would be what $! names).
"$hubbin" --store "$data/hub" serve --listen "127.0.0.1:$port" > "$data/hub.log" 2>&1 &
hub_pid=$!
trap 'kill "$hub_pid" 2>/dev/null || true; wait "$hub_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    grep -q "https://" "$data/hub.log" 2>/dev/null && break
    kill -0 "$hub_pid" 2>/dev/null || { cat "$data/hub.log" >&2; exit 1; }
    sleep 0.1
done
cat "$data/hub.log"

echo "== The operator loads the school's calendar, roster and timetable into the hub =="
hub import calendar "$demo/calendar.csv"
hub import roster "$demo/roster.csv"
hub import timetable "$demo/timetable.csv"

echo "== The operator adds the teacher's node; the one-time code pins the hub's certificate =="
# Shown, then the code taken from it. Not `tee /dev/stderr`: that reopens stderr's file, truncating a redirected log.
added="$(hub node add --teacher ivanova --name "Иванова Мария Петровна" --assign 7А/math/all)"
printf '%s\n' "$added"
code="$(printf '%s\n' "$added" | awk '/^  /{print $1}')"

echo "== The teacher's node: a new encrypted store (Argon2id, moderate) =="
run init --teacher ivanova --name "Иванова Мария Петровна"
run enroll "$url" "$code"
echo "== The first sync brings the school's roster and timetable to the node =="
run sync

echo "== Lessons, marks and absences, entered offline =="
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

echo "== Back online: the node syncs its signed changes with the hub =="
run sync

echo "== The journal on the node =="
run journal --class 7А --subject math --from 2026-09-01 --to 2026-09-30
run status

echo "== On the hub: the summary sheet, and the history of a mark =="
hub summary --class 7А
hub history --class 7А --limit 5

if [ "${TABEL_DEMO_SERVE:-1}" = "0" ]; then
    exit 0
fi
web_port="${TABEL_DEMO_WEB_PORT:-8480}"
echo
echo "== The journal in a browser: open http://127.0.0.1:$web_port/ and enter the passphrase demo-passphrase-2026 =="
echo "   (the grid of 7А, Математика; type marks like in a spreadsheet; Ctrl-C stops the journal and the hub)"
"$node" --store "$data/node" serve --listen "127.0.0.1:$web_port"

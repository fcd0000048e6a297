#!/usr/bin/env bash
# deploy/demo.sh with its output redirected to a file, as `deploy/demo.sh > demo.log 2>&1` (issue 9): the log holds
# every step in order, from the first line to the summary sheet, and no NUL byte. `tee /dev/stderr` in the demo
# reopened the log with truncation, which left NUL bytes where the first steps' output had been.
# Usage: test_demo_log.sh SOURCE_DIR BUILD_DIR (the binaries already built there).
set -euo pipefail
source_dir="$1"
build_dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
log="$work/demo.log"
status=0
TABEL_DEMO_PREBUILT=1 BUILD_DIR="$build_dir" TABEL_DEMO_DATA="$work/data" TABEL_DEMO_SERVE=0 TABEL_DEMO_PORT="$port" \
    TABEL_LANG=en bash "$source_dir/deploy/demo.sh" > "$log" 2>&1 || status=$?
fail() {
    echo "FAIL: $1" >&2
    echo "--- demo.log ($(wc -c < "$log") bytes):" >&2
    tr '\0' '@' < "$log" | head -c 4000 >&2
    exit 1
}
[ "$status" -eq 0 ] || fail "demo.sh exited $status"
nuls=$(tr -cd '\0' < "$log" | wc -c)
[ "$nuls" -eq 0 ] || fail "the log holds $nuls NUL bytes"
head -n 1 "$log" | grep -q "^== The school's hub" || fail "the log does not start with the first step"
grep -q "listening on https://127.0.0.1:$port" "$log" || fail "the hub's start is missing"
grep -q "^  [A-Z2-7]\{6\}-" "$log" || fail "the enrolment code is missing"
grep -q "^== On the hub: the summary sheet" "$log" || fail "the last step is missing"
echo "demo.log: $(wc -l < "$log") lines, no NUL byte"

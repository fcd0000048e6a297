#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time on a fresh corpus: the seeds the target writes itself
# (--write-seeds) and the repository's files for it. Used by the ctest label `fuzz` (tests/fuzz/CMakeLists.txt).
# Usage: run_fuzz.sh BINARY SECONDS WORK_DIR [SEED_FILE...]
set -euo pipefail
bin="$1"
seconds="$2"
work="$3"
shift 3
rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"
"$bin" --write-seeds="$work/corpus"
for f in "$@"; do cp "$f" "$work/corpus/"; done
# A crash leaves its input in $work/artifacts and fails the test; -max_len bounds one input (the decoders' limits
# are far larger, but a larger input finds nothing a short one would not).
"$bin" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$work/corpus"

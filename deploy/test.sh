#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test (unit, integration, meta,
# formatting). Used by .ci/run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/deploy/install-deps.sh"
export BUILD_DIR="${BUILD_DIR:-$root/build-ci}"
"$root/deploy/build.sh" -DTABEL_WERROR=ON -DTABEL_BUILD_TESTS=ON -DTABEL_BUILD_BENCH=ON
cd "$BUILD_DIR"
ctest --output-on-failure --timeout 900 --parallel 2

# The libFuzzer targets (tests/fuzz/README.md): a clang build of their own, only the libraries they need, each run
# for 20 s on its seeds; a crash fails the run.
fuzz_build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
CC=clang CXX=clang++ cmake -S "$root" -B "$fuzz_build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTABEL_FUZZ=ON \
    >/dev/null
cmake --build "$fuzz_build" --parallel "$(nproc)" --target fuzz_frame fuzz_messages fuzz_changeset \
    fuzz_enrolment_code fuzz_csv fuzz_node_docs
cd "$fuzz_build"
ctest -L fuzz --output-on-failure --parallel 2

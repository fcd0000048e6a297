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

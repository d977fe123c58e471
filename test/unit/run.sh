#!/usr/bin/env bash
# Builds and runs the C unit tests against the runtime's objects (not main.o).
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${BUILD:-$(dirname "$1")}"
cd "$ROOT"
make --no-print-directory -s BUILD="$BUILD" "$BUILD/unit-tests" >/dev/null || {
  echo "unit: 0 passed, 1 failed (build)"; exit 1; }
"$BUILD/unit-tests"

#!/usr/bin/env bash
# Runs the Node tests listed in test/node/passing.txt from ../shared/node-tests
# against the given runtime. Every listed test must pass.
set -u
RUNTIME="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$DIR/../.." && pwd)"
CORPUS="${NODE_TESTS:-$ROOT/../shared/node-tests}"
if [ ! -x "$CORPUS/run.sh" ]; then
  echo "node: corpus not found at $CORPUS (set NODE_TESTS)"; echo "node: 0 passed, 1 failed"; exit 1
fi
mapfile -t tests < <(grep -v '^#' "$DIR/passing.txt" | awk 'NF')
if [ "${#tests[@]}" -eq 0 ]; then echo "node: 0 passed, 0 failed"; exit 0; fi
out="$(mktemp -d)"
( cd "$out" && JOBS="${JOBS:-2}" LOG_DIR="$out/logs" RESULTS="$out/results.tsv" \
    "$CORPUS/run.sh" "$RUNTIME" "${tests[@]}" ) >"$out/log.txt" 2>&1
grep -E '^FAIL ' "$out/log.txt"
p=$(awk -F'\t' '$2=="pass"' "$out/results.tsv" 2>/dev/null | wc -l)
f=$(awk -F'\t' '$2!="pass"' "$out/results.tsv" 2>/dev/null | wc -l)
if [ ! -s "$out/results.tsv" ]; then tail -5 "$out/log.txt"; f=${#tests[@]}; fi
# a listed test that is skipped counts as failed: it passed before
awk -F'\t' '$2=="skip" {print "SKIPPED (listed as passing) " $1 ": " $5}' "$out/results.tsv" 2>/dev/null
for l in "$out"/logs/*.log; do [ -f "$l" ] && { echo "--- $(basename "$l")"; head -30 "$l"; }; done
rm -rf "$out"
echo "node: $p passed, $f failed"
[ "$f" -eq 0 ]

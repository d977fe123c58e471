#!/usr/bin/env bash
# Runs every suite (C unit tests, the parser conformance files, runtime JS tests, Node's
# listed tests, real npm packages) and ends with one line "N passed, N failed" summed over
# all of them.
set -u
RUNTIME="$1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
total_p=0; total_f=0; rc=0
for suite in "test/unit/run.sh" "tools/parser-tests.sh" "test/js/run.sh" "test/node/run.sh" "test/esm-npm/run.sh" \
             "test/npm/run.sh"; do
  [ -x "$ROOT/$suite" ] || continue
  out="$("$ROOT/$suite" "$RUNTIME" 2>&1)"; r=$?
  printf '%s\n' "$out"
  line="$(printf '%s\n' "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -1)"
  p="$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/')"
  f="$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')"
  [ -n "$line" ] || { p=0; f=1; }
  total_p=$((total_p + p)); total_f=$((total_f + f))
  [ "$r" -eq 0 ] || rc=1
done
echo "$total_p passed, $total_f failed"
exit $rc

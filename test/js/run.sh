#!/usr/bin/env bash
# Runs every test/js/test-*.js and test-*.mjs (and sequential/) with the given runtime, one
# process per file with a timeout; exit 0 is a pass. Prints "N passed, N failed".
set -u
RUNTIME="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TIMEOUT="${TEST_TIMEOUT:-20}"
pass=0; fail=0; failed=()
run_one() {
  local f="$1"
  ( cd "$DIR" && timeout -k 2 "$TIMEOUT" "$RUNTIME" "$f" ) </dev/null >"/tmp/cairn-js-test.$$.out" 2>&1
}
shopt -s nullglob
for f in "$DIR"/test-*.js "$DIR"/test-*.mjs "$DIR"/sequential/test-*.js; do
  if run_one "$f"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); failed+=("${f#$DIR/}")
    echo "FAIL ${f#$DIR/}"; sed 's/^/    /' "/tmp/cairn-js-test.$$.out" | head -20
  fi
done
rm -f "/tmp/cairn-js-test.$$.out"
echo "js: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

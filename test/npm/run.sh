#!/usr/bin/env bash
# Runs real npm packages under the given runtime: installs test/npm/package.json into
# test/npm/node_modules when a dependency is missing (needs the network once), then runs each
# test/npm/test-*.js in its own process with a timeout. A test passes when it exits 0 and
# prints the same stdout as node22 (the oracle, skipped when not installed).
# Prints "npm: N passed, N failed".
set -u
RUNTIME="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TIMEOUT="${TEST_TIMEOUT:-30}"
ORACLE="${NODE_ORACLE:-node22}"
command -v "$ORACLE" >/dev/null 2>&1 || ORACLE=""
tmp="$(mktemp -d /tmp/cairn-npm-test.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT

missing=0
deps_re='/"dependencies"/,/}/s/^ *"\([^"]*\)": *"[^"]*",\{0,1\}$/\1/p'
for dep in $(sed -n "$deps_re" "$DIR/package.json"); do
  [ -f "$DIR/node_modules/$dep/package.json" ] || missing=1
done
if [ "$missing" -eq 1 ]; then
  echo "npm: installing test packages into test/npm/node_modules"
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm: cannot install the test packages: npm is not installed"
    echo "npm: 0 passed, 1 failed"
    exit 1
  fi
  if ! ( cd "$DIR" && npm install --no-audit --no-fund ) >"$tmp/install.log" 2>&1; then
    echo "npm: 'npm install' failed in test/npm (no network?); the npm package tests did not run"
    sed 's/^/    /' "$tmp/install.log" | tail -20
    echo "npm: 0 passed, 1 failed"
    exit 1
  fi
fi

pass=0; fail=0
shopt -s nullglob
for f in "$DIR"/test-*.js; do
  name="${f#$DIR/}"
  ok=1; why=""
  ( cd "$DIR" && timeout -k 2 "$TIMEOUT" "$RUNTIME" "$f" ) </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    ok=0; why="exit $rc"; [ "$rc" -eq 124 ] && why="timed out after ${TIMEOUT}s"
  elif [ -n "$ORACLE" ]; then
    ( cd "$DIR" && timeout -k 2 "$TIMEOUT" "$ORACLE" "$f" ) </dev/null >"$tmp/expected" 2>/dev/null
    if ! cmp -s "$tmp/out" "$tmp/expected"; then
      ok=0; why="stdout differs from $ORACLE"
    fi
  fi
  if [ "$ok" -eq 1 ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name ($why)"
    if [ "$why" = "stdout differs from $ORACLE" ]; then
      diff "$tmp/expected" "$tmp/out" | head -20 | sed 's/^/    /'
    else
      cat "$tmp/out" "$tmp/err" | head -20 | sed 's/^/    /'
    fi
  fi
done
echo "npm: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

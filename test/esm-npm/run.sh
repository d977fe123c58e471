#!/usr/bin/env bash
# Runs ESM-only npm packages (chalk 5, nanoid 5, execa 9) under a runtime and compares
# each test's stdout and exit status with node22's, both taken at test time.
#
# Usage: test/esm-npm/run.sh RUNTIME
# The packages are installed with npm into test/esm-npm/node_modules (not committed)
# when missing. Ends with "esm-npm: N passed, N failed".
set -u
RUNTIME="$1"
case "$RUNTIME" in /*) ;; *) RUNTIME="$PWD/$RUNTIME" ;; esac
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE="${NODE22:-node22}"
cd "$DIR" || exit 2
if [ ! -d node_modules/chalk ] || [ ! -d node_modules/nanoid ] || [ ! -d node_modules/execa ]; then
  if ! npm install --no-audit --no-fund --ignore-scripts --no-package-lock >npm-install.log 2>&1; then
    cat npm-install.log
    echo "esm-npm: 0 passed, 1 failed (npm install)"
    exit 1
  fi
  rm -f npm-install.log
fi
pass=0; fail=0
for t in test-*.mjs test-*.cjs; do
  [ -f "$t" ] || continue
  want="$(FORCE_COLOR=1 timeout 30 "$NODE" "$t" 2>/dev/null)"; want_rc=$?
  got="$(FORCE_COLOR=1 timeout 30 "$RUNTIME" "$t" 2>/tmp/esm-npm-stderr.$$)"; got_rc=$?
  if [ "$want" == "$got" ] && [ "$want_rc" -eq "$got_rc" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $t (exit $got_rc, node22 $want_rc)"
    diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | head -20
    head -20 /tmp/esm-npm-stderr.$$
  fi
done
rm -f /tmp/esm-npm-stderr.$$
echo "esm-npm: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

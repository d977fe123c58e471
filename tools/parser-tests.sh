#!/usr/bin/env bash
# Runs src/parser over the npm package test262-parser-tests (a dev dependency in
# package.json, installed into ./node_modules when missing): every file in pass/ and
# pass-explicit/ must parse, every file in fail/ and early/ must be rejected. Files
# named *.module.js use the module goal, the others the script goal.
#   test/parser/early-expected-fail.txt  early/ files the parser still accepts (known gaps)
#   test/parser/obsolete.txt             fail/ and early/ files that ES2025 made valid:
#                                        these must parse
# A listed file that behaves as the spec wants counts as a failure, so the lists stay
# exact. Usage: parser-tests.sh BUILD_DIR/cairn (the build dir is where parse-check goes).
# Ends with "parser: N passed, N failed".
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD:-$(dirname "${1:-build/cairn}")}"
cd "$ROOT"
PKG="$ROOT/node_modules/test262-parser-tests"
if [ ! -d "$PKG/pass" ]; then
  if ! npm install --no-audit --no-fund >/dev/null 2>&1 || [ ! -d "$PKG/pass" ]; then
    echo "parser: skipped (npm install of test262-parser-tests failed)"
    echo "parser: 0 passed, 0 failed"
    exit 0
  fi
fi
make --no-print-directory -s BUILD="$BUILD" "$BUILD/tools/parse-check" >/dev/null || {
  echo "parser: 0 passed, 1 failed (build)"; exit 1; }
PC="$BUILD/tools/parse-check"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

# names of the files of dir $1 that parse-check rejects, one a line
rejected() {
  local d="$1"
  (cd "$PKG" && {
    ls "$d" | grep '\.module\.js$' | sed "s|^|$d/|" | xargs -r "$ROOT/$PC" --quiet --module
    ls "$d" | grep '\.js$' | grep -v '\.module\.js$' | sed "s|^|$d/|" |
      xargs -r "$ROOT/$PC" --quiet --script
  }) | sed -n -E 's|^FAIL [^/]+/([^:]+):.*|\1|p' | sort
}
lst() { grep -v '^#' "$ROOT/test/parser/$1" 2>/dev/null | awk '{print $1}' | grep . | sort; }

passed=0; failed=0
for d in pass pass-explicit fail early; do
  ls "$PKG/$d" | grep '\.js$' | sort > "$tmp/all"
  rejected "$d" > "$tmp/rejected"
  comm -23 "$tmp/all" "$tmp/rejected" > "$tmp/accepted"
  if [ "$d" = pass ] || [ "$d" = pass-explicit ]; then
    cp "$tmp/rejected" "$tmp/bad"
    for f in $(cat "$tmp/bad"); do
      echo "FAIL $d/$f: $(cd "$PKG" && "$ROOT/$PC" $(case $f in *.module.js) echo --module;; *) echo --script;; esac) "$d/$f" | head -1)"
    done
  else
    lst obsolete.txt | sed -n "s|^$d/||p" > "$tmp/obsolete"
    [ "$d" = early ] && lst early-expected-fail.txt | sed -n "s|^early/||p" > "$tmp/xfail" || : > "$tmp/xfail"
    sort -u "$tmp/obsolete" "$tmp/xfail" > "$tmp/may_accept"
    # accepted but not allowed to be; listed but rejected
    comm -23 "$tmp/accepted" "$tmp/may_accept" | sed "s|^|FAIL (accepted) $d/|"
    comm -12 "$tmp/rejected" "$tmp/may_accept" | sed "s|^|FAIL (rejected, but listed: update the list) $d/|"
    { comm -23 "$tmp/accepted" "$tmp/may_accept"; comm -12 "$tmp/rejected" "$tmp/may_accept"; } > "$tmp/bad"
    n_x=$(comm -12 "$tmp/accepted" "$tmp/xfail" | wc -l)
    n_o=$(comm -12 "$tmp/accepted" "$tmp/obsolete" | wc -l)
  fi
  total=$(wc -l < "$tmp/all"); bad=$(wc -l < "$tmp/bad")
  note=""
  if [ "$d" = fail ] || [ "$d" = early ]; then
    note=" ($(wc -l < "$tmp/rejected") rejected; accepted: $n_o valid in ES2025"
    [ "$d" = early ] && note="$note, $n_x known gaps"
    note="$note)"
  fi
  echo "parser $d: $((total - bad))/$total as expected$note"
  passed=$((passed + total - bad)); failed=$((failed + bad))
done
echo "parser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

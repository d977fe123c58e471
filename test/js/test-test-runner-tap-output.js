'use strict';
// node:test with stdout not a terminal: node 22's TAP output, the summary
// counts and exit code 1 when a test fails (durations, locations and stack
// frames left out of the comparison).
const assert = require('node:assert');
const path = require('node:path');
const { runChild } = require('./common');

const r = runChild([path.join(__dirname, 'fixtures', 'test-runner', 'basic.js')]);
assert.strictEqual(r.status, 1);
const lines = [];
let skipping = false;
for (const line of r.stdout.split('\n')) {
  if (/^\s*stack: \|-$/.test(line)) { skipping = true; continue; }
  if (skipping && /^\s+\.\.\.$/.test(line)) skipping = false;
  if (skipping) continue;
  if (/^\s*(duration_ms|location):|^# duration_ms /.test(line)) continue;
  // The suite's after hook prints the hook order; where it lands among the
  // reporter's lines is up to the output stream.
  if (line.startsWith('root before,')) {
    assert.strictEqual(line, 'root before,a before' + ',root beforeEach'.repeat(5));
    continue;
  }
  lines.push(line);
}
const expected = `TAP version 13
# Subtest: suite a
    # Subtest: works
    ok 1 - works
      ---
      type: 'test'
      ...
    # Subtest: async works
    ok 2 - async works
      ---
      type: 'test'
      ...
    # Subtest: fails
    not ok 3 - fails
      ---
      type: 'test'
      failureType: 'testCodeFailure'
      error: |-
        Expected values to be strictly equal:
        
        1 !== 2
        
      code: 'ERR_ASSERTION'
      name: 'AssertionError'
      expected: 2
      actual: 1
      operator: 'strictEqual'
      ...
    # Subtest: skipped
    ok 4 - skipped # SKIP
      ---
      type: 'test'
      ...
    # Subtest: skip with reason
    ok 5 - skip with reason # SKIP not here
      ---
      type: 'test'
      ...
    # Subtest: todo
    ok 6 - todo # TODO
      ---
      type: 'test'
      ...
    # Subtest: mocks
    ok 7 - mocks
      ---
      type: 'test'
      ...
    1..7
not ok 1 - suite a
  ---
  type: 'suite'
  failureType: 'subtestsFailed'
  error: '1 subtest failed'
  code: 'ERR_TEST_FAILURE'
  ...
# Subtest: top
    # Subtest: sub \\# one
    ok 1 - sub \\# one
      ---
      type: 'test'
      ...
    1..1
ok 2 - top
  ---
  type: 'test'
  ...
# a note
# Subtest: callback style
ok 3 - callback style
  ---
  type: 'test'
  ...
# Subtest: throws a string
not ok 4 - throws a string
  ---
  type: 'test'
  failureType: 'testCodeFailure'
  error: 'oops'
  code: 'ERR_TEST_FAILURE'
  ...
1..4
# tests 11
# suites 1
# pass 6
# fail 2
# cancelled 0
# skipped 2
# todo 1
`;
assert.strictEqual(lines.join('\n'), expected);

'use strict';
// console.assert() and console.trace() write to stderr and never throw.
const assert = require('node:assert');
const { Console } = require('node:console');

let out = '';
let err = '';
const c = new Console({
  stdout: { write(s) { out += s; } },
  stderr: { write(s) { err += s; } },
  ignoreErrors: false,
});

c.assert(true, 'not printed');
c.assert(false);
c.assert(0, '%s went %d', 'it', 3);
assert.strictEqual(err, 'Assertion failed\nAssertion failed: it went 3\n');

err = '';
c.trace('at %s', 'here');
const lines = err.split('\n');
assert.strictEqual(lines[0], 'Trace: at here');
assert.ok(lines.length > 2);
assert.strictEqual(out, '');

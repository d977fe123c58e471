'use strict';
// count()/countReset() and time()/timeLog()/timeEnd() print 'label: value'
// lines and warn (process 'warning') about unknown or duplicate labels.
const assert = require('node:assert');
const { Console } = require('node:console');

const lines = [];
const stream = { write(s) { lines.push(s); } };
const c = new Console({ stdout: stream, ignoreErrors: false, colorMode: false });

const warnings = [];
process.on('warning', (w) => warnings.push(w.message));

c.count();
c.count('default');
c.count(null);
c.countReset();
c.count();
assert.deepStrictEqual(lines.splice(0), ['default: 1\n', 'default: 2\n', 'null: 1\n', 'default: 1\n']);

c.time('t');
c.time('t');
c.timeLog('t', 'extra', [1]);
c.timeEnd('t');
c.timeEnd('t');
c.countReset('nope');
assert.strictEqual(lines.length, 2);
assert.match(lines[0], /^t: \d+(\.\d{1,3})?ms extra \[ 1 \]\n$/);
assert.match(lines[1], /^t: \d+(\.\d{1,3})?ms\n$/);
assert.throws(() => c.count(Symbol('s')), TypeError);

setImmediate(() => {
  assert.deepStrictEqual(warnings, [
    "Label 't' already exists for console.time()",
    "No such label 't' for console.timeEnd()",
    "Count for 'nope' does not exist",
  ]);
});

'use strict';
// Error.stackTraceLimit defaults to 10 as in V8, and an error made with `new Error()` keeps
// exactly that many frames, whatever the limit is set to (express's error pages and logged
// errors show them).
require('./common');
const assert = require('node:assert');

assert.strictEqual(Error.stackTraceLimit, 10);

function deep(n, make) {
  return n === 0 ? make() : deep(n - 1, make);
}
const frames = (err) => err.stack.split('\n').filter((l) => l.startsWith('    at ')).length;

assert.strictEqual(frames(deep(30, () => new Error('x'))), 10);
assert.strictEqual(frames(deep(30, () => new TypeError('x'))), 10);
assert.strictEqual(frames(deep(30, () => Error('x'))), 10);

Error.stackTraceLimit = 3;
const e = deep(30, () => new RangeError('three'));
assert.strictEqual(frames(e), 3);
assert.match(e.stack.split('\n')[1], /^ {4}at .*test-errors-stack-trace-limit\.js:\d+:\d+$/);
assert.match(e.stack.split('\n')[2], /^ {4}at deep /);
assert.match(e.stack.split('\n')[3], /^ {4}at deep /);

Error.stackTraceLimit = 0;
assert.strictEqual(new Error('none').stack, 'Error: none');

Error.stackTraceLimit = 10;

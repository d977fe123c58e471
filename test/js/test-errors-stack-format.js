'use strict';
// Error stacks use V8's layout: a "Name: message" header read when the stack
// is first used, then "    at" frames; Error.captureStackTrace and
// Error.prepareStackTrace work as in node.
const assert = require('node:assert');

function makeError() {
  return new Error('boom');
}
const err = makeError();
const lines = err.stack.split('\n');
assert.strictEqual(lines[0], 'Error: boom');
assert.match(lines[1], /^ {4}at makeError \(.*test-errors-stack-format\.js:\d+:\d+\)$/);

const renamed = new TypeError('x');
renamed.name = 'Custom';
assert.ok(renamed.stack.startsWith('Custom: x\n'));

const obj = {};
Error.captureStackTrace(obj);
assert.match(obj.stack, /^Error\n {4}at /);

const prev = Error.prepareStackTrace;
Error.prepareStackTrace = (e, frames) => frames.map((f) => typeof f.getLineNumber()).join();
try {
  assert.match(new Error('p').stack, /^number(,number)*$/);
} finally {
  Error.prepareStackTrace = prev;
}

class MyError extends Error {}
const mine = new MyError('m');
assert.ok(mine instanceof MyError && mine instanceof Error);
assert.strictEqual(Object.prototype.toString.call(mine), '[object Error]');
assert.strictEqual(Error.prototype.constructor, Error);

'use strict';
// An uncaught error in a worker becomes the Worker's 'error' event (same class,
// message and own properties), then 'exit' with code 1.
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const w = new Worker(`
  const e = new RangeError('out of range');
  e.code = 'E_TEST';
  throw e;
`, { eval: true });
const order = [];
w.on('error', common.mustCall((err) => {
  order.push('error');
  assert.ok(err instanceof RangeError);
  assert.strictEqual(err.message, 'out of range');
  assert.strictEqual(err.code, 'E_TEST');
  assert.match(err.stack, /RangeError: out of range/);
}));
w.on('exit', common.mustCall((code) => {
  order.push('exit');
  assert.strictEqual(code, 1);
  assert.deepStrictEqual(order, ['error', 'exit']);
}));

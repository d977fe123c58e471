'use strict';
// map() with concurrency runs calls in parallel but yields results in input
// order.
const common = require('./common');
const assert = require('node:assert');
const { Readable } = require('node:stream');

let running = 0;
let maxRunning = 0;
Readable.from([30, 10, 20, 5]).map(async (ms) => {
  running++;
  maxRunning = Math.max(maxRunning, running);
  await new Promise((resolve) => setTimeout(resolve, ms));
  running--;
  return ms;
}, { concurrency: 2 }).toArray().then(common.mustCall((result) => {
  assert.deepStrictEqual(result, [30, 10, 20, 5]);
  assert.strictEqual(maxRunning, 2);
}));

assert.throws(() => Readable.from([]).map((x) => x, { concurrency: 0 }),
              { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => Readable.from([]).map('nope'), { code: 'ERR_INVALID_ARG_TYPE' });

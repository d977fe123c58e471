'use strict';
// randomInt([min,] max[, cb]) returns integers in [min, max), all of them,
// and validates its bounds like node.
const common = require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

const seen = new Set();
for (let i = 0; i < 1000; i++) {
  const n = crypto.randomInt(-2, 3);
  assert.ok(Number.isInteger(n) && n >= -2 && n < 3);
  seen.add(n);
}
assert.deepStrictEqual([...seen].sort(), [-1, -2, 0, 1, 2]);
const big = crypto.randomInt(2 ** 48 - 1);
assert.ok(Number.isSafeInteger(big) && big >= 0);

crypto.randomInt(5, 6, common.mustCall((err, n) => {
  assert.strictEqual(err, undefined);
  assert.strictEqual(n, 5);
}));
assert.throws(() => crypto.randomInt(3, 3), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "max" is out of range. It must be greater than the value of "min" (3). ' +
           'Received 3',
});
assert.throws(() => crypto.randomInt(1.5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "max" argument must be a safe integer. Received type number (1.5)',
});
assert.throws(() => crypto.randomInt(0, 2 ** 48 + 1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "max - min" is out of range. It must be <= 281474976710655. ' +
           'Received 281_474_976_710_657',
});
assert.throws(() => crypto.randomInt(1, 2, 'cb'), { code: 'ERR_INVALID_ARG_TYPE' });

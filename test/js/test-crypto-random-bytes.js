'use strict';
// randomBytes(size[, cb]): Buffers of floor(size) bytes, from the thread pool
// with a callback; size checked like node.
const common = require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

assert.strictEqual(crypto.randomBytes(3.9).length, 3);
assert.ok(Buffer.isBuffer(crypto.randomBytes(0)));
assert.notStrictEqual(crypto.randomBytes(16).toString('hex'), crypto.randomBytes(16).toString('hex'));
for (const size of [-1, NaN, 2 ** 31]) {
  assert.throws(() => crypto.randomBytes(size), {
    code: 'ERR_OUT_OF_RANGE',
    message: `The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received ${
      size === 2 ** 31 ? '2147483648' : size}`,
  });
}
assert.throws(() => crypto.randomBytes('1'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.randomBytes(1, 1), { code: 'ERR_INVALID_ARG_TYPE' });

let sync = true;
crypto.randomBytes(1000, common.mustSucceed((buf) => {
  assert.ok(!sync);
  assert.ok(Buffer.isBuffer(buf));
  assert.strictEqual(buf.length, 1000);
  assert.ok(buf.some((x) => x !== 0));
}));
sync = false;

const { pseudoRandomBytes } = crypto;
assert.strictEqual(pseudoRandomBytes(4).length, 4);
assert.strictEqual(Object.getOwnPropertyDescriptor(crypto, 'rng').enumerable, false);

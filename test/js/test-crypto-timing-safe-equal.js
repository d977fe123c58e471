'use strict';
// timingSafeEqual compares the bytes of two equally long buffers of any kind.
require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

assert.strictEqual(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')), true);
assert.strictEqual(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')), false);
assert.strictEqual(crypto.timingSafeEqual(new ArrayBuffer(4), new Uint32Array(1)), true);
assert.strictEqual(crypto.timingSafeEqual(new DataView(new ArrayBuffer(2)), new Uint8Array([0, 1])),
                   false);
assert.strictEqual(crypto.timingSafeEqual(Buffer.alloc(0), new Uint8Array(0)), true);
assert.throws(() => crypto.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)), {
  code: 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH',
  name: 'RangeError',
  message: 'Input buffers must have the same byte length',
});
assert.throws(() => crypto.timingSafeEqual('a', Buffer.alloc(1)), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buf1" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.',
});

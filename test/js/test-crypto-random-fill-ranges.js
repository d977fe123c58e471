'use strict';
// randomFillSync/randomFill fill exactly [offset, offset + size) (counted in
// elements of the view) and reject bad offsets and sizes like node.
const common = require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

function filledRange(buf) {
  const bytes = Buffer.from(buf.buffer || buf, buf.byteOffset || 0, buf.byteLength);
  const first = bytes.findIndex((b) => b !== 0);
  return [first, bytes.length - [...bytes].reverse().findIndex((b) => b !== 0)];
}

// 32 random bytes are all zero with negligible probability.
const u32 = new Uint32Array(24);
crypto.randomFillSync(u32, 8, 8);
assert.ok(u32.slice(0, 8).every((x) => x === 0));
assert.ok(u32.slice(16).every((x) => x === 0));
assert.ok(u32.slice(8, 16).some((x) => x !== 0));
const ab = new ArrayBuffer(96);
assert.strictEqual(crypto.randomFillSync(ab, 32, 32), ab);
const [lo, hi] = filledRange(new Uint8Array(ab));
assert.ok(lo >= 32 && hi <= 64);

assert.throws(() => crypto.randomFillSync(Buffer.alloc(10), 1, 10), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "size + offset" is out of range. It must be <= 10. Received 11',
});
assert.throws(() => crypto.randomFillSync(Buffer.alloc(10), 11), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "offset" is out of range. It must be >= 0 && <= 10. Received 11',
});
assert.throws(() => crypto.randomFillSync(Buffer.alloc(10), 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.randomFillSync('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buf" argument must be an instance of ArrayBuffer or ArrayBufferView. ' +
           "Received type string ('x')",
});
assert.throws(() => crypto.randomFill(Buffer.alloc(1), 0, 1, 'nope'), { code: 'ERR_INVALID_ARG_TYPE' });

const buf = Buffer.alloc(64);
crypto.randomFill(buf, 16, 32, common.mustSucceed((result) => {
  assert.strictEqual(result, buf);
  assert.ok(buf.subarray(0, 16).every((x) => x === 0));
  assert.ok(buf.subarray(48).every((x) => x === 0));
  assert.ok(buf.subarray(16, 48).some((x) => x !== 0));
}));
// Size 0 calls back synchronously.
let called = false;
crypto.randomFill(Buffer.alloc(0), () => { called = true; });
assert.ok(called);

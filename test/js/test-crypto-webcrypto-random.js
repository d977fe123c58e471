'use strict';
// webcrypto getRandomValues/randomUUID: integer TypedArrays only, at most
// 65536 bytes (QuotaExceededError), and `this` must be the Crypto object.
require('./common');
const assert = require('node:assert');
const { webcrypto } = require('node:crypto');

const u16 = new Uint16Array(64);
assert.strictEqual(webcrypto.getRandomValues(u16), u16);
assert.ok(u16.some((x) => x !== 0));
assert.strictEqual(webcrypto.getRandomValues(new BigInt64Array(2)).length, 2);
assert.strictEqual(webcrypto.getRandomValues(new Uint8Array(65536)).length, 65536);
assert.throws(() => webcrypto.getRandomValues(new Uint8Array(65537)), (err) => {
  assert.ok(err instanceof DOMException);
  assert.strictEqual(err.name, 'QuotaExceededError');
  assert.strictEqual(err.code, 22);
  assert.strictEqual(err.message, 'The requested length exceeds 65,536 bytes');
  return true;
});
for (const bad of [new Float64Array(1), new DataView(new ArrayBuffer(1)), [1], 1]) {
  assert.throws(() => webcrypto.getRandomValues(bad), {
    name: 'TypeMismatchError',
    message: 'The data argument must be an integer-type TypedArray',
  });
}
assert.throws(() => webcrypto.getRandomValues.call({}, new Uint8Array(1)), {
  code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of type Crypto',
});
assert.throws(() => webcrypto.getRandomValues(), { code: 'ERR_MISSING_ARGS' });
assert.match(webcrypto.randomUUID(), /^[0-9a-f-]{36}$/);
assert.strictEqual(Object.prototype.toString.call(webcrypto), '[object Crypto]');
assert.strictEqual(require('node:crypto').getRandomValues(new Uint8Array(4)).length, 4);

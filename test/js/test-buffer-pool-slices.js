'use strict';
// Small allocUnsafe/from results are 8-byte aligned slices of a shared
// 8 KiB pool; large ones get their own ArrayBuffer.
require('./common');
const assert = require('node:assert');

assert.strictEqual(Buffer.poolSize, 8192);
const a = Buffer.allocUnsafe(3);
const b = Buffer.allocUnsafe(3);
assert.strictEqual(a.buffer, b.buffer);
assert.strictEqual(b.byteOffset - a.byteOffset, 8);
const c = Buffer.from('hello');
assert.strictEqual(c.buffer.byteLength, 8192);
assert.strictEqual(Buffer.allocUnsafe(4096).buffer.byteLength, 4096);
assert.strictEqual(Buffer.allocUnsafeSlow(3).buffer.byteLength, 3);
assert.strictEqual(Buffer.alloc(3).buffer.byteLength, 3);
assert.strictEqual(Object.getPrototypeOf(Buffer.prototype), Uint8Array.prototype);
assert.ok(Buffer.from([1]) instanceof Uint8Array);
assert.strictEqual(Buffer.from([1, 2, 3]).map((x) => x * 2).constructor, Buffer);

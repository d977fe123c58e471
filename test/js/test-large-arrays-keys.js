'use strict';
// deepStrictEqual / deepEqual and util.inspect on large arrays, typed arrays and Buffers: equal contents compare
// equal, and a named or symbol property on either side is still seen (cairn skips listing
// the indices of views whose shape is that of a fresh view).
require('./common');
const assert = require('node:assert');
const util = require('node:util');

const n = 1 << 20;
for (const Kind of [Uint8Array, Int16Array, Float64Array, BigInt64Array]) {
  const fill = Kind === BigInt64Array ? 7n : 7;
  const a = new Kind(n).fill(fill);
  const b = new Kind(n).fill(fill);
  assert.deepStrictEqual(a, b);
  assert.deepEqual(a, b);
  b[n - 1] = Kind === BigInt64Array ? 8n : 8;
  assert.strictEqual(util.isDeepStrictEqual(a, b), false, Kind.name);
}

const x = Buffer.alloc(n, 1);
const y = Buffer.alloc(n, 1);
assert.deepStrictEqual(x, y);
assert.notDeepStrictEqual(x, new Uint8Array(n).fill(1));  // prototypes differ

// A named property on one side only, or with different values (views longer than the
// 256 elements below which keys are always listed; listing a million would be slow).
const m = 4096;
const p = new Uint8Array(m);
const q = new Uint8Array(m);
q.extra = 1;
assert.strictEqual(util.isDeepStrictEqual(p, q), false);
assert.strictEqual(util.isDeepStrictEqual(q, p), false);
p.extra = 2;
assert.strictEqual(util.isDeepStrictEqual(p, q), false);
p.extra = 1;
assert.strictEqual(util.isDeepStrictEqual(p, q), true);
delete p.extra;
delete q.extra;
assert.strictEqual(util.isDeepStrictEqual(p, q), true);

// A symbol counts in strict mode only.
const s = new Uint8Array(m);
s[Symbol('tag')] = 1;
assert.strictEqual(util.isDeepStrictEqual(s, new Uint8Array(m)), false);
assert.deepEqual(s, new Uint8Array(m));

// Subclass instances and views of a part of a buffer.
class Bytes extends Uint8Array {}
assert.deepStrictEqual(new Bytes(m), new Bytes(m));
const big = new Uint8Array(n + 16);
assert.deepStrictEqual(big.subarray(8, n + 8), new Uint8Array(n));

// util.inspect of large arrays and Buffers shows their extra properties (and only those).
const arr = new Array(1000).fill(1);
assert.ok(!util.inspect(arr).includes('foo'));
arr.foo = 2;
assert.ok(util.inspect(arr).endsWith('  foo: 2\n]'));
assert.ok(util.inspect(new Array(300).fill(0), { showHidden: true }).endsWith('[length]: 300\n]'));
const buf = Buffer.alloc(1000);
assert.ok(util.inspect(buf).endsWith('950 more bytes>'));
buf.x = 1;
buf[Symbol('s')] = 2;
Object.defineProperty(buf, 'h', { value: 3, enumerable: false });
assert.ok(util.inspect(buf).endsWith('950 more bytes, x: 1, [Symbol(s)]: 2>'));
assert.ok(util.inspect(buf, { showHidden: true }).endsWith('x: 1, h: 3, [Symbol(s)]: 2>'));
const sparse = [];
sparse[1e6] = 1;
assert.strictEqual(util.inspect(sparse), '[ <1000000 empty items>, 1 ]');

'use strict';
// slice() takes relative indexes, clamps them and sets the new type; the
// slice reads as bytes, ArrayBuffer and stream.
const common = require('./common');
const assert = require('node:assert');
const { Blob } = require('node:buffer');

(async () => {
  const blob = new Blob(['abc', 'def']);
  assert.strictEqual(await blob.slice(-3, -1).text(), 'de');
  assert.strictEqual(await blob.slice(2, 4).text(), 'cd');
  assert.strictEqual(blob.slice(4, 2).size, 0);
  assert.strictEqual(blob.slice(0, 100).size, 6);
  assert.strictEqual(blob.slice(1, 2, 'X/Y').type, 'x/y');
  const slice = blob.slice(1, 5);
  assert.deepStrictEqual(await slice.bytes(), new Uint8Array([98, 99, 100, 101]));
  assert.strictEqual((await slice.arrayBuffer()).byteLength, 4);
  const got = [];
  for await (const chunk of slice.stream()) got.push(...chunk);
  assert.deepStrictEqual(got, [98, 99, 100, 101]);
})().then(common.mustCall());

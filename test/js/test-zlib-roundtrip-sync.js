'use strict';
// Every format round-trips through the *Sync helpers, for strings, Buffers,
// other views and ArrayBuffers, empty input included.
require('./common');
const assert = require('node:assert');
const zlib = require('node:zlib');

const text = 'Zlib round trip: ünïcödé, ' + 'repeated words '.repeat(500);
const pairs = [
  ['deflateSync', 'inflateSync'],
  ['deflateSync', 'unzipSync'],
  ['gzipSync', 'gunzipSync'],
  ['gzipSync', 'unzipSync'],
  ['deflateRawSync', 'inflateRawSync'],
  ['brotliCompressSync', 'brotliDecompressSync'],
];
for (const [comp, decomp] of pairs) {
  assert.strictEqual(zlib[decomp](zlib[comp](text)).toString(), text, comp);
  const buf = Buffer.from(text);
  const out = zlib[decomp](zlib[comp](buf));
  assert.ok(Buffer.isBuffer(out));
  assert.deepStrictEqual(out, buf);
  const u16 = new Uint16Array([1, 2, 3, 65535]);
  assert.deepStrictEqual(zlib[decomp](zlib[comp](u16)),
                         Buffer.from(u16.buffer, u16.byteOffset, u16.byteLength));
  assert.deepStrictEqual(zlib[decomp](zlib[comp](buf.buffer.slice(buf.byteOffset,
                                                                   buf.byteOffset + 10))),
                         buf.subarray(0, 10));
  assert.strictEqual(zlib[decomp](zlib[comp]('')).length, 0);
}
// Levels and strategies all decode.
for (let level = -1; level <= 9; level++) {
  for (const strategy of [0, 1, 2, 3, 4]) {
    const c = zlib.deflateSync(text, { level, strategy, memLevel: 9, windowBits: 12 });
    assert.strictEqual(zlib.inflateSync(c).toString(), text);
  }
}

'use strict';
// new Blob() joins strings (as UTF-8), buffers, views and other blobs, and
// lower-cases a printable type.
const common = require('./common');
const assert = require('node:assert');
const { Blob } = require('node:buffer');

(async () => {
  const inner = new Blob(['in']);
  const blob = new Blob(['a€', new Uint8Array([98]), new Uint16Array([0x6463]).buffer, inner, 1],
                        { type: 'Text/Plain' });
  assert.strictEqual(blob.size, 10);
  assert.strictEqual(blob.type, 'text/plain');
  assert.strictEqual(await blob.text(), 'a€bcdin1');
  assert.strictEqual(new Blob([], { type: 'a\u00e9' }).type, '');
  assert.strictEqual(new Blob(['a\r\nb\rc'], { endings: 'native' }).size, 5);
  assert.strictEqual(new Blob(new Set(['xy'])).size, 2);
  assert.throws(() => new Blob('abc'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => new Blob([], { endings: 'x' }), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.strictEqual(Blob, globalThis.Blob);
})().then(common.mustCall());

'use strict';
// A byte stream fills the views of a BYOB reader, honours the element size
// of the view, and reports end of stream with an empty view.
const common = require('./common');
const assert = require('node:assert');
const { ReadableStream } = require('node:stream/web');

const stream = new ReadableStream({
  type: 'bytes',
  start(c) {
    c.enqueue(new Uint8Array([1, 2, 3, 4, 5]));
    c.close();
  },
});

(async () => {
  const reader = stream.getReader({ mode: 'byob' });
  let result = await reader.read(new Uint16Array(1));
  assert.strictEqual(result.done, false);
  assert.ok(result.value instanceof Uint16Array);
  assert.deepStrictEqual(new Uint8Array(result.value.buffer), new Uint8Array([1, 2]));
  result = await reader.read(new Uint8Array(10));
  assert.deepStrictEqual(result.value, new Uint8Array([3, 4, 5]));
  result = await reader.read(new Uint8Array(10));
  assert.strictEqual(result.done, true);
  assert.strictEqual(result.value.byteLength, 0);
})().then(common.mustCall());

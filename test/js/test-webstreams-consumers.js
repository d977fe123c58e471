'use strict';
// stream/consumers reads web streams too.
const common = require('./common');
const assert = require('node:assert');
const { text, json, arrayBuffer, blob } = require('node:stream/consumers');

(async () => {
  const enc = new TextEncoder();
  assert.strictEqual(await text(ReadableStream.from([enc.encode('he'), enc.encode('llo')])),
                     'hello');
  assert.deepStrictEqual(await json(ReadableStream.from([enc.encode('{"a":1}')])), { a: 1 });
  const ab = await arrayBuffer(ReadableStream.from([enc.encode('xy')]));
  assert.strictEqual(ab.byteLength, 2);
  const b = await blob(ReadableStream.from([enc.encode('abc')]));
  assert.strictEqual(b.size, 3);
  assert.strictEqual(await b.text(), 'abc');
})().then(common.mustCall());

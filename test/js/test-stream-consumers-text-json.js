'use strict';
// stream/consumers reads a whole stream, decoding UTF-8 across chunk
// boundaries.
const common = require('./common');
const assert = require('node:assert');
const { Readable } = require('node:stream');
const { text, json, buffer } = require('node:stream/consumers');

(async () => {
  const euro = Buffer.from('€');
  const parts = [euro.subarray(0, 1), euro.subarray(1), Buffer.from('!')];
  assert.strictEqual(await text(Readable.from(parts)), '€!');
  assert.deepStrictEqual(await json(Readable.from(['{"a":', '[1,2]}'])), { a: [1, 2] });
  const buf = await buffer(Readable.from([Buffer.from('ab'), Buffer.from('cd')]));
  assert.ok(Buffer.isBuffer(buf));
  assert.strictEqual(buf.toString(), 'abcd');
})().then(common.mustCall());

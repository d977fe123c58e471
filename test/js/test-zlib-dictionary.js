'use strict';
// A preset dictionary round-trips for zlib and raw deflate; inflating without
// it (or with a wrong one) fails with Z_NEED_DICT.
require('./common');
const assert = require('node:assert');
const zlib = require('node:zlib');

const dictionary = Buffer.from('hello world lorem ipsum dolor');
const text = 'hello world, hello lorem ipsum, dolor world';
const c = zlib.deflateSync(text, { dictionary });
assert.strictEqual(zlib.inflateSync(c, { dictionary }).toString(), text);
assert.strictEqual(
  zlib.inflateSync(c, { dictionary: new Uint8Array(dictionary).buffer }).toString(), text);
assert.throws(() => zlib.inflateSync(c),
              { code: 'Z_NEED_DICT', errno: 2, message: 'Missing dictionary' });
assert.throws(() => zlib.inflateSync(c, { dictionary: Buffer.from('other') }),
              { code: 'Z_NEED_DICT', errno: 2, message: 'Bad dictionary' });
const raw = zlib.deflateRawSync(text, { dictionary });
assert.strictEqual(zlib.inflateRawSync(raw, { dictionary }).toString(), text);
assert.ok(raw.length < zlib.deflateRawSync(text).length);
assert.throws(() => zlib.createDeflate({ dictionary: 'str' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.dictionary" property must be an instance of Buffer, TypedArray, ' +
           "DataView, or ArrayBuffer. Received type string ('str')",
});

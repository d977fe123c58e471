'use strict';
// maxOutputLength caps one-shot output: RangeError ERR_BUFFER_TOO_LARGE, sync
// and async; at or above the size it succeeds; it is range-checked.
const common = require('./common');
const assert = require('node:assert');
const zlib = require('node:zlib');

const input = Buffer.alloc(10000, 'a');
const gz = zlib.gzipSync(input);
const tooLarge = {
  name: 'RangeError',
  code: 'ERR_BUFFER_TOO_LARGE',
  message: 'Cannot create a Buffer larger than 100 bytes',
};
assert.throws(() => zlib.gunzipSync(gz, { maxOutputLength: 100 }), tooLarge);
assert.strictEqual(zlib.gunzipSync(gz, { maxOutputLength: 10000 }).length, 10000);
zlib.gunzip(gz, { maxOutputLength: 100 }, common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_BUFFER_TOO_LARGE');
}));
assert.throws(() => zlib.brotliDecompressSync(zlib.brotliCompressSync(input),
                                              { maxOutputLength: 100 }), tooLarge);
assert.throws(() => zlib.gunzipSync(gz, { maxOutputLength: 0 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: /^The value of "options\.maxOutputLength" is out of range\. It must be >= 1 and <= \d+\. Received 0$/,
});

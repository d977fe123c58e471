'use strict';
// Brotli parameters change the output (quality, size hint, mode) and bad ones
// are rejected with node's errors.
require('./common');
const assert = require('node:assert');
const zlib = require('node:zlib');

const { constants } = zlib;
const input = Buffer.from('brotli parameters '.repeat(2000));
const q0 = zlib.brotliCompressSync(input, { params: { [constants.BROTLI_PARAM_QUALITY]: 0 } });
const q11 = zlib.brotliCompressSync(input, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
assert.ok(q11.length < q0.length);
assert.deepStrictEqual(zlib.brotliDecompressSync(q0), input);
const text = zlib.brotliCompressSync(input, {
  params: {
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: input.length,
    [constants.BROTLI_PARAM_LGWIN]: 10,
  },
});
assert.deepStrictEqual(zlib.brotliDecompressSync(text), input);
assert.throws(() => zlib.createBrotliCompress({ params: { 1000: 1 } }), {
  name: 'RangeError', code: 'ERR_BROTLI_INVALID_PARAM',
  message: '1000 is not a valid Brotli parameter',
});
assert.throws(() => zlib.createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 'x' } }),
              { code: 'ERR_INVALID_ARG_TYPE' });
// The decoder knows fewer parameters than the encoder.
assert.throws(() => zlib.createBrotliDecompress({ params: { [constants.BROTLI_PARAM_LGWIN]: 1 } }),
              { code: 'ERR_ZLIB_INITIALIZATION_FAILED', message: 'Initialization failed' });
assert.throws(() => zlib.createBrotliCompress({ params: { 9: 1 } }),
              { code: 'ERR_BROTLI_INVALID_PARAM', message: '9 is not a valid Brotli parameter' });
assert.throws(() => zlib.createBrotliCompress({ flush: 4 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.flush" is out of range. It must be >= 0 and <= 3. Received 4',
});

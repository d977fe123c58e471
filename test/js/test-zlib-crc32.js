'use strict';
// zlib.crc32 matches the known CRC-32 values, hashes strings as UTF-8,
// continues from a previous value, and validates its arguments.
require('./common');
const assert = require('node:assert');
const zlib = require('node:zlib');

assert.strictEqual(zlib.crc32(''), 0);
assert.strictEqual(zlib.crc32('123456789'), 0xcbf43926);
assert.strictEqual(zlib.crc32('héllo'), zlib.crc32(Buffer.from('héllo', 'utf8')));
assert.strictEqual(zlib.crc32('héllo'), 2654700086);
const whole = zlib.crc32('hello world');
assert.strictEqual(zlib.crc32(' world', zlib.crc32('hello')), whole);
assert.strictEqual(zlib.crc32(new Uint16Array([1, 2])), 2882460411);
assert.throws(() => zlib.crc32(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "data" argument must be of type string or an instance of Buffer, ' +
           'TypedArray, or DataView. Received type number (1)',
});
assert.throws(() => zlib.crc32('a', -1), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => zlib.crc32('a', 1.5), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => zlib.crc32('a', 'x'), { code: 'ERR_INVALID_ARG_TYPE' });

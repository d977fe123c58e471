'use strict';
// Option validation uses node's codes and messages; NaN and undefined mean
// the default; inflate's windowBits 0 reads the window from the header.
require('./common');
const assert = require('node:assert');
const zlib = require('node:zlib');

const range = (name, range, got) => ({
  name: 'RangeError',
  code: 'ERR_OUT_OF_RANGE',
  message: `The value of "${name}" is out of range. It must be ${range}. Received ${got}`,
});
assert.throws(() => zlib.createDeflate({ level: 10 }), range('options.level', '>= -1 and <= 9', 10));
assert.throws(() => zlib.createDeflate({ memLevel: 10 }), range('options.memLevel', '>= 1 and <= 9', 10));
assert.throws(() => zlib.createDeflate({ strategy: 5 }), range('options.strategy', '>= 0 and <= 4', 5));
assert.throws(() => zlib.createGzip({ windowBits: 8 }), range('options.windowBits', '>= 9 and <= 15', 8));
assert.throws(() => zlib.createDeflate({ windowBits: 16 }), range('options.windowBits', '>= 8 and <= 15', 16));
assert.throws(() => zlib.createDeflate({ chunkSize: 63 }), range('options.chunkSize', '>= 64', 63));
assert.throws(() => zlib.createDeflate({ level: Infinity }),
              range('options.level', 'a finite number', 'Infinity'));
assert.throws(() => zlib.createDeflate({ level: '1' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.level" property must be of type number. Received type string (\'1\')',
});
assert.strictEqual(zlib.createDeflate({ level: NaN })._level, -1);
assert.strictEqual(zlib.createDeflate({ strategy: undefined })._strategy, 0);
assert.strictEqual(zlib.deflateRawSync('abc', { windowBits: 8 }).toString('hex'), '4b4c4a0600');
const small = zlib.deflateSync('window'.repeat(100), { windowBits: 9 });
assert.strictEqual(zlib.inflateSync(small, { windowBits: 0 }).toString(), 'window'.repeat(100));
assert.throws(() => zlib.deflateSync(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buffer" argument must be of type string or an instance of Buffer, ' +
           'TypedArray, DataView, or ArrayBuffer. Received type number (5)',
});
const d = zlib.createDeflate();
assert.throws(() => d.params(10, 0), range('level', '>= -1 and <= 9', 10));
// The legacy constants live on the module too, read-only and hidden.
assert.strictEqual(zlib.Z_SYNC_FLUSH, 2);
assert.ok(!Object.keys(zlib).includes('Z_SYNC_FLUSH'));
assert.ok(Object.isFrozen(zlib.codes));
assert.strictEqual(zlib.codes[-3], 'Z_DATA_ERROR');

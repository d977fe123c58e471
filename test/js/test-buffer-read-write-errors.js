'use strict';
// Numeric reads and writes report Node's exact range errors.
require('./common');
const assert = require('node:assert');

const buf = Buffer.alloc(8);
assert.throws(() => buf.readUInt32LE(5), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "offset" is out of range. It must be >= 0 and <= 4. Received 5',
});
assert.throws(() => buf.readInt8(1.5), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "offset" is out of range. It must be an integer. Received 1.5',
});
assert.throws(() => Buffer.alloc(2).readUInt32LE(0), {
  code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  message: 'Attempt to access memory outside buffer bounds',
});
assert.throws(() => buf.writeUInt16BE(0x10000), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "value" is out of range. It must be >= 0 and <= 65535. Received 65536',
});
assert.throws(() => buf.writeIntLE(2 ** 47, 0, 6), {
  message: 'The value of "value" is out of range. It must be >= -(2 ** 47) and < 2 ** 47. ' +
    'Received 140_737_488_355_328',
});
assert.throws(() => buf.writeBigInt64LE(2n ** 63n), {
  message: 'The value of "value" is out of range. It must be >= -(2n ** 63n) and < 2n ** 63n. ' +
    'Received 9_223_372_036_854_775_808n',
});
assert.throws(() => buf.readIntBE(0, 7), {
  message: 'The value of "byteLength" is out of range. It must be >= 1 and <= 6. Received 7',
});

assert.strictEqual(buf.writeIntLE(-123456789012, 0, 6), 6);
assert.strictEqual(buf.readIntLE(0, 6), -123456789012);
assert.strictEqual(buf.writeDoubleBE(-1.5, 0), 8);
assert.strictEqual(buf.readDoubleBE(0), -1.5);
buf.writeBigUInt64BE(0x0102030405060708n);
assert.strictEqual(buf.toString('hex'), '0102030405060708');
assert.strictEqual(buf.readBigInt64LE(), 0x0807060504030201n);

'use strict';
// The numeric read*/write* methods of Buffer.prototype (integers of 1 to 6
// bytes, BigInt64, float, double; both byte orders) and FastBuffer, the
// Uint8Array subclass every Buffer instance is made from.

const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const { validateNumber } = require('internal/validators');

class FastBuffer extends Uint8Array {
  // Explicit so that the three-argument form reaches Uint8Array unchanged.
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

// Scratch views for float conversions.
const float32 = new Float32Array(1);
const float32Bytes = new Uint8Array(float32.buffer);
const float64 = new Float64Array(1);
const float64Bytes = new Uint8Array(float64.buffer);
float32[0] = -1;
const bigEndianHost = float32Bytes[3] === 0;

// ---- errors ----

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type);
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

// Throws unless offset .. offset + byteLength are indices of buf.
function checkBounds(buf, offset, byteLength) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + byteLength] === undefined) {
    boundsError(offset, buf.length - (byteLength + 1));
  }
}

// byteLength here is the width minus one, as in checkBounds.
function checkInt(value, min, max, buf, offset, byteLength) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (byteLength > 3) {
      const bits = (byteLength + 1) * 8;
      if (min === 0 || min === 0n) {
        range = `>= 0${n} and < 2${n} ** ${bits}${n}`;
      } else {
        range = `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
      }
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkBounds(buf, offset, byteLength);
}

// ---- unsigned reads ----

function readUInt8(offset = 0) {
  validateNumber(offset, 'offset');
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1);
  return val;
}

function readUInt16LE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, this.length - 2);
  return a + b * 0x100;
}

function readUInt16BE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, this.length - 2);
  return a * 0x100 + b;
}

function readUInt24LE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset];
  const c = buf[offset + 2];
  if (a === undefined || c === undefined) boundsError(offset, buf.length - 3);
  return a + buf[offset + 1] * 0x100 + c * 0x10000;
}

function readUInt24BE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset];
  const c = buf[offset + 2];
  if (a === undefined || c === undefined) boundsError(offset, buf.length - 3);
  return a * 0x10000 + buf[offset + 1] * 0x100 + c;
}

function readUInt32LE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4);
  return a + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 + d * 0x1000000;
}

function readUInt32BE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4);
  return a * 0x1000000 + this[offset + 1] * 0x10000 + this[offset + 2] * 0x100 + d;
}

function readUInt40LE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset];
  const e = buf[offset + 4];
  if (a === undefined || e === undefined) boundsError(offset, buf.length - 5);
  return a + buf[offset + 1] * 0x100 + buf[offset + 2] * 0x10000 +
    buf[offset + 3] * 0x1000000 + e * 0x100000000;
}

function readUInt40BE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset];
  const e = buf[offset + 4];
  if (a === undefined || e === undefined) boundsError(offset, buf.length - 5);
  return a * 0x100000000 + buf[offset + 1] * 0x1000000 + buf[offset + 2] * 0x10000 +
    buf[offset + 3] * 0x100 + e;
}

function readUInt48LE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset];
  const f = buf[offset + 5];
  if (a === undefined || f === undefined) boundsError(offset, buf.length - 6);
  return a + buf[offset + 1] * 0x100 + buf[offset + 2] * 0x10000 +
    buf[offset + 3] * 0x1000000 + (buf[offset + 4] + f * 0x100) * 0x100000000;
}

function readUInt48BE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset];
  const f = buf[offset + 5];
  if (a === undefined || f === undefined) boundsError(offset, buf.length - 6);
  return (a * 0x100 + buf[offset + 1]) * 0x100000000 + buf[offset + 2] * 0x1000000 +
    buf[offset + 3] * 0x10000 + buf[offset + 4] * 0x100 + f;
}

function readUIntLE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  switch (byteLength) {
    case 1: return this.readUInt8(offset);
    case 2: return this.readUInt16LE(offset);
    case 3: return readUInt24LE(this, offset);
    case 4: return this.readUInt32LE(offset);
    case 5: return readUInt40LE(this, offset);
    case 6: return readUInt48LE(this, offset);
  }
  boundsError(byteLength, 6, 'byteLength');
}

function readUIntBE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  switch (byteLength) {
    case 1: return this.readUInt8(offset);
    case 2: return this.readUInt16BE(offset);
    case 3: return readUInt24BE(this, offset);
    case 4: return this.readUInt32BE(offset);
    case 5: return readUInt40BE(this, offset);
    case 6: return readUInt48BE(this, offset);
  }
  boundsError(byteLength, 6, 'byteLength');
}

// ---- signed reads ----

function readInt8(offset = 0) {
  validateNumber(offset, 'offset');
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1);
  return val | (val & 0x80) * 0x1fffffe;
}

function readInt16LE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, this.length - 2);
  const val = a + b * 0x100;
  return val | (val & 0x8000) * 0x1fffe;
}

function readInt16BE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, this.length - 2);
  const val = a * 0x100 + b;
  return val | (val & 0x8000) * 0x1fffe;
}

function readInt24LE(buf, offset) {
  const val = readUInt24LE(buf, offset);
  return val | (val & 0x800000) * 0x1fe;
}

function readInt24BE(buf, offset) {
  const val = readUInt24BE(buf, offset);
  return val | (val & 0x800000) * 0x1fe;
}

function readInt32LE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4);
  return a + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 + (d << 24);
}

function readInt32BE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4);
  return (a << 24) + this[offset + 1] * 0x10000 + this[offset + 2] * 0x100 + d;
}

function readInt40LE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset];
  const e = buf[offset + 4];
  if (a === undefined || e === undefined) boundsError(offset, buf.length - 5);
  return (e | (e & 0x80) * 0x1fffffe) * 0x100000000 +
    a + buf[offset + 1] * 0x100 + buf[offset + 2] * 0x10000 + buf[offset + 3] * 0x1000000;
}

function readInt40BE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset];
  const e = buf[offset + 4];
  if (a === undefined || e === undefined) boundsError(offset, buf.length - 5);
  return (a | (a & 0x80) * 0x1fffffe) * 0x100000000 +
    buf[offset + 1] * 0x1000000 + buf[offset + 2] * 0x10000 + buf[offset + 3] * 0x100 + e;
}

function readInt48LE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset];
  const f = buf[offset + 5];
  if (a === undefined || f === undefined) boundsError(offset, buf.length - 6);
  const hi = buf[offset + 4] + f * 0x100;
  return (hi | (hi & 0x8000) * 0x1fffe) * 0x100000000 +
    a + buf[offset + 1] * 0x100 + buf[offset + 2] * 0x10000 + buf[offset + 3] * 0x1000000;
}

function readInt48BE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset];
  const f = buf[offset + 5];
  if (a === undefined || f === undefined) boundsError(offset, buf.length - 6);
  const hi = buf[offset + 1] + a * 0x100;
  return (hi | (hi & 0x8000) * 0x1fffe) * 0x100000000 +
    buf[offset + 2] * 0x1000000 + buf[offset + 3] * 0x10000 + buf[offset + 4] * 0x100 + f;
}

function readIntLE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  switch (byteLength) {
    case 1: return this.readInt8(offset);
    case 2: return this.readInt16LE(offset);
    case 3: return readInt24LE(this, offset);
    case 4: return this.readInt32LE(offset);
    case 5: return readInt40LE(this, offset);
    case 6: return readInt48LE(this, offset);
  }
  boundsError(byteLength, 6, 'byteLength');
}

function readIntBE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  switch (byteLength) {
    case 1: return this.readInt8(offset);
    case 2: return this.readInt16BE(offset);
    case 3: return readInt24BE(this, offset);
    case 4: return this.readInt32BE(offset);
    case 5: return readInt40BE(this, offset);
    case 6: return readInt48BE(this, offset);
  }
  boundsError(byteLength, 6, 'byteLength');
}

// ---- BigInt reads ----

function readBigUInt64LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  const lo = first + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 +
    this[offset + 3] * 0x1000000;
  const hi = this[offset + 4] + this[offset + 5] * 0x100 + this[offset + 6] * 0x10000 +
    last * 0x1000000;
  return BigInt(lo) + (BigInt(hi) << 32n);
}

function readBigUInt64BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  const hi = first * 0x1000000 + this[offset + 1] * 0x10000 + this[offset + 2] * 0x100 +
    this[offset + 3];
  const lo = this[offset + 4] * 0x1000000 + this[offset + 5] * 0x10000 +
    this[offset + 6] * 0x100 + last;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function readBigInt64LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  const hi = this[offset + 4] + this[offset + 5] * 0x100 + this[offset + 6] * 0x10000 +
    (last << 24);
  const lo = first + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 +
    this[offset + 3] * 0x1000000;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function readBigInt64BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  const hi = (first << 24) + this[offset + 1] * 0x10000 + this[offset + 2] * 0x100 +
    this[offset + 3];
  const lo = this[offset + 4] * 0x1000000 + this[offset + 5] * 0x10000 +
    this[offset + 6] * 0x100 + last;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

// ---- float reads ----

function readFloatWith(buf, offset, littleEndian) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - 4);
  if (littleEndian !== bigEndianHost) {
    float32Bytes[0] = first;
    float32Bytes[1] = buf[offset + 1];
    float32Bytes[2] = buf[offset + 2];
    float32Bytes[3] = last;
  } else {
    float32Bytes[3] = first;
    float32Bytes[2] = buf[offset + 1];
    float32Bytes[1] = buf[offset + 2];
    float32Bytes[0] = last;
  }
  return float32[0];
}

function readDoubleWith(buf, offset, littleEndian) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - 8);
  if (littleEndian !== bigEndianHost) {
    for (let i = 0; i < 8; i++) float64Bytes[i] = buf[offset + i];
  } else {
    for (let i = 0; i < 8; i++) float64Bytes[7 - i] = buf[offset + i];
  }
  return float64[0];
}

function readFloatLE(offset = 0) { return readFloatWith(this, offset, true); }
function readFloatBE(offset = 0) { return readFloatWith(this, offset, false); }
function readDoubleLE(offset = 0) { return readDoubleWith(this, offset, true); }
function readDoubleBE(offset = 0) { return readDoubleWith(this, offset, false); }

// ---- integer writes ----

// Stores the low `bytes` bytes of value (an integer already range checked).
function storeLE(buf, value, offset, bytes) {
  let lo = value % 0x100000000;
  if (lo < 0) lo += 0x100000000;
  const hi = Math.floor(value / 0x100000000);
  for (let i = 0; i < bytes && i < 4; i++) {
    buf[offset + i] = lo;
    lo = lo >>> 8;
  }
  if (bytes > 4) {
    buf[offset + 4] = hi;
    if (bytes > 5) buf[offset + 5] = hi >> 8;
  }
  return offset + bytes;
}

function storeBE(buf, value, offset, bytes) {
  let lo = value % 0x100000000;
  if (lo < 0) lo += 0x100000000;
  const hi = Math.floor(value / 0x100000000);
  const end = offset + bytes;
  for (let i = 1; i <= bytes && i <= 4; i++) {
    buf[end - i] = lo;
    lo = lo >>> 8;
  }
  if (bytes > 4) {
    buf[end - 5] = hi;
    if (bytes > 5) buf[end - 6] = hi >> 8;
  }
  return end;
}

function writeU_Int8(buf, value, offset, min, max) {
  value = +value;
  validateNumber(offset, 'offset');
  if (value > max || value < min) {
    throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
  }
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  buf[offset] = value;
  return offset + 1;
}

function writeInt(buf, value, offset, bytes, min, max, le) {
  value = +value;
  checkInt(value, min, max, buf, offset, bytes - 1);
  return le ? storeLE(buf, value, offset, bytes) : storeBE(buf, value, offset, bytes);
}

function writeUInt8(value, offset = 0) { return writeU_Int8(this, value, offset, 0, 0xff); }
function writeInt8(value, offset = 0) { return writeU_Int8(this, value, offset, -0x80, 0x7f); }
function writeUInt16LE(value, offset = 0) { return writeInt(this, value, offset, 2, 0, 0xffff, true); }
function writeUInt16BE(value, offset = 0) { return writeInt(this, value, offset, 2, 0, 0xffff, false); }
function writeInt16LE(value, offset = 0) { return writeInt(this, value, offset, 2, -0x8000, 0x7fff, true); }
function writeInt16BE(value, offset = 0) { return writeInt(this, value, offset, 2, -0x8000, 0x7fff, false); }
function writeUInt32LE(value, offset = 0) { return writeInt(this, value, offset, 4, 0, 0xffffffff, true); }
function writeUInt32BE(value, offset = 0) { return writeInt(this, value, offset, 4, 0, 0xffffffff, false); }
function writeInt32LE(value, offset = 0) {
  return writeInt(this, value, offset, 4, -0x80000000, 0x7fffffff, true);
}
function writeInt32BE(value, offset = 0) {
  return writeInt(this, value, offset, 4, -0x80000000, 0x7fffffff, false);
}

const uintMax = [0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff];
const intMax = [0, 0x7f, 0x7fff, 0x7fffff, 0x7fffffff, 0x7fffffffff, 0x7fffffffffff];

function writeUIntLE(value, offset, byteLength) {
  if (byteLength === 1) return writeU_Int8(this, value, offset, 0, 0xff);
  if (byteLength >= 2 && byteLength <= 6 && byteLength === (byteLength | 0)) {
    return writeInt(this, value, offset, byteLength, 0, uintMax[byteLength], true);
  }
  boundsError(byteLength, 6, 'byteLength');
}

function writeUIntBE(value, offset, byteLength) {
  if (byteLength === 1) return writeU_Int8(this, value, offset, 0, 0xff);
  if (byteLength >= 2 && byteLength <= 6 && byteLength === (byteLength | 0)) {
    return writeInt(this, value, offset, byteLength, 0, uintMax[byteLength], false);
  }
  boundsError(byteLength, 6, 'byteLength');
}

function writeIntLE(value, offset, byteLength) {
  if (byteLength === 1) return writeU_Int8(this, value, offset, -0x80, 0x7f);
  if (byteLength >= 2 && byteLength <= 6 && byteLength === (byteLength | 0)) {
    const max = intMax[byteLength];
    return writeInt(this, value, offset, byteLength, -max - 1, max, true);
  }
  boundsError(byteLength, 6, 'byteLength');
}

function writeIntBE(value, offset, byteLength) {
  if (byteLength === 1) return writeU_Int8(this, value, offset, -0x80, 0x7f);
  if (byteLength >= 2 && byteLength <= 6 && byteLength === (byteLength | 0)) {
    const max = intMax[byteLength];
    return writeInt(this, value, offset, byteLength, -max - 1, max, false);
  }
  boundsError(byteLength, 6, 'byteLength');
}

// ---- BigInt writes ----

function writeBigU_Int64(buf, value, offset, min, max, le) {
  checkInt(value, min, max, buf, offset, 7);
  let lo = Number(value & 0xffffffffn);
  let hi = Number((value >> 32n) & 0xffffffffn);
  if (le) {
    for (let i = 0; i < 4; i++) { buf[offset + i] = lo; lo = lo >>> 8; }
    for (let i = 4; i < 8; i++) { buf[offset + i] = hi; hi = hi >>> 8; }
  } else {
    for (let i = 7; i >= 4; i--) { buf[offset + i] = lo; lo = lo >>> 8; }
    for (let i = 3; i >= 0; i--) { buf[offset + i] = hi; hi = hi >>> 8; }
  }
  return offset + 8;
}

function writeBigUInt64LE(value, offset = 0) {
  return writeBigU_Int64(this, value, offset, 0n, 0xffffffffffffffffn, true);
}
function writeBigUInt64BE(value, offset = 0) {
  return writeBigU_Int64(this, value, offset, 0n, 0xffffffffffffffffn, false);
}
function writeBigInt64LE(value, offset = 0) {
  return writeBigU_Int64(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n, true);
}
function writeBigInt64BE(value, offset = 0) {
  return writeBigU_Int64(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n, false);
}

// ---- float writes ----

function writeFloatWith(buf, value, offset, littleEndian) {
  value = +value;
  checkBounds(buf, offset, 3);
  float32[0] = value;
  if (littleEndian !== bigEndianHost) {
    for (let i = 0; i < 4; i++) buf[offset + i] = float32Bytes[i];
  } else {
    for (let i = 0; i < 4; i++) buf[offset + i] = float32Bytes[3 - i];
  }
  return offset + 4;
}

function writeDoubleWith(buf, value, offset, littleEndian) {
  value = +value;
  checkBounds(buf, offset, 7);
  float64[0] = value;
  if (littleEndian !== bigEndianHost) {
    for (let i = 0; i < 8; i++) buf[offset + i] = float64Bytes[i];
  } else {
    for (let i = 0; i < 8; i++) buf[offset + i] = float64Bytes[7 - i];
  }
  return offset + 8;
}

function writeFloatLE(value, offset = 0) { return writeFloatWith(this, value, offset, true); }
function writeFloatBE(value, offset = 0) { return writeFloatWith(this, value, offset, false); }
function writeDoubleLE(value, offset = 0) { return writeDoubleWith(this, value, offset, true); }
function writeDoubleBE(value, offset = 0) { return writeDoubleWith(this, value, offset, false); }

// Installs the numeric methods (and their lowercase `Uint` aliases) on proto.
function addBufferPrototypeMethods(proto) {
  const methods = {
    readBigUInt64LE, readBigUInt64BE, readBigInt64LE, readBigInt64BE,
    writeBigUInt64LE, writeBigUInt64BE, writeBigInt64LE, writeBigInt64BE,
    readUIntLE, readUInt32LE, readUInt16LE, readUInt8,
    readUIntBE, readUInt32BE, readUInt16BE,
    readIntLE, readInt32LE, readInt16LE, readInt8,
    readIntBE, readInt32BE, readInt16BE,
    writeUIntLE, writeUInt32LE, writeUInt16LE, writeUInt8,
    writeUIntBE, writeUInt32BE, writeUInt16BE,
    writeIntLE, writeInt32LE, writeInt16LE, writeInt8,
    writeIntBE, writeInt32BE, writeInt16BE,
    readFloatLE, readFloatBE, readDoubleLE, readDoubleBE,
    writeFloatLE, writeFloatBE, writeDoubleLE, writeDoubleBE,
  };
  for (const name of Object.keys(methods)) {
    const fn = methods[name];
    proto[name] = fn;
    if (name.includes('UInt')) proto[name.replace('UInt', 'Uint')] = fn;
  }
}

// ArrayBuffers that postMessage() must not transfer (the allocUnsafe pool,
// which other Buffers share). worker_threads consults this.
const untransferable = new WeakSet();

function markAsUntransferable(obj) {
  if ((typeof obj === 'object' || typeof obj === 'function') && obj !== null) {
    untransferable.add(obj);
  }
}

function isMarkedAsUntransferable(obj) {
  return (typeof obj === 'object' || typeof obj === 'function') && obj !== null &&
    untransferable.has(obj);
}

module.exports = {
  FastBuffer,
  isMarkedAsUntransferable,
  markAsUntransferable,
  addBufferPrototypeMethods,
  boundsError,
};

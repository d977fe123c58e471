'use strict';
// Random data: randomBytes, randomFill(Sync), randomInt, randomUUID and the
// Web Crypto getRandomValues. The bytes come from OpenSSL's RAND_bytes; the
// asynchronous forms generate them on the thread pool.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateObject,
} = require('internal/validators');
const {
  binding,
  isAnyArrayBuffer,
  isArrayBufferView,
  lazyDOMException,
  lazyFastBuffer,
  typedArrayTag,
} = require('internal/crypto/util');

const kMaxInt32 = 2 ** 31 - 1;
const kMaxPossibleLength = Math.min(internalBinding('buffer').kMaxLength, kMaxInt32);

// The byte offset for an element offset; throws node's range errors.
function checkOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxPossibleLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

// The byte size for an element count; throws node's range errors.
function checkSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxPossibleLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxPossibleLength}`, size);
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  }
  return size >>> 0;
}

function checkBuffer(buf) {
  if (!isAnyArrayBuffer(buf) && !isArrayBufferView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
}

// A Uint8Array over bytes [offset, offset + size) of buf.
function byteView(buf, offset, size) {
  if (isArrayBufferView(buf)) return new Uint8Array(buf.buffer, buf.byteOffset + offset, size);
  return new Uint8Array(buf, offset, size);
}

function randomBytes(size, callback) {
  size = checkSize(size, 1, 0, Infinity);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const FastBuffer = lazyFastBuffer();
  const buf = new FastBuffer(size);
  if (callback === undefined) {
    if (size > 0) binding.randomFillSync(buf);
    return buf;
  }
  randomFill(buf.buffer, 0, size, function(err) {
    if (err) return callback.call(this, err);
    callback.call(this, null, buf);
  });
}

function randomFillSync(buf, offset = 0, size) {
  checkBuffer(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset = checkOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) {
    size = buf.byteLength - offset;
  } else {
    size = checkSize(size, elementSize, offset, buf.byteLength);
  }
  if (size > 0) binding.randomFillSync(byteView(buf, offset, size));
  return buf;
}

function randomFill(buf, offset, size, callback) {
  checkBuffer(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  // Sizes here count elements (checkSize turns them into bytes); like node,
  // an ArrayBuffer or DataView with an offset but no size ends up with NaN.
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = buf.length;
  } else if (typeof size === 'function') {
    callback = size;
    size = buf.length - offset;
  } else {
    validateFunction(callback, 'callback');
  }
  offset = checkOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) {
    size = buf.byteLength - offset;
  } else {
    size = checkSize(size, elementSize, offset, buf.byteLength);
  }
  if (size === 0) {
    callback(null, buf);
    return;
  }
  binding.randomFill(byteView(buf, offset, size), function(err) {
    if (err) return callback.call(this, err);
    callback.call(this, null, buf);
  });
}

// ---- randomInt: 48-bit draws from a shared cache, rejection-sampled so
// every value of the range is equally likely. ----

const RAND_MAX = 0xFFFF_FFFF_FFFF;
let randomCache;
let randomCacheOffset = 0;
let asyncFillPending = false;
const asyncPending = [];

function readUInt48(buf, offset) {
  return buf[offset] * 2 ** 40 + buf[offset + 1] * 2 ** 32 +
    ((buf[offset + 2] << 24) >>> 0) + (buf[offset + 3] << 16) +
    (buf[offset + 4] << 8) + buf[offset + 5];
}

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= RAND_MAX)) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, range);
  }
  // Values at or above the limit would favour the low end of the range.
  const limit = RAND_MAX - (RAND_MAX % range);
  if (randomCache === undefined) {
    randomCache = new Uint8Array(6 * 1024);
    randomCacheOffset = randomCache.length;
  }
  while (isSync || randomCacheOffset < randomCache.length) {
    if (randomCacheOffset === randomCache.length) {
      binding.randomFillSync(randomCache);
      randomCacheOffset = 0;
    }
    const x = readUInt48(randomCache, randomCacheOffset);
    randomCacheOffset += 6;
    if (x < limit) {
      const n = (x % range) + min;
      if (isSync) return n;
      process.nextTick(callback, undefined, n);
      return;
    }
  }
  // Asynchronous, and the cache is empty: wait for an asynchronous refill.
  asyncPending.push({ min, max, callback });
  refillRandomIntCache();
}

function refillRandomIntCache() {
  if (asyncFillPending) return;
  asyncFillPending = true;
  binding.randomFill(randomCache, (err) => {
    asyncFillPending = false;
    const tasks = asyncPending.splice(0);
    // On failure, one caller hears about it and the others retry.
    const failed = err ? tasks.shift() : undefined;
    if (!err) randomCacheOffset = 0;
    for (const task of tasks) randomInt(task.min, task.max, task.callback);
    if (failed) failed.callback(err);
  });
}

// ---- randomUUID (version 4; the binding formats it) ----

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  const { disableEntropyCache = false } = options || {};
  validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
  return binding.randomUUID(!disableEntropyCache);
}

// ---- Web Crypto ----

function getRandomValues(data) {
  const tag = typedArrayTag(data);
  if (tag === undefined || tag === 'Float32Array' || tag === 'Float64Array' ||
      tag === 'Float16Array') {
    throw lazyDOMException('The data argument must be an integer-type TypedArray',
                           'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw lazyDOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  if (data.byteLength > 0) binding.randomFillSync(data);
  return data;
}

module.exports = {
  getRandomValues,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
};

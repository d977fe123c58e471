'use strict';
// node:buffer. Buffer is a Uint8Array subclass: every instance is a FastBuffer
// (see internal/buffer) whose prototype is Buffer.prototype. The encodings,
// comparisons, searches and fills run in the `buffer` binding (src/binding/buffer.c),
// one native call per operation.

const binding = internalBinding('buffer');
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_INVALID_STATE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_STRING_TOO_LONG,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const { validateArray, validateInteger, validateNumber, validateString } =
  require('internal/validators');
const {
  FastBuffer,
  addBufferPrototypeMethods,
  markAsUntransferable,
} = require('internal/buffer');

const kMaxLength = binding.kMaxLength;
const kStringMaxLength = binding.kStringMaxLength;
const constants = Object.defineProperties({}, {
  MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: { value: kStringMaxLength, writable: false, enumerable: true },
});

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
let INSPECT_MAX_BYTES = 50;

// Encoding ids of the binding (Node's numbering).
const kAscii = 0;
const kUtf8 = 1;
const kBase64 = 2;
const kUcs2 = 3;
const kLatin1 = 4;
const kHex = 5;
const kBase64Url = 7;

// ---- type checks that a changed prototype or toStringTag cannot fool ----

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const getTypedArrayTag =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const getTypedArrayLength =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'length').get;
const getTypedArrayBuffer =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'buffer').get;
const getTypedArrayByteOffset =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'byteOffset').get;
const getTypedArrayByteLength =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'byteLength').get;
const TypedArrayPrototypeSlice = TypedArrayPrototype.slice;
const TypedArrayPrototypeSet = TypedArrayPrototype.set;
const TypedArrayPrototypeFill = TypedArrayPrototype.fill;
const getArrayBufferByteLength =
  Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const getSharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function' ?
  Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get :
  undefined;
const arrayBufferDetachedGetter =
  Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached')?.get;

function isUint8Array(value) {
  return getTypedArrayTag.call(value) === 'Uint8Array';
}

function isTypedArray(value) {
  return getTypedArrayTag.call(value) !== undefined;
}

function isArrayBuffer(value) {
  if (typeof value !== 'object' || value === null) return false;
  try {
    getArrayBufferByteLength.call(value);
    return true;
  } catch {
    return false;
  }
}

function isSharedArrayBuffer(value) {
  if (getSharedArrayBufferByteLength === undefined ||
      typeof value !== 'object' || value === null) {
    return false;
  }
  try {
    getSharedArrayBufferByteLength.call(value);
    return true;
  } catch {
    return false;
  }
}

function isAnyArrayBuffer(value) {
  return isArrayBuffer(value) || isSharedArrayBuffer(value);
}

// ---- the pool behind allocUnsafe and small from() calls ----

let poolSize;
let poolOffset;
let allocPool;

function createPool() {
  poolSize = Buffer.poolSize;
  allocPool = new ArrayBuffer(poolSize);
  markAsUntransferable(allocPool);
  poolOffset = 0;
}

function alignPool() {
  // Keep the next slice 8-byte aligned.
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (allocPool === undefined || size > poolSize - poolOffset) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return allocateUninitialized(size);
}

// From this size up, bytes the engine need not clear (allocUnsafe) come from the
// binding: a call costs less than the engine's zero fill.
const kRawAllocMin = 32 * 1024;

function allocateUninitialized(size) {
  if (size < kRawAllocMin) return new FastBuffer(size);
  return new FastBuffer(binding.allocBytes(size), 0, size);
}

// ---- encodings ----

function fromStringFast(string, enc, maxBytesPerUnit) {
  const length = string.length;
  if (length === 0) return new FastBuffer();
  const half = Buffer.poolSize >>> 1;
  const bound = Math.ceil(length * maxBytesPerUnit);
  if (length >= half || bound >= half) {
    if (enc === kBase64 || enc === kBase64Url || enc === kHex) {
      const native = nativeFromString(string, enc);
      if (native !== undefined) return native;
    }
    const u8 = binding.fromString(string, enc);
    return new FastBuffer(getTypedArrayBuffer.call(u8), 0, getTypedArrayLength.call(u8));
  }
  if (allocPool === undefined || bound > poolSize - poolOffset) createPool();
  const b = new FastBuffer(allocPool, poolOffset, bound);
  const actual = binding.write(b, string, 0, bound, enc);
  const out = actual === bound ? b : new FastBuffer(allocPool, poolOffset, actual);
  poolOffset += actual;
  alignPool();
  return out;
}

function base64ByteLength(str, bytes) {
  // Trailing padding does not count.
  if (bytes > 0 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

function sliceWith(enc) {
  const slice = (buf, start, end) => {
    const s = binding.slice(buf, start, end, enc);
    if (s === undefined) throw new ERR_STRING_TOO_LONG();
    return s;
  };
  return nativeSlice(enc, slice) ?? slice;
}

// Big base64 and hex conversions go through the engine's own Uint8Array codecs
// (toBase64 for both, setFromBase64, fromHex): they build the string in place,
// where the C API would copy it twice. The decoders are strict, so input they
// reject takes node's lenient decoder in the binding; whatever they accept
// decodes to the same bytes there.
const kNativeCodecMin = 1024;
const U8ToBase64 = Uint8Array.prototype.toBase64;
const StringPrototypeSlice = String.prototype.slice;
const kBase64Options = { __proto__: null, alphabet: 'base64' };
const kBase64UrlOptions = { __proto__: null, alphabet: 'base64url', omitPadding: true };
const kBase64Loose = { __proto__: null, alphabet: 'base64', lastChunkHandling: 'loose' };
const kBase64UrlLoose = { __proto__: null, alphabet: 'base64url', lastChunkHandling: 'loose' };

// Room for hexAsBase64's output. Up to kHexScratchKeep bytes it is kept for
// the next conversion (fresh pages cost as much as the conversion itself).
const kHexScratchKeep = 64 * 1024 * 1024;
let hexScratchKept;
function hexScratch(size) {
  if (hexScratchKept !== undefined && getTypedArrayLength.call(hexScratchKept) >= size) {
    return hexScratchKept;
  }
  const scratch = new FastBuffer(binding.allocBytes(size), 0, size);
  if (size <= kHexScratchKeep) hexScratchKept = scratch;
  return scratch;
}

function nativeSlice(enc, fallback) {
  let encode;
  let outLength;
  if ((enc === kBase64 || enc === kBase64Url) && typeof U8ToBase64 === 'function') {
    const options = enc === kBase64 ? kBase64Options : kBase64UrlOptions;
    encode = (view) => U8ToBase64.call(view, options);
    outLength = (n) => Math.ceil(n / 3) * 4;
  } else if (enc === kHex && typeof U8ToBase64 === 'function') {
    // The engine's toHex is a plain loop; its base64 encoder is SIMD, and the
    // binding turns bytes into bytes whose base64 is their hex.
    return (buf, start, end) => {
      const n = end - start;
      if (n < kNativeCodecMin || n * 2 + 2 > kStringMaxLength) return fallback(buf, start, end);
      const size = ((n + 1) >>> 1) * 3;
      const scratch = hexScratch(size + 1);
      binding.hexAsBase64(buf, start, end, scratch);
      const s = U8ToBase64.call(new FastBuffer(getTypedArrayBuffer.call(scratch), 0, size));
      return (n & 1) === 0 ? s : StringPrototypeSlice.call(s, 0, n * 2);
    };
  } else {
    return undefined;
  }
  return (buf, start, end) => {
    const n = end - start;
    if (n < kNativeCodecMin || outLength(n) > kStringMaxLength) return fallback(buf, start, end);
    return encode(new Uint8Array(getTypedArrayBuffer.call(buf),
                                 getTypedArrayByteOffset.call(buf) + start, n));
  };
}

// Base64 decodes straight into a fresh uninitialised buffer with
// setFromBase64: fromBase64 decodes into a temporary and copies it into the
// array it returns, which costs more than the decoding itself. (For hex,
// fromHex measured no slower than setFromHex.)
const U8SetFromBase64 = Uint8Array.prototype.setFromBase64;
const U8FromHex = Uint8Array.fromHex;

function nativeFromString(string, enc) {
  const length = string.length;
  if (length < kNativeCodecMin) return undefined;
  if (enc === kHex) {
    if (typeof U8FromHex !== 'function') return undefined;
    let u8;
    try {
      u8 = U8FromHex(string);
    } catch {
      return undefined;
    }
    return new FastBuffer(getTypedArrayBuffer.call(u8), 0, getTypedArrayLength.call(u8));
  }
  if (typeof U8SetFromBase64 !== 'function') return undefined;
  // An upper bound: whitespace, which the engine skips, only makes it shorter.
  const size = base64ByteLength(string, length);
  const out = allocateUninitialized(size);
  let result;
  try {
    result = U8SetFromBase64.call(out, string, enc === kBase64 ? kBase64Loose : kBase64UrlLoose);
  } catch {
    return undefined;
  }
  if (result.read !== length) return undefined;
  const written = result.written;
  return written === size ? out : new FastBuffer(getTypedArrayBuffer.call(out), 0, written);
}

function makeOps(name, id, byteLength, bytesPerUnit) {
  const slice = sliceWith(id);
  return {
    encoding: name,
    encodingVal: id,
    byteLength,
    write: (buf, string, offset, len) => binding.write(buf, string, offset, len, id),
    slice,
    fromString: (string) => fromStringFast(string, id, bytesPerUnit),
    indexOf: (id === kHex || id === kBase64 || id === kBase64Url) ?
      (buf, val, byteOffset, dir) =>
        binding.indexOfBuffer(buf, fromStringFast(val, id, bytesPerUnit), byteOffset, id, dir) :
      (buf, val, byteOffset, dir) => binding.indexOfString(buf, val, byteOffset, id, dir),
  };
}

const encodingOps = {
  utf8: makeOps('utf8', kUtf8, (s) => binding.byteLengthUtf8(s), 3),
  ucs2: makeOps('utf16le', kUcs2, (s) => s.length * 2, 2),
  latin1: makeOps('latin1', kLatin1, (s) => s.length, 1),
  ascii: makeOps('ascii', kAscii, (s) => s.length, 1),
  base64: makeOps('base64', kBase64, (s) => base64ByteLength(s, s.length), 0.75),
  base64url: makeOps('base64url', kBase64Url, (s) => base64ByteLength(s, s.length), 0.75),
  hex: makeOps('hex', kHex, (s) => s.length >>> 1, 0.5),
};
encodingOps.utf16le = encodingOps.ucs2;

// Canonical ops for an encoding name, or undefined.
function getEncodingOps(encoding) {
  encoding += '';
  switch (encoding) {
    case 'utf8': case 'utf-8': return encodingOps.utf8;
    case 'hex': return encodingOps.hex;
    case 'base64': return encodingOps.base64;
    case 'latin1': case 'binary': return encodingOps.latin1;
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return encodingOps.ucs2;
    case 'ascii': return encodingOps.ascii;
    case 'base64url': return encodingOps.base64url;
  }
  switch (encoding.toLowerCase()) {
    case 'utf8': case 'utf-8': return encodingOps.utf8;
    case 'hex': return encodingOps.hex;
    case 'base64': return encodingOps.base64;
    case 'latin1': case 'binary': return encodingOps.latin1;
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return encodingOps.ucs2;
    case 'ascii': return encodingOps.ascii;
    case 'base64url': return encodingOps.base64url;
  }
  return undefined;
}

function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  if (typeof enc !== 'string') enc = `${enc}`;
  if (enc === '') return 'utf8';
  const ops = getEncodingOps(enc);
  return ops === undefined ? undefined : ops.encoding;
}

// ---- Buffer ----

let bufferWarned = false;
let checkingCaller = false;
function showFlaggedDeprecation() {
  if (bufferWarned || checkingCaller) return;
  const argv = typeof process === 'object' && process.execArgv ? process.execArgv : [];
  const pending = argv.includes('--pending-deprecation') ||
    (typeof process === 'object' && process.env &&
     /(^|\s)--pending-deprecation(\s|$)/.test(process.env.NODE_OPTIONS || ''));
  if (!pending) {
    // A stack trace may run user code (Error.prepareStackTrace), which may
    // call Buffer() again.
    checkingCaller = true;
    let inside;
    try {
      inside = isInsideNodeModules();
    } finally {
      checkingCaller = false;
    }
    if (inside) return;
  }
  bufferWarned = true;
  process.emitWarning(
    'Buffer() is deprecated due to security and usability issues. Please use the ' +
    'Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
    'DeprecationWarning', 'DEP0005');
}

// Whether the code that called Buffer() lives under node_modules (then Node
// does not warn, unless --pending-deprecation).
function isInsideNodeModules() {
  const prepare = Error.prepareStackTrace;
  let stack;
  try {
    Error.prepareStackTrace = undefined;
    stack = new Error().stack;
  } catch {
    stack = undefined;
  } finally {
    try {
      Error.prepareStackTrace = prepare;
    } catch {
      // Not writable: nothing was changed.
    }
  }
  if (typeof stack !== 'string') return false;
  for (const line of stack.split('\n')) {
    // Frames look like `    at fn (/path/file.js:1:2)` or `fn@/path/file.js:1:2`.
    const m = /(?:@|\(|at )((?:\/|[A-Za-z]:\\)[^()]*?):\d+:\d+\)?$/.exec(line);
    if (m === null) continue;
    return /[\\/]node_modules[\\/]/.test(m[1]);
  }
  return false;
}

function Buffer(arg, encodingOrOffset, length) {
  showFlaggedDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Object.defineProperty(Buffer, Symbol.species, {
  __proto__: null,
  enumerable: false,
  configurable: true,
  get() { return FastBuffer; },
});

FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
Object.setPrototypeOf(Buffer, Uint8Array);

Buffer.poolSize = 8 * 1024;

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE(
    'first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  const viewLength = getTypedArrayLength.call(view);
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = TypedArrayPrototypeSlice.call(view, offset, end);
  }
  return fromArrayLike(new Uint8Array(getTypedArrayBuffer.call(view),
                                      getTypedArrayByteOffset.call(view),
                                      getTypedArrayByteLength.call(view)));
};

Buffer.of = function of(...items) {
  const b = allocate(items.length);
  for (let k = 0; k < items.length; k++) b[k] = items[k];
  return b;
};

Buffer.alloc = function alloc(size, fill, encoding) {
  validateNumber(size, 'size', 0, kMaxLength);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = allocateUninitialized(size);
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return allocateUninitialized(size);
};

function SlowBuffer(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return allocateUninitialized(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return ops.fromString(string);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  const len = obj.length;
  if (len <= 0) return new FastBuffer();
  if (len < (Buffer.poolSize >>> 1)) {
    if (allocPool === undefined || len > poolSize - poolOffset) createPool();
    const b = new FastBuffer(allocPool, poolOffset, len);
    TypedArrayPrototypeSet.call(b, obj, 0);
    poolOffset += len;
    alignPool();
    return b;
  }
  return new FastBuffer(obj);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
}

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return binding.compare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
    getEncodingOps(encoding) !== undefined;
};
Buffer[Symbol.for('kIsEncodingSymbol')] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  validateArray(list, 'list');
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    pos += copyActual(buf, buffer, pos, 0, buf.length);
  }
  if (pos < length) TypedArrayPrototypeFill.call(buffer, 0, pos, length);
  return buffer;
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  const mustMatch = (arguments.length > 2 && arguments[2] === true);
  if (!mustMatch && len === 0) return 0;
  if (!encoding) return mustMatch ? -1 : binding.byteLengthUtf8(string);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) return mustMatch ? -1 : binding.byteLengthUtf8(string);
  return ops.byteLength(string);
}
Buffer.byteLength = byteLength;

// ---- Buffer.prototype ----

Object.defineProperty(Buffer.prototype, 'parent', {
  __proto__: null,
  enumerable: true,
  configurable: false,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
Object.defineProperty(Buffer.prototype, 'offset', {
  __proto__: null,
  enumerable: true,
  configurable: false,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

addBufferPrototypeMethods(Buffer.prototype);

// The per-encoding slice/write methods of Node's native Buffer prototype.
// An index argument: undefined gives def, NaN 0, a negative value -1 (an error).
function parseIndex(value, def) {
  if (value === undefined) return def;
  const n = Math.trunc(+value);
  if (Number.isNaN(n)) return 0;
  return n < 0 ? -1 : n;
}

function makeTypeError(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function indexOutOfRange() {
  const err = new RangeError('Index out of range');
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

function addSliceWrite(name, id) {
  const slice = sliceWith(id);
  Buffer.prototype[`${name}Slice`] = function(start, end) {
    if (!isUint8Array(this)) throw makeTypeError('argument must be a buffer');
    const len = getTypedArrayLength.call(this);
    const s = parseIndex(start, 0);
    let e = parseIndex(end, len);
    if (s < 0 || e < 0) throw indexOutOfRange();
    if (e < s) e = s;
    if (e > len) throw indexOutOfRange();
    if (s === e) return '';
    return slice(this, s, e);
  };
  Buffer.prototype[`${name}Write`] = function(string, offset, length) {
    if (!isUint8Array(this)) throw makeTypeError('argument must be a buffer');
    if (typeof string !== 'string') throw makeTypeError('argument must be a string');
    const len = getTypedArrayLength.call(this);
    const off = parseIndex(offset, 0);
    if (off < 0) throw indexOutOfRange();
    if (off > len) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
    let max = parseIndex(length, len - off);
    if (max < 0) throw indexOutOfRange();
    if (max > len - off) max = len - off;
    if (string.length === 0 || max === 0) return 0;
    return binding.write(this, string, off, max, id);
  };
}
addSliceWrite('ascii', kAscii);
addSliceWrite('base64', kBase64);
addSliceWrite('base64url', kBase64Url);
addSliceWrite('latin1', kLatin1);
addSliceWrite('hex', kHex);
addSliceWrite('ucs2', kUcs2);
addSliceWrite('utf8', kUtf8);

function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return (n % 1) === 0 ? n : Math.floor(n);
  }
  return defaultVal;
}

function copyImpl(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (!isUint8Array(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  }
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = Number.isInteger(targetStart) ? targetStart : toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  const sourceLen = getTypedArrayByteLength.call(source);
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = Number.isInteger(sourceStart) ? sourceStart : toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > sourceLen) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${sourceLen}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = sourceLen;
  } else {
    sourceEnd = Number.isInteger(sourceEnd) ? sourceEnd : toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= getTypedArrayByteLength.call(target) || sourceStart >= sourceEnd) return 0;
  return copyActual(source, target, targetStart, sourceStart, sourceEnd);
}

function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  const targetLen = getTypedArrayByteLength.call(target);
  if (sourceEnd - sourceStart > targetLen - targetStart) {
    sourceEnd = sourceStart + targetLen - targetStart;
  }
  let nb = sourceEnd - sourceStart;
  const sourceLen = getTypedArrayByteLength.call(source) - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  if (sourceStart === 0 && nb === getTypedArrayLength.call(source)) {
    TypedArrayPrototypeSet.call(target, source, targetStart);
  } else {
    binding.copy(source, target, targetStart, sourceStart, nb);
  }
  return nb;
}

Buffer.prototype.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  return copyImpl(this, target, targetStart, sourceStart, sourceEnd);
};

Buffer.prototype.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return this.utf8Slice(0, this.length);
  const len = this.length;
  if (start <= 0) {
    start = 0;
  } else if (start >= len) {
    return '';
  } else {
    start = Math.trunc(start) || 0;
  }
  if (end === undefined || end > len) {
    end = len;
  } else {
    end = Math.trunc(end) || 0;
  }
  if (end <= start) return '';
  if (encoding === undefined) return encodingOps.utf8.slice(this, start, end);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.slice(this, start, end);
};

Buffer.prototype.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  const len = getTypedArrayByteLength.call(this);
  if (len !== getTypedArrayByteLength.call(otherBuffer)) return false;
  return len === 0 || binding.compare(this, otherBuffer) === 0;
};

// Buffer.prototype.inspect: `<Buffer 01 02 ... 48 more bytes>`, plus any own
// non-index properties.
let utilInspect;
function inspectBuffer(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = '';
  if (actualMax > 0) {
    const hex = binding.slice(this, 0, actualMax, kHex);
    const parts = new Array(actualMax);
    for (let i = 0; i < actualMax; i++) parts[i] = hex.slice(2 * i, 2 * i + 2);
    str = parts.join(' ');
  }
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    let extras = false;
    const obj = { __proto__: null };
    const { getOwnNonIndexProperties } = require('internal/util/inspect');
    for (const key of getOwnNonIndexProperties(this, ctx.showHidden)) {
      extras = true;
      obj[key] = this[key];
    }
    if (extras) {
      if (utilInspect === undefined) utilInspect = require('internal/util/inspect').inspect;
      if (this.length !== 0) str += ', ';
      // Strip `[Object: null prototype] {` and ` }`.
      str += utilInspect(obj, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
}

Buffer.prototype[customInspectSymbol] = inspectBuffer;
Buffer.prototype.inspect = inspectBuffer;

Buffer.prototype.compare = function compare(target, targetStart, targetEnd,
                                             sourceStart, sourceEnd) {
  if (!isUint8Array(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  }
  if (arguments.length === 1) return binding.compare(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
  if (targetStart >= targetEnd) return 1;
  return binding.compareRange(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
};

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  dir = !!dir;

  if (typeof val === 'number') return binding.indexOfNumber(buffer, val >>> 0, byteOffset, dir);

  let ops;
  if (encoding === undefined) ops = encodingOps.utf8;
  else ops = getEncodingOps(encoding);

  if (typeof val === 'string') {
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    return ops.indexOf(buffer, val, byteOffset, dir);
  }
  if (isUint8Array(val)) {
    const encodingVal = ops === undefined ? kUtf8 : ops.encodingVal;
    return binding.indexOfBuffer(buffer, val, byteOffset, encodingVal, dir);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

Buffer.prototype.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};

Buffer.prototype.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};

Buffer.prototype.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

Buffer.prototype.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

function _fill(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const normalized = normalizeEncoding(encoding);
    if (normalized === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      if (normalized === 'utf8') {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (normalized === 'latin1') {
        value = value.charCodeAt(0);
      }
    }
    encoding = normalized;
  } else {
    encoding = undefined;
  }

  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }

  const byteLen = getTypedArrayByteLength.call(buf);
  if (offset > end || end - offset + offset > byteLen) throw new ERR_BUFFER_OUT_OF_BOUNDS();

  if (typeof value === 'number') {
    TypedArrayPrototypeFill.call(buf, value, offset, end);
    return buf;
  }
  let pattern;
  if (typeof value === 'string') {
    pattern = getEncodingOps(encoding).fromString(value);
  } else if (ArrayBuffer.isView(value)) {
    pattern = value;
    if (value.byteLength === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
  } else {
    TypedArrayPrototypeFill.call(buf, (+value >>> 0) & 255, offset, end);
    return buf;
  }
  if (pattern.byteLength === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
  binding.fill(buf, pattern, offset, end);
  return buf;
}

Buffer.prototype.write = function write(string, offset, length, encoding) {
  if (offset === undefined) return this.utf8Write(string, 0, this.length);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  if (!encoding || encoding === 'utf8') return this.utf8Write(string, offset, length);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  if (typeof string !== 'string') throw makeTypeError('argument must be a string');
  return ops.write(this, string, offset, length);
};

Buffer.prototype.toJSON = function toJSON() {
  const len = this.length;
  const data = new Array(len);
  for (let i = 0; i < len; ++i) data[i] = this[i];
  return { type: 'Buffer', data };
};

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

Buffer.prototype.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

Buffer.prototype.slice = function slice(start, end) {
  return this.subarray(start, end);
};

function swap(b, n, m) {
  const i = b[n];
  b[n] = b[m];
  b[m] = i;
}

Buffer.prototype.swap16 = function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  if (len < 128) {
    for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
    return this;
  }
  binding.swap16(this);
  return this;
};

Buffer.prototype.swap32 = function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  if (len < 192) {
    for (let i = 0; i < len; i += 4) {
      swap(this, i, i + 3);
      swap(this, i + 1, i + 2);
    }
    return this;
  }
  binding.swap32(this);
  return this;
};

Buffer.prototype.swap64 = function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  if (len < 192) {
    for (let i = 0; i < len; i += 8) {
      swap(this, i, i + 7);
      swap(this, i + 1, i + 6);
      swap(this, i + 2, i + 5);
      swap(this, i + 3, i + 4);
    }
    return this;
  }
  binding.swap64(this);
  return this;
};

Buffer.prototype.toLocaleString = Buffer.prototype.toString;

// ---- module functions ----

function isDetached(value) {
  const ab = isAnyArrayBuffer(value) ? value : value.buffer;
  if (arrayBufferDetachedGetter !== undefined && isArrayBuffer(ab)) {
    return arrayBufferDetachedGetter.call(ab);
  }
  return false;
}

function isUtf8(input) {
  if (isTypedArray(input) || isAnyArrayBuffer(input)) {
    if (isDetached(input)) throw new ERR_INVALID_STATE('Cannot validate on a detached buffer');
    return binding.isUtf8(input);
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isAscii(input) {
  if (isTypedArray(input) || isAnyArrayBuffer(input)) {
    if (isDetached(input)) throw new ERR_INVALID_STATE('Cannot validate on a detached buffer');
    return binding.isAscii(input);
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function invalidCharacterError(message) {
  let DOMException = globalThis.DOMException;
  if (typeof DOMException !== 'function') {
    try {
      DOMException = require('internal/per_context/domexception').DOMException;
    } catch {
      DOMException = undefined;
    }
  }
  if (typeof DOMException === 'function') return new DOMException(message, 'InvalidCharacterError');
  const err = new Error(message);
  err.name = 'InvalidCharacterError';
  return err;
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let n = 0; n < input.length; n++) {
    if (input.charCodeAt(n) > 0xff) throw invalidCharacterError('Invalid character');
  }
  return binding.slice(fromStringFast(input, kLatin1, 1), 0, input.length, kBase64);
}

// Forgiving-base64 decode (WHATWG infra), as Node's atob implements it.
function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  let significant = 0;
  let equals = 0;
  for (let n = 0; n < input.length; n++) {
    const c = input.charCodeAt(n);
    if (c === 0x09 || c === 0x0A || c === 0x0C || c === 0x0D || c === 0x20) continue;
    const valid = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) ||
      (c >= 0x30 && c <= 0x39) || c === 0x2B || c === 0x2F;
    if (c === 0x3D) {
      significant++;
      equals++;
      if (equals > 2) throw invalidCharacterError('Invalid character');
    } else if (valid) {
      significant++;
      if (equals) throw invalidCharacterError('Invalid character');
    } else {
      throw invalidCharacterError('Invalid character');
    }
  }
  let remainder = significant % 4;
  if (!remainder) {
    remainder = (significant - equals) % 4;
  } else if (equals) {
    throw invalidCharacterError('Invalid character');
  }
  if (remainder === 1) {
    throw invalidCharacterError('The string to be decoded is not correctly encoded.');
  }
  const bytes = fromStringFast(input, kBase64, 0.75);
  return binding.slice(bytes, 0, bytes.length, kLatin1);
}

const transcodeEncodings = {
  __proto__: null,
  ascii: 'ascii', latin1: 'latin1', binary: 'latin1',
  ucs2: 'ucs2', 'ucs-2': 'ucs2', utf16le: 'ucs2', 'utf-16le': 'ucs2',
  utf8: 'utf8', 'utf-8': 'utf8',
};

// transcode() between the Unicode encodings Node's ICU build supports.
// Characters the target cannot represent become '?'.
function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);
  const from = transcodeEncodings[`${fromEncoding}`.toLowerCase()];
  const to = transcodeEncodings[`${toEncoding}`.toLowerCase()];
  if (from === undefined || to === undefined) {
    const err = new Error('Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]');
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    throw err;
  }
  let str = getEncodingOps(from).slice(source, 0, source.length);
  if (to === 'ascii') str = str.replace(/[^\x00-\x7f]/g, '?');
  else if (to === 'latin1') str = str.replace(/[^\x00-\xff]/g, '?');
  return getEncodingOps(to).fromString(str);
}

// Blob and File come from internal/blob when that module exists.
function lazyBlob(name) {
  return {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      const blob = require('internal/blob');
      return blob[name];
    },
  };
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
  INSPECT_MAX_BYTES: undefined,
  Blob: undefined,
  resolveObjectURL: undefined,
  File: undefined,
};

Object.defineProperties(module.exports, {
  INSPECT_MAX_BYTES: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return INSPECT_MAX_BYTES; },
    set(val) {
      validateNumber(val, 'INSPECT_MAX_BYTES', 0);
      INSPECT_MAX_BYTES = val;
    },
  },
  Blob: lazyBlob('Blob'),
  File: lazyBlob('File'),
  resolveObjectURL: lazyBlob('resolveObjectURL'),
});

// Used by other lib/ modules.
Object.defineProperty(module.exports, 'FastBuffer', {
  __proto__: null, enumerable: false, value: FastBuffer,
});
Object.defineProperty(module.exports, 'getEncodingOps', {
  __proto__: null, enumerable: false, value: getEncodingOps,
});
Object.defineProperty(module.exports, 'normalizeEncoding', {
  __proto__: null, enumerable: false, value: normalizeEncoding,
});

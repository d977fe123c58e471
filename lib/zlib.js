'use strict';
// node:zlib: deflate/inflate/gzip/gunzip/raw/unzip and brotli as Transform
// streams over internalBinding('zlib') handles, plus the one-shot helpers
// (callback and *Sync), crc32, constants and codes.
//
// A handle compresses one chunk per write() into this._outBuffer and reports
// [availOutAfter, availInAfter] through the shared this._writeState array;
// async writes run on the thread pool and call processCallback with the
// handle as `this`, errors arrive through handle.onerror(message, errno, code).

const { Buffer, kMaxLength } = require('buffer');
const { Transform, finished } = require('stream');
const {
  codes: {
    ERR_BROTLI_INVALID_PARAM,
    ERR_BUFFER_TOO_LARGE,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_ZLIB_INITIALIZATION_FAILED,
  },
  genericNodeError,
} = require('internal/errors');
const { validateFunction, validateNumber } = require('internal/validators');
const {
  isAnyArrayBuffer,
  isArrayBufferView,
  isUint8Array,
} = require('internal/util/types');
const { deprecate } = require('internal/util');

const binding = internalBinding('zlib');
const constants = Object.freeze({ __proto__: null, ...binding.constants });
const {
  Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  Z_MIN_CHUNK, Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_MIN_LEVEL, Z_MAX_LEVEL,
  Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_CHUNK, Z_DEFAULT_COMPRESSION,
  Z_DEFAULT_STRATEGY, Z_DEFAULT_WINDOWBITS, Z_DEFAULT_MEMLEVEL, Z_FIXED,
  DEFLATE, DEFLATERAW, INFLATE, INFLATERAW, GZIP, GUNZIP, UNZIP,
  BROTLI_DECODE, BROTLI_ENCODE,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH,
  BROTLI_OPERATION_EMIT_METADATA,
} = constants;

const codes = {
  Z_OK: constants.Z_OK,
  Z_STREAM_END: constants.Z_STREAM_END,
  Z_NEED_DICT: constants.Z_NEED_DICT,
  Z_ERRNO: constants.Z_ERRNO,
  Z_STREAM_ERROR: constants.Z_STREAM_ERROR,
  Z_DATA_ERROR: constants.Z_DATA_ERROR,
  Z_MEM_ERROR: constants.Z_MEM_ERROR,
  Z_BUF_ERROR: constants.Z_BUF_ERROR,
  Z_VERSION_ERROR: constants.Z_VERSION_ERROR,
};
for (const name of Object.keys(codes)) codes[codes[name]] = name;
Object.freeze(codes);

const kOwner = Symbol('owner_symbol');
const kError = Symbol('kError');
const kFlushFlag = Symbol('kFlushFlag');
const kOneShot = Symbol('kOneShot');

// Below this size a one-shot (de)compression streams through zlib; above
// it the binding may compress the whole buffer at once (see compressOneShot).
const kOneShotMin = 1024 * 1024;

// Zero-length chunks that carry a flush kind from flush() to _transform().
const kFlushBuffers = [];
for (const flag of [Z_NO_FLUSH, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  Z_BLOCK]) {
  kFlushBuffers[flag] = Buffer.alloc(0);
  kFlushBuffers[flag][kFlushFlag] = flag;
}

// How strong each flush is; Z_BLOCK sits between "none" and "partial".
const flushiness = [];
[Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH]
  .forEach((flag, i) => { flushiness[flag] = i; });
function maxFlush(a, b) {
  return flushiness[a] > flushiness[b] ? a : b;
}

const kFlushBounds = [
  [Z_NO_FLUSH, Z_BLOCK],
  [BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_EMIT_METADATA],
];

// false for undefined and NaN (use the default), true for a finite number.
function checkFiniteNumber(number, name) {
  if (number === undefined) return false;
  if (Number.isFinite(number)) return true;
  if (Number.isNaN(number)) return false;
  validateNumber(number, name);
  throw new ERR_OUT_OF_RANGE(name, 'a finite number', number);
}

function checkRangesOrGetDefault(number, name, lower, upper, def) {
  if (!checkFiniteNumber(number, name)) return def;
  if (number < lower || number > upper) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
  }
  return number;
}

function zlibOnError(message, errno, code) {
  const self = this[kOwner];
  const error = genericNodeError(message, { errno, code });
  error.errno = errno;
  error.code = code;
  self.destroy(error);
  self[kError] = error;
}

function closeHandle(engine) {
  if (engine._handle) {
    engine._handle.close();
    engine._handle = null;
  }
}

// ---- the common stream base ----

function ZlibBase(opts, mode, handle, { flush, finishFlush, fullFlush }) {
  let chunkSize = Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  const bounds = kFlushBounds[mode === BROTLI_ENCODE || mode === BROTLI_DECODE ? 1 : 0];
  if (opts) {
    chunkSize = opts.chunkSize;
    if (!checkFiniteNumber(chunkSize, 'options.chunkSize')) {
      chunkSize = Z_DEFAULT_CHUNK;
    } else if (chunkSize < Z_MIN_CHUNK) {
      throw new ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
    }
    flush = checkRangesOrGetDefault(opts.flush, 'options.flush', bounds[0], bounds[1], flush);
    finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush',
                                          bounds[0], bounds[1], finishFlush);
    maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength',
                                              1, kMaxLength, kMaxLength);
    if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
      opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
    }
  }
  Reflect.apply(Transform, this, [{ autoDestroy: true, ...opts }]);
  this[kError] = null;
  this.bytesWritten = 0;
  this._handle = handle;
  handle[kOwner] = this;
  handle.onerror = zlibOnError;
  this._outBuffer = Buffer.allocUnsafe(chunkSize);
  this._outOffset = 0;
  this._chunkSize = chunkSize;
  this._defaultFlushFlag = flush;
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = fullFlush;
  this._info = opts && opts.info;
  this._maxOutputLength = maxOutputLength;
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return !this._handle; },
});

// bytesRead is the old name of bytesWritten (DEP0108).
Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get: deprecate(function() { return this.bytesWritten; },
                 'zlib.bytesRead is deprecated and will change its meaning in the ' +
                 'future. Use zlib.bytesWritten instead.', 'DEP0108'),
  set: deprecate(function(value) { this.bytesWritten = value; },
                 'Setting zlib.bytesRead is deprecated. ' +
                 'This property is now an alias for zlib.bytesWritten.', 'DEP0108'),
});

ZlibBase.prototype.reset = function() {
  if (!this._handle) throw new Error('zlib binding closed');
  return this._handle.reset();
};

ZlibBase.prototype._flush = function(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

ZlibBase.prototype._final = function(callback) {
  callback();
};

ZlibBase.prototype.flush = function(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    this.write(kFlushBuffers[kind], '', callback);
  }
};

ZlibBase.prototype.close = function(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function(err, callback) {
  closeHandle(this);
  callback(err);
};

ZlibBase.prototype._transform = function(chunk, encoding, cb) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  const ws = this._writableState;
  if ((ws.ending || ws.ended) && ws.length === chunk.byteLength) {
    flushFlag = maxFlush(flushFlag, this._finishFlushFlag);
  }
  processChunk(this, chunk, flushFlag, cb);
};

ZlibBase.prototype._processChunk = function(chunk, flushFlag, cb) {
  if (typeof cb === 'function') return processChunk(this, chunk, flushFlag, cb);
  return processChunkSync(this, chunk, flushFlag);
};

function processChunkSync(self, chunk, flushFlag) {
  let availInBefore = chunk.byteLength;
  let availOutBefore = self._chunkSize - self._outOffset;
  let inOff = 0;
  let buffers = null;
  let nread = 0;
  let inputRead = 0;
  const state = self._writeState;
  const handle = self._handle;
  let buffer = self._outBuffer;
  let offset = self._outOffset;
  const chunkSize = self._chunkSize;
  if (!handle) throw new Error('zlib binding closed');

  // The error is also emitted on the (discarded) stream: keep it handled.
  let error;
  self.on('error', (er) => { error = er; });
  for (;;) {
    handle.writeSync(flushFlag, chunk, inOff, availInBefore, buffer, offset, availOutBefore);
    if (error) throw error;
    if (self[kError]) throw self[kError];
    const availOutAfter = state[0];
    const availInAfter = state[1];
    const inDelta = availInBefore - availInAfter;
    inputRead += inDelta;
    const have = availOutBefore - availOutAfter;
    if (have > 0) {
      const out = buffer.slice(offset, offset + have);
      offset += have;
      if (buffers === null) buffers = [out];
      else buffers.push(out);
      nread += have;
      if (nread > self._maxOutputLength) {
        closeHandle(self);
        throw new ERR_BUFFER_TOO_LARGE(self._maxOutputLength);
      }
    }
    // The output buffer is full or used up: continue in a new one.
    if (availOutAfter === 0 || offset >= chunkSize) {
      availOutBefore = chunkSize;
      offset = 0;
      buffer = Buffer.allocUnsafe(chunkSize);
    }
    if (availOutAfter !== 0) break;
    inOff += inDelta;
    availInBefore = availInAfter;
  }
  self.bytesWritten = inputRead;
  closeHandle(self);
  if (nread === 0) return Buffer.alloc(0);
  return buffers.length === 1 ? buffers[0] : Buffer.concat(buffers, nread);
}

function processChunk(self, chunk, flushFlag, cb) {
  const handle = self._handle;
  if (!handle) {
    process.nextTick(cb);
    return;
  }
  handle.buffer = chunk;
  handle.cb = cb;
  handle.availOutBefore = self._chunkSize - self._outOffset;
  handle.availInBefore = chunk.byteLength;
  handle.inOff = 0;
  handle.flushFlag = flushFlag;
  handle.write(flushFlag, chunk, 0, handle.availInBefore, self._outBuffer, self._outOffset,
               handle.availOutBefore);
}

// Runs with the handle as `this` when an async write finished.
function processCallback() {
  const handle = this;
  const self = handle[kOwner];
  const state = self._writeState;
  if (self.destroyed) {
    handle.buffer = null;
    handle.cb();
    return;
  }
  const availOutAfter = state[0];
  const availInAfter = state[1];
  const inDelta = handle.availInBefore - availInAfter;
  self.bytesWritten += inDelta;
  const have = handle.availOutBefore - availOutAfter;
  let streamBufferIsFull = false;
  if (have > 0) {
    const out = self._outBuffer.slice(self._outOffset, self._outOffset + have);
    self._outOffset += have;
    streamBufferIsFull = !self.push(out);
  }
  if (self.destroyed) {
    handle.cb();
    return;
  }
  if (availOutAfter === 0 || self._outOffset >= self._chunkSize) {
    handle.availOutBefore = self._chunkSize;
    self._outOffset = 0;
    self._outBuffer = Buffer.allocUnsafe(self._chunkSize);
  }
  if (availOutAfter === 0) {
    // More output is pending for this chunk: write again, now or once read.
    handle.inOff += inDelta;
    handle.availInBefore = availInAfter;
    const again = () => {
      handle.write(handle.flushFlag, handle.buffer, handle.inOff, handle.availInBefore,
                   self._outBuffer, self._outOffset, self._chunkSize);
    };
    if (!streamBufferIsFull) {
      again();
    } else {
      const oldRead = self._read;
      self._read = (n) => {
        self._read = oldRead;
        if (self._handle) again();
        self._read(n);
      };
    }
    return;
  }
  if (availInAfter > 0) {
    // Output room is left but input was not consumed: the compressed stream
    // ended before the input did (trailing data after the end is ignored).
    self.push(null);
  }
  handle.buffer = null;
  handle.cb();
}

// ---- zlib ----

const zlibDefaultOpts = {
  flush: Z_NO_FLUSH,
  finishFlush: Z_FINISH,
  fullFlush: Z_FULL_FLUSH,
};

function Zlib(opts, mode) {
  let windowBits = Z_DEFAULT_WINDOWBITS;
  let level = Z_DEFAULT_COMPRESSION;
  let memLevel = Z_DEFAULT_MEMLEVEL;
  let strategy = Z_DEFAULT_STRATEGY;
  let dictionary;
  if (opts) {
    // On the decompression side, windowBits 0 means "take it from the header".
    if ((opts.windowBits == null || opts.windowBits === 0) &&
        (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
      windowBits = 0;
    } else {
      // { windowBits: 8 } is valid for deflate but not for gzip.
      windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits',
                                           Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0),
                                           Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
    }
    level = checkRangesOrGetDefault(opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL,
                                    Z_DEFAULT_COMPRESSION);
    memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL,
                                       Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
    strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', Z_DEFAULT_STRATEGY,
                                       Z_FIXED, Z_DEFAULT_STRATEGY);
    dictionary = opts.dictionary;
    if (dictionary !== undefined && !isArrayBufferView(dictionary)) {
      if (isAnyArrayBuffer(dictionary)) {
        dictionary = Buffer.from(dictionary);
      } else {
        throw new ERR_INVALID_ARG_TYPE('options.dictionary',
                                       ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'],
                                       dictionary);
      }
    }
  } else if (mode === INFLATE || mode === GUNZIP || mode === UNZIP) {
    windowBits = 0;
  }
  const handle = new binding.Zlib(mode);
  this._writeState = new Uint32Array(2);
  if (handle.init(windowBits, level, memLevel, strategy, this._writeState, processCallback,
                  dictionary) !== 0) {
    handle.close();
    throw new ERR_ZLIB_INITIALIZATION_FAILED();
  }
  Reflect.apply(ZlibBase, this, [opts, mode, handle, zlibDefaultOpts]);
  this._level = level;
  this._strategy = strategy;
  this._mode = mode;
  this[kOneShot] = dictionary === undefined && (
    ((mode === DEFLATE || mode === GZIP || mode === DEFLATERAW) &&
     windowBits === Z_MAX_WINDOWBITS && strategy === Z_DEFAULT_STRATEGY && level !== 0) ||
    ((mode === INFLATE || mode === GUNZIP || mode === UNZIP) && windowBits === 0) ||
    (mode === INFLATERAW && windowBits === Z_MAX_WINDOWBITS));
}

// compressOneShot's second argument: the level, or for decompression the output limit.
function oneShotParam(engine) {
  const mode = engine._mode;
  return mode === DEFLATE || mode === GZIP || mode === DEFLATERAW ?
    engine._level : engine._maxOutputLength;
}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zlib, ZlibBase);

function paramsAfterFlushCallback(level, strategy, callback) {
  if (!this._handle) throw new Error('zlib binding closed');
  this._handle.params(level, strategy);
  if (!this.destroyed) {
    this._level = level;
    this._strategy = strategy;
    if (callback) callback();
  }
}

Zlib.prototype.params = function params(level, strategy, callback) {
  checkRangesOrGetDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  checkRangesOrGetDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
  if (this._level !== level || this._strategy !== strategy) {
    this.flush(Z_SYNC_FLUSH, paramsAfterFlushCallback.bind(this, level, strategy, callback));
  } else {
    process.nextTick(callback);
  }
};

function defineMode(name, mode) {
  // The legacy classes may be called without `new`.
  const Ctor = {
    [name]: function(opts) {
      if (!(this instanceof Ctor)) return new Ctor(opts);
      Reflect.apply(Zlib, this, [opts, mode]);
    },
  }[name];
  Object.setPrototypeOf(Ctor.prototype, Zlib.prototype);
  Object.setPrototypeOf(Ctor, Zlib);
  return Ctor;
}

const Deflate = defineMode('Deflate', DEFLATE);
const Inflate = defineMode('Inflate', INFLATE);
const Gzip = defineMode('Gzip', GZIP);
const Gunzip = defineMode('Gunzip', GUNZIP);
const DeflateRaw = defineMode('DeflateRaw', DEFLATERAW);
const InflateRaw = defineMode('InflateRaw', INFLATERAW);
const Unzip = defineMode('Unzip', UNZIP);

// ---- brotli ----

const brotliDefaultOpts = {
  flush: BROTLI_OPERATION_PROCESS,
  finishFlush: BROTLI_OPERATION_FINISH,
  fullFlush: BROTLI_OPERATION_FLUSH,
};

let kMaxBrotliParam = 0;
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI_PARAM_')) kMaxBrotliParam = Math.max(kMaxBrotliParam, constants[key]);
}
const brotliInitParamsArray = new Uint32Array(kMaxBrotliParam + 1);

function Brotli(opts, mode) {
  brotliInitParamsArray.fill(-1);
  if (opts && opts.params) {
    for (const origKey of Object.keys(opts.params)) {
      const key = +origKey;
      if (Number.isNaN(key) || key < 0 || key > kMaxBrotliParam ||
          (brotliInitParamsArray[key] | 0) !== -1) {
        throw new ERR_BROTLI_INVALID_PARAM(origKey);
      }
      const value = opts.params[origKey];
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number', opts.params[origKey]);
      }
      brotliInitParamsArray[key] = value;
    }
  }
  const handle = mode === BROTLI_DECODE ?
    new binding.BrotliDecoder(mode) : new binding.BrotliEncoder(mode);
  this._writeState = new Uint32Array(2);
  if (!handle.init(brotliInitParamsArray, this._writeState, processCallback)) {
    handle.close();
    throw new ERR_ZLIB_INITIALIZATION_FAILED();
  }
  Reflect.apply(ZlibBase, this, [opts, mode, handle, brotliDefaultOpts]);
}
Object.setPrototypeOf(Brotli.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Brotli, ZlibBase);

function BrotliCompress(opts) {
  if (!(this instanceof BrotliCompress)) return new BrotliCompress(opts);
  Reflect.apply(Brotli, this, [opts, BROTLI_ENCODE]);
}
Object.setPrototypeOf(BrotliCompress.prototype, Brotli.prototype);
Object.setPrototypeOf(BrotliCompress, Brotli);

function BrotliDecompress(opts) {
  if (!(this instanceof BrotliDecompress)) return new BrotliDecompress(opts);
  Reflect.apply(Brotli, this, [opts, BROTLI_DECODE]);
}
Object.setPrototypeOf(BrotliDecompress.prototype, Brotli.prototype);
Object.setPrototypeOf(BrotliDecompress, Brotli);

// ---- one-shot helpers ----

function zlibBufferOnData(chunk) {
  if (this.buffers === null) this.buffers = [chunk];
  else this.buffers.push(chunk);
  this.nread += chunk.length;
  if (this.nread > this._maxOutputLength) {
    this.close();
    this.removeAllListeners('end');
    this.cb(new ERR_BUFFER_TOO_LARGE(this._maxOutputLength));
  }
}

function zlibBufferOnError(err) {
  this.removeAllListeners('end');
  this.cb(err);
}

function zlibBufferOnEnd() {
  let buf;
  if (this.nread === 0) {
    buf = Buffer.alloc(0);
  } else {
    const bufs = this.buffers;
    buf = bufs.length === 1 ? bufs[0] : Buffer.concat(bufs, this.nread);
  }
  this.close();
  if (this._info) this.cb(null, { buffer: buf, engine: this });
  else this.cb(null, buf);
}

function zlibBuffer(engine, buffer, callback) {
  validateFunction(callback, 'callback');
  // The stream takes Uint8Arrays: view other views and ArrayBuffers without copying.
  if (isArrayBufferView(buffer) && !isUint8Array(buffer)) {
    buffer = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } else if (isAnyArrayBuffer(buffer)) {
    buffer = Buffer.from(buffer);
  }
  if (engine[kOneShot] && isUint8Array(buffer) && buffer.byteLength >= kOneShotMin &&
      engine._finishFlushFlag === Z_FINISH &&
      binding.compressOneShot(engine._mode, oneShotParam(engine), buffer, (out) => {
        if (out === undefined) {
          zlibBufferStream(engine, buffer, callback);
          return;
        }
        engine.close();
        if (out.byteLength > engine._maxOutputLength) {
          callback(new ERR_BUFFER_TOO_LARGE(engine._maxOutputLength));
          return;
        }
        engine.bytesWritten = buffer.byteLength;
        const result = Buffer.from(out.buffer, 0, out.byteLength);
        if (engine._info) callback(null, { buffer: result, engine });
        else callback(null, result);
      })) {
    return;
  }
  zlibBufferStream(engine, buffer, callback);
}

function zlibBufferStream(engine, buffer, callback) {
  engine.buffers = null;
  engine.nread = 0;
  engine.cb = callback;
  engine.on('data', zlibBufferOnData);
  engine.on('error', zlibBufferOnError);
  engine.on('end', zlibBufferOnEnd);
  engine.end(buffer);
}

function zlibBufferSync(engine, buffer) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!isArrayBufferView(buffer)) {
    if (isAnyArrayBuffer(buffer)) {
      buffer = Buffer.from(buffer);
    } else {
      throw new ERR_INVALID_ARG_TYPE('buffer',
                                     ['string', 'Buffer', 'TypedArray', 'DataView',
                                      'ArrayBuffer'],
                                     buffer);
    }
  }
  if (engine[kOneShot] && buffer.byteLength >= kOneShotMin &&
      engine._finishFlushFlag === Z_FINISH) {
    const out = binding.compressOneShot(engine._mode, oneShotParam(engine), buffer);
    if (out !== undefined) {
      closeHandle(engine);
      if (out.byteLength > engine._maxOutputLength) {
        throw new ERR_BUFFER_TOO_LARGE(engine._maxOutputLength);
      }
      engine.bytesWritten = buffer.byteLength;
      const result = Buffer.from(out.buffer, 0, out.byteLength);
      return engine._info ? { buffer: result, engine } : result;
    }
  }
  buffer = processChunkSync(engine, buffer, engine._finishFlushFlag);
  if (engine._info) return { buffer, engine };
  return buffer;
}

function createConvenienceMethod(Ctor, sync, name) {
  if (sync) {
    return { [name](buffer, opts) { return zlibBufferSync(new Ctor(opts), buffer); } }[name];
  }
  return {
    [name](buffer, opts, callback) {
      if (typeof opts === 'function') {
        callback = opts;
        opts = {};
      }
      return zlibBuffer(new Ctor(opts), buffer, callback);
    },
  }[name];
}

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  validateNumber(value, 'value', 0, 0xFFFFFFFF);
  if (!Number.isInteger(value)) {
    throw new ERR_OUT_OF_RANGE('value', 'an integer', value);
  }
  return binding.crc32(data, value);
}

function factoryProps(fn) {
  return { __proto__: null, configurable: true, enumerable: true, writable: false, value: fn };
}

module.exports = {
  crc32,
  Deflate,
  Inflate,
  Gzip,
  Gunzip,
  DeflateRaw,
  InflateRaw,
  Unzip,
  BrotliCompress,
  BrotliDecompress,

  deflate: createConvenienceMethod(Deflate, false, 'deflate'),
  deflateSync: createConvenienceMethod(Deflate, true, 'deflateSync'),
  gzip: createConvenienceMethod(Gzip, false, 'gzip'),
  gzipSync: createConvenienceMethod(Gzip, true, 'gzipSync'),
  deflateRaw: createConvenienceMethod(DeflateRaw, false, 'deflateRaw'),
  deflateRawSync: createConvenienceMethod(DeflateRaw, true, 'deflateRawSync'),
  unzip: createConvenienceMethod(Unzip, false, 'unzip'),
  unzipSync: createConvenienceMethod(Unzip, true, 'unzipSync'),
  inflate: createConvenienceMethod(Inflate, false, 'inflate'),
  inflateSync: createConvenienceMethod(Inflate, true, 'inflateSync'),
  gunzip: createConvenienceMethod(Gunzip, false, 'gunzip'),
  gunzipSync: createConvenienceMethod(Gunzip, true, 'gunzipSync'),
  inflateRaw: createConvenienceMethod(InflateRaw, false, 'inflateRaw'),
  inflateRawSync: createConvenienceMethod(InflateRaw, true, 'inflateRawSync'),
  brotliCompress: createConvenienceMethod(BrotliCompress, false, 'brotliCompress'),
  brotliCompressSync: createConvenienceMethod(BrotliCompress, true, 'brotliCompressSync'),
  brotliDecompress: createConvenienceMethod(BrotliDecompress, false, 'brotliDecompress'),
  brotliDecompressSync: createConvenienceMethod(BrotliDecompress, true,
                                                'brotliDecompressSync'),
};

for (const [name, Ctor] of Object.entries({
  Deflate, Inflate, DeflateRaw, InflateRaw, Gzip, Gunzip, Unzip, BrotliCompress,
  BrotliDecompress,
})) {
  const create = { [`create${name}`](options) { return new Ctor(options); } }[`create${name}`];
  Object.defineProperty(module.exports, `create${name}`, factoryProps(create));
}

Object.defineProperties(module.exports, {
  constants: {
    __proto__: null, configurable: false, enumerable: true, value: constants,
  },
  codes: {
    __proto__: null, enumerable: true, writable: false, value: codes,
  },
});

// The zlib constants (not the brotli ones) on the module itself: deprecated,
// non-enumerable and read-only.
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, {
    __proto__: null, enumerable: false, value: constants[key], writable: false,
  });
}

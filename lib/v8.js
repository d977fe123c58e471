'use strict';
// node:v8 on JavaScriptCore: heap figures come from the engine's memory
// statistics, mapped onto the fields node reports; the serializer writes and
// reads V8's wire format (version 15) for the values structured clone knows,
// so data passes between cairn and node; the rest is what packages call on
// startup (flags, coverage, snapshot hooks), which has nothing to do here.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_NOT_BUILDING_SNAPSHOT,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateString,
  validateUint32,
} = require('internal/validators');
const { Buffer } = require('buffer');
const { hasNoNamedProperties } = require('internal/util/shape');

const binding = internalBinding('contextify');

function cachedDataVersionTag() {
  return 0x6361726e;
}

// ---- heap statistics ----

let heapLimit;
function heapSizeLimit() {
  if (heapLimit !== undefined) return heapLimit;
  let mb;
  const sources = [...process.execArgv, ...String(process.env.NODE_OPTIONS || '').split(/\s+/)];
  for (const arg of sources) {
    const m = /^--max[-_]old[-_]space[-_]size=(\d+)$/.exec(arg);
    if (m) mb = Number(m[1]);
  }
  // Without a flag V8 takes a quarter of the memory, at most 4 GB (plus its
  // young generation).
  if (mb === undefined) {
    const total = require('os').totalmem();
    heapLimit = Math.min(Math.floor(total / 4), 4096 * 1024 * 1024) + 48 * 1024 * 1024;
  } else {
    heapLimit = mb * 1024 * 1024 + 48 * 1024 * 1024;
  }
  return heapLimit;
}

function engineStats() {
  const s = binding.heapStatistics() || {};
  return {
    used: Number(s.heapSize) || 0,
    capacity: Number(s.heapCapacity) || 0,
    extra: Number(s.extraMemorySize) || 0,
    globals: Number(s.globalObjectCount) || 1,
    protectedCount: Number(s.protectedObjectCount) || 0,
  };
}

function getHeapStatistics() {
  const s = engineStats();
  const limit = heapSizeLimit();
  const total = Math.max(s.capacity, s.used);
  return {
    total_heap_size: total,
    total_heap_size_executable: 0,
    total_physical_size: total,
    total_available_size: Math.max(limit - s.used, 0),
    used_heap_size: s.used,
    heap_size_limit: limit,
    malloced_memory: s.extra,
    peak_malloced_memory: s.extra,
    does_zap_garbage: 0,
    number_of_native_contexts: s.globals,
    number_of_detached_contexts: 0,
    total_global_handles_size: 8192 * Math.max(1, Math.ceil(s.protectedCount * 16 / 8192)),
    used_global_handles_size: s.protectedCount * 16,
    external_memory: s.extra,
  };
}

const kSpaceNames = [
  'read_only_space', 'new_space', 'old_space', 'code_space', 'shared_space',
  'new_large_object_space', 'large_object_space', 'code_large_object_space',
  'shared_large_object_space',
];

function getHeapSpaceStatistics() {
  const s = engineStats();
  return kSpaceNames.map((name) => {
    const main = name === 'old_space';
    const size = main ? Math.max(s.capacity, s.used) : 0;
    return {
      space_name: name,
      space_size: size,
      space_used_size: main ? s.used : 0,
      space_available_size: main ? size - s.used : 0,
      physical_space_size: size,
    };
  });
}

function getHeapCodeStatistics() {
  return {
    code_and_metadata_size: 0,
    bytecode_and_metadata_size: 0,
    external_script_source_size: 0,
    cpu_profiler_metadata_size: 0,
  };
}

function getHeapSnapshot() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('getHeapSnapshot');
}

function writeHeapSnapshot() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('writeHeapSnapshot');
}

function setHeapSnapshotNearHeapLimit(limit) {
  validateUint32(limit, 'limit', true);
}

function queryObjects() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('queryObjects');
}

function setFlagsFromString(flags) {
  validateString(flags, 'flags');
}

function takeCoverage() {}
function stopCoverage() {}

function isStringOneByteRepresentation(content) {
  validateString(content, 'content');
  for (let i = 0; i < content.length; i++) {
    if (content.charCodeAt(i) > 0xff) return false;
  }
  return true;
}

// ---- promise hooks, startup snapshot, GC profiler: nothing runs them ----

function makeHookSetter(name) {
  return function(hook) {
    validateFunction(hook, `${name}Hook`);
    return function stop() {};
  };
}

const promiseHooks = {
  createHook(hooks = {}) {
    const { init, before, after, settled } = hooks;
    if (init !== undefined) validateFunction(init, 'initHook');
    if (before !== undefined) validateFunction(before, 'beforeHook');
    if (after !== undefined) validateFunction(after, 'afterHook');
    if (settled !== undefined) validateFunction(settled, 'settledHook');
    return function stop() {};
  },
  onInit: makeHookSetter('init'),
  onBefore: makeHookSetter('before'),
  onAfter: makeHookSetter('after'),
  onSettled: makeHookSetter('settled'),
};

function throwIfNotBuildingSnapshot() {
  throw new ERR_NOT_BUILDING_SNAPSHOT();
}

const startupSnapshot = {
  addSerializeCallback(callback, data) {
    throwIfNotBuildingSnapshot();
  },
  addDeserializeCallback(callback, data) {
    throwIfNotBuildingSnapshot();
  },
  setDeserializeMainFunction(callback, data) {
    throwIfNotBuildingSnapshot();
  },
  isBuildingSnapshot() {
    return false;
  },
};

class GCProfiler {
  #start = undefined;
  start() {
    if (this.#start === undefined) this.#start = Date.now();
  }
  stop() {
    if (this.#start === undefined) return undefined;
    const result = { version: 1, startTime: this.#start, statistics: [], endTime: Date.now() };
    this.#start = undefined;
    return result;
  }
}

// ---- the serializer ----

const kVersion = 15;
const T = {
  padding: 0x00, version: 0xff, undefined: 0x5f, null: 0x30, true: 0x54, false: 0x46,
  int32: 0x49, uint32: 0x55, double: 0x4e, bigint: 0x5a, oneByte: 0x22, twoByte: 0x63,
  utf8: 0x53, ref: 0x5e, beginObject: 0x6f, endObject: 0x7b, beginSparse: 0x61,
  endSparse: 0x40, beginDense: 0x41, endDense: 0x24, date: 0x44, trueObject: 0x79,
  falseObject: 0x78, numberObject: 0x6e, bigintObject: 0x7a, stringObject: 0x73,
  regexp: 0x52, beginMap: 0x3b, endMap: 0x3a, beginSet: 0x27, endSet: 0x2c,
  arrayBuffer: 0x42, resizableArrayBuffer: 0x7e, transfer: 0x74, view: 0x56, shared: 0x75,
  host: 0x5c, error: 0x72, hole: 0x2d,
};
const kErrorTags = { EvalError: 0x45, RangeError: 0x52, ReferenceError: 0x46,
                     SyntaxError: 0x53, TypeError: 0x54, URIError: 0x55 };
const kErrorFromTag = { 0x45: EvalError, 0x52: RangeError, 0x46: ReferenceError,
                        0x53: SyntaxError, 0x54: TypeError, 0x55: URIError };
const kViewTags = new Map([
  [Int8Array, 0x62], [Uint8Array, 0x42], [Uint8ClampedArray, 0x43], [Int16Array, 0x77],
  [Uint16Array, 0x57], [Int32Array, 0x64], [Uint32Array, 0x44], [Float32Array, 0x66],
  [Float64Array, 0x46], [BigInt64Array, 0x71], [BigUint64Array, 0x51], [DataView, 0x3f],
]);
const kViewFromTag = new Map([...kViewTags].map(([ctor, tag]) => [tag, ctor]));
const kRegExpFlags = [['g', 1], ['i', 2], ['m', 4], ['y', 8], ['u', 16], ['s', 32],
                      ['d', 128], ['v', 256]];

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const getTypedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayPrototype,
                                                          Symbol.toStringTag).get;
const ObjectToString = Object.prototype.toString;

function brandOf(v) {
  return Reflect.apply(ObjectToString, v, []).slice(8, -1);
}

function isArrayIndex(key) {
  if (key === '' || key.length > 10) return false;
  const n = Number(key);
  return n >>> 0 === n && n !== 4294967295 && String(n) === key;
}

function viewCtorOf(view) {
  if (ArrayBuffer.isView(view) && getTypedArrayTag.call(view) === undefined) return DataView;
  return globalThis[getTypedArrayTag.call(view)];
}

const kSerializerState = Symbol('kSerializerState');

// The WebAssembly modules whose bytes are known (internal/wasm_modules): written as host
// objects, which the worker messages' serializer turns into those bytes.
let wasmModuleBytes;

class Serializer {
  constructor() {
    this[kSerializerState] = {
      buf: new Uint8Array(64),
      len: 0,
      ids: new Map(),
      nextId: 0,
      transfers: new Map(),
      viewsAsHost: false,
      // Set by messages between threads (internal/worker/serdes): objects
      // besides WebAssembly modules that cross as host objects.
      isHost: undefined,
    };
  }

  #ensure(n) {
    const s = this[kSerializerState];
    if (s.len + n <= s.buf.length) return;
    let cap = s.buf.length * 2;
    while (cap < s.len + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(s.buf.subarray(0, s.len));
    s.buf = next;
  }

  #byte(b) {
    this.#ensure(1);
    const s = this[kSerializerState];
    s.buf[s.len++] = b;
  }

  #varint(n) {
    // Unsigned LEB128 of a non-negative integer below 2^53.
    this.#ensure(10);
    const s = this[kSerializerState];
    do {
      let b = n % 128;
      n = Math.floor(n / 128);
      if (n > 0) b |= 0x80;
      s.buf[s.len++] = b;
    } while (n > 0);
  }

  #bytes(u8) {
    this.#ensure(u8.length);
    const s = this[kSerializerState];
    s.buf.set(u8, s.len);
    s.len += u8.length;
  }

  writeHeader() {
    this.#byte(T.version);
    this.#varint(kVersion);
  }

  writeValue(value) {
    this.#value(value);
    return true;
  }

  releaseBuffer() {
    const s = this[kSerializerState];
    const out = Buffer.from(s.buf.buffer, 0, s.len);
    s.buf = new Uint8Array(64);
    s.len = 0;
    return out;
  }

  transferArrayBuffer(id, arrayBuffer) {
    validateUint32(id, 'id');
    this[kSerializerState].transfers.set(arrayBuffer, id);
  }

  writeUint32(value) {
    this.#varint(Number(value) >>> 0);
  }

  writeUint64(hi, lo) {
    const v = (BigInt(Number(hi) >>> 0) << 32n) | BigInt(Number(lo) >>> 0);
    this.#bigVarint(v);
  }

  #bigVarint(v) {
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v > 0n) b |= 0x80;
      this.#byte(b);
    } while (v > 0n);
  }

  writeDouble(value) {
    const tmp = new DataView(new ArrayBuffer(8));
    tmp.setFloat64(0, Number(value), true);
    this.#bytes(new Uint8Array(tmp.buffer));
  }

  writeRawBytes(source) {
    if (!ArrayBuffer.isView(source)) {
      throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'TypedArray', 'DataView'], source);
    }
    this.#bytes(new Uint8Array(source.buffer, source.byteOffset, source.byteLength));
  }

  _setTreatArrayBufferViewsAsHostObjects(flag) {
    this[kSerializerState].viewsAsHost = Boolean(flag);
  }

  _getDataCloneError(message) {
    return new Error(message);
  }

  _getSharedArrayBufferId(sharedArrayBuffer) {
    throw this._getDataCloneError(`${describe(sharedArrayBuffer)} could not be cloned.`);
  }

  _writeHostObject(object) {
    throw this._getDataCloneError(`Unserializable host object: ${describe(object)}`);
  }

  #string(str) {
    let oneByte = true;
    for (let i = 0; i < str.length; i++) {
      if (str.charCodeAt(i) > 0xff) {
        oneByte = false;
        break;
      }
    }
    if (oneByte) {
      this.#byte(T.oneByte);
      this.#varint(str.length);
      this.#ensure(str.length);
      const s = this[kSerializerState];
      for (let i = 0; i < str.length; i++) s.buf[s.len++] = str.charCodeAt(i);
      return;
    }
    const byteLength = str.length * 2;
    let varintLen = 1;
    for (let n = byteLength; n >= 128; n = Math.floor(n / 128)) varintLen++;
    // The two-byte data starts at an even offset.
    if ((this[kSerializerState].len + 1 + varintLen) & 1) this.#byte(T.padding);
    this.#byte(T.twoByte);
    this.#varint(byteLength);
    this.#ensure(byteLength);
    const s = this[kSerializerState];
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      s.buf[s.len++] = c & 0xff;
      s.buf[s.len++] = c >> 8;
    }
  }

  #bigintBody(v) {
    const negative = v < 0n;
    let mag = negative ? -v : v;
    const digits = [];
    while (mag > 0n) {
      digits.push(mag & 0xffffffffffffffffn);
      mag >>= 64n;
    }
    this.#varint(digits.length * 8 * 2 + (negative ? 1 : 0));
    const tmp = new DataView(new ArrayBuffer(8));
    for (const d of digits) {
      tmp.setBigUint64(0, d, true);
      this.#bytes(new Uint8Array(tmp.buffer));
    }
  }

  #number(v) {
    if (Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 && !Object.is(v, -0)) {
      this.#byte(T.int32);
      this.#varint(((v << 1) ^ (v >> 31)) >>> 0);
    } else {
      this.#byte(T.double);
      this.writeDouble(v);
    }
  }

  #key(key) {
    if (isArrayIndex(key)) this.#number(Number(key));
    else this.#string(key);
  }

  #value(v) {
    switch (typeof v) {
      case 'undefined': this.#byte(T.undefined); return;
      case 'boolean': this.#byte(v ? T.true : T.false); return;
      case 'number': this.#number(v); return;
      case 'bigint': this.#byte(T.bigint); this.#bigintBody(v); return;
      case 'string': this.#string(v); return;
      case 'symbol':
      case 'function':
        throw this._getDataCloneError(`${describe(v)} could not be cloned.`);
    }
    if (v === null) {
      this.#byte(T.null);
      return;
    }
    const s = this[kSerializerState];
    const seen = s.ids.get(v);
    if (seen !== undefined) {
      this.#byte(T.ref);
      this.#varint(seen);
      return;
    }
    wasmModuleBytes ??= require('internal/wasm_modules').bytesOf;
    if (wasmModuleBytes.has(v) || (s.isHost !== undefined && s.isHost(v))) {
      s.ids.set(v, s.nextId++);
      this.#byte(T.host);
      this._writeHostObject(v);
      return;
    }
    if (ArrayBuffer.isView(v)) {
      if (s.viewsAsHost) {
        s.ids.set(v, s.nextId++);
        this.#byte(T.host);
        this._writeHostObject(v);
        return;
      }
      // The buffer goes first (and takes the lower id), then the view.
      this.#value(v.buffer);
      s.ids.set(v, s.nextId++);
      this.#byte(T.view);
      this.#byte(kViewTags.get(viewCtorOf(v)) ?? 0x3f);
      this.#varint(v.byteOffset);
      this.#varint(v.byteLength);
      this.#varint(0);
      return;
    }
    s.ids.set(v, s.nextId++);
    const brand = brandOf(v);
    if (Array.isArray(v)) {
      this.#array(v);
    } else if (brand === 'Date') {
      this.#byte(T.date);
      this.writeDouble(Date.prototype.getTime.call(v));
    } else if (brand === 'RegExp') {
      this.#byte(T.regexp);
      this.#string(v.source);
      let flags = 0;
      for (const [ch, bit] of kRegExpFlags) if (v.flags.includes(ch)) flags |= bit;
      this.#varint(flags);
    } else if (brand === 'Map' && v instanceof Map) {
      const entries = [...Map.prototype.entries.call(v)];
      this.#byte(T.beginMap);
      for (const [k, val] of entries) {
        this.#value(k);
        this.#value(val);
      }
      this.#byte(T.endMap);
      this.#varint(entries.length * 2);
    } else if (brand === 'Set' && v instanceof Set) {
      const values = [...Set.prototype.values.call(v)];
      this.#byte(T.beginSet);
      for (const val of values) this.#value(val);
      this.#byte(T.endSet);
      this.#varint(values.length);
    } else if (brand === 'ArrayBuffer') {
      const transfer = s.transfers.get(v);
      if (transfer !== undefined) {
        this.#byte(T.transfer);
        this.#varint(transfer);
        return;
      }
      this.#byte(T.arrayBuffer);
      this.#varint(v.byteLength);
      this.#bytes(new Uint8Array(v));
    } else if (brand === 'SharedArrayBuffer') {
      const id = this._getSharedArrayBufferId(v);
      this.#byte(T.shared);
      this.#varint(id >>> 0);
    } else if (brand === 'Error' || v instanceof Error) {
      this.#error(v);
    } else if (brand === 'Boolean') {
      this.#byte(Boolean.prototype.valueOf.call(v) ? T.trueObject : T.falseObject);
    } else if (brand === 'Number') {
      this.#byte(T.numberObject);
      this.writeDouble(Number.prototype.valueOf.call(v));
    } else if (brand === 'String') {
      this.#byte(T.stringObject);
      this.#string(String.prototype.valueOf.call(v));
    } else if (brand === 'BigInt') {
      this.#byte(T.bigintObject);
      this.#bigintBody(BigInt.prototype.valueOf.call(v));
    } else if (kUncloneable.has(brand) || require('util').types.isProxy(v)) {
      throw this._getDataCloneError(`#<${brand === 'Object' ? 'Object' : brand}> could not be cloned.`);
    } else {
      this.#byte(T.beginObject);
      const n = this.#properties(v, Object.keys(v));
      this.#byte(T.endObject);
      this.#varint(n);
    }
  }

  #properties(obj, keys) {
    let n = 0;
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
      const val = obj[key];
      this.#key(key);
      this.#value(val);
      n++;
    }
    return n;
  }

  #array(arr) {
    const length = arr.length;
    let dense = true;
    for (let i = 0; i < length; i++) {
      if (!(i in arr)) {
        dense = false;
        break;
      }
    }
    if (dense) {
      this.#byte(T.beginDense);
      this.#varint(length);
      for (let i = 0; i < length; i++) this.#value(arr[i]);
      // Listing the keys costs a string per index (internal/util/shape).
      const extra = hasNoNamedProperties(arr) ? [] :
        Object.keys(arr).filter((k) => !isArrayIndex(k));
      const n = this.#properties(arr, extra);
      this.#byte(T.endDense);
      this.#varint(n);
      this.#varint(length);
      return;
    }
    this.#byte(T.beginSparse);
    this.#varint(length);
    const n = this.#properties(arr, Object.keys(arr));
    this.#byte(T.endSparse);
    this.#varint(n);
    this.#varint(length);
  }

  #error(err) {
    this.#byte(T.error);
    const name = err.name;
    const tag = kErrorTags[name];
    if (tag !== undefined && Object.getPrototypeOf(err) === globalThis[name]?.prototype) {
      this.#byte(tag);
    }
    const message = Object.getOwnPropertyDescriptor(err, 'message');
    if (message !== undefined && 'value' in message) {
      this.#byte(0x6d);
      this.#string(String(message.value));
    }
    if (Object.prototype.hasOwnProperty.call(err, 'cause')) {
      this.#byte(0x63);
      this.#value(err.cause);
    }
    const stack = err.stack;
    if (typeof stack === 'string') {
      this.#byte(0x73);
      this.#string(stack);
    }
    this.#byte(0x2e);
  }
}

const kUncloneable = new Set(['Promise', 'WeakMap', 'WeakSet', 'WeakRef', 'Symbol',
                              'FinalizationRegistry', 'Generator', 'AsyncGenerator']);

function describe(v) {
  try {
    if (typeof v === 'function') return Function.prototype.toString.call(v);
    if (typeof v === 'symbol') return v.toString();
    return `#<${brandOf(v)}>`;
  } catch {
    return 'value';
  }
}

const kDeserializerState = Symbol('kDeserializerState');

class Deserializer {
  constructor(buffer) {
    if (!ArrayBuffer.isView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
    }
    Object.defineProperty(this, 'buffer', {
      __proto__: null, value: buffer, enumerable: true, configurable: false, writable: false,
    });
    this[kDeserializerState] = {
      u8: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
      pos: 0,
      version: 0,
      objects: [],
      transfers: new Map(),
    };
  }

  #fail() {
    throw new Error('Unable to deserialize cloned data.');
  }

  #byte() {
    const s = this[kDeserializerState];
    if (s.pos >= s.u8.length) this.#fail();
    return s.u8[s.pos++];
  }

  #varint() {
    let result = 0;
    let scale = 1;
    for (;;) {
      const b = this.#byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
      if (scale > 2 ** 63) this.#fail();
    }
  }

  #tag() {
    let t;
    do {
      t = this.#byte();
    } while (t === T.padding);
    return t;
  }

  #peekTag() {
    const s = this[kDeserializerState];
    let p = s.pos;
    while (p < s.u8.length && s.u8[p] === T.padding) p++;
    return p < s.u8.length ? s.u8[p] : undefined;
  }

  #raw(n) {
    const s = this[kDeserializerState];
    if (n > s.u8.length - s.pos) this.#fail();
    const out = s.u8.subarray(s.pos, s.pos + n);
    s.pos += n;
    return out;
  }

  readHeader() {
    const s = this[kDeserializerState];
    if (s.u8[s.pos] === T.version) {
      s.pos++;
      s.version = this.#varint();
    }
    if (s.version < 13 || s.version > kVersion) {
      throw new Error('Unable to deserialize cloned data due to invalid or unsupported version.');
    }
    return true;
  }

  getWireFormatVersion() {
    return this[kDeserializerState].version;
  }

  readValue() {
    return this.#value();
  }

  transferArrayBuffer(id, arrayBuffer) {
    validateUint32(id, 'id');
    this[kDeserializerState].transfers.set(id, arrayBuffer);
  }

  readUint32() {
    return this.#varint() >>> 0;
  }

  readUint64() {
    let v = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.#byte();
      v |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7n;
    }
    return [Number((v >> 32n) & 0xffffffffn), Number(v & 0xffffffffn)];
  }

  readDouble() {
    const b = this.#raw(8);
    return new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true);
  }

  _readRawBytes(length) {
    const s = this[kDeserializerState];
    const offset = s.pos;
    this.#raw(length);
    return offset;
  }

  readRawBytes(length) {
    const b = this.#raw(length);
    return Buffer.from(b);
  }

  _readHostObject() {
    throw new Error('Unable to deserialize cloned data.');
  }

  #string(tag) {
    const n = this.#varint();
    const b = this.#raw(n);
    if (tag === T.oneByte) return latin1(b);
    if (tag === T.utf8) return Buffer.from(b).toString('utf8');
    if (n & 1) this.#fail();
    let out = '';
    for (let i = 0; i < n; i += 2) out += String.fromCharCode(b[i] | (b[i + 1] << 8));
    return out;
  }

  #readString() {
    const t = this.#tag();
    if (t !== T.oneByte && t !== T.twoByte && t !== T.utf8) this.#fail();
    return this.#string(t);
  }

  #bigint() {
    const bits = this.#varint();
    const bytes = Math.floor(bits / 2);
    const b = this.#raw(bytes);
    let v = 0n;
    for (let i = bytes - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    return bits & 1 ? -v : v;
  }

  #register(obj) {
    this[kDeserializerState].objects.push(obj);
    return obj;
  }

  #value() {
    const s = this[kDeserializerState];
    const t = this.#tag();
    switch (t) {
      case T.undefined: return undefined;
      case T.null: return null;
      case T.true: return true;
      case T.false: return false;
      case T.int32: {
        const z = this.#varint();
        return (z % 2 === 1) ? -((z + 1) / 2) : z / 2;
      }
      case T.uint32: return this.#varint();
      case T.double: return this.readDouble();
      case T.bigint: return this.#bigint();
      case T.oneByte:
      case T.twoByte:
      case T.utf8:
        return this.#string(t);
      case T.ref: {
        const id = this.#varint();
        if (id >= s.objects.length) this.#fail();
        const obj = s.objects[id];
        // A view over a buffer already read follows a reference to it.
        if (obj instanceof ArrayBuffer || obj instanceof SharedArrayBuffer) {
          return this.#maybeView(obj);
        }
        return obj;
      }
      case T.beginObject: {
        const obj = this.#register({});
        const n = this.#properties(obj, T.endObject);
        if (this.#varint() !== n) this.#fail();
        return obj;
      }
      case T.beginDense: {
        const length = this.#varint();
        const arr = this.#register(new Array(length));
        for (let i = 0; i < length; i++) {
          if (this.#peekTag() === T.hole) {
            this.#tag();
            continue;
          }
          arr[i] = this.#value();
        }
        const n = this.#properties(arr, T.endDense);
        if (this.#varint() !== n) this.#fail();
        this.#varint();
        return arr;
      }
      case T.beginSparse: {
        const length = this.#varint();
        const arr = this.#register(new Array(length));
        const n = this.#properties(arr, T.endSparse);
        if (this.#varint() !== n) this.#fail();
        this.#varint();
        return arr;
      }
      case T.date: return this.#register(new Date(this.readDouble()));
      case T.trueObject: return this.#register(Object(true));
      case T.falseObject: return this.#register(Object(false));
      case T.numberObject: return this.#register(Object(this.readDouble()));
      case T.bigintObject: return this.#register(Object(this.#bigint()));
      case T.stringObject: return this.#register(Object(this.#readString()));
      case T.regexp: {
        const source = this.#readString();
        const bits = this.#varint();
        let flags = '';
        for (const [ch, bit] of [['d', 128], ['g', 1], ['i', 2], ['m', 4], ['s', 32],
          ['u', 16], ['v', 256], ['y', 8]]) {
          if (bits & bit) flags += ch;
        }
        return this.#register(new RegExp(source, flags));
      }
      case T.beginMap: {
        const map = this.#register(new Map());
        let n = 0;
        while (this.#peekTag() !== T.endMap) {
          const k = this.#value();
          map.set(k, this.#value());
          n += 2;
        }
        this.#tag();
        if (this.#varint() !== n) this.#fail();
        return map;
      }
      case T.beginSet: {
        const set = this.#register(new Set());
        let n = 0;
        while (this.#peekTag() !== T.endSet) {
          set.add(this.#value());
          n++;
        }
        this.#tag();
        if (this.#varint() !== n) this.#fail();
        return set;
      }
      case T.arrayBuffer: {
        const n = this.#varint();
        const ab = this.#register(new Uint8Array(this.#raw(n)).buffer);
        return this.#maybeView(ab);
      }
      case T.resizableArrayBuffer: {
        const n = this.#varint();
        const max = this.#varint();
        const ab = new ArrayBuffer(n, { maxByteLength: max });
        new Uint8Array(ab).set(this.#raw(n));
        this.#register(ab);
        return this.#maybeView(ab);
      }
      case T.transfer: {
        const id = this.#varint();
        const ab = s.transfers.get(id);
        if (ab === undefined) this.#fail();
        this.#register(ab);
        return this.#maybeView(ab);
      }
      case T.host: {
        const id = s.objects.length;
        s.objects.push(undefined);
        const obj = this._readHostObject();
        s.objects[id] = obj;
        return obj;
      }
      case T.error: return this.#error();
      default:
        this.#fail();
    }
  }

  #maybeView(ab) {
    if (this.#peekTag() !== T.view) return ab;
    this.#tag();
    const sub = this.#byte();
    const offset = this.#varint();
    const length = this.#varint();
    if (this[kDeserializerState].version >= 14) this.#varint();
    const Ctor = kViewFromTag.get(sub);
    if (Ctor === undefined) this.#fail();
    const size = Ctor.BYTES_PER_ELEMENT || 1;
    const view = Ctor === DataView ? new DataView(ab, offset, length) :
      new Ctor(ab, offset, length / size);
    return this.#register(view);
  }

  #properties(obj, endTag) {
    let n = 0;
    while (this.#peekTag() !== endTag) {
      const key = this.#value();
      if (typeof key !== 'string' && typeof key !== 'number') this.#fail();
      obj[key] = this.#value();
      n++;
    }
    this.#tag();
    return n;
  }

  #error() {
    let Ctor = Error;
    let message;
    let stack;
    let cause;
    let hasCause = false;
    for (;;) {
      const t = this.#byte();
      if (t === 0x2e) break;
      if (kErrorFromTag[t] !== undefined) {
        Ctor = kErrorFromTag[t];
      } else if (t === 0x6d) {
        message = this.#readString();
      } else if (t === 0x73) {
        stack = this.#readString();
      } else if (t === 0x63) {
        hasCause = true;
        cause = this.#value();
      } else {
        this.#fail();
      }
    }
    const err = hasCause ? new Ctor(message, { cause }) : new Ctor(message);
    if (message === undefined) delete err.message;
    Object.defineProperty(err, 'stack', {
      __proto__: null, value: stack, writable: true, enumerable: false, configurable: true,
    });
    return this.#register(err);
  }
}

function latin1(b) {
  let out = '';
  for (let i = 0; i < b.length; i += 8192) {
    out += String.fromCharCode.apply(null, b.subarray(i, i + 8192));
  }
  return out;
}

// node's defaults: typed arrays and Buffers travel as host objects holding a
// copy of just their bytes (not their whole, possibly pooled, ArrayBuffer).
const arrayBufferViewTypes = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array,
                              Uint16Array, Int32Array, Uint32Array, Float32Array,
                              Float64Array, DataView, Buffer, BigInt64Array, BigUint64Array];

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  _writeHostObject(abView) {
    let i = 10;  // Buffer
    if (abView.constructor !== Buffer) {
      i = arrayBufferViewTypes.indexOf(viewCtorOf(abView));
      if (i === -1) {
        throw this._getDataCloneError(`Unserializable host object: ${describe(abView)}`);
      }
    }
    this.writeUint32(i);
    this.writeUint32(abView.byteLength);
    this.writeRawBytes(new Uint8Array(abView.buffer, abView.byteOffset, abView.byteLength));
  }
}

class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const typeIndex = this.readUint32();
    const Ctor = arrayBufferViewTypes[typeIndex];
    const byteLength = this.readUint32();
    const offset = this._readRawBytes(byteLength);
    if (Ctor === undefined) throw new Error('Unable to deserialize cloned data.');
    const bytes = new Uint8Array(this.buffer.buffer, this.buffer.byteOffset + offset, byteLength);
    if (Ctor === Buffer) return Buffer.from(bytes);
    const copy = new Uint8Array(bytes).buffer;
    if (Ctor === DataView) return new DataView(copy);
    return new Ctor(copy, 0, byteLength / Ctor.BYTES_PER_ELEMENT);
  }
}

function serialize(value) {
  const ser = new DefaultSerializer();
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

function deserialize(buffer) {
  const der = new DefaultDeserializer(buffer);
  der.readHeader();
  return der.readValue();
}

module.exports = {
  cachedDataVersionTag,
  getHeapSnapshot,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  takeCoverage,
  stopCoverage,
  serialize,
  writeHeapSnapshot,
  promiseHooks,
  queryObjects,
  startupSnapshot,
  setHeapSnapshotNearHeapLimit,
  GCProfiler,
  isStringOneByteRepresentation,
};

'use strict';
// structuredClone() and the cloning half of postMessage(): the HTML structured
// clone algorithm with V8's choices (which node exposes): what clones, what
// throws DataCloneError and with which message.
//
// Everything happens in one process, so a clone is built directly (no byte
// serialization). Transferred ArrayBuffers are copied into the clone and the
// originals detached once the whole clone succeeded, so a failed clone leaves
// the transfer list untouched. MessagePorts and other transferables follow
// node's JS transferable protocol: an object whose [kTransferMode] says
// transferable/cloneable provides [kTransfer]()/[kClone]() returning
// { data, deserializeInfo }; deserializeInfo is 'internal/module:ExportName'
// (or, in process, a function) that makes an empty object whose
// [kDeserialize](data) fills it.

const types = require('internal/util/types');

const kClone = Symbol('messaging_clone_symbol');
const kDeserialize = Symbol('messaging_deserialize_symbol');
const kTransfer = Symbol('messaging_transfer_symbol');
const kTransferList = Symbol('messaging_transfer_list_symbol');
const kTransferMode = Symbol('transfer_mode_private_symbol');
// Ports (lib/internal/worker/io.js) hook in here; set by io.js.
const kPortTransfer = Symbol('kPortTransfer');

const kCloneable = 1;
const kTransferable = 2;
// Signals made by util.transferableAbortSignal() (internal/abort_controller):
// a clone follows the original.
const kAbortTransferable = Symbol.for('nodejs.abort_controller.transferable');

function transferModeOf(value) {
  const mode = value[kTransferMode];
  if (mode !== undefined) return mode;
  if (value[kAbortTransferable] === true) return kCloneable | kTransferable;
  return undefined;
}

function cloneAbortSignal(signal) {
  return signal.constructor.any([signal]);
}

// Sets how structured clone treats obj (node's internal markTransferMode).
function markTransferMode(obj, cloneable = false, transferable = false) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null) return;
  let mode = 0;
  if (cloneable) mode |= kCloneable;
  if (transferable) mode |= kTransferable;
  obj[kTransferMode] = mode;
}

let lazyDOMException;
function dataCloneError(message) {
  lazyDOMException ??= require('internal/per_context/domexception').DOMException;
  return new lazyDOMException(message, 'DataCloneError');
}

let lazyErrors;
function errors() {
  lazyErrors ??= require('internal/errors').codes;
  return lazyErrors;
}

let lazyUntransferable;
function isMarkedAsUntransferable(obj) {
  lazyUntransferable ??= require('internal/buffer').isMarkedAsUntransferable;
  return lazyUntransferable(obj);
}

// ---- engine type tags: one native call tells the kind of an object ----

let getCellType;
let T;
function learnTags() {
  try {
    getCellType = internalBinding('util').getCellType;
  } catch {
    getCellType = undefined;
  }
  if (typeof getCellType !== 'function') {
    T = null;
    return;
  }
  T = {
    finalObject: getCellType({}),
    // Math, JSON, Reflect, but also WeakRef, Intl and WebAssembly objects and
    // boxed symbols and bigints share this one.
    object: getCellType(Math),
    array: getCellType([]),
  };
}

const WeakRefDeref = typeof WeakRef === 'function' ? WeakRef.prototype.deref : undefined;
const FinalizationRegistryUnregister = typeof FinalizationRegistry === 'function' ?
  FinalizationRegistry.prototype.unregister : undefined;
const ObjectPrototypeToString = Object.prototype.toString;

function hasBrand(method, value, arg) {
  if (method === undefined) return false;
  try {
    Reflect.apply(method, value, [arg]);
    return true;
  } catch {
    return false;
  }
}

// 'plain' for ordinary objects (literals, class instances, Math...), which V8
// clones as plain objects; 'other' for the rest (told apart by the caller).
function objectKind(value) {
  if (T === undefined) learnTags();
  if (T === null) return ObjectPrototypeToString.call(value) === '[object Object]' ? 'plain' : 'other';
  const t = getCellType(value);
  if (t === T.finalObject) return 'plain';
  if (t !== T.object) return 'other';
  if (types.isBigIntObject(value) || types.isSymbolObject(value)) return 'other';
  if (hasBrand(WeakRefDeref, value) || hasBrand(FinalizationRegistryUnregister, value, {})) {
    return 'uncloneable';
  }
  const tag = ObjectPrototypeToString.call(value);
  if (tag.startsWith('[object Intl.') || tag.startsWith('[object WebAssembly.')) {
    return 'uncloneable';
  }
  return 'plain';
}

const intrinsicViews = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
};
if (typeof globalThis.Float16Array === 'function') intrinsicViews.Float16Array = Float16Array;

const errorConstructors = {
  __proto__: null,
  EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
};

const ArrayBufferPrototypeSlice = ArrayBuffer.prototype.slice;
const ArrayBufferPrototypeTransfer = ArrayBuffer.prototype.transfer;
const detachedGetter = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached')?.get;
const resizableGetter = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'resizable')?.get;
const maxByteLengthGetter =
  Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'maxByteLength')?.get;
const byteLengthGetter = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const FunctionPrototypeToString = Function.prototype.toString;
const SymbolPrototypeToString = Symbol.prototype.toString;
const DatePrototypeGetTime = Date.prototype.getTime;
const NumberPrototypeValueOf = Number.prototype.valueOf;
const StringPrototypeValueOf = String.prototype.valueOf;
const BooleanPrototypeValueOf = Boolean.prototype.valueOf;
const BigIntPrototypeValueOf = BigInt.prototype.valueOf;
const MapPrototypeForEach = Map.prototype.forEach;
const SetPrototypeForEach = Set.prototype.forEach;
const RegExpFlagsGetter = Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get;
const RegExpSourceGetter = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const TypedArrayBuffer = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'buffer').get;
const TypedArrayByteOffset =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'byteOffset').get;
const TypedArrayLength = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'length').get;
const DataViewBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, 'buffer').get;
const DataViewByteOffset = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteOffset').get;
const DataViewByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get;
const ObjectKeys = Object.keys;
const ObjectPrototypeHasOwnProperty = Object.prototype.hasOwnProperty;

function isDetached(buffer) {
  if (detachedGetter !== undefined) return detachedGetter.call(buffer);
  return false;
}

// What V8 prints for a value it cannot clone.
function describe(value) {
  if (typeof value === 'function') {
    try {
      return FunctionPrototypeToString.call(value);
    } catch {
      return 'function';
    }
  }
  if (typeof value === 'symbol') return SymbolPrototypeToString.call(value);
  if (types.isSymbolObject(value)) return '[object Symbol]';
  if (types.isGeneratorObject(value)) return '[object Generator]';
  if (types.isProxy(value) || types.isArgumentsObject(value)) return '#<Object>';
  let name = 'Object';
  try {
    for (let obj = value; obj !== null; obj = Object.getPrototypeOf(obj)) {
      const desc = Object.getOwnPropertyDescriptor(obj, 'constructor');
      if (desc !== undefined && typeof desc.value === 'function' && desc.value.name) {
        name = desc.value.name;
        break;
      }
    }
  } catch {
    // keep 'Object'
  }
  return `#<${name}>`;
}

function uncloneable(value) {
  return dataCloneError(`${describe(value)} could not be cloned.`);
}

// ---- the clone ----

// state: { memo: Map, transferBuffers: Set, transferObjects: Set, ports: [],
//          reportDeserializeErrors, deserializeError, complex, ... }
function clonePlain(value, state) {
  const mode = transferModeOf(value);
  if (mode !== undefined || value[kPortTransfer] !== undefined) {
    state.complex = true;
    return cloneTransferable(value, mode, state);
  }
  const Blob = lazyBlob ?? blobConstructor();
  if (Blob !== undefined && value instanceof Blob) {
    state.complex = true;
    const out = value.slice(0, value.size, value.type);
    state.memo.set(value, out);
    return out;
  }
  const out = {};
  state.memo.set(value, out);
  const keys = ObjectKeys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    // A getter may have deleted a later property.
    if (!ObjectPrototypeHasOwnProperty.call(value, key)) continue;
    out[key] = cloneValue(value[key], state);
  }
  return out;
}

function cloneArray(value, state) {
  const length = value.length;
  const out = new Array(length);
  state.memo.set(value, out);
  if (length > kMaxArrayKeyScan) {
    for (let i = 0; i < length; i++) {
      if (i in value) out[i] = cloneValue(value[i], state);
      else state.complex = true;
    }
    return out;
  }
  const keys = ObjectKeys(value);
  // Holes or named properties: JSON would not keep them.
  if (keys.length !== length) state.complex = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!ObjectPrototypeHasOwnProperty.call(value, key)) continue;
    out[key] = cloneValue(value[key], state);
  }
  return out;
}

// Arrays longer than this are copied by index only: enumerating the keys of a
// huge array (to find extra named properties) costs microseconds per index on
// this engine, so such an array's non-index properties are not cloned.
const kMaxArrayKeyScan = 20000;

// The WebAssembly modules whose bytes are known (internal/wasm_modules).
let wasmModuleBytes;

// state.complex stays false while the clone is made only of what JSON keeps
// exactly (plain objects, dense arrays, strings, booleans, null, finite
// numbers other than -0, no object reached twice): such a message crosses
// threads as JSON text.
function cloneValue(value, state) {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'number') {
      if (value === 0 ? 1 / value < 0 : value - value !== 0) state.complex = true;
    } else if (value === undefined || typeof value === 'bigint') {
      state.complex = true;
    } else if (typeof value === 'function' || typeof value === 'symbol') {
      throw uncloneable(value);
    }
    return value;
  }
  const memo = state.memo;
  const seen = memo.get(value);
  if (seen !== undefined) {
    state.complex = true;
    return seen;
  }

  if (T === undefined) learnTags();
  // One native call classifies the common cases; the rest goes the long way.
  const tag = T !== null ? getCellType(value) : -1;
  if (tag === T?.finalObject) return clonePlain(value, state);
  if (tag === T?.array) return cloneArray(value, state);
  state.complex = true;

  if (types.isProxy(value)) {
    // process.env is a Proxy here but an ordinary object to node's serializer.
    if (value === process.env) return clonePlain(value, state);
    throw uncloneable(value);
  }
  if (Array.isArray(value)) return cloneArray(value, state);
  wasmModuleBytes ??= require('internal/wasm_modules').bytesOf;
  if (wasmModuleBytes.has(value)) {
    // Compiled code is immutable: the clone shares it (a worker gets the bytes, serdes.js).
    state.complex = true;
    memo.set(value, value);
    return value;
  }
  const kind = objectKind(value);
  if (kind === 'uncloneable') throw uncloneable(value);
  if (kind === 'plain') return clonePlain(value, state);
  if (ArrayBuffer.isView(value)) return cloneView(value, state);
  if (types.isArrayBuffer(value)) return cloneArrayBuffer(value, state);
  if (types.isSharedArrayBuffer(value)) {
    memo.set(value, value);
    return value;
  }
  if (types.isDate(value)) {
    const out = new Date(DatePrototypeGetTime.call(value));
    memo.set(value, out);
    return out;
  }
  if (types.isRegExp(value)) {
    const out = new RegExp(RegExpSourceGetter.call(value), RegExpFlagsGetter.call(value));
    memo.set(value, out);
    return out;
  }
  if (types.isMap(value)) {
    const out = new Map();
    memo.set(value, out);
    const entries = [];
    MapPrototypeForEach.call(value, (v, k) => { entries.push(k, v); });
    for (let i = 0; i < entries.length; i += 2) {
      const k = cloneValue(entries[i], state);
      out.set(k, cloneValue(entries[i + 1], state));
    }
    return out;
  }
  if (types.isSet(value)) {
    const out = new Set();
    memo.set(value, out);
    const entries = [];
    SetPrototypeForEach.call(value, (v) => { entries.push(v); });
    for (let i = 0; i < entries.length; i++) out.add(cloneValue(entries[i], state));
    return out;
  }
  if (types.isNativeError(value)) return cloneError(value, state);
  if (types.isBoxedPrimitive(value)) {
    let out;
    if (types.isNumberObject(value)) out = new Number(NumberPrototypeValueOf.call(value));
    else if (types.isStringObject(value)) out = new String(StringPrototypeValueOf.call(value));
    else if (types.isBooleanObject(value)) out = new Boolean(BooleanPrototypeValueOf.call(value));
    else if (types.isBigIntObject(value)) out = Object(BigIntPrototypeValueOf.call(value));
    else throw uncloneable(value);
    memo.set(value, out);
    return out;
  }
  throw uncloneable(value);
}

let lazyBlob = null;
function blobConstructor() {
  if (lazyBlob === null) {
    // Only look once the global exists (it is installed lazily).
    const desc = Object.getOwnPropertyDescriptor(globalThis, 'Blob');
    if (desc === undefined) return undefined;
    lazyBlob = typeof globalThis.Blob === 'function' ? globalThis.Blob : undefined;
  }
  return lazyBlob;
}

function cloneArrayBuffer(buffer, state) {
  if (state.moveBuffers && state.transferBuffers.has(buffer) &&
      !(resizableGetter !== undefined && resizableGetter.call(buffer))) {
    // The caller moves it after serializing the clone: the clone keeps it.
    state.memo.set(buffer, buffer);
    return buffer;
  }
  if (isDetached(buffer)) {
    if (state.transferBuffers.has(buffer)) {
      const out = new ArrayBuffer(0);
      state.memo.set(buffer, out);
      return out;
    }
    throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
  }
  let out;
  if (resizableGetter !== undefined && resizableGetter.call(buffer)) {
    const length = byteLengthGetter.call(buffer);
    out = new ArrayBuffer(length, { maxByteLength: maxByteLengthGetter.call(buffer) });
    new Uint8Array(out).set(new Uint8Array(buffer, 0, length));
  } else {
    out = ArrayBufferPrototypeSlice.call(buffer, 0);
  }
  state.memo.set(buffer, out);
  return out;
}

function cloneView(view, state) {
  let buffer;
  let byteOffset;
  let Ctor;
  let out;
  if (types.isDataView(view)) {
    buffer = DataViewBuffer.call(view);
    byteOffset = DataViewByteOffset.call(view);
    const byteLength = DataViewByteLength.call(view);
    const clonedBuffer = cloneValue(buffer, state);
    out = new DataView(clonedBuffer, byteOffset, byteLength);
  } else {
    buffer = TypedArrayBuffer.call(view);
    byteOffset = TypedArrayByteOffset.call(view);
    const length = TypedArrayLength.call(view);
    Ctor = intrinsicViews[types.typedArrayKind(view)];
    if (Ctor === undefined) throw uncloneable(view);
    const clonedBuffer = cloneValue(buffer, state);
    out = new Ctor(clonedBuffer, byteOffset, length);
  }
  state.memo.set(view, out);
  return out;
}

function cloneError(error, state) {
  let name;
  try {
    name = error.name;
  } catch {
    name = undefined;
  }
  const Ctor = (typeof name === 'string' && errorConstructors[name]) || Error;
  const out = new Ctor();
  state.memo.set(error, out);
  for (const key of ['line', 'column', 'sourceURL']) {
    if (ObjectPrototypeHasOwnProperty.call(out, key)) delete out[key];
  }
  let stack;
  try {
    stack = error.stack;
  } catch {
    stack = undefined;
  }
  Object.defineProperty(out, 'stack', {
    value: typeof stack === 'string' ? stack : undefined,
    writable: true,
    enumerable: false,
    configurable: true,
  });
  const messageDesc = Object.getOwnPropertyDescriptor(error, 'message');
  if (messageDesc !== undefined && 'value' in messageDesc) {
    Object.defineProperty(out, 'message', {
      value: `${messageDesc.value}`,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
  const causeDesc = Object.getOwnPropertyDescriptor(error, 'cause');
  if (causeDesc !== undefined) {
    Object.defineProperty(out, 'cause', {
      value: cloneValue('value' in causeDesc ? causeDesc.value : error.cause, state),
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
  return out;
}

function resolveDeserializeInfo(info) {
  if (typeof info === 'function') return info;
  const text = `${info}`;
  const colon = text.lastIndexOf(':');
  const module = text.slice(0, colon);
  const name = text.slice(colon + 1);
  const { BuiltinModule } = require('internal/bootstrap/realm');
  if (!module.startsWith('internal/') || !BuiltinModule.exists(module)) {
    const err = new Error(`Missing internal module '${module}'`);
    err.code = 'ERR_MISSING_INTERNAL_MODULE';
    throw err;
  }
  const Ctor = require(module)[name];
  if (typeof Ctor !== 'function') throw new Error(`Missing internal module '${text}'`);
  return (data) => {
    const obj = new Ctor();
    obj[kDeserialize](data);
    return obj;
  };
}

function deserializeJS(value, result, state) {
  const { data, deserializeInfo } = result;
  const clonedData = cloneValue(data, state);
  try {
    return resolveDeserializeInfo(deserializeInfo)(clonedData);
  } catch (err) {
    if (!state.reportDeserializeErrors) throw err;
    state.deserializeError ??= err;
    return undefined;
  }
}

function cloneTransferable(value, mode, state) {
  if (state.transferObjects.has(value)) {
    // MessagePorts: a new port takes the channel over once the clone succeeded.
    const portTransfer = value[kPortTransfer];
    if (typeof portTransfer === 'function') {
      const out = Reflect.apply(portTransfer, value, []);
      state.memo.set(value, out);
      state.ports.push(out);
      state.adopt.push([value, out]);
      return out;
    }
    if (value[kAbortTransferable] === true) {
      const out = cloneAbortSignal(value);
      state.memo.set(value, out);
      return out;
    }
    const result = value[kTransfer]();
    const out = deserializeJS(value, result, state);
    state.memo.set(value, out);
    return out;
  }
  if (mode !== undefined && (mode & kCloneable)) {
    if (value[kAbortTransferable] === true) {
      const out = cloneAbortSignal(value);
      state.memo.set(value, out);
      return out;
    }
    const result = value[kClone]();
    const out = deserializeJS(value, result, state);
    state.memo.set(value, out);
    return out;
  }
  if ((mode !== undefined && (mode & kTransferable)) || value[kPortTransfer] !== undefined) {
    throw new (errors().ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST)();
  }
  // Marked neither cloneable nor transferable.
  throw dataCloneError('Cannot clone object of unsupported type.');
}

// Reads a transfer list (any iterable) into an array, as node validates it.
function readTransferList(list, name) {
  if (list === undefined || list === null) return [];
  if ((typeof list !== 'object' && typeof list !== 'function') ||
      typeof list[Symbol.iterator] !== 'function') {
    throw iterableError(name);
  }
  const iterator = list[Symbol.iterator]();
  if (iterator === null || typeof iterator !== 'object' || typeof iterator.next !== 'function') {
    throw iterableError(name);
  }
  const out = [];
  for (;;) {
    const step = iterator.next();
    if (step === null || typeof step !== 'object') throw iterableError(name);
    if (step.done) break;
    out.push(step.value);
  }
  return out;
}

function iterableError(name) {
  const err = new TypeError(`Optional ${name} argument must be an iterable`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

// Checks the transfer list; returns { transferBuffers, transferObjects }.
// sourcePort: the port postMessage() was called on (it cannot be transferred).
function checkTransferList(list, sourcePort) {
  const transferBuffers = new Set();
  const transferObjects = new Set();
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (types.isArrayBuffer(item)) {
      if (transferBuffers.has(item)) {
        throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
      }
      // A buffer marked untransferable (the Buffer pool) stays, and the
      // message gets a copy: node 22 throws DataCloneError here instead, but
      // node's own tests in test/node/passing.txt still expect this.
      if (isMarkedAsUntransferable(item)) continue;
      // As in node 22: a detached buffer cannot move.
      if (isDetached(item)) throw dataCloneError('Cannot transfer object of unsupported type.');
      transferBuffers.add(item);
      continue;
    }
    if ((typeof item === 'object' || typeof item === 'function') && item !== null &&
        !types.isProxy(item)) {
      const portTransfer = item[kPortTransfer];
      if (portTransfer !== undefined) {
        if (item === sourcePort) throw dataCloneError('Transfer list contains source port');
        if (item[kPortDetached]?.()) {
          throw dataCloneError('MessagePort in transfer list is already detached');
        }
        if (transferObjects.has(item)) {
          throw dataCloneError('Transfer list contains duplicate MessagePort');
        }
        if (isMarkedAsUntransferable(item)) continue;
        transferObjects.add(item);
        continue;
      }
      const mode = transferModeOf(item);
      if (mode !== undefined && (mode & kTransferable)) {
        if (transferObjects.has(item)) {
          throw dataCloneError(`Transfer list contains duplicate ${describe(item).slice(2, -1)}`);
        }
        if (isMarkedAsUntransferable(item)) continue;
        transferObjects.add(item);
        continue;
      }
    }
    throw new (errors().ERR_INVALID_TRANSFER_OBJECT)();
  }
  return { transferBuffers, transferObjects };
}

const kPortDetached = Symbol('kPortDetached');
const kEmptyTransfer = Object.freeze({
  transferBuffers: Object.freeze(new Set()),
  transferObjects: Object.freeze(new Set()),
});

// Clones value for postMessage()/structuredClone(). Returns
// { value, ports, error } where error is a deserialization error to report
// as 'messageerror' (only when reportDeserializeErrors is set).
//
// With moveBuffers (messages to another thread), transferred ArrayBuffers are
// neither copied nor detached: the clone refers to them and the result lists
// them as `buffers`; the caller serializes the clone, then moves each with
// moveArrayBuffer().
function cloneForTransfer(value, list, sourcePort, reportDeserializeErrors = false,
                          moveBuffers = false) {
  const { transferBuffers, transferObjects } = list.length === 0 ? kEmptyTransfer :
    checkTransferList(list, sourcePort);
  const state = {
    memo: new Map(),
    transferBuffers,
    transferObjects,
    moveBuffers,
    complex: false,
    ports: [],
    adopt: [],
    reportDeserializeErrors,
    deserializeError: undefined,
  };
  if (list.length === 0) {
    const out = cloneValue(value, state);
    return {
      value: out, ports: [], error: state.deserializeError, buffers: undefined,
      simple: !state.complex,
    };
  }
  const out = cloneValue(value, state);
  // Transferables listed but not found in the message still move.
  for (const item of transferObjects) {
    if (!state.memo.has(item)) cloneTransferable(item, transferModeOf(item), state);
  }
  // Success: now the transfer takes effect. Moved buffers (the clone refers
  // to them) are the caller's to detach; resizable ones were copied.
  let buffers;
  for (const buffer of transferBuffers) {
    if (moveBuffers && state.memo.get(buffer) === buffer) {
      buffers ??= [];
      buffers.push(buffer);
    } else if (!isDetached(buffer)) {
      ArrayBufferPrototypeTransfer.call(buffer);
    }
  }
  for (const [from, to] of state.adopt) from[kPortTransfer].adopt(from, to);
  // MessageEvent.ports lists the transferred ports in transfer-list order.
  const ports = [];
  for (const item of list) {
    if (transferObjects.has(item) && item[kPortTransfer] !== undefined) {
      const port = state.memo.get(item);
      if (port !== undefined) ports.push(port);
    }
  }
  return {
    value: out,
    ports,
    error: state.deserializeError,
    buffers,
    simple: false,
  };
}

// Detaches buffer and returns a new ArrayBuffer that owns its storage (the
// engine hands the storage over without copying it).
function moveArrayBuffer(buffer) {
  return ArrayBufferPrototypeTransfer.call(buffer);
}

function structuredClone(value, options) {
  if (arguments.length === 0) {
    const err = new TypeError('The value argument must be specified');
    err.code = 'ERR_MISSING_ARGS';
    throw err;
  }
  let list = [];
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') {
      const err = new TypeError('The options argument must be either an object or undefined');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    const transfer = options.transfer;
    if (transfer !== undefined) list = readTransferList(transfer, 'transferList');
  }
  return cloneForTransfer(value, list, undefined).value;
}

module.exports = {
  structuredClone,
  dataCloneError,
  cloneForTransfer,
  moveArrayBuffer,
  readTransferList,
  markTransferMode,
  kClone,
  kDeserialize,
  kTransfer,
  kTransferList,
  kTransferMode,
  kPortTransfer,
  kPortDetached,
};

'use strict';
// Helpers shared by the WHATWG stream classes: the internal slots, the value
// queue with sizes, queuing strategy extraction, promise plumbing and the
// ArrayBuffer operations the byte stream algorithms use.

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');

// Captured now so that user code patching the prototypes cannot change how
// the streams settle their promises.
const PromisePrototypeThen = Promise.prototype.then;
const PromiseResolve = Promise.resolve.bind(Promise);
const PromiseReject = Promise.reject.bind(Promise);
const ReflectApply = Reflect.apply;
const ArrayBufferPrototypeTransfer = ArrayBuffer.prototype.transfer;
const ArrayBufferPrototypeSlice = ArrayBuffer.prototype.slice;
const detachedGetter = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached').get;
const byteLengthGetter = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayBufferGetter = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'buffer').get;
const typedArrayTagGetter =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;

const kState = Symbol('kState');
const kType = Symbol('kType');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

function nop() {}

function then(promise, onFulfilled, onRejected) {
  return ReflectApply(PromisePrototypeThen, promise, [onFulfilled, onRejected]);
}

// Marks promise as handled: its rejection is reported to no one.
function setPromiseHandled(promise) {
  ReflectApply(PromisePrototypeThen, promise, [nop, nop]);
}

function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// Calls fn with this = self and args; the result as a promise, a throw as a
// rejection.
function promiseCall(fn, self, ...args) {
  try {
    return PromiseResolve(ReflectApply(fn, self, args));
  } catch (err) {
    return PromiseReject(err);
  }
}

function isBrandOf(obj, type) {
  return obj != null && typeof obj === 'object' && obj[kType] === type;
}

function checkThis(obj, type) {
  if (!isBrandOf(obj, type)) throw new ERR_INVALID_THIS(type);
}

// ---- queue with sizes ----

function resetQueue(state) {
  state.queue = [];
  state.queueHead = 0;
  state.queueTotalSize = 0;
}

function queueLength(state) {
  return state.queue.length - state.queueHead;
}

function dequeueValue(state) {
  const pair = state.queue[state.queueHead];
  state.queue[state.queueHead] = undefined;
  state.queueHead++;
  if (state.queueHead > 1024 && state.queueHead * 2 > state.queue.length) {
    state.queue = state.queue.slice(state.queueHead);
    state.queueHead = 0;
  }
  state.queueTotalSize -= pair.size;
  if (state.queueTotalSize < 0) state.queueTotalSize = 0;
  return pair.value;
}

function enqueueValueWithSize(state, value, size) {
  if (typeof size !== 'number') size = Number(size);
  if (size !== size || size < 0 || size === Infinity) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  state.queue.push({ value, size });
  state.queueTotalSize += size;
}

function peekQueueValue(state) {
  return state.queue[state.queueHead].value;
}

// ---- queuing strategies ----

function extractHighWaterMark(value, defaultHWM) {
  if (value === undefined) return defaultHWM;
  const hwm = Number(value);
  if (hwm !== hwm || hwm < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', hwm);
  }
  return hwm;
}

function extractSizeAlgorithm(size) {
  if (size === undefined) return () => 1;
  if (typeof size !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('strategy.size', 'Function', size);
  }
  return (chunk) => size(chunk);
}

// ---- ArrayBuffers ----

function isArrayBufferDetached(buffer) {
  return ReflectApply(detachedGetter, buffer, []);
}

function arrayBufferByteLength(buffer) {
  return ReflectApply(byteLengthGetter, buffer, []);
}

function transferArrayBuffer(buffer) {
  return ReflectApply(ArrayBufferPrototypeTransfer, buffer, []);
}

function arrayBufferSlice(buffer, begin, end) {
  return ReflectApply(ArrayBufferPrototypeSlice, buffer, [begin, end]);
}

function viewBuffer(view) {
  if (ArrayBuffer.isView(view) && typedArrayTagGetter.call(view) !== undefined) {
    return ReflectApply(typedArrayBufferGetter, view, []);
  }
  return view.buffer;
}

function copyDataBlockBytes(dest, destOffset, src, srcOffset, count) {
  new Uint8Array(dest, destOffset, count).set(new Uint8Array(src, srcOffset, count));
}

// The bytes of view copied into a new Uint8Array.
function cloneAsUint8Array(view) {
  const buffer = arrayBufferSlice(viewBuffer(view), view.byteOffset,
                                  view.byteOffset + view.byteLength);
  return new Uint8Array(buffer);
}

// The element size and constructor of a view, for building one of the same
// kind over a filled region.
function viewInfo(view) {
  const tag = ArrayBuffer.isView(view) ? typedArrayTagGetter.call(view) : undefined;
  if (tag === undefined) return { ctor: DataView, elementSize: 1 };
  const ctor = globalThis[tag];
  return { ctor, elementSize: ctor.BYTES_PER_ELEMENT };
}

// ---- inspect ----

let inspectFn;
function lazyInspect() {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn;
}

function customInspect(depth, options, name, data) {
  if (depth < 0) return;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${lazyInspect()(data, opts)}`;
}

let DOMExceptionCtor;
function lazyDOMException(message, name) {
  DOMExceptionCtor ??= require('internal/per_context/domexception').DOMException;
  return new DOMExceptionCtor(message, name);
}

function defineToStringTag(ctor, name = ctor.name) {
  Object.defineProperty(ctor.prototype, Symbol.toStringTag, {
    __proto__: null, value: name, writable: false, enumerable: false, configurable: true,
  });
}

// WebIDL makes interface members enumerable.
function makeEnumerable(ctor, names) {
  for (const name of names) {
    const desc = Object.getOwnPropertyDescriptor(ctor.prototype, name);
    desc.enumerable = true;
    Object.defineProperty(ctor.prototype, name, desc);
  }
}

function makeStaticEnumerable(ctor, names) {
  for (const name of names) {
    const desc = Object.getOwnPropertyDescriptor(ctor, name);
    desc.enumerable = true;
    Object.defineProperty(ctor, name, desc);
  }
}

module.exports = {
  ReflectApply,
  PromiseResolve,
  PromiseReject,
  arrayBufferByteLength,
  arrayBufferSlice,
  checkThis,
  cloneAsUint8Array,
  copyDataBlockBytes,
  createDeferredPromise,
  customInspect,
  defineToStringTag,
  dequeueValue,
  enqueueValueWithSize,
  extractHighWaterMark,
  extractSizeAlgorithm,
  isArrayBufferDetached,
  isBrandOf,
  kInspect,
  kState,
  kType,
  lazyDOMException,
  lazyInspect,
  makeEnumerable,
  makeStaticEnumerable,
  nop,
  peekQueueValue,
  promiseCall,
  queueLength,
  resetQueue,
  setPromiseHandled,
  then,
  transferArrayBuffer,
  viewBuffer,
  viewInfo,
};
